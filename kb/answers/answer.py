"""Answering a question with citations: `answer(question, searcher, mode=..., k=..., filters=...)`.

- extractive (default, no LLM): verbatim sentences of the retrieved passages, each with [n]
  (kb.extractive);
- llm: an OpenAI-compatible model writes from numbered sources; the result is verified
  (kb.verify) and any failure of the model falls back to the extractive answer with a notice.

Both modes abstain ("已收录文件中未找到依据") when the evidence does not support an answer
(kb.abstain); the closest passages are then returned as `related`, never as citations.

Versions (kb.versions):
- an answer citing a text that is 已被修订, 已废止 or 尚未施行 ends with a separate line per such
  document, "注意：[n]《旧法》已废止，现行为《新法》（2021-12-24）。", naming the version in force;
- a question about what changed between versions (`versions.is_change_question`) is answered
  from the comparison of the two versions (`versions.change_summary`): a lead line naming both,
  then "旧版第X条：<old clause>[n]；新版第Y条：<new clause>[m]" for the changes it is about,
  verbatim. Without a law with two versions in the KB the usual extractive answer is given.
"""
from __future__ import annotations

import dataclasses
import logging
import re
from typing import Any, Sequence

from kb.answers import abstain

from kb.answers import extractive

from kb.answers import verify

from kb.versions import versions
from kb.types import Answer, Citation, SearchHit

log = logging.getLogger(__name__)

NO_BASIS = "已收录文件中未找到依据"
FALLBACK_NOTICE = "LLM 服务不可用，已改用摘录模式："
RELATED_N = 3


def _search(searcher: Any, query: str, k: int, filters: Any) -> list[SearchHit]:
    hits = list(searcher.search(query, k=k, filters=filters))
    for i, h in enumerate(hits, 1):
        if not h.rank:
            h.rank = i
    return hits


def _wants_all_versions(question: str) -> bool:
    return bool(
        re.search(r"新旧|旧版|老的|以前的|原来的|修订前|修改前|前后|\d{4}\s*年\s*版|两版|两部|跟以前|与以前|此前|当年", question)
    ) or versions.is_change_question(question)


@dataclasses.dataclass
class Catalog:
    """What version-aware answers need from the searcher: the index (chunks_of), the
    documents and their status."""

    index: Any
    docs: dict
    status: dict
    allowed: set | None = None  # doc ids the user's filters let through (None: no filter)


def catalog_of(searcher: Any, filters: Any = None) -> Catalog | None:
    """The catalog behind `searcher` (a kb.search.Searcher, or a wrapper with `.inner`);
    None for searchers without an index (test doubles)."""
    for s in (searcher, getattr(searcher, "inner", None)):
        index = getattr(s, "index", None) if s is not None else None
        if index is None or not hasattr(index, "chunks_of") or not hasattr(index, "documents"):
            continue
        try:
            docs = getattr(s, "docs", None)
            if not isinstance(docs, dict):
                docs = index.documents()
            status = getattr(s, "status", None)
            if not isinstance(status, dict) or not status:
                status = versions.status_map(docs)
            allowed = None
            if filters is not None and getattr(filters, "restricts", False):
                allowed = set(s.allowed_docs(filters) or ()) if hasattr(s, "allowed_docs") else set()
        except Exception:  # pragma: no cover - a broken index: answer without versions
            log.warning("catalog unavailable for version notes", exc_info=True)
            return None
        return Catalog(index, docs, status, allowed)
    return None


OUTDATED = (versions.STATUS_REVISED, versions.STATUS_REPEALED, versions.STATUS_PENDING)


def version_notes(citations: Sequence[Citation], catalog: Catalog | None) -> list[str]:
    """One "注意：[n]…" line per cited document not in force, naming the current version."""
    docs = catalog.docs if catalog else {}
    by_doc: dict[str, list[int]] = {}
    for c in citations:
        by_doc.setdefault(c.hit.doc_id, []).append(c.n)
    first = {d: ns[0] for d, ns in by_doc.items()}
    lines: list[str] = []
    done: set[str] = set()
    for c in citations:
        doc_id = c.hit.doc_id
        if doc_id in done:
            continue
        done.add(doc_id)
        status = c.hit.status or (catalog.status.get(doc_id, "") if catalog else "")
        if status not in OUTDATED:
            continue
        note = ""
        if doc_id in docs:
            try:
                note = versions.version_note(docs, doc_id, status=status, cited=first)
            except Exception:  # pragma: no cover
                log.warning("version note failed for %s", doc_id, exc_info=True)
        if not note:
            date = f"（{c.hit.date}）" if c.hit.date else ""
            note = f"《{c.hit.title}》{date}{status}。"
        refs = ",".join(str(n) for n in by_doc[doc_id])
        lines.append(f"注意：[{refs}]{note}")
    return lines


def _with_notes(text: str, citations: Sequence[Citation], catalog: Catalog | None) -> str:
    notes = version_notes(citations, catalog)
    return text + ("\n" + "\n".join(notes) if notes else "")


def _status_warnings(citations: Sequence[Citation]) -> list[str]:
    """One line per cited document that is not in force (not one per citation)."""
    groups: dict[tuple[str, str, str], list[int]] = {}
    for c in citations:
        if c.hit.status and c.hit.status not in ("现行有效", ""):
            groups.setdefault((c.hit.title, c.hit.file_name, c.hit.status), []).append(c.n)
    return [
        f"[{','.join(map(str, ns))}]《{title}》（{file_name}）状态：{status}"
        for (title, file_name, status), ns in groups.items()
    ]


def _version_label(doc: Any, status: dict) -> str:
    bits = [b for b in (versions.version_date(doc), status.get(doc.doc_id, "")) if b]
    return f"《{(doc.title or doc.file_name).strip('《》')}》" + (f"（{'，'.join(bits)}）" if bits else "")


TOPIC_COVERAGE_MIN = 0.4  # share (by length) of a change question's topic words in the compared articles


def _topic_coverage(question: str, items: Sequence[Any], titles: Sequence[str]) -> float:
    """How much of the question's topic the best compared article pairs mention (1.0 for a
    question without topic words: 修改了哪些内容)."""
    asked = versions.topic_terms(question, titles)
    total = sum(len(t) for t in asked)
    if not total:
        return 1.0
    best = 0.0
    for it in items:
        text = versions._norm("".join(h.text for h in (it.hit_a, it.hit_b) if h is not None))
        best = max(best, sum(len(t) for t in asked if versions._norm(t) in text) / total)
    return best


def _names_another_law(question: str, docs: dict, family: str) -> bool:
    """True when the question also names a law outside `family`'s lineage: comparing two
    laws (海洋环境保护法和环境影响评价法有什么不同) is not a question about versions."""
    q = versions._norm(question)
    own = {versions._key_of(d) for d in versions.lineage(docs, family)}
    for f in versions.families(docs):
        k = f.key.split("·")[-1]
        if f.key in own or len(k) < 4 or k not in q:
            continue
        if any(k in o for o in own):  # 噪声污染防治法 inside 环境噪声污染防治法
            continue
        return True
    return False


def change_items(question: str, hits: list[SearchHit], catalog: Catalog | None) -> tuple[Any, Any, list] | None:
    """(old version, new version, ChangeItems most relevant first) for a question about what
    changed; None when it is not one, no law with two versions fits it, or the changes do not
    touch the question's topic."""
    if catalog is None or not versions.is_change_question(question):
        return None
    docs = catalog.docs
    try:
        # A law the question names; else the law of the best passages (not any passage).
        fam = versions.family_for_question(docs, question, ()) or versions.family_for_question(docs, question, hits[:2])
        if fam is None or _names_another_law(question, docs, fam):
            return None
        target = versions.versions_for_question(docs, fam, question)
        pair = versions.change_pair(docs, target)
        if pair is None:
            return None
        if catalog.allowed is not None and not {pair[0].doc_id, pair[1].doc_id} <= catalog.allowed:
            return None  # the user's filters leave out one of the two versions
        items = versions.change_summary(catalog.index, target, question, k=6)
    except Exception:  # pragma: no cover - comparison failed: the plain answer
        log.warning("change summary failed", exc_info=True)
        return None
    if not items:
        return None
    old, new = pair
    if _topic_coverage(question, items[:3], [old.title, new.title]) < TOPIC_COVERAGE_MIN:
        return None  # the question's topic is not what these versions changed: the usual answer
    for it in items:  # the hits of the comparison carry the status like search results
        for h in (it.hit_a, it.hit_b):
            if h is not None and not h.status:
                h.status = catalog.status.get(h.doc_id, "")
    return old, new, items


def change_answer(question: str, hits: list[SearchHit], catalog: Catalog | None,
                  warnings: list[str] | None = None) -> Answer | None:
    """The answer to "what changed" from the comparison of two versions; None when
    `change_items` finds nothing to compare."""
    found = change_items(question, hits, catalog)
    if found is None:
        return None
    old, new, items = found
    counts = None
    if not versions.topic_terms(question, [old.title, new.title]):
        try:
            from kb.versions import diff as kdiff

            counts = kdiff.diff_documents(catalog.index, old, new).counts
        except Exception:  # pragma: no cover - the counts are a courtesy
            log.warning("diff counts failed", exc_info=True)
    comp = extractive.compose_changes(
        question, items, _version_label(old, catalog.status), _version_label(new, catalog.status), counts=counts
    )
    if not comp.citations:
        return None
    w = list(warnings or []) + _status_warnings(comp.citations)
    return Answer(question=question, text=_with_notes(comp.text, comp.citations, catalog), citations=comp.citations,
                  abstained=False, mode="extractive", warnings=w)


def with_comparison(question: str, hits: list[SearchHit], catalog: Catalog | None, k: int) -> list[SearchHit]:
    """For the LLM: the compared articles of both versions first, then the other hits."""
    found = change_items(question, hits, catalog)
    if found is None:
        return hits
    front: list[SearchHit] = []
    for it in found[2][:3]:
        front += [h for h in (it.hit_a, it.hit_b) if h is not None]
    seen: set[str] = set()
    out: list[SearchHit] = []
    for h in front + hits:
        if h.chunk_id not in seen:
            seen.add(h.chunk_id)
            out.append(h)
    return out[: max(k, len(front))]


def _retrieval_query(question: str, history: Sequence[dict[str, str]] | None) -> str:
    """A follow-up question (short, or pointing back with 它/这/那) borrows the last user turn."""
    if not history:
        return question
    last = next((t.get("content", "") for t in reversed(history) if t.get("role") == "user"), "")
    if last and (len(question) < 14 or re.match(r"^(那|它|这|其|该|那么|还有|另外)", question)):
        return f"{last} {question}"
    return question


def retrieve(question: str, searcher: Any, k: int, filters: Any, history=None) -> list[SearchHit]:
    query = _retrieval_query(question, history)
    hits = _search(searcher, query, k, filters)
    # A question about an older version, or comparing versions, also looks at superseded ones.
    if _wants_all_versions(question) and filters is not None and hasattr(filters, "include_superseded"):
        if not filters.include_superseded:
            try:
                more = _search(searcher, query, k, dataclasses.replace(filters, include_superseded=True))
            except Exception:  # pragma: no cover - a searcher without that filter
                more = []
            seen = {h.chunk_id for h in hits}
            extra = [h for h in more if h.chunk_id not in seen]
            hits = _interleave(hits, extra, k)
    elif _wants_all_versions(question) and filters is None:
        try:
            from kb.search.searcher import Filters

            more = _search(searcher, query, k, Filters(include_superseded=True))
            seen = {h.chunk_id for h in hits}
            hits = _interleave(hits, [h for h in more if h.chunk_id not in seen], k)
        except Exception:
            pass
    return hits


def _interleave(a: list[SearchHit], b: list[SearchHit], k: int) -> list[SearchHit]:
    out: list[SearchHit] = []
    for x, y in zip(a, b + [None] * len(a)):  # type: ignore[operator]
        out.append(x)
        if y is not None:
            out.append(y)
    out += b[len(a) :]
    return out[: max(k, len(a))]


def abstention(question: str, hits: list[SearchHit], mode: str, reason: str, warnings: list[str] | None = None) -> Answer:
    text = NO_BASIS + (f"：{reason}。" if reason else "。")
    if hits:
        text += "以下是最接近的段落，仅供参考，不构成依据。"
    return Answer(
        question=question,
        text=text,
        citations=[],
        abstained=True,
        mode=mode,
        warnings=list(warnings or []),
        related=hits[:RELATED_N],
    )


def extractive_answer(question: str, hits: list[SearchHit], warnings: list[str] | None = None,
                      catalog: Catalog | None = None) -> Answer:
    decision = abstain.decide(question, hits)
    if decision.abstain:
        return abstention(question, hits, "extractive", decision.reason, warnings)
    changed = change_answer(question, hits, catalog, warnings)
    if changed is not None:
        return changed
    comp = extractive.compose(question, hits)
    if not comp.citations:
        return abstention(question, hits, "extractive", "检索到的段落中没有能回答问题的句子", warnings)
    w = list(warnings or []) + _status_warnings(comp.citations)
    return Answer(question=question, text=_with_notes(comp.text, comp.citations, catalog), citations=comp.citations,
                  abstained=False, mode="extractive", warnings=w)


def llm_answer(question: str, hits: list[SearchHit], settings: Any, history=None,
               catalog: Catalog | None = None) -> Answer:
    from kb.answers import llm

    decision = abstain.decide(question, hits)
    if decision.abstain:
        return abstention(question, hits, "llm", decision.reason)
    secret = getattr(settings, "llm_api_key", "") or ""
    try:
        messages = llm.build_messages(question, hits, history)
        reply = llm.LLMClient(settings).complete(messages)
        if llm.looks_like_garbage(reply):
            raise llm.LLMUnavailable("返回内容无法使用（空白或没有来源编号）")
    except llm.LLMUnavailable as exc:
        notice = llm.redact(FALLBACK_NOTICE + str(exc), secret)
        log.warning("%s", notice)
        return extractive_answer(question, hits, warnings=[notice], catalog=catalog)
    except Exception as exc:  # anything unexpected in the client: same fallback, no secrets
        notice = llm.redact(FALLBACK_NOTICE + llm.describe_error(exc, secret), secret)
        log.warning("%s", notice)
        return extractive_answer(question, hits, warnings=[notice], catalog=catalog)

    reply = llm.redact(reply.strip(), secret)
    if reply.startswith(NO_BASIS) or (NO_BASIS in reply and not verify.MARKER_RE.search(reply)):
        return Answer(question=question, text=reply if reply.startswith(NO_BASIS) else NO_BASIS, abstained=True,
                      mode="llm", related=hits[:RELATED_N])
    extras = [f"{h.title} {h.locator} {h.heading_path} {h.date}" for h in hits]
    check = verify.verify(reply, [h.text for h in hits], extras)
    text, order = _renumber(check.text, check.markers_used)
    citations = []
    for old in check.markers_used:
        h = hits[old - 1]
        citing = [s for s in verify.split_sentences(check.text) if old in verify.markers_of(s)]
        citations.append(Citation(n=order[old], hit=h, quote=_best_quote(h, citing)))
    warnings = [_renumber(w, check.markers_used)[0] for w in check.warnings]
    warnings += _status_warnings(citations)
    return Answer(question=question, text=_with_notes(text, citations, catalog), citations=citations,
                  abstained=False, mode="llm", warnings=warnings)


def _renumber(text: str, used: list[int]) -> tuple[str, dict[int, int]]:
    """Source numbers → citation numbers in order of first use; unknown numbers stay as written."""
    order = {old: i + 1 for i, old in enumerate(used)}

    def sub(m: re.Match[str]) -> str:
        nums = re.split(r"\s*[,，、]\s*", m.group(1))
        return "[" + ",".join(str(order.get(int(x), int(x))) if x.isdigit() else x for x in nums) + "]"

    return verify.MARKER_RE.sub(sub, text), order


def _best_quote(hit: SearchHit, citing: list[str]) -> str:
    units = extractive.split_units(hit.text)
    if not units:
        return ""
    want = extractive.bigrams(" ".join(citing))
    best = max(units, key=lambda u: len(extractive.bigrams(u.text) & want))
    return best.text


def answer(
    question: str,
    searcher: Any,
    mode: str = "extractive",
    k: int = 8,
    filters: Any = None,
    history: Sequence[dict[str, str]] | None = None,
    settings: Any = None,
) -> Answer:
    """Answer `question` from what `searcher` finds. `history`: earlier turns
    [{"role": "user"|"assistant", "content": …}] for follow-up questions."""
    question = (question or "").strip()
    mode = mode or "extractive"
    if not question:
        return Answer(question="", text=NO_BASIS + "：问题为空。", abstained=True, mode=mode)
    hits = retrieve(question, searcher, k or 8, filters, history)
    catalog = catalog_of(searcher, filters)
    if mode == "llm":
        settings = settings or getattr(searcher, "settings", None)
        if settings is None:
            from kb.settings import load_settings

            settings = load_settings()
        if not settings.llm_configured:
            ans = extractive_answer(
                question, hits, warnings=[FALLBACK_NOTICE + "未配置 LLM（GREENKB_LLM_BASE_URL / GREENKB_LLM_MODEL）"],
                catalog=catalog,
            )
            return ans
        return llm_answer(question, with_comparison(question, hits, catalog, k or 8), settings, history, catalog=catalog)
    return extractive_answer(question, hits, catalog=catalog)
