"""Questions read more closely — found on dev42's misses; on invented texts
(tests/fixtures_read_closely.py), through `python -m kb ask --json`:

- the version before a year's revision (按2050年修订之前的…条例) is the older text, and a year of a
  text's revision (2050年条例修订以后) names a version, not a year nothing is said about;
- asked how many people an inspection needs, the article stating the head count leads over the
  article on who inspects — two versions' copies of that article count as one passage;
- asked whether one needs a permit, the article a lead excepts by number (除本条例第十条所列…情形外)
  leads when it names the asker's case;
- a count of one industry's firms is not stated by the count of all firms;
- what changed between versions about a thing asked in everyday words (医院污水) is found by the
  documents' words for it (医疗污水) when no article uses the asker's word;
- a city's rule compared with the national law it implements quotes the national law too;
- in a comparison of two versions, the change holding search's best passage comes first.
"""
from __future__ import annotations

import fixtures_read_closely as fx
import pytest
from kb_cli import ask, files_writer, index, lead

from kb.answers.figure_stated import best_distinct, number_in_unit, states_figure
from kb.answers.leads import excepted_article_lead, count_lead
from kb.answers.version_answers import searched_first
from kb.question.lexicon import legal_words
from kb.question.reading import read_question
from kb.types import SearchHit
from kb.versions.changes import ChangeItem

SUBSTANCE = "示例冷媒物质管理条例（测试样例）"


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return index(tmp_path_factory, "read_closely", files_writer(fx.FILES))


def test_the_version_before_a_revision_is_the_older_text(data, capsys):
    question = "按2050年修订之前的示例冷媒物质管理条例，使用单位没采取措施防止泄漏，由哪里的部门处罚？"
    pq = read_question(question)
    assert pq.version_before == ("2050",) and not pq.version_years and pq.wants_old
    out = ask(data, question, capsys)
    assert lead(out) == (SUBSTANCE, "第三十五条"), out["answer"]
    assert out["citations"][0]["file_name"] == "示例冷媒物质管理条例(2039-03-03).md", out["answer"]


def test_the_year_of_a_text_s_revision_names_a_version(data, capsys):
    question = "我们持有示例使用许可证。2050年条例修订以后，对超出许可证范围使用示例冷媒物质的限制有没有放宽？"
    pq = read_question(question)
    assert pq.version_years == ("2050",) and not pq.subject_years
    out = ask(data, question, capsys)
    assert not out["abstained"], out["answer"]
    assert lead(out) == (SUBSTANCE, "第十六条"), out["answer"]


def test_the_head_count_of_an_inspection_leads(data, capsys):
    out = ask(data, "示例生态部门去示例冷媒物质使用单位做监督检查，最少要派几个人？", capsys)
    assert not out["abstained"], out["answer"]
    assert "至少2人" in out["answer"].split("\n")[0], out["answer"]


def test_an_exception_referred_to_by_number_answers_whether_one_needs_a_permit(data, capsys):
    out = ask(data, "我们是做冷柜修理的，修理时要用示例冷媒物质，需要申请示例使用许可证吗？", capsys)
    assert lead(out) == (SUBSTANCE, "第十条"), out["answer"]
    assert "修理单位" in out["answer"], out["answer"]


def test_a_count_of_one_industry_is_not_the_count_of_all(data, capsys):
    out = ask(data, "示例名册里钢铁行业的绿色工厂有多少家？", capsys)
    assert out["abstained"], out["answer"]
    out = ask(data, "示例名册一共收录了多少家绿色工厂？", capsys)
    assert not out["abstained"] and "3000家" in out["answer"], out["answer"]


def test_what_changed_is_found_in_the_documents_words(data, capsys):
    assert "医疗污水" in legal_words("医院污水排进海里")
    out = ask(data, "新旧两版示例海湾保护法，对医院污水排进海湾的要求有什么不同？", capsys)
    assert "第三十四条" in out["answer"].split("\n")[1] and "第三十六条" in out["answer"].split("\n")[1], out["answer"]


def test_a_city_rule_compared_with_the_national_law_quotes_both(data, capsys):
    out = ask(data, "示例市的用能单位，能源计量方面的要求和示例节能法相比有什么不一样？", capsys)
    cited = {(c["file_name"], c["locator"]) for c in out["citations"]}
    assert {("示例市实施《示例节能法》办法(2044-04-04).md", "第二十五条"),
            ("示例节能法(2043-03-03).md", "第二十七条")} <= cited, out["answer"]


def test_acid_in_waste_water_is_the_documents_acid_liquid():
    assert {"水体", "酸液"} <= set(legal_words("往河里排了含酸的废液"))
    assert "失效" in legal_words("过期变质的商品")


def _hit(doc: str, locator: str, text: str) -> SearchHit:
    return SearchHit(chunk_id=f"{doc}:{locator}", doc_id=doc, file_name=f"{doc}.md", title=SUBSTANCE,
                     doc_type="行政法规", locator=locator, heading_path="", page_start=None, page_end=None,
                     date=doc[-10:], text=text, chunk_index=0)


# search's order on the real corpus: who inspects, in both versions, before the head count
_WHO_NEW = _hit("new-2050-12-12", "第二十四条", "第二十四条 示例生态部门依照本条例的规定对示例冷媒物质的使用进行监督检查。")
_WHO_OLD = _hit("old-2039-03-03", "第二十五条", "第二十五条 示例环保部门依照本条例的规定对示例冷媒物质的使用进行监督检查。")
_FILED = _hit("new-2050-12-12", "第二十五条", "第二十五条 示例生态部门应当把监督检查中发现的违法行为登记在案。")
_COUNT = _hit("new-2050-12-12", "第二十六条", "第二十六条 示例生态部门开展监督检查时，派出的检查人员至少2人。")


def test_two_versions_copies_of_an_article_are_one_passage_and_the_head_count_leads():
    pq = read_question("示例生态部门去示例冷媒物质使用单位做监督检查，最少要派几个人？")
    hits = [_WHO_NEW, _WHO_OLD, _FILED, _COUNT]
    assert best_distinct(hits) == [_WHO_NEW, _FILED, _COUNT]
    assert states_figure(pq, hits)
    assert count_lead(hits, [0, 1, 2, 3], 0, number_in_unit(pq.figure_unit)) == 3


def test_the_article_excepted_by_number_leads_when_it_names_the_asker_s_case():
    pq = read_question("我们是做冷柜修理的，需要申请示例使用许可证吗？")
    general = _hit("new-2050-12-12", "第十六条", "第十六条 除本条例第十条所列可以不申领示例使用许可证的情形外，没有许可证的，一律不得使用示例冷媒物质。")
    exempt = _hit("new-2050-12-12", "第十条", "第十条 遇到下面几种情况，可以不申领：（一）修理单位为了修理冷柜使用示例冷媒物质的。")
    other = _hit("new-2050-12-12", "第十条之一", "第十条之一 化验室少量使用示例冷媒物质的，应当备案。")
    assert excepted_article_lead(pq, [general, other, exempt], [0, 1, 2], 0) == 2
    assert excepted_article_lead(pq, [general, other], [0, 1], 0) == 0


def test_the_change_holding_search_s_best_passage_comes_first():
    old, new = "old-2039-03-03", "new-2050-12-12"
    by_words = ChangeItem("changed", old, new, "第十八条", "第二十八条", "应急计划", score=0.9)
    by_meaning = ChangeItem("changed", old, new, "第十三条", "第二十二条", "清洁能源", score=0.5)
    added = ChangeItem("added", "", new, "", "第七十条", "新增", score=0.7)
    searched = [_hit("elsewhere-2030-01-01", "第一条", "第一条 无关。"), _hit(new, "第二十二条", "第二十二条 示例。")]
    assert searched_first([by_words, added, by_meaning], searched, {old, new}) == [by_meaning, by_words, added]
    # search's best passage in no changed pair: the comparison's own order stands
    assert searched_first([by_words, by_meaning], [_hit(new, "第九十条", "第九十条 示例。")], {old, new}) == [by_words, by_meaning]
