"""Standards tables: which column is which (by its header), their rows, and the values in them.

One vocabulary of column headers serves the tables inside documents (编号 / 名称 / 状态 / 代替 /
实施日期) and the catalogue files a user imports (标准号 / 标准名称 / 标准状态 / 发布日期 /
实施日期 / 废止日期 / 代替标准 / 被代替标准). Tables reach the chunks in three shapes, all read:

* rows as lines of cells, `cell | cell | cell` (DOCX, HTML) or `| cell | cell |` (Markdown,
  whose rows may arrive glued: `… || 2 | …`), or tab-separated, under a header line;
* one row per chunk with its header line repeated before it;
* one row as `标准编号：…；标准名称：…；状态：…` (header and value side by side).

A table may continue in the next chunk without its header: the header of the previous chunk is
carried over when the next chunk's lines have as many cells.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from kb.text.grammar import CAPTION_LABEL, HSPACE, parse_date, read_standard
from kb.text.numerals import to_halfwidth_digits

# field → header words. Exact matches are tried first, then containment (longest word first).
# 代替 columns: in a catalogue, 代替标准 lists what this standard replaces and 被代替标准 what it
# has been replaced by (被…代替); the announcements' 被代替标准编号 is the standard replaced. The
# register orients every replacement by the editions' years when both are known.
HEADERS: dict[str, tuple[str, ...]] = {
    "code": ("标准号", "标准编号", "编号", "标准代号", "标准号码", "标准编码", "国家标准号", "行业标准号", "代号"),
    "name": ("标准名称", "名称", "中文名称", "中文标准名称", "标准中文名称", "标准名", "标准名称（中文）"),
    "status": ("标准状态", "状态", "现行状态", "有效性", "实施状态", "有效状态"),
    "published": ("发布日期", "发布时间", "批准日期", "发布"),
    "implemented": ("实施日期", "实施时间", "生效日期", "施行日期", "实施"),
    "abolished": ("废止日期", "作废日期", "废止时间", "废止"),
    "replaced_by": ("被代替标准", "被替代标准", "被以下标准代替", "被以下标准替代", "替代为", "代替为"),
    "replaces": ("代替标准", "代替标准号", "被代替标准编号", "被代替标准号", "替代标准", "代替", "替代",
                 "代替以下标准", "替代以下标准"),
}
FIELDS = tuple(HEADERS)
DATE_FIELDS = ("published", "implemented", "abolished")
LIST_FIELDS = ("replaces", "replaced_by")

STATUS_CURRENT = "现行"
STATUS_UPCOMING = "即将实施"
STATUS_ABOLISHED = "废止"

_BRACKETS = re.compile(r"[（(][^（）()]*[)）]")
_NOISE = re.compile(r"[\s*＊:：]")
_CAPTION_RE = re.compile(rf"^{HSPACE}*({CAPTION_LABEL})")
_KV_RE = re.compile(r"(?:^|(?<=[；;|，,\n]))\s*([\u4e00-\u9fff（）()]{1,10})\s*[:：]\s*([^；;|\n]*)")
_ISO_DATE_RE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_COMPACT_DATE_RE = re.compile(r"(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)")
_LIST_SPLIT = re.compile(r"[；;，,、\n]|\s{2,}")


def header_field(cell: str) -> str | None:
    """The field a header cell names ('标准编号' → 'code', '实施日期（YYYY-MM-DD）' → 'implemented');
    None for a cell that holds a value ('标准编号：GB/T 1-2020', a number, a date)."""
    raw = str(cell or "").strip()
    if re.search(r"[:：\d]", _BRACKETS.sub("", raw)) or len(raw) > 24:
        return None
    h = _NOISE.sub("", _BRACKETS.sub("", raw))
    if not h:
        return None
    for name, words in HEADERS.items():
        if h in words:
            return name
    best: tuple[int, str] | None = None
    for name, words in HEADERS.items():
        for w in words:
            if len(w) >= 2 and w in h and (best is None or len(w) > best[0]):
                best = (len(w), name)
    return best[1] if best else None


def header_map(cells: list[str]) -> dict[int, str]:
    """Column index → field for a header row; {} unless it names a number column and another."""
    out: dict[int, str] = {}
    for i, cell in enumerate(cells):
        f = header_field(cell)
        if f and f not in out.values():
            out[i] = f
    return out if "code" in out.values() and len(out) >= 2 else {}


def read_date(value: object) -> str:
    """ISO date from a cell: 2021-06-01, 2021/6/1, 2021.6.1, 2021年6月1日, 二〇二一年六月一日,
    20210601, or a date/datetime object (spreadsheets); '' when there is none."""
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    text = to_halfwidth_digits(str(value or "")).strip()
    if not text:
        return ""
    iso = parse_date(text)
    if iso:
        return iso
    for rx in (_ISO_DATE_RE, _COMPACT_DATE_RE):
        m = rx.search(text)
        if m:
            try:
                return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
            except ValueError:
                continue
    return ""


def read_status(value: object) -> str:
    """现行 / 即将实施 / 废止 from a status cell or phrase ('现行有效', '被代替', '待实施' …); ''."""
    text = str(value or "")
    if "即将废止" in text or "拟废止" in text:
        return STATUS_CURRENT  # in force until the abolition date
    if re.search(r"废止|作废|被代替|已代替|被替代|已替代|失效|撤销|停止实施", text):
        return STATUS_ABOLISHED
    if re.search(r"即将实施|待实施|未实施|将实施|尚未生效|即将生效", text):
        return STATUS_UPCOMING
    if re.search(r"现行|有效|实施中|在用", text):
        return STATUS_CURRENT
    return ""


def read_codes(value: object) -> list[str]:
    """Canonical standard numbers in a list cell ('GB/T 1-2017；GB/T 2-2017', 'GB 3—2008、GB 4')."""
    out: list[str] = []
    for part in _LIST_SPLIT.split(str(value or "")):
        ref = read_standard(part)
        if ref is not None and ref.code not in out:
            out.append(ref.code)
    return out


def row_values(fields: dict[str, object]) -> dict[str, object]:
    """A row's cells by field → the register's values: code and name as text, dates ISO, status
    normalised, replacement lists as canonical numbers. Empty values are left out; None when the
    number cell holds no standard number."""
    ref = read_standard(str(fields.get("code") or ""))
    if ref is None:
        return {}
    out: dict[str, object] = {"code": ref.code}
    name = re.sub(r"\s+", " ", str(fields.get("name") or "")).strip().strip("《》")
    if name:
        out["name"] = name
    status = read_status(fields.get("status"))
    if status:
        out["status"] = status
    for f in DATE_FIELDS:
        d = read_date(fields.get(f))
        if d:
            out[f] = d
    for f in LIST_FIELDS:
        codes = [c for c in read_codes(fields.get(f)) if c != ref.code]
        if codes:
            out[f] = codes
    return out


# ---------------------------------------------------------------------------- tables in chunks
@dataclass
class TableRow:
    """One row of a standards table in a chunk: its values (row_values), the line it was read
    from, its number in the table (1 = first row under the header) and the table's caption."""

    values: dict[str, object]
    line: str
    number: int
    caption: str = ""  # 表1
    title: str = ""  # the caption line: 表1 绿色工厂评价相关标准


@dataclass
class Header:
    columns: dict[int, str]
    width: int
    caption: str = ""
    title: str = ""
    names: tuple[str, ...] = ()  # the header's cells as written
    rows: int = 0  # rows read so far (a table continued in the next chunk goes on counting)


def split_cells(line: str) -> list[str] | None:
    """The cells of a table line (tab- or |-separated), None for a line of running text."""
    if "\t" in line:
        cells = line.split("\t")
    elif "|" in line:
        s = line.strip()
        s = s[1:] if s.startswith("|") else s
        s = s[:-1] if s.endswith("|") else s
        cells = s.split("|")
    else:
        return None
    cells = [c.strip() for c in cells]
    return cells if len(cells) >= 2 else None


def table_lines(text: str) -> list[str]:
    """The chunk's lines, with Markdown rows that arrived glued (`… || 2 | …`) apart."""
    out: list[str] = []
    for line in (text or "").splitlines():
        out.extend(p if i == 0 else "|" + p for i, p in enumerate(line.split("||")))
    return out


def is_table_line(line: str) -> bool:
    return split_cells(line) is not None


def rows_in(text: str, carried: Header | None = None) -> tuple[list[TableRow], Header | None]:
    """The standards-table rows of one chunk, and the header to carry into the next chunk (None
    when the chunk ends outside a table)."""
    rows: list[TableRow] = []
    header = carried
    caption, title = (carried.caption, carried.title) if carried else ("", "")
    for line in table_lines(text):
        if not line.strip():
            continue
        kv = _key_values(line)
        if kv:
            rows.append(TableRow(kv, line.strip(), 0, caption, title))
            continue
        cells = split_cells(line)
        if cells is None:  # running text ends a table; a caption names the next one
            m = _CAPTION_RE.match(line)
            if m:
                caption, title = m.group(1), line.strip()[:60]
            header = None
            continue
        cols = header_map(cells)
        if cols:
            header = Header(cols, len(cells), caption, title, tuple(cells))
            continue
        if header is None:
            continue
        for row_cells in _rows_of(cells, header.width):
            fields = {f: row_cells[i] for i, f in header.columns.items() if i < len(row_cells)}
            values = row_values(fields)
            if not values:
                continue
            header.rows += 1
            shown = ("\t" if "\t" in line else " | ").join(row_cells)  # as the passage has it (quotes)
            rows.append(TableRow(values, shown, header.rows, header.caption, header.title))
    return rows, header


def _rows_of(cells: list[str], width: int) -> list[list[str]]:
    """A line of `width` cells is one row; a multiple of it is rows glued together."""
    if len(cells) > width and len(cells) % width == 0:
        return [cells[k : k + width] for k in range(0, len(cells), width)]
    return [cells]


def _key_values(line: str) -> dict[str, object]:
    """A row written as 标准编号：…；标准名称：…；状态：… (two fields at least, one the number)."""
    fields: dict[str, str] = {}
    for m in _KV_RE.finditer(line):
        f = header_field(m.group(1).strip())
        if f and f not in fields:
            fields[f] = m.group(2).strip()
    if "code" not in fields or len(fields) < 2:
        return {}
    return row_values(fields)
