"""What a question asks, read more closely — found on dev41's misses; on invented texts
(tests/fixtures_what_is_asked.py), through `python -m kb ask --json`:

- a year right before a text's name (按2031年示例海岸保护法) names that version: it is answered
  from it, not refused as a year nothing is said about;
- 过期变质的商品 a shop sells is goods gone bad, not a question whether a text is still in force;
- a price asked (多少钱一吨) is not stated by allowances being handed out free, nor a consultant's fee
  (咨询费) by an approval that costs nothing;
- 按什么金额 asks the basis a sum is reckoned on (按照原来的罚款数额), and 从哪天起算 where a period
  starts: neither is refused for want of a figure or answered with a text's dates;
- a sanction the question names that the lead only refers to another indexed law for (依照《…》的规定
  按日连续处罚) is answered by that law's article, the referring one after it;
- who *may* do a thing of their own accord (哪些单位可以主动做…) is not answered by the list of
  those who must;
- where a thing stands in a catalogue (…在名录里属于重点管理还是简化管理) is refused when the catalogue
  is only named;
- 从哪天开始施行 is led by the sentence that says so, not by a repeal dated beside it;
- a penalty list that says only 处以罚款 is answered by the sentence after it that sizes the fine
  of the conduct asked (有前款第二项行为的，处…);
- two short articles that changed between versions are quoted whole; whether two laws' rules agree
  (是否一致) is a comparison of both;
- goods moved from one province to another (从江苏运到安徽) are a 跨省 transfer;
- the text a penalty question goes by (按旧版…法, 新法对这种情况) is no part of the conduct asked;
- English words for shore power and permit classes; 这方面 is no topic word.
"""
from __future__ import annotations

import fixtures_what_is_asked as fx
import pytest
from kb_cli import ask, files_writer, index, lead

from kb.question.kinds import Ask
from kb.question.reading import read_question
from kb.question.terms import content_terms

COAST = "示例海岸保护法（测试样例）"


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return index(tmp_path_factory, "what_is_asked", files_writer(fx.FILES))


def test_a_year_before_a_title_names_its_version(data, capsys):
    out = ask(data, "按2031年示例海岸保护法，可以往海岸倾倒的物品清单由哪个部门起草？", capsys)
    assert not out["abstained"], out["answer"]
    assert lead(out) == (COAST, "第十条"), out["answer"]
    assert out["citations"][0]["file_name"] == "示例海岸保护法(2031-05-01).md", out["answer"]


def test_goods_gone_out_of_date_are_not_a_text_out_of_force(data, capsys):
    question = "商店卖过期变质的示例产品，按示例产品法怎么处罚？"
    assert Ask.STATUS not in read_question(question).asks
    assert Ask.STATUS in read_question("示例产品法已经过期了吗？").asks
    out = ask(data, question, capsys)
    assert lead(out) == ("示例产品法（测试样例）", "第十五条"), out["answer"]


@pytest.mark.parametrize("question", [
    # a price is not stated by allowances handed out free
    "示例碳市场的配额现在多少钱一吨？",
    # a consultant's fee is not stated by an approval that costs nothing
    "请人编一份示例环评报告书，咨询费一般收多少？",
    # where a thing stands in a catalogue that is only named
    "示例印刷厂在示例排污分类管理名录里属于重点管理还是简化管理？",
])
def test_what_the_texts_do_not_state_is_refused(data, capsys, question):
    out = ask(data, question, capsys)
    assert out["abstained"], out["answer"]


def test_the_basis_of_a_sum_and_the_start_of_a_period_ask_no_figure(data, capsys):
    question = "示例企业违法排污被罚后拒不改正，按日连续处罚从哪天起算、按什么金额？"
    pq = read_question(question)
    assert pq.figure == "" and Ask.TIMELINE not in pq.asks and not pq.document_dates
    out = ask(data, question, capsys)
    assert not out["abstained"], out["answer"]
    assert lead(out) == ("示例环境治理法（测试样例）", "第二十条"), out["answer"]


def test_a_sanction_left_to_another_indexed_law_is_answered_by_that_law(data, capsys):
    out = ask(data, "按示例排污许可条例，复查发现还在继续排污的，按日连续处罚从哪天起算、按什么数额？", capsys)
    assert lead(out) == ("示例环境治理法（测试样例）", "第二十条"), out["answer"]
    assert "示例排污许可条例" in out["answer"].split("\n")[1], out["answer"]  # the referring article follows


def test_who_may_is_not_answered_by_who_must(data, capsys):
    out = ask(data, "哪些单位可以主动做示例清洁审核？", capsys)
    assert lead(out) == ("示例清洁生产条例（测试样例）", "第二十条"), out["answer"]


def test_the_fine_of_a_listed_conduct_is_said_by_the_sentence_after_the_list(data, capsys):
    out = ask(data, "有示例岸电条件的船靠港了不用岸电，会受到什么处罚？", capsys)
    assert lead(out) == (COAST, "第二十条"), out["answer"]
    assert "二万元以上二十万元以下" in out["answer"].split("\n")[0], out["answer"]


def test_short_changed_articles_are_quoted_whole(data, capsys):
    out = ask(data, "托运示例危险货物，新旧两版示例海岸保护法对托运人的要求有什么不同？", capsys)
    assert "须先行鉴定" in out["answer"], out["answer"]  # the old article's second sentence
    assert "如实告诉承运人" in out["answer"], out["answer"]


def test_when_a_text_takes_effect_is_led_by_the_sentence_saying_so(data, capsys):
    out = ask(data, "示例旧车回收这部政务院办法从哪天开始施行？", capsys)
    assert "2046年6月1日起施行" in out["answer"].split("\n")[0], out["answer"]


def test_whether_two_laws_agree_is_a_comparison(data, capsys):
    question = "示例能源统筹法和示例新能源法对示例能源部门的职责安排是否一致？各自怎么规定？"
    assert Ask.COMPARE in read_question(question).asks
    out = ask(data, question, capsys)
    assert {c["file_name"] for c in out["citations"]} >= {"示例能源统筹法(2043-03-03).md", "示例新能源法(2044-04-04).md"}
    assert lead(out) in {("示例能源统筹法（测试样例）", "第八条"), ("示例新能源法（测试样例）", "第五条")}, out["answer"]


def test_goods_moved_between_provinces_are_a_cross_province_transfer(data, capsys):
    question = "我们要把示例危险废物从江苏运到安徽处置，需要走什么程序？"
    assert "跨省" in read_question(question).legal_terms
    assert "跨省" not in read_question("我们要把示例危险废物从南京运到苏州处置，需要走什么程序？").legal_terms
    out = ask(data, question, capsys)
    assert lead(out) == ("示例危废管理法（测试样例）", "第三十条"), out["answer"]


def test_the_text_a_penalty_question_goes_by_is_no_part_of_the_conduct():
    question = "企业发生事故后没有按规定报告，按旧版示例海岸保护法最多罚多少？新法对这种情况罚得有多重？"
    assert read_question(question).conduct == "企业发生事故后没有按规定报告"
    assert read_question("按规定报告后又违法排污，会怎么处罚？").conduct == "按规定报告后又违法排污"


def test_a_sum_left_to_a_text_not_indexed_is_not_another_conduct_s(data, capsys):
    # (a guard: the conduct read without the text's name must still find the clause that refers)
    out = ask(data, "养殖场在示例饲料里掺入示例禁用药，按示例饲料和添加剂管理条例要罚多少？", capsys)
    assert out["abstained"], out["answer"]
    assert "示例饲料和添加剂管理条例" in out["answer"], out["answer"]


def test_english_words_for_shore_power_and_permit_classes():
    assert "岸电" in read_question("Our ship did not use shore power at the port. What is the fine?").legal_terms
    glossed = read_question("How many days to decide a permit under simplified management, "
                            "or under key management with an on-site check?").legal_terms
    assert {"简化管理", "重点管理", "现场核查"} <= set(glossed)


def test_this_respect_is_no_topic_word():
    assert not {"这方面", "这方"} & set(content_terms("两版在这方面有何变化？"))
