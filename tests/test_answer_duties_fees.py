"""A duty of an operator outside energy and pollution, and a fee set as a share of output, on
invented regulations (tests/fixtures_duties_fees.py), through `python -m kb ask --json` — kinds of
wrong answer found on the dev18 question set once it was read:

- what happens to a telecoms operator that breaks its duty was answered with the duty alone: the
  duties register knew no 经营者 as a party, so the penalty naming the duty's article was never
  linked to it;
- how much a fishery fee is a year was refused as "no sum stated", though the text sets it as a
  share of the catch's output value (百分之三至百分之五).
"""
from __future__ import annotations

import pytest

import fixtures_duties_fees as fx
from kb_cli import ask, index


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return index(tmp_path_factory, "duties_fees", fx.write_corpus)


def test_the_penalty_enforcing_an_operators_duty_is_quoted(data, capsys):
    out = ask(data, "通信公司不给老年人提供语音播报、大字或人工服务，管理部门能怎么处理？", capsys)
    assert not out["abstained"], out["answer"]
    cited = {(c["title"], c["locator"]) for c in out["citations"]}
    assert ("示例无障碍服务条例（测试样例）", "第四条") in cited, out["answer"]
    assert "一万元以上十万元以下" in out["answer"]


def test_a_fee_set_as_a_share_of_output_answers_how_much(data, capsys):
    out = ask(data, "专门捕捞经济价值高的品种，渔业资源费一年收多少？", capsys)
    assert not out["abstained"], out["answer"]
    assert "百分之三至百分之五" in out["answer"]
