"""Questions read once more — found on dev53's misses; on invented texts (tests/fixtures_read_dev53.py),
through `python -m kb ask --json` where the whole answer shows it:

- a pollution's field said without 国家 (接到水污染方面的违法举报) names its prevention law;
- someone's deed, then 依法该怎么处理, asks its penalty;
- who is in charge (由哪一级政府负责监管) is answered by the article in which a government 加强对…的监督管理
  of the very thing asked, over a list of departments' duties;
- 核对它是否写进了哪些法定内容 asks which things (a list), not whether; 法定 qualifies 内容 and names no
  kind; 报告书，应当包括下列内容 introduces the list of the topic's 内容;
- a first part naming no text, before a part that names one (…归哪个部门审批？固废法对这张许可证又是怎么
  规定的？), is answered from whichever text search found for it;
- 2041年新出台的…法 names a text by its year, not a year the texts must be about;
- an English word glossed in brackets (the minimum (floor) price) is read as part of its phrase.
"""
from __future__ import annotations

import fixtures_read_dev53 as fx
import pytest
from kb_cli import ask, files_writer, index, lead

from kb.answers.list_leads import listed_nouns
from kb.question.kinds import Ask
from kb.question.reading import read_question
from kb.question.versions_asked import subject_years

BASIC, WATER, SEA = "示例环境基本法（测试样例）", "示例水污染防治法（测试样例）", "示例海域保护法（测试样例）"


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return index(tmp_path_factory, "read_dev53", files_writer(fx.FILES))


def test_a_pollution_field_names_its_prevention_law(data, capsys):
    out = ask(data, "示例主管部门接到示例水污染方面的违法举报却不去查处，相关人员会被追究什么责任？", capsys)
    assert lead(out) == (WATER, "第三条"), out["answer"]


def test_someone_s_deed_then_how_it_is_dealt_with_asks_its_penalty(data, capsys):
    question = "有人新建不符合产业政策的小型示例冶炼厂、示例电镀厂，依法该怎么处理？"
    assert Ask.PENALTY in read_question(question).asks
    out = ask(data, question, capsys)
    assert lead(out) == (WATER, "第四条") and "责令关闭" in out["answer"], out["answer"]


def test_who_watches_over_the_thing_asked_leads_over_a_list_of_duties(data, capsys):
    out = ask(data, "示例红线范围内的人类活动，由哪一级政府负责监管？", capsys)
    assert lead(out) == (SEA, "第三条"), out["answer"]


def test_whether_it_holds_which_things_asks_for_the_list(data, capsys):
    assert listed_nouns("要核对它是否写进了哪些法定内容？") == ()
    out = ask(data, "审查示例建设项目的环评报告书时，要核对它是否写进了哪些法定内容？", capsys)
    assert lead(out) == ("示例建设项目环保条例（测试样例）", "第二条"), out["answer"]
    assert "示例建设项目概况" in out["answer"]


def test_a_part_naming_no_text_before_one_naming_a_text_is_answered_from_its_own_text(data, capsys):
    out = ask(data, "我们打算开一家示例危废处置公司，经营许可证归哪个部门审批发放？示例固废法对这张许可证又是怎么规定的？",
              capsys)
    assert "审批颁发" in out["answer"], out["answer"]
    assert {c["title"] for c in out["citations"]} >= {"示例危废经营许可办法（测试样例）", "示例固废法（测试样例）"}


def test_what_a_question_asks_read_from_its_wording():
    assert subject_years("旧的示例噪声法和2041年新出台的示例噪声防治法，在纳入规划这件事上有什么变化？") == []
    assert subject_years("2041年示例地区的噪声投诉有多少件？") == ["2041"]
    floor = read_question("What is the minimum (floor) price for example allowances under the interim regulation?")
    assert floor.figure == "amount"
