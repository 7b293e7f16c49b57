"""Amending something else, who made a text, fees asked, sums counted in months, shares asked as
fractions, and English words for a foreign company's branch — found on the dev27 and dev29 question
sets once they were read; on invented texts (tests/fixtures_companies_and_fees.py), through
`python -m kb ask --json`:

- 修改公司章程的决议 amends the articles of association, not the text: A和B…有什么不同 compares the
  two sides of the text in force (kinds: 修改 / 修订 name a version only when said of a text);
- 那部暂行办法，是谁批准的、由哪个机构发布的 reads the header (kb.question.document_asks.ISSUER_ASKED_RE);
- 要交仲裁费吗 is led by the passage on fees, not by the procedure (leads.fee_lead);
- a sum counted in months (十二个月金额) states the amount asked (figure_stated);
- 几分之几 asks a share, which a rule leaving it to others (具体管理办法由…另定) does not state;
- an English question on a foreign company's unapproved branch reads 外国公司, 分支机构.
"""
from __future__ import annotations

import pytest

import fixtures_companies_and_fees as fx
from kb_cli import ask, index, lead


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return index(tmp_path_factory, "companies_and_fees", fx.write_corpus)


def test_amending_the_articles_is_no_earlier_version(data, capsys):
    out = ask(data, "同样是修改公司章程的决议，有限公司和股份公司在通过门槛上有什么不同？", capsys)
    assert not out["abstained"] and "无法逐条比较" not in out["answer"], out["answer"]
    assert {c["locator"] for c in out["citations"]} >= {"第一条", "第二条"}, out["citations"]


@pytest.mark.parametrize("question, locator, said", [
    ("管投资咨询的那部暂行办法，是谁批准的、由哪个机构发布的？", "header", "示例省证券委员会发布"),
    ("员工申请劳动仲裁，我们公司作为被申请人要交仲裁费吗？", "第三条", "不收费"),
    ("劳动仲裁里讨要工资的案子，金额在多少以内是一裁终局？", "第四条", "十二个月金额"),
    ("What penalty does a foreign company face for opening a branch without approval?", "第四条",
     "五万元至二十万元"),
])
def test_the_passage_stating_it_leads(data, capsys, question, locator, said):
    out = ask(data, question, capsys)
    assert not out["abstained"] and lead(out)[1] == locator and said in out["answer"], out["answer"]


def test_a_share_left_to_others_is_not_stated(data, capsys):
    out = ask(data, "上市公司董事会里独立董事至少要占几分之几？", capsys)
    assert out["abstained"], out["answer"]


def test_amending_is_a_version_only_when_said_of_a_text():
    from kb.question.reading import read_question
    assert read_question("条例修改了哪些内容？").other_versions
    assert read_question("2018年修正的条例和以前比有什么不同？").other_versions
    assert not read_question("修改公司章程的决议，有限公司和股份公司有什么不同？").other_versions
