"""What is asked, precisely. Found on the dev23 question set once it was read; on invented texts
(tests/fixtures_asked_precisely.py), through `python -m kb ask --json`:

- a sum asked in kilograms (行李运费以多少公斤为限) is a quantity in 公斤, not a sum of money
  (kb.question.figures FIGURE_PATTERNS);
- 多久之内可以申请再考一次 asks a period, not how often (figures, "frequency");
- 到期前多久要申请延续 asks a lead time, as 提前多久 does (kb.question.kinds.ADVANCE_ASKED_RE);
- 按什么比例征收 asks a share; 注册资本最少要多少 names the thing counted (figures.measured_named);
- a tax's benefit asked (城市维护建设税减半征收) is granted only in a tax's words, not by the tax law
  being named (kb.answers.abstain.incentive_not_stated);
- the term of one certificate (海员培训许可证) is not stated by another's (海员适任证书的有效期):
  figures.certificate_named, figure_stated.states_figure.
"""
from __future__ import annotations

import pytest

import fixtures_asked_precisely as fx
from kb_cli import ask, index, lead


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return index(tmp_path_factory, "asked_precisely", fx.write_corpus)


@pytest.mark.parametrize("question, reason", [
    ("海员培训许可证有效期几年？", "没有规定具体期限"),
    ("美容用品生产许可证到期前多久要申请延续？", "没有规定具体期限"),
    ("城市维护建设税附加按什么比例征收？", "没有规定具体比例"),
    ("开一家出版物印刷企业，注册资本最少要多少？", "没有规定具体数值"),
    ("小微企业能不能享受城市维护建设税减半征收？", "没有规定减半"),
])
def test_what_the_texts_do_not_state_is_refused(data, capsys, question, reason):
    out = ask(data, question, capsys)
    assert out["abstained"] and reason in out["answer"], out["answer"]


@pytest.mark.parametrize("question, locator, figure", [
    ("海员被遣返时，公司要负担的行李运费以多少公斤为限？", "第九条", "30公斤"),
    ("村卫生员考核没通过，多久之内可以申请再考一次？", "第三十六条", "6个月之内"),
    ("海员适任证书的有效期是几年？", "第七条", "不超过5年"),
])
def test_what_the_texts_state_is_answered(data, capsys, question, locator, figure):
    out = ask(data, question, capsys)
    assert not out["abstained"], out["answer"]
    assert lead(out)[1] == locator and figure in out["answer"], out["answer"]
