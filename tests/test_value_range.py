"""Where a value a question states falls (kb.answers.value_range): the one value of its case, and
whether a passage's range holds it."""
from __future__ import annotations

import pytest

from kb.answers.value_range import Value, holds, stated_value


@pytest.mark.parametrize("question, value", [
    ("一个60公顷的示例填海项目，要报哪一级部门核准？", Value(60.0, "公顷")),
    ("一艘800总吨的小船，必须投保吗？", Value(800.0, "总吨")),
    ("村口的老槐树大约350岁，属于几级保护？", Value(350.0, "年")),  # an age is counted in years
    ("能坐十二人的游船开新航线，找谁批准？", Value(12.0, "人")),
    # a range quoted is the rule asked about, not a value to place
    ("50公顷以上的填海项目由谁核准？", None),
    ("不满30人的游船由谁批准？", None),
    # two values, or none: nothing to place
    ("一艘800总吨、长60米的船要不要检验？", None),
    ("许可证三年有效期内没出过事，到期还要审查吗？", None),  # a period is the story, not a size
    ("货值一万五千元的假种子怎么罚？", None),  # a sum: a fine's range is no class
])
def test_the_value_a_question_states(question, value):
    assert stated_value(question) == value


@pytest.mark.parametrize("text, expected", [
    ("面积50公顷以上的，由示例省部门核准；不满50公顷的，由示例县部门核准。", True),
    ("面积100公顷以上的，由示例省部门核准。", False),
    ("树龄300年以上不满500年的古树实行二级保护。", True),
    ("树龄500年以上的古树实行一级保护；树龄100年以上不满300年的实行三级保护。", False),
    ("填海项目应当报部门核准。", None),  # no range in the unit
])
def test_whether_a_range_holds_the_value(text, expected):
    value = Value(350.0, "年") if "树龄" in text else Value(60.0, "公顷")
    assert holds(value, text) is expected
