"""The evaluation's hit rule, metrics and RESULTS.md sections (on invented questions)."""
from __future__ import annotations

import pytest

from eval import common

Q = {
    "id": "t1",
    "question": "测试问题",
    "doc": "节约能源法(2018-10-26).md",
    "locator": "第七十三条",
    "also": ["第十九条", "其他法(2020-01-01).md#第五条"],
    "answer_keywords": ["市场监督管理部门", "三万元以上五万元以下"],
    "type": "penalty",
}


def test_hit_by_locator_or_also_in_same_doc():
    assert common.is_hit(Q, "节约能源法(2018-10-26).md", "第七十三条", "")
    assert common.is_hit(Q, "节约能源法(2018-10-26).md", "第十九条", "")
    assert not common.is_hit(Q, "节约能源法(2018-10-26).md", "第七十四条", "无关")


def test_hit_requires_gold_doc():
    assert not common.is_hit(Q, "其他法(2020-01-01).md", "第七十三条", "")
    # an `also` entry in another document is a supporting place, but the README rule asks for the gold doc
    assert not common.is_hit(Q, "其他法(2020-01-01).md", "第五条", "")
    assert common.is_hit(Q, "/some/dir/节约能源法(2018-10-26).md", "第七十三条", "")


def test_hit_by_all_keywords_whitespace_ignored():
    text = "由市场监督 管理部门责令改正，处三万元以上\n五万元以下罚款"
    assert common.is_hit(Q, "节约能源法(2018-10-26).md", "第八十条", text)
    assert common.is_hit(Q, "节约能源法(2018-10-26).md", None, text)  # baseline chunk, no locator
    assert not common.is_hit(Q, "节约能源法(2018-10-26).md", None, "处三万元以上五万元以下罚款")


def test_unanswerable_never_hits():
    q = {**Q, "doc": None, "locator": None}
    assert not common.is_hit(q, "节约能源法(2018-10-26).md", "第七十三条", "")


def test_section_locators():
    q = {**Q, "doc": "paper.txt", "locator": "1.3", "also": None, "answer_keywords": ["x"]}
    assert common.is_hit(q, "paper.txt", "1.3", "")
    assert common.is_hit(q, "paper.txt", "1.3.2", "")
    assert not common.is_hit(q, "paper.txt", "1.30", "")
    assert not common.is_hit(q, "paper.txt", "2.3", "")


def test_first_hit_rank_and_scores():
    results = [("a.md", "第一条", ""), ("节约能源法(2018-10-26).md", "第十九条", "")]
    assert common.first_hit_rank(Q, results) == 2
    assert common.first_hit_rank(Q, results[:1]) is None
    s = common.score([1, 2, None, 7, 11], ["a", "a", "b", "b", "b"])
    assert s.n == 5
    assert s.hit1 == pytest.approx(0.2) and s.hit5 == pytest.approx(0.4) and s.hit10 == pytest.approx(0.6)
    assert s.mrr == pytest.approx((1 + 0.5 + 1 / 7) / 5)
    assert s.by_type["a"].hit1 == 0.5 and s.by_type["b"].n == 3


def test_percentile():
    assert common.percentile([5, 1, 3, 2, 4], 50) == 3
    assert common.percentile([], 95) == 0.0


def test_write_section_replaces_and_keeps_others(tmp_path):
    path = tmp_path / "RESULTS.md"
    common.write_section("retrieval", "R1", path)
    common.write_section("baseline", "B1", path)
    common.write_section("retrieval", "R2", path)
    text = path.read_text(encoding="utf-8")
    assert "R1" not in text and "R2" in text and "B1" in text
    assert text.index("R2") < text.index("B1")
    assert common.read_section("baseline", path).strip() == "B1"


def test_load_questions_real_dev_set(shared):
    qs = common.load_questions(shared / "eval" / "dev.jsonl")
    assert qs and all("question" in q for q in qs)
    assert len(common.answerable(qs)) < len(qs)


def test_machine_line():
    assert "CPU" in common.machine()
