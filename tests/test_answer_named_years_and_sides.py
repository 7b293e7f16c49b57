"""A year that names the version asked about, goods stored, and the two sides of a comparison in
two laws — found on the dev34 question set (new questions on the shipped corpus) once it was read;
on invented texts (tests/fixtures_named_years_and_sides.py), through `python -m kb ask --json`:

- 按1991年的《…条例》, 2022年新版, 2015年那版, 2022年新修订的, "the version dated 12 March 2019": the
  year dates a version of the
  document named, which the passages need not say again — the question is answered, not refused
  for want of a passage about that year (kb.answers.abstain);
- 最长能存多久 of goods is stated where they are stored (贮存…不得超过一年), as a record's keeping
  is where it is kept (kb.answers.figure_stated);
- two sides compared, each asking a figure another law states (生态损害 and 产品缺陷, the time to
  sue): each side is answered from its own law, though the other law's sentence shares few of the
  side's words (kb.answers.extractive, kb.answers.answer._each_side);
- a term asked about in quotation marks (条例里说的“示例气体”指哪几种) is answered where the text
  defines it (示例气体，是指…), not by another article naming it (kb.answers.leads.definition_lead,
  kb.text.roles.definition_of);
- a yes/no duty asked with how it is done (需要专门写吗, 需要特别标明吗) is judged by the duty (写, 标明),
  not refused for the manner no text words that way (kb.answers.abstain);
- 比批准的规模多出多少 asks how much more, not a thing named 规模多出 (kb.question.figures);
- 哪一级政府, 哪一年, 哪一个部门 ask who and when although folding writes them 哪1级, 哪1年
  (kb.question.kinds.asks_of); 由谁来安排, 哪一级政府点头 ask who decides, answered by the article
  naming an authority (kb.question.figures.DECIDER_RE);
- 一直拖着不报会怎样？要是…呢？ asks the penalty in its first question, as it would at the end of the
  only one (kb.question.kinds.consequence_as_penalty): the penalty enforcing the duty leads.
"""
from __future__ import annotations

import fixtures_named_years_and_sides as fx
import pytest
from kb_cli import ask, index, lead


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return index(tmp_path_factory, "named_years_and_sides", fx.write_corpus)


def test_a_year_naming_the_version_asked_about(data, capsys):
    out = ask(data, "按1991年的示例标准工作实施条例，企业交的罚款能不能摊进生产成本？", capsys)
    assert not out["abstained"] and lead(out)[1] == "第三条", out["answer"]
    assert "不准计入产品成本" in out["answer"], out["answer"]


def test_an_old_version_and_a_new_version_of_a_year(data, capsys):
    out = ask(data, "海上示例工程的污染防治，老版示例海域保护法和2022年新版分别交给哪个部门负责？", capsys)
    assert not out["abstained"], out["answer"]
    assert "国家生态环境主管部门" in out["answer"], out["answer"]


def test_an_english_question_naming_a_version_by_its_date(data, capsys):
    out = ask(data, "When was the Metrology Law first adopted, and which amendment produced the version "
                    "dated 12 March 2019?", capsys)
    assert not out["abstained"], out["answer"]
    assert "1986年7月1日" in out["answer"] and "第二次修正" in out["answer"], out["answer"]


def test_a_year_of_the_question_itself_is_still_looked_for(data, capsys):
    out = ask(data, "2023年示例危险物一共贮存了多少吨？", capsys)
    assert out["abstained"], out["answer"]


@pytest.mark.parametrize("question", ["我们是有证的示例危险物处置企业，仓库里的示例危险物最长能存多久？",
                                      "示例危险物在库里最多可以放多长时间？"])
def test_goods_stored_are_kept_where_they_are_stored(data, capsys, question):
    out = ask(data, question, capsys)
    assert not out["abstained"] and lead(out)[1] == "第三条", out["answer"]
    assert "不得超过一年" in out["answer"], out["answer"]


def test_each_side_answered_from_its_own_law(data, capsys):
    out = ask(data, "因为示例生态被破坏受了损失去法院索赔，和因为示例产品有缺陷受了损失索赔，诉讼时效分别是几年？", capsys)
    assert not out["abstained"], out["answer"]
    assert "四年" in out["answer"] and "两年" in out["answer"], out["answer"]
    assert {c["locator"] for c in out["citations"]} == {"第四条"}, out["answer"]
    assert len({c["title"] for c in out["citations"]}) == 2, out["answer"]


def test_a_quoted_term_is_answered_by_its_definition(data, capsys):
    out = ask(data, "示例碳交易管理条例里说的“示例气体”具体指哪几种？", capsys)
    assert not out["abstained"] and lead(out)[1] == "第四条", out["answer"]
    assert "示例氟化物" in out["answer"], out["answer"]


@pytest.mark.parametrize("question, said", [
    ("按2015年那版示例海域保护法，海上示例工程的污染防治由哪个部门负责？", "国家海洋主管部门"),
    ("按2022年新修订的示例海域保护法，海上示例工程的污染防治由哪个部门负责？", "国家生态环境主管部门"),
])
def test_a_version_named_that_way_is_the_one_answered(data, capsys, question, said):
    out = ask(data, question, capsys)
    assert not out["abstained"] and lead(out)[1] == "第三条", out["answer"]
    assert said in out["answer"].split("\n")[0], out["answer"]


@pytest.mark.parametrize("question, said", [
    ("许可证有效期内我们停产了，年度执行报告里需要专门写吗？", "如实写明停产期间的排放变化"),
    ("卖翻新的示例产品需要特别标明吗？", "标注为翻新产品"),
])
def test_the_manner_of_a_duty_asked_is_not_the_duty(data, capsys, question, said):
    out = ask(data, question, capsys)
    assert not out["abstained"], out["answer"]
    assert said in out["answer"], out["answer"]


def test_how_much_more_names_no_thing(data, capsys):
    out = ask(data, "实际经营量比批准的年经营规模多出多少，就得重新申领示例经营许可证？", capsys)
    assert not out["abstained"] and lead(out)[1] == "第五条", out["answer"]
    assert "20%以上" in out["answer"], out["answer"]


def test_who_arranges_is_asked_of_an_authority(data, capsys):
    out = ask(data, "我们新上的生产线用电量太大，当地供电所供不了，那由谁来安排别的供电企业给我们供电？", capsys)
    assert not out["abstained"] and lead(out)[1] == "第四条", out["answer"]
    assert "省级示例能源部门指定" in out["answer"].split("\n")[0], out["answer"]


def test_which_level_asks_who(data, capsys):
    out = ask(data, "想建一个示例电器集中拆解处理园区，需要哪一级政府点头？", capsys)
    assert not out["abstained"] and lead(out)[1] == "第四条", out["answer"]
    assert "省级人民政府批准" in out["answer"].split("\n")[0], out["answer"]


@pytest.mark.parametrize("question, said", [
    ("示例计量法是哪一年通过的？", "1986年7月1日"),
    ("海上示例工程的污染防治现在归哪一个部门管？", "国家生态环境主管部门"),
    ("示例电器处理企业建立的日常环境监测制度，是哪一个部门来抽查？", "示例生态主管部门"),
])
def test_which_one_asks_when_and_who(data, capsys, question, said):
    out = ask(data, question, capsys)
    assert not out["abstained"], out["answer"]
    assert said in out["answer"].split("\n")[0], out["answer"]


def test_what_befalls_a_conduct_in_the_first_of_two_questions(data, capsys):
    out = ask(data, "我们是一座大型商场的业主，示例建设部门要我们每年报能耗数据，如果一直拖着不报会怎样？"
                    "要是报上去的数字被发现改过呢？", capsys)
    assert not out["abstained"] and lead(out)[1] == "第四条", out["answer"]
    assert "一万元以上五万元以下" in out["answer"], out["answer"]
