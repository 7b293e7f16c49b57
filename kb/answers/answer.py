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
from typing import Any, Callable, Sequence

from kb.answers import abstain, extractive, figure_stated, leads, texts_named, units, verify
from kb.answers.catalog import Catalog, catalog_of
from kb.answers.referred_penalty import referred_answer
from kb.answers.duty_answers import (
    named_rule_lines,
    penalty_answer,
    penalty_by_conduct,
    penalty_by_reference,
    penalty_of_named_article,
    penalty_of_quoted_duty,
)
from kb.answers.duty_consequences import consequence_lines, linked_penalty_hits
from kb.answers.fine_schedule import fine_schedule, schedule_line
from kb.answers.interpreter import interpretation_clause
from kb.answers.referral import (aliases_of, conduct_stated_elsewhere, elsewhere_note, stated_elsewhere,
                                 subject_referral)
from kb.answers.standards_answer import standards_answer, standards_warnings
from kb.answers.status_answer import status_answer
from kb.answers.value_range import value_first
from kb.answers.version_answers import (_status_warnings, _with_notes, change_answer, one_version,
                                         unrecorded_revision, with_comparison)
from kb.index.lexical import bigrams
from kb.registers.references import ReferenceGraph
from kb.versions.questions import topic_terms
from kb.question.kinds import FOCUS_SOURCE, Ask
from kb.question.reading import ParsedQuestion, read_question
from kb.text.titles import book_title
from kb.types import Answer, Citation, SearchHit

log = logging.getLogger(__name__)

NO_BASIS = "已收录文件中未找到依据"
FALLBACK_NOTICE = "LLM 服务不可用，已改用摘录模式："
RELATED_N = 3


def read(question: str | ParsedQuestion, searcher: Any, history: Sequence[Any] | None = None) -> ParsedQuestion:
    """The question read once: by the searcher (against the indexed titles) when it can."""
    if isinstance(question, ParsedQuestion):
        return question
    reader = getattr(searcher, "read", None)
    if callable(reader):
        return reader(question, history)
    return read_question(question, None, history)


def _search(searcher: Any, pq: ParsedQuestion, k: int, filters: Any) -> list[SearchHit]:
    hits = list(searcher.search(pq, k=k, filters=filters))
    for i, h in enumerate(hits, 1):
        if not h.rank:
            h.rank = i
    return hits


def retrieve(question: str | ParsedQuestion, searcher: Any, k: int, filters: Any, history=None) -> list[SearchHit]:
    pq = read(question, searcher, history)
    hits = _search(searcher, pq, k, filters)
    # A question about an older version, or comparing versions, also looks at superseded ones.
    if pq.other_versions and filters is not None and hasattr(filters, "include_superseded"):
        if not filters.include_superseded:
            try:
                more = _search(searcher, pq, k, dataclasses.replace(filters, include_superseded=True))
            except Exception:  # pragma: no cover - a searcher without that filter
                more = []
            seen = {h.chunk_id for h in hits}
            extra = [h for h in more if h.chunk_id not in seen]
            hits = _with_others(pq, hits, extra, k)
    elif pq.other_versions and filters is None:
        try:
            from kb.search.searcher import Filters

            more = _search(searcher, pq, k, Filters(include_superseded=True))
            seen = {h.chunk_id for h in hits}
            extra = [h for h in more if h.chunk_id not in seen]
            hits = _with_others(pq, hits, extra, k)
        except Exception:
            pass
    hits = _each_side(pq, searcher, _each_named_document(pq, searcher, hits, k, filters), k, filters)
    return value_first(pq, _promulgation_header(pq, searcher, _effective_clause(pq, searcher, hits, k), k))


# "From when does 《X》 apply" is answered by X's own clause (本法自…起施行). Search ranks that short
# sentence low against a question made mostly of X's title, whose words fill every other article.
_EFFECTIVE_QUERY = "本法自何日起施行"


def _effective_clause(pq: ParsedQuestion, searcher: Any, hits: list[SearchHit], k: int) -> list[SearchHit]:
    """The named document's effective clause, second among `hits`, when a question asks from when
    it applies and the first passages hold no such clause."""
    if ("effective" not in pq.focus or not pq.wants(Ask.TIMELINE) or pq.wants(Ask.WHO)
            or len(pq.documents) != 1 or not hits):
        return hits
    states = FOCUS_SOURCE["effective"]
    if any(states.search(h.text or "") for h in hits[: leads.LEAD_LOOKAHEAD + 1]):
        return hits
    from kb.search.searcher import Filters

    try:
        own = _search(searcher, searcher.read(_EFFECTIVE_QUERY), 3, Filters(file_names=[pq.documents[0]]))
    except Exception:  # the passages found still answer what they can
        return hits
    clause = next((h for h in own if states.search(h.text or "")), None)
    if clause is None or any(h.chunk_id == clause.chunk_id for h in hits):
        return hits
    return [hits[0], clause] + hits[1 : max(k, len(hits)) - 1]


def _promulgation_header(pq: ParsedQuestion, searcher: Any, hits: list[SearchHit], k: int) -> list[SearchHit]:
    """A text in force 自公布之日起 dates itself only in its header (…国务院令第552号公布): when a
    question asks from when it applies and the clause found says so, the header comes next."""
    if "effective" not in pq.focus or not pq.wants(Ask.TIMELINE):
        return hits
    clause = next((h for h in hits[: leads.LEAD_LOOKAHEAD + 1]
                   if extractive.FROM_PROMULGATION.search(h.text or "")), None)
    if clause is None or any(h.doc_id == clause.doc_id and h.locator == "header" for h in hits):
        return hits
    from kb.search.searcher import Filters

    try:
        own = _search(searcher, searcher.read(_PROMULGATED_QUERY), 3, Filters(file_names=[clause.file_name]))
    except Exception:  # the clause found still answers what it can
        return hits
    header = next((h for h in own if h.doc_id == clause.doc_id and h.locator == "header"), None)
    if header is None:
        return hits
    at = hits.index(clause) + 1
    return hits[:at] + [header] + hits[at : max(k, len(hits)) - 1]


_PROMULGATED_QUERY = "何时公布的"

NAMED_EACH = 3  # passages of each named document a question about several of them gets at least


def _each_named_document(pq: ParsedQuestion, searcher: Any, hits: list[SearchHit], k: int,
                         filters: Any) -> list[SearchHit]:
    """A question naming several indexed documents (清洁生产促进法和山东省清洁生产促进条例…有什么不同)
    is about each of them: a document the passages found leave out gets its own best passages,
    searched within it and interleaved with the others."""
    titles = getattr(getattr(searcher, "aliases", None), "titles", None)
    if len(pq.documents) < 2 or titles is None or (filters is not None and getattr(filters, "restricts", False)):
        return hits
    from kb.search.searcher import Filters

    for name in pq.documents:
        ids = set(titles.get(name, []))
        if not ids or any(h.doc_id in ids for h in hits):
            continue
        try:
            own = _search(searcher, pq, NAMED_EACH, Filters(file_names=[name]))
        except Exception:  # the passages found still answer what they can
            continue
        seen = {h.chunk_id for h in hits}
        hits = _interleave(hits, [h for h in own if h.chunk_id not in seen and h.doc_id in ids], k)
    return hits


SIDE_SLOT = extractive.PART_PASSAGES - 1  # where a side's own best passage goes when search missed it


def _each_side(pq: ParsedQuestion, searcher: Any, hits: list[SearchHit], k: int, filters: Any) -> list[SearchHit]:
    """Two sides compared in one sentence (走普通程序和走简易程序，审理期限分别是多久) are each a
    question: a side whose own best passage the first passages lack gets it, searched alone and
    put last among the passages its line is drawn from (after the lead) — when it is of a text
    those passages are of, or, of another text, states the figure the side asks (环境污染 and
    产品缺陷 compared, each limitation period is in a law of its own). A side's own best passage is
    marked as found for it (extractive.SIDE_SOURCE)."""
    if not pq.sides or not hits:
        return hits
    for side in pq.sides:
        # (read with the other side's topic, kb.question.reading)
        named = pq.names_text_alone(side) or bool(side.text_level)
        try:
            own = _search(searcher, side, LEVEL_SIDE_HITS if side.text_level else 1, filters)
        except Exception:  # the passages found still answer what they can
            continue
        if side.text_level:  # the national texts, or the place's: its best passage among theirs
            own = [h for h in own if texts_named.of_level(h, side)][:1]
        if not own:
            continue
        at = next((i for i, h in enumerate(hits[: extractive.PART_PASSAGES]) if h.chunk_id == own[0].chunk_id), None)
        if at is not None:  # found already (as the question's search scored it)
            hits = hits[:at] + [_for_side(hits[at])] + hits[at + 1 :]
            continue
        found = _for_side(own[0])
        if (found.doc_id not in {h.doc_id for h in hits[: extractive.PART_PASSAGES]} and not named
                and not (side.figure and figure_stated.states_figure(side, own))):
            continue  # in a text the comparison is not about
        rest = [h for h in hits if h.chunk_id != found.chunk_id]
        slot = min(SIDE_SLOT, len(rest))
        hits = (rest[:slot] + [found] + rest[slot:])[: max(k, len(hits))]
    return hits


LEVEL_SIDE_HITS = 8  # passages a side naming texts by level looks through for one of its texts


def _for_side(h: SearchHit) -> SearchHit:
    return dataclasses.replace(h, sources={**h.sources, extractive.SIDE_SOURCE: 1.0})


def _with_others(pq: ParsedQuestion, hits: list[SearchHit], extra: list[SearchHit], k: int) -> list[SearchHit]:
    """`hits` with the other versions' passages `extra`: after them when one version is named by its
    year (search's own order puts it first), else interleaved."""
    return (hits + extra)[: max(k, len(hits))] if pq.one_version_named else _interleave(hits, extra, k)


def _interleave(a: list[SearchHit], b: list[SearchHit], k: int) -> list[SearchHit]:
    out: list[SearchHit] = []
    for x, y in zip(a, b + [None] * len(a), strict=False):  # type: ignore[operator]
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


# Answers that rest on a register or on the version graph rather than on the best passages (a
# document's status, a standard's status …). Each returns None unless the question is of its
# kind and the register holds the answer; they are tried in order before either mode answers.
RegisterAnswer = Callable[[ParsedQuestion, list[SearchHit], "Catalog | None", list[str]], "Answer | None"]
REGISTER_ANSWERS: tuple[RegisterAnswer, ...] = (standards_answer, status_answer, penalty_answer)


def register_answer(pq: ParsedQuestion, hits: list[SearchHit], catalog: Catalog | None,
                    warnings: list[str] | None = None) -> Answer | None:
    for special in REGISTER_ANSWERS:
        ans = special(pq, hits, catalog, list(warnings or []))
        if ans is not None:
            return ans
    return None


def extractive_answer(pq: ParsedQuestion, hits: list[SearchHit], warnings: list[str] | None = None,
                      catalog: Catalog | None = None) -> Answer:
    question = pq.raw
    decision = abstain.decide(pq, hits, catalog.docs if catalog else None)
    if decision.abstain and pq.figure:
        # a fine asked of a conduct whose duty leads: the penalty enforcing it may state the sum
        linked = linked_penalty_hits(pq, hits, catalog)
        if linked:
            widened = [hits[0], *linked, *hits[1:]]
            retry = abstain.decide(pq, widened, catalog.docs if catalog else None)
            if not retry.abstain:
                decision, hits = retry, widened
    if decision.abstain:
        return abstention(question, hits, "extractive", decision.reason, warnings)
    unrecorded = unrecorded_revision(pq, catalog)
    if unrecorded:
        return abstention(question, hits, "extractive", unrecorded, warnings)
    hits = decision.hits if decision.hits is not None else hits
    changed = change_answer(pq, hits, catalog, warnings)
    if changed is not None:
        return changed
    comp = extractive.compose(pq, hits)
    if not comp.citations:
        return abstention(question, hits, "extractive", "检索到的段落中没有能回答问题的句子", warnings)
    # a duty or an incentive asked that the sentences to be quoted do not state
    unstated = (abstain.duty_not_stated(pq, comp.text, [c.hit.doc_type for c in comp.citations])
                or abstain.incentive_not_stated(pq, comp.text))
    if unstated:
        return abstention(question, hits, "extractive", decision.placeless + unstated, warnings)
    if pq.wants(Ask.CHANGE):  # nothing to compare: say so, before what the text says of its revisions
        note, missing, revision = one_version(pq, min(comp.citations, key=lambda c: c.n).hit, catalog)
        if missing:
            return abstention(question, hits, "extractive", decision.placeless + missing, warnings)
        if revision is not None and not topic_terms(pq, [revision[1].hit.title]):
            # only "what changed that year": the header's line for it is all the text says
            return Answer(question=question, text="\n".join([*decision.notes, *note, revision[0]]),
                          citations=[revision[1]], abstained=False, mode="extractive", warnings=list(warnings or []))
        decision.notes.extend(note)
    led = (penalty_of_named_article(pq, comp, hits, catalog, list(warnings or []))
           or penalty_of_quoted_duty(pq, comp, catalog, list(warnings or []))
           or penalty_by_reference(pq, comp, hits, catalog, list(warnings or []))
           or penalty_by_conduct(pq, comp, hits, catalog, list(warnings or [])))
    # (a penalty that sends the party asked about to another indexed law: that law's penalty leads)
    led = referred_answer(pq, led or comp, hits, catalog, list(warnings or [])) or led
    lead = min((led or comp).citations, key=lambda c: c.n)
    schedule = fine_schedule(pq, lead.hit, hits)  # the text's one article on the sums of its fines
    unstated = ((not schedule and figure_stated.lead_lacks_figure(pq, lead.hit))
                or figure_stated.parts_lack_figures(pq, lead.hit, [c.hit for c in (led or comp).citations])
                or _referred_elsewhere(pq, lead, hits, catalog)
                or conduct_stated_elsewhere(pq, lead, catalog))
    if unstated:
        return abstention(question, hits, "extractive",
                          decision.placeless + (stated_elsewhere(pq, lead, catalog) or unstated), warnings)
    if schedule is not None:
        shown = led or comp
        line, cite = schedule_line(schedule, shown.citations)
        shown.text, shown.citations = "\n".join([shown.text, line]), [*shown.citations, cite]
    if led is not None:
        led.text = "\n".join([*decision.notes, led.text, *elsewhere_note(pq, lead, catalog)])
        return led
    more, more_cites = consequence_lines(pq, comp, catalog)  # 违反的后果 of a quoted duty (kb.answers.duty_consequences)
    if not more:  # the rule a quoted penalty only names (违反本条例第八条规定的)
        more, more_cites = named_rule_lines(pq, comp, hits, catalog)
    comp.text, comp.citations = "\n".join([comp.text, *more]), comp.citations + more_cites
    w = list(warnings or []) + _status_warnings(comp.citations) + standards_warnings(comp.citations, catalog)
    text = "\n".join([*decision.notes, _with_notes(comp.text, comp.citations, catalog), *elsewhere_note(pq, lead, catalog)])
    return Answer(question=question, text=text, citations=comp.citations, abstained=False, mode="extractive", warnings=w)


REFERRAL_PASSAGES = 5  # the documents of this many best passages are looked at


def _referred_elsewhere(pq: ParsedQuestion, lead: Citation, hits: list[SearchHit], catalog: Catalog | None) -> str:
    """The reason to refuse a question about a subject that a document among the best passages'
    leaves to a document not indexed, when the lead passage does not speak of that subject ('' otherwise).
    The sentences are the references the index could not resolve (kb.registers.references)."""
    source = getattr(catalog, "source", None)
    if source is None or not hasattr(source, "facts"):
        return ""
    graph = ReferenceGraph.of(source)
    docs = {h.doc_id: h for h in hits[:REFERRAL_PASSAGES]}
    sentences = [(u.context, abstain.where(dataclasses.replace(hit, locator=u.locator)), f"{doc_id}#{u.locator}")
                 for doc_id, hit in docs.items() for u in graph.unresolved_in(doc_id) if u.title]
    passages = [(f"{h.doc_id}#{h.locator}", h.text or "") for h in [lead.hit, *hits[:REFERRAL_PASSAGES]]]
    question = pq.text
    for h in docs.values():  # a document named is no subject (粮食流通管理条例管不管我们)
        for title in filter(None, (h.title, units.short_title(h.title or ""))):
            question = question.replace(title, " ")
    ref = subject_referral(question, passages, sentences, aliases_of(catalog))
    if ref is None:
        return ""
    return (f"{ref.place}规定“{ref.subject}”{ref.verb}{ref.referral.phrase}，"
            f"知识库中没有收录{book_title(ref.referral.title)}")


def _unfounded_penalty(pq: ParsedQuestion, special: Answer, hits: list[SearchHit], catalog: Catalog | None) -> str:
    """Why an answer from the duties register must be refused after all ('' when it stands):
    the checks every extractive answer passes — a document named but not indexed, a figure
    asked that no passage states, or that the article the answer leads with does not state
    (处以罚款 with no sum) — and a figure asked whose penalty clause leaves it to a document not
    indexed (then said so)."""
    if Ask.PENALTY not in pq.asks or special.abstained or not special.citations:
        return ""
    decision = abstain.decide(pq, hits, catalog.docs if catalog else None)
    if decision.abstain:
        return decision.reason
    lead = min(special.citations, key=lambda c: c.n)
    quoted = dataclasses.replace(lead.hit, text=lead.quote or lead.hit.text)
    if not figure_stated.lead_lacks_figure(pq, quoted):
        return ""
    unstated = stated_elsewhere(pq, lead, catalog) or figure_stated.lead_lacks_figure(pq, lead.hit)
    return decision.placeless + unstated if unstated else ""


def llm_answer(pq: ParsedQuestion, hits: list[SearchHit], settings: Any, history=None,
               catalog: Catalog | None = None) -> Answer:
    from kb.answers import llm

    question = pq.raw
    decision = abstain.decide(pq, hits, catalog.docs if catalog else None)
    if decision.abstain:
        return abstention(question, hits, "llm", decision.reason)
    hits = decision.hits if decision.hits is not None else hits
    secret = getattr(settings, "llm_api_key", "") or ""
    try:
        messages = llm.build_messages(pq.text, hits, history)
        reply = llm.LLMClient(settings).complete(messages)
        if llm.looks_like_garbage(reply):
            raise llm.LLMUnavailable("返回内容无法使用（空白或没有来源编号）")
    except llm.LLMUnavailable as exc:
        notice = llm.redact(FALLBACK_NOTICE + str(exc), secret)
        log.warning("%s", notice)
        return extractive_answer(pq, hits, warnings=[notice], catalog=catalog)
    except Exception as exc:  # anything unexpected in the client: same fallback, no secrets
        notice = llm.redact(FALLBACK_NOTICE + llm.describe_error(exc, secret), secret)
        log.warning("%s", notice)
        return extractive_answer(pq, hits, warnings=[notice], catalog=catalog)

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
    warnings += _status_warnings(citations) + standards_warnings(citations, catalog)
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
    parts = units.split_units(hit.text)
    if not parts:
        return ""
    want = bigrams(" ".join(citing))
    best = max(parts, key=lambda u: len(bigrams(u.text) & want))
    return best.text


def answer(
    question: str | ParsedQuestion,
    searcher: Any,
    mode: str = "extractive",
    k: int = 8,
    filters: Any = None,
    history: Sequence[Any] | None = None,
    settings: Any = None,
) -> Answer:
    """Answer `question` from what `searcher` finds. `history`: earlier turns
    [{"role": "user"|"assistant", "content": …}] for follow-up questions (ignored when
    `question` is already read)."""
    mode = mode or "extractive"
    if isinstance(question, str):
        question = question.strip()
        if not question:
            return Answer(question="", text=NO_BASIS + "：问题为空。", abstained=True, mode=mode)
    pq = read(question, searcher, history)
    hits = retrieve(pq, searcher, k or 8, filters)
    hits, no_interpreter = interpretation_clause(pq, searcher, hits, lambda q, n, f: _search(searcher, q, n, f))
    if no_interpreter:
        return abstention(pq.raw, hits, mode, no_interpreter)
    catalog = catalog_of(searcher, filters)
    special = register_answer(pq, hits, catalog)
    if special is not None:
        refused = _unfounded_penalty(pq, special, hits, catalog)
        if refused:
            return abstention(pq.raw, hits, mode, refused)
        if special.citations and not special.abstained:
            lead = min(special.citations, key=lambda c: c.n)
            special.text = "\n".join([special.text, *elsewhere_note(pq, lead, catalog)])
        return special
    if mode == "llm":
        settings = settings or getattr(searcher, "settings", None)
        if settings is None:
            from kb.settings import load_settings

            settings = load_settings()
        if not settings.llm_configured:
            return extractive_answer(
                pq, hits, warnings=[FALLBACK_NOTICE + "未配置 LLM（GREENKB_LLM_BASE_URL / GREENKB_LLM_MODEL）"],
                catalog=catalog,
            )
        return llm_answer(pq, with_comparison(pq, hits, catalog, k or 8), settings, history, catalog=catalog)
    return extractive_answer(pq, hits, catalog=catalog)
