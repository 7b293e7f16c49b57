"""Questions read once more — found on dev54's misses; on invented texts (tests/fixtures_read_dev54.py),
through `python -m kb ask --json` where the whole answer shows it:

- an implementing regulation named by its kind alone beside the one law it implements (现行标准化法和
  2040年的实施条例) is that law's regulation, and the year dates it — not a revision of the law;
- 行业标准的代号、编号办法由谁规定 asks who sets the rule for numbering, not a standard's number;
- a term asked with 至少 (公示期至少要多少天) names the term only a passage stating it answers;
- asked a multiple (罚款按几倍计算), the penalty stating one leads over one that states none;
- officials a firm's conduct is done to (阻挠环保执法人员进厂检查) do not make the question one about
  officials' discipline;
- words: 洋垃圾 → 境外 固体废物 输入境内, 船公司 → 承运人; English quarterly, file and pay.
"""
from __future__ import annotations

import fixtures_read_dev54 as fx
import pytest
from kb_cli import ask, files_writer, hit, index

from kb.answers.figure_stated import number_in_unit
from kb.answers.leads import count_lead, lead_for
from kb.answers.scoring import score
from kb.question.figures import term_named
from kb.question.kinds import focus_of
from kb.question.lexicon import legal_words
from kb.question.reading import read_question


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return index(tmp_path_factory, "read_dev54", files_writer(fx.FILES))


def test_an_implementing_regulation_named_by_its_kind_is_the_law_s_own(data, capsys):
    out = ask(data, "跨部门、争议很大的示例标准由谁出面协调？现行示例标准化法和2040年的实施条例说法有什么不同？", capsys)
    assert not out["abstained"], out["answer"]
    assert {c["title"] for c in out["citations"]} == {"示例标准化法（测试样例）", "示例标准化法实施条例（测试样例）"}


def test_a_term_asked_at_least_is_answered_only_by_a_passage_stating_it(data, capsys):
    assert term_named("征求公众意见，公示期至少要多少天？") == "公示期"
    out = ask(data, "示例建设单位做环评时征求公众意见，公示期至少要多少天？", capsys)
    assert out["abstained"], out["answer"]


def test_the_penalty_stating_the_multiple_asked_leads():
    pq = read_question("车企生产排放超标的示例机动车，罚款以什么为基数、按几倍计算？")
    assert pq.figure_unit == "倍"
    title = "示例大气法（测试样例）"
    hits = [hit("第二条", "第二条 示例车企没有按规定公开排放检验信息的，由示例生态部门命令其改正，并罚款五万元以上五十万元以下。",
                "air", title),
            hit("第三条", "第三条 生产超过排放标准的示例机动车的，由示例生态部门收缴违法所得，并按货值金额一倍以上三倍以下罚款。",
                "air", title)]
    assert count_lead(hits, [0, 1], 0, number_in_unit(pq.figure_unit)) == 1
    for h in hits:  # search's second stage put the one stating no multiple first
        h.sources = {"rerank": 1.0}
    assert lead_for(pq, hits, score(pq, hits), [0, 1], 0) == 1


def test_what_a_question_asks_read_from_its_wording():
    assert not read_question("示例标准化条例里，国家标准和行业标准的代号、编号办法由谁规定？").standard_number
    assert read_question("这项示例行业标准的代号是什么？").standard_number
    assert "discipline" not in focus_of("企业以不开门等方式阻挠环保执法人员进厂检查，会被罚多少？")
    assert "discipline" in focus_of("执法人员收了企业的好处，会有什么后果？")


def test_words_users_say():
    assert {"输入境内", "固体废物"} <= set(legal_words("有人从境外把洋垃圾运进港口"))
    assert "承运人" in legal_words("负责运输的船公司要不要担责")
    english = read_question("Our factory files its environmental protection tax every quarter. How many days do we have?")
    assert {"季度", "申报"} <= set(english.legal_terms) | set(english.terms)
