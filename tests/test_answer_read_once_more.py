"""Questions read once more — found on dev45's misses; on invented texts
(tests/fixtures_read_once_more.py), through `python -m kb ask --json`:

- 2053年修法前后 names the revision of that year (a version), it is not a question about 2053;
- asked who answers for a thing (空气质量好不好由谁负责), the article making a body answer for it
  (…应当对本辖区的示例空气质量负责) leads over one where a department monitors it;
- 叫停 is what a penalty calls 责令停止: the penalty stopping the building answers who stops it;
- the penalty of a party named (示例土壤污染责任人) leads over one fining a surveyor whose
  activity the question also names; 责任人 standing alone only asks who is punished;
- asked who draws up a list (名单是哪个部门负责编的), the article saying who makes it leads; asked whose
  approval is needed (需要哪一级政府点头), the article saying who approves;
- parts naming different texts (现在的…法从哪天施行？原来的…法怎么处理？): the text the first part asks
  about leads;
- a list's intro leading the answer, its items follow right under it, not under the intro said twice;
- a catalogue that covers (覆盖, 涵盖) fields sets out what it holds;
- English: the Circular Economy Promotion Law is named, its guiding principles are 方针, allowances
  cut are 核减.
"""
from __future__ import annotations

from types import SimpleNamespace

import fixtures_read_once_more as fx
import pytest
from kb_cli import ask, files_writer, hit, index, lead

from kb.answers.abstain import lists_catalogue
from kb.answers.lead_search import first_part_document_lead
from kb.question.aliases import AliasTable
from kb.question.english import documents
from kb.question.lexicon import legal_words
from kb.question.reading import read_question
from kb.text.roles import opening_parties_named


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return index(tmp_path_factory, "read_once_more", files_writer(fx.FILES))


def test_a_year_with_xiufa_names_the_revision_of_that_year(data, capsys):
    question = "两个沿岸市之间的示例海湾出了保护问题，怎么协调？跨部门的重大事务，2053年修法前后各由谁来协调？"
    assert read_question(question).subject_years == ()
    out = ask(data, question, capsys)
    assert not out["abstained"], out["answer"]
    cited = {(c["title"], c["locator"]) for c in out["citations"]}
    assert {("示例海湾保护法（测试样例）", "第九条"), ("示例海湾保护法（测试样例）", "第六条")} <= cited, out["answer"]
    assert "示例环境部门" in out["answer"] and "示例生态部门" in out["answer"], out["answer"]


def test_who_answers_for_a_thing_the_article_making_a_body_answer_for_it_leads(data, capsys):
    out = ask(data, "一个地方的示例空气质量好不好，法律上由谁负责？", capsys)
    assert lead(out) == ("示例空气保护法（测试样例）", "第三条"), out["answer"]


def test_jiaoting_is_the_order_to_stop(data, capsys):
    assert "责令停止" in legal_words("项目没批就开工，由哪个部门叫停？")
    out = ask(data, "某项目的示例评价文件还没批下来就开工了，由哪个部门叫停？", capsys)
    assert lead(out) == ("示例环境评价法（测试样例）", "第二十一条"), out["answer"]


def test_the_penalty_of_the_party_named_leads_and_its_items_follow_its_intro(data, capsys):
    out = ask(data, "示例土壤污染责任人不按规定做示例土壤调查或风险评估，会被怎么处罚？", capsys)
    assert lead(out) == ("示例土壤防治法（测试样例）", "第二十二条"), out["answer"]
    lines = out["answer"].split("\n")
    assert "三万元以上三十万元以下" in lines[0], out["answer"]
    assert lines[1].strip().startswith("（一）"), out["answer"]  # the items right under the lead line
    assert out["answer"].count("有下列行为之一") == 1, out["answer"]  # the intro said once


def test_the_party_of_a_penalty_article_and_of_a_question():
    assert opening_parties_named("第二十二条 示例土壤污染责任人或者示例地块使用权人有下列行为之一，") == (
        "示例土壤污染责任人", "示例地块使用权人")
    assert opening_parties_named("第十八条 违反本法规定，受托开展示例土壤调查和示例风险评估、修复效果评估业务的单位，"
                                 "出具虚假报告的，") == ("受托开展示例土壤调查和示例风险评估、修复效果评估业务的单位",)
    assert opening_parties_named("第二十条 示例重点排放单位有下列情况之一的，") == ("示例重点排放单位",)
    assert "责任人" in read_question("示例土壤污染责任人不按规定做调查，会被怎么处罚？").conduct
    assert "责任人" not in read_question("示例部门借用下级单位的车辆，责任人会受到什么处分？").conduct


def test_who_draws_up_a_list_and_who_approves(data, capsys):
    out = ask(data, "需要修复的示例地块名单，是哪个部门负责编的？", capsys)
    assert lead(out) == ("示例地块修复法（测试样例）", "第八条"), out["answer"]
    out = ask(data, "想建一个示例旧电器集中处理园区，需要哪一级政府点头？", capsys)
    assert lead(out) == ("示例旧电器回收条例（测试样例）", "第十八条"), out["answer"]
    assert "批准" in legal_words("需要哪一级政府点头？")


def test_the_text_the_first_part_asks_about_leads(data, capsys):
    question = "现在的示例噪声防治法从哪天开始施行？原来的示例环境噪声防治法怎么处理？"
    titles = [("new", "示例噪声防治法（测试样例）"), ("old", "示例环境噪声防治法（测试样例）")]
    pq = read_question(question, AliasTable.build([SimpleNamespace(doc_id=d, title=t) for d, t in titles]))
    old = hit("第二十条", "第二十条 本法自2040年3月1日起施行。", "old", titles[1][1])
    new = hit("第三十条", "第三十条 本法自2060年1月1日起施行。《示例环境噪声防治法》同时废止。", "new", titles[0][1])
    assert first_part_document_lead(pq, [old, new], [0, 1], 0) == 1
    assert first_part_document_lead(pq, [new, old], [0, 1], 0) == 0
    out = ask(data, question, capsys)
    assert lead(out) == ("示例噪声防治法（测试样例）", "第三十条"), out["answer"]
    assert "2060年1月1日" in out["answer"].split("\n")[0], out["answer"]


def test_a_catalogue_covering_fields_sets_out_what_it_holds(data, capsys):
    passage = hit("一", fx.EQUIPMENT.split("一、推广先进装备\n\n")[1].split("\n")[0], "n", "示例通知（测试样例）")
    assert lists_catalogue([passage])
    out = ask(data, "示例工信局三年发一批的示例环保装备鼓励目录，覆盖哪些重点领域？", capsys)
    assert not out["abstained"] and "示例噪声控制" in out["answer"], out["answer"]


def test_english_names_of_a_law_its_principles_and_cut_allowances():
    titles = ["循环经济促进法", "清洁生产促进法", "节约能源法"]
    question = "What guiding principles does the Circular Economy Promotion Law lay down?"
    assert documents(question, titles) == ["循环经济促进法"]
    assert "方针" in read_question(question).legal_terms
    cut = read_question("If a key emitter refuses to correct, by how much can its emission allowances be cut?")
    assert "核减" in cut.legal_terms
