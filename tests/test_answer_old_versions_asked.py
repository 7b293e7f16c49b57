"""A question about what a text replaced (施行后原来的哪份文件不再用了) asks about that text and its
predecessor — found on dev2's d2-069; on invented texts (tests/fixtures_old_versions_asked.py), through
`python -m kb ask --json`: the answer quotes the text named and the regulation it repealed, not another
law that stops a fee from the day it takes effect (kb.answers.extractive.select: asking about old
versions admits the text's other versions, not other documents)."""
from __future__ import annotations

import fixtures_old_versions_asked as fx
import pytest
from kb_cli import ask, index, lead


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return index(tmp_path_factory, "old_versions_asked", fx.write_corpus)


def test_what_a_text_replaced_is_answered_from_that_text_only(data, capsys):
    out = ask(data, "示例资源税法哪天开始施行？施行后原来的哪份文件不再用了？", capsys)
    assert not out["abstained"], out["answer"]
    assert lead(out) == ("示例资源税法（测试样例）", "第十九条"), out["answer"]
    assert "2037年1月1日" in out["answer"] and "同时废止" in out["answer"], out["answer"]
    assert {c["title"] for c in out["citations"]} == {"示例资源税法（测试样例）"}, out["answer"]
