"""The standards a document cites and what it says about them: the `Extractor` of the standards
register (kind "standards"), kept per document version in DATA/registers.sqlite.

One record per place a standard number stands in a chunk (JSON-able dict):

    code, name?, status?, published?, implemented?, abolished?, replaces?, replaced_by?,
    how ("table" | "text" | "self"), cites (a requirement or listing, not just a mention as the
    replaced edition), chunk_id, chunk_index, locator, heading_path, page_start?, page_end?,
    context (the row or sentence it was read from), lead (the table's caption, or the first
    sentence of the paragraph: what the place is about).

Facts come from (a) standards tables (kb.registers.standards_tables) and (b) sentences:
`…自2021年6月1日起实施`, `…代替GB/T 39001-2017`, `A 已被 B 代替`, `…同时废止`, the 《name》 next to
the number. A document whose title carries a standard number is that standard: 本标准代替… and
its 发布 / 实施 lines are facts about itself.
"""
from __future__ import annotations

import re

from kb.registers.extracted import Extractor
from kb.registers.standards_tables import (
    STATUS_ABOLISHED,
    Header,
    is_table_line,
    read_date,
    rows_in,
    table_lines,
)
from kb.text.grammar import DATE_RE, StandardRef, date_iso, find_standard_refs
from kb.text.numerals import to_halfwidth_digits
from kb.types import DocumentMeta, SearchHit

VERSION = "3"
CONTEXT_CHARS = 160

_SENTENCE_END = re.compile(r"[。；;！？!?]")
_CLAUSE_SPLIT = re.compile(r"[，,：:]")
_REPLACE = r"(?:代替|替代|取代)"
_MORE = r"((?:\s*(?:[、，,和及与]|以及)\s*⟦\d+⟧)*)"
_SLOT = re.compile(r"⟦(\d+)⟧")
_PASSIVE_RE = re.compile(rf"⟦(\d+)⟧[^⟦。]{{0,20}}?(?:被|由)\s*⟦(\d+)⟧{_MORE}[^⟦]{{0,10}}?{_REPLACE}")
_BY_RE = re.compile(rf"(?:以|用)\s*⟦(\d+)⟧[^⟦]{{0,20}}?{_REPLACE}\s*⟦(\d+)⟧{_MORE}")
_ACTIVE_RE = re.compile(rf"⟦(\d+)⟧[^⟦]{{0,40}}?{_REPLACE}(?:了)?\s*⟦(\d+)⟧{_MORE}")
_SELF_REPLACE_RE = re.compile(rf"(?:本标准|本文件|本部分)[^⟦]{{0,10}}?{_REPLACE}\s*⟦(\d+)⟧{_MORE}")
_ABOLISHED_RE = re.compile(rf"⟦(\d+)⟧{_MORE}[^⟦，,。]{{0,12}}?(?:同时|已经|已|予以|宣布|正式)?(?:废止|作废)")
# 与GB/T 1-2008相比，主要技术变化如下: a standard's foreword compares it with the edition it
# replaces; the older edition is mentioned there, not required
_COMPARED_RE = re.compile(r"(?:与|同|和|较)\s*⟦(\d+)⟧\s*(?:相比|比较|对比)")
_SELF_WORDS = re.compile(r"本标准|本文件|本部分")
_ISO_DATE = r"\d{4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}"
_DATE_ANY = re.compile(rf"{DATE_RE.pattern}|(?P<iso>{_ISO_DATE})")
_AFTER_DATE = {
    "implemented": re.compile(r"^\s*(?:起|开始)?\s*(?:正式)?(?:实施|施行|执行|生效)"),
    "published": re.compile(r"^\s*(?:起)?\s*(?:正式)?(?:批准)?(?:发布|公布|印发)"),
    "abolished": re.compile(r"^\s*(?:起)?\s*(?:正式)?(?:废止|作废|停止(?:执行|实施))"),
}
_NAME_AFTER = re.compile(r"^\s*[)）]?\s*《([^《》\n]{2,60})》")
_NAME_BEFORE = re.compile(r"《([^《》\n]{2,60})》\s*[（(]?\s*$")
_LIST_NAME = re.compile(r"^\s*([\u4e00-\u9fff][^《》\n，。；;|]{1,58}?)\s*(?:[（(][^）)]*[)）])?\s*$")
_DUAL_JOIN = re.compile(r"\s*[/／]\s*")
_LIST_LEAD = re.compile(r"^\s*(?:[-*•●]\s*|\d{1,3}[.．、)）]\s*|[（(]\d{1,3}[)）]\s*)?$")


def extract(meta: DocumentMeta, chunks: list[SearchHit]) -> list[dict]:
    """Every place a standard number stands in the document, with the facts read there."""
    own = _own_ref(meta)
    out: list[dict] = []
    carried: Header | None = None
    for chunk in chunks:
        rows, carried = rows_in(chunk.text, carried)
        for row in rows:
            rec = dict(row.values, how="table", cites=True, context=row.line[:CONTEXT_CHARS], lead=row.title)
            out.append(_placed(rec, chunk, _row_locator(chunk.locator, row.caption, row.number)))
            for code in row.values.get("replaces", []) + row.values.get("replaced_by", []):
                out.append(_placed({"code": code, "how": "table", "cites": False,
                                    "context": row.line[:CONTEXT_CHARS]}, chunk, chunk.locator))
        for sentence, lead in _sentences(chunk.text):
            for rec in _sentence_records(sentence, own, chunk.locator == "header"):
                rec["lead"] = lead
                out.append(_placed(rec, chunk, chunk.locator))
    if own is not None:
        out.append(_placed({"code": own.code, "name": _own_name(meta, own), "how": "self", "cites": False,
                            "context": meta.title}, chunks[0] if chunks else None, "header"))
    return out


EXTRACTOR = Extractor("standards", VERSION, extract)


# ---------------------------------------------------------------------------- places
def _placed(rec: dict, chunk: SearchHit | None, locator: str) -> dict:
    if chunk is not None:
        rec.update(chunk_id=chunk.chunk_id, chunk_index=chunk.chunk_index, locator=locator or chunk.locator,
                   heading_path=chunk.heading_path)
        if chunk.page_start is not None:
            rec["page_start"] = chunk.page_start
        if chunk.page_end is not None:
            rec["page_end"] = chunk.page_end
    return {k: v for k, v in rec.items() if v not in ("", None, [])}


def _row_locator(locator: str, caption: str, number: int) -> str:
    """附件1 + 表2 + 第4行: the chunk's place, the table's caption and the row (when counted)."""
    if not number or re.search(r"第\d+行$", locator or ""):
        return locator
    parts = [p for p in (locator if locator != "header" else "", caption if caption not in (locator or "") else "") if p]
    return " ".join(parts + [f"第{number}行"])


def _sentences(text: str) -> list[tuple[str, str]]:
    """The running text of a chunk in sentences (table lines left to rows_in), each with the
    first sentence of its paragraph when it is not that one (（一）造纸行业。…: what it is about)."""
    out: list[tuple[str, str]] = []
    for line in table_lines(text):
        if is_table_line(line) or not line.strip():
            continue
        parts, start = [], 0
        for m in _SENTENCE_END.finditer(line):
            parts.append(line[start : m.end()])
            start = m.end()
        if line[start:].strip():
            parts.append(line[start:])
        out.extend((p, parts[0].strip()[:40] if k else "") for k, p in enumerate(parts))
    return out


# ---------------------------------------------------------------------------- sentences
def _sentence_records(sentence: str, own: StandardRef | None, in_header: bool) -> list[dict]:
    refs = find_standard_refs(sentence)
    self_subject = own is not None and (_SELF_WORDS.search(sentence) is not None or (in_header and not refs))
    if not refs and not self_subject:
        return []
    slotted = _slotted(sentence, refs)
    recs = [{"code": r.code, "how": "text", "cites": True, "context": _context(sentence, r)} for r in refs]
    self_rec = {"code": own.code, "how": "self", "cites": False, "context": sentence.strip()} if own else {}

    def target(i: int) -> dict:
        return recs[i] if i >= 0 else self_rec

    objects: set[int] = set()
    for m in _PASSIVE_RE.finditer(slotted):
        old, new = int(m.group(1)), [int(m.group(2))] + _more(m.group(3))
        for n in new:
            _add(recs[old], "replaced_by", refs[n].code)
            _add(recs[n], "replaces", refs[old].code)
        objects.add(old)
    for m in _BY_RE.finditer(slotted):
        new, olds = int(m.group(1)), [int(m.group(2))] + _more(m.group(3))
        for o in olds:
            _add(recs[new], "replaces", refs[o].code)
            _add(recs[o], "replaced_by", refs[new].code)
            objects.add(o)
    for m in _ACTIVE_RE.finditer(slotted):
        new, olds = int(m.group(1)), [int(m.group(2))] + _more(m.group(3))
        if new in objects:
            continue
        for o in olds:
            _add(recs[new], "replaces", refs[o].code)
            _add(recs[o], "replaced_by", refs[new].code)
            objects.add(o)
    if own is not None:
        for m in _SELF_REPLACE_RE.finditer(slotted):
            for o in [int(m.group(1))] + _more(m.group(2)):
                _add(self_rec, "replaces", refs[o].code)
                _add(recs[o], "replaced_by", own.code)
                objects.add(o)
    abolished: set[int] = set()
    for m in _ABOLISHED_RE.finditer(slotted):
        for i in [int(m.group(1))] + _more(m.group(2)):
            recs[i]["status"] = STATUS_ABOLISHED
            abolished.add(i)

    compared = {int(m.group(1)) for m in _COMPARED_RE.finditer(slotted)}

    for field_name, iso, pos in _dated_events(slotted):
        subjects = _subjects(slotted, pos, objects | (abolished if field_name != "abolished" else set()))
        if not subjects and self_subject:
            subjects = [-1]
        for i in subjects:
            target(i)[field_name] = iso
            if field_name == "abolished":
                target(i)["status"] = STATUS_ABOLISHED
        if field_name == "implemented":  # …自…起实施，GB X 同时废止: abolished on that day
            for i in abolished:
                recs[i].setdefault("abolished", iso)
    for i in range(len(refs)):
        name = _name_near(sentence, refs, i)
        if name:
            recs[i]["name"] = name
        if i in objects or i in abolished or i in compared:  # named as replaced, abolished or compared with
            recs[i]["cites"] = False
    if self_rec and len(self_rec) > 4:
        recs.append(self_rec)
    return recs


def _slotted(sentence: str, refs: list[StandardRef]) -> str:
    """The sentence with each standard number replaced by ⟦i⟧ (its index in `refs`)."""
    parts, pos = [], 0
    for i, r in enumerate(refs):
        parts += [sentence[pos : r.start], f"⟦{i}⟧"]
        pos = r.end
    return "".join(parts + [sentence[pos:]])


def _more(group: str | None) -> list[int]:
    return [int(x) for x in _SLOT.findall(group or "")]


def _add(rec: dict, key: str, code: str) -> None:
    if code != rec.get("code") and code not in rec.setdefault(key, []):
        rec[key].append(code)


def _dated_events(slotted: str) -> list[tuple[str, str, int]]:
    """(field, ISO date, position) for each 'DATE 起实施 / 发布 / 废止' in the sentence."""
    out = []
    text = to_halfwidth_digits(slotted)
    for m in _DATE_ANY.finditer(text):
        iso = read_date(m.group("iso")) if m.group("iso") else date_iso(m)
        if not iso:
            continue
        after = text[m.end() : m.end() + 12]
        for field_name, rx in _AFTER_DATE.items():
            if rx.match(after):
                out.append((field_name, iso, m.start()))
                break
    return out


def _subjects(slotted: str, pos: int, excluded: set[int]) -> list[int]:
    """The standards a date phrase at `pos` is about: those of its clause, else of the nearest
    clause before it that names one; never the replaced or abolished ones."""
    bounds = [0] + [m.end() for m in _CLAUSE_SPLIT.finditer(slotted)] + [len(slotted) + 1]
    clauses = [(bounds[k], bounds[k + 1]) for k in range(len(bounds) - 1)]
    here = next(k for k, (a, b) in enumerate(clauses) if a <= pos < b)
    for k in range(here, -1, -1):
        a, b = clauses[k]
        found = [int(x) for x in _SLOT.findall(slotted[a:b]) if int(x) not in excluded]
        if found:
            return found
    return []


def _context(sentence: str, ref: StandardRef) -> str:
    s = sentence.strip()
    if len(s) <= CONTEXT_CHARS:
        return s
    a = max(0, ref.start - CONTEXT_CHARS // 2)
    return sentence[a : a + CONTEXT_CHARS].strip()


def _name_near(sentence: str, refs: list[StandardRef], i: int) -> str:
    """The 《name》 written next to the i-th number: right after it (GB/T 1《名称》), else right
    before it (《名称》（GB/T 1）); in a list line that starts with the number, the rest of the line."""
    name = _own_name_near(sentence, refs, i)
    # GB/T 24001-2016/ISO 14001:2015《名称》 or 《名称》（GB/T 24001-2016/ISO 14001:2015）: the name
    # stands by one of the two numbers and belongs to both
    if not name and _dual_designation(sentence, refs, i):
        name = _own_name_near(sentence, refs, i + 1)
    if not name and i > 0 and _dual_designation(sentence, refs, i - 1):
        name = _own_name_near(sentence, refs, i - 1)
    return name


def _own_name_near(sentence: str, refs: list[StandardRef], i: int) -> str:
    r = refs[i]
    end = refs[i + 1].start if i + 1 < len(refs) else len(sentence)
    start = refs[i - 1].end if i > 0 else 0
    m = _NAME_AFTER.match(sentence[r.end : end])
    if m:
        return m.group(1).strip()
    m = _NAME_BEFORE.search(sentence[start : r.start])
    if m:
        return m.group(1).strip()
    if len(refs) == 1 and _LIST_LEAD.match(sentence[: r.start]):
        m = _LIST_NAME.match(sentence[r.end :])
        if m:
            return m.group(1).strip()
    return ""


def _dual_designation(sentence: str, refs: list[StandardRef], i: int) -> bool:
    """The i-th number and the next are one standard written twice: a national adoption and the
    international standard it adopts, joined by a slash (GB/T 24001-2016/ISO 14001:2015)."""
    if i + 1 >= len(refs) or refs[i].international or not refs[i + 1].international:
        return False
    return _DUAL_JOIN.fullmatch(sentence[refs[i].end : refs[i + 1].start]) is not None


# ---------------------------------------------------------------------------- the document itself
def _own_ref(meta: DocumentMeta) -> StandardRef | None:
    """A document whose title carries a standard number is that standard."""
    refs = find_standard_refs(meta.title or "")
    return refs[0] if refs else None


def _own_name(meta: DocumentMeta, own: StandardRef) -> str:
    t = meta.title or ""
    refs = find_standard_refs(t)
    end = own.end
    if refs and _dual_designation(t, refs, 0):  # GB/T 24001-2016/ISO 14001:2015 名称: both numbers go
        end = refs[1].end
    name = (t[: own.start] + " " + t[end:]).strip(" 《》：:—-")
    return re.sub(r"\s+", " ", name)
