"""PDF text through pdfium (ingest.loaders.pdf_text): same citations as pypdf gave, tables as rows."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fixtures_build import build_encrypted_pdf, build_text_pdf  # noqa: E402
from fixtures_official import BOX2, D2_HEADER, build_pdf_plan  # noqa: E402

from ingest import loaders  # noqa: E402
from ingest.loaders import pdf as pdf_loader  # noqa: E402
from ingest.loaders.pdf_text import read_text_layer  # noqa: E402
from ingest.parsing import parse_file  # noqa: E402

SHARED_FORMATS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "formats"


def test_plan_pages_keep_lines_and_read_box_tables_as_rows(tmp_path):
    plan = build_pdf_plan(tmp_path / "plan.pdf")
    layer = read_text_layer(plan.path.read_bytes())
    assert layer is not None and len(layer.pages) == 5
    assert all(p.split("\n")[0] == D2_HEADER for p in layer.pages)
    assert [p.split("\n")[-1] for p in layer.pages] == [f"— {n} —" for n in range(1, 6)]
    page5 = layer.pages[4].split("\n")
    # the first row's cells are close together (no space in pdfium's text): split at the columns
    assert " | ".join(BOX2[1]) in page5 and " | ".join(BOX2[0]) in page5
    toc = layer.pages[1]
    assert " | " not in toc  # dot leaders and page numbers are a TOC, not a table


def test_pdfium_and_pypdf_give_the_same_citations_on_a_law_pdf(tmp_path, monkeypatch):
    fixture = build_text_pdf(tmp_path / "law.pdf")
    _meta, fast = parse_file(fixture.path, "a", "x", ocr=False)
    monkeypatch.setattr(pdf_loader, "read_text_layer", lambda data, limits=None: None)  # the pypdf path
    _meta, slow = parse_file(fixture.path, "a", "x", ocr=False)
    assert [(c.locator, c.page_start, c.page_end) for c in fast] == [(c.locator, c.page_start, c.page_end) for c in slow]
    for article, page in fixture.article_pages.items():  # a carried chapter heading may start a page earlier
        assert next(c for c in fast if c.locator == article).page_end >= page


def test_a_password_pdf_still_gets_pypdfs_reason(tmp_path):
    fixture = build_text_pdf(tmp_path / "law.pdf")
    locked = build_encrypted_pdf(fixture.path, tmp_path / "locked.pdf", "secret")
    with pytest.raises(loaders.LoadError, match="密码"):
        loaders.load(locked)
    open_ = build_encrypted_pdf(fixture.path, tmp_path / "open.pdf", "")
    assert "第一条" in loaders.load(open_).pages[0]


@pytest.mark.skipif(not SHARED_FORMATS.is_dir(), reason="../shared is absent")
@pytest.mark.parametrize("path", sorted(SHARED_FORMATS.glob("*.pdf")) if SHARED_FORMATS.is_dir() else [],
                         ids=lambda p: p.name)
def test_shared_pdfs_cite_the_same_locators_and_pages_as_with_pypdf(path, monkeypatch):
    _meta, fast = parse_file(path, "a", "x", ocr=False)
    monkeypatch.setattr(pdf_loader, "read_text_layer", lambda data, limits=None: None)
    _meta, slow = parse_file(path, "a", "x", ocr=False)
    assert [(c.locator, c.page_start, c.page_end) for c in fast] == [(c.locator, c.page_start, c.page_end) for c in slow]
