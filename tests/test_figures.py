"""Whether the best passages state what a question asks for, as tables: the figure asked
(kb.answers.figure_stated.states_figure) and what a catalogue holds (lists_catalogue). Passages are
invented (测试样例)."""
from __future__ import annotations

import pytest

from kb.answers.abstain import lists_catalogue
from kb.answers.figure_stated import states_figure
from kb.question.figures import measured_named
from kb.question.reading import read_question
from kb.types import SearchHit


def hit(text: str) -> SearchHit:
    return SearchHit(chunk_id="c", doc_id="d", file_name="示例法（测试样例）.md", title="示例法（测试样例）",
                     doc_type="法律", locator="第三条", heading_path="第三条", page_start=None, page_end=None,
                     date="", text=text, chunk_index=0)


@pytest.mark.parametrize("question, passage, states", [
    # a share may be written as a fraction
    ("审查小组里专家至少要占多大比例？", "审查小组中专家人数不得少于审查小组总人数的二分之一。", True),
    ("审查小组里专家至少要占多大比例？", "审查小组由示例部门组织召集。", False),
    # a distance asked in 米 needs a number in 米
    ("管道两侧多少米内不得种树？", "管道中心线两侧各五米地域范围内，禁止种植乔木。", True),
    ("加油站离管道至少要隔多少米？", "本法自2010年10月1日起施行，第十二条另有规定。", False),
    # a count asked in 家 is not answered by money or a date
    ("一共有多少家企业被罚？", "处一万元以上五万元以下罚款。", False),
    # a date or a standard's number is not the quantity asked for
    ("能耗要下降多少？", "以GB 39131-2026代替GB 39131-2012，自2027年1月1日起实施。", False),
    ("能耗要下降多少？", "单位产品能耗下降百分之十三点五。", True),
    # a fine does not answer a question about a subsidy
    ("每家能拿多少财政奖补？", "处十万元以上三十万元以下罚款。", False),
    ("每家能拿多少财政奖补？", "对新建示例工厂给予一次性奖补五十万元。", True),
    # nor does any amount of a passage about fines (a cap on who may fine how much)
    ("居民水价第一档每立方米多少钱？", "县级部门决定的罚款额，以不超过1万元为限；超过1万元的，应当报上一级部门批准。", False),
    # a share asked is answered by a share, not by the numbered notes beside it
    ("减供负荷达到百分之多少算重大事故？", "（1）电网负荷，是指示例电网在事故发生时的实际负荷；（2）减供负荷，是指其最大减少量。", False),
    ("减供负荷达到百分之多少算重大事故？", "示例电网减供负荷百分之三十以上的，为重大事故。", True),
    # a fee asked is a sum of money: a deadline or a fine beside it is not its answer
    ("示例许可证的申请费是多少？", "发证机关应当自受理申请之日起20个工作日内审查完毕。", False),
    ("示例审核的咨询服务费一般收多少？", "咨询机构出具虚假报告的，处一万元以上五万元以下罚款。", False),
    ("示例许可证的申请费是多少？", "申请示例许可证，应当缴纳申请费每件二百元。", True),
    # hours of training and decibels need their unit
    ("负责人每年要参加多少学时的培训？", "未按规定设立岗位的，处一万元以上三万元以下罚款。", False),
    ("负责人每年要参加多少学时的培训？", "负责人每年接受节能培训不少于二十四学时。", True),
    ("夜间施工的噪声限值是多少分贝？", "违反本法规定夜间施工的，处一万元以上十万元以下罚款。", False),
    ("夜间施工的噪声限值是多少分贝？", "夜间施工噪声不得超过五十五分贝。", True),
    # a quantity asked in 升 needs litres
    ("个人一次最多能买多少升？", "第三类：1．示例甲；2．示例乙。", False),
    ("个人一次最多能买多少升？", "个人每次购买不得超过5升。", True),
    # a figure is of a thing: the sentence stating it must name that thing (or its head, or the
    # documents' word for it)
    ("货代公司开业要交多少营业保证金？", "货代企业的注册资本最低限额为五百万元。", False),
    ("货代公司开业要交多少营业保证金？", "货代企业开业应当缴存保证金二十万元。", True),
    ("地震死亡人数达到多少，要启动一级响应？", "灾情达到预案启动条件的，县级以上人民政府于三日内启动应急响应。", False),
    ("举报查实以后能拿多少奖金？", "经调查属实的，给予举报人一千元至一万元的奖励。", True),
    # (a share or a count in the unit asked too: 百分之二十五 of the investment is not the share supervised)
    ("预售资金的监管比例是多少？", "投入开发建设的资金达到工程建设总投资的百分之二十五以上。", False),
    ("预售资金的监管比例是多少？", "预售资金按百分之三十的比例存入监管账户。", True),
    # a number the question gives itself is what it asks about, not the figure asked
    ("100级洁净区每立方米允许多少尘粒？", "１００级洁净区内不得设地漏。", False),
    ("100级洁净区每立方米允许多少尘粒？", "100级洁净区每立方米大于等于0.5微米的尘粒不得超过3500粒。", True),
    # points counted in 分
    ("一个周期扣满多少分会被扣证？", "一年内无累积记分的，可以延长审验期。", False),
    ("一个周期扣满多少分会被扣证？", "一个记分周期内累积记分达到十二分的，扣留驾驶证。", True),
    # a lead time is stated as one, not by a time within which an authority acts
    ("许可证快到期了，延续申请要提前多少天交？", "受理部门应当自受理之日起20个工作日内作出决定。", False),
    ("许可证快到期了，延续申请要提前多少天交？", "应当在有效期届满30日前提出延续申请。", True),
    ("进口种畜要提前几天报检？", "货主应当在种畜进境前15日报检。", True),
    # a year asked of a measure is stated by a year written, not by a plan to do it step by step
    ("追溯编码制度要在哪一年全部实施？", "国家分步实施追溯编码制度。", False),
    ("追溯编码制度要在哪一年全部实施？", "追溯编码制度应当在2030年前全部实施。", True),
    # an English question's figure is read from its gloss
    ("How much subsidy is paid for each scrapped car?", "本办法自2019年6月1日起施行。", False),
    ("How much subsidy is paid for each scrapped car?", "每辆报废车给予补贴一千元。", True),
])
def test_states_the_figure_asked_for(question: str, passage: str, states: bool) -> None:
    pq = read_question(question)
    assert pq.figure, "the question asks for a figure"
    assert states_figure(pq, [hit(passage)]) is states


@pytest.mark.parametrize("passage, lists", [
    ("本目录包括电动机、变压器、锅炉和空气压缩机。", True),
    ("下列产品列入示例目录：（一）电动机；（二）变压器。", True),
    ("示例目录由国务院有关部门制定、调整并公布。", False),  # who makes it, not what it holds
    # the catalogue inside an item of another list (a definition), found checking the product
    ("本办法下列用语的含义：\n(一)危险废物，是指列入示例危险废物名录的废物。", False),
])
def test_a_passage_sets_out_what_a_catalogue_holds(passage: str, lists: bool) -> None:
    assert lists_catalogue([hit(passage)]) is lists


@pytest.mark.parametrize("question, thing", [
    ("国际货运代理企业开业要交多少营业保证金？", "营业保证金"),  # after 多少
    ("高速公路上的最低车速是多少？", "车速"),  # before 多少, without 最低
    ("每立方米空气允许的尘粒数上限是多少？", "尘粒数"),  # without 上限
    ("血液里酒精含量达到多少算醉酒驾驶？", "酒精含量"),
    ("外国投资者在电信企业里最多能持股多少？", "持股"),
    ("在地铁车厢里抽烟会被罚多少钱？", ""),  # a verb, not a thing
    ("能耗到2025年要比2020年低多少？", ""),  # how much lower
    ("示例条例是哪天公布的，令号是多少？", ""),  # a document's number
    ("市容责任区分几个等级？", ""),  # grades counted: the unit, named one by one in the text
])
def test_the_thing_a_figure_is_of(question: str, thing: str) -> None:
    assert measured_named(question) == thing
