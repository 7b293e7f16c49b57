"""Who interprets a named text (《X》由哪些部门负责解释, X的解释权归谁): X's own clause answers
(本规定由…负责解释). Search ranks that short closing clause low against a question made mostly of X's
title, so it is looked for in X alone; a text without such a clause — most laws have none — names
no interpreter, and the answer says so instead of quoting the article on who supervises what X
governs."""
from __future__ import annotations

from typing import Any

from kb.answers.leads import INTERPRETER_ASKED, INTERPRETER_SAID
from kb.question.kinds import Ask
from kb.question.reading import ParsedQuestion
from kb.text.titles import book_title
from kb.types import SearchHit

_CLAUSE_QUERY = "本规定由哪个部门负责解释"
_CLAUSE_DEPTH = 5  # the clause says 解释 outright: searched in X alone, it is among the first


def asks_interpreter(pq: ParsedQuestion) -> bool:
    return (bool(INTERPRETER_ASKED.search(pq.text)) and Ask.WHO in pq.asks and Ask.PENALTY not in pq.asks
            and len(pq.documents) == 1)


def interpretation_clause(pq: ParsedQuestion, searcher: Any, hits: list[SearchHit],
                          search: Any) -> tuple[list[SearchHit], str]:
    """(`hits` with the named text's interpretation clause second when the first passages lack it,
    '') — or (`hits`, the reason to refuse) when the text has no such clause. `search(pq, k,
    filters)` is the answer's own search."""
    if not asks_interpreter(pq) or not hits:
        return hits, ""
    if any(INTERPRETER_SAID.search(h.text or "") for h in hits if h.doc_id == hits[0].doc_id):
        return hits, ""
    from kb.search.searcher import Filters

    try:
        own = search(searcher.read(_CLAUSE_QUERY), _CLAUSE_DEPTH, Filters(file_names=[pq.documents[0]]))
    except Exception:  # the passages found still answer what they can
        return hits, ""
    if not own:
        return hits, ""
    clause = next((h for h in own if INTERPRETER_SAID.search(h.text or "")), None)
    if clause is None:
        return hits, f"{book_title(own[0].title or pq.documents[0])}没有规定由哪个部门负责解释"
    return [hits[0], clause] + [h for h in hits[1:] if h.chunk_id != clause.chunk_id][: len(hits) - 2], ""
