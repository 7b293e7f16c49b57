"""Answers from the standards register (kb.registers.standards), and the warning for cited passages
that require an abolished standard.

- `standards_answer(pq, hits, catalog, warnings)` (in kb.answers.answer.REGISTER_ANSWERS):
  * a question naming a standard ("GB 17167 还有效吗", "…被什么代替", "…何时实施") → its status as
    of today with the basis, its dates, what replaced it or what it replaces, where each fact was
    read, and the passages that cite it;
  * "哪些标准已经废止 / 即将实施 / 现行" → the register's standards of that status (of the industry
    asked about, if any);
  * "造纸企业申报绿色工厂要满足哪些标准" → the standards the indexed documents tie to that industry
    and purpose (and those they require of every industry for that purpose), each with its status
    and the passage that requires it; "《某通知》引用了哪些标准" → the standards that document cites.
  None for any other question, or when the register holds nothing for it.
- `standards_warnings(answer_or_citations, catalog)`: one "注意：" line per abolished standard that
  a cited passage requires, naming the standard that replaced it.
Facts from an imported catalogue are named inline (标准目录“x.csv”第3行); facts and citations read
from documents are numbered citations of those passages.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import logging
import re
from typing import Any, Sequence

from kb.question.kinds import Ask
from kb.question.standards_asked import INDUSTRIES, PURPOSES
from kb.question.reading import ParsedQuestion
from kb.registers.standards import (
    STATUS_ABOLISHED,
    STATUS_CURRENT,
    STATUS_UNKNOWN,
    STATUS_UPCOMING,
    Source,
    Standard,
    StandardsRegister,
    best,
    sort_key,
)
from kb.text.grammar import StandardRef, find_standard_refs
from kb.types import Answer, Citation
from kb.text.titles import book_title

log = logging.getLogger(__name__)

LIST_MAX = 30  # standards listed in one answer (the rest: `python -m kb standards`)
PLACES_MAX = 4  # citing passages named per standard
_ALL_INDUSTRY_WORDS = tuple(w for words in INDUSTRIES.values() for w in words)


def register_of(catalog: Any, today: _dt.date | None = None) -> StandardsRegister | None:
    """The standards register behind an answer's catalog (kb.answers.catalog.Catalog), or None."""
    if catalog is None:
        return None
    try:
        source = getattr(catalog, "source", None)
        if source is not None and isinstance(getattr(source, "facts", None), dict) and hasattr(source, "index"):
            return StandardsRegister.of_searcher(source, today)
        rows = catalog.index.catalogue_rows() if hasattr(catalog.index, "catalogue_rows") else []
        return StandardsRegister.build(catalog.facts("standards"), catalog.docs, rows, today)
    except Exception:  # a broken register must not take the answer down
        log.warning("standards register unavailable", exc_info=True)
        return None


# ---------------------------------------------------------------------------- citations
class _Cites:
    """Numbers the places cited in the text (a passage, or a row of a table in it: 表1 第4行); their
    hits are fetched once at the end."""

    def __init__(self, catalog: Any):
        self.catalog = catalog
        self.order: dict[tuple[str, str], int] = {}
        self.quotes: dict[tuple[str, str], str] = {}

    def __call__(self, src: Source | None) -> str:
        if src is None or not src.chunk_id or src.how == "inferred":
            return ""
        allowed = getattr(self.catalog, "allowed", None)
        if allowed is not None and src.doc_id not in allowed:
            return ""
        key = (src.chunk_id, src.locator)
        n = self.order.setdefault(key, len(self.order) + 1)
        self.quotes.setdefault(key, src.context)
        return f"[{n}]"

    def citations(self) -> list[Citation]:
        if not self.order:
            return []
        hits = self.catalog.index.get_chunks(list(dict.fromkeys(c for c, _loc in self.order)))
        status = getattr(self.catalog, "status", {}) or {}
        out = []
        for (chunk_id, locator), n in self.order.items():
            hit = hits.get(chunk_id)
            if hit is None:
                continue
            hit = dataclasses.replace(hit, locator=locator or hit.locator, rank=n,
                                      status=hit.status or status.get(hit.doc_id, ""))
            out.append(Citation(n=n, hit=hit, quote=self.quotes.get((chunk_id, locator), "")))
        return sorted(out, key=lambda c: c.n)


def _basis(src: Source | None, cite: _Cites) -> str:
    """'依据：[2]' for a document, '依据：标准目录“x.csv”第3行' for a catalogue row."""
    if src is None or src.how == "inferred":
        return "（据同一标准号的新版本推断）" if src is not None else ""
    marker = cite(src)
    return f"（依据：{marker or src.label}）"


def _title(std: Standard) -> str:
    return f"{std.code}{book_title(std.name)}" if std.name else std.code


def _dates(std: Standard) -> str:
    bits = [f"{label} {std.date(key)}" for key, label in (("published", "发布"), ("implemented", "实施"),
                                                        ("abolished", "废止")) if std.date(key)]
    return "；".join(bits)


# ---------------------------------------------------------------------------- one standard
def describe(std: Standard, reg: StandardsRegister, cite: _Cites) -> str:
    """Status with its basis, dates, replacements: one paragraph about one edition."""
    status = {STATUS_ABOLISHED: "已废止", STATUS_UPCOMING: "即将实施", STATUS_CURRENT: "现行有效"}.get(std.status)
    if status:
        head = f"{_title(std)}：{status}（截至 {reg.today.isoformat()}：{std.status_basis}）{_basis(std.status_source, cite)}。"
    else:
        head = f"{_title(std)}：知识库中没有该标准的状态信息。"
    parts = [head]
    dates = _dates(std)
    if dates:
        parts.append(f"日期：{dates}。")
    if std.status == STATUS_ABOLISHED:
        succ = reg.successor(std)
        link = best(f for f in std.replaced_by if succ is not None and f.value == succ.code) if succ else None
        if succ is not None:
            parts.append(f"现行替代标准：{_title(succ)}（{_short_status(succ)}）{_basis(link.source if link else None, cite)}。")
        else:
            parts.append("知识库中没有它的替代标准。")
    else:
        newer = [best(f for f in std.replaced_by if f.value == c) for c in dict.fromkeys(f.value for f in std.replaced_by)]
        for f in newer:
            if f is not None and f.value in reg.standards:
                parts.append(f"将被 {_title(reg.standards[f.value])} 代替{_basis(f.source, cite)}。")
    older = list(dict.fromkeys(f.value for f in std.replaces))
    if older:
        f = best(std.replaces)
        parts.append(f"它代替 {'、'.join(older)}{_basis(f.source if f else None, cite)}。")
    return "".join(parts)


def _short_status(std: Standard) -> str:
    if std.status == STATUS_UNKNOWN:
        return "状态不详"
    d = std.date("implemented")
    return std.status + (f"，{d} 起实施" if d else "")


def _places(std: Standard, cite: _Cites, limit: int = PLACES_MAX) -> str:
    marks = []
    for src in std.cited:
        m = cite(src)
        if m and m not in marks:
            marks.append(f"{m}{book_title(src.title)}{src.locator if src.locator != 'header' else ''}".rstrip())
        if len(marks) >= limit:
            break
    return "；".join(marks)


def _status_answer(pq: ParsedQuestion, reg: StandardsRegister, catalog: Any) -> Answer | None:
    cite = _Cites(catalog)
    paras: list[str] = []
    for ref in _unique(pq.standard_refs):
        editions = reg.find(ref)
        if not editions and ref.year and reg.editions(ref.base):
            editions = reg.editions(ref.base)
            paras.append(f"标准库中没有 {ref.code}；{ref.base} 的已知版本是 {'、'.join(e.code for e in editions)}。")
        elif not editions:
            continue
        elif not ref.year and len(editions) > 1:
            current = [e for e in editions if e.status == STATUS_CURRENT]
            lead = f"{ref.base} 在标准库中有 {len(editions)} 个版本"
            lead += f"，现行版本是 {current[-1].code}。" if current else "，没有现行版本。"
            paras.append(lead)
        for std in sorted(editions, key=lambda s: s.ref.year, reverse=True):
            paras.append(describe(std, reg, cite))
            places = _places(std, cite)
            if places:
                paras.append(f"引用 {std.code} 的文件：{places}。")
    if not paras:
        return None
    return Answer(question=pq.raw, text="\n".join(paras), citations=cite.citations(), abstained=False,
                  mode="extractive")


def _unique(refs: Sequence[StandardRef]) -> list[StandardRef]:
    return list({r.code: r for r in refs}.values())


# ---------------------------------------------------------------------------- lists
def _text_of(src: Source, std: Standard) -> str:
    """What a citing place is about: its sentence or row, the paragraph's lead and the standard's
    name; the heading and the document's title only when these name no industry (a chunk of
    several items carries the first item's heading)."""
    own = " ".join((src.context, src.lead, std.name))
    if any(w in own for w in _ALL_INDUSTRY_WORDS):
        return own
    return " ".join((own, src.heading_path, src.title))


def _tied(std: Standard, industry: tuple[str, ...], purpose: tuple[str, ...]) -> tuple[list[Source], bool]:
    """The citing places that tie `std` to the industry and purpose, and whether they are places
    for every industry (the purpose named, no industry at all)."""
    specific, general = [], []
    for src in std.cited:
        text = _text_of(src, std)
        if purpose and not any(w in text for w in purpose):
            continue
        if industry and any(w in text for w in industry):
            specific.append(src)
        elif industry and purpose and not any(w in text for w in _ALL_INDUSTRY_WORDS):
            general.append(src)
        elif not industry:
            specific.append(src)
    return (specific, False) if specific else (general, bool(general))


def _line(k: int, std: Standard, reg: StandardsRegister, cite: _Cites, places: list[Source]) -> str:
    marks = "".join(dict.fromkeys(m for m in (cite(s) for s in places[:2]) if m))
    text = f"{k}. {_title(std)}〔{std.status}〕{marks}"
    if std.status == STATUS_ABOLISHED:
        succ = reg.successor(std)
        text += f"：已废止，现行替代标准为 {_title(succ)}（{_short_status(succ)}）" if succ else "：已废止，知识库中没有它的替代标准"
    elif std.status == STATUS_UPCOMING and std.date("implemented"):
        text += f"：{std.date('implemented')} 起实施"
    return text + "。"


def _apply_answer(pq: ParsedQuestion, reg: StandardsRegister, catalog: Any, describe: bool = True) -> Answer | None:
    ask = pq.standards_ask
    industry = tuple(w for k in ask.industries for w in INDUSTRIES[k])
    purpose = tuple(w for k in ask.purposes for w in PURPOSES[k])
    docs = _named_docs(pq, catalog) if ask.cited else None
    # a question describing one document (申报示例省2026年度绿色工厂) asks what that one cites
    described = _described_doc(pq, catalog, reg) if docs is None and describe else None
    if described is not None:
        docs = {described}
    specific: list[tuple[Standard, list[Source]]] = []
    general: list[tuple[Standard, list[Source]]] = []
    for std in sorted(reg.standards.values(), key=sort_key):
        if docs is not None:
            places = [s for s in std.cited if s.doc_id in docs]
            if places and not industry and not purpose:
                specific.append((std, places))
                continue
            std = _restricted(std, docs)
        places, is_general = _tied(std, industry, purpose)
        if places:
            (general if is_general else specific).append((std, places))
    if not specific and not general:
        return None if described is None else _apply_answer(pq, reg, catalog, describe=False)
    cite = _Cites(catalog)
    who = "".join(ask.industries) + ("企业" if ask.industries else "")
    what = "、".join(ask.purposes)
    if docs is not None and not (who or what):
        titles = "、".join(book_title(catalog.docs[d].title) for d in sorted(docs) if d in catalog.docs)
        lines = [f"{titles}引用的标准（状态截至 {reg.today.isoformat()}）："]
    else:
        subject = f"{who}{'（' + what + '）' if what else ''}"
        where = book_title(catalog.docs[described].title) if described is not None else "已收录文件"
        lines = [f"{where}中与{subject}相关的标准（状态截至 {reg.today.isoformat()}）："]
    for k, (std, places) in enumerate(specific[:LIST_MAX], 1):
        lines.append(_line(k, std, reg, cite, places))
    if general and specific and _one_asked(pq):
        # 哪个标准 / 标准号是多少 asks for the one that applies: the industry's own standard answers
        # it; the general ones are counted, not listed (哪些标准 lists them)
        lines.append(f"另有 {len(general)} 项适用于所有行业的{what}标准未列出，问“{who}{what}有哪些标准”可列出全部。")
        general = []
    if general:
        lines.append(f"适用于所有行业的{what}标准：")
        for k, (std, places) in enumerate(general[:LIST_MAX], len(specific[:LIST_MAX]) + 1):
            lines.append(_line(k, std, reg, cite, places))
    more = len(specific) + len(general) - min(len(specific), LIST_MAX) - min(len(general), LIST_MAX)
    if more > 0:
        lines.append(f"另有 {more} 项未列出，完整列表见 `python -m kb standards`。")
    return Answer(question=pq.raw, text="\n".join(lines), citations=cite.citations(), abstained=False,
                  mode="extractive")


_ONE_ASKED = re.compile(r"哪个|哪一个|哪一项|哪项|哪一部|标准号|编号")
_SEVERAL_ASKED = re.compile(r"哪些|哪几|有什么|都有|全部|所有")


def _one_asked(pq: ParsedQuestion) -> bool:
    """Whether the question asks for the one standard that applies (哪个标准, 标准号), not a list."""
    return bool(_ONE_ASKED.search(pq.text)) and not _SEVERAL_ASKED.search(pq.text)


_TITLE_YEAR = re.compile(r"(?:19|20)\d{2}")
_TITLE_PLACE = re.compile(r"^(.{2,8}?(?:省|自治区|市|县|区))")
_TITLE_TOPIC = re.compile(r"关于(?:开展|组织开展|印发|做好|组织)?(.+?)(?:工作)?的(?:通知|意见|公告|办法)")


def _described_doc(pq: ParsedQuestion, catalog: Any, reg: StandardsRegister) -> str | None:
    """The one document citing standards that the question describes without 《》 by its place,
    its year and its subject (申报示例省2026年度绿色工厂 → the province's 2026 notice on green-factory
    applications); None when none or several fit."""
    text = pq.text
    citing = {src.doc_id for std in reg.standards.values() for src in std.cited}
    found = []
    for doc_id in citing:
        meta = catalog.docs.get(doc_id)
        title = getattr(meta, "title", "") or ""
        place, years, topic = _TITLE_PLACE.match(title), _TITLE_YEAR.findall(title), _TITLE_TOPIC.search(title)
        if not (place and years and topic) or place.group(1) not in text or not all(y in text for y in years):
            continue
        subject = _TITLE_YEAR.sub("", topic.group(1)).strip("年度")
        if any(subject[i: i + 4] in text for i in range(max(1, len(subject) - 3))):
            found.append(doc_id)
    return found[0] if len(found) == 1 else None


def _named_docs(pq: ParsedQuestion, catalog: Any) -> set[str] | None:
    aliases = getattr(getattr(catalog, "source", None), "aliases", None)
    if not pq.documents or aliases is None:
        return None
    return {i for t in pq.documents for i in aliases.titles.get(t, [])}


def _restricted(std: Standard, docs: set[str]) -> Standard:
    import copy

    out = copy.copy(std)
    out.cited = [s for s in std.cited if s.doc_id in docs]
    return out


def _status_list_answer(pq: ParsedQuestion, reg: StandardsRegister, catalog: Any) -> Answer | None:
    ask = pq.standards_ask
    industry = tuple(w for k in ask.industries for w in INDUSTRIES[k])
    chosen = [s for s in reg.select(status=ask.status)
              if not industry or any(w in _text_of(src, s) for src in s.cited for w in industry)
              or any(w in s.name for w in industry)]
    scope = "".join(ask.industries) + ("行业" if ask.industries else "")
    what = f"{scope}{'已' if ask.status == STATUS_ABOLISHED else ''}{ask.status}的标准"
    head = f"截至 {reg.today.isoformat()}，标准库中{what}"
    if not chosen:
        empty = "（标准库还是空的：已导入的文件没有引用标准，也没有导入标准目录）" if not reg.standards else \
            "（标准库收录已导入文件引用的标准和导入的标准目录）"
        return Answer(question=pq.raw, text=f"已收录文件中未找到依据：截至 {reg.today.isoformat()}，标准库中没有{what}{empty}。",
                      abstained=True, mode="extractive")
    cite = _Cites(catalog)
    lines = [f"{head}共 {len(chosen)} 项："]
    for k, std in enumerate(chosen[:LIST_MAX], 1):
        line = f"{k}. {_title(std)}：{std.status_basis}{_basis(std.status_source, cite)}"
        if std.status == STATUS_ABOLISHED:
            succ = reg.successor(std)
            line += f"；现行替代标准 {_title(succ)}" if succ else ""
        lines.append(line + "。")
    if len(chosen) > LIST_MAX:
        lines.append(f"另有 {len(chosen) - LIST_MAX} 项未列出，完整列表见 `python -m kb standards --status {ask.status}`。")
    return Answer(question=pq.raw, text="\n".join(lines), citations=cite.citations(), abstained=False,
                  mode="extractive")


# ---------------------------------------------------------------------------- entry points
def standards_answer(pq: ParsedQuestion, hits: list, catalog: Any, warnings: list[str]) -> Answer | None:
    """The register answer to a standards question; None when the question is of another kind or
    the register does not hold what it asks."""
    ask = pq.standards_ask
    about_one = bool(pq.standard_refs) and (pq.wants(Ask.STATUS, Ask.TIMELINE) or ask.replacement or ask.status
                                            or _only_numbers(pq))
    by_status = not pq.standard_refs and ask.which and bool(ask.status)
    which = (not pq.standard_refs and ask.which and not pq.wants(Ask.PENALTY)
             and bool(ask.industries or ask.purposes or (pq.documents and ask.cited)))
    if not (about_one or by_status or which):
        return None
    reg = register_of(catalog)
    if reg is None or not (reg.standards or by_status):  # "哪些标准已经废止" gets the register's answer, even "none"
        return None
    if about_one:
        ans = _status_answer(pq, reg, catalog)
    elif by_status:
        ans = _status_list_answer(pq, reg, catalog)
    else:
        ans = _apply_answer(pq, reg, catalog)
    if ans is not None:
        ans.warnings = list(warnings) + ans.warnings
    return ans


def _only_numbers(pq: ParsedQuestion) -> bool:
    """'GB 17167' or 'GB 17167 是什么标准': nothing asked but the standard itself."""
    rest = pq.text
    for r in sorted(pq.standard_refs, key=lambda r: r.start, reverse=True):
        rest = rest[: r.start] + rest[r.end :]
    return len(rest.strip(" ？?。是什么标准的吗呢")) <= 2


def standards_warnings(cited: Answer | Sequence[Citation], catalog: Any,
                       today: _dt.date | None = None) -> list[str]:
    """One "注意：" line per abolished standard that a cited passage requires (the quoted sentences,
    else the passage), naming the standard that replaced it. [] when nothing cited names one."""
    citations = cited.citations if isinstance(cited, Answer) else list(cited)
    found: dict[str, list[int]] = {}
    refs: dict[str, StandardRef] = {}
    for c in citations:
        for ref in find_standard_refs(c.quote or c.hit.text):
            if c.n not in found.setdefault(ref.code, []):
                found[ref.code].append(c.n)
            refs[ref.code] = ref
    if not found:
        return []
    reg = register_of(catalog, today)
    if reg is None:
        return []
    lines = []
    for code, ns in found.items():
        editions = reg.find(refs[code])
        if not editions or any(e.status != STATUS_ABOLISHED for e in editions[-1:]):
            continue  # unknown, or (undated: the latest edition applies) not abolished
        std = editions[-1]
        succ = reg.successor(std)
        src = std.status_source.label if std.status_source and std.status_source.how != "inferred" else ""
        why = f"{std.status_basis}" + (f"，依据{src}" if src else "")
        tail = f"现行替代标准为 {_title(succ)}（{_short_status(succ)}）" if succ else "知识库中没有它的替代标准"
        lines.append(f"注意：[{','.join(map(str, ns))}] 要求的 {_title(std)} 已废止（{why}），{tail}。")
    return lines
