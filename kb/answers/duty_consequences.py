"""What breaking a duty costs, read from the duties register (kb.registers.duties):

* `consequence_lines`: for an answer that quotes a duty, "违反的后果：…[n]" from the penalty
  that enforces it, with its citation.
* `linked_penalty_hits`: for a fine asked of a conduct whose duty search puts first, the penalty
  articles enforcing that duty, which search ranks low for want of the conduct's words.
"""
from __future__ import annotations

from typing import Any, Sequence

from kb.answers.catalog import Catalog
from kb.answers.duty_answers import _enforcing, _hit_for, _quoted_duties, register_of
from kb.answers.units import short_title
from kb.question.kinds import DOCUMENT_EVENTS, Ask
from kb.question.reading import ParsedQuestion
from kb.registers.duties import Penalty
from kb.registers.penalties import pairs
from kb.text.roles import Role, roles
from kb.text.titles import book_title
from kb.types import Citation, SearchHit

CONSEQUENCE_MAX = 2  # 违反的后果 lines added to one answer
NOT_DUTY_QUESTIONS = (Ask.PENALTY, Ask.STATUS, Ask.CHANGE, Ask.DEFINITION)


def consequence_lines(pq: ParsedQuestion, answer: Any, catalog: Catalog | None) -> tuple[list[str], list[Citation]]:
    """For an answer (anything with `.citations`) that quotes a duty with a linked penalty:
    "违反的后果：《X》第Y条：…[n]" lines and their citations, numbered after the answer's own.
    ([], []) when the question is not about a duty, or no quoted duty has a penalty."""
    citations = list(getattr(answer, "citations", None) or [])
    if not citations or any(k in pq.asks for k in NOT_DUTY_QUESTIONS) or catalog is None:
        return [], []
    if any(f in DOCUMENT_EVENTS for f in pq.focus):
        return [], []
    register = register_of(catalog)
    if register is None:
        return [], []
    found: list[Penalty] = []
    seen: set[tuple] = set()
    cited = {(c.hit.doc_id, c.hit.locator) for c in citations}  # a penalty the answer quotes already
    for c in citations:
        for duty in _quoted_duties(c, register):
            for p in register.penalties_for(duty):
                key = (p.doc_id, p.locator, p.paragraph, p.item, p.text)  # (a 款 may punish two conducts)
                if key in seen or (p.doc_id, p.locator) in cited:
                    continue
                if catalog.allowed is None or p.doc_id in catalog.allowed:
                    seen.add(key)
                    found.append(p)
    # more penalties than lines: those whose conduct the question's words meet first (个人…游泳、垂钓
    # before 从事网箱养殖, asked of swimming), in the order found
    asked = pairs(" ".join([pq.text, *pq.legal_terms]))
    ranked = sorted(range(len(found)), key=lambda k: (-len(asked & pairs(found[k].conduct or found[k].text)), k))
    shown: list[tuple[int, SearchHit]] = []
    for k in ranked:
        if len(shown) >= CONSEQUENCE_MAX:
            break
        h = _hit_for(found[k].doc_id, found[k].locator, found[k].text, [x.hit for x in citations], catalog)
        if h is not None:
            shown.append((k, h))
    lines: list[str] = []
    extra: list[Citation] = []
    for k, h in sorted(shown, key=lambda kh: kh[0]):
        p = found[k]
        n = len(citations) + len(extra) + 1
        extra.append(Citation(n, h, p.text))
        lines.append(f"违反的后果：{book_title(short_title(h.title))}{p.locator}：{p.text}[{n}]")
    return lines, extra


LINKED_MAX = 2  # penalties of the first passage's duties brought in for a fine asked


def linked_penalty_hits(pq: ParsedQuestion, hits: Sequence[SearchHit], catalog: Catalog | None) -> list[SearchHit]:
    """For a question asking what a conduct costs (会被罚多少) whose first passage is the duty the
    conduct breaks (对怀孕7个月以上的女职工，不得安排夜班劳动): the penalty articles of its document
    that enforce that duty — naming it first (违反本规定第六条第二款…的，处…罚款) — which search ranks low
    for want of the conduct's words. Empty when the first passage is a penalty itself."""
    if Ask.PENALTY not in pq.asks or not hits or catalog is None or Role.PENALTY in roles(hits[0].text or ""):
        return []
    register = register_of(catalog)
    if register is None:
        return []
    have = {(h.doc_id, h.locator) for h in hits}
    out: list[SearchHit] = []
    for p in _enforcing(hits[0], register, catalog):
        if (p.doc_id, p.locator) in have:
            continue
        h = _hit_for(p.doc_id, p.locator, p.text, hits, catalog)
        if h is not None:
            out.append(h)
            have.add((p.doc_id, p.locator))
        if len(out) >= LINKED_MAX:
            break
    return out
