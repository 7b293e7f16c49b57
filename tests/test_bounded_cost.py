"""What one file may cost: caps with clear messages, OCR skipped for blank pages and capped,
and every file parsed in a worker process whose time and memory are limited, so a bad file
fails alone while the others are indexed. Fixtures are made here (测试样例); the large
adversarial sizes are in the benchmark (python -m eval robustness).
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from ingest import loaders
from ingest.loaders.common import Limits
from ingest.pipeline import run
from ingest.types import LoadError
from kb.settings import load_settings
from tests import fixtures_build

GOOD = "# 示例市节水办法（测试样例）\n\n第一条 示例单位应当节约用水（测试样例）。\n\n第二条 示例主管部门负责监督（测试样例）。\n"


def _run(tmp_path: Path, files: dict[str, bytes], **overrides):
    corpus = tmp_path / "corpus"
    corpus.mkdir(exist_ok=True)
    for name, data in files.items():
        (corpus / name).write_bytes(data)
    (corpus / "示例市节水办法.md").write_text(GOOD, encoding="utf-8")
    settings = load_settings(data_dir=tmp_path / "data", embed_model="none").with_overrides(**overrides)
    summary = run([corpus], settings)
    by_name = {Path(r.path).name: r for r in summary.results}
    assert by_name["示例市节水办法.md"].status == "added"  # the good file is never dragged down
    return by_name


def test_markdown_of_blank_lines_and_pipes_is_fast(tmp_path):
    """Cubic backtracking once made a 4 KB file of blank lines take minutes."""
    nasty = ("\n" * 4000 + "|" + " \n" * 2000 + "---|" * 3).encode()
    by_name = _run(tmp_path, {"空行.md": nasty}, parse_timeout=20)
    assert by_name["空行.md"].status == "added", by_name["空行.md"].reason
    text = loaders.strip_markdown("| a | b |\n| --- | :---: |\n| 1 | 2 |\n")
    assert "---" not in text and "| 1 | 2 |" in text


def test_page_and_character_caps(tmp_path):
    pdf = tmp_path / "三页.pdf"
    fixtures_build.build_text_pdf(pdf)
    n_pages = len(loaders.load(pdf).pages)
    assert n_pages >= 2
    by_name = _run(tmp_path, {"三页.pdf": pdf.read_bytes(), "长文.txt": ("示例文字。" * 400).encode()},
                   max_pages=n_pages - 1, max_chars=1000)
    assert by_name["三页.pdf"].status == "failed"
    assert f"超过上限 {n_pages - 1} 页" in by_name["三页.pdf"].reason and "GREENKB_MAX_PAGES" in by_name["三页.pdf"].reason
    assert by_name["长文.txt"].status == "failed" and "超过上限 1000 字" in by_name["长文.txt"].reason


def _docx_with_big_body(chars: int) -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph("示例（测试样例）" + "字" * chars)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_unzipped_size_cap(tmp_path):
    data = _docx_with_big_body(200_000)  # document.xml ≈ 600 KB: over 1 MB when counted ×4
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.getinfo("word/document.xml").file_size > 256 * 1024
    by_name = _run(tmp_path, {"大正文.docx": data}, max_unzipped_mb=1)
    assert by_name["大正文.docx"].status == "failed" and "解压后过大" in by_name["大正文.docx"].reason


def _blank_pdf(pages: int) -> bytes:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    for _ in range(pages):
        c.showPage()
    c.save()
    return buf.getvalue()


def test_blank_pages_are_not_ocrd(monkeypatch):
    from ingest.loaders import pdf as pdf_loader

    calls = []
    monkeypatch.setattr(pdf_loader, "_ocr_page", lambda *a: calls.append(a) or "")
    monkeypatch.setattr(pdf_loader, "_ocr_engine", lambda: object())
    with pytest.raises(LoadError, match="都是空白页"):
        pdf_loader.load_pdf(_blank_pdf(40), True)
    assert calls == []


def test_ocr_is_capped_per_file(tmp_path, monkeypatch):
    from ingest.loaders import pdf as pdf_loader

    one = tmp_path / "扫描.pdf"
    fixtures_build.build_scanned_pdf(one)
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for _ in range(3):
        writer.add_page(PdfReader(one).pages[0])
    buf = io.BytesIO()
    writer.write(buf)
    calls = []
    monkeypatch.setattr(pdf_loader, "_ocr_page", lambda engine, pdf, i, w: calls.append(i) or "OCR TEXT 测试样例")
    monkeypatch.setattr(pdf_loader, "_ocr_engine", lambda: object())
    doc = pdf_loader.load_pdf(buf.getvalue(), True, Limits(max_ocr_pages=2))
    assert calls == [0, 1] and doc.ocr_pages == [1, 2]
    assert any("超过上限 2 页" in w and "其余 1 页" in w for w in doc.warnings)


def test_a_slow_file_times_out_alone(tmp_path):
    """OCR of a scanned page takes seconds: with a 0.5 s budget that file fails with the
    reason, in its own worker, and the other file is indexed."""
    scan = tmp_path / "扫描.pdf"
    fixtures_build.build_scanned_pdf(scan)
    by_name = _run(tmp_path, {"扫描.pdf": scan.read_bytes()}, parse_timeout=0.5)
    assert by_name["扫描.pdf"].status == "failed"
    assert "解析超时" in by_name["扫描.pdf"].reason and "GREENKB_PARSE_TIMEOUT" in by_name["扫描.pdf"].reason


def test_a_file_over_the_memory_limit_fails_alone(tmp_path):
    """A 40 MB text file: decoding, cleaning and chunking it needs several times its size."""
    big = ("第一条 示例单位应当节约能源（测试样例）。\n" * 1_000_000).encode()
    by_name = _run(tmp_path, {"巨大.txt": big}, parse_memory_mb=400, max_chars=0)
    assert by_name["巨大.txt"].status == "failed"
    assert "内存超过上限 400 MB" in by_name["巨大.txt"].reason


def test_docx_title_from_heading_style_without_style_scan():
    data = fixtures_build.build_docx(Path("/tmp") / "i13-docx-title.docx").read_bytes()
    doc = loaders.load_docx(data, False)
    assert doc.title_hint == fixtures_build.DOCX_TITLE


def test_flate_bomb_is_never_rendered(tmp_path):
    """A page whose content stream inflates far beyond the unpacked-size limit is not rendered
    for OCR (pdfium would inflate all of it): the file fails at once, the other is indexed."""
    from eval.robustness_files import pdf_flate_bomb

    bomb = pdf_flate_bomb(tmp_path / "炸弹.pdf", 0.25)
    assert bomb.stat().st_size < 1 << 20
    by_name = _run(tmp_path, {"炸弹.pdf": bomb.read_bytes()}, max_unzipped_mb=64)
    assert by_name["炸弹.pdf"].status == "failed" and "压缩炸弹" in by_name["炸弹.pdf"].reason


def test_all_blank_pdf_says_so(tmp_path):
    by_name = _run(tmp_path, {"空白.pdf": _blank_pdf(5)})
    assert by_name["空白.pdf"].status == "failed" and "都是空白页" in by_name["空白.pdf"].reason
