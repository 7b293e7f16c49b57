"""Questions read once more — found on dev49's misses; on invented texts
(tests/fixtures_read_dev49.py), through `python -m kb ask --json` where the whole answer shows it:

- a year with how big or how often the revision was (2043年大修以后, 2043年再次修订之前) names a
  version, not a year the texts must be about;
- 已经失效、变质的商品 are goods gone bad: no question whether a text is in force;
- asked who may impose a sanction it names (谁可以按日连续罚), the article imposing that sanction leads;
- an English question's version year (the 2017 version of … Law) picks that version, and the
  Marine Environment Protection Law is named in English;
- 按国家水污染防治方面的规定 names the law of that field; 对比两部法律 compares two laws, not versions;
- a part asking nothing of its own carries the penalty asked before it, and nothing else;
- words: KTV, 健身房, 餐馆, 旧家电, 修好, 按日连续罚;
- a header's lines that are not the text's own (the national law's lines in a province's regulation,
  a line said again where another text's history goes on) are not quoted as its dates.
"""
from __future__ import annotations

from types import SimpleNamespace

import fixtures_read_dev49 as fx
import pytest
from kb_cli import ask, files_writer, index, lead

from kb.question.aliases import AliasTable
from kb.question.english import documents as english_documents
from kb.question.english import version_years as english_version_years
from kb.question.kinds import Ask
from kb.question.lexicon import legal_words
from kb.question.reading import read_question


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return index(tmp_path_factory, "read_dev49", files_writer(fx.FILES))


def test_a_year_with_how_big_or_how_often_the_revision_was_names_a_version():
    after = read_question("示例近海法2043年大修以后，这一条的内容变了吗？")
    assert after.subject_years == () and after.version_years == ("2043",)
    before = read_question("2043年再次修订之前的示例条例，对泄漏不采取措施的怎么罚？")
    assert before.subject_years == () and before.version_before == ("2043",)


def test_goods_gone_bad_are_no_question_of_a_text_in_force(data, capsys):
    question = "示例市场部门查到超市在卖已经失效、变质的示例商品，按示例商品质量法应当怎么处罚？"
    assert Ask.STATUS not in read_question(question).asks
    assert Ask.STATUS in read_question("示例商品质量法现在已经失效了吗？").asks
    out = ask(data, question, capsys)
    assert lead(out) == ("示例商品质量法（测试样例）", "第二条"), out["answer"]


def test_who_may_impose_a_sanction_named_the_article_imposing_it_leads(data, capsys):
    out = ask(data, "我们示例施工工地没设围挡、没覆盖渣土，被罚了款、也被要求改正，要是一直不改，谁可以对我们按日连续罚？",
              capsys)
    assert lead(out) == ("示例扬尘防治法（测试样例）", "第三条"), out["answer"]


def test_an_english_version_year_and_an_english_title():
    question = "Under the 2017 version of China's Marine Environment Protection Law, which agency manages surveys?"
    assert english_version_years(question) == ["2017"]
    pq = read_question(question)
    assert pq.years == (2017,) and pq.version_years == ("2017",)
    titles = ["海洋环境保护法", "环境保护法", "大气污染防治法"]
    assert english_documents(question, titles) == ["海洋环境保护法"]


def test_a_law_named_by_its_field_and_two_laws_compared():
    titles = [("w", "示例水污染防治法"), ("a", "示例大气污染防治法")]
    aliases = AliasTable.build([SimpleNamespace(doc_id=d, title=t) for d, t in titles])
    pq = read_question("按国家示例水污染防治方面的规定，哪几类排水行为会被停产整治？", aliases)
    assert pq.documents == ("示例水污染防治法",)
    assert Ask.CHANGE not in read_question("对比两部法律：境外废物运进来和运到海里倒掉，分别罚多少？").asks
    assert Ask.CHANGE in read_question("新旧两部示例噪声法对夜间施工的规定有哪些变化？").asks


def test_a_part_asking_nothing_carries_only_a_penalty_asked_before_it():
    penalty = read_question("在示例安静区新建工厂，按示例噪声法会怎样？要是改扩建呢？")
    assert Ask.PENALTY in penalty.parts[1].asks
    who = read_question("新修公路从既有铁路下面穿过，建设费谁出？要是反过来新修铁路跨公路呢？")
    assert who.parts[1].asks == frozenset()


def test_words_users_say():
    assert {"文化娱乐", "体育", "餐饮"} <= set(legal_words("开KTV、健身房或者餐馆的经营者有什么噪声义务"))
    assert {"电器电子产品", "修复"} <= set(legal_words("回收来的旧家电修好以后再卖要什么条件"))
    assert "按日连续处罚" in legal_words("谁可以对我们按日连续罚")


def test_a_headers_lines_that_are_not_the_texts_own_are_not_quoted(data, capsys):
    out = ask(data, "示例省清洁促进条例是哪天通过的？后来什么时候修正过？", capsys)
    assert "2040年7月3日" in out["answer"] and "2050年11月7日" in out["answer"], out["answer"]
    assert "全国人民代表大会" not in out["answer"], out["answer"]
    out = ask(data, "示例市节水办法是哪天通过的？什么时候修正过？", capsys)
    assert out["answer"].count("2045年5月5日") == 1 and "2034年4月4日" not in out["answer"], out["answer"]
