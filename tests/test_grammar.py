"""One table of examples for the grammar of Chinese legal and official text (kb.text.grammar).

Every shape has rows (text, expected) and a set of readers: grammar's own pattern or reader, and
the helpers of the modules that build their rules from it (numerals, structure, clean, metadata).
Every reader must give the expected value on every row of its shape, so one table holds every
variant of a pattern. Where a module's context rule reads a row differently on purpose, the row
names that reader in its third element, and a comment says why.

The example texts are invented (示例, 测试样例) or are bare shapes (第五十三条, 2021年11月3日).
"""
from __future__ import annotations

import re
from typing import Any, Callable

import pytest

from ingest import clean, metadata, structure
from kb.question.reading import read_question
from kb.text import grammar as g
from kb.text import numerals


def _or_none(fn: Callable[[str], Any]) -> Callable[[str], Any]:
    def read(text: str) -> Any:
        try:
            return fn(text)
        except ValueError:
            return None
    return read


def _truth(fn: Callable[[str], Any]) -> Callable[[str], Any]:
    """A yes/no reader: compared with whether the row expects a value."""
    read = lambda text: bool(fn(text))  # noqa: E731
    read.truth = True  # type: ignore[attr-defined]
    return read


def _match(rx, *groups: str | int, conv: Callable[[str], Any] = lambda s: s):
    """The given groups of rx.match(text) (converted), or None."""
    def read(text: str) -> Any:
        m = rx.match(text)
        if not m:
            return None
        vals = tuple(conv(m.group(k)) if m.group(k) is not None else None for k in groups)
        return vals[0] if len(vals) == 1 else vals
    return read


def _article_heading(line: str) -> tuple[int, int] | None:
    m = g.ARTICLE_HEADING_RE.match(line)
    n = g.number(m.group("art")) if m else None
    return (n, g.number(m.group("sub")) if m.group("sub") else 0) if n else None


def _structure_article(line: str) -> tuple[int, int] | None:
    a = structure.article_line(line)
    return (a[0], a[1]) if a else None


def _doc_number(text: str) -> str:
    m = g.DOC_NUMBER_RE.search(text) if "令" not in text else g.ORDER_NUMBER_RE.search(text)
    if not m:
        return ""
    return f"{m.group(1)}〔{m.group(2)}〕{m.group(3)}号" if "令" not in text else f"{m.group(1)}令第{m.group(2)}号"


def _refs(text: str) -> list[tuple[int, int, int, int]]:
    return [(r.article, r.sub, r.paragraph, r.item) for r in g.find_article_refs(text)]


def _references(text: str) -> list[tuple]:
    """(kind, scope or title, article, range end, 款s, 项s, relative unit × count, verb) per reference."""
    out = []
    for r in g.find_references(text):
        where = r.title or r.scope
        if r.kind == "relative":
            out.append(("relative", f"{r.unit}×{r.count}", r.verb))
        elif r.kind == "document":
            out.append(("document", where, r.verb))
        else:
            out.append((r.kind, where, r.article[0], r.last[0], r.paragraphs, r.items, r.verb))
    return out


# shape -> (readers, rows); a row is (text, expected) or (text, expected, {readers that differ})
TABLE: dict[str, tuple[dict[str, Callable[[str], Any]], list[tuple]]] = {
    "number": (
        {"grammar.number": g.number, "numerals.cn_to_int": _or_none(numerals.cn_to_int)},
        [
            ("五十三", 53), ("53", 53), ("５３", 53), ("一百零五", 105), ("两千", 2000), ("一千零一", 1001),
            ("〇", 0), ("零", 0), ("○", 0), ("二〇二一", 2021), ("十", 10), ("一万零五百", 10500),
            ("第一", None), ("十条", None), ("", None),
        ],
    ),
    # A line that opens an article: (number, sub-number).
    "article heading": (
        {
            "grammar.ARTICLE_HEADING_RE": _article_heading,
            "clean.starts_structural_unit": _truth(clean.starts_structural_unit),
            "structure.article_line": _structure_article,
        },
        [
            ("第五十三条 重点用能单位应当报送报告。", (53, 0)),
            ("第53条 重点用能单位应当报送报告。", (53, 0)),
            ("第５３条 重点用能单位应当报送报告。", (53, 0)),
            ("第一百零五条 本法自公布之日起施行。", (105, 0)),
            ("第两千条 示例。", (2000, 0)),
            ("第一千零一条 示例。", (1001, 0)),
            ("第五十三条之一 数据中心应当执行标准。", (53, 1)),
            ("第53条之1 数据中心应当执行标准。", (53, 1)),
            ("## 第七条 本办法自发布之日起施行。", (7, 0)),
            ("第十二条", (12, 0)),
            # 第〇条 has the shape but is no article: grammar reads 0 (falsy), structure rejects it;
            # clean only looks at the shape to keep the line apart.
            ("第〇条 示例。", None, {"clean.starts_structural_unit"}),
            # Quoted references at a line start. Structure sees a 第X条 line and lets the numbering
            # sequence decide (test_structure: 第三条规定的事项 inside 第五条).
            ("第三条的规定，由示例部门负责。", None, {"structure.article_line"}),
            ("第三条第二款规定的情形", None, {"structure.article_line"}),
            ("第十条至第十二条规定的", None, {"structure.article_line"}),
            ("依照第三条执行。", None),
        ],
    ),
    # A 第X编 / 章 / 节 heading line: (unit, number, name).
    "legal heading": (
        {
            "structure.legal_heading": structure.legal_heading,
            "clean.starts_structural_unit": _truth(clean.starts_structural_unit),
            "grammar.HEADING_ONLY_RE": _truth(g.HEADING_ONLY_RE.match),
        },
        [
            ("第六章 法律责任", ("章", 6, "法律责任")),
            ("第一编 总则", ("编", 1, "总则")),
            ("第二节 工业节能", ("节", 2, "工业节能")),
            ("## 第二章 监督管理", ("章", 2, "监督管理")),
            ("第一章", ("章", 1, "")),
            ("第5章 附则", ("章", 5, "附则")),
            ("第５章 附则", ("章", 5, "附则")),
            ("第八章 期间、送达", ("章", 8, "期间、送达")),
            ("第二章 家庭保护", ("章", 2, "家庭保护")),
            ("第一章总则", ("章", 1, "总则")),
            ("第二章　监察　内容", ("章", 2, "监察内容")),
            ("第二章规定的情形，依照执行。", None),
            # a sentence of an amending decision: clean keeps it on a line of its own, which is harmless
            ("第三节相应改为第四节，第六十一条相应改为第六十四条。", None, {"clean.starts_structural_unit"}),
            ("第三条的规定", None),
            ("第〇章 示例", None, {"clean.starts_structural_unit", "grammar.HEADING_ONLY_RE"}),
        ],
    ),
    # 第一章总则 → 第一章 总则 (clean spaces out a glued label on a short line only).
    "glued heading": (
        {
            "clean.space_heading_marker": clean.space_heading_marker,
            "grammar.LEGAL_HEADING_GLUED_RE": lambda s: g.LEGAL_HEADING_GLUED_RE.sub(r"\1 ", s, count=1),
        },
        [
            ("第一章总则", "第一章 总则"),
            ("第三节节能", "第三节 节能"),
            ("第二章 附则", "第二章 附则"),
            ("第二章规定的情形", "第二章规定的情形"),
            ("第２章附则", "第２章 附则"),
            # a long line with punctuation is a sentence: only the bare pattern would split it
            ("第一章总体要求是，坚持示例原则，推动示例工作。", "第一章总体要求是，坚持示例原则，推动示例工作。",
             {"grammar.LEGAL_HEADING_GLUED_RE"}),
        ],
    ),
    # The 第X条 label at the start of an article's text, stripped (extractive, diff).
    "article label": (
        {"grammar.ARTICLE_PREFIX_RE": lambda s: g.ARTICLE_PREFIX_RE.sub("", s, count=1)},
        [
            ("第五条　国家鼓励。", "国家鼓励。"),
            ("第五条之一　国家鼓励。", "国家鼓励。"),
            ("第五条 依照第六章规定。", "依照第六章规定。"),
            ("第一千零一条 示例。", "示例。"),
            ("第５条：示例。", "示例。"),
            ("第五条\n示例。", "示例。"),
            ("依照第五条执行。", "依照第五条执行。"),
        ],
    ),
    # Chapter heading lines carried into a chunk, stripped (diff).
    "heading lines": (
        {"grammar.HEADING_LINES_RE": lambda s: g.HEADING_LINES_RE.sub("", s, count=1)},
        [
            ("第二章　监督管理\n\n第五条　国家鼓励。", "第五条　国家鼓励。"),
            ("## 第二章 监督管理\n第一节 一般规定\n第五条 国家鼓励。", "第五条 国家鼓励。"),
            ("第五条 依照第六章规定。", "第五条 依照第六章规定。"),
            ("第三章规定的情形\n第五条 示例。", "第三章规定的情形\n第五条 示例。"),
        ],
    ),
    # Any 第X条 reference in running text: [(article, sub, paragraph, item)].
    "article reference": (
        {"grammar.find_article_refs": _refs},
        [
            ("依照本法第五十三条第二款第三项的规定", [(53, 0, 2, 3)]),
            ("违反第53条之1规定的", [(53, 1, 0, 0)]),
            ("第５３条", [(53, 0, 0, 0)]),
            ("第十条至第十二条", [(10, 0, 0, 0), (12, 0, 0, 0)]),
            ("《示例节能法》第十三条", [(13, 0, 0, 0)]),
            ("第一千零一条和第两千条", [(1001, 0, 0, 0), (2000, 0, 0, 0)]),
            ("第〇条", []),
            ("第三章第二节", []),
            ("不符合本法第十九条第（三）项规定的", [(19, 0, 0, 3)]),
        ],
    ),
    # References with their document (本法 / 《X》 / unqualified), list continuations, ranges,
    # relative units, documents named by a verb, and the verb that governs each.
    "references": (
        {"grammar.find_references": _references},
        [
            ("违反本法第五十三条第二款第三项的规定", [("article", "self", 53, 0, (2,), (3,), "违反")]),
            ("违反本法第十二条第二款、第三款规定，", [("article", "self", 12, 0, (2, 3), (), "违反")]),
            ("不符合本法第十九条第（三）项、第（六）项规定的", [("article", "self", 19, 0, (), (3, 6), "不符合")]),
            ("依照本条例第五条、第九条的规定", [("article", "self", 5, 0, (), (), "依照"), ("article", "self", 9, 0, (), (), "依照")]),
            ("未按本法第三十一条和第三十二条规定做好防护", [("article", "self", 31, 0, (), (), "未按"),
                                              ("article", "self", 32, 0, (), (), "未按")]),
            ("出售本办法第二十一条至第二十四条规定不得出售的物品", [("range", "self", 21, 24, (), (), "")]),
            ("依照《示例条例》第六十七条、第六十八条的规定处罚", [("article", "示例条例", 67, 0, (), (), "依照"),
                                                ("article", "示例条例", 68, 0, (), (), "依照")]),
            ("依照第三条执行", [("article", "", 3, 0, (), (), "")]),
            ("依照《示例产品质量法》的规定处罚", [("document", "示例产品质量法", "依照")]),
            ("违反前款规定的，由示例部门处罚", [("relative", "款×1", "违反")]),
            ("有前两款规定情形之一的", [("relative", "款×2", "")]),
            ("依照前条规定", [("relative", "条×1", "依照")]),
            ("本条所称示例单位", [("relative", "条×0", "")]),
            ("本条例所称示例单位", []),
            ("根据《示例法》等有关法律，制定本办法。", []),
            ("本法第三章规定的", []),
        ],
    ),
    # The same references as written (follow-up questions carry them along).
    "article reference text": (
        {"grammar.article_refs_as_written": g.article_refs_as_written},
        [
            ("节能法第53条第2款和第五十四条", ["第53条第2款", "第五十四条"]),
            ("第五条之一的规定", ["第五条之一"]),
            ("本法第三章", []),
        ],
    ),
    # A bare unit reference, normalised as locators are written.
    "unit reference": (
        {
            "grammar.normalize_article_ref": g.normalize_article_ref,
        },
        [
            ("第53条", "第五十三条"), ("第 53 条", "第五十三条"), ("第５３条", "第五十三条"),
            ("第53条之1", "第五十三条之一"), ("第十条之二", "第十条之二"), ("第5章", "第五章"), ("第２节", "第二节"),
            ("第两千条", "第二千条"), ("第一千零一条", "第一千零一条"), ("第二款", "第二款"), ("第3项", "第三项"),
            ("第〇条", "第零条"), ("header", "header"), (" 1.3 ", "1.3"),
        ],
    ),
    "article sort key": (
        {"grammar.article_number": _or_none(g.article_number)},
        [("第五十三条之一", (53, 1)), ("第五十三条", (53, 0)), ("第53条", (53, 0)), ("第一百条", (100, 0)), ("附件1", None)],
    ),
    "article range": (
        {"grammar.ARTICLE_RANGE_RE": lambda s: (m := g.ARTICLE_RANGE_RE.search(s)) and (g.number(m["a"]), g.number(m["b"]))},
        [("第十条至第十二条", (10, 12)), ("第10条到第12条", (10, 12)), ("第五条之一至第七条", (5, 7)), ("第十条、第十二条", None)],
    ),
    "nth time": (
        {"grammar.NTH_TIME": lambda s: (m := re.search(g.NTH_TIME, s)) and g.number(m["nth"])},
        [("根据2031年5月9日示例立法机关第六次会议《示例决定》第二次修正", 6),
         ("第３次修订", 3), ("第一条", None)],
    ),
    "self reference": (
        {"grammar.SELF_DOC_RE": lambda s: (m := g.SELF_DOC_RE.search(s)) and m.group(0)},
        [("本法所称能源", "本法"), ("本条例自公布之日起施行", "本条例"), ("本办法由示例部负责解释", "本办法"),
         ("本实施细则", "本实施细则"), ("基本法律", None)],
    ),
    "relative reference": (
        {"grammar.RELATIVE_REF_RE": lambda s: (m := g.RELATIVE_REF_RE.search(s)) and m.group(0)},
        [("有前款规定情形的", "前款"), ("违反前两款规定", "前两款"), ("依照前条规定", "前条"), ("本条所称", "本条"),
         ("前三条规定的", "前三条"), ("事前报告", None), ("本条例所称", None), ("对前三项污染物征收", None),
         ("前两款所列", "前两款")],
    ),
    "cross-document reference": (
        {"grammar.CROSS_DOC_REF_RE": lambda s: (m := g.CROSS_DOC_REF_RE.search(s)) and (m["title"], g.number(m["art"]))},
        [("依照《示例节能法》第十三条的规定", ("示例节能法", 13)),
         ("《示例条例》第５条", ("示例条例", 5)), ("《示例条例》规定", None)],
    ),
    "reference verb": (
        {"grammar.REF_VERB_RE": lambda s: (m := g.REF_VERB_RE.search(s)) and m["verb"]},
        [("违反本法第十七条规定，", "违反"), ("依照前款规定处罚", "依照"), ("按照国家有关规定执行", "按照"), ("规定如下", None),
         ("未按照本法规定报送年度用能报告", "未按照"), ("不符合本法第二十一条第一款规定的", "不符合"),
         ("未按本法第四十六条规定采取措施", "未按")],
    ),
    # Duties and sanctions (kb.registers.duties / penalties read with these).
    "quantity": (
        {"grammar.quantity": g.quantity},
        [("20万", 200000.0), ("5千", 5000.0), ("3.5万", 35000.0), ("一万", 10000.0), ("五千", 5000.0), ("２０", 20.0),
         ("若干", None)],
    ),
    "obligation": (
        {"grammar.OBLIGATION_RE": lambda s: (m := g.OBLIGATION_RE.search(s)) and m.group(0)},
        [("示例单位应当报送报告。", "应当"), ("不得排放污染物", "不得"), ("禁止生产淘汰产品", "禁止"), ("必须符合标准", "必须"),
         ("可以自愿申请", None)],
    ),
    "deadline duty": (
        {"grammar.DEADLINE_DUTY_RE": _truth(g.DEADLINE_DUTY_RE.search)},
        [("指定的单位在每年3月底前向示例部门报送上年度报告。", True), ("于每年六月三十日前提交申报材料", True),
         ("每年3月开展宣传活动", None)],
    ),
    "energy threshold": (
        {"grammar.ENERGY_THRESHOLD_RE": lambda s: (m := g.ENERGY_THRESHOLD_RE.search(s)) and
         (g.quantity(m["lo"]), g.quantity(m["hi"]) if m["hi"] else None)},
        [("年综合能源消费总量一万吨标准煤以上的示例企业", (10000.0, None)),
         ("年综合能源消费总量三千吨以上不满八千吨标准煤的", (3000.0, 8000.0)),
         ("年能源消费量2000吨标准煤以上", (2000.0, None)), ("能源消费结构", None)],
    ),
    "water threshold": (
        {"grammar.WATER_THRESHOLD_RE": lambda s: (m := g.WATER_THRESHOLD_RE.search(s)) and g.quantity(m["lo"])},
        [("年用水量十万立方米以上的工业企业", 100000.0), ("年取水量5万立方米以上", 50000.0), ("用水台账", None)],
    ),
    "frequency": (
        {"grammar.FREQUENCY_RE": lambda s: (m := g.FREQUENCY_RE.search(s)) and m.group(0)},
        [("应当每年报送", "每年"), ("每季度公开", "每季度"), ("每三年开展一次", "每三年"), ("定期开展培训", "定期"),
         ("上年度的报告", None)],
    ),
    "deadline": (
        {"grammar.DEADLINE_RE": lambda s: (m := g.DEADLINE_RE.search(s)) and m.group(0)},
        [("应当于示例许可证有效期届满45日前向发证部门申请延续", "示例许可证有效期届满45日前"),
         ("应当自变更之日起30日内申请", "自变更之日起30日内"), ("在每年3月底前报送", "每年3月底前"),
         ("应当在指定之日起六十日内设立", "在指定之日起六十日内"), ("应当立即采取措施", "立即"), ("应当报送报告", None)],
    ),
    "authority": (
        {"grammar.AUTHORITY_TO_RE": lambda s: (m := g.AUTHORITY_TO_RE.search(s)) and m["who"],
         "grammar.AUTHORITY_BY_RE": lambda s: (m := g.AUTHORITY_BY_RE.search(s)) and m["who"]},
        [("应当每年向示例节能主管部门报送报告", "示例节能主管部门", {"grammar.AUTHORITY_BY_RE"}),
         ("并报示例部门备案", "示例部门", {"grammar.AUTHORITY_BY_RE"}),
         ("由市场监督管理部门责令改正", "市场监督管理部门", {"grammar.AUTHORITY_TO_RE"}),
         ("应当配合检查", None)],
    ),
    "fine": (
        {"grammar.FINE_RE": lambda s: (m := g.FINE_RE.search(s)) and
         tuple((b["n"], b["side"]) for b in g.FINE_BOUND_RE.finditer(m["amount"]))},
        [("处一万元以上五万元以下罚款", (("一万", "以上"), ("五万", "以下"))),
         ("处每次5千元以上2万元以下的罚款", (("5千", "以上"), ("2万", "以下"))),
         ("可以处5万元以下的罚款", (("5万", "以下"),)), ("并处违法所得一倍以上五倍以下罚款", ()), ("责令改正", None)],
    ),
    "sanction and escalation": (
        {"grammar.SANCTION_RE": _truth(g.SANCTION_RE.search), "grammar.ESCALATION_RE": _truth(g.ESCALATION_RE.match)},
        [("逾期不改正的，处一万元以下罚款", True), ("情节严重的，吊销营业执照", True),
         ("由示例部门责令改正", True, {"grammar.ESCALATION_RE"}), ("示例单位应当报送报告", None)],
    ),
    # An outline line: (level, number, canonical marker, rest).
    "outline": (
        {
            "grammar.outline_marker": g.outline_marker,
            "structure.outline_line": structure.outline_line,
            "grammar.ITEM_START_RE": _truth(g.ITEM_START_RE.match),
            "clean.starts_structural_unit": _truth(clean.starts_structural_unit),
        },
        [
            ("一、总体要求", (0, 1, "一、", "总体要求")),
            ("十二、保障措施", (0, 12, "十二、", "保障措施")),
            ("三．示例", (0, 3, "三、", "示例")),
            ("（一）指导思想。坚持示例。", (1, 1, "（一）", "指导思想。坚持示例。")),
            ("(二)有运输工具；", (1, 2, "（二）", "有运输工具；")),
            ("1.完善评价标准。", (2, 1, "1.", "完善评价标准。")),
            ("1. 适用范围", (2, 1, "1.", "适用范围")),
            ("1、适用范围", (2, 1, "1.", "适用范围")),
            ("２．总吨位超过示例的船舶", (2, 2, "2.", "总吨位超过示例的船舶")),
            ("1.人民法院根据需要设立示例机构", (2, 1, "1.", "人民法院根据需要设立示例机构")),
            ("1．名称和地址；", (2, 1, "1.", "名称和地址；")),
            ("1、2025年底前完成示例工作", (2, 1, "1.", "2025年底前完成示例工作")),
            ("（1）组织申报。", (3, 1, "（1）", "组织申报。")),
            ("(10)示例事项", (3, 10, "（10）", "示例事项")),
            # ① items stay inside their parent section in structure, as 项 inside an article.
            ("①达到示例要求", (4, 1, "①", "达到示例要求"), {"structure.outline_line"}),
            ("2016年以来，示例工作加快。", None),
            ("3 万元以下的项目", None),
            ("3.5万吨标准煤", None),
            ("两、三天内完成", None),
            ("十分重要", None),
        ],
    ),
    # 1 / 1.1 / 1.1.1 section headings: (number tuple, title).
    "numbered section": (
        {
            "grammar.numbered_section": g.numbered_section,
            "structure.numbered_heading": structure.numbered_heading,
            "clean.starts_structural_unit": _truth(clean.starts_structural_unit),
        },
        [
            ("1.1 绿色制造", ((1, 1), "绿色制造")),
            ("2.3.1 评价方法", ((2, 3, 1), "评价方法")),
            ("1 现状与基础", ((1,), "现状与基础")),
            ("2 示例绿色工厂培育的主要做法", ((2,), "示例绿色工厂培育的主要做法")),
            ("3.5 万吨标准煤", None),
            ("1.5 万吨标准煤", None),
            ("12 个行业", None),
            ("2016 年以来", None),
            ("1 2 3", None),
        ],
    ),
    # 附件 / 附表 / 附录 headings: the locator.
    "annex": (
        {
            "structure.annex_heading": lambda s: (a := structure.annex_heading(s)) and a[0],
            "clean.starts_structural_unit": _truth(clean.starts_structural_unit),
        },
        [
            ("附件1", "附件1"), ("附件1：节能监察文书格式（测试样例）", "附件1"), ("附件一", "附件一"),
            ("附件１ 示例名单", "附件1"), ("附表2 示例数据", "附表2"), ("附录A 术语", "附录A"), ("附件", "附件"),
            # 附：… lists the annexes; clean leaves such a line where it is.
            ("附：示例名单", "附件", {"clean.starts_structural_unit"}),
            ("附件中所列的示例", None),
        ],
    ),
    "supplementary provisions": (
        {"grammar.SUPPLEMENTARY_RE": _truth(g.SUPPLEMENTARY_RE.match), "clean.starts_structural_unit":
         _truth(clean.starts_structural_unit)},
        [("附则", True), ("附　则", True), ("附则规定的", None)],
    ),
    "table of contents": (
        {"grammar.TOC_RE": _truth(g.TOC_RE.match), "clean.starts_structural_unit": _truth(clean.starts_structural_unit)},
        [("目录", True), ("目 录", True), ("# 目录", True), ("目录如下", None)],
    ),
    "column box": (
        {"grammar.COLUMN_BOX_RE": _match(g.COLUMN_BOX_RE, 1, 2)},
        [("专栏3 重点工程", ("3", "重点工程")), ("专栏 3：示例行动", ("3", "示例行动")), ("专栏", (None, "")),
         ("专项资金", None)],
    ),
    "caption": (
        {"grammar.CAPTION_RE": _truth(g.CAPTION_RE.match), "clean.starts_structural_unit": _truth(clean.starts_structural_unit)},
        [("图1 示例", True), ("表2-1 示例数据", True), ("表明示例", None)],
    ),
    # Named parts of papers: the name.
    "paper part": (
        {
            "structure.named_heading": lambda s: (n := structure.named_heading(s)) and n[0],
            "clean.starts_structural_unit": _truth(clean.starts_structural_unit),
        },
        [
            ("引言", "引言"), ("引 言", "引言"), ("摘要：本文综述了示例内容。", "摘要"), ("关键词：绿色制造", "关键词"),
            ("Abstract: This invented sample has no content.", "Abstract"), ("参考文献", "参考文献"), ("结论", "结论"),
            ("References", "References"),
            # structure also reads a numbered "1 引言"; clean keeps it apart as a numbered section anyway
            ("1 引言", "引言"),
            ("引言部分指出", None), ("结论是明确的。", None),
        ],
    ),
    # 文号 and 令 numbers, normalised.
    "document number": (
        {"metadata.doc_number_in": metadata.doc_number_in, "grammar.DOC_NUMBER_RE": _doc_number},
        [
            ("工信部节〔2021〕123号", "工信部节〔2021〕123号"),
            ("国办发[2020]5号", "国办发〔2020〕5号"),
            ("示工信节（2023）12号", "示工信节〔2023〕12号"),
            ("中华人民共和国国务院令第9999号", "国务院令第9999号"),
            ("中华人民共和国主席令第十六号", "主席令第十六号"),
            ("示例部令第12号", "示例部令第12号"),
            ("2021年第123号", ""),
        ],
    ),
    "date": (
        {"grammar.parse_date": g.parse_date, "metadata.parse_date": metadata.parse_date},
        [
            ("2021年11月3日", "2021-11-03"), ("二〇二一年十一月三日", "2021-11-03"), ("二○二一年十一月三日", "2021-11-03"),
            ("２０２１年１１月３日", "2021-11-03"), ("2004 年 5 月 30 日", "2004-05-30"), ("二〇二三年十二月二十九日", "2023-12-29"),
            ("2018年13月1日", None), ("2021年11月", None), ("第三条", None),
        ],
    ),
    # Standard numbers of every family, canonical (kb.registers and the ingest's document metadata).
    "standard number": (
        {"grammar.find_standard_refs": lambda s: [r.code for r in g.find_standard_refs(s)],
         "metadata.standards_in": metadata.standards_in,
         "reading.standard_refs": lambda s: [r.code for r in read_question(s).standard_refs]},
        [
            ("GB/T 32151.5-2015", ["GB/T 32151.5-2015"]), ("GB 21256—2024", ["GB 21256-2024"]),
            ("GB/Z 32150-2015", ["GB/Z 32150-2015"]), ("ＧＢ／Ｔ　３６１３２－２０１８", ["GB/T 36132-2018"]),
            ("GB/T36132-2018", ["GB/T 36132-2018"]), ("GB / T 36132 — 2018", ["GB/T 36132-2018"]),
            ("GB 17167", ["GB 17167"]), ("GB 21256——2024", ["GB 21256-2024"]), ("GB 3095-82", ["GB 3095-1982"]),
            ("HJ 2.1-2016", ["HJ 2.1-2016"]), ("HJ/T 192-2006", ["HJ/T 192-2006"]), ("YB/T 4915-2021", ["YB/T 4915-2021"]),
            ("YS/T 3901-2025", ["YS/T 3901-2025"]), ("JC/T 2511-2019", ["JC/T 2511-2019"]),
            ("HG/T 5906-2021", ["HG/T 5906-2021"]), ("SH/T 3901-2020", ["SH/T 3901-2020"]),
            ("DL/T 1960-2019", ["DL/T 1960-2019"]), ("NB/T 10001-2018", ["NB/T 10001-2018"]),
            ("JB/T 1234-2020", ["JB/T 1234-2020"]), ("QB/T 5608-2021", ["QB/T 5608-2021"]),
            ("FZ/T 07004-2019", ["FZ/T 07004-2019"]), ("SJ/T 11744-2019", ["SJ/T 11744-2019"]),
            ("CJJ 1-2008", ["CJJ 1-2008"]), ("JGJ/T 229-2010", ["JGJ/T 229-2010"]),
            ("DB11/T 1234-2015", ["DB11/T 1234-2015"]), ("DB31/ 795-2014", ["DB31/ 795-2014"]),
            ("DB31/795—2014", ["DB31/ 795-2014"]), ("DB3201/T 123-2020", ["DB3201/T 123-2020"]),
            ("T/CECS 10001—2019", ["T/CECS 10001-2019"]), ("T/CAGP 0001-2016", ["T/CAGP 0001-2016"]),
            ("ISO 14001:2015", ["ISO 14001:2015"]), ("ISO 50001", ["ISO 50001"]),
            ("ISO 14064-1:2018", ["ISO 14064-1:2018"]), ("ISO/IEC 17025:2017", ["ISO/IEC 17025:2017"]),
            ("GB/T 24001-2016/ISO 14001:2015", ["GB/T 24001-2016", "ISO 14001:2015"]),
            ("应符合《示例通则》（GB/T 36132—2018）、YS/T 3901和HJ 2.1的要求。",
             ["GB/T 36132-2018", "YS/T 3901", "HJ 2.1"]),
            ("GBT 36132-2018.pdf", ["GB/T 36132-2018"]), ("GB/T 36132。", ["GB/T 36132"]),
            # questions may be typed in lower case; documents print standard numbers in capitals
            ("gb/t 36132-2018 还有效吗", ["GB/T 36132-2018"], {"grammar.find_standard_refs", "metadata.standards_in"}),
            # chemical formulas and particle sizes are no standards
            ("CH4和SF6排放", []), ("PM2.5浓度", []), ("第2021号", []), ("AB 1234-2020", []),
        ],
    ),
    # The parts of a standard number: (family, number, part, year, kind).
    "standard parts": (
        {"grammar.read_standard": lambda s: (lambda r: r and (r.family, r.number, r.part, r.year, r.kind))(
            g.read_standard(s))},
        [
            ("GB/T 32151.5-2015", ("GB/T", "32151", "5", "2015", "国家标准")),
            ("YS/T 3901—2025", ("YS/T", "3901", "", "2025", "行业标准")),
            ("DB11/T 1234-2015", ("DB11/T", "1234", "", "2015", "地方标准")),
            ("T/CECS 10001-2019", ("T/CECS", "10001", "", "2019", "团体标准")),
            ("ISO 14064-1:2018", ("ISO", "14064", "1", "2018", "国际标准")),
            ("HJ 2.1", ("HJ", "2", "1", "", "行业标准")),
            ("示例", None),
        ],
    ),
    # Spacing after a leading marker (clean keeps one space after a label, none after a quantity).
    "marker space": (
        {"clean.normalize_spaces": clean.normalize_spaces},
        [
            ("第一条  为了加强管理", "第一条 为了加强管理"), ("第五十三条之一  数据中心", "第五十三条之一 数据中心"),
            ("第一章\u3000总\u3000则", "第一章 总则"), ("1.1  绿色制造", "1.1 绿色制造"), ("12 个省份", "12个省份"),
            ("附件1  示例名单", "附件1 示例名单"), ("表2  示例数据", "表2 示例数据"),
            ("2004 年 5 月 30 日 国务院令第 408 号公布", "2004年5月30日 国务院令第408号公布"),
        ],
    ),
}


def _cases():
    for shape, (readers, rows) in TABLE.items():
        for row in rows:
            text, expected = row[0], row[1]
            differ = row[2] if len(row) > 2 else set()
            for name in readers:
                yield pytest.param(shape, name, text, expected, name in differ, id=f"{shape}|{name}|{text[:16]}")


@pytest.mark.parametrize("shape, reader, text, expected, differs", list(_cases()))
def test_table(shape: str, reader: str, text: str, expected: Any, differs: bool) -> None:
    read = TABLE[shape][0][reader]
    got = read(text)
    if getattr(read, "truth", False):
        expected = expected is not None
    if differs:
        assert got != expected, f"{reader} now agrees on {text!r}: drop the exception"
    else:
        assert got == expected


def test_every_reader_has_rows_and_every_exception_names_a_reader() -> None:
    for shape, (readers, rows) in TABLE.items():
        assert rows, shape
        for row in rows:
            for name in row[2] if len(row) > 2 else ():
                assert name in readers, (shape, name)


def test_one_numeral_set() -> None:
    """NUM takes every digit and numeral character of legal text, and numerals reads each of them."""
    num = re.compile(g.NUM)
    for ch in numerals.CN_NUM_CHARS + "0123456789０１２３４５６７８９":
        assert num.fullmatch(ch), ch
        assert g.number(ch) is not None, ch
    assert set("两千〇○零") <= set(numerals.CN_NUM_CHARS)


def test_outline_marker_beyond_circled_numbers() -> None:
    """Markers above ⑳ exist only for the other levels: 二十一、 and 21. must not crash."""
    assert g.outline_marker("二十一、示例") == (0, 21, "二十一、", "示例")
    assert g.outline_marker("21.示例") == (2, 21, "21.", "示例")
