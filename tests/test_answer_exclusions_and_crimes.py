"""What a rule does not reach, and criminal liability — found on the dev31 question set once it was
read; on invented texts (tests/fixtures_exclusions_and_crimes.py), through `python -m kb ask --json`:

- 哪些请求不受…时效的限制 is answered by the list the text sets apart (下列请求权不适用…), not by the
  list of what stops the period for a while (kb.answers.leads.exclusion_lead); 时效的限制 asks no
  length (kb.question.kinds);
- 要承担什么刑事责任 is answered by the passage imposing a sentence, not by the administrative fine
  whose text only says 构成犯罪的，依法追究刑事责任 (kb.answers.penalty_leads.criminal_lead).
"""
from __future__ import annotations

import fixtures_exclusions_and_crimes as fx
import pytest
from kb_cli import ask, index, lead


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return index(tmp_path_factory, "exclusions_and_crimes", fx.write_corpus)


def test_the_list_set_apart_answers_what_is_not_reached(data, capsys):
    out = ask(data, "哪些请求不受示例时效的限制？", capsys)
    assert not out["abstained"] and lead(out)[1] == "第四条", out["answer"]
    assert "赡养费" in out["answer"], out["answer"]


def test_a_sentence_answers_criminal_liability(data, capsys):
    out = ask(data, "环评机构的人故意出具虚假的环评文件，情节严重的，要承担什么刑事责任？", capsys)
    assert not out["abstained"], out["answer"]
    assert lead(out) == ("示例中介犯罪惩治规定（测试样例）", "第二条"), out["answer"]
    assert "五年以下有期徒刑" in out["answer"], out["answer"]


def test_the_limitation_not_applying_asks_no_length():
    from kb.question.kinds import Ask, asks_of
    assert Ask.NUMERIC not in asks_of("哪些请求不受诉讼时效的限制？")
    assert Ask.NUMERIC in asks_of("诉讼时效是几年？")
