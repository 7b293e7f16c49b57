"""Question normalisation, number forms, short names of laws and parsed references."""
from __future__ import annotations

from kb.index.lexical import tokenize
from kb.question.aliases import AliasTable
from kb.text.titles import title_key
from kb.question.reading import read_question
from kb.text.normalize import canonical_numbers, normalize_question
from kb.types import DocumentMeta

TITLES = [
    "中华人民共和国节约能源法",
    "中华人民共和国环境影响评价法",
    "中华人民共和国固体废物污染环境防治法",
    "中华人民共和国大气污染防治法",
    "中华人民共和国水污染防治法",
    "中华人民共和国清洁生产促进法",
    "中华人民共和国循环经济促进法",
    "中华人民共和国环境保护法",
    "中华人民共和国环境保护税法",
    "中华人民共和国噪声污染防治法",
    "中华人民共和国环境噪声污染防治法",
    "排污许可管理条例",
    "北京市实施《中华人民共和国节约能源法》办法",
]


def table() -> AliasTable:
    docs = [DocumentMeta(doc_id=f"d{i}", file_name=f"{t}.md", path="", title=t) for i, t in enumerate(TITLES)]
    return AliasTable.build(docs)


def test_normalize_question_width_and_traditional():
    assert normalize_question("節約能源法第５３條") == "节约能源法第53条"
    assert normalize_question("  排污　许可  ") == "排污 许可"


def test_canonical_numbers_money_forms_agree():
    forms = ["处三万元以上", "处3万元以上", "处30000元以上", "处30,000元以上", "处３万元以上"]
    assert {canonical_numbers(normalize_question(f)) for f in forms} == {"处30000元以上"}


def test_canonical_numbers_articles_years_ranges_percent():
    assert canonical_numbers("第五十三条") == canonical_numbers("第53条") == "第53条"
    assert canonical_numbers("二〇二三年十二月二十九日") == "2023年12月29日"
    assert canonical_numbers("三至五年") == "3至5年"
    assert canonical_numbers("百分之三十") == "30%"
    assert canonical_numbers("一万吨标准煤") == "10000吨标准煤"
    assert canonical_numbers("1.5万吨") == "15000吨"


def test_canonical_numbers_leaves_words_alone():
    for word in ["统一管理", "一般规定", "万一", "十四五规划", "进一步"]:
        assert canonical_numbers(word) == word


def test_tokens_match_across_number_forms():
    assert set(tokenize("罚款三万元")) & set(tokenize("罚3万元")) >= {"30000"}
    assert "53" in tokenize("第53条") and "53" in tokenize("第五十三条")


def test_title_key():
    assert title_key("中华人民共和国节约能源法") == "节约能源法"
    assert title_key("《中华人民共和国节约能源法》(2018年修正)") == "节约能源法"
    assert title_key("北京市实施《中华人民共和国节约能源法》办法") == "北京市实施节约能源法办法"


def test_short_names_resolve():
    t = table()
    cases = {
        "节能法": "节约能源法",
        "环评法": "环境影响评价法",
        "固废法": "固体废物污染环境防治法",
        "大气法": "大气污染防治法",
        "大气污染法": "大气污染防治法",
        "水污染法": "水污染防治法",
        "清洁生产法": "清洁生产促进法",
        "循环经济法": "循环经济促进法",
        "环保法": "环境保护法",
        "噪声法": "噪声污染防治法",
        "新噪声法": "噪声污染防治法",
        "旧噪声法": "环境噪声污染防治法",
        "排污许可条例": "排污许可管理条例",
    }
    for short, full in cases.items():
        assert read_question(f"{short}第十条", t).documents == (full,), short


def test_longest_title_wins():
    t = table()
    assert read_question("北京市实施《节约能源法》办法第二十四条", t).documents == ("北京市实施节约能源法办法",)
    assert read_question("《中华人民共和国环境噪声污染防治法》第二条", t).documents == ("环境噪声污染防治法",)
    assert read_question("《环境保护税法》第十二条", t).documents == ("环境保护税法",)


def test_alias_only_for_titles_in_catalog():
    docs = [DocumentMeta(doc_id="a", file_name="a.md", path="", title="中华人民共和国节约能源法")]
    t = AliasTable.build(docs)
    assert read_question("环评法第十条", t).documents == ()


def test_articles_years_and_old_hints():
    t = table()
    pq = read_question("节能法第53条和第五十四条", t)
    assert pq.articles == ("第五十三条", "第五十四条")
    assert read_question("第105条之1", t).articles == ("第一百零五条之一",)
    pq = read_question("2017年版的大气法第十条", t)
    assert pq.years == (2017,) and pq.documents == ("大气污染防治法",)
    assert read_question("旧的噪声法怎么规定", t).wants_old
    assert not read_question("噪声法怎么规定", t).wants_old


def test_question_kinds():
    assert read_question("能源法是哪天通过的？从什么时候开始施行？").document_dates
    assert not read_question("2023年修订后的海洋环境保护法在罚款上比2017年版严了多少？").document_dates
    assert "penalty" in read_question("没有标注能效标识会受到什么处罚？").asks
    assert "法律责任" in read_question("会被怎么罚？").lexical_text
    assert "能源效率标识" in read_question("能效标识").lexical_text


def test_ordinal_brackets_keep_two_interpretations_apart():
    one = title_key("示例法院关于适用《示例法》若干问题的解释（一）(2001-01-01)")
    two = title_key("示例法院关于适用《示例法》若干问题的解释（二）(2011-01-01)")
    assert one != two
    assert title_key("示例节能办法（试行）(2019-01-01)") == title_key("示例节能办法(2023-01-01)")
