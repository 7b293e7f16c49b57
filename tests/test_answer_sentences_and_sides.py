"""Prison terms, criminal fines, fines sized apart and the two sides of a comparison — found on the
dev31 question set once it was read; on invented texts (tests/fixtures_sentences_and_sides.py),
through `python -m kb ask --json`:

- 最重会判几年, 判多重, 会被判刑吗 ask a penalty (kb.question.kinds), and 数额巨大 is a condition of
  the conduct, not a sum asked (kb.question.figures): the prison term answers;
- a prison term is no keeping period, and an administrative fine (罚款) no criminal fine (罚金)
  (kb.answers.figure_stated): asked those, the texts say nothing and the answer refuses;
- a penalty that fines without a sum, in a text sizing its fines in an article of their own, is
  answered with that article too (kb.answers.fine_schedule);
- 法定区间 is a generic word for the range asked, not a thing a passage must name;
- two sides compared, each asking a time limit: a quote naming one side without its limit does not
  answer it, the side's own article does (kb.answers.extractive._part_lines).
"""
from __future__ import annotations

import fixtures_sentences_and_sides as fx
import pytest
from kb_cli import ask, index, lead


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return index(tmp_path_factory, "sentences_and_sides", fx.write_corpus)


def test_a_prison_term_asked_is_answered(data, capsys):
    out = ask(data, "没经许可复制别人的示例软件拿去卖，违法获利数额巨大的，最重会判几年？", capsys)
    assert not out["abstained"] and lead(out)[1] == "第二条", out["answer"]
    assert "三年以上七年以下有期徒刑" in out["answer"], out["answer"]


@pytest.mark.parametrize("question", ["示例账簿至少要保管多少年？", "单位犯示例排污罪，罚金数额最高是多少？",
                                      "造成示例排污事故的单位，最高判多少罚金？"])
def test_a_prison_term_or_an_administrative_fine_does_not_answer(data, capsys, question):
    out = ask(data, question, capsys)
    assert out["abstained"], out["answer"]


def test_fines_sized_in_their_own_article(data, capsys):
    out = ask(data, "仲裁时对方公司伪造了重要证据，仲裁庭能对这家公司罚多少钱？", capsys)
    assert not out["abstained"] and lead(out)[1] == "第二条", out["answer"]
    assert "五千元以上五万元以下" in out["answer"], out["answer"]
    assert "第三条" in [c["locator"] for c in out["citations"]], out["answer"]


def test_a_statutory_range_is_no_thing_of_its_own(data, capsys):
    out = ask(data, "实际损失算不清的时候，法院判赔的法定区间是多少？", capsys)
    assert not out["abstained"] and lead(out)[1] == "第三条", out["answer"]
    assert "五百元以上五十万元以下" in out["answer"], out["answer"]


def test_each_side_gets_its_own_time_limit(data, capsys):
    out = ask(data, "案件走普通程序和走简易程序，审理期限分别是多久？", capsys)
    assert not out["abstained"], out["answer"]
    assert "六个月" in out["answer"] and "三个月" in out["answer"], out["answer"]


def test_criminal_sentences_are_penalties_and_large_sums_are_conditions():
    from kb.question.figures import figure_of
    from kb.question.kinds import Ask, asks_of
    assert Ask.PENALTY in asks_of("放贷数额巨大，会被判刑吗？判多重？")
    assert Ask.AMOUNT not in asks_of("违法所得数额巨大的，最重会判几年？")
    assert figure_of("违法所得数额巨大的，最重会判几年？") == "period"
