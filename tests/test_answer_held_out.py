"""Kinds of wrong answer found on the dev13 and dev14 question sets once a newer blind set took
their place, each on invented regulations (tests/fixtures_held_out.py), through
`python -m kb ask --json`:

- what happens to an official who misused funds, asked as 按…怎么处理 (no 会/被), read as no
  question about consequences and answered with the funds' own rule;
- how long a time limit may be extended, where the text states the extension as a share of the
  original limit (原时限的二分之一), refused as "no period stated";
- how soon a review of a finding of fault may be asked (对事故责任认定不服，几天之内…), read as a
  question about liability because of 责任, and answered with what follows the review;
- a period asked in both parts of a two-part question (储存年限是几年？超过几年…？) answered by a
  passage that names the period but states none, because a keeping period stood beside it;
- a question about a kind of product that the text leaves to another document, not indexed (…的
  注册与备案，适用《示例诊断试剂注册办法》), answered with the rule for the other products;
- the conditions a farm must meet (要满足哪些条件) answered by the list of conducts a penalty
  punishes, which names the same certificate;
- a subsidy per unit asked in English (what per-unit subsidy…) read as no figure asked, and answered
  from the rule that the subsidy exists and who sets its level;
- how often something is done (多久要做一次) answered by a deadline to do it once (3个工作日内实施检验);
- which stages (哪几个阶段) answered by an article that enumerates （一）（二）（三） instead of the one
  naming the stages in a sentence (A、B和C三个阶段).
"""
from __future__ import annotations

import pytest

import fixtures_held_out as fx
from kb_cli import ask, index, lead


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return index(tmp_path_factory, "held_out", fx.write_corpus)


def test_how_a_misuse_is_dealt_with_is_its_penalty(data, capsys):
    out = ask(data, "某县农机主管部门挪用了农机购置补贴资金，按示例农机补贴条例怎么处理？", capsys)
    assert not out["abstained"], out["answer"]
    assert lead(out) == ("示例农机补贴条例（测试样例）", "第六条"), out["answer"]
    assert "责令限期归还" in out["answer"]


def test_an_extension_stated_as_a_share_of_the_limit_answers_how_long(data, capsys):
    out = ask(data, "示例器械技术审评遇到特殊情况要延长时限，最多能延长多久？", capsys)
    assert not out["abstained"], out["answer"]
    assert lead(out) == ("示例器械审评办法（测试样例）", "第四条"), out["answer"]
    assert "原时限的二分之一" in out["answer"]


def test_the_time_to_contest_a_finding_of_fault_is_no_question_of_liability(data, capsys):
    out = ask(data, "对交警作出的事故责任认定不服，几天之内可以申请复核？", capsys)
    assert not out["abstained"], out["answer"]
    assert lead(out) == ("示例事故处理规定（测试样例）", "第三条"), out["answer"]
    assert "三日内" in out["answer"]



def test_a_period_asked_twice_and_stated_nowhere_is_refused(data, capsys):
    out = ask(data, "稻谷的正常储存年限是几年？", capsys)
    assert out["abstained"] and "没有规定具体期限" in out["answer"], out["answer"]
    out = ask(data, "稻谷在粮库里的正常储存年限是几年？超过几年就不能卖了？", capsys)
    assert out["abstained"] and "没有规定具体期限" in out["answer"], out["answer"]
    out = ask(data, "粮食经营台账要保存几年？超过正常储存年限的粮食出库前由谁检验？", capsys)
    assert not out["abstained"] and "3年" in out["answer"], out["answer"]



def test_a_subject_left_to_a_document_not_indexed_is_refused(data, capsys):
    out = ask(data, "示例诊断试剂申请第二类注册，技术审评时限是多少天？", capsys)
    assert out["abstained"], out["answer"]
    assert "第五条" in out["answer"] and "没有收录《示例诊断试剂注册办法》" in out["answer"], out["answer"]
    out = ask(data, "第二类示例器械注册申请，技术审评时限是多少天？", capsys)  # the products it does govern
    assert not out["abstained"] and "60日" in out["answer"], out["answer"]


def test_the_conditions_asked_are_not_a_penaltys_list_of_conducts(data, capsys):
    out = ask(data, "新开一个养猪场，要拿动物防疫条件合格证，场子本身要满足哪些条件？", capsys)
    assert not out["abstained"], out["answer"]
    assert lead(out)[1] != "第四条", out["answer"]
    assert lead(out) == ("示例动物防疫条例（测试样例）", "第二条"), out["answer"]


def test_a_per_unit_subsidy_asked_in_english_is_a_figure(data, capsys):
    out = ask(data, "What per-unit subsidy does the state pay farmers who buy farm machinery?", capsys)
    assert out["abstained"] and "没有规定具体数额" in out["answer"], out["answer"]
    out = ask(data, "Who sets the level of the farm machinery purchase subsidy?", capsys)  # that is stated
    assert not out["abstained"] and "第四条" in {c["locator"] for c in out["citations"]}, out["answer"]


def test_how_often_is_not_answered_by_a_deadline(data, capsys):
    out = ask(data, "粮食多久要做一次质量检验？", capsys)
    assert out["abstained"] and "没有规定具体周期" in out["answer"], out["answer"]
    out = ask(data, "储粮设施多久检修一次？", capsys)  # an interval stated
    assert not out["abstained"] and "每年检修一次" in out["answer"], out["answer"]


def test_stages_named_in_one_sentence_are_a_list(data, capsys):
    out = ask(data, "示例转基因生物试验一般要经过哪几个阶段？", capsys)
    assert not out["abstained"], out["answer"]
    assert lead(out) == ("示例转基因试验办法（测试样例）", "第二条"), out["answer"]
