"""A penalty question whose best passage is the rule the conduct breaks, where the duties
register links that rule to no penalty — its subject is no party the register reads (a
foreigner, a vehicle) and the penalty names no article: the answer leads with the penalty of the
same document whose conduct says the rule's sentence (kb.answers.duty_answers.penalty_by_conduct),
and cites the rule after it. Found on the dev19 question set once it was read; on invented
regulations (tests/fixtures_conduct_penalties.py), through `python -m kb ask --json`.

A clause of the 法律责任 chapter that sanctions nothing (没收的货物由…统一处理) is no penalty to lead
with, though the register links it to a duty of the rule.

Asked in everyday words (没经过批准就…，怎么处理) or in English (what happens if …), the question is
read as asking a penalty at all.
"""
from __future__ import annotations

import pytest

import fixtures_conduct_penalties as fx
from kb_cli import ask, index, lead


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return index(tmp_path_factory, "conduct_penalties", fx.write_corpus)


@pytest.mark.parametrize("question, title, locator, sanction", [
    ("外国摄制组没经过批准就在野外拍摄重点保护的珍禽，怎么处理？", "示例珍禽保护实施条例（测试样例）", "第四条", "三万元以下罚款"),
    # the question's words are the rule's (证书上没允许的活), not the penalty's
    ("飞机有适航证，但我们拿它去干证书上没允许的活，会怎么处理？", "示例航空器适航条例（测试样例）", "第四条", "二万元以下罚款"),
    ("仓库里放着海关监管货物，员工没经许可就拆开提取了，会怎么罚？", "示例关务法（测试样例）", "第三条", "可以处以罚款"),
    ("What happens if someone drives a car that has reached the scrapping standard on public roads?",
     "示例道路车辆条例（测试样例）", "第三条", "三百元以上一千五百元以下罚款"),
])
def test_the_penalty_for_breaking_a_rule_leads(data, capsys, question, title, locator, sanction):
    out = ask(data, question, capsys)
    assert not out["abstained"], out["answer"]
    assert lead(out) == (title, locator) and sanction in out["answer"], out["answer"]
