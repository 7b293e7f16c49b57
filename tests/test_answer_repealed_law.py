"""Change questions across a repeal: the knowledge base holds a new law and the old law it repealed,
which the version graph links (kb.versions.graph lineage). Invented texts:
tests/fixtures_repealed_law.py, through `python -m kb ask --json`.

- An old article and a new one on the topic asked, which the comparison could not pair, are one
  matter in two laws: both are quoted, neither called deleted nor added
  (kb.answers.compose_changes).
- When nothing of the two laws is compared, the answer does not say that only one version is
  indexed: it names both laws (kb.answers.version_answers.one_version).
- A year neither law bears is refused.
"""
from __future__ import annotations

import fixtures_repealed_law as fx
import pytest
from kb_cli import ask, index


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return index(tmp_path_factory, "repealed_law", fx.write_corpus)


def test_unpaired_articles_on_the_topic_are_not_called_deleted_and_added(data, capsys):
    out = ask(data, "老的示例环境噪声管理法和新的示例安宁生活保障法，对老百姓检举、投诉噪声扰民的规定有什么不一样？", capsys)
    assert not out["abstained"], out["answer"]
    assert {c["locator"] for c in out["citations"]} >= {"第七条", "第九条"}, out["answer"]
    assert "未见逐条对应" in out["answer"] and "已删去" not in out["answer"] and "新增" not in out["answer"]
    out = ask(data, "示例安宁生活保障法和老的示例环境噪声管理法比，施工单位夜间作业的要求有什么变化？", capsys)
    assert {c["locator"] for c in out["citations"]} >= {"第十二条", "第二十三条"}, out["answer"]
    assert "已删去" not in out["answer"] and "新增" not in out["answer"], out["answer"]


def test_a_repealed_predecessor_is_named_not_denied(data, capsys):
    out = ask(data, "新的示例安宁生活保障法比老的示例环境噪声管理法，立法目的改了什么？", capsys)
    assert not out["abstained"], out["answer"]
    assert "一个版本" not in out["answer"], out["answer"]
    assert ("《示例安宁生活保障法（测试样例）》（2041-03-02）废止并取代了《示例环境噪声管理法（测试样例）》（2029-05-01）"
            in out["answer"]), out["answer"]


def test_a_year_neither_law_has_is_still_refused(data, capsys):
    out = ask(data, "示例安宁生活保障法2035年修改了什么？", capsys)
    assert out["abstained"], out["answer"]
    assert "2035" in out["answer"], out["answer"]
