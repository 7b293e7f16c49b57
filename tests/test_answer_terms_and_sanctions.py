"""Figures of the thing asked, the header for who made a text, and the penalty for a conduct —
found on the dev26 question set once it was read; on invented texts
(tests/fixtures_terms_and_sanctions.py), through `python -m kb ask --json`:

- a term asked by its name (租期, 任期) is stated only by a passage naming it — not by the deadline
  of a financial settlement (figures.term_named, figure_stated._names_term);
- a year of the calendar (2012年) is no number of years, and a provision an amendment struck out
  (…（2012年8月27日删除）) is not quoted (figure_stated, kb.text.grammar STRUCK_OUT_RE);
- a certificate's term of validity is stated with 有效期, not by a bar after revocation (吊销…证书未满五年);
- the share asked of a thing (公积金的比例上限) is not a share of another (返还总额不得低于百分之六十)
  (figures.measured_named);
- an English question asking above what value something must be reported asks a figure;
- who approved and who issued a text is read from its header (kb.question.document_asks.ISSUER_ASKED_RE);
- asked the penalty for a conduct, an article collecting fines already imposed (对拒缴…罚款的…划拨)
  does not lead (kb.answers.penalty_leads.sanction_lead).
"""
from __future__ import annotations

import pytest

import fixtures_terms_and_sanctions as fx
from kb_cli import ask, index, lead


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return index(tmp_path_factory, "terms_and_sanctions", fx.write_corpus)


@pytest.mark.parametrize("question, reason", [
    ("公共机构把房子租给外单位，一次租期最长不能超过几年？", "没有规定具体期限"),
    ("公营工厂的厂长每届任期是几年？", "没有规定具体期限"),
    ("拍卖员资格证书的有效期是几年？", "没有规定具体期限"),
    ("农户合作社每年提取公积金的比例上限是多少？", "没有规定具体数值"),
    ("Above what value of overseas financial assets must a resident report them?", "没有规定"),
])
def test_a_figure_of_something_else_is_no_answer(data, capsys, question, reason):
    out = ask(data, question, capsys)
    assert out["abstained"] and reason in out["answer"], out["answer"]


@pytest.mark.parametrize("question, locator, said", [
    ("公共机构出借设备，出借期限最长能到几年？", "第三条", "2年"),
])
def test_the_figure_of_the_thing_named_is_answered(data, capsys, question, locator, said):
    out = ask(data, question, capsys)
    assert not out["abstained"] and lead(out)[1] == locator and said in out["answer"], out["answer"]


def test_a_struck_out_provision_is_not_quoted(data, capsys):
    out = ask(data, "公营工厂是什么性质的单位？", capsys)
    assert not out["abstained"] and lead(out)[1] == "第二条", out["answer"]
    assert "删除" not in out["answer"] and "任期五年" not in out["answer"], out["answer"]


@pytest.mark.parametrize("question", ["对外收支申报办法是经谁批准、由哪家机构发布的？",
                                      "对外收支申报办法当初是经谁批准、由哪个部门发布的？"])
def test_who_approved_and_who_issued_a_text_is_its_header(data, capsys, question):
    out = ask(data, question, capsys)
    assert not out["abstained"] and lead(out)[1] == "header", out["answer"]
    assert "示例省人民政府批准" in out["answer"] and "示例省金融管理局发布" in out["answer"], out["answer"]


def test_the_penalty_for_a_conduct_leads_not_the_collection_of_fines(data, capsys):
    out = ask(data, "零售店不按规定明码标价，价格检查所可以给什么处罚？", capsys)
    assert not out["abstained"] and lead(out)[1] == "第二条", out["answer"]
    assert "五千元以下罚款" in out["answer"], out["answer"]


def test_asked_about_unpaid_fines_the_collection_article_answers(data, capsys):
    out = ask(data, "商店被罚款后拒缴罚款，价格检查所会怎么处理？", capsys)
    assert not out["abstained"] and lead(out)[1] == "第三条", out["answer"]


def test_a_term_is_read_from_a_period_question():
    from kb.question.reading import read_question
    assert read_question("一次租期最长不能超过几年？").term == "租期"
    assert read_question("厂长每届任期是几年？").term == "任期"
    assert read_question("多长期限内办完？").term == ""
    assert read_question("Above what value must assets be reported?").figure
