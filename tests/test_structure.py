"""Structure parsing on invented samples (示例…（测试样例）, not real policy) and on ../shared."""
from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

import pytest

from ingest.structure import parse
from ingest.types import CleanText, Section
from kb.text.grammar import article_number

# --- invented test samples ---------------------------------------------------------------

SAMPLE_LAW = """示例省节能监察办法（测试样例）

2020年5月1日 示例省第十三届人民代表大会常务委员会第十次会议通过
2023年12月29日 示例省第十四届人民代表大会常务委员会第七次会议修正

目录
第一章 总则
第二章 监察内容
第三章 附则

第一章 总则

第一条 为了加强节能监察（本文为测试样例），制定本办法。

第二条 本办法适用于本省行政区域内的节能监察活动。

节能监察机构应当依法履行职责。

第三条 节能监察包括下列内容：
（一）执行节能法律法规的情况；
（二）落实节能标准的情况；
（三）其他需要监察的事项。

第二章　监察　内容

第一节 一般规定

第四条 节约资源是基本国策。

第五条 重点用能单位应当遵守本办法。
第三条规定的事项，由节能监察机构负责。

第二节 特别规定

第五条之一 数据中心应当执行GB 40879-2021。

第六条 违反本办法的，由节能监察机构责令改正。

第三章 附则

第七条 本办法自2024年3月1日起施行。

附件1：节能监察文书格式（测试样例）
一、监察通知书
二、整改通知书
"""

SAMPLE_NOTICE = """示例部关于开展绿色工厂试点的通知（测试样例）
示工信节〔2023〕12号

各省、自治区、直辖市主管部门：
为推动绿色制造，现将有关事项通知如下。

一、总体要求
（一）指导思想。坚持绿色发展理念，推动工业绿色转型，这是一段用于测试的正文。
（二）工作目标。到2025年，建成一批绿色工厂。
二、重点任务
（一）建设绿色工厂。
1.完善评价标准。制定行业评价标准，开展评价工作。
2.开展试点示范。
（1）组织申报。
（2）开展评审。
3.加强动态管理。
（二）强化政策支持。对纳入名单的企业给予支持。
三、保障措施
各地要加强组织领导。

示例部
2023年3月15日
"""

SAMPLE_PAPER = """示例研究：工业绿色发展路径综述（测试样例）
摘要：本文综述了示例内容，仅用于测试。
关键词：绿色制造；示例

引言
2016 年以来，我国绿色制造体系建设加快。
1 现状与基础
1.1 政策体系
截至 2022 年，已发布标准 41 项。
3 万元以下的项目适用简易程序
2016 年 9 月，有关部门发布通知
1.2 技术装备
推广节能技术装备 3561 项。
2 主要路径
2.1 数字化驱动
5 个重点行业率先开展试点
2.2 国际合作
4 加强合作
深化交流。
3 结论与建议
我们提出若干建议。
参考文献
1 张三. 绿色制造研究[J]. 示例学报, 2020.
2 李四. 工业绿色发展[J]. 示例学报, 2021.
"""

SAMPLE_PLAIN = """这是一份没有任何结构的测试样例文本。

它只有几个段落，用来检查解析器不会丢失内容。
第二行紧跟在上一行之后。

最后一段。
"""


def _check_tiling(text: str, sections: list[Section]) -> None:
    """Sections cover the text exactly, in order, without gaps or overlaps."""
    assert sections[0].start == 0
    assert sections[-1].end == len(text)
    for a, b in pairwise(sections):
        assert a.end == b.start, (a, b)
        assert a.start < a.end


def _by_locator(sections: list[Section]) -> dict[str, Section]:
    return {s.locator: s for s in sections}


def test_law_sample_structure() -> None:
    clean = CleanText(SAMPLE_LAW)
    secs = parse(clean, title="示例省节能监察办法（测试样例）")
    _check_tiling(SAMPLE_LAW, secs)
    assert secs[0].kind == "header" and secs[0].locator == "header"
    header = SAMPLE_LAW[secs[0].start : secs[0].end]
    # The TOC stays in the header; it is not parsed as chapters.
    assert "目录" in header and "第三章 附则" in header
    chapters = [s.heading for s in secs if s.kind == "chapter"]
    assert chapters == ["第一章 总则", "第二章 监察内容", "第三章 附则"]
    articles = [s.locator for s in secs if s.kind == "article"]
    # "第三条规定的事项…" inside 第五条 is a paragraph, not an article.
    assert articles == ["第一条", "第二条", "第三条", "第四条", "第五条", "第五条之一", "第六条", "第七条"]
    by = _by_locator(secs)
    assert by["第四条"].heading_path == ["第二章 监察内容", "第一节 一般规定", "第四条"]
    assert by["第五条之一"].heading_path == ["第二章 监察内容", "第二节 特别规定", "第五条之一"]
    assert by["第七条"].heading_path == ["第三章 附则", "第七条"]
    # 款 and 项 stay inside their article.
    art3 = SAMPLE_LAW[by["第三条"].start : by["第三条"].end]
    assert "（三）其他需要监察的事项" in art3
    art5 = SAMPLE_LAW[by["第五条"].start : by["第五条"].end]
    assert "第三条规定的事项" in art5
    annex = by["附件1"]
    assert annex.kind == "annex"
    # An annex has its own outline, cited with the annex in front.
    assert by["附件1 二、"].kind == "section"
    assert "二、整改通知书" in SAMPLE_LAW[by["附件1 二、"].start : by["附件1 二、"].end]


def test_law_articles_with_arabic_numbers_and_no_space() -> None:
    text = "第1条 总的规定。\n第2条第二条的内容。\n第3条 第三条的内容。\n"
    secs = parse(CleanText(text))
    assert [s.locator for s in secs if s.kind == "article"] == ["第一条", "第二条", "第三条"]


def test_an_excerpt_may_start_at_any_article() -> None:
    """A chapter pasted alone (示例…（测试样例）) numbers its articles from where the law does."""
    text = ("示例条例摘录（测试样例）\n第四章 法律责任\n第二十一条 违反本条例规定的，处一万元以下罚款。\n"
            "第二十二条 拒不改正的，责令停业整顿。\n第三十条规定的情形，由示例局处理。\n")
    secs = parse(CleanText(text))
    assert [s.locator for s in secs if s.kind == "article"] == ["第二十一条", "第二十二条"]


def test_toc_without_toc_line() -> None:
    text = "示例条例（测试样例）\n第一章 总则\n第二章 附则\n第一章 总则\n第一条 内容一。\n第二章 附则\n第二条 内容二。\n"
    secs = parse(CleanText(text))
    assert [s.heading for s in secs if s.kind == "chapter"] == ["第一章 总则", "第二章 附则"]
    assert secs[0].kind == "header"


def test_chapter_name_on_next_line_and_parts() -> None:
    text = "第一编 通则\n第一章\n总则\n第一条 内容。\n第二编 分则\n第二章 管理\n第二条 内容。\n"
    secs = parse(CleanText(text))
    by = _by_locator(secs)
    assert by["第一章"].heading == "第一章 总则"
    assert by["第二条"].heading_path == ["第二编 分则", "第二章 管理", "第二条"]


def test_notice_outline() -> None:
    secs = parse(CleanText(SAMPLE_NOTICE))
    _check_tiling(SAMPLE_NOTICE, secs)
    assert secs[0].kind == "header"
    locs = [s.locator for s in secs[1:]]
    assert locs == [
        "一、", "一、（一）", "一、（二）", "二、", "二、（一）", "二、（一）1.", "二、（一）2.",
        "二、（一）2.（1）", "二、（一）2.（2）", "二、（一）3.", "二、（二）", "三、", "落款",
    ]
    by = _by_locator(secs)
    assert by["二、（一）2.（1）"].heading_path == [
        "二、重点任务", "（一）建设绿色工厂", "2.开展试点示范", "（1）组织申报",
    ]
    assert by["一、（一）"].heading == "（一）指导思想"


def test_paper_numbered_sections_and_traps() -> None:
    secs = parse(CleanText(SAMPLE_PAPER))
    _check_tiling(SAMPLE_PAPER, secs)
    locs = [s.locator for s in secs]
    assert locs == ["header", "摘要", "关键词", "引言", "1", "1.1", "1.2", "2", "2.1", "2.2", "3", "参考文献"]
    by = _by_locator(secs)
    assert by["1.1"].heading_path == ["1 现状与基础", "1.1 政策体系"]
    # The traps stay inside the section they occur in.
    assert "3 万元以下" in SAMPLE_PAPER[by["1.1"].start : by["1.1"].end]
    assert "4 加强合作" in SAMPLE_PAPER[by["2.2"].start : by["2.2"].end]
    assert "2 李四" in SAMPLE_PAPER[by["参考文献"].start : by["参考文献"].end]


SAMPLE_PAPER_EN_END = """1 现状与基础
1.1 加强合作
示例段落：推动示例地区开展绿色制造交流合作（测试样例）。
 A Sample Study on Green Manufacturing Paths
in an Invented Region (Test Fixture)
Abstract: This invented abstract summarizes the sample study.
Keywords: sample; fixture
"""


def test_an_english_title_above_the_abstract_belongs_to_it() -> None:
    """A paper's English title and abstract at its end: the title lines go with the Abstract,
    not onto the end of the Chinese section before them."""
    secs = parse(CleanText(SAMPLE_PAPER_EN_END))
    _check_tiling(SAMPLE_PAPER_EN_END, secs)
    by = _by_locator(secs)
    chinese = SAMPLE_PAPER_EN_END[by["1.1"].start : by["1.1"].end]
    assert "Sample Study" not in chinese and "Invented Region" not in chinese
    assert SAMPLE_PAPER_EN_END[by["Abstract"].start :].lstrip().startswith("A Sample Study")


def test_plain_text_becomes_paragraphs() -> None:
    secs = parse(CleanText(SAMPLE_PLAIN))
    _check_tiling(SAMPLE_PLAIN, secs)
    assert all(s.kind == "paragraph" for s in secs)
    assert [s.locator for s in secs] == ["¶1", "¶2", "¶3", "¶4"]


def test_empty_and_whitespace() -> None:
    assert parse(CleanText("")) == []
    secs = parse(CleanText("\n\n  \n"))
    _check_tiling("\n\n  \n", secs)


# --- real data (../shared), skipped when absent -----------------------------------------

def crude_clean(path: Path) -> CleanText:
    """Markdown law -> CleanText: drop comments and '#' marks (enough for structure)."""
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    text = re.sub(r"(?m)^#+[ \t]*", "", text)
    return CleanText(text)


def real_clean(path: Path) -> CleanText:
    """The project's loader + cleaner when they exist, else the crude clean above."""
    try:
        from ingest.clean import clean_document  # noqa: PLC0415 (written in parallel)
        from ingest.loaders import load  # noqa: PLC0415
    except ImportError:
        return crude_clean(path)
    return clean_document(load(path))


def _law_files(shared: Path) -> list[Path]:
    files = sorted((shared / "corpus" / "laws").glob("*.md"))
    if not files:
        pytest.skip("no laws in ../shared/corpus/laws")
    return files


def test_real_laws_articles_in_sequence(shared: Path) -> None:
    for path in _law_files(shared):
        clean = real_clean(path)
        secs = parse(clean)
        _check_tiling(clean.text, secs)
        nums = [article_number(s.locator) for s in secs if s.kind == "article"]
        assert nums and nums[0] == (1, 0), path.name
        for a, b in pairwise(nums):
            assert b == (a[0] + 1, 0) or b == (a[0], a[1] + 1), (path.name, a, b)
        # Every line that starts with 第X条 in the source is found.
        raw = path.read_text(encoding="utf-8")
        assert len(nums) == len(re.findall(r"(?m)^第[一二三四五六七八九十百零]+条", raw)), path.name
        assert secs[0].kind == "header", path.name
        chapters = re.findall(r"(?m)^#+\s*(第[一二三四五六七八九十]+章)", raw)
        found = {s.heading_path[0].split(" ")[0] for s in secs if s.kind == "article"}
        for ch in chapters:
            assert ch in found, (path.name, ch)


def test_real_law_heading_paths(shared: Path) -> None:
    path = shared / "corpus" / "laws" / "节约能源法(2018-10-26).md"
    if not path.exists():
        pytest.skip("节约能源法 absent")
    by = _by_locator(parse(real_clean(path)))
    assert by["第七十三条"].heading_path[0] == "第六章 法律责任"
    assert by["第二十五条"].heading_path == ["第三章 合理使用与节约能源", "第一节 一般规定", "第二十五条"]
    assert by["第三十条"].heading_path == ["第三章 合理使用与节约能源", "第二节 工业节能", "第三十条"]


def test_real_law_spaced_chapter_names(shared: Path) -> None:
    path = shared / "corpus" / "laws" / "噪声污染防治法(2021-12-24).md"
    if not path.exists():
        pytest.skip("噪声污染防治法 absent")
    chapters = [s.heading for s in parse(real_clean(path)) if s.kind == "chapter"]
    assert chapters[0] == "第一章 总则"


_PAPER_HEADING = re.compile(r"^(\d{1,2}(\.\d{1,2})*\s+\S|引言$|参考文献$|Abstract|Keywords)")


def crude_join_paper(path: Path) -> CleanText:
    """Join the hard line breaks of a two-column PDF extraction; headings keep their line."""
    paras: list[str] = []
    open_para = False
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line:
            continue
        heading = bool(_PAPER_HEADING.match(line))
        if open_para and not heading and paras and not paras[-1].endswith("。"):
            paras[-1] += line
        else:
            paras.append(line)
        open_para = not heading
    return CleanText("\n".join(paras) + "\n")


PAPER_SECTIONS = ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "3.4"]


def _paper_path(shared: Path) -> Path:
    path = shared / "seeds" / "000_120a2240bc97614d.txt"
    if not path.exists():
        pytest.skip("review paper absent")
    return path


def test_real_paper_sections(shared: Path) -> None:
    clean = crude_join_paper(_paper_path(shared))
    secs = parse(clean)
    _check_tiling(clean.text, secs)
    locs = [s.locator for s in secs]
    assert [loc for loc in locs if loc in PAPER_SECTIONS] == PAPER_SECTIONS
    assert "引言" in locs and "Abstract" in locs
    by = _by_locator(secs)
    assert by["1.1"].heading_path == ["1 我国绿色制造体系建设的现状和基础", "1.1 绿色制造政策体系建设取得积极进展"]


def test_real_paper_sections_raw_lines(shared: Path) -> None:
    """The uncleaned extraction (hard breaks, \u2002 after numbers) parses too."""
    path = _paper_path(shared)
    secs = parse(CleanText(path.read_text(encoding="utf-8")))
    assert [s.locator for s in secs if s.locator in PAPER_SECTIONS] == PAPER_SECTIONS


def test_real_paper_through_project_cleaner(shared: Path) -> None:
    """Integration with ingest.clean: section headings must survive cleaning on their own lines."""
    try:
        from ingest.clean import clean_document  # noqa: PLC0415 (written in parallel)
        from ingest.loaders import load  # noqa: PLC0415
    except ImportError:
        pytest.skip("ingest.clean not available yet")
    clean = clean_document(load(_paper_path(shared)))
    locs = [s.locator for s in parse(clean)]
    assert [loc for loc in locs if loc in PAPER_SECTIONS] == PAPER_SECTIONS
