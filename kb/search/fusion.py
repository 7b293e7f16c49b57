"""How the two retrievers' lists are combined: `Fusion` (method, weights and the heuristics
applied after) and `fuse`, the fused score of every candidate."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Fusion:
    """How the two retrievers' lists are combined, and the heuristics applied after.

    Defaults were chosen on the dev set (see eval/RESULTS.md, "Fusion comparison"): a mix of
    max-normalised BM25 and min-max-normalised cosine beat RRF at every weight tried.
    """

    method: str = "mix"  # mix | rrf
    rrf_k: float = 60.0
    w_lex: float = 1.0
    w_dense: float = 1.0
    alpha: float = 0.4  # mix: weight of the (min-max normalised) dense score
    depth: int = 100  # candidates taken from each retriever
    named_doc_boost: float = 1.3  # chunks of a document the question names
    named_article_boost: float = 1.3  # chunks whose locator the question names (doc unknown)
    header_factor: float = 0.5  # multiplier for header chunks (promulgation lines), unless a timeline question
    old_version_factor: float = 0.6  # superseded versions, when the question does not ask for them
    quote_min_chars: int = 12  # a question this long found verbatim in a passage puts it first
    quote_depth: int = 30  # how many fused candidates are checked for the verbatim question


def fuse(fz: Fusion, lex_rank: dict[int, tuple[int, float]], dense_rank: dict[int, tuple[int, float]]) -> dict[int, float]:
    """Candidate position → fused score, from (rank, score) of each retriever (`fz.method`:
    mix of normalised scores, or reciprocal rank fusion)."""
    cands = set(lex_rank) | set(dense_rank)
    out: dict[int, float] = {}
    if fz.method == "mix":
        lmax = max((v[1] for v in lex_rank.values()), default=0.0) or 1.0
        dvals = [v[1] for v in dense_rank.values()]
        dmin, dmax = (min(dvals), max(dvals)) if dvals else (0.0, 1.0)
        span = (dmax - dmin) or 1.0
        a = fz.alpha if dense_rank else 0.0
        for p in cands:
            ls = lex_rank[p][1] / lmax if p in lex_rank else 0.0
            ds = (dense_rank[p][1] - dmin) / span if p in dense_rank else 0.0
            out[p] = (1 - a) * ls + a * ds
        return out
    for p in cands:
        s = 0.0
        if p in lex_rank:
            s += fz.w_lex / (fz.rrf_k + lex_rank[p][0] + 1)
        if p in dense_rank:
            s += fz.w_dense / (fz.rrf_k + dense_rank[p][0] + 1)
        out[p] = s
    return out
