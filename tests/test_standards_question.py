"""The standards facets of a question (kb.question: standard_refs, standards_ask), and which questions
the register answers take (kb.answers.standards_answer): the rest are left to the usual answer."""
from __future__ import annotations

import pytest

from kb.answers.standards_answer import standards_answer
from kb.question.reading import read_question


@pytest.mark.parametrize("question, which, cited, status, replacement, industries, purposes", [
    ("造纸企业申报绿色工厂要满足哪些标准", True, False, "", False, ("造纸",), ("绿色工厂",)),
    ("有色金属企业申报绿色工厂需要执行哪些行业标准？", True, False, "", False, ("有色金属",), ("绿色工厂",)),
    ("造纸行业水污染物排放执行什么标准", True, False, "", False, ("造纸",), ("污染物排放",)),
    ("哪些标准已经废止", True, False, "废止", False, (), ()),
    ("哪些标准即将实施？", True, False, "即将实施", False, (), ()),
    ("钢铁行业有哪些现行有效的标准", True, False, "现行", False, ("钢铁",), ()),
    ("《示例指南》引用了哪些标准？", True, True, "", False, (), ()),
    ("GB 17167 被什么代替", False, False, "", True, (), ()),
    # a condition, not a list question; a penalty question
    ("企业生产了不符合强制性标准的产品，会被怎么处罚？", False, False, "", False, (), ()),
    ("重点用能单位要报送什么？", False, False, "", False, (), ()),
])
def test_standards_facets(question, which, cited, status, replacement, industries, purposes):
    ask = read_question(question).standards_ask
    assert (ask.which, ask.cited, ask.status, ask.replacement, ask.industries, ask.purposes) == (
        which, cited, status, replacement, industries, purposes)


def test_standard_refs_are_typed():
    pq = read_question("ｇｂ／ｔ　３２１５１．５－２０１５和YS/T 3901还有效吗")
    assert [(r.family, r.number, r.part, r.year) for r in pq.standard_refs] == [
        ("GB/T", "32151", "5", "2015"), ("YS/T", "3901", "", "")]
    assert pq.standards == ("32151.5", "3901")


@pytest.mark.parametrize("question", [
    "GB/T 36132《绿色工厂评价通则》里，绿色工厂评价的一级指标有哪几个？",  # the standard's content
    "按照《示例条例》，企业生产了不符合强制性标准的产品，会被怎么处罚？",
    "重点用能单位每年要报送什么材料？",
])
def test_other_questions_are_left_to_the_usual_answer(question):
    class Boom:  # the register must not even be looked at
        def __getattr__(self, name):
            raise AssertionError(f"register read for {question!r}")

    assert standards_answer(read_question(question), [], Boom(), []) is None


def test_status_list_on_a_register_without_standards(tmp_path):
    """"哪些标准已经废止" is answered from the register even when it holds nothing: never from an
    unrelated article (the fixture law cites no standard)."""
    import shutil
    from pathlib import Path

    from ingest.pipeline import run
    from kb.answers.answer import answer
    from kb.search.searcher import Searcher
    from kb.settings import Settings

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(Path(__file__).parent / "fixtures" / "fixture_energy_rules.md", corpus)
    settings = Settings(data_dir=tmp_path / "data", corpus_dir=corpus, embed_model="none")
    run([corpus], settings)
    ans = answer("哪些标准已经废止", Searcher(settings))
    assert ans.abstained and not ans.citations
    assert ans.text.startswith("已收录文件中未找到依据：") and "标准库中没有已废止的标准" in ans.text
