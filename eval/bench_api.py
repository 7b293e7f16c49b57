"""`python -m eval bench-api`: the HTTP API's cost over the in-process answer, and its behaviour
under load — measured in one run on one index.

    python -m eval bench-api --data DIR            # an index built by python -m ingest
    python -m eval bench-api                       # builds the dev index in --work first

1. In process: one Searcher, `answer()` per question (what `kb ask` spends once its models are
   loaded), and
2. over HTTP: `python -m kb serve` on a free 127.0.0.1 port, the same question posted to /ask
   (client-side time: JSON, HTTP and the server's threads included) — each question timed both
   ways in turn, so both meet the same load on the machine. Target: p50 within 50 ms of (1).
3. Load: N clients (default 20) for S seconds (default 60), each posting the questions in turn —
   4 of 5 to /ask, 1 of 5 to /v1/chat/completions streamed through to [DONE]. Target: no error;
   p50/p95/p99 and answers/s reported.

The questions are the dev set's (only their text: nothing is scored). Compare figures only as
ratios within one run; the CPU flags are in the report. Results replace the `bench-api` section
of eval/RESULTS.md.
"""
from __future__ import annotations

import json
import os
import re
import secrets
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from typing import Any

from eval import common

DEV_INPUTS = [common.SHARED / "corpus" / "laws", common.SHARED / "corpus" / "formats", common.SHARED / "seeds"]
FALLBACK_QUESTIONS = ["重点用能单位每年要报送什么材料？", "排污许可证的有效期是多长？", "清洁生产审核在什么情况下是强制的？",
                      "未按规定报送能源利用状况报告会怎样处罚？", "环境影响评价文件由谁审批？"]
TARGET_GAP_MS = 50.0


def cpu_flags() -> str:
    try:
        text = Path("/proc/cpuinfo").read_text()
    except OSError:
        return "unknown"
    return " ".join(sorted(set(re.findall(r"\b(avx512_vnni|avx2)\b", text)))) or "neither avx2 nor avx512_vnni"


def questions(limit: int) -> list[str]:
    try:
        qs = [q["question"] for q in common.load_questions()]
    except (OSError, ValueError, KeyError):
        qs = FALLBACK_QUESTIONS
    return (qs * (limit // max(1, len(qs)) + 1))[:limit]


def ensure_index(data: Path | None, work: Path) -> Path:
    if data is not None:
        return data
    data = work / "dev"
    if not (data / "chroma").is_dir():
        proc = subprocess.run([sys.executable, "-m", "ingest", *map(str, DEV_INPUTS), "--data", str(data), "--quiet"],
                              cwd=common.ROOT)
        if proc.returncode not in (0, 1):
            raise RuntimeError("ingest of the dev corpus failed")
    return data


def stats(ms: list[float]) -> dict[str, float]:
    return {"n": len(ms), "p50": round(common.percentile(ms, 50), 1), "p95": round(common.percentile(ms, 95), 1),
            "p99": round(common.percentile(ms, 99), 1), "mean": round(sum(ms) / max(1, len(ms)), 1)}


# ---------------------------------------------------------------------- 1 and 2, paired
def paired(data: Path, server: "Server", qs: list[str]) -> tuple[dict, dict, float]:
    """Each question answered in process, then over HTTP, one after the other (the same load on
    the machine for both); (in-process stats, HTTP stats, median of the per-question differences)."""
    import httpx

    from kb.answers.answer import answer
    from kb.search.searcher import Searcher
    from kb.settings import load_settings

    searcher = Searcher(load_settings(data_dir=data))
    headers = {"Authorization": f"Bearer {server.key}"}
    with httpx.Client(base_url=server.url, headers=headers, timeout=120) as c:
        for q in qs[:3]:  # warm both: caches, registers, lazily loaded parts
            answer(searcher.read(q), searcher)
            c.post("/ask", json={"question": q}).raise_for_status()
        local, remote = [], []
        for q in qs:
            t = time.perf_counter()
            answer(searcher.read(q), searcher)  # as the API does: read once, then answer
            local.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            c.post("/ask", json={"question": q}).raise_for_status()
            remote.append((time.perf_counter() - t) * 1000)
    diffs = [r - lo for r, lo in zip(remote, local, strict=True)]
    return stats(local), stats(remote), round(common.percentile(diffs, 50), 1)


# ---------------------------------------------------------------------- the server
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, data: Path, log: Path) -> None:
        self.key = secrets.token_hex(16)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "GREENKB_API_KEYS": self.key}
        self.log = open(log, "wb")
        self.proc = subprocess.Popen([sys.executable, "-m", "kb", "serve", "--data", str(data), "--port", str(self.port)],
                                     cwd=common.ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 300
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited; see {log}")
            try:
                with urllib.request.urlopen(self.url + "/health", timeout=2):
                    return
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("server did not start") from None
                time.sleep(0.3)

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.log.close()


# ---------------------------------------------------------------------- 3. load
def load(server: Server, qs: list[str], clients: int, seconds: float) -> dict[str, Any]:
    import httpx

    headers = {"Authorization": f"Bearer {server.key}"}
    lat: list[float] = []
    errors: list[str] = []
    counts = {"ask": 0, "chat": 0}
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def chat(c: httpx.Client, q: str) -> None:
        body = {"model": "greenkb", "stream": True, "messages": [{"role": "user", "content": q}]}
        with c.stream("POST", "/v1/chat/completions", json=body) as r:
            r.raise_for_status()
            last = ""
            for line in r.iter_lines():
                if line.startswith("data: "):
                    last = line[6:]
            if last != "[DONE]":
                raise RuntimeError("stream ended without [DONE]")

    def client(n: int) -> None:
        with httpx.Client(base_url=server.url, headers=headers, timeout=300) as c:
            i = n
            while time.monotonic() < stop_at:
                q = qs[i % len(qs)]
                kind = "chat" if i % 5 == 4 else "ask"
                t = time.perf_counter()
                try:
                    if kind == "chat":
                        chat(c, q)
                    else:
                        r = c.post("/ask", json={"question": q})
                        r.raise_for_status()
                        json.loads(r.text)
                except Exception as exc:
                    with lock:
                        errors.append(f"{kind}: {type(exc).__name__}: {str(exc)[:120]}")
                else:
                    with lock:
                        lat.append((time.perf_counter() - t) * 1000)
                        counts[kind] += 1
                i += 1

    started = time.monotonic()
    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.monotonic() - started
    return {**stats(lat), "clients": clients, "seconds": round(wall, 1), "answers_per_s": round(len(lat) / wall, 2),
            "errors": len(errors), "error_samples": errors[:5], **counts}


# ---------------------------------------------------------------------- report
def report(data: Path, n: int, cli: dict, http: dict, paired_gap: float, under: dict) -> str:
    gap = http["p50"] - cli["p50"]
    lines = [
        "## API: HTTP cost over the in-process answer, and load (`python -m eval bench-api`)",
        "",
        f"- date: {time.strftime('%Y-%m-%d %H:%M')}; commit {common.commit()}",
        f"- machine: {common.machine()}",
        f"- CPU flags: {cpu_flags()}",
        f"- index: {data} ({n} questions of the dev set, text only)",
        "",
        "| ask | n | p50 ms | p95 ms | mean ms |",
        "| --- | --- | --- | --- | --- |",
        f"| in process (`answer()`) | {cli['n']} | {cli['p50']} | {cli['p95']} | {cli['mean']} |",
        f"| HTTP POST /ask, one at a time | {http['n']} | {http['p50']} | {http['p95']} | {http['mean']} |",
        "",
        f"p50 over HTTP − in process: **{gap:+.1f} ms** (target ≤ {TARGET_GAP_MS:.0f} ms: "
        f"{'met' if gap <= TARGET_GAP_MS else 'NOT met'}); median of the per-question differences "
        f"{paired_gap:+.1f} ms (each question timed in process, then over HTTP, in turn).",
        "",
        f"Load: {under['clients']} clients for {under['seconds']} s on this machine (server and clients share it); "
        f"4 of 5 requests POST /ask, 1 of 5 a streamed /v1/chat/completions.",
        "",
        "| requests | errors | answers/s | p50 ms | p95 ms | p99 ms |",
        "| --- | --- | --- | --- | --- | --- |",
        f"| {under['n']} ({under['ask']} ask, {under['chat']} chat) | {under['errors']} | {under['answers_per_s']} | "
        f"{under['p50']} | {under['p95']} | {under['p99']} |",
    ]
    if under["error_samples"]:
        lines += ["", "Errors: " + "; ".join(under["error_samples"])]
    return "\n".join(lines) + "\n"


def main(args) -> int:
    data = ensure_index(args.data, args.work)
    qs = questions(args.questions)
    print(f"CPU flags: {cpu_flags()}", flush=True)
    args.work.mkdir(parents=True, exist_ok=True)
    server = Server(data, args.work / "bench-api-server.log")
    try:
        cli, http, gap = paired(data, server, qs)
        print(f"in process: {cli}\nover HTTP:  {http}\nmedian difference: {gap} ms", flush=True)
        under = load(server, qs, args.clients, args.seconds)
        print(f"load:       {under}", flush=True)
    finally:
        server.stop()
    body = report(data, len(qs), cli, http, gap, under)
    print(body)
    if not args.no_write:
        common.write_section("bench-api", body)
    return 0 if under["errors"] == 0 else 1


def add_parser(sub) -> None:
    p = sub.add_parser("bench-api", help="HTTP API: /ask cost over the in-process answer; N clients for S seconds")
    p.add_argument("--data", type=Path, help="an existing index (default: the dev corpus, built in --work)")
    p.add_argument("--work", type=Path, default=Path("/tmp/greenkb-bench"))
    p.add_argument("--questions", type=int, default=60, help="questions timed in (1) and (2)")
    p.add_argument("--clients", type=int, default=20)
    p.add_argument("--seconds", type=float, default=60.0)
    p.add_argument("--no-write", action="store_true", help="do not update eval/RESULTS.md")
    p.set_defaults(func=main)
