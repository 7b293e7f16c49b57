"""How a lead rule looks down search's order (kb.answers.leads, kb.answers.list_leads): a few
passages further, within the first passage's document — or, for a question naming a text, to that
text's passage."""
from __future__ import annotations

import re
from typing import Callable

from kb.answers.units import Unit
from kb.question.kinds import Ask
from kb.question.reading import ParsedQuestion
from kb.text.titles import title_key
from kb.types import SearchHit

LEAD_LOOKAHEAD = 3  # how far down search's order a question looks for the passage it asks for
LIST_LOOKAHEAD = 5  # a list of the very thing asked is looked for further down than a list of anything


def saying_lead(hits: list[SearchHit], quotable: list[int], first: int, said: re.Pattern[str], lookahead: int) -> int:
    """`first` when its passage says `said`, else the first of the next `lookahead` quotable passages
    of its document that does (else `first`): the rule of the leads that ask for a wording."""
    if said.search(hits[first].text or ""):
        return first
    return next_of_same_document(hits, quotable, first, lambda i: bool(said.search(hits[i].text or "")), lookahead)


def next_of_same_document(hits: list[SearchHit], quotable: list[int], first: int,
                           fits: Callable[[int], bool], lookahead: int) -> int:
    """The first of search's next `lookahead` quotable passages that is of `first`'s document and
    `fits`, else `first`."""
    for i in quotable[:lookahead]:
        if i != first and hits[i].doc_id == hits[first].doc_id and fits(i):
            return i
    return first


def enumerates(units: list[Unit]) -> bool:
    """A list intro (下列…：) followed by at least two of its items."""
    return any(u.kind == "intro" and sum(1 for x in units if x.intro == u.pos) >= 2 for u in units)


def first_part_document_lead(pq: ParsedQuestion, hits: list[SearchHit], quotable: list[int], first: int) -> int:
    """Parts naming different texts (现在的噪声法从哪天施行？原来的环境噪声法怎么处理？): a passage of the
    text the first part names, and asks something of, leads over one of the text another part names."""
    if len(pq.parts) < 2 or len(pq.parts[0].documents) != 1 or not pq.parts[0].asks:
        return first
    want = pq.parts[0].documents[0]
    if want in (d for part in pq.parts[1:] for d in part.documents):
        return first
    return _text_lead(hits, quotable, first, want)


def named_document_lead(pq: ParsedQuestion, hits: list[SearchHit], quotable: list[int], first: int) -> int:
    """A question naming one text (按环境保护法由哪一级负责) leads with that text's passage when search
    found one near the top, over another text's on the same topic."""
    if len(pq.documents) != 1 or pq.parts or pq.sides or pq.wants(Ask.COMPARE, Ask.CHANGE):
        return first
    return _text_lead(hits, quotable, first, pq.documents[0])


def _text_lead(hits: list[SearchHit], quotable: list[int], first: int, want: str) -> int:
    """`first` when it is a passage of the text titled `want`, else that text's first passage among
    search's next few (else `first`)."""
    if title_key(hits[first].title or "") == want:
        return first
    return next((i for i in quotable[:LEAD_LOOKAHEAD + 1] if title_key(hits[i].title or "") == want), first)
