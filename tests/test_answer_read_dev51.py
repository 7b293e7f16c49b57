"""Questions read once more — found on dev51's misses; on invented texts
(tests/fixtures_read_dev51.py), through `python -m kb ask --json` where the whole answer shows it:

- a question naming one text (按示例环境基本法由哪一级负责) leads with that text's passage when search
  found one near the top, over another text's on the same topic;
- two figures offered to choose from (65%还是75%) that no passage states: refused, not answered from a
  passage on the topic;
- 在哪几年做过修正 asks dates, not a period; 没按规定报送…，由哪一级部门处理 asks a penalty;
- an English question asking what tariff in yuan per kWh asks a sum;
- words: 写清楚 → 载明, 没有许可证 → 无许可证, 强制措施 → 查封 扣押.
"""
from __future__ import annotations

import fixtures_read_dev51 as fx
import pytest
from kb_cli import ask, files_writer, index, lead

from kb.question.kinds import Ask
from kb.question.lexicon import legal_words
from kb.question.reading import read_question


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return index(tmp_path_factory, "read_dev51", files_writer(fx.FILES))


def test_a_question_naming_one_text_leads_with_that_text(data, capsys):
    out = ask(data, "推动示例生活垃圾的分类处置和回收利用，按示例环境基本法由哪一级主体负责组织？", capsys)
    assert lead(out) == ("示例环境基本法（测试样例）", "第二条"), out["answer"]


def test_two_figures_to_choose_from_that_no_passage_states_are_refused(data, capsys):
    out = ask(data, "新建示例居住建筑的节能设计要求节能率达到65%还是75%？", capsys)
    assert out["abstained"] and "65%" in out["answer"], out["answer"]


def test_what_a_question_asks_read_from_its_wording():
    years = read_question("示例固废法在2040年修订之前，分别在哪几年做过修正？")
    assert Ask.TIMELINE in years.asks and years.figure != "period"
    assert Ask.PENALTY in read_question("示例处理企业没按规定报送基本数据，由哪一级生态部门处理？").asks
    assert read_question("What feed-in tariff, in yuan per kWh, does the law set for offshore wind?").figure


def test_words_users_say():
    assert "载明" in legal_words("许可证上面应当写清楚哪些事项")
    assert "无许可证" in legal_words("把危险废物交给一家没有许可证的公司")
    assert {"查封", "扣押"} <= set(legal_words("执法部门可以采取什么强制措施"))
