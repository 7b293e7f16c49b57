"""Metadata extraction on invented samples (示例…（测试样例）, not real policy) and on ../shared."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from ingest.metadata import (
    doc_number_in,
    events_from_header,
    extract,
    parse_date,
    region_from_title,
    repeals_in,
    standards_in,
)
from ingest.structure import parse
from ingest.types import CleanText

SAMPLE_NATIONAL_LAW = """中华人民共和国示例节能法（测试样例）

2001年3月1日 第九届全国人民代表大会常务委员会第九十一次会议通过
2010年6月30日 第十一届全国人民代表大会常务委员会第九十二次会议修订
2018年10月26日 第十九届全国人民代表大会常务委员会第九十三次会议《关于修改〈中华人民共和国示例节能法〉等八部示例法律的决定》第二次修正

第一条 为了测试，制定本法。
第二条 用能单位应当执行GB/T 36132—2018和GB 17167-2006，以及HJ 2.1-2016、JB/T 1234-2020、GB/T36132-2018。
第三条 本法自2011年1月1日起施行。1990年5月1日第七届全国人民代表大会常务委员会通过的《中华人民共和国示例节能条例》同时废止。
"""

SAMPLE_LOCAL = """浙江省示例节能监察办法（测试样例）

2015年7月30日 浙江省第十二届人民代表大会常务委员会第二十一次会议通过
根据2020年11月27日浙江省第十三届人民代表大会常务委员会第二十五次会议《关于修改〈浙江省示例条例〉等九件地方性法规的决定》修正

第一条 本办法为测试样例。
第二条 本办法自公布之日起施行。
"""

SAMPLE_REGULATION = """示例设施管理条例（测试样例）

二〇二三年十二月二十九日 中华人民共和国国务院令第999号公布
自2024年5月1日起施行

第一条 为了测试，制定本条例。
第二条 本条例自2024年5月1日起施行。
"""

SAMPLE_RULE = """示例用能设备管理办法（测试样例）

示例部令第12号

2019年4月2日 示例部第5次部务会议审议通过，现予公布。

第一条 本办法为测试样例。
第二条 本办法自发布之日起施行。
"""

SAMPLE_NOTICE = """示例部关于开展绿色工厂试点的通知（测试样例）
工信部节〔2016〕225号

各有关单位：
一、总体要求
推进绿色制造。

示例部
2016年9月3日
"""

SAMPLE_PAPER = """示例研究：绿色制造体系综述（测试样例）
摘要：本文为测试样例。
关键词：绿色制造
引言
正文。
1 现状
1.1 政策
正文。
参考文献
[1] 示例. 示例文献[J]. 2020.
"""


def _extract(text: str, file_name: str, title_hint: str = "") -> dict:
    return extract(text, file_name, title_hint, sections=parse(CleanText(text)))


def test_national_law() -> None:
    m = _extract(SAMPLE_NATIONAL_LAW, "示例节能法(2018-10-26).md")
    assert m["title"] == "中华人民共和国示例节能法（测试样例）"
    assert m["doc_type"] == "法律"
    assert m["issuer"] == "全国人民代表大会常务委员会"
    kinds = [(e.kind, e.date) for e in m["events"]]
    assert kinds == [
        ("通过", "2001-03-01"), ("修订", "2010-06-30"), ("修正", "2018-10-26"), ("施行", "2011-01-01"),
    ]
    assert m["date"] == "2018-10-26"
    assert m["effective_date"] == "2011-01-01"
    assert m["standards"] == ["GB/T 36132-2018", "GB 17167-2006", "HJ 2.1-2016", "JB/T 1234-2020"]
    assert m["repeals"] == ["中华人民共和国示例节能条例"]
    assert m["region"] == ""


def test_local_regulation_effective_on_publication() -> None:
    m = _extract(SAMPLE_LOCAL, "浙江省示例节能监察办法.md")
    assert m["doc_type"] == "地方性法规"
    assert m["region"] == "浙江省"
    assert m["issuer"] == "浙江省人民代表大会常务委员会"
    assert [(e.kind, e.date) for e in m["events"]] == [("通过", "2015-07-30"), ("修正", "2020-11-27")]
    assert m["date"] == "2020-11-27"
    # 自公布之日起施行 without a 公布 event: the version date.
    assert m["effective_date"] == "2020-11-27"


def test_state_council_regulation_chinese_numeral_date() -> None:
    m = _extract(SAMPLE_REGULATION, "示例设施管理条例.md")
    assert m["doc_type"] == "行政法规"
    assert m["issuer"] == "国务院"
    assert m["doc_number"] == "国务院令第999号"
    assert ("公布", "2023-12-29") in [(e.kind, e.date) for e in m["events"]]
    assert m["date"] == "2023-12-29"
    assert m["effective_date"] == "2024-05-01"


def test_ministry_rule() -> None:
    m = _extract(SAMPLE_RULE, "示例用能设备管理办法.md")
    assert m["doc_type"] == "部门规章"
    assert m["doc_number"] == "示例部令第12号"
    assert m["issuer"] == "示例部"
    assert m["effective_date"] == "2019-04-02"


def test_notice() -> None:
    m = _extract(SAMPLE_NOTICE, "通知.txt")
    assert m["doc_type"] == "规范性文件"
    assert m["doc_number"] == "工信部节〔2016〕225号"
    # The 落款 names the issuer; the abbreviation in the 文号 is only a guess when there is none.
    assert m["issuer"] == "示例部"
    assert [(e.kind, e.date) for e in m["events"]] == [("成文", "2016-09-03")]
    assert m["date"] == "2016-09-03"
    unsigned = _extract(SAMPLE_NOTICE.replace("示例部\n2016年9月3日\n", ""), "通知.txt")
    assert unsigned["issuer"] == "工业和信息化部"


def test_paper() -> None:
    m = _extract(SAMPLE_PAPER, "paper.txt")
    assert m["doc_type"] == "论文/综述"
    assert m["title"] == "示例研究：绿色制造体系综述（测试样例）"


@pytest.mark.parametrize(
    "title, doc_type",
    [
        ("GB/T 99999-2030 示例产品能效限定值（测试样例）", "国家标准"),
        ("HJ 9999-2030 示例技术规范（测试样例）", "行业标准"),
        ("示例工业绿色发展规划（2030—2035年）", "规划"),
        ("示例行业碳达峰行动方案", "规划"),
        ("最高人民法院关于审理示例案件适用法律若干问题的解释", "司法解释"),
        ("一份标题无法归类的示例材料", "其他"),
    ],
)
def test_doc_type_from_title(title: str, doc_type: str) -> None:
    assert extract(f"{title}\n正文。\n", "x.txt")["doc_type"] == doc_type


def test_title_fallbacks() -> None:
    assert extract("", "示例条例(2020-01-02).md")["title"] == "示例条例"
    assert extract("# 示例法\n正文", "x.md")["title"] == "示例法"
    assert extract("正文", "x.md", title_hint="  提示标题 ")["title"] == "提示标题"
    m = extract("第一条 内容。", "示例办法(2020-01-02).md")
    assert m["title"] == "示例办法" and m["date"] == "2020-01-02"


def test_helpers() -> None:
    assert parse_date("二〇二三年十二月二十九日") == "2023-12-29"
    assert parse_date("２００２年６月２９日") == "2002-06-29"
    assert parse_date("2018年13月1日") is None
    assert region_from_title("北京市实施《中华人民共和国节约能源法》办法") == "北京市"
    assert region_from_title("深圳市示例条例") == "深圳市"
    assert region_from_title("内蒙古自治区示例条例") == "内蒙古自治区"
    assert region_from_title("城市生活垃圾管理办法") == ""
    assert region_from_title("中华人民共和国节约能源法") == ""
    assert doc_number_in("中华人民共和国国务院令第573号") == "国务院令第573号"
    assert doc_number_in("中华人民共和国主席令第十六号") == "主席令第十六号"
    assert doc_number_in("示发改环资[2021]88号") == "示发改环资〔2021〕88号"
    assert standards_in("ＧＢ／Ｔ 1234－2019 与 GB 17167") == ["GB/T 1234-2019", "GB 17167"]
    assert repeals_in("本法自2022年6月5日起施行。《示例甲法》和《示例乙法》同时废止。") == ["示例甲法", "示例乙法"]
    ev = events_from_header("2000年1月1日 第一次会议通过 根据2010年2月2日第二次会议《关于修改〈示例〉的决定》修正")
    assert [(e.kind, e.date) for e in ev] == [("通过", "2000-01-01"), ("修正", "2010-02-02")]


# --- real data (../shared) ---------------------------------------------------------------

def _crude(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    return re.sub(r"(?m)^#+[ \t]*", "", text)


def _real(shared: Path, name: str) -> dict:
    path = shared / "corpus" / "laws" / name
    if not path.exists():
        pytest.skip(f"{name} absent")
    text = _crude(path)
    return extract(text, path.name, sections=parse(CleanText(text)))


def test_real_energy_conservation_law(shared: Path) -> None:
    m = _real(shared, "节约能源法(2018-10-26).md")
    assert m["title"] == "中华人民共和国节约能源法"
    assert m["doc_type"] == "法律"
    assert "全国人民代表大会常务委员会" in m["issuer"]
    header_events = [(e.kind, e.date) for e in m["events"] if e.kind != "施行"]
    assert len(header_events) == 4
    assert ("修正", "2018-10-26") in header_events
    assert ("施行", "2008-04-01") in [(e.kind, e.date) for e in m["events"]]
    assert m["date"] == "2018-10-26"
    assert m["effective_date"] == "2008-04-01"


def test_real_noise_law_repeals(shared: Path) -> None:
    m = _real(shared, "噪声污染防治法(2021-12-24).md")
    assert m["repeals"] == ["中华人民共和国环境噪声污染防治法"]
    assert m["effective_date"] == "2022-06-05"


def test_real_beijing_local_regulation(shared: Path) -> None:
    m = _real(shared, "北京市实施《节约能源法》办法(2019-11-27).md")
    assert m["doc_type"] == "地方性法规"
    assert m["region"] == "北京市"
    assert m["issuer"] == "北京市人民代表大会常务委员会"
    assert m["date"] == "2019-11-27"


def test_real_shandong_prefers_own_congress(shared: Path) -> None:
    # The source header also carries the national law's lines; the own congress wins.
    m = _real(shared, "山东省清洁生产促进条例(2020-11-27).md")
    assert m["doc_type"] == "地方性法规"
    assert m["issuer"] == "山东省人民代表大会常务委员会"


def test_real_state_council_regulations(shared: Path) -> None:
    m = _real(shared, "碳排放权交易管理暂行条例(2024-01-25).md")
    assert m["doc_type"] == "行政法规"
    # This file's header is empty: no 国务院令 number is in its text.
    assert m["date"] == "2024-01-25" and m["effective_date"] == "2024-05-01"
    m = _real(shared, "排污许可管理条例(2021-01-24).md")
    assert m["doc_type"] == "行政法规"
    assert m["doc_number"] == "国务院令第736号"
    assert m["issuer"] == "国务院"
    assert m["effective_date"] == "2021-03-01"


def test_real_all_laws_have_type_and_date(shared: Path) -> None:
    files = sorted((shared / "corpus" / "laws").glob("*.md"))
    if not files:
        pytest.skip("no laws")
    for path in files:
        text = _crude(path)
        m = extract(text, path.name, sections=parse(CleanText(text)))
        assert m["doc_type"] in ("法律", "行政法规", "地方性法规"), path.name
        assert m["date"] == path.stem[-11:-1], path.name


def test_real_paper(shared: Path) -> None:
    path = shared / "seeds" / "000_120a2240bc97614d.txt"
    if not path.exists():
        pytest.skip("paper absent")
    text = path.read_text(encoding="utf-8")
    assert extract(text, path.name)["doc_type"] == "论文/综述"


def test_paper_without_chinese_title_takes_the_english_abstract_title():
    text = (
        "引言\n示例研究的正文（测试样例）。\n1 示例章节\n正文。\n"
        "A Sample Study of Green Factories (Test Fixture)\nAbstract: This is a test fixture.\n"
    )
    assert extract(text, "000_abc.txt")["title"] == "A Sample Study of Green Factories (Test Fixture)"


def test_an_order_glued_to_its_date_names_the_issuer_without_the_date():
    text = "示例市节能办法（测试样例）\n2023年5月10日示例市人民政府令第1号公布\n第一条 测试样例。\n"
    meta = extract(text, "示例.txt")
    assert meta["doc_number"] == "示例市人民政府令第1号"
    assert meta["issuer"] == "示例市人民政府"


AMENDED = """# 示例解释（测试样例）

2011年2月1日 示例法院审判委员会第1000次会议通过

2021年4月7日 示例法院审判委员会第1835次会议《关于修改〈示例解释〉的决定》修正，该修正自2021年4月15日施行

<!-- INFO END -->

第一条 示例条文内容（测试样例）。

第二条 本解释自2011年2月10日起施行。
"""


def test_an_amended_version_takes_effect_on_the_amendments_own_date() -> None:
    """The closing article keeps the original 施行 date; the amendment line gives the version's own."""
    m = _extract(AMENDED, "示例解释(2021-04-07).md")
    assert m["date"] == "2021-04-07"
    assert m["effective_date"] == "2021-04-15"
    assert ("施行", "2011-02-10") in {(e.kind, e.date) for e in m["events"]}
