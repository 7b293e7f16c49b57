"""PDF text layer through pdfium (pypdfium2): page text as printed lines, tables as rows.

    read_text_layer(data) -> TextLayer | None   # None: pdfium cannot open it (password …)

pdfium's own text order and line breaks are kept for prose (they match what readers see and
are 10–20× faster to get than pypdf's). Character boxes are used for one thing pdfium's text
does not give: table rows. A line whose characters fall into cells separated by wide gaps,
together with the lines around it that share that column layout, becomes one row per line,
cells joined by " | " (the row form every loader gives tables); a wrapped cell (a line with
text only under a later column) is joined to the row above. Nothing is dropped or reordered.

A ruled table (cells drawn with lines or boxes) is read from its grid instead: pdfium orders
such text by how it was drawn, cell after cell, so a cell that wraps onto two or three lines
comes out as stray lines between the rows. Every character inside the grid goes to the cell
its centre falls in, one row per band between two horizontal rules (ingest.loaders.pdf_grid).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from ingest.loaders.common import DEFAULT_LIMITS, Limits
from ingest.loaders.pdf_grid import Grid, grid_rows, page_grids

CELL_SEP = " | "
# A horizontal gap wider than this many character heights separates two cells.
CELL_GAP_EM = 1.6
# A gap this wide parts cells when the next character starts exactly (¼ em) at a column of
# the table: tight columns, where a long cell (即将实施) nearly touches the next one's text.
# Characters' loose boxes touch inside a word, so such a gap is never within one.
TIGHT_GAP_EM = 0.3
# Column starts of two rows agree within this many character heights.
ALIGN_EM = 1.2


@dataclass
class TextLayer:
    pages: list[str]
    title: str = ""
    warnings: list[str] = field(default_factory=list)


class _Line:
    """One printed line: pdfium's text, and its cells read from character boxes on demand."""

    def __init__(self, textpage: Any, text: str, start: int, end: int) -> None:
        self.textpage, self.start, self.end = textpage, start, end
        self.text = text[start:end]
        self._cells: dict[bool, list[tuple[float, float, str]]] = {}

    @property
    def spaced(self) -> bool:
        """Whitespace between two printed characters: where pdfium saw a gap."""
        return bool(_INNER_SPACE_RE.search(self.text.strip()))

    def cells(self, columns: tuple[float, ...] = ()) -> list[tuple[float, float, str]]:
        """(left, right, text) of each cell, left to right; cells part at gaps > CELL_GAP_EM.

        By default only gaps where pdfium put a space are measured (few calls). Under a
        table's header (`columns`: its column starts) every pair of neighbours is, and a
        narrower gap before a column start parts cells too: pdfium puts no space there."""
        key = bool(columns)
        if key not in self._cells:
            self._cells[key] = _cells(self.textpage, self.text, self.start, columns)
        return self._cells[key]


def read_text_layer(data: bytes, limits: Limits = DEFAULT_LIMITS) -> TextLayer | None:
    """Every page's text (tables as ' | ' rows), or None when pdfium cannot open the file.
    Raises LoadError past the page or character caps of `limits`."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except Exception:
        return None
    try:
        limits.check_pages(len(pdf))
        layer = TextLayer(pages=[], title=_title(pdf))
        chars = 0
        for number in range(len(pdf)):
            try:
                page = pdf[number]
                textpage = page.get_textpage()
                layer.pages.append(page_text(textpage, page_grids(page)))
            except Exception as exc:
                layer.warnings.append(f"第{number + 1}页文字提取失败（{type(exc).__name__}）")
                layer.pages.append("")
            chars += len(layer.pages[-1])
            limits.check_chars(chars)
        return layer
    finally:
        pdf.close()


def _title(pdf: Any) -> str:
    try:
        return str(pdf.get_metadata_dict().get("Title") or "").strip()
    except Exception:
        return ""


def page_text(textpage: Any, grids: list[Grid] | None = None) -> str:
    """The text of one page: pdfium's lines, with table rows rebuilt from character boxes
    (from the cells of `grids`, the page's ruled tables, where their text lies)."""
    count = textpage.count_chars()
    if count <= 0:
        return ""
    text = textpage.get_text_range(0, count)
    if len(text) != count:  # characters outside the BMP: indexes no longer align, keep the text
        return text.replace("\r\n", "\n")
    lines = []
    pos = 0
    for m in _BREAK_RE.finditer(text + "\n"):
        lines.append(_Line(textpage, text, pos, m.start()))
        pos = m.end()
    if lines and not lines[-1].text and text.endswith(("\r\n", "\n", "\r")):
        lines.pop()
    out: list[str] = []
    for part in _ruled_tables(textpage, text, lines, grids or []):
        out.extend([part] if isinstance(part, str) else _with_rows(part))
    return "\n".join(out)


def _ruled_tables(textpage: Any, text: str, lines: list[_Line], grids: list[Grid]) -> list[str | list[_Line]]:
    """The page as runs of pdfium lines and, in place of the lines that lie wholly inside a
    ruled table, that table's rows (written where its first line was)."""
    tables = grid_rows(textpage, text, grids)
    if not tables:
        return [lines]
    owners = [{tables.owner.get(line.start + i, -1) for i, ch in enumerate(line.text) if not ch.isspace()}
              for line in lines]
    # A line that mixes a table's characters with others' (a caption on the top rule's
    # baseline …) would be written twice: such a table is left to the aligned-column reading.
    mixed = {t for owner in owners if len(owner) > 1 for t in owner}
    parts: list[str | list[_Line]] = [[]]
    done: set[int] = set()
    for line, owner in zip(lines, owners, strict=True):
        t = next(iter(owner)) if len(owner) == 1 else -1
        if t != -1 and t not in mixed:
            if t not in done:
                done.add(t)
                parts.extend(CELL_SEP.join(row) for row in tables.rows[t])
                parts.append([])
            continue
        last = parts[-1]
        assert isinstance(last, list)
        last.append(line)
    return parts


_LEADER_RE = re.compile(r"^[·.．…\-_—\s]{4,}\d*$")  # a table of contents' dot leader
_BREAK_RE = re.compile(r"\r\n|\r|\n")
_INNER_SPACE_RE = re.compile(r"\S\s+\S")


def _box(textpage: Any, i: int) -> tuple[float, float, float]:
    """(left, right, height) of character i; the loose box's height is the font size."""
    left, bottom, right, top = textpage.get_charbox(i, loose=True)
    return left, right, top - bottom


def _cells(textpage: Any, text: str, offset: int, columns: tuple[float, ...]) -> list[tuple[float, float, str]]:
    """Cells of a line: the characters next to a space are measured, or every one."""
    visible = [(i, ch) for i, ch in enumerate(text) if not ch.isspace()]
    if not visible:
        return []
    first = visible[0][0]
    cells: list[list[Any]] = [[_box(textpage, offset + first)[0], 0.0, [visible[0][1]]]]
    for (i0, c0), (i1, c1) in pairwise(visible):
        if i1 == i0 + 1 and not columns:
            cells[-1][2].append(c1)
            continue
        l0, r0, h0 = _box(textpage, offset + i0)
        l1, r1, h1 = _box(textpage, offset + i1)
        em = max(h0, h1, 1.0)
        gap = l1 - r0
        if gap > CELL_GAP_EM * em or gap > 0.5 * em and _aligned(list(columns), l1, em) is not None \
                or gap > TIGHT_GAP_EM * em and _aligned(list(columns), l1, em / 4) is not None:
            cells[-1][1] = r0
            cells.append([l1, 0.0, [c1]])
        else:
            if i1 > i0 + 1 and c0.isascii() and c1.isascii():
                cells[-1][2].append(" ")  # a word space between Latin words or numbers
            cells[-1][2].append(c1)
    last = visible[-1][0]
    cells[-1][1] = _box(textpage, offset + last)[1]
    return [(c[0], c[1], "".join(c[2])) for c in cells]


def _em_of(line: _Line) -> float:
    i = next((k for k, ch in enumerate(line.text) if not ch.isspace()), None)
    return max(_box(line.textpage, line.start + i)[2], 1.0) if i is not None else 10.0


def _aligned(starts: list[float], left: float, em: float) -> int | None:
    """Index of the column starting at `left` (within ALIGN_EM), or None."""
    for k, s in enumerate(starts):
        if abs(s - left) <= ALIGN_EM * em:
            return k
    return None


def _with_rows(lines: list[_Line]) -> list[str]:
    """The page's lines, runs of aligned multi-cell lines (≥ 2 rows) written as table rows."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        if not lines[i].spaced or len(lines[i].cells()) < 2:
            out.append(lines[i].text)
            i += 1
            continue
        em = _em_of(lines[i])
        first = _header_cells(lines, i, em)
        starts = [c[0] for c in first]
        rows: list[list[str]] = [[c[2] for c in first]]
        j = i + 1
        while j < len(lines):
            cells = lines[j].cells(tuple(starts))
            cols = [_aligned(starts, c[0], em) for c in cells]
            if len(cells) >= 2 and None not in cols and cols == sorted(cols) and len(set(cols)) == len(cols):
                row = [""] * len(starts)
                for k, c in zip(cols, cells, strict=True):
                    row[k] = c[2]
                rows.append(row)
            elif cells and None not in cols and cols[0] is not None and cols[0] > 0 and len(rows) > 1:
                for k, c in zip(cols, cells, strict=True):  # a wrapped cell: its text belongs to the row above
                    rows[-1][k] += c[2]  # type: ignore[index]
            else:
                break
            j += 1
        if len(rows) < 2 or _two_column_prose(rows) or any(_LEADER_RE.match(c) for r in rows for c in r):
            out.append(lines[i].text)
            i += 1
            continue
        out.extend(CELL_SEP.join(r) for r in rows)
        i = j
    return out


def _header_cells(lines: list[_Line], i: int, em: float) -> list[tuple[float, float, str]]:
    """The cells of a table's first line. A header of short labels set in tight columns
    (序号 标准号 标准名称 …) can have gaps narrower than CELL_GAP_EM where its data rows have
    wide ones: when the next line has more cells, the header is split at that line's columns."""
    cells = lines[i].cells()
    if i + 1 >= len(lines) or not lines[i + 1].spaced:
        return cells
    below = lines[i + 1].cells()
    if len(below) <= len(cells):
        return cells
    starts = [c[0] for c in below]
    split = lines[i].cells(tuple(starts))
    cols = [_aligned(starts, c[0], em) for c in split]
    return split if len(split) == len(below) and cols == list(range(len(below))) else cells


def _two_column_prose(rows: list[list[str]]) -> bool:
    """Two long cells a line: a page set in two columns of running text, not a table."""
    if len(rows[0]) != 2:
        return False
    sizes = sorted(len(c) for r in rows for c in r if c)
    return bool(sizes) and sizes[len(sizes) // 2] > 18
