"""Tests for ingest.clean: spacing, page furniture, line rejoining, page offsets, no text loss."""
from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import fixtures_build as fb
from ingest.clean import (
    clean_document,
    ends_paragraph,
    normalize_spaces,
    space_heading_marker,
    split_page_lines,
    starts_structural_unit,
)
from ingest.page_furniture import find_running_lines, is_page_number, strip_page_furniture
from ingest.loaders import load
from ingest.types import CleanText, LoadedDoc

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
FORMATS = SHARED / "corpus" / "formats"
SEED = SHARED / "seeds" / "000_120a2240bc97614d.txt"
PAGE_FOOTER_RE = re.compile(r"[—–-]\s*\d+\s*[—–-]")


def _nonws(text: str) -> str:
    return "".join(ch for ch in text if not ch.isspace())


def _clean(pages: list[str], paged: bool = True, fmt: str = "pdf") -> CleanText:
    return clean_document(LoadedDoc(pages=pages, paged=paged, source_format=fmt))


# --------------------------------------------------------------------------- spacing


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("共有 2783 家工厂", "共有2783家工厂"),
        ("2016 年 6 月发布", "2016年6月发布"),
        ("符合 GB/T 36132-2018 的要求", "符合 GB/T 36132-2018的要求"),
        ("green  manufacturing   system", "green manufacturing system"),
        ("第一章\u3000总\u3000则", "第一章 总则"),
        ("第一条  为了\u00a0加强管理", "第一条 为了加强管理"),
        ("1.1  绿色制造政策体系", "1.1 绿色制造政策体系"),
        ("2004 年 5 月 30 日 国务院令第 408 号公布", "2004年5月30日 国务院令第408号公布"),
        ("能耗降低 40% 以上", "能耗降低40%以上"),
        ("12 个省份", "12个省份"),
        ("采用 LED 照明", "采用 LED 照明"),
        ("“十三五” 规划", "“十三五”规划"),
        ("  前后空白\t", "前后空白"),
    ],
)
def test_normalize_spaces(raw: str, expected: str) -> None:
    assert normalize_spaces(raw) == expected


def test_normalize_spaces_changes_only_whitespace() -> None:
    raw = "ＡＢＣ，全角（括号）abc, half (paren) “引号” 《书名》"
    assert _nonws(normalize_spaces(raw)) == _nonws(raw)


# --------------------------------------------------------------------------- page furniture


@pytest.mark.parametrize(
    "line, edge",
    [("— 1 —", False), ("- 12 -", False), ("-3-", False), ("第1页 共5页", False), ("第 2 页", False),
     ("1/5", False), ("Page 1 of 5", False), ("7", True)],
)
def test_page_number_lines(line: str, edge: bool) -> None:
    assert is_page_number(line, at_edge=edge)


@pytest.mark.parametrize("line", ["7", "第一条 本办法自2030年1月1日起施行。", "2030年", "1.1 标题"])
def test_not_page_numbers(line: str) -> None:
    assert not is_page_number(line, at_edge=False)


def _pages_with_header(n: int) -> list[list[str]]:
    return [
        ["示例公报（测试样例）", f"第{n}页正文开头的一句话，内容各不相同{i}。", f"正文结尾{i}。", f"— {i} —"]
        for i in range(1, n + 1)
    ]


def test_running_header_detected_and_removed() -> None:
    pages = _pages_with_header(4)
    kept, removed = strip_page_furniture(pages)
    assert all("示例公报（测试样例）" not in page for page in kept)
    assert all(not any(PAGE_FOOTER_RE.fullmatch(line) for line in page) for page in kept)
    assert removed.count("示例公报（测试样例）") == 4
    assert [len(p) for p in kept] == [2, 2, 2, 2]


def test_running_header_with_changing_page_number() -> None:
    pages = [["示例年鉴 第 %d 页" % i, "正文第%d段内容不同。" % (i * 7)] for i in range(1, 6)]
    kept, _ = strip_page_furniture(pages)
    assert all(len(p) == 1 and p[0].startswith("正文") for p in kept)
    assert find_running_lines(pages) == {"示例年鉴第#页"}


def test_heading_appearing_once_at_top_is_kept() -> None:
    pages = _pages_with_header(4)
    pages[2].insert(1, "第二章 监督管理")
    kept, _ = strip_page_furniture(pages)
    assert "第二章 监督管理" in kept[2]


def test_sentence_tails_at_page_top_are_not_headers() -> None:
    pages = [["作。", f"第{i}条 正文内容。"] for i in "一二三四"]
    kept, removed = strip_page_furniture(pages)
    assert removed == [] and all(p[0] == "作。" for p in kept)


def test_bare_number_only_removed_at_page_edge() -> None:
    kept, _ = strip_page_furniture([["正文一。", "2030", "正文二。", "3"], ["正文三。", "4"]])
    assert kept == [["正文一。", "2030", "正文二。"], ["正文三。"]]


# --------------------------------------------------------------------------- structure cues


@pytest.mark.parametrize(
    "line",
    ["第一条 为了…", "第十二条", "第三章 法律责任", "第一编 总则", "一、总体要求", "（一）有防渗设施；", "(二)有运输工具；",
     "1. 适用范围", "1、适用范围", "1.1 绿色制造", "2.3.1 评价方法", "（1）节能", "附件1", "附则", "图1 示例",
     "2 新时代绿色制造体系建设的主要路径"],
)
def test_structural_starts(line: str) -> None:
    assert starts_structural_unit(line)


@pytest.mark.parametrize(
    "line",
    ["第十条规定的情形", "年6月工业和信息化部发布", "2783家工厂", "12 个行业", "1.5 万吨标准煤", "为贯彻落实规划",
     "第三条第二款规定的"],
)
def test_not_structural_starts(line: str) -> None:
    assert not starts_structural_unit(line)


@pytest.mark.parametrize("line, ends", [("制定本办法。", True), ("如下：", True), ("他说“好。”", True),
                                        ("（以下简称《规划》）", False), ("推动了绿色制造", False)])
def test_ends_paragraph(line: str, ends: bool) -> None:
    assert ends_paragraph(line) is ends


# --------------------------------------------------------------------------- joining


def test_paper_fixture_reflows() -> None:
    text = _clean([fb.fixture_text("fixture_paper_excerpt.txt")], paged=False, fmt="txt").text
    lines = text.split("\n")
    assert lines[0] == "引言"
    assert lines[1].startswith("示例制造体系是以提升效率、减少排放为主要目标的生产方式，")
    assert "2030年以来，示例市共有2783家工厂参与评价，覆盖12个行业。" in lines[1]
    assert "1 示例制造体系建设的现状" in lines
    assert "1.1 示例政策体系建设取得进展" in lines
    # the figure caption no longer splits the sentence "…循环发展和低碳 / 图1 / 发展等…"
    assert any(ln.endswith("循环发展和低碳发展等方面的工作部署。") for ln in lines)
    assert lines.index("图1 示例政策体系主要任务") == lines.index("1.2 示例技术装备加快推广应用") - 1
    for line in lines:
        assert ends_paragraph(line) or len(line) <= 25, line


def test_wrapped_heading_is_joined_but_kept_apart_from_body() -> None:
    text = _clean(["2.1  在示例目标愿\n景下推进示例体系\n建设\n实现示例目标，工业领域是重中之重。"],
                  paged=False, fmt="txt").text
    assert text.split("\n") == ["2.1 在示例目标愿景下推进示例体系建设", "实现示例目标，工业领域是重中之重。"]


def test_law_header_lines_stay_apart() -> None:
    page = ("示例节能管理办法\n2030 年 1 月 1 日 示例市人民政府令第 1 号公布\n2031 年 2 月 2 日 《示例决定》第一次修\n订\n"
            "第一章总则\n第一条 为了测试，制定本办法。")
    lines = _clean([page], paged=False, fmt="txt").text.split("\n")
    assert lines == ["示例节能管理办法", "2030年1月1日 示例市人民政府令第1号公布", "2031年2月2日 《示例决定》第一次修订",
                     "第一章 总则", "第一条 为了测试，制定本办法。"]


@pytest.mark.parametrize("raw, expected", [("第一章总则", "第一章 总则"), ("第二章 附则", "第二章 附则"),
                                           ("第二章规定的情形，依照执行", "第二章规定的情形，依照执行"),
                                           ("第三节节能", "第三节 节能")])
def test_space_heading_marker(raw: str, expected: str) -> None:
    assert space_heading_marker(raw) == expected


def test_english_wrap_joined_with_space() -> None:
    text = _clean(["Abstract: This invented sample wraps a long\nEnglish sentence for the test. It goes with-\nout end."],
                  paged=False, fmt="txt").text
    # no de-hyphenation: "with-out" keeps its hyphen (characters are never changed)
    assert text == "Abstract: This invented sample wraps a long English sentence for the test. It goes with-out end."


def test_article_marker_alone_joins_its_text() -> None:
    assert _clean(["第一条\n为了测试，制定本办法。"], paged=False, fmt="txt").text == "第一条 为了测试，制定本办法。"


def test_markdown_blank_line_is_a_boundary() -> None:
    text = _clean(["示例条例\n\n说明文字没有句号\n\n另一段没有句号"], paged=False, fmt="md").text
    assert text.split("\n") == ["示例条例", "说明文字没有句号", "另一段没有句号"]


@pytest.mark.parametrize("fmt", ["docx", "html"])
def test_docx_and_html_paragraphs_are_never_joined(fmt: str) -> None:
    text = _clean(["项目 | 限值\n综合能耗 | 0.5\n第三条 施行。"], paged=False, fmt=fmt).text
    assert text.split("\n") == ["项目 | 限值", "综合能耗 | 0.5", "第三条 施行。"]


def test_page_starts_with_sentence_across_pages() -> None:
    pages = ["页眉（测试样例）\n第一条 本条内容跨越\n— 1 —", "页眉（测试样例）\n两页，在此结束。\n第二条 第二页的条文。\n— 2 —",
             "页眉（测试样例）\n第三条 第三页。\n— 3 —"]
    clean = _clean(pages)
    assert clean.text == "第一条 本条内容跨越两页，在此结束。\n第二条 第二页的条文。\n第三条 第三页。"
    assert clean.page_starts == [0, clean.text.index("两页"), clean.text.index("第三条")]
    assert clean.page_at(clean.text.index("跨越")) == 1
    assert clean.page_at(clean.text.index("在此结束")) == 2
    assert clean.page_at(clean.text.index("第二条")) == 2
    assert clean.page_at(len(clean.text) - 1) == 3


def test_empty_pages_keep_offsets_monotonic() -> None:
    clean = _clean(["第一条 甲。", "", "   ", "第二条 乙。"])
    assert clean.page_starts == [0, 7, 7, 7]
    assert clean.page_at(clean.text.index("第二条")) == 4


def test_unpaged_has_no_page_starts() -> None:
    assert _clean(["第一条 甲。"], paged=False, fmt="txt").page_starts is None


def test_ocr_pages_pass_through() -> None:
    doc = LoadedDoc(pages=["第一条 甲。"], paged=True, source_format="pdf", ocr_pages=[1])
    assert clean_document(doc).ocr_pages == [1]


# --------------------------------------------------------------------------- generated PDF end to end


@pytest.fixture(scope="module")
def pdf_clean(tmp_path_factory: pytest.TempPathFactory) -> tuple[fb.PdfFixture, CleanText]:
    fixture = fb.build_text_pdf(tmp_path_factory.mktemp("pdf") / "fixture.pdf")
    return fixture, clean_document(load(fixture.path))


def test_pdf_clean_drops_header_and_footer(pdf_clean: tuple[fb.PdfFixture, CleanText]) -> None:
    _, clean = pdf_clean
    assert fb.PDF_HEADER not in clean.text
    assert not PAGE_FOOTER_RE.search(clean.text)
    assert clean.text.startswith(fb.PDF_TITLE + "\n")


def test_pdf_clean_articles_on_their_pages(pdf_clean: tuple[fb.PdfFixture, CleanText]) -> None:
    fixture, clean = pdf_clean
    assert len(clean.page_starts or []) == 3
    for article, page in fixture.article_pages.items():
        offset = clean.text.index(article + " ")
        assert clean.page_at(offset) == page, article


def test_pdf_clean_crossing_article_is_one_line(pdf_clean: tuple[fb.PdfFixture, CleanText]) -> None:
    _, clean = pdf_clean
    number, body = next(a for a in fb.ARTICLES if a[0] == fb.CROSSING_ARTICLE)
    assert f"{number} {body}" in clean.text.split("\n")
    # the page-2 part of the article starts page 2
    assert clean.page_at(clean.text.index("真实性负责")) == 2
    for number, body in fb.ARTICLES:
        assert f"{number} {body}" in clean.text.split("\n")


# --------------------------------------------------------------------------- properties

_ALPHABET = st.sampled_from(
    list("示例节能管理办法条第一二三章总则年月日为了加强") + list("abcXYZ0123456789")
    + list("，。；：！？、“”（）《》—…()-.,/%") + [" ", "\u3000", "\u00a0", "\t", "\n", "\n", "\n", "\r\n"]
)
_TEXT = st.lists(_ALPHABET, max_size=400).map("".join)


def test_two_lines_parted_by_one_ideographic_space_are_not_a_table() -> None:
    # 示例局　示例委 on two lines is prose (names side by side); three such lines, or wider gaps, a table
    two = _clean(["示例局\u3000示例委\n示例办\u3000示例厅"], paged=False, fmt="txt").text
    assert "|" not in two
    three = _clean(["序号\u3000行业\n1\u3000钢铁\n2\u3000水泥"], paged=False, fmt="txt").text
    assert three.count("|") == 3


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_TEXT, cuts=st.lists(st.integers(min_value=0, max_value=400), max_size=6),
       fmt=st.sampled_from(["pdf", "txt", "md", "docx", "html"]))
def test_clean_keeps_every_non_whitespace_char(text: str, cuts: list[int], fmt: str) -> None:
    paged = fmt == "pdf"
    bounds = sorted({0, len(text), *[c for c in cuts if c <= len(text)]})
    pages = [text[a:b] for a, b in pairwise(bounds)] or [""]
    clean = _clean(pages, paged=paged, fmt=fmt)
    if paged:
        kept, removed = strip_page_furniture([split_page_lines(p) for p in pages])
        expected = _nonws("".join("".join(p) for p in kept))
        assert all(is_page_number(line, at_edge=True) or find_running_lines(
            [split_page_lines(p) for p in pages]) for line in removed)
        assert clean.page_starts is not None and len(clean.page_starts) == len(pages)
        assert clean.page_starts == sorted(clean.page_starts)
        assert clean.page_starts[0] == 0 and clean.page_starts[-1] <= len(clean.text)
    else:
        expected = _nonws("".join(pages))
    # Aligned rows become table rows with " | " between cells (ingest.tables.align_rows): the
    # only characters clean adds ("|" is not in the alphabet), so they are left out here.
    got = _nonws(clean.text.replace("|", ""))
    # captions may move within a paragraph, so compare as multisets, then order where no caption
    assert Counter(got) == Counter(expected)
    if "图" not in text:
        assert got == expected


@settings(max_examples=150, deadline=None)
@given(pages=st.lists(st.text(max_size=200), min_size=1, max_size=5), paged=st.booleans(),
       fmt=st.sampled_from(["pdf", "txt", "md", "docx", "html", "other"]))
def test_clean_never_crashes(pages: list[str], paged: bool, fmt: str) -> None:
    clean = _clean(pages, paged=paged, fmt=fmt)
    assert isinstance(clean.text, str)
    assert "\r" not in clean.text


# --------------------------------------------------------------------------- real files (skip without ../shared)

needs_shared = pytest.mark.skipif(not FORMATS.is_dir() or not SEED.is_file(),
                                  reason="../shared is absent (fresh clone)")


def _clean_file(path: Path) -> CleanText:
    return clean_document(load(path))


@needs_shared
@pytest.mark.parametrize("path", sorted(FORMATS.glob("*.pdf")) if FORMATS.is_dir() else [], ids=lambda p: p.stem[:8])
def test_real_pdfs_have_no_furniture(path: Path) -> None:
    doc = load(path)
    clean = clean_document(doc)
    assert not PAGE_FOOTER_RE.search(clean.text)
    lines = [ln for ln in clean.text.split("\n") if ln]
    repeated = [ln for ln, n in Counter(lines).items() if n >= 3 and len(ln) < 30]
    assert repeated == []
    # every page starts somewhere, in order, and the last article sits on the last page
    assert clean.page_starts is not None and len(clean.page_starts) == len(doc.pages)
    assert clean.page_starts == sorted(set(clean.page_starts))
    last_article = [m.start() for m in re.finditer(r"^第[一二三四五六七八九十百]+条 ", clean.text, re.M)][-1]
    assert clean.page_at(last_article) == len(doc.pages)
    # articles start lines and no line is broken mid-sentence before the next article
    for match in re.finditer(r"\n(第[一二三四五六七八九十百]+条) ", clean.text):
        before = clean.text[: match.start()].rsplit("\n", 1)[-1]
        assert ends_paragraph(before) or len(before) < 40, before


@needs_shared
def test_real_html_is_free_of_clutter() -> None:
    path = next(FORMATS.glob("*.html"))
    text = _clean_file(path).text
    for clutter in ("分享到", "打印", "关闭窗口", "版权所有", "网站地图"):
        assert clutter not in text
    assert "第一条" in text
    assert re.search(r"^第一章 总则$", text, re.M)


@needs_shared
def test_real_docx_keeps_paragraphs() -> None:
    path = next(FORMATS.glob("*.docx"))
    text = _clean_file(path).text
    articles = re.findall(r"^(第[一二三四五六七八九十]+条) ", text, re.M)
    assert articles[0] == "第一条" and len(articles) == len(set(articles)) >= 20


@needs_shared
def test_real_review_paper_flows() -> None:
    text = clean_document(load(SEED)).text
    lines = text.split("\n")
    headings = [ln for ln in lines if re.match(r"^\d\.\d \S", ln)]
    assert len(headings) >= 8 and all(len(h) <= 40 for h in headings)
    assert any(ln.startswith("1.1 ") for ln in lines)
    # the introduction's first sentence runs on without a break
    intro = next(ln for ln in lines if ln.startswith("绿色发展是以提升效率"))
    assert re.search(r"^绿色发展是以提升效率[^。\n]{20,}。", intro)
    # in the first 3000 chars, every line ends with punctuation or is a short heading
    for line in text[:3000].split("\n")[:-1]:
        assert ends_paragraph(line) or (len(line) <= 40 and not re.search(r"[，。；]", line)), line
    assert not re.search(r"[\u4e00-\u9fff] +[\u4e00-\u9fff\d]", text)  # no stray CJK spaces
