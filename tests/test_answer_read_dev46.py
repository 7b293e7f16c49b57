"""Questions read once more — found on dev46's misses; on invented texts
(tests/fixtures_read_dev46.py), through `python -m kb ask --json` where the whole answer shows it:

- one version named (按2031年修正的旧式示例噪声防治法): a newer law whose title is only part of the
  named one's (示例噪声防治法) is not quoted beside it as if it were named too;
- asked who makes a thing (示例大气质量标准由谁来制定), the article where a body makes it leads over
  one on how it is made that names departments only as consulted;
- 行业协会发布的团体标准 names a standard by who issues it: not a question about a date; 到期也不改，
  由哪一级部门废止 asks for what follows not correcting — a sanction;
- 除了按示例质量法等处罚以外 sets that law aside;
- asked of a named text's own history (2041年那次是修订还是修正), 那次 is the act of that year and its
  header dates it: not refused as a year the texts say nothing of; 最近一次改动是哪天 asks when, not
  what changed;
- a part naming texts by kind (行政法规对处理企业有什么要求) is answered from a 条例;
- asked how much of a measure (配额会被核减多少), the penalty stating a figure with it (按30%至60%的比例
  核减) leads over one naming it without one (等量核减);
- 举报 is what the texts call 检举; English: coal gangue, waste heat, grid-connected, buy all.
"""
from __future__ import annotations

from types import SimpleNamespace

import fixtures_read_dev46 as fx
import pytest
from kb_cli import ask, files_writer, hit, index, lead

from kb.answers.texts_named import named_by, other_doc_relevant
from kb.answers.figure_stated import MEASURE_FIGURE_ASKED, measure_figure_said
from kb.answers.leads import AGENT_ASKED, agent_said
from kb.question.aliases import AliasTable
from kb.question.kinds import Ask
from kb.question.lexicon import legal_words
from kb.question.reading import read_question


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return index(tmp_path_factory, "read_dev46", files_writer(fx.FILES))


def test_a_newer_law_whose_title_is_part_of_the_named_one_is_not_named():
    titles = [("old", "旧式示例噪声防治法"), ("new", "示例噪声防治法")]
    aliases = AliasTable.build([SimpleNamespace(doc_id=d, title=t) for d, t in titles])
    old = hit("第四条", "第四条 各级政府应当把示例噪声防治纳入示例环保规划。", "old", titles[0][1])
    new = hit("第五条", "第五条 县以上政府应当把示例噪声防治纳入示例发展规划。", "new", titles[1][1])
    pq = read_question("按2031年修正的旧式示例噪声防治法，各级政府要把噪声防治纳入什么规划？", aliases)
    assert pq.documents == ("旧式示例噪声防治法",)
    assert not other_doc_relevant(pq, new, old)
    # named by itself, the newer law is quoted beside the other
    both = read_question("示例噪声防治法和旧式示例噪声防治法对规划的要求有什么不同？", aliases)
    assert other_doc_relevant(both, new, old)


def test_who_makes_a_standard_the_article_where_a_body_makes_it_leads(data, capsys):
    m = AGENT_ASKED.search("示例大气质量标准由谁来制定？")
    assert m and (m.group("thing"), m.group("verb")) == ("示例大气质量标准", "制定")
    said = agent_said("制定", "示例大气质量标准")
    assert said.search(fx.AIR.split("第八条 ")[1].split("\n")[0])
    assert not said.search(fx.AIR.split("第十条 ")[1].split("\n")[0])  # departments only consulted
    assert agent_said("制定", "示例药品标准").search("示例部门组织示例药典委员会，负责示例药品标准的制定和修订。")
    assert not agent_said("制定", "示例药品标准").search("示例部门应当制定统一的示例追溯标准。")
    out = ask(data, "示例大气质量标准由谁来制定？", capsys)
    assert lead(out) == ("示例大气防治法（测试样例）", "第八条"), out["answer"]


def test_what_a_question_asks_read_from_its_wording():
    pq = read_question("行业协会发布的团体标准不合规、到期也不改，由哪一级部门废止？")
    assert Ask.TIMELINE not in pq.asks and "issued" not in pq.focus
    assert Ask.PENALTY in pq.asks and Ask.WHO in pq.asks
    when = read_question("这个示例办法是什么时候发布的？")
    assert Ask.TIMELINE in when.asks and "issued" in when.focus
    assert "issued" in read_question("这部示例办法是哪天公布的、从哪天起执行？").focus
    aside = read_question("我们卖的产品不符合强制性标准，除了按示例质量法等处罚以外，还有什么后果？")
    assert aside.excluded == ("示例质量法",) and "示例质量法" not in aside.text


def test_a_year_of_a_named_texts_own_history_is_in_its_header(data, capsys):
    question = "示例水体防治法2041年那次是修订还是修正？最近一次改动是哪天？"
    pq = read_question(question)
    assert pq.subject_years == () and Ask.CHANGE not in pq.asks  # (when it changed, not what changed)
    out = ask(data, question, capsys)
    assert not out["abstained"], out["answer"]
    assert not out["answer"].startswith("已收录文件中只有"), out["answer"]  # nothing to compare asked
    assert lead(out) == ("示例水体防治法（测试样例）", "header"), out["answer"]
    assert "2041年4月4日" in out["answer"] and "2051年5月5日" in out["answer"], out["answer"]


def test_a_part_naming_texts_by_kind_is_answered_from_that_kind(data, capsys):
    rule = hit("第十六条", "第十六条 示例处理企业应当建立日常环境监测制度。", "r", "示例旧电器处理条例")
    law = hit("第五十六条", "第五十六条 示例垃圾处理单位应当安装监测设备。", "l", "示例固废防治法")
    part = read_question("行政法规对处理企业的环境监测有什么要求？")
    assert named_by(part, [law, rule]) == {"r"}
    question = "我们做示例旧电器拆解，行政法规对处理企业的环境监测有什么要求？示例固废防治法对拆解又有哪些原则性规定？"
    out = ask(data, question, capsys)
    cited = {(c["title"], c["locator"]) for c in out["citations"]}
    assert ("示例旧电器处理条例（测试样例）", "第十六条") in cited, out["answer"]
    assert ("示例固废防治法（测试样例）", "第五十六条") not in cited, out["answer"]


def test_how_much_of_a_measure_the_penalty_stating_its_figure_leads(data, capsys):
    question = "示例排放单位被处罚后仍不改正，下一年度的示例碳配额会被核减多少？"
    m = MEASURE_FIGURE_ASKED.search(question)
    assert m and m.group("verb") == "核减"
    said = measure_figure_said("核减")
    assert said.search(fx.CARBON.split("第二十条 ")[1].split("\n")[0])
    assert not said.search(fx.CARBON.split("第二十一条 ")[1].split("\n")[0])  # (the 一 of 下一年度 is no figure)
    out = ask(data, question, capsys)
    assert lead(out) == ("示例碳配额管理条例（测试样例）", "第二十条"), out["answer"]
    assert "30%至60%" in out["answer"].split("\n")[0], out["answer"]


def test_words_of_askers_and_of_english_questions():
    assert "检举" in legal_words("发现企业违规，普通人能不能举报？")
    terms = read_question("If a firm builds a grid-connected power plant fired by coal gangue or waste heat, "
                          "must the grid company buy all of the electricity it feeds into the grid?").legal_terms
    assert {"煤矸石", "余热", "并网", "全额收购"} <= set(terms)
