"""Found on the dev22 question set once it was read; on invented texts
(tests/fixtures_notices_and_fines.py), through `python -m kb ask --json`:

- a fine asked of a conduct whose duty leads (怀孕7个月以上…不得安排夜班劳动) is answered from the
  penalty the duties register links to that duty (违反本规定第六条第二款…的，…每人800元以上4000元以下),
  though search ranks it too low for the figure check (kb.answers.duty_consequences.linked_penalty_hits);
- who issued a notice and under which number (那份通知，是哪个部门发的？文号是多少？) is asked of its
  header (kb.question.document_asks.ISSUER_ASKED_RE);
- a law named in English by its subject (the Employment Promotion Law) is found among the indexed
  titles, and 'from what date has it been in force' asks a date, not whether it still is
  (kb.question.english).
"""
from __future__ import annotations

import pytest

import fixtures_notices_and_fines as fx
from kb_cli import ask, index, lead


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return index(tmp_path_factory, "notices_fines", fx.write_corpus)


def test_a_fine_for_breaking_a_duty_comes_from_the_penalty_linked_to_it(data, capsys):
    out = ask(data, "怀孕7个月以上的女员工，公司还安排她上夜班，会被罚多少？", capsys)
    assert not out["abstained"], out["answer"]
    assert lead(out)[1] == "第十三条" and "800元以上4000元以下" in out["answer"], out["answer"]
    assert "第六条" in {c["locator"] for c in out["citations"]}, out["answer"]


def test_the_linked_penalty_is_brought_in_when_search_ranks_it_out_of_reach(data):
    # as on the read set: the penalty names only the rules it enforces, and search ranks it
    # below the passages a fine is looked for in
    from kb.answers.answer import extractive_answer
    from kb.answers.catalog import catalog_of
    from kb.search.searcher import Searcher
    from kb.settings import load_settings

    searcher = Searcher(load_settings(data_dir=data))
    pq = searcher.read("怀孕7个月以上的女员工，公司还安排她上夜班，会被罚多少？")
    hits = [h for h in searcher.search(pq, k=8) if h.locator != "第十三条"]
    assert hits[0].locator == "第六条"
    a = extractive_answer(pq, hits, [], catalog_of(searcher))
    assert not a.abstained, a.text
    assert a.citations[0].hit.locator == "第十三条" and "800元以上4000元以下" in a.text, a.text


def test_who_issued_a_notice_and_its_number_are_in_its_header(data, capsys):
    out = ask(data, "月计薪天数按21.75天折算的那份通知，是哪个部门发的？文号是多少？", capsys)
    assert not out["abstained"], out["answer"]
    assert lead(out)[1] == "header" and "〔2026〕7号" in out["answer"], out["answer"]


def test_a_law_named_in_english_and_when_it_has_been_in_force(data, capsys):
    out = ask(data, "When was the Employment Promotion Law adopted, and from what date has it been in force?", capsys)
    assert not out["abstained"], out["answer"]
    assert "示例就业促进法" in lead(out)[0], out["answer"]
    assert "2009年8月30日" in out["answer"] and "2010年1月1日" in out["answer"], out["answer"]
