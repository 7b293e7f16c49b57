"""What a document's events are, fees set out in a list, work left for later, a text named but not
indexed, and the penalty of a conduct — found on the dev27 and dev28 question sets once they
were read; on invented texts (tests/fixtures_events_and_fees.py), through `python -m kb ask --json`:

- 实施管控 / 发布管控命令 act on something else: they ask no date of the document, whose header
  would lead and state no period (kinds.focus_of);
- a list introduced by the fee asked (场地使用费，按下列标准计收：) states its sums in its items
  (figure_stated._lists_of);
- a rule whose working details are left for later (拨款办法，另行规定) does not answer how they work
  (abstain.delegation);
- what a document named in 《》 and not indexed bans (《…》具体禁止了哪些…) is refused, though another
  text mentions it (kb.question.document_asks.content_of_pattern);
- asked the penalty for failing to report in time, the penalty listing that conduct leads, not
  another conduct's that shares the question's words. (When the answer's lead was another
  penalty and the quoted duty is enforced by a better-fitting one, duty_answers._duty_behind puts
  that one first; the invented texts here do not reach that path — dev27's d27-030 does.)
"""
from __future__ import annotations

import pytest

import fixtures_events_and_fees as fx
from kb_cli import ask, index, lead


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return index(tmp_path_factory, "events_and_fees", fx.write_corpus)


@pytest.mark.parametrize("question, locator, said", [
    ("决定实施无线电管控的机关，最晚要提前多少天对外发布管控命令？", "第二条", "10日前"),
    ("出口企业的场地使用费按什么标准交？", "第二条", "五元至二十元"),
    ("单位的信息系统出了案件，却没按规定时间报告公安，会怎么处罚？", "第二条", "停机整顿"),
])
def test_the_article_stating_it_leads(data, capsys, question, locator, said):
    out = ask(data, question, capsys)
    assert not out["abstained"] and lead(out)[1] == locator and said in out["answer"], out["answer"]


@pytest.mark.parametrize("question, reason", [
    ("示例科学基金的资助经费是按什么办法拨付的？", "另行规定"),
    ("《示例关于制止乱收费的通知》具体禁止了哪些收费行为？", "没有收录"),
])
def test_what_the_documents_do_not_hold_is_refused(data, capsys, question, reason):
    out = ask(data, question, capsys)
    assert out["abstained"] and reason in out["answer"], out["answer"]


def test_the_documents_own_dates_are_still_asked():
    from kb.question.kinds import focus_of
    assert "issued" in focus_of("这个规定是哪天发布的？")
    assert "effective" in focus_of("它什么时候开始施行？")
    assert focus_of("决定实施管控的机关要提前几天发布管控命令？") == ()
    assert "adopted" not in focus_of("不通过外轮代理代收运费的，多少天内要缴税？")
