"""PDF tables in the shapes real PDFs print them, read through the real pipeline (parse_file).

Fixtures: tests/fixtures_pdf_tables.py (invented content, 测试样例). Each data row must be a
chunk of its own, cited as 表1 第N行 on the page it is printed on, with the caption and the
column header in front, its cells whole and in their columns.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fixtures_pdf_tables import (  # noqa: E402
    LONG_ROWS_ON_FIRST_PAGE,
    STANDARDS,
    TABLES,
    TARGETS_AFTER,
    TARGETS_NOTE,
    build_all,
)

from ingest import tables  # noqa: E402
from ingest.loaders.pdf_text import read_text_layer  # noqa: E402
from ingest.parsing import parse_file  # noqa: E402
from kb.text.grammar.standards import find_standard_refs  # noqa: E402


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    return build_all(tmp_path_factory.mktemp("pdf_tables"))


@pytest.fixture(scope="module")
def parsed(files) -> dict[str, list]:
    return {key: parse_file(path, key, "digest", ocr=False)[1] for key, path in files.items()}


def _squash(cells) -> list[str]:
    return [c.replace(" ", "") for c in cells]


def _row_chunks(chunks) -> dict[str, object]:
    rows = [c for c in chunks if c.kind == "table"]
    by = {c.locator: c for c in rows}
    assert len(by) == len(rows), [c.locator for c in rows]  # one chunk per row
    return by


@pytest.mark.parametrize("key", sorted(TABLES))
def test_every_row_is_one_chunk_with_caption_header_and_its_cells(parsed, key):
    header, *rows = TABLES[key]
    by = _row_chunks(parsed[key])
    assert sorted(by) == sorted(f"表1 第{n}行" for n in range(1, len(rows) + 1))
    for n, row in enumerate(rows, start=1):
        lines = by[f"表1 第{n}行"].text.split("\n")
        # caption, header, the row: no other row spliced in, no stray wrapped line
        assert len(lines) == 3, lines
        assert lines[0].startswith("表1")
        assert _squash(tables.cells_of(lines[1])) == _squash(header)
        assert _squash(tables.cells_of(lines[2])) == _squash(row), (n, lines[2])


def test_wrapped_ruled_cells_stay_in_their_row_and_column(files):
    """Cells wrapping onto two or three lines in several columns at once: pdfium writes them
    cell by cell; the rules put every line back into its cell."""
    page = read_text_layer(files["wrapped"].read_bytes()).pages[0].split("\n")
    header, *rows = TABLES["wrapped"]
    start = page.index(" | ".join(header))
    assert page[start + 1 : start + 1 + len(rows)] == [" | ".join(r) for r in rows]
    assert page[start + 1 + len(rows)] == "二、保障措施"


@pytest.mark.parametrize("key", ["long_repeat", "long_plain"])
def test_a_table_over_a_page_break_keeps_numbering_pages_and_header(parsed, key):
    header, *rows = TABLES[key]
    by = _row_chunks(parsed[key])
    assert len(by) == len(rows)  # a repeated header row is not a data row
    for n in range(1, len(rows) + 1):
        chunk = by[f"表1 第{n}行"]
        page = 1 if n <= LONG_ROWS_ON_FIRST_PAGE else 2
        assert (chunk.page_start, chunk.page_end) == (page, page), n
        assert " | ".join(header) in chunk.text  # the header after the break too
    assert not any("示例省工业和信息化厅文件" in c.text or "— 1 —" in c.text for c in by.values())


def test_standards_list_rows_name_their_standards(parsed):
    by = _row_chunks(parsed["standards"])
    for n, row in enumerate(STANDARDS[1:], start=1):
        data = by[f"表1 第{n}行"].text.split("\n")[-1]
        found = [f"{r.family} {r.number}-{r.year}" for r in find_standard_refs(data)]
        want = [c for c in (row[1], row[5]) if c != "—"]
        assert found == [w.replace("—", "-") for w in want], (data, found)
        assert tables.cells_of(data)[4] == row[4]  # the date in the 实施日期 column


def test_the_note_and_body_text_after_a_table_are_not_its_last_row(parsed):
    chunks = parsed["targets"]
    by = _row_chunks(chunks)
    last = by["表1 第3行"].text
    assert "注" not in last and "年度计划" not in last
    after = [c for c in chunks if TARGETS_NOTE in c.text]
    assert len(after) == 1 and after[0].kind != "table" and TARGETS_AFTER in after[0].text
    second = tables.cells_of(by["表1 第2行"].text.split("\n")[-1])
    assert second == ["工业能源消费总量", "6800万吨标准煤", "7300万吨标准煤", "预期性"]
    assert tables.cells_of(by["表1 第1行"].text.split("\n")[-1])[2] == "13.5%"
