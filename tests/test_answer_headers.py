"""Questions answered by a document's promulgation lines (its header, 题注), on invented
regulations (tests/fixtures_headers.py), through `python -m kb ask --json`:

- "from which day does it apply" where the text applies 自公布之日起: the day is the header's
  公布 line, which is quoted beside the clause;
- "when was the current text revised" answered by the last revision line, not the first three;
- "by which decree number" and "which bodies issued it" answered by the header, not by an
  article that names the same bodies;
- "when was it passed, and when did it take effect": the 施行 clause and the header's 通过 line;
- "that rule, who approved it, by whose decree was it issued" (那部规定，是谁批准的): its header.
"""
from __future__ import annotations

import pytest

import fixtures_headers as fx
from kb_cli import ask, index, lead


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return index(tmp_path_factory, "headers", fx.write_corpus)


def test_in_force_from_promulgation_quotes_the_day_of_promulgation(data, capsys):
    out = ask(data, "示例防汛条例是从哪天开始施行的？", capsys)
    assert not out["abstained"], out["answer"]
    assert lead(out) == ("示例防汛条例（测试样例）", "第五条"), out["answer"]
    headers = [c for c in out["citations"] if c["locator"] == "header"]
    assert headers and "2011年3月20日" in headers[0]["quote"], out["answer"]
    assert "2011年3月20日" in out["answer"]


def test_a_clause_with_its_own_date_needs_no_header(data, capsys):
    out = ask(data, "示例粮库法从哪天开始施行？", capsys)
    assert lead(out) == ("示例粮库法（测试样例）", "第五条"), out["answer"]
    assert "2022年6月1日" in out["answer"]
    assert all(c["locator"] != "header" for c in out["citations"]), out["answer"]


def test_the_current_texts_revision_is_the_last_header_line(data, capsys):
    out = ask(data, "现行的示例粮库法是哪天修订通过的？", capsys)
    assert not out["abstained"], out["answer"]
    assert "2022年4月9日" in out["answer"], out["answer"]
    out = ask(data, "现行的示例粮库法是哪天修订通过的？又是从哪天起开始施行的？", capsys)
    assert "2022年4月9日" in out["answer"] and "2022年6月1日" in out["answer"], out["answer"]


def test_the_decree_number_of_the_current_revision(data, capsys):
    out = ask(data, "现行的示例粮库法是哪一号令修订的？", capsys)
    assert lead(out) == ("示例粮库法（测试样例）", "header"), out["answer"]
    assert "第77号" in out["answer"], out["answer"]


def test_which_bodies_issued_a_rule_is_its_header(data, capsys):
    out = ask(data, "示例进口办法是由哪些部门联合发布的？", capsys)
    assert lead(out) == ("示例进口办法（测试样例）", "header"), out["answer"]
    assert "示例海关署第6号令" in out["answer"], out["answer"]


def test_passed_when_and_in_force_when_quotes_both(data, capsys):
    # the 施行 clause leads; the day it was passed is in the header, quoted beside it
    out = ask(data, "示例购置税法是哪天通过的，什么时候开始施行？", capsys)
    assert not out["abstained"], out["answer"]
    assert "2018年9月1日" in out["answer"] and "2017年11月3日" in out["answer"], out["answer"]


def test_who_approved_that_rule_and_by_whose_decree_is_its_header(data, capsys):
    out = ask(data, "航空搜救的那部规定是谁批准的？", capsys)
    assert lead(out) == ("示例航空搜救规定（测试样例）", "header"), out["answer"]
    assert "示例国务院批准" in out["answer"], out["answer"]
    out = ask(data, "航空搜救的那部规定，是谁批准的？又是以哪个部门的令发布的？", capsys)
    assert lead(out) == ("示例航空搜救规定（测试样例）", "header"), out["answer"]
    assert "示例国务院批准" in out["answer"] and "示例民航总署令第117号" in out["answer"], out["answer"]
