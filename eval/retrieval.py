"""`python -m eval retrieval`: hit@1/5/10, MRR per question type and search latency of kb.search.

    python -m eval retrieval --questions ../shared/eval/dev.jsonl --data /tmp/kbdata
    python -m eval retrieval --data /tmp/kbdata --grid      # also compare fusion settings
    python -m eval retrieval --data /tmp/kbdata --ingest ../shared/corpus/laws ...  # build first
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any, Sequence

from eval import common


def evaluate(searcher, questions: Sequence[dict[str, Any]], k: int = 10) -> dict[str, Any]:
    """Run every question once; return per-question records, scores and latencies (ms)."""
    records = []
    latencies = []
    for q in questions:
        t0 = time.perf_counter()
        hits = searcher.search(q["question"], k=k)
        ms = (time.perf_counter() - t0) * 1000
        latencies.append(ms)
        rank = common.first_hit_rank(q, [(h.file_name, h.locator, h.text) for h in hits]) if q.get("doc") else None
        records.append({
            "id": q["id"], "type": q.get("type", ""), "rank": rank, "ms": round(ms, 1),
            "gold": f"{q.get('doc')}#{q.get('locator')}",
            "top": [f"{h.file_name}#{h.locator}" for h in hits[:5]],
        })
    ans = [r for r in records if r["gold"] != "None#None"]
    scores = common.score([r["rank"] for r in ans], [r["type"] for r in ans])
    warm = latencies[1:] if len(latencies) > 1 else latencies
    return {
        "records": records,
        "scores": scores,
        "p50": common.percentile(warm, 50),
        "p95": common.percentile(warm, 95),
        "first": latencies[0] if latencies else 0.0,
    }


def grid(searcher, questions: Sequence[dict[str, Any]]) -> list[tuple[str, Any]]:
    """Fusion variants measured on the same index (query vectors are cached between runs)."""
    from kb.search.searcher import Fusion

    base = searcher.fusion
    plain = dict(named_doc_boost=1.0, named_article_boost=1.0, header_factor=1.0)
    variants: list[tuple[str, Fusion]] = [
        ("BM25 only", Fusion(method="rrf", w_dense=0.0, **plain)),
        ("dense only", Fusion(method="rrf", w_lex=0.0, **plain)),
    ]
    for wd in (0.5, 1.0, 1.5):
        for rk in (10, 60):
            variants.append((f"RRF k={rk} w_dense={wd}", Fusion(method="rrf", rrf_k=rk, w_dense=wd, **plain)))
    for a in (0.3, 0.5, 0.7):
        variants.append((f"mix alpha={a}", Fusion(method="mix", alpha=a, **plain)))
    variants.append(("chosen, no heuristics", replace(base, **plain)))
    variants.append(("chosen + doc boost", replace(base, named_article_boost=1.0, header_factor=1.0)))
    variants.append(("chosen (all heuristics)", base))
    out = []
    for name, fz in variants:
        searcher.fusion = fz
        res = evaluate(searcher, questions)
        out.append((name, res["scores"]))
        print(f"  {name:28s} {res['scores'].row()}", file=sys.stderr)
    searcher.fusion = base
    return out


def main(args: argparse.Namespace) -> int:
    from kb.search.searcher import Searcher
    from kb.settings import load_settings

    questions = common.load_questions(args.questions)
    settings = load_settings(data_dir=args.data)
    if args.ingest:
        from ingest.pipeline import run

        summary = run([Path(p) for p in args.ingest], settings)
        print(f"ingested: {summary.count('added')} added, {summary.count('updated')} updated, "
              f"{summary.count('failed')} failed, {summary.seconds:.0f}s", file=sys.stderr)
    t0 = time.perf_counter()
    searcher = Searcher(settings)
    load_s = time.perf_counter() - t0
    res = evaluate(searcher, questions)
    s = res["scores"]
    lines = [
        "## Retrieval: kb.search (hybrid BM25 + dense)",
        "",
        *common.header_lines(
            f"kb.search.searcher.Searcher, fusion {searcher.fusion}",
            str(args.data),
            common.describe_corpus([Path(p) for p in args.ingest] if args.ingest else sorted({Path(d.path).parent for d in searcher.docs.values()})),
            Path(args.questions),
        ),
        f"- embedder: {searcher.model}; documents {len(searcher.docs)}, chunks {len(searcher.lex.ids)}; searcher load {load_s:.1f}s",
        f"- second stage: {common.second_stage_note()}",
        "",
        *common.scores_table([("kb.search", s)]),
        "",
        f"Search latency (warm, first query excluded): p50 {res['p50']:.0f} ms, p95 {res['p95']:.0f} ms "
        f"(first query {res['first']:.0f} ms).",
        "",
        "Per question type:",
        "",
        *common.type_table([("kb.search", s)]),
        "",
        "Misses at 5 (gold → top 5):",
        "",
    ]
    for r in res["records"]:
        if r["gold"] != "None#None" and (r["rank"] is None or r["rank"] > 5):
            lines.append(f"- {r['id']} ({r['type']}): {r['gold']} → {', '.join(r['top'][:3])}")
    if args.grid:
        table = grid(searcher, questions)
        lines += ["", "### Fusion comparison (same index, same questions)", "", *common.scores_table(table)]
    body = "\n".join(lines)
    if args.details:
        Path(args.details).write_text(json.dumps(res["records"], ensure_ascii=False, indent=1), encoding="utf-8")
    if not args.no_write:
        name = "retrieval" if Path(args.questions).name == "dev.jsonl" else f"retrieval-{Path(args.questions).stem}"
        common.write_section(name, body)
    print(body)
    return 0


def add_parser(sub) -> None:
    p = sub.add_parser("retrieval", help="hit@k / MRR / latency of kb.search")
    p.add_argument("--questions", type=Path, default=common.DEFAULT_QUESTIONS)
    p.add_argument("--data", type=Path, required=True, help="data folder of an ingested index")
    p.add_argument("--ingest", nargs="*", help="ingest these paths into --data first (incremental)")
    p.add_argument("--grid", action="store_true", help="also compare fusion variants")
    p.add_argument("--details", help="write per-question results (JSON) here")
    p.add_argument("--no-write", action="store_true", help="do not update eval/RESULTS.md")
    p.set_defaults(func=main)
