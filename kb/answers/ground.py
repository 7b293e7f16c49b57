"""Which passage an answer stands on first, among the best ones search returned.

Search ranks passages by how well they match the question; an answer must also rest on the right
kind of ground. Three rules put the right ground first:
- a question about what a document says is answered from its body, not from its header (title,
  number, preamble), which comes first only because it repeats the question's words;
- a question naming no place is answered first from the national rules, which bind everywhere,
  not from one province's own rule;
- a question setting a kind aside (（不是金融机构）) is not answered from a document titled by it.
"""
from __future__ import annotations

from typing import Any

from kb.question.kinds import Ask
from kb.question.reading import ParsedQuestion
from kb.types import SearchHit

_NOT_BODY = ("header", "落款", "版记")
BODY_LOOKAHEAD = 4  # passages after the header searched for the same document's body
NATIONAL_LOOKAHEAD = 2  # passages after a local one searched for a national one
NATIONAL_SCORE_SHARE = 0.5  # … scoring at least this share of the local passage's score


def national(h: SearchHit, docs: dict[str, Any]) -> bool:
    """Whether `h` comes from a document of no particular place (a national text)."""
    d = docs.get(h.doc_id)
    return d is None or not (getattr(d, "region", "") or "")


def body_first(pq: ParsedQuestion, hits: list[SearchHit]) -> list[SearchHit]:
    """The first passage of the leading document's body within the next few, in front of its
    header — unless the question is about the document itself (when, which number, who issued it)."""
    if not hits or hits[0].locator != "header" or pq.document_dates or pq.wants(Ask.TIMELINE) \
            or pq.about_document:
        return hits
    for h in hits[1 : 1 + BODY_LOOKAHEAD]:
        if h.doc_id == hits[0].doc_id and h.locator not in _NOT_BODY:
            return [h] + [x for x in hits if x is not h]
    return hits


def national_first(hits: list[SearchHit], docs: dict[str, Any]) -> list[SearchHit]:
    """A national passage close behind a local one, in front of it: 山东省清洁生产促进条例's fine is
    not the answer for a firm anywhere. A local-only topic far ahead of any national text stays."""
    if not hits or national(hits[0], docs):
        return hits
    for h in hits[1 : 1 + NATIONAL_LOOKAHEAD]:
        if national(h, docs) and h.score >= NATIONAL_SCORE_SHARE * hits[0].score:
            return [h] + [x for x in hits if x is not h]
    return hits


def lead_order(pq: ParsedQuestion, hits: list[SearchHit], docs: dict[str, Any] | None) -> list[SearchHit]:
    """`hits` with the passage the answer should stand on first (see the module docstring)."""
    if docs is not None and not pq.regions:
        hits = national_first(hits, docs)
    return excluded_last(pq, body_first(pq, hits))


def excluded_last(pq: ParsedQuestion, hits: list[SearchHit]) -> list[SearchHit]:
    """Passages of documents titled by a kind the question sets aside (国有重点金融机构监事会暂行条例,
    asked about enterprises, 不是金融机构) behind the others, when there are others."""
    if not pq.excluded:
        return hits
    aside = [h for h in hits if any(w in (h.title or "") for w in pq.excluded)]
    if not aside or len(aside) == len(hits):
        return hits
    return [h for h in hits if h not in aside] + aside
