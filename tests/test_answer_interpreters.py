"""Who interprets a text, and an English question naming a wall — found on the dev30 question set
once it was read; on invented texts (tests/fixtures_interpreters.py), through `python -m kb ask --json`:

- 《X》由哪些部门负责解释 is answered by X's closing clause (本规定由…负责解释), not by the article on
  who supervises what X governs (kb.answers.leads.interpreter_lead, for who-questions only);
- a text without such a clause (the city-wall rule) names no interpreter: the answer says so
  instead of quoting another article (kb.answers.interpreter);
- an English question naming the Great Wall reads 长城 through its gloss (kb.question.english); the
  city-wall rule beside it is a distractor.
"""
from __future__ import annotations

import pytest

import fixtures_interpreters as fx
from kb_cli import ask, index, lead


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return index(tmp_path_factory, "interpreters", fx.write_corpus)


@pytest.mark.parametrize("question", ["《示例推荐算法服务管理规定》由哪些部门负责解释？",
                                      "推荐算法服务管理规定的解释权归谁？由哪个部门解释？"])
def test_the_interpretation_clause_answers_who_interprets(data, capsys, question):
    out = ask(data, question, capsys)
    assert not out["abstained"] and lead(out)[1] == "第四条", out["answer"]
    assert "示例省网信办" in out["answer"], out["answer"]


@pytest.mark.parametrize("question", ["《示例古城墙保护条例》由哪个部门负责解释？", "示例古城墙保护条例的解释权归谁？"])
def test_a_text_without_an_interpretation_clause_names_no_interpreter(data, capsys, question):
    out = ask(data, question, capsys)
    assert out["abstained"], out["answer"]
    assert "没有规定由哪个部门负责解释" in out["answer"], out["answer"]


def test_great_wall_is_glossed():
    from kb.question.english import gloss
    assert "长城" in gloss("When was the regulation protecting the Great Wall adopted?")[1]
