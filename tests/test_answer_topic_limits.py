"""A limit asked of a thing set first, before a comma — found on the dev28 and dev30 question sets
once they were read; on an invented text (tests/fixtures_topic_limits.py), through
`python -m kb ask --json`:

- 代理机构给业务员的佣金，最高不能超过百分之几 asks the commission's cap: a passage capping another thing
  (赔付责任…实缴资本的百分之十) does not state it, and the rule on commissions caps nothing, so the
  answer refuses (kb.question.figures.measured_named reads the thing before the comma);
- the same question of the fee the text does cap is answered from that article.
"""
from __future__ import annotations

import fixtures_topic_limits as fx
import pytest
from kb_cli import ask, index, lead


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return index(tmp_path_factory, "topic_limits", fx.write_corpus)


def test_a_cap_of_another_thing_does_not_answer_the_commissions_cap(data, capsys):
    out = ask(data, "代理机构给业务员的佣金，最高不能超过百分之几？", capsys)
    assert out["abstained"], out["answer"]
    assert "百分之十" not in out["answer"].split("以下是最接近的段落")[0], out["answer"]


def test_the_capped_fee_is_answered(data, capsys):
    out = ask(data, "代理机构向委托人收的服务费，最高不能超过委托金额的百分之几？", capsys)
    assert not out["abstained"] and lead(out)[1] == "第四条", out["answer"]
    assert "百分之三" in out["answer"], out["answer"]


@pytest.mark.parametrize("question, thing", [
    ("代理机构给业务员的佣金，最高不能超过百分之几？", "佣金"),
    ("平台向商户收的手续费，费率最高不能超过多少？", "手续费"),
    # a thing named after the comma is that clause's own (not 代理机构, set first without 的)
    ("想设立一家代理机构，注册资本最少要多少？", "注册资本"),
])
def test_the_thing_before_the_comma_is_read(question, thing):
    from kb.question.figures import measured_named
    assert measured_named(question) == thing
