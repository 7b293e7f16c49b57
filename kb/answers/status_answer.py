"""“这份通知还有效吗”: a document's status answered from the version graph, with its source cited.

    status_answer(pq, hits, catalog, warnings) -> Answer | None     # in REGISTER_ANSWERS

The question must ask for a status (`Ask.STATUS`) and say which document: by name (the
question's `documents`), or as 这份/该/本 + 通知/文件/… with one document chosen by the user's
filters or found by the search. The status is the graph's (kb.versions.graph): 现行有效, 已被修订,
已废止 (by a KB document, by title or 文号), 已失效 (有效期), 期满 (a plan's period), 尚未施行. Each
claim cites the passage it rests on: the repealing sentence of the repealing document, the
document's own 有效期 or period sentence, its effective-date sentence. Anything else: None,
and the question is answered as usual.
"""
from __future__ import annotations

import logging
import re
from typing import Any

from kb.question.kinds import Ask
from kb.question.reading import ParsedQuestion
from kb.types import Answer, Citation, DocumentMeta, SearchHit
from kb.versions.graph import (
    STATUS_CURRENT,
    STATUS_ENDED,
    STATUS_EXPIRED,
    STATUS_PENDING,
    STATUS_REPEALED,
    STATUS_REVISED,
    number_key,
)
from kb.versions.dates import version_date
from kb.text.titles import book_title

log = logging.getLogger(__name__)

# "这份通知" / "该文件" / "本规划": the question points at a document without naming it.
DEICTIC_RE = re.compile(r"(?:这份|这个|这一|此|该|本|上述)(?:通知|文件|规划|方案|意见|办法|规定|标准|指南|公告|决定|文)")
_SENTENCE_RE = re.compile(r"[^。；！？\n]*[。；！？]?")


_TEXT_NAMED = re.compile(r"[\u4e00-\u9fff]{2,20}(?:法|条例|办法|规定|细则)(?!律|规)")


def status_answer(pq: ParsedQuestion, hits: list[SearchHit], catalog: Any, warnings: list[str]) -> Answer | None:
    if Ask.STATUS not in pq.asks or Ask.CHANGE in pq.asks or catalog is None:
        return None
    if pq.figure or Ask.NUMERIC in pq.asks:  # (审批单的有效期最长多久, the longest validity period: a figure asked)
        return None
    if any(Ask.STATUS in p.asks and not p.documents and _TEXT_NAMED.search(p.text) for p in pq.parts):
        # (…从哪天开始施行？原来那部上海市建筑节能条例还有效吗？: the part asking the status names a text
        # that is not indexed — not the one another part names)
        return None
    docs = _targets(pq, hits, catalog)
    if not docs:
        return None
    citations: list[Citation] = []
    lines = [_one(d, catalog, citations) for d in docs]
    if not citations:
        return None  # nothing to cite: let the usual answer speak
    return Answer(question=pq.raw, text="\n".join(lines), citations=citations, abstained=False,
                  mode="extractive", warnings=list(warnings))


# ------------------------------------------------------------------------------ which document
def _targets(pq: ParsedQuestion, hits: list[SearchHit], catalog: Any) -> list[DocumentMeta]:
    graph = catalog.graph
    allowed = catalog.allowed
    out: list[DocumentMeta] = []
    aliases = getattr(getattr(catalog.source, "aliases", None), "titles", {}) or {}
    for title in pq.documents:
        fams = graph.families_named(title) or ([graph.family(title)] if graph.family(title) else [])
        # a cover notice is named by the document it 印发 too (kb.question.aliases)
        fams += [f for f in (graph.family_of(i) for i in aliases.get(title, [])) if f is not None and f not in fams]
        for fam in fams:
            # The version the question is about: the one of the year it names (2018年版), else the
            # newest one the filters let through.
            versions = [d for d in fam.versions if allowed is None or d.doc_id in allowed]
            named = [d for d in versions if any(version_date(d).startswith(y) for y in pq.version_years)]
            pick = (named or versions)[-1:]
            if pick and pick[0] not in out:
                out.append(pick[0])
    if out:
        return out
    if not DEICTIC_RE.search(pq.text):
        return []
    if allowed is not None and len(allowed) == 1:
        only = next(iter(allowed))
        return [graph.docs[only]] if only in graph.docs else []
    if hits and hits[0].doc_id in graph.docs:
        return [graph.docs[hits[0].doc_id]]
    return []


# ------------------------------------------------------------------------------ one document
def _name(d: DocumentMeta) -> str:
    title = book_title(d.title or d.file_name)
    return title + (f"（{d.doc_number}）" if d.doc_number else "")


def _cite(citations: list[Citation], hit: SearchHit | None, quote: str, status: str) -> str:
    if hit is None:
        return ""
    hit.status = hit.status or status
    for c in citations:
        if c.hit.chunk_id == hit.chunk_id:
            return f"[{c.n}]"
    citations.append(Citation(n=len(citations) + 1, hit=hit, quote=quote))
    return f"[{len(citations)}]"


def _one(d: DocumentMeta, catalog: Any, citations: list[Citation]) -> str:
    graph = catalog.graph
    status = graph.status.get(d.doc_id, "")
    name = _name(d)
    own = _chunks(catalog, d.doc_id)
    st = {k: graph.status.get(k, "") for k in graph.docs}
    if status == STATUS_REPEALED:
        fam = graph.family_of(d.doc_id)
        rep_id = fam.replaced_by_doc if fam is not None else None
        if rep_id and rep_id in graph.docs:
            rep = graph.docs[rep_id]
            hit, quote = _find(_chunks(catalog, rep_id), _repeal_cues(d))
            ref = _cite(citations, hit, quote, st.get(rep_id, ""))
            said = f"规定“{quote}”{ref}" if quote else "规定将其废止"
            return f"{name}已废止：{_name(rep)}{said}。现行为{_name(rep)}。"
        hit, quote = _find(own, ("废止", "失效"))
        return f"{name}已废止（{graph.status_reason(d.doc_id)}）" + (f"：“{quote}”{_cite(citations, hit, quote, status)}" if quote else "") + "。"
    if status == STATUS_EXPIRED:
        hit, quote = _find(own, ("有效期",))
        ref = _cite(citations, hit, quote, status)
        said = f"该文件规定“{quote}”{ref}，" if quote else ""
        return f"{name}已失效：{said}{graph.status_reason(d.doc_id)}，已届满。"
    if status == STATUS_ENDED:
        hit, quote = _find(own, ("规划期", "实施期", "十四五", "十三五", "十五五"))
        if hit is None and own:
            hit, quote = own[0], ""
        ref = _cite(citations, hit, quote, status)
        said = f"“{quote}”{ref}，" if quote else f"{ref}"
        return f"{name}期满：{said}规划期已于{d.period_end}结束。"
    if status == STATUS_PENDING:
        hit, quote = _find(own, ("起施行", "起实施", "起执行"))
        return f"{name}尚未施行（{graph.status_reason(d.doc_id)}）" + (f"：“{quote}”{_cite(citations, hit, quote, status)}" if quote else "") + "。"
    if status == STATUS_REVISED:
        cur = graph.current_version(d.doc_id)
        hit = own[0] if own else None
        ref = _cite(citations, hit, "", status)
        own_v, cur_v = version_date(d), version_date(cur) if cur is not None else ""
        return (f"{name}（{own_v}版）{ref}已被修订" if own_v else f"{name}{ref}已被修订") + (
            f"，现行为{_name(cur)}" + (f"（{cur_v}版）" if cur_v else "") + "。" if cur is not None else "。")
    if status == STATUS_CURRENT:
        # a law's 有效期 is usually a licence's, not its own: only a stated expiry is looked for
        cues = ("有效期",) if d.expires else ()
        hit, quote = _find(own, cues + ("起施行", "起实施", "起执行", "印发之日"))
        if hit is None and own:
            hit, quote = own[0], ""
        ref = _cite(citations, hit, quote, status)
        said = f"“{quote}”{ref}" if quote else ref
        note = "；知识库中没有废止或替代它的文件"
        until = f"，有效期至{d.expires}" if d.expires else ""
        return f"{name}现行有效{until}：{said}{note}。"
    return ""


def _chunks(catalog: Any, doc_id: str) -> list[SearchHit]:
    try:
        hits = list(catalog.index.chunks_of(doc_id))
    except Exception:  # pragma: no cover - a broken index: no citation
        log.warning("chunks of %s unavailable", doc_id, exc_info=True)
        return []
    doc = catalog.docs.get(doc_id)
    for h in hits:  # chunk records carry no status; the graph's is the document's
        h.status = catalog.status.get(doc_id, "")
        if doc is not None and not h.title:
            h.title = doc.title
    return hits


def _repeal_cues(target: DocumentMeta) -> tuple[str, ...]:
    cues = [target.doc_number] if target.doc_number else []
    return tuple(cues) + ("同时废止", "废止")


def _find(hits: list[SearchHit], cues: tuple[str, ...]) -> tuple[SearchHit | None, str]:
    """The first chunk holding a sentence with one of `cues` (in order of preference), and
    that sentence."""
    for cue in cues:
        key = number_key(cue) if "〔" in cue else cue
        for h in hits:
            for m in _SENTENCE_RE.finditer(h.text):
                sentence = m.group(0).strip()
                probe = number_key(sentence) if "〔" in cue else sentence
                if sentence and key in probe:
                    return h, sentence
    return None, ""
