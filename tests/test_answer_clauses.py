"""Clauses that only read with others, and questions that name a rate or a bribe in passing. Found on
the dev21 question set once it was read; on invented regulations (tests/fixtures_clauses.py), through
`python -m kb ask --json`:

- a graver tier of a sanction (情节严重的，处…) is quoted with the clauses of its sentence before it
  — who sanctions, the warning, the first fine — and the answer leads with the sentence's start
  (kb.answers.quoting.tier_base);
- an article that says another may not be used for some people (不得依据本规定第五条…解除) is
  quoted beside it (extractive.restricting);
- 不享受 answers a yes/no question (还能休…吗): the list of who does not enjoy the leave leads, not a
  neighbouring 可以 (kb.answers.scoring CUE_PATTERNS);
- a rule asked about rates (适用规则有什么不同) asks no figure, and is not refused for want of one
  (kb.question.figures.figure_of);
- a bribe in everyday words (给医生塞钱) finds the article on 财物 and 回扣 (kb.question.lexicon_data);
- whether a named tax is owed (能免车辆购置税吗) is answered only by a passage of that tax, not by
  another tax's exemption (kb.question.figures.tax_named, kb.answers.abstain.decide).
"""
from __future__ import annotations

import pytest

import fixtures_clauses as fx
from kb_cli import ask, index, lead


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return index(tmp_path_factory, "clauses", fx.write_corpus)


def test_a_graver_tier_is_quoted_after_the_start_of_its_sentence(data, capsys):
    out = ask(data, "诊所把一次性的器具消毒后反复给病人用，卫生部门能怎么处理？", capsys)
    assert not out["abstained"], out["answer"]
    first_line = out["answer"].splitlines()[0]
    assert lead(out)[1] == "第九条" and "予以警告" in first_line, out["answer"]
    assert "2万元以上6万元以下" in out["answer"] and "6万元以上20万元以下" in out["answer"], out["answer"]


def test_an_article_barring_the_leads_use_is_quoted_beside_it(data, capsys):
    out = ask(data, "女员工怀孕了，单位能不能以她不胜任工作为由，提前一个月通知解除合同？", capsys)
    assert not out["abstained"], out["answer"]
    assert lead(out)[1] == "第五条", out["answer"]
    assert "第八条" in {c["locator"] for c in out["citations"]} and "孕期" in out["answer"], out["answer"]


def test_not_enjoying_a_right_answers_whether_one_still_may(data, capsys):
    out = ask(data, "员工今年请了两个半月病假，今年还能休带薪休养假吗？", capsys)
    assert not out["abstained"], out["answer"]
    assert lead(out)[1] == "第十二条" and "不享受" in out["answer"].splitlines()[0], out["answer"]


def test_a_rule_about_rates_is_not_refused_for_want_of_a_figure(data, capsys):
    out = ask(data, "一批货适用甲类税率，另一批适用乙类税率，两者都设了临时税率时，适用规则有什么不同？", capsys)
    assert not out["abstained"], out["answer"]
    assert lead(out)[1] == "第四条" and "从低适用税率" in out["answer"], out["answer"]


def test_a_bribe_in_everyday_words(data, capsys):
    out = ask(data, "医药代表给医院医生塞钱，让他们多开我们的药，公司会被怎么罚？", capsys)
    assert not out["abstained"], out["answer"]
    assert lead(out)[1] == "第五条" and "十五万元以上一百万元以下" in out["answer"], out["answer"]


def test_whether_a_tax_is_owed_is_answered_by_that_tax_only(data, capsys):
    out = ask(data, "买纯电动汽车能免车辆购置税吗？", capsys)
    assert out["abstained"] and "没有涉及车辆购置税" in out["answer"], out["answer"]
    out = ask(data, "出口的货因为质量问题被退回来，原样复运进境要不要再交进口关税？", capsys)
    assert not out["abstained"], out["answer"]
    assert lead(out)[1] == "第七条" and "不征收进口关税" in out["answer"], out["answer"]
