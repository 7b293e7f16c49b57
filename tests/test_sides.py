"""The two sides of a comparison asked in one sentence (kb.question.sides), as the answer quotes
a passage for each."""
from __future__ import annotations

import pytest

from kb.question.sides import compare_sides


@pytest.mark.parametrize("question, sides", [
    ("重大疫情中，对受威胁区采取的措施和对疫点采取的措施有什么不同？", ("对受威胁区采取的措施", "对疫点采取的措施")),
    # what both are compared on goes with each side
    ("没有许可就生产炸药，和没有许可就运输炸药，罚款幅度一样吗？",
     ("没有许可就生产炸药，罚款幅度", "没有许可就运输炸药，罚款幅度")),
    ("走简易程序和一般调查程序，分别需要几名交警？", ("走简易程序，需要几名交警", "一般调查程序，需要几名交警")),
    ("对抽验过的棉花，和对其他棉花，出结论的期限各是多少？", ("对抽验过的棉花，出结论的期限是多少", "对其他棉花，出结论的期限是多少")),
    ("烟羽应急计划区和食入应急计划区有什么区别？", ("烟羽应急计划区", "食入应急计划区")),
    # the sides run in parallel: the 和 inside a side (发芽率和净度) does not split it
    ("卖发芽率和净度不达标的种子跟卖冒牌种子，罚款起步一样吗？", ("卖发芽率和净度不达标的种子，罚款起步", "卖冒牌种子，罚款起步")),
    # read questions have their punctuation folded
    ("设计院超越资质承揽设计,和规划编制单位超越资质承揽规划编制,罚款计算有什么不同?",
     ("设计院超越资质承揽设计，罚款计算", "规划编制单位超越资质承揽规划编制，罚款计算")),
])
def test_the_sides_of_a_comparison(question, sides):
    assert compare_sides(question) == sides


@pytest.mark.parametrize("question", [
    "新修订的示例法和原来的相比有什么不同？",  # versions: compared elsewhere
    "重点用能单位应当设立能源管理岗位吗？",  # nothing compared
    "两种情况有什么不同？",  # no sides named
    "生产炸药要什么许可？运输炸药和它一样吗？",  # two questions: read as parts
])
def test_no_sides(question):
    assert compare_sides(question) is None
