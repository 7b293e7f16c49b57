"""Deciding that the knowledge base holds no basis for an answer.

Three kinds of unanswerable question, three checks (any one is enough to abstain):

1. A named thing the knowledge base lacks: a document in 《》, a standard number (GB/T 36132),
   a place (广东省), or a year the question is about (2023年的…) that appears in none of the
   retrieved passages (titles, dates and texts), or — for a place — only in passages that say
   nothing else the question asks.
2. A topic outside the knowledge base: the question's content terms are poorly covered by the
   best passages (weighted share of its terms found, plus character-bigram overlap).
3. Nothing retrieved at all.

The thresholds were set by looking at kinds of questions (a law's article asked in a user's
own words covers well over half of the question's terms; questions on topics the corpus lacks
cover well under half) rather than at individual questions.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from kb.answers.units import bigrams, short_title
from kb.index.lexical import normalize
from kb.question.reading import ParsedQuestion
from kb.types import SearchHit

COVERAGE_MIN = 0.15  # weighted share of the question's content terms found in the best passages
LOW_COVERAGE, LOW_BIGRAM = 0.30, 0.12  # both term and character overlap low: another topic
STRONG_COVERAGE = 0.70  # a place-named question may rest on a passage this well matched
# Weak topic match: the best passage's dense similarity is low AND the question's terms are only
# partly covered. Dense similarities of e5 models sit in a narrow band (≈0.85–0.96), so the
# threshold is for that family; other embedders (or none) skip this rule.
DENSE_LOW = 0.885
DENSE_LOW_COVERAGE = 0.65


@dataclass
class Decision:
    abstain: bool
    reason: str = ""
    signals: dict[str, float | str] = field(default_factory=dict)


def _norm(s: str) -> str:
    return re.sub(r"\s+", "", normalize(s))


def _evidence_text(h: SearchHit) -> str:
    return _norm(f"{h.title} {h.file_name} {h.date} {h.heading_path} {h.text}")


def coverage(pq: ParsedQuestion, hits: list[SearchHit], top: int = 3) -> tuple[float, float]:
    """(best single-passage term coverage, bigram coverage) over the top passages."""
    terms = list(pq.terms)
    if not terms or not hits:
        return 0.0, 0.0
    weights = {t: min(len(t), 4) for t in terms}
    total = sum(weights.values())
    best_terms = 0.0
    for h in hits[:top]:
        ev = _evidence_text(h)
        c = sum(w for t, w in weights.items() if _norm(t) in ev) / total
        best_terms = max(best_terms, c)
    qb = bigrams("".join(terms))
    best_bi = 0.0
    for h in hits[:top]:
        hb = bigrams(f"{h.title} {h.text}")
        if qb:
            best_bi = max(best_bi, len(qb & hb) / len(qb))
    return best_terms, best_bi


def decide(pq: ParsedQuestion, hits: list[SearchHit]) -> Decision:
    if not hits:
        return Decision(True, "没有检索到相关段落")
    evidence = [_evidence_text(h) for h in hits]
    all_ev = " ".join(evidence)
    cov, bi = coverage(pq, hits)
    signals: dict[str, float | str] = {"coverage": round(cov, 3), "bigram": round(bi, 3)}

    for name in pq.named:
        n = _norm(short_title(name))
        if n and n not in all_ev and _norm(name) not in all_ev:
            return Decision(True, f"知识库中没有找到《{name}》", signals)
    for num in pq.standards:
        if num not in all_ev:
            return Decision(True, f"知识库中没有找到标准 {num}", signals)
    for y in pq.subject_years:
        if y not in " ".join(evidence[:5]):
            return Decision(True, f"检索到的文件中没有关于 {y} 年的内容", signals)
    for r in pq.regions:
        local_doc = any(r in _norm(h.title) for h in hits[:5])
        if local_doc:
            continue
        mentioned = [h for h in hits[:5] if r in _evidence_text(h)]
        if not mentioned:
            return Decision(True, f"知识库中没有找到关于“{r}”的文件", signals)
        strong = max(coverage(pq, [h], top=1)[0] for h in mentioned)
        if strong < STRONG_COVERAGE:
            return Decision(True, f"知识库中没有关于“{r}”这一问题的专门规定", signals)
    signals["support"] = round(cov, 3)
    if cov < COVERAGE_MIN or (cov < LOW_COVERAGE and bi < LOW_BIGRAM):
        return Decision(True, "检索到的段落与问题的关键内容不符", signals)
    dense = hits[0].sources.get("dense", 0.0) if hits[0].sources else 0.0  # the best-ranked passage
    if dense:
        signals["dense"] = round(dense, 4)
        if dense < DENSE_LOW and cov < DENSE_LOW_COVERAGE and e5_like(hits):
            return Decision(True, "检索到的段落与问题的主题相距较远", signals)
    return Decision(False, "", signals)


def e5_like(hits: list[SearchHit]) -> bool:
    """Dense scores in the e5 band (cosine similarities that never drop far below 0.8)."""
    ds = [h.sources.get("dense") for h in hits if h.sources and h.sources.get("dense")]
    return bool(ds) and min(ds) > 0.75
