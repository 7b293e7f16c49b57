"""What kind of answer a question asks for. Found on the dev24 question set once it was read; on
invented texts (tests/fixtures_asked_kind.py), through `python -m kb ask --json`:

- 由哪几部分构成 asks what a thing is made of (a list), not who (kb.question.kinds ASK_PATTERNS);
- 要不要算在里面 asks what a sum includes, not whether a duty exists (kinds.duty_asked), so it is
  answered from the article that says, not refused for want of a duty;
- a wrong done (私下收了…送的…) then 应当怎么处理 asks the penalty (ASK_PATTERNS[Ask.PENALTY]);
- 该向哪里递申请 is answered by the article naming where the application goes (向…提出申请), not by
  the one on what to hand in (kb.answers.authority_leads.recipient_lead), and 申请把…认定为… asks no definition;
- a comparison of two conducts (A和B，分别取消几年) quotes for the second side the paragraph on
  前款所列行为 after the one naming it (kb.answers.extractive._side_share);
- a number asked in its unit (至少去几个人, 列几年的数据) is stated by 不得少于3人 after a long list, which
  is quoted and leads, and by 两个年度 (kb.answers.figure_stated, kb.answers.extractive.select);
- 它施行后哪个旧规定被废止了 asks what the text repealed, which its own clause says, not whether it
  is in force (kb.question.kinds.asks_of);
- a penalty question whose answer leads with a rule binding no one by name (价格应当符合下列要求)
  is led by the penalty naming that rule's article (kb.answers.duty_answers.penalty_of_quoted_duty);
- a penalty asked for breaking a named article (违反…第十八条会被怎么罚) is led by the penalty the duties
  register links to it (kb.answers.duty_answers.penalty_of_named_article);
- the term of an export certificate (出境证明的有效期) is not stated by a time limit for deciding
  (figures.certificate_named with 证明 among the heads), nor the term of anything else named
  (家电的保修有效期) by a licence's.
"""
from __future__ import annotations

import pytest

import fixtures_asked_kind as fx
from kb_cli import ask, index, lead


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return index(tmp_path_factory, "asked_kind", fx.write_corpus)


@pytest.mark.parametrize("question, locator, said", [
    ("统计上说的劳务报酬总额，由哪几部分构成？", "第四条", "延时工作报酬"),
    ("口岸统计运出去的货物价格时，出境关税要不要算在里面？", "第八条", "减除"),
    ("评审小组成员私下收了供应商送的购物卡，应当怎么处理？", "第十三条", "二千元以上二万元以下"),
    ("我们作坊想申请把一门手艺列进保护名录，该向哪里递申请？", "第七条", "县级文化主管部门"),
])
def test_the_article_giving_what_is_asked_leads(data, capsys, question, locator, said):
    out = ask(data, question, capsys)
    assert not out["abstained"], out["answer"]
    assert lead(out)[1] == locator and said in out["answer"], out["answer"]


@pytest.mark.parametrize("question", [
    "生物标本出境证明的有效期是多长？",  # a time limit for deciding is no certificate's term
    "家电的保修有效期是多长？",  # a repair licence's term is not the warranty's
])
def test_a_term_of_something_else_is_no_answer(data, capsys, question):
    out = ask(data, question, capsys)
    assert out["abstained"] and "没有规定具体期限" in out["answer"], out["answer"]


def test_the_term_of_the_thing_named_is_answered(data, capsys):
    out = ask(data, "家电维修许可证的有效期是几年？", capsys)
    assert not out["abstained"] and lead(out)[1] == "第六条" and "3年" in out["answer"], out["answer"]


def test_applying_to_have_a_craft_recognised_asks_no_definition():
    from kb.question.reading import read_question
    from kb.question.kinds import Ask
    pq = read_question("我们工坊想申请把一门手艺认定为传统技艺，该向哪里递申请？")
    assert Ask.DEFINITION not in pq.asks
    assert Ask.DEFINITION in read_question("这家企业，能认定为高新技术企业吗？").asks


def test_each_side_of_a_comparison_is_answered_from_its_own_article(data, capsys):
    """The second side's sanction is in a paragraph on 前款所列行为: the conduct the paragraph before
    names (冒用其他单位的名义) makes it that side's answer."""
    out = ask(data, "投标人相互约定报价和冒用别家名义投标，情节严重的，分别取消几年投标资格？", capsys)
    assert not out["abstained"], out["answer"]
    assert "二年至四年" in out["answer"] and "半年至二年" in out["answer"], out["answer"]
    assert {c["locator"] for c in out["citations"]} >= {"第十二条", "第十三条"}, out["citations"]


@pytest.mark.parametrize("question, locator, said", [
    ("年度报表里至少要列几年的数据做对比？", "第九条", "两个年度"),  # years counted as 两个年度
    ("监管部门调查违规集资，现场至少要去几个人？", "第十五条", "不得少于3人"),  # the sentence after a long list
])
def test_a_number_in_its_unit_is_quoted_and_leads(data, capsys, question, locator, said):
    out = ask(data, question, capsys)
    assert not out["abstained"], out["answer"]
    first = out["answer"].splitlines()[0]
    assert lead(out)[1] == locator and said in first, out["answer"]


def test_what_a_text_repealed_is_read_from_its_own_clause(data, capsys):
    out = ask(data, "示例集资防范条例从哪天开始施行？它施行后哪个旧规定被废止了？", capsys)
    assert not out["abstained"], out["answer"]
    assert "2022年3月1日" in out["answer"] and "示例集资清理办法" in out["answer"], out["answer"]


def test_a_rule_binding_no_one_by_name_is_answered_by_the_penalty_naming_it(data, capsys):
    """价格应当符合下列要求 binds no one by name (the duties register reads no duty in it); asked what
    happens to a price above the range, the penalty that names its article (违反本规定第四条) leads."""
    out = ask(data, "我们的商品售价明显高出同类商品平均售价的合理幅度，会受到什么处理？", capsys)
    assert not out["abstained"], out["answer"]
    assert lead(out)[1] == "第九条" and "3倍以下" in out["answer"], out["answer"]
    assert "第四条" in {c["locator"] for c in out["citations"]}, out["citations"]


def test_the_penalty_for_breaking_a_named_article_leads(data, capsys):
    """违反…第十八条会被怎么罚: the penalty enforcing that article's duty leads (第三十三条 does not
    name it), not a penalty of the same law for another conduct."""
    out = ask(data, "违反示例节水管理条例第十八条会被怎么罚？", capsys)
    assert not out["abstained"], out["answer"]
    assert lead(out)[1] == "第三十三条" and "1万元以上5万元以下" in out["answer"], out["answer"]

