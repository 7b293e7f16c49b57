"""Questions read once more — found on dev57's misses; on an invented text (tests/fixtures_read_dev57.py),
through `python -m kb ask --json` where the whole answer shows it:

- a count asked of a place (四川有多少家…) that no passage names is refused, not answered with the
  national count;
- 按已被废止的…法 describes the text asked about, it does not ask whether it is in force;
- 在2000年和2015年的两次改动 names the text's own revisions, not years the texts must be about;
- words: 学校买 → 公共机构 采购, 运进境内 → 入境.
"""
from __future__ import annotations

import fixtures_read_dev57 as fx
import pytest
from kb_cli import ask, files_writer, index

from kb.question.kinds import Ask
from kb.question.lexicon import legal_words
from kb.question.reading import read_question


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return index(tmp_path_factory, "read_dev57", files_writer(fx.FILES))


def test_a_count_asked_of_a_place_no_passage_names_is_refused(data, capsys):
    out = ask(data, "按示例绿色工厂建设办法，四川有多少家示例绿色工厂？", capsys)
    assert out["abstained"] and "四川" in out["answer"], out["answer"]
    out = ask(data, "按示例绿色工厂建设办法，江苏有多少家示例绿色工厂？", capsys)
    assert not out["abstained"], out["answer"]


def test_what_a_question_asks_read_from_its_wording():
    repealed = read_question("按已被废止的示例噪声法，不按规定缴纳超标准排污费会受什么处罚？")
    assert Ask.STATUS not in repealed.asks and Ask.PENALTY in repealed.asks
    assert Ask.STATUS in read_question("示例噪声法是不是已经被废止了？").asks
    revisions = read_question("示例大气法在2040年和2045年的两次改动，分别属于修订还是修正？")
    assert revisions.subject_years == ()


def test_words_users_say():
    assert {"公共机构", "采购"} <= set(legal_words("学校买了国家明令淘汰的耗能设备"))
    assert "入境" in legal_words("已经非法运进境内的固体废物怎么处理")
