"""Near misses that were answered, found on the dev17 question set once it was read, each on
invented regulations (tests/fixtures_refusals.py), through `python -m kb ask --json`. Each must be
refused with the reason:

- a local regulation named by its title without 《》 (按照上海市物业管理条例…), none of that place
  indexed: answered from the national text with a note, as if the question had only named a place;
- what a catalogue lists something as (名录里被列为第几类), answered with who makes the catalogue;
- the amount of one tax (耕地占用税每平方米交多少), answered with another tax's rates per square metre;
- the standard a fee is charged by (引航费按什么标准收), answered with the definitions article;
- in English, how many years of protection, answered with a deadline of seven days.
"""
from __future__ import annotations

import pytest

import fixtures_refusals as fx
from kb_cli import ask, index


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return index(tmp_path_factory, "refusals", fx.write_corpus)


@pytest.mark.parametrize("question, reason", [
    ("按照上海市物业管理条例，业主大会会议要多少业主参加才能开？", "上海"),
    ("某种病毒在人间传染的病原微生物名录里被列为第几类？", "目录本身没有收录"),
    ("占用耕地建厂房，耕地占用税每平方米要交多少？", "没有规定具体数额"),
    ("国际航行船舶进出示例港口，引航费按什么标准收？", "没有规定具体数额"),
    ("How many years of protection does a layout design enjoy after it is registered?", "没有规定具体期限"),
])
def test_a_near_miss_is_refused_with_its_reason(data, capsys, question, reason):
    out = ask(data, question, capsys)
    assert out["abstained"] and reason in out["answer"], out["answer"]
