"""Property tests (hypothesis) across the whole parsing chain, complementing the per-stage
properties in test_clean.py (clean alone) and test_chunking.py (structure + chunking on
ready-made text):

* bytes on disk → load → clean → structure → chunk never loses a non-whitespace character,
  in any text encoding the loaders detect;
* paged documents (PDF-like, with running headers and page numbers): everything except the
  removed page furniture reaches a chunk, and every chunk's pages are real pages;
* `loaders.load` on hostile bytes (random, or a valid file cut or corrupted) either returns
  a document or raises LoadError with a one-line reason — never another exception.

Example counts are modest so the suite stays fast. Texts are invented (测试样例).
"""
from __future__ import annotations

import io
import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ingest.chunking import make_chunks
from ingest.clean import clean_document, split_page_lines
from ingest.page_furniture import strip_page_furniture
from ingest.loaders import load
from ingest.structure import parse
from ingest.types import LoadedDoc, LoadError

FAST = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

_CN = "一二三四五六七八九十"


def nonws(text: str) -> str:
    return re.sub(r"\s+", "", text)


def chain(loaded: LoadedDoc, max_chars: int = 800):
    clean = clean_document(loaded)
    sections = parse(clean, title=loaded.title_hint)
    return clean, make_chunks("doc", clean, sections, max_chars=max_chars)


# --------------------------------------------------------------------------- lines of policy-like text

_WORDS = st.text(alphabet=st.sampled_from(list("示例节能管理办法单位应当建立台账测试样例报告监督检查罚款")
                                         + list("，。；、（）“”《》：0123456789 abcXYZ-./%")), max_size=60)
_line = st.one_of(
    st.builds(lambda n, t: f"第{_CN[n % 10]}条 {t}", st.integers(0, 9), _WORDS),
    st.builds(lambda n, t: f"第{_CN[n % 10]}章 {t}", st.integers(0, 9), st.text(alphabet="总则附监察", max_size=6)),
    st.builds(lambda n, t: f"{_CN[n % 10]}、{t}", st.integers(0, 9), _WORDS),
    st.builds(lambda n, t: f"（{_CN[n % 10]}）{t}", st.integers(0, 9), _WORDS),
    st.builds(lambda a, b, t: f"{a}.{b} {t}", st.integers(1, 9), st.integers(1, 9), _WORDS),
    st.sampled_from(["", "目录", "附件1", "附则", "2030年1月1日 示例会议通过", "图1 示例图", "表2 示例表"]),
    _WORDS,
)
_doc_lines = st.lists(_line, max_size=30)


@FAST
@given(lines=_doc_lines, encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-be-bom"]),
       suffix=st.sampled_from([".txt", ".md"]), max_chars=st.integers(30, 800))
# found by this test: the GB18030 bytes of 目录 are also valid UTF-8 ("Ŀ¼")
@example(lines=["目录"], encoding="gb18030", suffix=".txt", max_chars=30)
@example(lines=["X台"], encoding="gb18030", suffix=".txt", max_chars=30)  # CC A8: a combining mark
# and: two identical two-column lines were a table whose only row repeats its header, and vanished
@example(lines=["一、  0", "一、  0"], encoding="utf-8", suffix=".txt", max_chars=30)
def test_text_files_lose_nothing_from_disk_to_chunks(tmp_path_factory, lines, encoding, suffix, max_chars):
    text = "\n".join(lines)
    if suffix == ".md":  # markdown syntax characters are not content; keep the check about text
        text = text.replace("#", "").replace("*", "").replace("_", "").replace(">", "").replace("`", "")
    if not nonws(text):
        return
    raw = (b"\xfe\xff" + text.encode("utf-16-be")) if encoding == "utf-16-be-bom" else text.encode(encoding)
    path = tmp_path_factory.mktemp("prop") / f"doc{suffix}"
    path.write_bytes(raw)
    loaded = load(path)
    clean, chunks = chain(loaded, max_chars=max_chars)
    # cells of a plain-text table (runs of spaces between them) are joined with " | " by cleaning;
    # the generated text never holds "|" itself
    joined = "".join(c.text for c in chunks).replace("|", "")
    # markdown stripping may drop list markers and rules: compare with what survives loading
    expected = nonws(loaded.pages[0]) if suffix == ".md" else nonws(text)
    assert Counter(nonws(joined)) == Counter(expected)  # figure captions may move inside a paragraph
    if "图" not in expected and "表" not in expected:
        assert nonws(joined) == expected
    assert all(len(c.text) <= max_chars for c in chunks)
    assert [c.chunk_index for c in chunks] == list(range(len(chunks)))


# --------------------------------------------------------------------------- paged documents

_HEADERS = ["示例市人民政府公报（测试样例）", "示例省节能监察总队文件", "GreenKB Journal of Tests"]
_FOOTERS = ["— {n} —", "第 {n} 页 共 {t} 页", "{n}", "- {n} -", "{n}/{t}"]


@st.composite
def paged_doc(draw):
    n_pages = draw(st.integers(1, 6))
    header = draw(st.sampled_from(_HEADERS + [""]))
    footer = draw(st.sampled_from(_FOOTERS + [""]))
    pages = []
    for n in range(1, n_pages + 1):
        body = draw(st.lists(_line, max_size=12))
        lines = ([header] if header else []) + body + ([footer.format(n=n, t=n_pages)] if footer else [])
        pages.append("\n".join(lines))
    return pages


@FAST
@given(pages=paged_doc(), max_chars=st.integers(40, 800))
def test_paged_documents_keep_all_but_page_furniture(pages, max_chars):
    loaded = LoadedDoc(pages=pages, paged=True, source_format="pdf")
    clean, chunks = chain(loaded, max_chars=max_chars)
    kept, _removed = strip_page_furniture([split_page_lines(p) for p in pages])
    expected = nonws("".join("".join(p) for p in kept))
    got = nonws("".join(c.text for c in chunks))
    assert Counter(got) == Counter(expected)  # figure captions may move inside a paragraph
    if "图" not in got and "表" not in got:
        assert got == expected
    for c in chunks:
        assert c.page_start is not None and c.page_end is not None
        assert 1 <= c.page_start <= c.page_end <= len(pages), (c.page_start, c.page_end)
    starts = [c.page_start for c in chunks]
    assert starts == sorted(starts)


@FAST
@given(pages=paged_doc(), ocr=st.sets(st.integers(1, 6), max_size=3))
def test_ocr_flag_only_on_chunks_touching_ocr_pages(pages, ocr):
    ocr_pages = sorted(p for p in ocr if p <= len(pages))
    loaded = LoadedDoc(pages=pages, paged=True, source_format="pdf", ocr_pages=ocr_pages)
    _clean, chunks = chain(loaded)
    for c in chunks:
        assert c.ocr == any(c.page_start <= p <= c.page_end for p in ocr_pages)


# --------------------------------------------------------------------------- hostile bytes


def _valid_samples() -> dict[str, bytes]:
    """A small valid file of each format, built once (reportlab, python-docx)."""
    import docx
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf)
    pdf.setFont("STSong-Light", 12)
    pdf.drawString(60, 760, "第一条 示例内容（测试样例）。")
    pdf.showPage()
    pdf.save()
    document = docx.Document()
    document.add_paragraph("第一条 示例内容（测试样例）。")
    dbuf = io.BytesIO()
    document.save(dbuf)
    html = "<html><head><meta charset='gbk'><title>示例</title></head><body><p>第一条 示例内容（测试样例）。</p></body></html>"
    return {".pdf": buf.getvalue(), ".docx": dbuf.getvalue(), ".html": html.encode("gbk"),
            ".md": "# 示例\n\n第一条 示例内容（测试样例）。\n".encode("utf-8"), ".txt": "第一条 示例。".encode("gb18030")}


_SAMPLES: dict[str, bytes] = {}


def _sample(suffix: str) -> bytes:
    if not _SAMPLES:
        _SAMPLES.update(_valid_samples())
    return _SAMPLES[suffix]


def _load_or_reason(path: Path) -> None:
    try:
        doc = load(path, ocr=False)
    except LoadError as exc:
        assert exc.reason and "\n" not in exc.reason and "Traceback" not in exc.reason
        return
    assert isinstance(doc.pages, list) and all(isinstance(p, str) for p in doc.pages)
    clean_document(doc)  # whatever a loader returns, cleaning copes with it


_SUFFIXES = st.sampled_from([".pdf", ".docx", ".html", ".md", ".txt"])


@FAST
@given(suffix=_SUFFIXES, data=st.binary(max_size=3000),
       prefix=st.sampled_from([b"", b"%PDF-1.7\n", b"PK\x03\x04", b"<html>", b"\xef\xbb\xbf", b"\xff\xfe"]))
def test_random_bytes_never_escape_as_exceptions(tmp_path_factory, suffix, data, prefix):
    path = tmp_path_factory.mktemp("junk") / f"junk{suffix}"
    path.write_bytes(prefix + data)
    _load_or_reason(path)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(suffix=_SUFFIXES, cut=st.floats(0.0, 1.0),
       flips=st.lists(st.tuples(st.floats(0.0, 1.0), st.integers(0, 255)), max_size=8))
def test_cut_or_corrupted_valid_files_never_escape_as_exceptions(tmp_path_factory, suffix, cut, flips):
    raw = bytearray(_sample(suffix))
    raw = raw[: max(1, int(len(raw) * cut))] if cut < 1.0 else raw
    for where, value in flips:
        raw[min(len(raw) - 1, int(len(raw) * where))] = value
    path = tmp_path_factory.mktemp("corrupt") / f"corrupt{suffix}"
    path.write_bytes(bytes(raw))
    _load_or_reason(path)


@pytest.mark.parametrize("suffix", [".pdf", ".docx", ".html", ".md", ".txt"])
def test_valid_samples_load(tmp_path, suffix):
    path = tmp_path / f"ok{suffix}"
    path.write_bytes(_sample(suffix))
    assert "第一条" in "".join(load(path, ocr=False).pages)


# --------------------------------------------------------------------------- encoding detection


def _common(traditional: bool) -> list[str]:
    from ingest.loaders import _COMMON_SIMPLIFIED

    if not traditional:
        return sorted(set(_COMMON_SIMPLIFIED))
    import opencc

    return sorted(set(opencc.OpenCC("s2t").convert(_COMMON_SIMPLIFIED)))


_PUNCT = list("，。；：（）、“”0123456789 abc\n")


@FAST
@given(st.data(), st.booleans(), st.sampled_from(["utf-8", "utf-16", "gb18030", "gbk", "big5", "cp950"]))
def test_chinese_text_decodes_back_in_any_common_encoding(data, traditional, encoding):
    """12+ characters of ordinary Chinese: GBK bytes that happen to be valid UTF-8 ("一" =
    D2 BB = "һ") and Big5 bytes that GB18030 also accepts are still read right."""
    text = data.draw(st.lists(st.sampled_from(_common(traditional) + _PUNCT), min_size=12, max_size=80).map("".join))
    try:
        raw = text.encode(encoding)
    except UnicodeEncodeError:
        return
    from ingest.loaders import decode_text

    assert decode_text(raw) == text
