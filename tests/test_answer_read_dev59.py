"""Questions read once more — found on dev59's misses; on an invented text (tests/fixtures_read_dev59.py),
through `python -m kb ask --json` where the whole answer shows it:

- a term asked of one thing (买的冰箱坏了，三包保修期是多长) is not stated by the same term of another
  (保温工程的最低保修期限为6年): refused; asked of that thing, answered;
- a figure in a topic set out first (关于…要留多远的防噪声距离，新旧两法有何差别) names the topic: the
  difference is asked, not the figure.
"""
from __future__ import annotations

import fixtures_read_dev59 as fx
import pytest
from kb_cli import ask, files_writer, index

from kb.question.reading import read_question


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return index(tmp_path_factory, "read_dev59", files_writer(fx.FILES))


def test_a_term_of_another_thing_does_not_answer(data, capsys):
    out = ask(data, "买的冰箱坏了，三包保修期是多长？", capsys)
    assert out["abstained"], out["answer"]
    out = ask(data, "示例保温工程的保修期是多长？", capsys)
    assert not out["abstained"] and "6年" in out["answer"], out["answer"]


def test_a_figure_in_the_topic_set_out_first_is_not_asked():
    compared = read_question("关于建筑物与交通干线之间要留多远的防噪声距离，旧的示例噪声法和新的示例噪声法规定有何差别？")
    assert not compared.figure
    assert read_question("建筑物与交通干线之间要留多远的防噪声距离？").figure
