"""The changes between two versions that a question is about, ready to cite.

`change_pair` picks the two versions to compare (a family's two newest, one version and its
predecessor, or two named versions); `change_summary` compares them (`kb.versions.diff`) and
ranks the changed, added, removed — and, for a topical question, unchanged — articles by how
much they are about the question's topic (`questions.Relevance`).
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any, Sequence

from kb.types import DocumentMeta, SearchHit
from kb.versions import diff as kdiff
from kb.versions.articles import articles_from_hits
from kb.versions.dates import version_date, version_sort_key
from kb.versions.graph import VersionGraph
from kb.question.reading import ParsedQuestion, read_question
from kb.versions.questions import Relevance, _norm
from kb.text.titles import book_title
from kb.versions.wordops import substance


@dataclass
class ChangeItem:
    """One change between two versions, ready to cite."""

    status: str  # changed | added | removed | unchanged
    doc_a: str  # doc_id of the old version ('' for added)
    doc_b: str  # doc_id of the new version ('' for removed)
    locator_a: str
    locator_b: str
    text: str  # short Chinese description
    score: float = 0.0  # relevance to the question
    hit_a: SearchHit | None = None  # chunk of the old article (the one holding quote_a)
    hit_b: SearchHit | None = None  # chunk of the new article (the one holding quote_b)
    quote_a: str = ""  # the old clause the question is about ('' without topical words)
    quote_b: str = ""  # the new clause
    substance: float = 0.0  # how much the change matters (kb.versions.wordops.substance): renamings 0

    @property
    def pair(self) -> tuple[str, str]:
        return (self.locator_a, self.locator_b)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["hit_a"] = self.hit_a.to_result() if self.hit_a else None
        d["hit_b"] = self.hit_b.to_result() if self.hit_b else None
        return d


def change_pair(
    graph: VersionGraph, family_or_doc_ids: str | Sequence[str]
) -> tuple[DocumentMeta, DocumentMeta] | None:
    """(old, new): the two versions `change_summary` compares for `family_or_doc_ids`."""
    docs = graph.docs
    ids = [family_or_doc_ids] if isinstance(family_or_doc_ids, str) else list(family_or_doc_ids)
    pair: list[DocumentMeta]
    if len(ids) >= 2 and all(i in docs for i in ids[:2]):
        pair = sorted([docs[ids[0]], docs[ids[1]]], key=version_sort_key)
    else:
        chain = graph.lineage(ids[0]) if ids else []
        if ids and ids[0] in docs:
            # One doc: compare with its predecessor (or successor when it is the oldest).
            pos = next(n for n, d in enumerate(chain) if d.doc_id == ids[0])
            pair = chain[max(0, pos - 1) : max(0, pos - 1) + 2]
        else:
            pair = chain[-2:]
    if len(pair) < 2:
        return None
    return pair[0], pair[1]


def change_summary(
    index: Any,
    graph: VersionGraph,
    family_or_doc_ids: str | Sequence[str],
    question: str | ParsedQuestion = "",
    k: int = 5,
    include_unchanged: bool = True,
    unchanged_weight: float = 0.6,
) -> list[ChangeItem]:
    """The changes between two versions that a question is about, most relevant first.

    `family_or_doc_ids`: a family key or title (the two newest versions of its lineage are
    compared, a repealed predecessor law included), one doc_id (it and its predecessor), or
    two doc_ids (old, new; order fixed by version date). Relevance is the overlap of the
    question's topic words (law titles, years and question words removed) with the old and
    new article texts (an article left as it was counts `unchanged_weight` of its overlap: 1.0 when
    the question asks whether the rule changed at all); with no topical words the changed articles
    come in article order. Each
    item carries the chunk of both articles (`hit_a`, `hit_b`) that holds its quote, to cite.
    """
    pair = change_pair(graph, family_or_doc_ids)
    if pair is None:
        return []
    old, new = pair
    res = kdiff.diff_documents(index, old, new)
    chunks_a, chunks_b = index.chunks_of(old.doc_id), index.chunks_of(new.doc_id)
    arts_a, arts_b = articles_from_hits(chunks_a), articles_from_hits(chunks_b)
    pq = question if isinstance(question, ParsedQuestion) else read_question(question)
    rel = Relevance(pq, [old.title, new.title], [x.text for x in arts_a + arts_b])
    terms = bool(rel)

    hits_a: dict[str, list[SearchHit]] = {}
    hits_b: dict[str, list[SearchHit]] = {}
    for h in chunks_a:
        hits_a.setdefault(h.locator, []).append(h)
    for h in chunks_b:
        hits_b.setdefault(h.locator, []).append(h)
    label_a, label_b = _version_label(old), _version_label(new)

    def quote(text: str) -> str:
        """The clause of `text` the question is most about ('' without topical words)."""
        if not terms:
            return ""
        parts = [p.strip() for p in re.split(r"(?<=[。；])|\n", text) if p.strip()]
        best = max(parts, key=lambda p: rel(p), default="")
        return clip(best, 120) if best and rel(best) > 0 else ""

    def hit(chunks: dict[str, list[SearchHit]], loc: str, q: str) -> SearchHit | None:
        parts = chunks.get(loc) or []
        probe = _norm(q.rstrip("…"))
        for h in parts:
            if probe and probe in _norm(h.text):
                return h
        return parts[0] if parts else None

    items: list[ChangeItem] = []
    for e in res.changed:
        changed_text = "".join(o.a + o.b for o in e.ops if o.op != "equal")
        qa, qb = quote(e.text_a), quote(e.text_b)
        # The whole pair, what changed, and the two quoted clauses (a pair whose clauses are
        # about the topic beats a long article that mentions every word somewhere).
        score = rel(e.text_a, e.text_b) + 0.5 * rel(changed_text) + 0.25 * (rel(qa) + rel(qb))
        head = f"{label_a}{e.locator_a} → {label_b}{e.locator_b}"
        text = f"{head}：{e.summary}"
        if qa and qb and _norm(qa) != _norm(qb):
            text = f"{head}：原为「{qa}」，现为「{qb}」"
        items.append(ChangeItem(
            "changed", old.doc_id, new.doc_id, e.locator_a, e.locator_b, text, score,
            hit(hits_a, e.locator_a, qa), hit(hits_b, e.locator_b, qb), qa, qb, substance(e.ops),
        ))
    for e in res.added:
        qb = quote(e.text_b)
        items.append(ChangeItem(
            "added", "", new.doc_id, "", e.locator_b,
            f"{label_b}新增{e.locator_b}：「{qb or clip(e.text_b)}」",
            rel(e.text_b) * 1.2 + 0.25 * rel(qb), None, hit(hits_b, e.locator_b, qb), "", qb,
        ))
    for e in res.removed:
        qa = quote(e.text_a)
        items.append(ChangeItem(
            "removed", old.doc_id, "", e.locator_a, "",
            f"{label_a}{e.locator_a}在{label_b}中已删去：「{qa or clip(e.text_a)}」",
            rel(e.text_a) * 1.2 + 0.25 * rel(qa), hit(hits_a, e.locator_a, qa), None, qa, "",
        ))
    if include_unchanged and terms:
        texts_a = {a.locator: a.text for a in arts_a}
        for e in res.unchanged:
            s = rel(texts_a.get(e.locator_a, "")) * unchanged_weight
            renum = f"（条号改为{e.locator_b}）" if e.locator_a != e.locator_b else ""
            items.append(ChangeItem(
                "unchanged", old.doc_id, new.doc_id, e.locator_a, e.locator_b,
                f"{label_a}{e.locator_a}在{label_b}中内容未变{renum}", s,
                hit(hits_a, e.locator_a, ""), hit(hits_b, e.locator_b, ""),
            ))
    if terms:
        items = [i for i in items if i.score > 0]
        items.sort(key=lambda i: -i.score)
    else:  # what changed in general: what matters first (penalties, amounts, duties), renamings last
        items = [i for i in items if i.status == "changed"]
        items.sort(key=lambda i: -i.substance)
    return items[:k]


def clip(s: str, n: int = 60) -> str:
    """`s` on one line, cut to `n` characters with an ellipsis."""
    s = s.replace("\n", " ").strip()
    return s if len(s) <= n else s[:n] + "…"


def _version_label(d: DocumentMeta) -> str:
    vd = version_date(d)
    return f"{vd[:4]}年版" if vd else book_title(d.title)
