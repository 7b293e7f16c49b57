"""Comparisons asked in one sentence, and a question asking "who" twice, on invented regulations
(tests/fixtures_comparisons.py), through `python -m kb ask --json` — kinds of wrong answer found on
the dev16 question set once it was read:

- the measures for one zone compared with another's (对受威胁区…和对疫点…有什么不同) were answered by
  the article that only names the zones; the article of each zone was never quoted;
- one misconduct compared across two kinds of firm, each punished by its own document, was
  answered from one document only;
- "is it a major outbreak, who decides? and who announces it?" was answered for the second part
  only: the first part's yes/no made 应当 / 不得 outweigh the authority asked.
"""
from __future__ import annotations

import pytest

import fixtures_comparisons as fx
from kb_cli import ask, index


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return index(tmp_path_factory, "comparisons", fx.write_corpus)


def cited(out: dict) -> set[tuple[str, str]]:
    return {(c["title"], c["locator"]) for c in out["citations"]}


OUTBREAK = "示例畜禽疫情处置条例（测试样例）"


def test_each_side_of_a_comparison_is_quoted(data, capsys):
    out = ask(data, "重大畜禽疫情中，对受威胁区采取的措施和对疫点采取的措施有什么不同？", capsys)
    assert not out["abstained"], out["answer"]
    assert {(OUTBREAK, "第三条"), (OUTBREAK, "第四条")} <= cited(out), out["answer"]
    assert "紧急免疫接种" in out["answer"] and "扑杀并销毁" in out["answer"]


def test_each_side_may_be_another_documents(data, capsys):
    out = ask(data, "设计院超越资质等级承揽设计任务，和规划编制单位超越资质承揽规划编制，罚款计算有什么不同？", capsys)
    assert not out["abstained"], out["answer"]
    assert {("示例工程设计管理条例（测试样例）", "第三条"), ("示例城乡规划编制办法（测试样例）", "第二条")} <= cited(out), \
        out["answer"]


def test_a_yes_no_beside_who_decides_leaves_the_authority_to_answer(data, capsys):
    out = ask(data, "一场疫情算不算重大畜禽疫情，由谁认定？最后由谁对外公布？", capsys)
    assert not out["abstained"], out["answer"]
    assert {(OUTBREAK, "第五条"), (OUTBREAK, "第六条")} <= cited(out), out["answer"]
