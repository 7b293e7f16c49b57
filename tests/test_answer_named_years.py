"""A year that names the version asked about, and goods stored — found on the dev34 question set
(new questions on the shipped corpus) once it was read; on invented texts
(tests/fixtures_named_years.py), through `python -m kb ask --json`:

- 按1991年的《…条例》, 2022年新版, "the version dated 12 March 2019": the year dates a version of the
  document named, which the passages need not say again — the question is answered, not refused
  for want of a passage about that year (kb.answers.abstain);
- 最长能存多久 of goods is stated where they are stored (贮存…不得超过一年), as a record's keeping
  is where it is kept (kb.answers.figure_stated).
"""
from __future__ import annotations

import fixtures_named_years as fx
import pytest
from kb_cli import ask, index, lead


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return index(tmp_path_factory, "named_years", fx.write_corpus)


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

