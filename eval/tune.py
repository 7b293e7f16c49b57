"""`python -m eval tune`: fit the second stage of search by cross-validation over question sets.

    python -m eval tune --set dev:/tmp/dev:../shared/eval/dev.jsonl \\
                        --set dev2:/tmp/dev2:eval/questions/dev2.jsonl --write

For every answerable question of every set, the first stage's best candidates (kb.search
Searcher.candidates) get their feature rows (kb.search.rerank.features) and a label (the README
hit rule). The weights minimise a listwise softmax loss (−log of the probability mass on the
gold candidates) with an L2 penalty. The penalty is chosen by K-fold cross-validation over all
questions of all sets together (folds stratified by set), and every figure reported is measured
on held-out folds only; the weights written are then fitted on everything with that penalty.
"""
from __future__ import annotations

import argparse
import datetime as _dt
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from eval import common

LAMBDAS = (0.003, 0.03, 0.3, 3.0)


@dataclass
class Item:
    set: str
    qid: str
    x: np.ndarray  # candidates × features
    y: np.ndarray  # 1 where the candidate is a gold place
    base_rank: int | None  # 1-based rank of the first hit in the fused order (None: not among the candidates)


def collect(name: str, data: Path, questions: Path, depth: int) -> list[Item]:
    from kb.search.rerank import features
    from kb.search.searcher import Searcher
    from kb.settings import load_settings

    searcher = Searcher(load_settings(data_dir=data), rerank_weights=None)
    items = []
    for q in common.answerable(common.load_questions(questions)):
        pq = searcher.read(q["question"])
        cands = searcher.candidates(pq, depth=depth)
        x = features(pq, cands, searcher._named_doc_ids(pq))
        y = np.array([1.0 if common.is_hit(q, c.hit.file_name, c.hit.locator, c.hit.text) else 0.0 for c in cands])
        base = next((i + 1 for i, v in enumerate(y) if v), None)
        items.append(Item(name, q["id"], x, y, base))
    print(f"  {name}: {len(items)} questions, gold among the first {depth} candidates for "
          f"{sum(1 for it in items if it.y.any())}", file=sys.stderr)
    return items


def _loss_grad(w: np.ndarray, items: list[Item], lam: float) -> tuple[float, np.ndarray]:
    loss, grad = lam * float(w @ w), 2 * lam * w
    n = 0
    for it in items:
        if not it.y.any() or len(it.y) < 2:
            continue
        s = it.x @ w
        s = s - s.max()
        p = np.exp(s)
        p /= p.sum()
        gold = it.y > 0
        mass = p[gold].sum()
        loss -= np.log(mass + 1e-12)
        # d(-log Σ_gold p)/dw = E_p[x] - E_{p | gold}[x]
        grad += p @ it.x - (p[gold] / mass) @ it.x[gold]
        n += 1
    return loss / max(n, 1), grad / max(n, 1)


def fit(items: list[Item], lam: float, n_features: int) -> np.ndarray:
    from scipy.optimize import minimize

    res = minimize(lambda w: _loss_grad(w, items, lam), np.zeros(n_features), jac=True, method="L-BFGS-B")
    return res.x


def ranks(items: list[Item], w: np.ndarray | None) -> list[int | None]:
    out: list[int | None] = []
    for it in items:
        if w is None:
            out.append(it.base_rank)
            continue
        order = sorted(range(len(it.y)), key=lambda i: (-(it.x[i] @ w), i))
        out.append(next((r + 1 for r, i in enumerate(order) if it.y[i]), None))
    return out


def metrics(rs: list[int | None]) -> dict[str, float]:
    n = max(len(rs), 1)
    return {
        "n": len(rs),
        "hit1": sum(1 for r in rs if r == 1) / n,
        "hit5": sum(1 for r in rs if r is not None and r <= 5) / n,
        "mrr": sum(1.0 / r for r in rs if r) / n,
    }


def folds(items: list[Item], k: int, seed: int = 20261126) -> list[list[int]]:
    rng = np.random.default_rng(seed)
    out: list[list[int]] = [[] for _ in range(k)]
    for name in sorted({it.set for it in items}):
        idx = [i for i, it in enumerate(items) if it.set == name]
        rng.shuffle(idx)
        for j, i in enumerate(idx):
            out[j % k].append(i)
    return out


def cross_validate(items: list[Item], lam: float, k: int, n_features: int) -> list[int | None]:
    """The held-out rank of every question (each predicted by weights fitted without its fold)."""
    held: list[int | None] = [None] * len(items)
    for fold in folds(items, k):
        test = set(fold)
        w = fit([it for i, it in enumerate(items) if i not in test], lam, n_features)
        for i, r in zip(fold, ranks([items[i] for i in fold], w), strict=True):
            held[i] = r
    return held


def run(args: argparse.Namespace) -> int:
    from kb.search.rerank import FEATURES, WEIGHTS_FILE

    items: list[Item] = []
    sets = []
    for spec in args.set:
        name, data, questions = spec.split(":", 2)
        sets.append(name)
        items += collect(name, Path(data), Path(questions), args.depth)
    nf = len(FEATURES)
    table: dict[float, dict[str, dict[str, float]]] = {}
    for lam in LAMBDAS:
        held = cross_validate(items, lam, args.folds, nf)
        table[lam] = {s: metrics([r for r, it in zip(held, items, strict=True) if it.set == s]) for s in sets}
        print(f"  λ={lam}: " + "  ".join(f"{s} hit@1 {m['hit1']:.3f} hit@5 {m['hit5']:.3f}" for s, m in table[lam].items()),
              file=sys.stderr)
    best = max(LAMBDAS, key=lambda lam: (sum(table[lam][s]["hit1"] for s in sets), sum(table[lam][s]["mrr"] for s in sets)))
    base = {s: metrics([it.base_rank for it in items if it.set == s]) for s in sets}
    w = fit(items, best, nf)
    lines = [
        f"- date: {_dt.datetime.now():%Y-%m-%d %H:%M}; commit: {common.commit()}",
        "- sets: " + ", ".join(f"{s} ({base[s]['n']} answerable)" for s in sets) + f"; candidates: first {args.depth} of the fused order",
        f"- {args.folds}-fold cross-validation over all questions (folds stratified by set); L2 penalty chosen: {best}",
        "",
        "| set | order | hit@1 | hit@5 | MRR |",
        "| --- | --- | --- | --- | --- |",
    ]
    for s in sets:
        b, c = base[s], table[best][s]
        lines.append(f"| {s} | fused (first stage) | {b['hit1']:.3f} | {b['hit5']:.3f} | {b['mrr']:.3f} |")
        lines.append(f"| {s} | reranked, held-out folds | {c['hit1']:.3f} | {c['hit5']:.3f} | {c['mrr']:.3f} |")
    lines += ["", "Weights (fitted on all questions):", "", "| feature | weight |", "| --- | ---: |"]
    lines += [f"| {f} | {v:+.3f} |" for f, v in sorted(zip(FEATURES, w, strict=True), key=lambda fv: -abs(fv[1]))]
    body = "\n".join(lines)
    print(body)
    if args.write:
        WEIGHTS_FILE.write_text(json.dumps({
            "weights": {f: round(float(v), 6) for f, v in zip(FEATURES, w, strict=True)},
            "depth": args.depth,
            "lambda": best,
            "fitted_on": {s: base[s]["n"] for s in sets},
            "cross_validated": {s: {k: round(v, 4) for k, v in table[best][s].items()} for s in sets},
            "first_stage": {s: {k: round(v, 4) for k, v in base[s].items()} for s in sets},
            "date": f"{_dt.date.today()}",
        }, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        common.write_section("tune", "## Second-stage ranking (`python -m eval tune`)\n\n" + body)
        print(f"\n写入 {WEIGHTS_FILE}", file=sys.stderr)
    return 0


def add_parser(sub: Any) -> None:
    p = sub.add_parser("tune", help="fit the second stage of search by cross-validation")
    p.add_argument("--set", action="append", required=True, help="NAME:DATA_DIR:QUESTIONS.jsonl (repeat)")
    p.add_argument("--depth", type=int, default=20)
    p.add_argument("--folds", type=int, default=5)
    p.add_argument("--write", action="store_true", help="write kb/search/rerank_weights.json and eval/RESULTS.md")
    p.set_defaults(func=run)
