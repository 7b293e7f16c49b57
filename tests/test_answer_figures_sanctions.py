"""Kinds of wrong answer found on the dev16 question set once it was read, each on invented
regulations (tests/fixtures_figures_sanctions.py), through `python -m kb ask --json`:

- what happens to a farm that left too much timber on a logged site, where the article that
  answers takes away the permit and stops the logging but fines nobody: the answer led with a
  neighbouring article whose 责令 looked more like a penalty;
- at what share of the investment a design fee is charged, answered with the share of the fee
  that a penalty for subcontracting fines (…设计费百分之二十以上百分之四十以下的罚款);
- in English, within how many days a fine may be contested, read as a question about the fine's
  sum (fine + how many) and refused as "no sum stated";
- in English, how much compensation per mu is paid for farmland, read as no sum asked and
  answered with a slope in 度.
"""
from __future__ import annotations

import pytest

import fixtures_figures_sanctions as fx
from kb_cli import ask, index, lead


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return index(tmp_path_factory, "figures_sanctions", fx.write_corpus)


def test_a_sanction_without_a_fine_leads_a_penalty_answer(data, capsys):
    out = ask(data, "林场在采伐迹地上扔下的木材太多，检查后两个月还没纠正，会有什么后果？", capsys)
    assert not out["abstained"], out["answer"]
    assert lead(out) == ("示例林场作业办法（测试样例）", "第五条"), out["answer"]
    assert "收缴其采伐许可证" in out["answer"].split("\n")[0]


def test_a_share_in_a_fine_is_not_the_share_a_fee_is_charged_at(data, capsys):
    out = ask(data, "工程设计费按工程投资额的多少比例收取？", capsys)
    assert out["abstained"] and "没有规定具体比例" in out["answer"], out["answer"]


def test_the_fine_itself_still_answers_a_penalty_asked_as_a_share(data, capsys):
    out = ask(data, "设计单位把设计任务转包出去，按设计费的多少比例罚款？", capsys)
    assert not out["abstained"], out["answer"]
    assert lead(out) == ("示例勘测设计条例（测试样例）", "第四条"), out["answer"]


def test_a_clause_naming_a_fine_may_still_state_a_period(data, capsys):
    # (not every clause that names a fine sizes one: 接到罚款通知书之日起十五日内 is the time to contest it)
    out = ask(data, "对示例民航局的适航罚单不服，几天之内能提请复议？", capsys)
    assert not out["abstained"], out["answer"]
    assert lead(out) == ("示例航空器适航规定（测试样例）", "第二条"), out["answer"]
    assert "十五日内" in out["answer"]


def test_days_to_contest_a_fine_asked_in_english_are_a_period(data, capsys):
    out = ask(data, "If I disagree with a fine imposed by the port quarantine office, within how many days "
                    "can I apply for reconsideration?", capsys)
    assert not out["abstained"], out["answer"]
    assert lead(out) == ("示例口岸检疫处罚规定（测试样例）", "第二条"), out["answer"]
    assert "二十日内" in out["answer"]


def test_compensation_per_mu_asked_in_english_is_a_sum(data, capsys):
    out = ask(data, "How much land compensation per mu is paid for farmland taken by a reservoir project?", capsys)
    assert out["abstained"] and "没有规定具体数额" in out["answer"], out["answer"]
