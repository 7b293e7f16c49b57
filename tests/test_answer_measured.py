"""A figure is of something: a sentence states the figure asked only if it names that thing
(kb.question.figures.measured_named, kb.answers.figure_stated.states_figure). Found on the dev19 question
set once it was read; each on invented regulations (tests/fixtures_measured.py), through
`python -m kb ask --json`:

- a deposit asked (交多少营业保证金), where the text sizes only the registered capital;
- the lowest speed asked, where the text gives a distance and a highest speed only;
- dust per cubic metre in a 100级 zone, where the only number is the 100 the question gives itself;
- how many penalty points (扣满多少分), where the text counts none.

The same texts still answer what they do state, asked the same way — and a fee asked with its verb
(超过开工日期多久要交闲置费), which was refused for the verb taken into the fee's name.
"""
from __future__ import annotations

import pytest

import fixtures_measured as fx
from kb_cli import ask, index, lead


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return index(tmp_path_factory, "measured", fx.write_corpus)


@pytest.mark.parametrize("question, reason", [
    ("开一家货运代理公司要交多少营业保证金？", "没有规定具体数额"),
    ("高速公路上的最低车速是多少？", "没有规定具体数值"),
    ("制剂室的100级洁净区，每立方米空气允许的尘粒数上限是多少？", "没有规定具体数值"),
    ("驾照一个周期里扣满多少分会被扣证？", "没有规定具体数值"),
])
def test_a_figure_of_a_thing_the_texts_never_count_is_refused(data, capsys, question, reason):
    out = ask(data, question, capsys)
    assert out["abstained"] and reason in out["answer"], out["answer"]


@pytest.mark.parametrize("question, locator, figure", [
    ("开一家货运代理公司，注册资本最低要多少？", "第二条", "三百万元"),
    ("高速公路上最高车速是多少？", "第三条", "一百一十公里"),
    ("制剂室的洁净室照度至少要多少？", "第四条", "２８０勒克斯"),
    ("拿了出让地一直不动工，超过约定开工日期多久要交闲置费、最多交多少？", "第二条", "百分之十五"),
])
def test_the_figure_of_a_thing_the_texts_count_is_answered(data, capsys, question, locator, figure):
    out = ask(data, question, capsys)
    assert not out["abstained"], out["answer"]
    assert lead(out)[1] == locator and figure in out["answer"], out["answer"]
