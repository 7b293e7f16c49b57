"""Chunking on invented samples (示例…（测试样例）, not real policy), properties, and ../shared."""
from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.chunking import make_chunks, split_span
from ingest.structure import parse
from ingest.types import CleanText
from kb.types import Chunk

SAMPLE_LAW = """示例市节水管理条例（测试样例）

2021年6月1日 示例市第一届人民代表大会常务委员会第二次会议通过

第一章 总则

第一条 为了节约用水（本文为测试样例），制定本条例。

第二条 节约用水是基本要求。

第三条 用水单位应当履行下列义务：
（一）建立用水台账；
（二）定期开展水平衡测试；
（三）配备计量器具。

第二章 附则

第四条 本条例自2022年1月1日起施行。
"""

SAMPLE_NOTICE = """示例厅关于做好节能工作的通知（测试样例）

一、总体要求
（一）短项一。
（二）短项二。
（三）短项三。
二、重点任务
本部分的正文较长，用于说明重点任务的具体内容，包括推进节能改造、加强用能管理、完善统计制度、强化监督检查等多个方面的要求，各地应当认真落实。
三、保障措施
加强组织领导。
"""


def _nows(s: str) -> str:
    return re.sub(r"\s+", "", s)


def _chunks(text: str, **kw) -> list[Chunk]:
    clean = CleanText(text)
    return make_chunks("doc", clean, parse(clean), **kw)


def _assert_lossless(text: str, chunks: list[Chunk]) -> None:
    assert _nows("".join(c.text for c in chunks)) == _nows(text)


def test_law_one_article_one_chunk() -> None:
    chunks = _chunks(SAMPLE_LAW)
    _assert_lossless(SAMPLE_LAW, chunks)
    assert chunks[0].kind == "header" and chunks[0].locator == "header"
    arts = [c for c in chunks if c.kind == "article"]
    assert [c.locator for c in arts] == ["第一条", "第二条", "第三条", "第四条"]
    # Short articles are never merged.
    assert arts[1].text == "第二条 节约用水是基本要求。"
    # 项 stay in their article.
    assert "（三）配备计量器具。" in arts[2].text
    # The chapter heading line is carried into the chapter's first article.
    assert arts[0].text.startswith("第一章 总则")
    assert "\n第一条 " in arts[0].text
    assert arts[3].heading_path == "第二章 附则 > 第四条"
    assert [c.chunk_index for c in chunks] == list(range(len(chunks)))
    assert all(c.page_start is None and c.page_end is None for c in chunks)


def test_long_article_splits_at_paragraphs_then_sentences() -> None:
    para = "重点用能单位应当加强能源计量管理，建立健全能源消费统计制度。" * 8  # ~240 chars
    long_sentence = "违反本条例规定" + "、未按要求报送" * 60 + "。"
    text = f"第一条 {para}\n{para}\n{para}\n{long_sentence}\n第二条 短。\n"
    chunks = _chunks(text, max_chars=300)
    _assert_lossless(text, chunks)
    first = [c for c in chunks if c.locator == "第一条"]
    assert len(first) >= 4
    assert all(len(c.text) <= 300 for c in chunks)
    assert first[0].text.startswith("第一条")
    assert all(c.heading_path == "第一条" for c in first)
    assert chunks[-1].locator == "第二条"


def test_split_span_hard_cut() -> None:
    text = "甲" * 1000
    spans = split_span(text, 0, len(text), 300)
    assert [e - s for s, e in spans] == [300, 300, 300, 100]


def test_titled_items_stay_separate_and_small_items_merge_under_a_range() -> None:
    chunks = _chunks(SAMPLE_NOTICE)
    _assert_lossless(SAMPLE_NOTICE, chunks)
    locs = [c.locator for c in chunks]
    # 一、 and （一） items are cited by their own titles: however short, never merged (a
    # merged chunk cited as （一） would put （三）'s words in （一）'s mouth).
    assert locs == ["header", "一、（一）", "一、（二）", "一、（三）", "二、", "三、"]
    assert chunks[1].text.startswith("一、总体要求")  # the heading line is carried forward
    assert chunks[1].heading_path == "一、总体要求 > （一）短项一"
    text = (
        "示例通知（测试样例）\n一、重点任务\n（一）推进改造。\n1.短项一。\n2.短项二。\n3.短项三。\n"
        "（二）加强管理，这是一段足够长的正文内容，用于测试合并规则不会跨越带标题的项，长度超过六十个字符才行。\n"
    )
    chunks = _chunks(text)
    _assert_lossless(text, chunks)
    # Short 1. 2. 3. items merge, and the merged chunk names them all: 一、（一）1.–3.
    assert [c.locator for c in chunks] == ["header", "一、（一）1.–3.", "一、（二）"]
    assert "3.短项三。" in chunks[1].text


def test_locator_range() -> None:
    from ingest.chunking import locator_range

    assert locator_range("二、1.", "二、3.") == "二、1.–3."
    assert locator_range("一、（一）", "一、（三）") == "一、（一）–（三）"
    assert locator_range("二、9.", "二、10.") == "二、9.–10."
    assert locator_range("附件1 一、", "附件1 三、") == "附件1 一、–三、"
    assert locator_range("二、", "二、") == "二、"


def test_header_is_one_chunk_and_huge_header_splits() -> None:
    header_lines = "\n".join(f"20{10 + i}年1月1日 示例会议第{i + 1}次会议修正" for i in range(60))
    text = f"示例条例（测试样例）\n{header_lines}\n第一条 内容。\n"
    chunks = _chunks(text, max_chars=400)
    _assert_lossless(text, chunks)
    heads = [c for c in chunks if c.kind == "header"]
    assert len(heads) > 1 and all(c.locator == "header" for c in heads)


def test_pages_from_page_starts() -> None:
    text = "第一条 第一页的内容。\n第二条 跨页的内容，从第一页开始\n到第二页结束。\n第三条 第二页的内容。\n"
    page2 = text.index("到第二页")
    clean = CleanText(text, page_starts=[0, page2], ocr_pages=[2])
    chunks = make_chunks("doc", clean, parse(clean))
    pages = {c.locator: (c.page_start, c.page_end, c.ocr) for c in chunks}
    assert pages["第一条"] == (1, 1, False)
    assert pages["第二条"] == (1, 2, True)
    assert pages["第三条"] == (2, 2, True)


def test_plain_paragraphs_pack() -> None:
    text = "\n".join(f"第{i}段测试样例文字，内容并不长。" for i in range(1, 40)) + "\n"
    chunks = _chunks(text)
    _assert_lossless(text, chunks)
    assert all(c.kind == "paragraph" for c in chunks)
    assert chunks[0].locator == "¶1"
    assert 1 < len(chunks) < 39
    assert all(len(c.text) <= 800 for c in chunks)


def test_no_sections_no_chunks() -> None:
    assert make_chunks("doc", CleanText(""), []) == []


# --- property: random documents never crash and lose nothing ----------------------------

_CN = "一二三四五六七八九十"
_line = st.one_of(
    st.builds(lambda n, t: f"第{_CN[n % 10]}条 {t}", st.integers(0, 9), st.text(min_size=0, max_size=80)),
    st.builds(lambda n, t: f"第{_CN[n % 10]}章 {t}", st.integers(0, 9), st.text(max_size=12)),
    st.builds(lambda n: f"{_CN[n % 10]}、标题", st.integers(0, 9)),
    st.builds(lambda n: f"（{_CN[n % 10]}）项目", st.integers(0, 9)),
    st.builds(lambda a, b: f"{a}.{b} 小节", st.integers(0, 4), st.integers(0, 4)),
    st.sampled_from(["目录", "附件1", "附：表格", "引言", "参考文献", "Abstract: x", "", "  ", "2016 年以来", "3 万元"]),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_line, max_size=40), st.integers(20, 400), st.integers(0, 80))
def test_random_documents_lose_nothing(lines: list[str], max_chars: int, min_chars: int) -> None:
    text = "\n".join(lines)
    clean = CleanText(text)
    sections = parse(clean)
    if text:
        assert sections[0].start == 0 and sections[-1].end == len(text)
        assert all(a.end == b.start for a, b in pairwise(sections))
    chunks = make_chunks("doc", clean, sections, max_chars=max_chars, min_chars=min_chars)
    assert _nows("".join(c.text for c in chunks)) == _nows(text)
    assert all(len(c.text) <= max_chars for c in chunks)
    assert all(c.text.strip() for c in chunks)


# --- real data (../shared) ---------------------------------------------------------------

def _crude(path: Path) -> CleanText:
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    return CleanText(re.sub(r"(?m)^#+[ \t]*", "", text))


def test_real_laws_chunks(shared: Path) -> None:
    files = sorted((shared / "corpus" / "laws").glob("*.md"))
    if not files:
        pytest.skip("no laws")
    for path in files:
        clean = _crude(path)
        chunks = make_chunks(path.stem, clean, parse(clean))
        _assert_lossless(clean.text, chunks)
        assert chunks[0].kind == "header" and chunks[0].locator == "header", path.name
        arts = [c for c in chunks if c.kind == "article"]
        n_articles = len(re.findall(r"(?m)^第[一二三四五六七八九十百零]+条", clean.text))
        assert len({c.locator for c in arts}) == n_articles, path.name
        assert all(len(c.text) <= 800 for c in chunks), path.name
        if "## 第一章" in path.read_text(encoding="utf-8"):
            assert any(c.heading_path.startswith("第一章") for c in arts), path.name
