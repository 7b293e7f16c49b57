"""Penalty articles reached through the rule a conduct breaks.

A penalty question describes the conduct in everyday words (把线绕过电表直接接电用), while the
penalty article names it in the statute's shorthand (盗窃电能的) or only by reference (违反本条例第
三十一条规定的). The rule that spells the conduct out — a duty or a prohibition, often with its
forms listed (窃电行为包括：…绕越供电企业的用电计量装置用电) — is what the conduct resembles. So the
conduct alone is searched densely, and the penalties that the duties register links to the rules
found (kb.registers.duties: by conduct or by reference) join the second stage's candidates, each
with the similarity of the rule it enforces (the `duty_gap` feature).
"""
from __future__ import annotations

import logging
from typing import Any

from kb.question.kinds import Ask
from kb.question.reading import ParsedQuestion

log = logging.getLogger(__name__)

RULE_DEPTH = 5  # passages of the conduct search whose linked penalties are brought in


def penalty_links(searcher: Any, pq: ParsedQuestion, allowed: set[str] | None,
                  penalised: set[str]) -> dict[int, list[int]]:
    """Chunk position of a penalty article → the positions of the rules it enforces that the
    conduct search found. Empty unless the question asks for the penalty of a conduct and an
    embedder and the duties register are at hand."""
    if Ask.PENALTY not in pq.asks or not pq.conduct or searcher.embedder is None:
        return {}
    from kb.registers.duties import DutyRegister  # the register imports the index, not the reverse

    try:
        register = DutyRegister.of(searcher)
    except Exception:  # answers go on without the links
        log.warning("duties register unavailable for penalty links", exc_info=True)
        return {}
    out: dict[int, list[int]] = {}
    from kb.search.searcher import _doc_of

    for rid, _sim in searcher._dense(pq.conduct, RULE_DEPTH, allowed):
        doc_id = _doc_of(rid)[0]
        locator = searcher.info[searcher.id_pos[rid]][0]
        if doc_id in penalised:
            continue
        penalties = register.penalties_naming(doc_id, locator)
        for duty in register.duties_of(doc_id, locator):
            penalties += [p for p in register.penalties_for(duty) if p not in penalties]
        for p in penalties:
            if p.doc_id in penalised or (allowed is not None and p.doc_id not in allowed):
                continue
            for pos in _penalty_chunk(searcher, p.doc_id, p.locator, p.text):
                rules = out.setdefault(pos, [])
                if searcher.id_pos[rid] not in rules:
                    rules.append(searcher.id_pos[rid])
    return out


def _penalty_chunk(searcher: Any, doc_id: str, locator: str, text: str) -> list[int]:
    """The chunk of the penalty article holding the clause (its first chunk when none does)."""
    positions = searcher._article_positions(doc_id, locator)
    if len(positions) <= 1:
        return positions
    records = searcher.index.get_chunks([searcher.lex.ids[p] for p in positions])
    probe = text[:20]
    holding = [p for p in positions
               if probe and probe in (getattr(records.get(searcher.lex.ids[p]), "text", "") or "").replace("\n", "")]
    return holding[:1] or positions[:1]
