"""Two sides of one text, a kind set aside, and English words for works near a cable — found on the
dev27 question set once it was read; on invented texts (tests/fixtures_sides_and_kinds.py), through
`python -m kb ask --json`:

- 入伙以前 dates a debt; it names no earlier version, so A和B…有什么不同 compares two sides of the
  text in force (kb.question.kinds: 以前 / 之前 as a version word only at a clause's head or after 跟/与/比);
- a kind the question sets aside (国有重点大型企业（不是金融机构）) keeps a document titled by it
  from leading (kinds.excluded_of, kb.answers.ground.excluded_last);
- digging sand or taking soil near an underground telecommunications cable reads 挖沙取土, 地下电缆 and
  通信线路, not the soil's pollution (kb.question.english).
"""
from __future__ import annotations

import pytest

import fixtures_sides_and_kinds as fx
from kb_cli import ask, index, lead


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return index(tmp_path_factory, "sides_and_kinds", fx.write_corpus)


def test_a_debt_before_joining_is_no_earlier_version(data, capsys):
    out = ask(data, "新入伙的普通合伙人和新入伙的有限合伙人，对入伙以前商号欠下的债，责任有什么不同？", capsys)
    assert not out["abstained"] and "无法逐条比较" not in out["answer"], out["answer"]
    assert {c["locator"] for c in out["citations"]} >= {"第一条", "第二条"}, out["citations"]


def test_an_earlier_version_is_still_asked_at_the_head_of_a_clause():
    from kb.question.reading import read_question
    assert read_question("跟以前的《示例噪声条例》比，罚款有什么不同？").other_versions
    assert not read_question("入伙以前的债务，普通合伙人和有限合伙人责任有什么不同？").other_versions


def test_a_kind_set_aside_does_not_lead(data, capsys):
    out = ask(data, "省里派到重点大型企业（不是金融机构）的监事会，一年定期检查几次？", capsys)
    assert not out["abstained"] and lead(out) == ("示例国有企业监事会条例（测试样例）", "第二条"), out["answer"]
    assert "1至2次" in out["answer"], out["answer"]


def test_without_the_aside_the_words_decide(data, capsys):
    out = ask(data, "省里派到重点金融机构的监事会，一年定期检查几次？", capsys)
    assert not out["abstained"] and lead(out) == ("示例重点金融机构监事会条例（测试样例）", "第二条"), out["answer"]


@pytest.mark.parametrize("question", [
    "How close to an underground telecommunications cable is it forbidden to put up a shed, "
    "and within what distance is digging sand or taking soil banned?",
])
def test_works_near_a_cable_in_english(data, capsys, question):
    out = ask(data, question, capsys)
    assert not out["abstained"] and lead(out) == ("示例通信线路保护规定（测试样例）", "第二条"), out["answer"]
    assert "各一米" in out["answer"] and "各三米" in out["answer"], out["answer"]
