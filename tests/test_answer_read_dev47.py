"""Questions read once more — found on dev47's misses; on invented texts
(tests/fixtures_read_dev47.py), through `python -m kb ask --json` where the whole answer shows it:

- a year naming a version of a text described, not titled (示例环保基本法（2044年那一版）, the 2044
  interim regulation): it says which text, not what the text must be about — not refused;
- 对本地的大气质量要承担什么责任: answerable for a domain, a duty — not a penalty;
- a deed, then 按…法会怎样: its penalty; a second part asking nothing of its own (如果是改扩建…呢)
  asks what the first asked;
- a deed, then 海事部门怎么处理 / 监管部门怎么处理: the penalty an enforcing body imposes;
- 有没有变化 of one rule between two versions: the pair search found both articles of leads, even
  when the comparison's word overlap ranks other changed pairs above it.
"""
from __future__ import annotations

import fixtures_read_dev47 as fx
import pytest
from kb_cli import ask, files_writer, hit, index, lead

from kb.answers.version_answers import CHANGES_SHOWN, searched_first
from kb.question.english import subject_years as english_subject_years
from kb.question.kinds import Ask
from kb.question.reading import read_question


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return index(tmp_path_factory, "read_dev47", files_writer(fx.FILES))


def test_a_year_naming_a_version_of_a_text_not_titled_is_no_year_asked_about(data, capsys):
    pq = read_question("现行示例环保基本法（2044年那一版）最早是哪天通过的？")
    assert pq.version_years == ("2044",) and pq.subject_years == ()
    out = ask(data, "现行示例环保基本法（2044年那一版）最早是哪天通过的？", capsys)
    assert not out["abstained"] and "2032年2月2日" in out["answer"], out["answer"]
    # 按2044年的…: read as a year too, it dates the text found first
    out = ask(data, "按2044年的示例环保基本法，各单位有什么义务？", capsys)
    assert not out["abstained"] and lead(out) == ("示例环境保护法（测试样例）", "第二条"), out["answer"]
    assert english_subject_years("Under the 2044 interim regulation on carbon trading, what is one unit?") == []
    assert english_subject_years("How many firms were fined in 2044 under the law?") == ["2044"]


def test_answerable_for_a_domain_is_a_duty_not_a_penalty(data, capsys):
    question = "示例各级政府对本地的示例大气质量要承担什么责任？"
    assert Ask.PENALTY not in read_question(question).asks
    assert Ask.PENALTY in read_question("企业对造成的土壤污染要承担什么责任？").asks
    out = ask(data, question, capsys)
    assert lead(out) == ("示例大气防治法（测试样例）", "第二条"), out["answer"]


def test_a_deed_then_what_the_law_does_about_it_and_the_same_asked_of_another_case(data, capsys):
    question = "在示例安静区新建会产生噪声的工厂，按示例噪声防治法会怎样？如果是改扩建却没落实防噪措施呢？"
    pq = read_question(question)
    assert [Ask.PENALTY in p.asks for p in pq.parts] == [True, True]
    assert pq.parts[1].conduct
    out = ask(data, question, capsys)
    assert lead(out) == ("示例噪声防治法（测试样例）", "第四条"), out["answer"]
    assert all(c["locator"] != "第三条" for c in out["citations"]), out["answer"]


def test_how_an_enforcing_body_deals_with_a_deed_asks_its_penalty(data, capsys):
    question = "船舶途经示例管辖海域转移危险废物的，示例海事部门怎么处理？"
    assert Ask.PENALTY in read_question(question).asks
    out = ask(data, question, capsys)
    assert lead(out) == ("示例海域防治法（测试样例）", "第三条"), out["answer"]
    out = ask(data, "团体标准的指标低于示例强制标准，不符合示例标准管理法，监管部门怎么处理？如果是政府部门订立的标准不合规呢？",
              capsys)
    assert lead(out) == ("示例标准管理法（测试样例）", "第三条"), out["answer"]


def test_whether_one_rule_changed_the_pair_search_found_both_articles_of_leads(data, capsys):
    out = ask(data, "关于经由空气进入示例近海的污染，示例近海保护法2037年版和2047年修订版的规定有没有变化？", capsys)
    assert [c["locator"] for c in sorted(out["citations"], key=lambda c: c["n"])][:2] == ["第四条"] * 2, \
        out["answer"]


def test_the_pair_search_found_both_articles_of_leads_from_beyond_the_shown_changes():
    from kb.versions.changes import ChangeItem

    items = [ChangeItem("changed", "old", "new", f"第{n}条", f"第{n}条", "", 1.0 - i / 100)
             for i, n in enumerate("一二三五六七八九")]
    items.append(ChangeItem("unchanged", "old", "new", "第四条", "第四条", "", 0.1))
    hits = [hit("header", "2047年7月7日 示例议事会修订", "new", "示例近海保护法"),
            hit("第十二条", "示例船只应当……", "other", "示例航运条例"),
            hit("第四条", "示例政府采取必要手段……", "new", "示例近海保护法"),
            hit("第四条", "示例政府采取必要手段……", "old", "示例近海保护法")]
    ordered = searched_first(items, hits, {"old", "new"}, whether=True)
    assert len(items) > CHANGES_SHOWN and ordered[0] is items[-1]
    # asked what changed (not whether), an unchanged pair does not lead
    assert searched_first(items, hits, {"old", "new"}, whether=False)[0] is items[0]
