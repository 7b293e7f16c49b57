"""The PDF page a citation names (kb.interfaces.pdf_view): the page numbers the ingest gives a
chunk (ingest.loaders.pdf_text) are the pages the viewer finds its text on; the cited sentences
are highlighted line by line, also across a page break; a quote not on the page leaves the page
plain. Fixture PDFs are written by us (tests/fixtures_build.py); the real PDFs of ../shared are
checked when present."""
from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from kb.interfaces.pdf_view import _compact, _norm, _page_chars, find_spans, page_views
from tests.api_server import ROOT, base_env
from tests.fixtures_build import ARTICLES, build_text_pdf


def _ingest(paths: list[Path], data: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "ingest", *map(str, paths), "--data", str(data), "--quiet"],
                          cwd=ROOT, env=base_env(), capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr


def _chunks(data: Path):
    from kb.index.store import Index
    from kb.settings import Settings

    index = Index(Settings(data_dir=data, embed_model="none"))
    return {d.doc_id: (d, index.chunks_of(d.doc_id)) for d in index.documents().values()}


def _pages_agree(pdf_path: Path, chunks) -> list[tuple]:
    """Chunks whose first line (its first 20 characters) is not on the page the index gives them."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        pages = [_compact(_page_chars(pdf[i].get_textpage()))[0] for i in range(len(pdf))]
    finally:
        pdf.close()
    wrong = []
    for h in chunks:
        head = _norm(next(line for line in h.text.splitlines() if line.strip()))[:20]
        if h.page_start and head not in pages[h.page_start - 1]:
            wrong.append((h.locator, h.page_start, [i + 1 for i, p in enumerate(pages) if head in p]))
    return wrong


def _highlighted(png: bytes, box) -> float:
    """Share of the box's pixels tinted amber (the highlight over white paper)."""
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    left, top, right, bottom = (int(v) for v in box)
    region = image.crop((left + 3, top + 3, right - 3, bottom - 3))
    px = list(region.getdata())
    amber = sum(1 for r, g, b in px if r > 200 and 150 < g < 240 and b < 170)
    return amber / max(1, len(px))


@pytest.fixture(scope="module")
def fixture_pdf(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("pdfview")
    fx = build_text_pdf(tmp / "示例节能管理办法（测试样例）.pdf")
    _ingest([fx.path], tmp / "data")
    (doc, chunks), = _chunks(tmp / "data").values()
    return fx, doc, chunks


def test_the_viewer_finds_each_chunk_on_the_page_the_index_names(fixture_pdf):
    fx, doc, chunks = fixture_pdf
    assert doc.pages == 3 and all(h.page_start for h in chunks if h.locator.startswith("第"))
    assert _pages_agree(fx.path, chunks) == []
    fourth = next(h for h in chunks if h.locator == "第四条")
    assert fourth.page_start == fx.article_pages["第四条"] == 2
    views = page_views(fx.path, fourth.page_start, fourth.page_end, dict(ARTICLES)["第四条"])
    assert [v.page for v in views] == [2] and len(views[0].boxes) == 2  # the article's two printed lines


def test_a_quote_across_a_page_break_is_highlighted_on_both_pages(fixture_pdf):
    fx, _doc, chunks = fixture_pdf
    third = next(h for h in chunks if h.locator == "第三条")
    assert (third.page_start, third.page_end) == (1, 2)
    quote = dict(ARTICLES)["第三条"]
    views = page_views(fx.path, third.page_start, third.page_end, quote)
    assert [v.page for v in views] == [1, 2]
    for v in views:
        assert v.png.startswith(b"\x89PNG")
        for box in v.boxes:
            assert _highlighted(v.png, box) > 0.5
    # one box per printed line: page 1 holds two lines of 第三条, page 2 the rest
    assert len(views[0].boxes) == 2 and len(views[1].boxes) >= 1
    tops = [b[1] for b in views[0].boxes]
    assert tops == sorted(tops) and tops[1] - tops[0] > 10


def test_only_the_cited_sentence_is_marked(fixture_pdf):
    fx, _doc, _chunks_ = fixture_pdf
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(fx.path))
    chars = _page_chars(pdf[2].get_textpage())
    pdf.close()
    sentence = "处一万元以上五万元以下的罚款"
    spans = find_spans(chars, sentence)
    marked = "".join(chars[i] for s, e in spans for i in range(s, e))
    assert _norm(marked) == sentence
    plain = page_views(fx.path, 3, 3, "本句不在任何页面上出现（测试样例）")
    assert [v.page for v in plain] == [3] and plain[0].boxes == []


def test_pages_of_the_real_pdfs_agree(shared, tmp_path):
    pdfs = sorted((shared / "corpus" / "formats").glob("*.pdf"))
    assert pdfs
    _ingest(pdfs, tmp_path / "data")
    for doc, chunks in _chunks(tmp_path / "data").values():
        assert chunks and _pages_agree(Path(doc.path), chunks) == [], doc.file_name
