"""Questions read once more — found on dev55's misses; on invented texts (tests/fixtures_read_dev55.py),
through `python -m kb ask --json` where the whole answer shows it:

- 建设单位和设计单位分别有什么义务 is answered by the article binding those parties (建设单位应当…), not by a
  clause binding the governments;
- a city's implementing rules named 实施…法的那部办法 are that text; a part asking its dates is answered
  from the header's own lines only;
- a when-word followed by a deed of its own (哪一年要全部淘汰) asks no date of the text's header;
- who orders a correction (由谁来责令改正) is answered by the article ordering it, 责令限期改正 too;
- a range of a fine the question states (罚一万到十万元) leads with the penalty imposing it;
- a part asking a figure of a penalty answered from the register (禁业多久) gets the article's sentence
  stating it;
- words: 禁业 → 禁止从事; English "what minimum registered capital" asks a sum.
"""
from __future__ import annotations

from types import SimpleNamespace

import fixtures_read_dev55 as fx
import pytest
from kb_cli import ask, files_writer, hit, index, lead

from kb.answers.duty_answers import _part_figure_sentence
from kb.answers.leads import stated_range_lead
from kb.answers.penalty_leads import sanction_asked, sanctioner_lead
from kb.question.aliases import AliasTable
from kb.question.lexicon import legal_words
from kb.question.reading import read_question


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return index(tmp_path_factory, "read_dev55", files_writer(fx.FILES))


def test_the_duties_of_the_parties_named_lead(data, capsys):
    out = ask(data, "示例省一栋新建楼房具备利用太阳能等可再生能源的条件，建设单位和设计单位分别有什么义务？", capsys)
    assert lead(out) == ("示例建筑节能条例（测试样例）", "第三条"), out["answer"]


def test_a_city_s_implementing_rules_named_the_way_people_say_it(data, capsys):
    aliases = AliasTable.build([SimpleNamespace(doc_id="city", title="示例市实施《示例节能法》办法")])
    pq = read_question("示例市实施示例节能法的那部办法，最早哪天通过？", aliases)
    assert pq.documents == ("示例市实施示例节能法办法",)
    out = ask(data, "示例市实施示例节能法的那部办法，最早哪天通过？之后又改过几次、分别是什么时候？", capsys)
    assert "2031年3月1日" in out["answer"] and "2036年6月2日" in out["answer"], out["answer"]
    assert "2032年5月7日" not in out["answer"], out["answer"]  # another regulation's line in its header


def test_who_orders_the_correction_asked():
    assert sanction_asked("该查封扣押不查封扣押，由谁来责令改正？") == "责令改正"
    title = "示例固废法（测试样例）"
    hits = [hit("第二条", "第二条 有下列情形之一，示例生态部门可以查封、扣押：（一）证据可能灭失的。", "w", title),
            hit("第三条", "第三条 示例生态部门有下列行为之一，由上一级政府有关部门责令限期改正，对负有责任的领导依法处分："
                "（一）未依法查封、扣押的。", "w", title)]
    assert sanctioner_lead(hits, [0, 1], 0, "责令改正") == 1


def test_a_range_of_a_fine_the_question_states_leads():
    pq = read_question("做工程施工，哪些示例噪声违法行为会被罚一万到十万元？")
    title = "示例噪声法（测试样例）"
    hits = [hit("第二条", "第二条 新建排放噪声的工厂，罚款十万元以上五十万元以下。", "n", title),
            hit("第三条", "第三条 施工噪声超标的施工单位，罚款一万元以上十万元以下。", "n", title)]
    assert stated_range_lead(pq, hits, [0, 1], 0) == 1


def test_a_part_asking_a_penalty_s_figure_gets_the_sentence_stating_it():
    part = read_question("相关责任人会被禁业多久？")
    text = ("示例机构出具虚假报告的，罚款为违法所得的5倍以上10倍以下。"
            "示例机构受罚的，其直接责任人员另罚2万元至20万元，5年内禁止从事示例检测业务。")
    said = _part_figure_sentence(part, text, "示例机构出具虚假报告的，罚款为违法所得的5倍以上10倍以下。")
    assert "5年内禁止从事" in said


def test_what_a_question_asks_read_from_its_wording():
    assert not read_question("示例物质管理条例规定示例物质哪一年要全部淘汰？").document_dates
    assert read_question("示例物质管理条例哪一年开始施行？").document_dates
    capital = "What minimum registered capital must a company have to obtain a comprehensive waste licence?"
    assert read_question(capital).figure == "amount"
    assert "禁止从事" in legal_words("相关责任人会被禁业多久")
