"""How a lead rule looks down search's order (kb.answers.leads, kb.answers.list_leads): a few
passages further, within the first passage's document."""
from __future__ import annotations

import re
from typing import Callable

from kb.answers.units import Unit
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
