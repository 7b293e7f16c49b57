"""When, asked precisely: a lead time (要提前多少天申请) is stated only as one (届满45日前), not by a
time within which an authority acts (自受理之日起20个工作日内作出决定); a year asked of a measure (在
哪一年全部实施) only by a year written (2030年前) — kb.question.kinds.ADVANCE_ASKED_RE,
kb.question.figures (figure "year"), kb.answers.figure_stated.states_figure. Found on the dev21 question
set once it was read; on invented regulations (tests/fixtures_when.py), through
`python -m kb ask --json`.
"""
from __future__ import annotations

import pytest

import fixtures_when as fx
from kb_cli import ask, index, lead


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return index(tmp_path_factory, "when", fx.write_corpus)


@pytest.mark.parametrize("question, reason", [
    ("康复器具生产许可证快到期了，延续申请要提前多少天交？", "没有规定具体期限"),
    ("康复器具追溯编码制度要求在哪一年全部实施？", "没有规定具体年份"),
])
def test_a_when_the_texts_do_not_state_is_refused(data, capsys, question, reason):
    out = ask(data, question, capsys)
    assert out["abstained"] and reason in out["answer"], out["answer"]


@pytest.mark.parametrize("question, locator, figure", [
    ("锅炉使用登记证到期想延续，要提前多少天申请？", "第二条", "45日前"),
    ("城区的燃煤锅炉要在哪一年前改造完？", "第三条", "2030年"),
    ("康复器具生产许可申请交上去以后，多少个工作日内给决定？", "第二条", "20个工作日"),
])
def test_a_when_the_texts_state_is_answered(data, capsys, question, locator, figure):
    out = ask(data, question, capsys)
    assert not out["abstained"], out["answer"]
    assert lead(out)[1] == locator and figure in out["answer"], out["answer"]
