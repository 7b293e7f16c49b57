"""Questions read once more — found on dev48's misses; on invented texts
(tests/fixtures_read_dev48.py), through `python -m kb ask --json` where the whole answer shows it:

- the scene the asker sets (我们在示例海湾做倾倒作业) is not the conduct when a later clause says the
  wrong done (倾倒费一直没交): the penalty for that wrong leads;
- 多长时间内不能重新申请 after a wrong asks a sanction's term: the penalty barring the wrongdoer;
- 要马上做什么: a duty asked — an article binding the asker (应当立即…) over a power of the authorities;
- the days of a detention a penalty leaves to another indexed law (…的规定处以拘留): that law's
  article setting them leads;
- 按什么原则: the article naming the principle;
- a city's rules implementing a law, named as said (示例市实施示例节能法的办法);
- 比2040年下降多少 asks a share: a passage without one is not an answer; an English surcharge per
  kilowatt-hour is a sum asked;
- words: 运维 → 维护 运营, 网上办 → 在线 信息平台, 马上 → 立即.
"""
from __future__ import annotations

from types import SimpleNamespace

import fixtures_read_dev48 as fx
import pytest
from kb_cli import ask, files_writer, index, lead

from kb.question.aliases import AliasTable
from kb.question.figures import SHARE_UNIT
from kb.question.kinds import Ask
from kb.question.lexicon import legal_words
from kb.question.reading import read_question


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return index(tmp_path_factory, "read_dev48", files_writer(fx.FILES))


def test_the_scene_set_is_not_the_conduct_when_a_later_clause_says_the_wrong(data, capsys):
    question = "我们在示例海湾做倾倒作业，示例倾倒费一直没交，按示例海湾防治法会有什么后果？"
    assert read_question(question).conduct == "示例倾倒费一直没交"
    # (without a wrong said later, the scene stays: it is all the question says)
    assert "示例海湾" in read_question("我们在示例海湾做倾倒作业，按示例海湾防治法会受到什么处罚？").conduct
    out = ask(data, question, capsys)
    assert lead(out) == ("示例海湾防治法（测试样例）", "第五条"), out["answer"]


def test_how_long_one_is_barred_after_a_wrong_is_a_sanction_asked(data, capsys):
    question = "伪造或者转让示例排污证，多长时间内不能重新申请？"
    assert Ask.PENALTY in read_question(question).asks
    out = ask(data, question, capsys)
    assert lead(out) == ("示例排污证条例（测试样例）", "第三条"), out["answer"]
    assert "2年内" in out["answer"]


def test_what_to_do_at_once_is_a_duty_not_a_power_of_the_authorities(data, capsys):
    question = "我们的储罐发生泄漏，可能污染示例海湾，要马上做什么？"
    assert read_question(question).duties_asked
    out = ask(data, question, capsys)
    assert lead(out) == ("示例海湾防治法（测试样例）", "第二条"), out["answer"]


def test_the_days_of_a_detention_left_to_another_law_come_from_that_law(data, capsys):
    out = ask(data, "示例排污单位通过暗管偷排污水，负责人会不会被拘留？会拘留多少天？", capsys)
    assert lead(out) == ("示例环境基本法（测试样例）", "第二条"), out["answer"]
    assert "八日以上十二日以下" in out["answer"] and any(c["locator"] == "第四条" for c in out["citations"])


def test_a_principle_asked_by_name_leads_with_the_article_naming_it(data, capsys):
    out = ask(data, "示例循环发展法要求按什么原则推进示例循环发展？", capsys)
    assert lead(out) == ("示例循环发展法（测试样例）", "第三条"), out["answer"]


def test_a_citys_implementing_rules_named_as_said(data, capsys):
    question = "按示例市实施示例节能法的办法，示例节能专项规划由谁组织编排？"
    titles = [("city", "示例市实施《示例节能法》办法（测试样例）"), ("law", "示例节能法（测试样例）")]
    aliases = AliasTable.build([SimpleNamespace(doc_id=d, title=t) for d, t in titles])
    assert read_question(question, aliases).documents == ("示例市实施示例节能法办法",)
    out = ask(data, question, capsys)
    assert lead(out) == ("示例市实施《示例节能法》办法（测试样例）", "第二条"), out["answer"]


def test_a_change_against_a_base_asks_a_share_and_a_surcharge_a_sum():
    pq = read_question("国家要求到2050年示例工业能耗比2040年下降多少？")
    assert pq.figure_unit == SHARE_UNIT
    assert read_question("示例工业能耗比2040年下降多少吨？").figure_unit != SHARE_UNIT
    english = read_question("What is the current electricity surcharge per kilowatt-hour that users pay?")
    assert english.figure == "amount"


def test_words_users_say():
    assert {"维护", "运营"} <= set(legal_words("第三方运维公司数据造假要担什么责任"))
    assert "在线" in legal_words("申请排污证能不能在网上办")
    assert "在线" not in legal_words("网上买的电饭煲坏了找谁")
    assert "立即" in legal_words("储罐泄漏要马上做什么")
