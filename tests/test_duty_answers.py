"""Penalty and duty questions answered through kb.answers.answer.answer over invented documents
(BM25 only): a penalty question leads with the penalty whose conduct it names and cites the duty;
a vague one gets the usual answer; a duty question gets 违反的后果 with its citation."""
from __future__ import annotations

import pytest

from tests.duties_index import CITY, CITY_TITLE, build


@pytest.fixture(scope="module")
def searcher(tmp_path_factory):
    from kb.search.searcher import Searcher
    from kb.settings import load_settings

    return Searcher(load_settings(data_dir=build(tmp_path_factory.mktemp("answers")), embed_model="none"))


def _cited(answer):
    return [(c.hit.file_name, c.hit.locator) for c in answer.citations]


def test_penalty_question_leads_with_the_matching_penalty_and_cites_the_duty(searcher):
    from kb.answers.answer import answer

    a = answer("重点用能单位不报送能源利用状况报告会受到什么处罚？", searcher)
    assert not a.abstained
    assert a.text.startswith(f"依据《{CITY_TITLE}》第九条：")
    assert "处一万元以上三万元以下罚款" in a.text.splitlines()[0]
    assert _cited(a)[:2] == [(CITY, "第九条"), (CITY, "第三条")]
    assert "该条处罚的是违反以下义务的行为" in a.text

    b = answer("用能单位没有配备能源计量器具，会被怎么处罚？", searcher)
    assert b.text.startswith(f"依据《{CITY_TITLE}》第十一条：") and (CITY, "第四条") in _cited(b)


def test_a_vague_penalty_question_gets_the_usual_answer(searcher):
    from kb.answers.duty_answers import penalty_answer
    from kb.answers.catalog import catalog_of

    pq = searcher.read("违反示例市节能条例要承担什么法律责任？")
    hits = searcher.search(pq, k=8)
    assert penalty_answer(pq, hits, catalog_of(searcher), []) is None


def test_duty_question_gets_the_consequence(searcher):
    from kb.answers.answer import answer

    a = answer("重点用能单位每年什么时候报送能源利用状况报告？", searcher)
    lines = [ln for ln in a.text.splitlines() if ln.startswith("违反的后果：")]
    assert lines and "第九条" in lines[0] and "处一万元以上三万元以下罚款" in lines[0]
    n = int(lines[0].rsplit("[", 1)[1].rstrip("]"))
    assert _cited(a)[n - 1] == (CITY, "第九条") and (CITY, "第三条") in _cited(a)[: n - 1]


def test_a_penalty_question_answered_by_a_duty_leads_with_the_penalty_that_enforces_it(searcher):
    from kb.answers.catalog import catalog_of
    from kb.answers.duty_answers import penalty_of_quoted_duty
    from kb.types import Citation

    pq = searcher.read("用能单位不建统计台账，会被怎么罚？")
    duty = next(h for h in searcher.search(searcher.read("能源消费统计台账 每月记录"), k=8) if h.locator == "第四条")
    quoted = Citation(1, duty, "用能单位应当建立能源消费统计台账，每月记录能源消费数据。")
    led = penalty_of_quoted_duty(pq, type("Composed", (), {"citations": [quoted]})(), catalog_of(searcher), [])
    assert led is not None and _cited(led)[:2] == [(CITY, "第十条"), (CITY, "第四条")]
    assert led.text.startswith(f"依据《{CITY_TITLE}》第十条：")
    # a question that does not ask for a penalty keeps its duty lead
    assert penalty_of_quoted_duty(searcher.read("统计台账要记什么？"), type("Composed", (), {"citations": [quoted]})(),
                                  catalog_of(searcher), []) is None
