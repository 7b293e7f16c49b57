"""Questions read once more — found on dev50's misses; on invented texts
(tests/fixtures_read_dev50.py), through `python -m kb ask --json` where the whole answer shows it:

- 什么情况下可以制定地方标准: the article saying when it may be made (可以制定…) leads over one on
  who plans and issues such standards;
- a part of a question that names one version by its year (按2047年修订后的…) is not answered from
  another version search found beside it.
"""
from __future__ import annotations

import fixtures_read_dev50 as fx
import pytest
from kb_cli import ask, files_writer, hit, index, lead

from kb.answers.extractive import another_version
from kb.answers.leads import CONDITION_ASKED
from kb.question.reading import read_question


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return index(tmp_path_factory, "read_dev50", files_writer(fx.FILES))


def test_when_something_may_be_done_the_article_saying_it_may_leads(data, capsys):
    m = CONDITION_ASKED.search("关于什么情况下可以制定示例地方标准，两部条例说法一样吗？")
    assert m and m.group("act").startswith("制定")
    out = ask(data, "什么情况下可以制定示例地方标准？", capsys)
    assert lead(out) == ("示例标准实施条例（测试样例）", "第三条"), out["answer"]


def test_a_part_naming_one_version_is_not_answered_from_another():
    part = read_question("按2047年修订后的示例入海排污法，违规设置入海排污口会被罚多少钱？")
    assert part.version_years == ("2047",)
    new = hit("第二条", "违反本法规定设置示例入海排污口的，罚三万元至十二万元", "new", "示例入海排污法", "2047-04-04")
    old = hit("第二条", "违反本法规定设置示例入海排污口的，罚一万一千元至八万元", "old", "示例入海排污法", "2037-07-07")
    assert another_version(old, part, [new, old]) and not another_version(new, part, [new, old])
    # (without the named version among the passages, an older one may still answer)
    assert not another_version(old, part, [old])
