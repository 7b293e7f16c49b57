"""Ruled tables of a PDF page: the grid their rules draw, and the text of each cell.

    page_grids(page) -> list[Grid]                   # from the page's path objects
    grid_rows(textpage, text, grids) -> GridText     # rows of cells, and who owns each char

pdfium writes a table's text in the order it was drawn, usually cell by cell, so a cell that
wraps onto two or three lines breaks its row into stray lines. The rules say where the cells
are: a row is the band between two horizontal rules, a cell the part of it between two
vertical rules that cross the band. Each character goes to the cell its centre lies in.
Only grids of at least two rows and two columns count: a box around a paragraph, a rule
under a running header or a three-line table without vertical rules is not read this way.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

# A path thinner than this (points) is a rule; a wider one is a box whose four sides are rules.
RULE_WIDTH = 2.0
# Rules this close (points) are one line: borders drawn twice, half line widths.
SNAP = 2.5
# A band thinner than this (points) is a double rule, not a row.
MIN_BAND = 4.0
# Pages with more path objects than this are drawings, not tables: not read as grids.
MAX_PATHS = 3000


@dataclass
class Grid:
    """One ruled table: its rules as (position, from, to) segments."""

    horizontal: list[tuple[float, float, float]]  # (y, x0, x1)
    vertical: list[tuple[float, float, float]]  # (x, y0, y1)

    @property
    def box(self) -> tuple[float, float, float, float]:
        xs = [v[0] for v in self.vertical] + [x for h in self.horizontal for x in h[1:]]
        ys = [h[0] for h in self.horizontal] + [y for v in self.vertical for y in v[1:]]
        return min(xs), min(ys), max(xs), max(ys)


@dataclass
class GridText:
    rows: list[list[list[str]]] = field(default_factory=list)  # per grid: rows of cell texts
    owner: dict[int, int] = field(default_factory=dict)  # char index → grid number


def page_grids(page: Any) -> list[Grid]:
    """The ruled tables of a page (none when its paths cannot be read)."""
    try:
        import pypdfium2.raw as pdfium_c

        bounds = []
        for n, obj in enumerate(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH])):
            if n >= MAX_PATHS:
                return []
            bounds.append(obj.get_bounds())
    except Exception:
        return []
    horizontal, vertical = _segments(bounds)
    return _connected_grids(horizontal, vertical)


def _segments(bounds: list[tuple[float, float, float, float]]) -> tuple[list, list]:
    """Horizontal and vertical segments: thin paths as they are, boxes as their four sides."""
    horizontal, vertical = [], []
    for left, bottom, right, top in bounds:
        width, height = right - left, top - bottom
        if height <= RULE_WIDTH and width > RULE_WIDTH:
            horizontal.append(((top + bottom) / 2, left, right))
        elif width <= RULE_WIDTH and height > RULE_WIDTH:
            vertical.append(((left + right) / 2, bottom, top))
        elif width > RULE_WIDTH and height > RULE_WIDTH:
            horizontal += [(top, left, right), (bottom, left, right)]
            vertical += [(left, bottom, top), (right, bottom, top)]
    return horizontal, vertical


def _touch(h: tuple[float, float, float], v: tuple[float, float, float]) -> bool:
    return h[1] - SNAP <= v[0] <= h[2] + SNAP and v[1] - SNAP <= h[0] <= v[2] + SNAP


def _connected_grids(horizontal: list, vertical: list) -> list[Grid]:
    """Rules that cross or meet are one table; a table needs 3 rows and 3 columns of rules."""
    parent = list(range(len(horizontal) + len(vertical)))

    def find(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    # vertical rules sorted by x: each horizontal one is checked only against those within
    # its own x-range (a page of many cells would otherwise cost rules × rules checks)
    order = sorted(range(len(vertical)), key=lambda j: vertical[j][0])
    xs = [vertical[j][0] for j in order]
    for i, h in enumerate(horizontal):
        for j in order[bisect_left(xs, h[1] - SNAP) : bisect_right(xs, h[2] + SNAP)]:
            if _touch(h, vertical[j]):
                parent[find(i)] = find(len(horizontal) + j)
    groups: dict[int, Grid] = {}
    for i, h in enumerate(horizontal):
        groups.setdefault(find(i), Grid([], [])).horizontal.append(h)
    for j, v in enumerate(vertical):
        groups.setdefault(find(len(horizontal) + j), Grid([], [])).vertical.append(v)
    return [g for g in groups.values()
            if len(_snap([h[0] for h in g.horizontal])) >= 3 and len(_snap([v[0] for v in g.vertical])) >= 3]


def _snap(values: list[float]) -> list[float]:
    """Distinct positions, ascending: values within SNAP of the previous one are merged."""
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > SNAP:
            out.append(v)
    return out


def _bands(grid: Grid) -> list[tuple[float, float]]:
    """(top, bottom) of each row, top of the page first."""
    ys = _snap([h[0] for h in grid.horizontal])[::-1]
    return [(a, b) for a, b in pairwise(ys) if a - b >= MIN_BAND]


def _cell_edges(grid: Grid, top: float, bottom: float) -> list[float]:
    """The vertical rules that cross a band: a merged cell's missing rule does not split it."""
    mid = (top + bottom) / 2
    return _snap([v[0] for v in grid.vertical if v[1] - SNAP <= mid <= v[2] + SNAP])


def grid_rows(textpage: Any, text: str, grids: list[Grid]) -> GridText:
    """Each grid's rows of cell texts (columns as the whole grid has them; a cell spanning
    several columns is written in its first, the others left empty), and which grid each
    character index belongs to. Grids with fewer than two rows of text, or rows without rules between them, are left out."""
    out = GridText()
    if not grids:
        return out
    columns = [_snap([v[0] for v in g.vertical]) for g in grids]
    boxes = [g.box for g in grids]
    bands = [_bands(g) for g in grids]
    edges = [[_cell_edges(g, t, b) for t, b in bs] for g, bs in zip(grids, bands, strict=True)]
    # (grid, band, column) → (character index, y) in pdfium's order (a cell's reading order)
    cells: dict[tuple[int, int, int], list[tuple[int, float, float]]] = {}
    for i, ch in enumerate(text):
        if ch.isspace():
            continue
        left, bottom, right, top = textpage.get_charbox(i)
        x, y = (left + right) / 2, (top + bottom) / 2
        where = _locate(x, y, boxes, bands, edges, columns)
        if where is not None:
            cells.setdefault(where, []).append((i, y, top - bottom))
    for g, grid in enumerate(grids):
        if _unruled_rows(cells, g, len(bands[g]), len(columns[g]) - 1):
            continue
        merged = _merged_down(grid, bands[g], columns[g], cells, g)
        rows = []
        for b in range(len(bands[g])):
            row = ["".join(_cell_text(text, merged.get((b, c), []))) for c in range(len(columns[g]) - 1)]
            if any(row):
                rows.append(row)
        if len(rows) < 2:
            continue
        number = len(out.rows)
        out.rows.append(rows)
        for (cg, _b, _c), chars in cells.items():
            if cg == g:
                out.owner.update(dict.fromkeys((i for i, _y, _h in chars), number))
    return out


def _lines_in(chars: list[tuple[int, float, float]]) -> int:
    """How many printed lines a cell's characters stand on."""
    ys = sorted(y for _i, y, _h in chars)
    height = max((h for _i, _y, h in chars), default=1.0)
    return 1 + sum(b - a > 0.6 * height for a, b in pairwise(ys)) if ys else 0


def _unruled_rows(cells: dict, g: int, bands: int, columns: int) -> bool:
    """A band in which every cell holds several lines is rows without rules between them
    (a table ruled only under its header), not one row of wrapped cells: a real row has
    some short cell (序号, a name) on one line. Such a grid is left to the aligned-column
    reading, which finds its rows line by line."""
    for b in range(bands):
        counts = [_lines_in(cells[(g, b, c)]) for c in range(columns) if (g, b, c) in cells]
        if len(counts) >= 2 and min(counts) >= 2:
            return True
    return False


def _merged_down(grid: Grid, bands: list[tuple[float, float]], columns: list[float],
                 cells: dict, g: int) -> dict[tuple[int, int], list[int]]:
    """(band, column) → character indexes, a cell merged over several rows (no rule between
    them under it: 行业 written once for three rows) given to each of those rows, so that a
    row cited alone still says what its merged cell says."""
    out: dict[tuple[int, int], list[int]] = {}
    for c in range(len(columns) - 1):
        mid = (columns[c] + columns[c + 1]) / 2
        span: list[int] = []
        for b in range(len(bands) + 1):
            if b < len(bands) and (not span or not _rule_at(grid, bands[b][0], mid)):
                span.append(b)
                continue
            chars = sorted(i for k in span for i, _y, _h in cells.get((g, k, c), []))
            for k in span:
                out[(k, c)] = chars
            span = [b]
    return out


def _rule_at(grid: Grid, y: float, x: float) -> bool:
    """Whether a horizontal rule runs at height y under the point x."""
    return any(abs(h[0] - y) <= SNAP and h[1] - SNAP <= x <= h[2] + SNAP for h in grid.horizontal)


def _locate(x: float, y: float, boxes: list, bands: list, edges: list, columns: list) -> tuple[int, int, int] | None:
    """(grid, band, column) of the cell holding the point, or None outside every grid."""
    for g, (x0, y0, x1, y1) in enumerate(boxes):
        if not (x0 <= x <= x1 and y0 <= y <= y1):
            continue
        for b, (top, bottom) in enumerate(bands[g]):
            if not bottom <= y <= top:
                continue
            crossing = edges[g][b]
            for left, right in pairwise(crossing):
                if left <= x <= right:
                    column = min(range(len(columns[g])), key=lambda k: abs(columns[g][k] - left))
                    return g, b, min(column, len(columns[g]) - 2)
    return None


def _cell_text(text: str, indexes: list[int]) -> list[str]:
    """A cell's characters; a space kept between two Latin words or numbers, none where a
    line of Chinese text wraps."""
    out: list[str] = []
    for prev, i in pairwise([None, *indexes]):
        if prev is not None and i > prev + 1 and text[prev].isascii() and text[i].isascii() \
                and text[prev + 1 : i].isspace():
            out.append(" ")
        out.append(text[i])
    return out
