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

from kb.versions.questions import is_change_question
from kb.answers.version_answers import (
    Catalog,
    _status_warnings,
    _with_notes,
    catalog_of,
    change_answer,
    with_comparison,
)
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
    ) or is_change_question(question)


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
