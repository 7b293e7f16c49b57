"""Questions read again more closely — found on dev44's misses; on invented texts
(tests/fixtures_asked_again.py), through `python -m kb ask --json`:

- a long title shortened inside (示例海洋环保法 for 示例海洋环境保护法) names that text;
- 按2050年修正的…法 names a version, it does not ask about the amendment (and a figure asked of a list
  of definitions is led by the item stating it); a revision year the text's
  history does not hold (2045年修正后的…) is refused; 第二次修正 is answered by that line of the header;
- asked only whether a referring article's sanction may be imposed (能按日连续处罚吗), the referring
  article leads, not the law it refers to;
- the penalties of two conducts asked together: the article fining both leads;
- the penalty of a party named (a key emitter — 重点排放单位): the penalty opening with that party leads;
  of a penalty fining public bodies in one paragraph and firms in the next, a firm asking gets the second;
- a duty left undone, then 该怎么处理, asks a penalty; a list named as what a party is on (列入…名录，
  …要求它做哪些事) does not ask what the list holds; 新出台的…法 describes a text, it does not ask
  when it was issued;
- the share of a part asked (民营企业占多大比例) is stated only where that part is named;
- a part asked of the national rules (国家层面…由谁出台) is answered by a national text;
- two texts compared, each with its own year, are not read as two versions of one.
"""
from __future__ import annotations

import fixtures_asked_again as fx
import pytest
from kb_cli import ask, files_writer, index, lead

from kb.answers.duty_answers import paragraph_for
from kb.answers.figure_stated import states_figure
from kb.answers.penalty_leads import party_lead, penalties_lead
from kb.question.figures import measured_named
from kb.question.kinds import Ask
from kb.question.lexicon import legal_words
from kb.question.reading import read_question
from kb.registers.duties import Penalty
from kb.types import SearchHit

SEA = "示例海洋环境保护法（测试样例）"


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return index(tmp_path_factory, "asked_again", files_writer(fx.FILES))


def _hit(locator: str, text: str, doc: str = "carbon") -> SearchHit:
    return SearchHit(chunk_id=f"{doc}:{locator}", doc_id=doc, file_name=f"{doc}.md", title="示例（测试样例）",
                     doc_type="法律", locator=locator, heading_path="", page_start=None, page_end=None,
                     date="2047-07-07", text=text, chunk_index=0)


def test_a_version_named_by_its_amendment_year_and_a_shortened_title(data, capsys):
    out = ask(data, "按2050年修正的示例海洋环保法，水深要浅到多少米以内才算示例湿地？", capsys)
    assert not out["abstained"] and lead(out) == (SEA, "第五十条"), out["answer"]
    assert "八米" in out["answer"].split("\n")[0], out["answer"]  # the item stating it leads, not the list's intro


def test_a_revision_year_the_text_never_had_is_refused(data, capsys):
    out = ask(data, "2045年修正后的示例海洋环保法，对超标向海洋排污的罚款有没有提高？", capsys)
    assert out["abstained"] and "没有 2045 年修改的记录" in out["answer"], out["answer"]
    out = ask(data, "2040年修正后的示例海洋环保法，对超标向海洋排污罚多少？", capsys)
    assert not out["abstained"], out["answer"]


def test_the_revision_of_the_rank_asked_is_quoted_from_the_header(data, capsys):
    out = ask(data, "示例海洋环保法的题注里，第二次修正是在哪一天？", capsys)
    assert lead(out) == (SEA, "header"), out["answer"]
    assert "2050年8月8日" in out["answer"].split("\n")[0], out["answer"]


def test_asked_whether_a_referred_sanction_may_be_imposed_the_referring_article_leads(data, capsys):
    out = ask(data, "企业违法排放示例固体废料被罚款、责令改正后，复查发现还在排，能按日连续处罚吗？", capsys)
    assert lead(out) == ("示例固体废料法（测试样例）", "第二十条"), out["answer"]


def test_the_penalties_of_two_conducts_asked_together_the_article_fining_both_leads(data, capsys):
    question = "没有示例倾倒许可证就向海里倒废弃物罚多少？超标向海洋排污又罚多少？"
    pq = read_question(question)
    one = _hit("第三十一条", "第三十一条 " + fx.SEA.split("第三十一条 ")[1].split("第五十条")[0], "sea")
    both = _hit("第三十条", "第三十条 " + fx.SEA.split("第三十条 ")[1].split("第三十一条")[0], "sea")
    assert penalties_lead(pq, [one, both], [0, 1], 0) == 1
    assert penalties_lead(pq, [both, one], [0, 1], 0) == 0
    out = ask(data, question, capsys)
    assert lead(out) == (SEA, "第三十条"), out["answer"]


def test_the_penalty_of_the_party_named_leads():
    question = ("What fine does a key emitter face for falsifying its annual emissions report, "
                "and what if it refuses to correct?")
    pq = read_question(question)
    assert {"重点排放单位", "年度排放报告", "拒不改正"} <= set(pq.legal_terms)
    agency = _hit("第三十二条", "第三十二条 技术服务机构出具年度排放报告有重大缺陷，或者篡改、伪造数据，示例生态部门责令改正，处二十五万元以上一百万元以下罚款。")
    emitter = _hit("第三十一条", "第三十一条 重点排放单位有下列行为之一，由示例生态部门责令改正，处六万元以上六十万元以下罚款：（一）篡改、伪造年度排放报告数据。")
    assert party_lead(pq, [agency, emitter], [0, 1], 0) == 1
    assert party_lead(pq, [emitter, agency], [0, 1], 0) == 0


def test_what_a_question_asks_read_closely():
    assert Ask.PENALTY in read_question("回收企业没有及时办示例注销登记，也没把证明交给车主，该怎么处理？").asks
    assert Ask.PENALTY not in read_question("废旧的示例电池该怎么处理？").asks
    assert not read_question("一家企业排放的物质列入了示例有毒物质名录，示例水法要求它额外做哪些事？").catalogue_content
    assert read_question("示例有毒物质名录里有哪些物质？").catalogue_content
    assert "issued" not in read_question("新出台的示例能源法里，能源储备分成哪些类型？").focus
    assert "issued" in read_question("示例能源法是哪天出台的？").focus
    assert "省、自治区、直辖市" in legal_words("省一级行业主管部门有哪些职责？")


def test_the_share_of_a_part_is_stated_only_where_the_part_is_named():
    pq = read_question("示例综述里，国家级示例工厂中民营企业占多大比例？")
    assert pq.measured == "民营企业"
    others = _hit("1.3", "电子、机械两个行业的示例工厂占全部示例工厂总数超过39%。", "paper")
    own = _hit("1.4", "民营企业占全部示例工厂的45%。", "paper")
    assert not states_figure(pq, [others])
    assert states_figure(pq, [own])
    assert measured_named("申请示例绿色信贷，贷款利率最多能下浮多少个百分点？") == "贷款利率"


def test_a_part_asked_of_the_national_rules_is_answered_by_a_national_text(data, capsys):
    out = ask(data, "在北京，年耗能五千吨到一万吨标准煤的单位由谁指定为示例重点用能单位？"
                    "国家层面管这类单位节能的具体办法又由谁出台？", capsys)
    cited = {(c["title"], c["locator"]) for c in out["citations"]}
    assert ("示例节能法（测试样例）", "第二十一条") in cited, out["answer"]


def test_two_texts_each_named_with_its_own_year_are_compared_not_versions(data, capsys):
    out = ask(data, "对于省一级主管部门在标准化工作中的职责，2040年的示例标准化法实施条例和2050年的示例标准化法写法有什么不同？",
              capsys)
    assert not out["abstained"], out["answer"]
    assert "一个版本" not in out["answer"], out["answer"]
    titles = {c["title"] for c in out["citations"]}
    assert {"示例标准化法实施条例（测试样例）", "示例标准化法（测试样例）"} <= titles, out["answer"]



def test_a_firm_asking_gets_the_paragraph_fining_firms():
    def unit(paragraph: int, text: str) -> Penalty:
        return Penalty(doc_id="std", locator="第三十九条", paragraph=paragraph, item=0, text=text, conduct="", sanction="")
    bodies = unit(1, "示例有关主管部门所定标准不符合本法第二十一条规定的，须及时纠正；拒不纠正的，对负有责任的人员依法给予处分。")
    firms = unit(2, "社会团体、企业所定标准不符合本法第二十一条规定的，由示例标准化主管部门责令其在限期内改正。")
    other = Penalty(doc_id="std", locator="第四十条", paragraph=1, item=0, text="企业未公开标准的，处罚款。",
                    conduct="", sanction="")
    asked = "我们企业自己定的企业标准，技术要求比示例强制性标准还低，会被怎么处理？"
    assert paragraph_for([bodies, firms, other], asked) is firms
    assert paragraph_for([bodies, firms], "示例主管部门定的标准低于强制性标准会怎样？") is bodies
