"""Tests for ingest.loaders: every format, encodings, and every way a file can be unreadable."""
from __future__ import annotations

import importlib.util
import re
import time
from pathlib import Path

import pytest

import fixtures_build as fb
from ingest.loaders import decode_text, load, strip_markdown
from ingest.types import LoadedDoc, LoadError

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
FORMATS = SHARED / "corpus" / "formats"
CJK_RE = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def text_pdf(tmp_path_factory: pytest.TempPathFactory) -> fb.PdfFixture:
    return fb.build_text_pdf(tmp_path_factory.mktemp("pdf") / "fixture.pdf")


# --------------------------------------------------------------------------- PDF


def test_pdf_cid_font_round_trips(text_pdf: fb.PdfFixture) -> None:
    doc = load(text_pdf.path)
    assert doc.paged and doc.source_format == "pdf"
    assert len(doc.pages) == 3
    assert fb.PDF_HEADER in doc.pages[0]
    assert fb.PDF_TITLE in doc.pages[0]
    assert "— 2 —" in doc.pages[1]
    assert doc.ocr_pages == []


def test_pdf_page_texts_are_per_page(text_pdf: fb.PdfFixture) -> None:
    doc = load(text_pdf.path)
    for page_text, lines in zip(doc.pages, text_pdf.pages, strict=True):
        assert lines[0] in page_text
        assert lines[-1] in page_text


def test_pdf_empty_user_password_is_readable(text_pdf: fb.PdfFixture, tmp_path: Path) -> None:
    path = fb.build_encrypted_pdf(text_pdf.path, tmp_path / "open.pdf", user_password="")
    doc = load(path)
    assert fb.PDF_TITLE in doc.pages[0]


# --------------------------------------------------------------------------- LoadError cases


def _assert_load_error(path: Path, fragment: str, **kwargs: object) -> LoadError:
    with pytest.raises(LoadError) as info:
        load(path, **kwargs)  # type: ignore[arg-type]
    reason = info.value.reason
    assert CJK_RE.search(reason), reason  # a Chinese message for the user
    assert "Traceback" not in reason and "\n" not in reason
    assert fragment in reason, reason
    return info.value


def test_zero_byte_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    _assert_load_error(path, "空")


def test_junk_named_pdf(tmp_path: Path) -> None:
    path = tmp_path / "junk.pdf"
    path.write_bytes(b"this is not a pdf at all \x00\x01\x02" * 20)
    _assert_load_error(path, "PDF")


def test_pdf_header_but_garbage_body(tmp_path: Path) -> None:
    path = tmp_path / "garbage.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8 + b"\n%%EOF\n")
    _assert_load_error(path, "PDF")


def test_truncated_pdf(text_pdf: fb.PdfFixture, tmp_path: Path) -> None:
    path = fb.build_truncated_pdf(text_pdf.path, tmp_path / "half.pdf")
    _assert_load_error(path, "截断")


def test_encrypted_pdf_with_password(text_pdf: fb.PdfFixture, tmp_path: Path) -> None:
    path = fb.build_encrypted_pdf(text_pdf.path, tmp_path / "locked.pdf", user_password="secret")
    _assert_load_error(path, "密码")


def test_junk_named_docx(tmp_path: Path) -> None:
    path = tmp_path / "junk.docx"
    path.write_bytes(b"not a zip file" * 10)
    _assert_load_error(path, "DOCX")


def test_zip_that_is_not_a_docx(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "other.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("hello.txt", "not word")
    _assert_load_error(path, "DOCX")


def test_oversized_file(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("示例" * 1000, encoding="utf-8")
    _assert_load_error(path, "过大", max_bytes=100)
    assert load(path, max_bytes=10_000).pages[0].startswith("示例")


def test_unsupported_extension(tmp_path: Path) -> None:
    path = tmp_path / "table.xlsx"
    path.write_bytes(b"PK\x03\x04 whatever")
    _assert_load_error(path, "不支持")


def test_missing_file(tmp_path: Path) -> None:
    _assert_load_error(tmp_path / "nope.txt", "不存在")


# --------------------------------------------------------------------------- OCR


def test_scanned_pdf_without_ocr_needs_ocr(tmp_path: Path) -> None:
    path = fb.build_scanned_pdf(tmp_path / "scan.pdf")
    _assert_load_error(path, "需要OCR", ocr=False)


def test_scanned_pdf_ocr_or_needs_ocr(tmp_path: Path) -> None:
    path = fb.build_scanned_pdf(tmp_path / "scan.pdf")
    ocr_installed = importlib.util.find_spec("rapidocr_onnxruntime") is not None
    started = time.perf_counter()
    try:
        doc: LoadedDoc | None = load(path)
    except LoadError as exc:
        assert "需要OCR" in exc.reason
        doc = None
    elapsed = time.perf_counter() - started
    if ocr_installed:
        # RapidOCR is importable here, so it must really have run and read the page
        assert doc is not None, "rapidocr is installed but OCR recovered nothing"
        assert doc.ocr_pages == [1]
        assert "GreenKB" in doc.pages[0].replace("k", "K")
        assert "2030" in doc.pages[0]
        assert elapsed < 20, f"OCR of one page took {elapsed:.1f}s"
    else:
        assert doc is None


# --------------------------------------------------------------------------- DOCX


def test_docx_table_stays_in_position(tmp_path: Path) -> None:
    doc = load(fb.build_docx(tmp_path / "fixture.docx"))
    assert doc.source_format == "docx" and not doc.paged and len(doc.pages) == 1
    lines = doc.pages[0].split("\n")
    header_row = " | ".join(fb.DOCX_TABLE[0])
    i2 = next(i for i, ln in enumerate(lines) if ln.startswith("第二条"))
    i3 = next(i for i, ln in enumerate(lines) if ln.startswith("第三条"))
    assert lines[i2 + 1] == header_row
    assert lines[i2 + 2] == " | ".join(fb.DOCX_TABLE[1])
    assert i3 == i2 + 3


def test_docx_title_hint_from_title_style(tmp_path: Path) -> None:
    doc = load(fb.build_docx(tmp_path / "fixture.docx"))
    assert doc.title_hint == fb.DOCX_TITLE


# --------------------------------------------------------------------------- HTML


def test_gbk_html_clutter_removed(tmp_path: Path) -> None:
    doc = load(fb.build_gbk_html(tmp_path / "page.html"))
    text = doc.pages[0]
    assert doc.title_hint == fb.HTML_TITLE
    for clutter in ("分享到", "打印", "关闭窗口", "首页", "版权所有", "主办单位", "ICP备", "网站地图", "统计代码", "color"):
        assert clutter not in text, clutter
    lines = text.split("\n")
    assert "第一章 总则" in lines
    assert "第一条 为了节约资源，保护环境，制定本条例。" in lines  # inline <b> and newline inside <p>
    assert "指标 | 数值" in lines and "节水率 | 10%" in lines
    assert lines[-1] == "第三条 本条例自2030年3月1日起施行。"


def test_html_title_from_title_tag_without_suffix(tmp_path: Path) -> None:
    path = tmp_path / "t.htm"
    path.write_text("<html><head><title>示例通知（测试样例） - 示例部门网站</title></head>"
                    "<body><p>正文一。</p><p>正文二。</p></body></html>", encoding="utf-8")
    doc = load(path)
    assert doc.title_hint == "示例通知（测试样例）"
    assert doc.pages[0] == "正文一。\n正文二。"


def test_html_utf8_without_declaration(tmp_path: Path) -> None:
    path = tmp_path / "u.html"
    path.write_bytes("<p>第一条 示例内容。</p>".encode("utf-8"))
    assert load(path).pages[0] == "第一条 示例内容。"


def test_html_deep_nesting_does_not_recurse(tmp_path: Path) -> None:
    depth = 5000
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * depth + "<p>深层内容第一条。</p>" + "</div>" * depth
                    + "<span>" * depth + "尾部文字" + "</span>" * depth + "</body></html>", encoding="utf-8")
    started = time.perf_counter()
    doc = load(path)
    assert "深层内容第一条。" in doc.pages[0]
    assert "尾部文字" in doc.pages[0]
    assert time.perf_counter() - started < 10


# --------------------------------------------------------------------------- TXT / MD

SAMPLE = "示例节能管理办法（测试样例，非真实文件）\n第一条 为了测试编码检测，制定本办法。\n"


@pytest.mark.parametrize(
    "encoding, prefix",
    [("utf-8", b""), ("utf-8-sig", b""), ("gb18030", b""), ("gbk", b""), ("utf-16-le", b"\xff\xfe"),
     ("utf-16-be", b"\xfe\xff")],
)
def test_text_encodings(tmp_path: Path, encoding: str, prefix: bytes) -> None:
    path = tmp_path / f"sample-{encoding}.txt"
    path.write_bytes(prefix + SAMPLE.encode(encoding))
    doc = load(path)
    assert doc.source_format == "txt" and not doc.paged
    assert doc.pages == [SAMPLE]


def test_mixed_line_endings_and_long_lines(tmp_path: Path) -> None:
    long_line = "很长的一行文字，" * 20000
    path = tmp_path / "mixed.txt"
    path.write_bytes(("甲\r\n乙\r丙\n" + long_line + "\r\n").encode("utf-8"))
    text = load(path).pages[0]
    assert "\r" not in text
    assert text.split("\n")[:3] == ["甲", "乙", "丙"]
    assert long_line in text


def test_decode_text_falls_back_to_guess() -> None:
    # invalid in both UTF-8 and GB18030 (0x80 alone, 0xFF) → charset_normalizer or replacement
    assert isinstance(decode_text(b"abc\x80\xff\xfe\x00def" * 3), str)


def test_markdown_fixture(tmp_path: Path) -> None:
    path = tmp_path / "rules.md"
    path.write_text(fb.fixture_text("fixture_energy_rules.md"), encoding="utf-8")
    doc = load(path)
    text = doc.pages[0]
    assert doc.source_format == "md"
    assert doc.title_hint == "示例节能管理办法（测试样例，非真实文件）"
    assert "<!--" not in text and "INFO END" not in text
    assert "#" not in text and "**" not in text
    lines = [ln for ln in text.split("\n") if ln.strip()]
    assert lines[0] == doc.title_hint
    assert "第一章 总 则" in lines  # heading text kept as its own line (spaces fixed in clean)
    assert "第一条 为了测试知识库的导入流程，规范示例单位的节能管理工作，制定本办法。" in lines


def test_strip_markdown_keeps_content() -> None:
    src = "## 标题\n- 列表项 [链接文字](http://example.com)\n---\n| a | b |\n|---|---|\n| 1 | 2 |"
    out = strip_markdown(src)
    assert out.split("\n")[0] == "标题"
    assert "- 列表项 链接文字" in out
    assert "| a | b |" in out and "| 1 | 2 |" in out and "---" not in out


# --------------------------------------------------------------------------- real corpus files


def _format_files() -> list[Path]:
    return sorted(FORMATS.iterdir()) if FORMATS.is_dir() else []


@pytest.mark.skipif(not FORMATS.is_dir(), reason="../shared/corpus/formats is absent (fresh clone)")
@pytest.mark.parametrize("path", _format_files(), ids=lambda p: p.suffix)
def test_real_format_files_load(path: Path) -> None:
    doc = load(path)
    assert doc.pages and sum(len(p) for p in doc.pages) > 1000
    assert doc.source_format == path.suffix.lstrip(".")
    assert "第一条" in "".join(doc.pages)
    if path.suffix == ".pdf":
        assert doc.paged and len(doc.pages) >= 5 and doc.ocr_pages == []
    else:
        assert doc.title_hint and doc.title_hint in path.stem


def test_markdown_front_matter_is_metadata_not_text(tmp_path):
    page = tmp_path / "示例.md"
    page.write_text("---\ntitle: 示例节能办法（测试样例）\nweight: 3\n---\n第一条 测试样例正文。\n", encoding="utf-8")
    loaded = load(page)
    assert loaded.title_hint == "示例节能办法（测试样例）"
    assert "weight" not in loaded.pages[0] and "第一条 测试样例正文。" in loaded.pages[0]
    section_index = tmp_path / "_index.md"
    section_index.write_text("---\nbookCollapseSection: true\n---\n", encoding="utf-8")
    assert load(section_index).pages[0].strip() == ""
