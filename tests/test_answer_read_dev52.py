"""Questions read once more — found on dev52's misses (five answerable questions refused); on an invented
text (tests/fixtures_read_dev52.py), through `python -m kb ask --json` where the whole answer shows it:

- "the 2023 revised … Law" names a version, not a year the texts must be about;
- 没给标准编号 asks about numbering a standard, not for a standard's number;
- 再过几年到2040年…下降多少 asks how much, not a number of years;
- 双方对赔多少有纠纷，可以找谁解决 asks who settles a dispute, not a sum;
- a validity period asked of a named text (审批单的有效期最长多久) is a figure, not whether the text is in
  force;
- English: ozone-depleting substances, inspectors.
"""
from __future__ import annotations

import fixtures_read_dev52 as fx
import pytest
from kb_cli import ask, files_writer, index, lead

from kb.question.english import subject_years as english_subject_years
from kb.question.kinds import Ask
from kb.question.reading import read_question


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return index(tmp_path_factory, "read_dev52", files_writer(fx.FILES))


def test_what_a_question_asks_read_from_its_wording():
    assert english_subject_years("Under the 2043 revised Sea Protection Law, which violations are fined?") == []
    assert not read_question("示例部门如果没给强制性标准编号、复审，要承担什么后果？").standard_number
    assert read_question("这项示例标准的编号是多少？").standard_number
    years = read_question("有测算说，再过几年到2040年，示例技术可以帮助碳排放下降多少？")
    assert years.figure_unit != "年"
    dispute = read_question("客户要求赔偿、双方对赔多少有纠纷，可以找谁解决？")
    assert not dispute.figure and not dispute.asks & {Ask.AMOUNT, Ask.NUMERIC} and Ask.WHO in dispute.asks
    english = read_question("How many inspectors must check a firm using ozone-depleting substances?")
    assert {"消耗臭氧层物质", "检查人员"} <= set(english.legal_terms)


def test_a_validity_period_asked_of_a_named_text_is_a_figure_not_its_status(data, capsys):
    out = ask(data, "示例进出口审批条例规定的示例进出口审批单有效期最长多久？", capsys)
    assert lead(out) == ("示例进出口审批条例（测试样例）", "第二条"), out["answer"]
    assert "75日" in out["answer"] and "现行有效" not in out["answer"], out["answer"]
