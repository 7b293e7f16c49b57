"""What a question asks, read closely — found on dev43's misses; on invented texts
(tests/fixtures_asked_closely.py), through `python -m kb ask --json`:

- a month asked (几月份) is answered by a month (每年9月), which no day need state — one told from an
  event (次月起) only when asked from which month;
- a share of something divided (收入…按什么比例分成) is not stated by a rate of reduction;
- an English question after the most allowed of a level asks a figure, which a passage without
  one does not state;
- what changed in a revision of a year no indexed text bears (2060年修订版…改了些什么) is refused;
- asked when a text was issued and took effect, its header leads — not an article naming another
  text's issuing (…公布的《…》同时废止);
- a conduct of a list whose fines the list's lead leaves to a sentence after it: that sentence's
  clause for the conduct's item is quoted;
- everyday words of conduct and people (拖着不交, 以权谋私, 失职, 执法人员) find the documents' words;
  what befalls an official asked about is a disciplinary sanction (依法给予处分), not a firm's fine;
- who is in charge of a matter: the article where an authority 负责 it leads over one where the
  authority receives a plan; the duties of a body named: its own list of duties leads; asked whether a
  tax is due, the passage naming the tax leads;
- what a text covers (…法管的是哪些水体, 也归它管吗) is asked of its scope article;
- a province's rules compared with the national law, each side named only by its level, quotes
  both texts;
- asked whether a rule changed between versions, the article left unchanged is said to be so first.
"""
from __future__ import annotations

import fixtures_asked_closely as fx
import pytest
from kb_cli import ask, files_writer, index, lead

from kb.answers.figure_stated import states_figure
from kb.answers.leads import duties_of_body_lead, in_charge_lead, tax_lead
from kb.question.figures import measured_named
from kb.question.reading import read_question
from kb.types import SearchHit


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return index(tmp_path_factory, "asked_closely", files_writer(fx.FILES))


def test_a_month_asked_is_answered_by_a_month(data, capsys):
    assert read_question("节水宣传周放在几月份？").figure == "month"
    out = ask(data, "广州每年的节水宣传周放在几月份？", capsys)
    assert not out["abstained"], out["answer"]
    assert lead(out) == ("广州市示例节水办法（测试样例）", "第八条") and "每年9月" in out["answer"], out["answer"]


def test_a_month_told_from_an_event_answers_only_from_which_month():
    started = [_hit("第九条", "第九条 新征用的示例用地，自批准征用的次月起缴纳示例用地税。")]
    assert states_figure(read_question("示例用地税从哪个月开始缴纳？"), started)
    assert not states_figure(read_question("示例用地税每年几月份申报缴纳？"), started)


def test_a_share_of_a_divided_sum_is_not_a_rate_of_reduction(data, capsys):
    assert measured_named("示例排放税的收入在中央和地方之间按什么比例分成？") == "分成"
    out = ask(data, "示例排放税的收入在中央和地方之间按什么比例分成？", capsys)
    assert out["abstained"] and "没有规定具体比例" in out["answer"], out["answer"]
    # the rate of reduction itself is stated
    out = ask(data, "示例污染物浓度比标准低三成以上的，示例排放税按百分之多少收？", capsys)
    assert not out["abstained"] and lead(out) == ("示例排放税法（测试样例）", "第十三条"), out["answer"]


def test_an_english_question_after_the_most_allowed_level_asks_a_figure(data, capsys):
    question = "What is the maximum sulphur content allowed in fuel for ships entering the example emission control areas?"
    assert read_question(question).figure == "quantity"
    out = ask(data, question, capsys)
    assert out["abstained"] and "没有规定具体数值" in out["answer"], out["answer"]


def test_a_change_in_a_year_no_text_bears_is_refused(data, capsys):
    question = "《示例排放税法》2060年修订版在减征方面改了些什么？"
    assert "change" in {a.value for a in read_question(question).asks}
    out = ask(data, question, capsys)
    assert out["abstained"] and "没有 2060 年修改的记录" in out["answer"], out["answer"]


def test_asked_when_issued_and_effective_the_header_leads(data, capsys):
    out = ask(data, "我们做旧车回收，这部示例旧车回收办法是哪天公布的、从哪天起开始执行？", capsys)
    assert not out["abstained"], out["answer"]
    assert lead(out) == ("示例旧车回收办法（测试样例）", "header"), out["answer"]
    assert "2045年4月22日" in out["answer"] and "2045年6月1日" in out["answer"], out["answer"]


def test_the_fine_of_a_listed_conduct_set_after_the_list_is_quoted(data, capsys):
    out = ask(data, "企业擅自倾倒、堆放示例废料，由哪个部门处罚？罚款怎么计算？", capsys)
    assert not out["abstained"] and lead(out) == ("示例废料防治法（测试样例）", "第六十条"), out["answer"]
    assert "三倍以上五倍以下" in out["answer"], out["answer"]
    assert "一万元至十万元" not in out["answer"], out["answer"]  # the first item's fine is not this one's


def test_everyday_words_of_conduct_and_people_find_the_documents_words(data, capsys):
    out = ask(data, "拿到许可后一直拖着不交示例倾倒费，示例海洋部门可以怎么处理？", capsys)
    assert lead(out) == ("示例海岸保护法（测试样例）", "第三十二条"), out["answer"]
    question = "管示例海岸的执法人员如果以权谋私或失职，导致海岸被污染，会有什么后果？"
    assert "discipline" in read_question(question).focus
    assert "consequence" in read_question("企业擅自倾倒示例废料会有什么后果？").focus
    out = ask(data, question, capsys)
    assert lead(out) == ("示例海岸保护法（测试样例）", "第三十四条"), out["answer"]


def _hit(locator: str, text: str, doc: str = "waste") -> SearchHit:
    return SearchHit(chunk_id=f"{doc}:{locator}", doc_id=doc, file_name=f"{doc}.md", title="示例（测试样例）",
                     doc_type="法律", locator=locator, heading_path="", page_start=None, page_end=None,
                     date="2047-07-07", text=text, chunk_index=0)


def test_the_authority_in_charge_leads_over_the_one_receiving_a_plan(data, capsys):
    pq = read_question("示例建筑垃圾的污染防治归哪个部门负责？")
    filing = _hit("第二十一条", "第二十一条 施工单位应当编制示例建筑垃圾处理方案，报示例环卫部门备案。")
    charge = _hit("第二十条", "第二十条 县级以上示例环卫部门负责示例建筑垃圾污染防治工作，建立示例建筑垃圾全过程管理制度。")
    assert in_charge_lead(pq, [filing, charge], [0, 1], 0) == 1
    assert in_charge_lead(pq, [charge, filing], [0, 1], 0) == 0
    out = ask(data, "示例建筑垃圾的污染防治归哪个部门负责？", capsys)
    assert lead(out) == ("示例废料防治法（测试样例）", "第二十条"), out["answer"]


def test_asked_whether_a_tax_is_due_the_passage_naming_it_leads():
    pq = read_question("矿上为了安全抽出来的示例煤气，要不要交示例资源税？")
    assert pq.tax == "资源税"
    coal = _hit("第二十八条", "第二十八条 国家鼓励煤矿企业综合开发利用示例煤气。", doc="coal")
    tax = _hit("第六条", "第六条 有下列情形之一的，免征示例资源税：（二）为了安全生产抽采的示例煤气。", doc="tax")
    assert tax_lead(pq, [coal, tax], [0, 1], 0) == 1
    assert tax_lead(pq, [tax, coal], [0, 1], 0) == 0


def test_the_duties_of_the_body_named_lead():
    pq = read_question("示例标准总局的职责里包不包括产品认证？")
    other = _hit("第七条", "第七条 示例有关主管部门按分工管理本行业标准化事务，履行以下职责：（一）经示例标准总局授权，管理本行业的产品认证。")
    own = _hit("第六条", "第六条 示例标准总局负责全国的标准化事务，履行下列职责：（一）统管全国的产品认证。")
    assert duties_of_body_lead(pq, [other, own], [0, 1], 0) == 1
    assert duties_of_body_lead(pq, [own, other], [0, 1], 0) == 0


def test_what_a_text_covers_is_asked_of_its_scope_article(data, capsys):
    question = "示例水体防治法管的是哪些水体？近岸海域的污染也归它管吗？"
    assert "scope" in read_question(question).focus
    out = ask(data, question, capsys)
    assert lead(out) == ("示例水体防治法（测试样例）", "第二条"), out["answer"]
    assert "示例海岸保护法" in out["answer"], out["answer"]


def test_a_province_s_rules_and_the_national_law_named_by_level_are_both_quoted(data, capsys):
    question = "我们是山东的一家小企业，在中小企业资金扶持上，山东省条例和国家法律的提法有什么不同？"
    pq = read_question(question)
    assert [s.text_level for s in pq.sides] == ["local", "national"]
    out = ask(data, question, capsys)
    titles = {c["title"] for c in out["citations"]}
    assert {"山东省示例清洁生产条例（测试样例）", "示例清洁生产促进法（测试样例）"} <= titles, out["answer"]
    assert "专项资金" in out["answer"] and "发展基金" in out["answer"], out["answer"]


def test_an_unchanged_article_asked_whether_it_changed_is_said_to_be_so(data, capsys):
    out = ask(data, "示例化学品配额条例2050年修订以后，对超出配额生产的禁止规定跟2039年版比有变化吗？", capsys)
    assert not out["abstained"], out["answer"]
    lines = out["answer"].split("\n")
    assert "第十五条内容相同" in lines[1], out["answer"]
