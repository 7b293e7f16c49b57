"""Tables in the text: every loader writes a table row as one line, cells joined by " | ".

* `align_rows(lines)`: plain text (TXT) tables, tab- or space-aligned, become such rows;
* `find_tables(text, start, end)`: the tables in a span of the clean text (runs of rows
  with the same number of cells, at least a header and one row), with a caption or 专栏
  line right above;
* `row_groups(table)`: the rows cut into chunks of one row or a few short rows, each to be
  indexed and cited with the column header in front (`附件1 表2 第4行`).

A PDF's rows come from character positions (ingest.loaders.pdf_text), DOCX's from Word
tables, HTML's from <tr>; this module only reads the rows the loaders wrote.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kb.text.grammar import ARTICLE_LINE_RE, CAPTION_RE, COLUMN_BOX_RE, LEGAL_HEADING_RE

CELL_SEP = " | "
# Text-file cells: a tab, or two or more spaces (ideographic spaces count as two).
_TXT_CELL_RE = re.compile(r"\t+|[ \u3000]{2,}|\u3000")
MAX_TXT_CELL = 40  # a longer "cell" is prose
ROWS_PER_CHUNK = 1  # one row a chunk: a citation names the row it quotes
ROW_GROUP_CHARS = 160  # rows are grouped while the group stays this short


def cells_of(line: str) -> list[str] | None:
    """The cells of a ' | ' row (empty cells kept), or None when the line is not one."""
    line = line.strip()
    if line.startswith("|") and line.endswith("|") and len(line) > 1:
        line = line[1:-1]  # a Markdown row
    if not _ROW_MARK_RE.search(line):
        return None
    return [c.strip() for c in _CELL_SPLIT_RE.split(line)]


_ROW_MARK_RE = re.compile(r"\s\|(?:\s|$)")
_CELL_SPLIT_RE = re.compile(r"\s*\|\s*")


def is_row(line: str) -> bool:
    cells = cells_of(line.strip())
    return cells is not None and len(cells) >= 2


# --------------------------------------------------------------------------- plain text


def _txt_cells(line: str) -> list[str] | None:
    text = line.strip(" \t\r")
    if "\t" not in text and "  " not in text and "\u3000" not in text.strip("\u3000"):
        return None
    cells = [c for c in _TXT_CELL_RE.split(text)]
    if len(cells) < 2 or any(not c or len(c) > MAX_TXT_CELL or c.endswith("。") for c in cells):
        return None
    if ARTICLE_LINE_RE.match(text) or LEGAL_HEADING_RE.match(text):
        return None  # 第一条　为了… / 第一章　总则: a label and its text, not cells
    return cells


def align_rows(lines: list[str]) -> list[str]:
    """Tab- or space-aligned rows of a text file as ' | ' rows: runs of at least two lines
    with the same number of short cells (≥ 2); every other line is returned unchanged."""
    out = list(lines)
    i = 0
    while i < len(lines):
        first = _txt_cells(lines[i])
        if first is None:
            i += 1
            continue
        j = i + 1
        rows = [first]
        while j < len(lines):
            cells = _txt_cells(lines[j])
            if cells is None or len(cells) != len(first):
                break
            rows.append(cells)
            j += 1
        # One ideographic space also parts a name from a name in prose (示例局　示例委); only a
        # longer run of such lines, or wider gaps, makes a table.
        weak = all(not re.search(r"\t|[ \u3000]{2,}", lines[i + k].strip(" \t\r")) for k in range(len(rows)))
        if len(rows) >= (3 if weak else 2):
            for k, cells in enumerate(rows):
                out[i + k] = CELL_SEP.join(cells)
        i = j
    return out


# --------------------------------------------------------------------------- tables in clean text


@dataclass
class Table:
    start: int  # offset of the header row
    end: int  # offset just past the last row
    header: str  # the header row as written
    rows: list[tuple[int, int]]  # (start, end) of each data row
    caption: str = ""  # 表2 重点行业… / 专栏1 … line right above, if any
    number: int | None = None  # the caption's own table number (表2 → 2)
    box: str = ""  # 专栏N when the table is a 专栏's


def _line_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl == -1 else nl
        spans.append((pos, stop))
        pos = stop + 1
    return spans


def find_tables(text: str, start: int, end: int) -> list[Table]:
    """Runs of ' | ' rows in text[start:end] with a header and at least one data row."""
    spans = _line_spans(text, start, end)
    tables: list[Table] = []
    i = 0
    while i < len(spans):
        s, e = spans[i]
        cells = cells_of(text[s:e].strip())
        if cells is None or len(cells) < 2:
            i += 1
            continue
        j = i + 1
        while j < len(spans):
            more = cells_of(text[spans[j][0]:spans[j][1]].strip())
            if more is None or len(more) != len(cells):
                break
            j += 1
        rows = _without_repeated_header(text, spans[i + 1 : j], cells) if j - i >= 2 else []
        if rows:  # rows that only repeat the header are no table: the chunker would drop them all
            table = Table(s, spans[j - 1][1], text[s:e].strip(), rows)
            _caption(text, spans, i, table)
            tables.append(table)
        i = j
    return tables


def _without_repeated_header(text: str, rows: list[tuple[int, int]], header: list[str]) -> list[tuple[int, int]]:
    """The data rows: a table printed over a page break repeats its header row on the next
    page (the page's running header and number are gone by now), which is no row of data."""
    same = [c.replace(" ", "") for c in header]
    return [(s, e) for s, e in rows
            if [c.replace(" ", "") for c in cells_of(text[s:e].strip()) or []] != same]


def _caption(text: str, spans: list[tuple[int, int]], i: int, table: Table) -> None:
    k = i - 1
    while k >= 0 and not text[spans[k][0]:spans[k][1]].strip():
        k -= 1
    if k < 0:
        return
    line = text[spans[k][0]:spans[k][1]].strip()
    box = COLUMN_BOX_RE.match(line)
    if box and len(line) <= 60:
        table.caption, table.box = line, f"专栏{box.group(1) or ''}"
        return
    m = CAPTION_RE.match(line) or re.match(r"^表\s*(\d+)", line)
    if m and line.startswith("表") and len(line) <= 60:
        table.caption = line
        n = re.match(r"^表\s*(\d+)", line)
        table.number = int(n.group(1)) if n else None


def row_groups(text: str, table: Table) -> list[tuple[int, int, int, int]]:
    """(first row no, last row no, start, end): one row, or a few short rows, per chunk."""
    groups: list[tuple[int, int, int, int]] = []
    for n, (s, e) in enumerate(table.rows, start=1):
        if groups:
            a, _b, gs, _ge = groups[-1]
            if n - a < ROWS_PER_CHUNK and e - gs <= ROW_GROUP_CHARS:
                groups[-1] = (a, n, gs, e)
                continue
        groups.append((n, n, s, e))
    return groups


def row_label(first: int, last: int) -> str:
    return f"第{first}行" if first == last else f"第{first}–{last}行"
