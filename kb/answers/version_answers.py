"""Version-aware parts of an answer (kb.versions): notes on cited texts that are not in force,
and answers to "what changed between the versions" built from the comparison of two versions.

- `version_notes`: one "注意：[n]《旧法》已废止，现行为《新法》（2021-12-24）。" line per cited
  document that is 已被修订, 已废止 or 尚未施行, naming the version in force;
- `change_answer`: "旧版第X条：<old clause>[n]；新版第Y条：<new clause>[m]" for the changes a
  question is about, verbatim; None when no law with two versions fits the question.
"""
from __future__ import annotations

import logging
import re
from typing import Any, Mapping, Sequence

from kb.answers.catalog import Catalog
from kb.answers.compose_changes import compose_changes
from kb.answers.units import short_title
from kb.question.kinds import Ask
from kb.question.reading import ParsedQuestion
from kb.types import Answer, Citation, SearchHit
from kb.versions import changes, questions
from kb.versions.dates import document_years, version_date
from kb.versions.diff import diff_documents
from kb.versions.graph import OUTDATED, VersionGraph
from kb.text.titles import book_title, title_key

log = logging.getLogger(__name__)


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
                note = catalog.graph.version_note(doc_id, status=status, cited=first)
            except Exception:  # pragma: no cover
                log.warning("version note failed for %s", doc_id, exc_info=True)
        if not note:
            date = f"（{c.hit.date}）" if c.hit.date else ""
            note = f"{book_title(c.hit.title)}{date}{status}。"
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
        f"[{','.join(map(str, ns))}]{book_title(title)}（{file_name}）状态：{status}"
        for (title, file_name, status), ns in groups.items()
    ]


def _version_label(doc: Any, status: Mapping[str, str]) -> str:
    bits = [b for b in (version_date(doc), status.get(doc.doc_id, "")) if b]
    return book_title(doc.title or doc.file_name) + (f"（{'，'.join(bits)}）" if bits else "")


TOPIC_COVERAGE_MIN = 0.4  # share (by length) of a change question's topic words in the compared articles


def _topic_coverage(pq: ParsedQuestion, items: Sequence[Any], titles: Sequence[str]) -> float:
    """How much of the question's topic the best compared article pairs mention (1.0 for a
    question without topic words: 修改了哪些内容)."""
    asked = questions.topic_terms(pq, titles)
    total = sum(len(t) for t in asked)
    if not total:
        return 1.0
    best = 0.0
    for it in items:
        text = questions._norm("".join(h.text for h in (it.hit_a, it.hit_b) if h is not None))
        best = max(best, sum(len(t) for t in asked if questions._norm(t) in text) / total)
    return best


def _names_another_law(pq: ParsedQuestion, graph: VersionGraph, family: str) -> bool:
    """True when the question also names a law outside `family`'s lineage: comparing two
    laws (海洋环境保护法和环境影响评价法有什么不同) is not a question about versions."""
    q = questions._norm(pq.text)
    own = {graph.family_of(d.doc_id).key for d in graph.lineage(family)}
    for f in graph.families:
        k = f.key.split("·")[-1]
        if f.key in own or len(k) < 4 or k not in q:
            continue
        if any(k in o for o in own):  # 噪声污染防治法 inside 环境噪声污染防治法
            continue
        return True
    return False


def change_items(pq: ParsedQuestion, hits: list[SearchHit], catalog: Catalog | None) -> tuple[Any, Any, list] | None:
    """(old version, new version, ChangeItems most relevant first) for a question about what
    changed; None when it is not one, no law with two versions fits it, or the changes do not
    touch the question's topic."""
    if catalog is None or Ask.CHANGE not in pq.asks:
        return None
    graph = catalog.graph
    try:
        # A law the question names; else the law of the best passages (not any passage).
        fam = questions.family_for_question(graph, pq, ()) or questions.family_for_question(graph, pq, hits[:2])
        if fam is None or _names_another_law(pq, graph, fam) or unindexed_years(pq, graph.lineage(fam)):
            return None
        target = questions.versions_for_question(graph, fam, pq)
        pair = changes.change_pair(graph, target)
        if pair is None:
            return None
        if catalog.allowed is not None and not {pair[0].doc_id, pair[1].doc_id} <= catalog.allowed:
            return None  # the user's filters leave out one of the two versions
        whether = bool(WHETHER_CHANGED.search(pq.text))
        items = changes.change_summary(catalog.index, graph, target, pq, k=ALL_CHANGES,
                                       unchanged_weight=1.0 if whether else 0.6)
    except Exception:  # pragma: no cover - comparison failed: the plain answer
        log.warning("change summary failed", exc_info=True)
        return None
    if not items:
        return None
    old, new = pair
    items = searched_first(items, hits, {old.doc_id, new.doc_id}, whether)[:CHANGES_SHOWN]
    if _topic_coverage(pq, items[:3], [old.title, new.title]) < TOPIC_COVERAGE_MIN:
        return None  # the question's topic is not what these versions changed: the usual answer
    for it in items:  # the hits of the comparison carry the status like search results
        for h in (it.hit_a, it.hit_b):
            if h is not None and not h.status:
                h.status = catalog.status.get(h.doc_id, "")
    return old, new, items


# Asked whether a rule changed at all (…跟2018年版比有变化吗): an article left as it was answers it too.
WHETHER_CHANGED = re.compile(r"(?:有|发生)(?:了)?(?:变化|变动|改动|调整|修改)(?:吗|没有)|变了吗|改了吗|改过吗|动过吗"
                             r"|有没有(?:变|改|调整|修改)|是否(?:有|发生)?(?:变化|变动|改动|调整|修改)|一样吗|还一样")


CHANGES_SHOWN = 6  # change items an answer draws on, most relevant first
ALL_CHANGES = 200  # …chosen from this many (a pair search found both halves of may lie deeper)


def searched_first(items: list, hits: list[SearchHit], versions: set[str], whether: bool = False) -> list:
    """The change items with the one holding search's best passage of the two versions first: the
    second stage read the question by meaning (医院污水 beside 医疗污水), the comparison's own order
    by shared words; a topic's pair it found (and scored relevant) leads — a pair left unchanged
    too when the question asks `whether` it changed. When that passage is in none of the most
    relevant pairs, a pair whose two articles search found both leads, wherever the comparison's
    order put it."""
    statuses = ("changed", "unchanged") if whether else ("changed",)
    shown = items[:CHANGES_SHOWN]
    # (a version's header, found for the years the question gives, is no article to compare)
    best = next((h for h in hits if h.doc_id in versions and h.locator != "header"), None)
    if best is None:
        return items
    place = (best.doc_id, best.locator)
    first = next((i for i in shown if i.status in statuses and place in ((i.doc_a, i.locator_a), (i.doc_b, i.locator_b))),
                 None)
    if first is None:
        rank = {(h.doc_id, h.locator): n for n, h in reversed(list(enumerate(hits)))}
        both = [(max(rank[(i.doc_a, i.locator_a)], rank[(i.doc_b, i.locator_b)]), n) for n, i in enumerate(items)
                if i.status in statuses and (i.doc_a, i.locator_a) in rank and (i.doc_b, i.locator_b) in rank]
        first = items[min(both)[1]] if both else None
    return items if first is None else [first] + [i for i in items if i is not first]


def change_answer(pq: ParsedQuestion, hits: list[SearchHit], catalog: Catalog | None,
                  warnings: list[str] | None = None) -> Answer | None:
    """The answer to "what changed" from the comparison of two versions; None when
    `change_items` finds nothing to compare."""
    found = change_items(pq, hits, catalog)
    if found is None:
        return None
    old, new, items = found
    counts = None
    if not questions.topic_terms(pq, [old.title, new.title]):
        try:
            counts = diff_documents(catalog.index, old, new).counts
        except Exception:  # pragma: no cover - the counts are a courtesy
            log.warning("diff counts failed", exc_info=True)
    comp = compose_changes(
        items, _version_label(old, catalog.status), _version_label(new, catalog.status), counts=counts
    )
    if not comp.citations:
        return None
    when = _revision_line(pq, new, catalog, len(comp.citations) + 1)
    if when is not None:  # "when was it amended and what changed": the date first, cited too
        line, citation = when
        comp.text = comp.text.replace("\n", f"\n{line}\n", 1) if "\n" in comp.text else f"{comp.text}\n{line}"
        comp.citations.append(citation)
    w = list(warnings or []) + _status_warnings(comp.citations)
    return Answer(question=pq.raw, text=_with_notes(comp.text, comp.citations, catalog), citations=comp.citations,
                  abstained=False, mode="extractive", warnings=w)


_REVISION_LINE = re.compile(r"(修订|修正|修改)")


def _revision_line(pq: ParsedQuestion, new: Any, catalog: Catalog, n: int) -> tuple[str, Citation] | None:
    """For a change question that also asks when (修订是什么时候), the new version's own
    amendment line from its header, quoted and cited as [n]; None otherwise."""
    if Ask.TIMELINE not in pq.asks and not any(Ask.TIMELINE in p.asks for p in pq.parts):
        return None
    header = header_of(new.doc_id, catalog)
    if header is None:
        return None
    lines = [ln.strip() for ln in header.text.splitlines() if _REVISION_LINE.search(ln) and re.search(r"\d{4}|〇", ln)]
    if not lines:
        return None
    quote = lines[-1]
    header.status = header.status or catalog.status.get(header.doc_id, "")
    return f"修订时间：{quote}[{n}]", Citation(n=n, hit=header, quote=quote)


# A version named by the year of its revision (2020年修正后的, 2016年那次修正, 2015年修订版): a year
# the text's history does not hold names no indexed text.
_REVISION_YEAR = re.compile(r"((?:19|20)\d{2})\s*年\s*(?:那次|这次|那一次|的|新)?\s*(?:改版|修订|修正|修改)")


_HEADER_YEAR = re.compile(r"(?:19|20)\d{2}(?=\s*年)")


def header_of(doc_id: str, catalog: Catalog) -> SearchHit | None:
    """The header chunk of a document (its title and dated history), None when it has none or
    the index cannot say — the dates read at ingest are then all there is."""
    try:
        return next((h for h in catalog.index.chunks_of(doc_id) if h.locator == "header"), None)
    except Exception:
        return None


def recorded_years(docs: Sequence[Any], catalog: Catalog) -> set[str]:
    """The years of `docs`' own dates and of every line of their headers (…号修改, 根据…决定修订)."""
    years = set().union(*(document_years(d) for d in docs))
    for d in docs:
        header = header_of(d.doc_id, catalog)
        years |= set(_HEADER_YEAR.findall(header.text if header is not None else ""))
    return years


def unrecorded_revision(pq: ParsedQuestion, catalog: Catalog | None) -> str:
    """The reason to refuse a question that reads the one text it names by a revision year that
    text never had (按2020年修正后的大气法…); '' otherwise."""
    asked = [m.group(1) for m in _REVISION_YEAR.finditer(pq.text)]
    if not asked or catalog is None or not pq.documents:
        return ""
    named = [d for d in catalog.docs.values() if title_key(d.title or "") in pq.documents]
    families = {f.key for d in named if (f := catalog.graph.family_of(d.doc_id)) is not None}
    if len(families) != 1 or len({title_key(d.title or "") for d in named}) != len(set(pq.documents)):
        return ""  # two texts named, or one not indexed: other rules answer
    lineage = catalog.graph.lineage(named[0].doc_id) or named
    years = recorded_years([*lineage, *named], catalog)
    missing = next((y for y in asked if y not in years), "")
    return f"已收录的{book_title(named[0].title)}中没有 {missing} 年修改的记录" if missing else ""


def one_version(pq: ParsedQuestion, lead: SearchHit, catalog: Catalog | None
                ) -> tuple[list[str], str, tuple[str, Citation] | None]:
    """For a question about what changed that no comparison of two indexed versions answers:
    (a note saying why — one version indexed; a repeal linking it to another law whose articles
    could not be paired; the year asked is no indexed version's —, '', the header's line for the
    year asked, quoted and cited as [1], if any) — or ([], the reason to refuse, None) when the
    year asked is not among the dates of the document or its lineage."""
    family = catalog.graph.family_of(lead.doc_id) if catalog is not None else None
    if family is None:
        return [], "", None
    # a law repealing another (or repealed by one) is one version of its name, not of its lineage
    lineage = catalog.graph.lineage(lead.doc_id) or list(family.versions)
    own = {d.doc_id for d in lineage}
    if any(d.doc_id not in own and title_key(d.title or "") in pq.documents for d in catalog.docs.values()):
        return [], "", None  # two texts compared (1990年的实施条例和2017年的标准化法), not two versions
    unindexed = unindexed_years(pq, lineage)
    if len(family.versions) > 1 and not unindexed:
        return [], "", None  # versions to compare, but not on this topic: the plain answer
    years = set().union(*(document_years(d) for d in lineage))
    header = header_of(lead.doc_id, catalog)  # its own lines, whatever words they use (…号修改)
    lines = [ln.strip() for ln in (header.text if header is not None else "").splitlines() if ln.strip()]
    years |= {y for ln in lines for y in _HEADER_YEAR.findall(ln)}
    for y in pq.version_years:
        if y not in years:
            return [], f"已收录的{book_title(lead.title)}中没有 {y} 年修改的记录", None
    if len(family.versions) > 1:
        have = "、".join(sorted({version_date(d)[:4] for d in family.versions}))
        note = [f"已收录{book_title(lead.title)}的 {have} 年版本，没有单独收录 {'、'.join(unindexed)} 年修改后的文本，"
                "无法逐条比较这次修改；以下是相关内容。"]
    elif len(lineage) > 1:
        first, last = lineage[0], lineage[-1]
        note = [f"已收录文件中，{book_title(last.title)}（{last.date or '日期不详'}）废止并取代了"
                f"{book_title(first.title)}（{first.date or '日期不详'}），两者是先后两部文件，"
                "未能找到逐条对应的相关条文；以下是检索到的相关内容，请对照两部文件的条文。"]
    else:
        note = [f"已收录文件中只有{book_title(lead.title)}的一个版本（{lead.date or '日期不详'}），"
                "无法逐条比较修改前后的条文；以下是该文本中的相关内容。"]
    said = [ln for ln in lines if _REVISION_LINE.search(ln) and any(y in ln for y in pq.version_years)]
    if header is None or not said:
        return note, "", None
    header.status = header.status or catalog.status.get(header.doc_id, "")
    return note, "", (f"{book_title(short_title(lead.title))}题注所载的这次修改：{said[-1]}[1]",
                      Citation(n=1, hit=header, quote=said[-1]))


def unindexed_years(pq: ParsedQuestion, lineage: Sequence[Any]) -> list[str]:
    """The years the question names a version by (2013年修改的) that no indexed version bears:
    comparing the indexed versions would answer another revision."""
    indexed = {version_date(d)[:4] for d in lineage}
    return [y for y in dict.fromkeys(pq.version_years) if y not in indexed]


def with_comparison(pq: ParsedQuestion, hits: list[SearchHit], catalog: Catalog | None, k: int) -> list[SearchHit]:
    """For the LLM: the compared articles of both versions first, then the other hits."""
    found = change_items(pq, hits, catalog)
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
