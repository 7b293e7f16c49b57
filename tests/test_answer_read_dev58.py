"""Questions read once more — found on dev58's misses; read directly, and the lead chosen among passages
of invented texts:

- asked which violations a text lists (列了哪三种违法情形), a penalty's list of conducts leads over a
  prohibition;
- a year in brackets (旧版（2018年）条例) names the version as 2018年条例 does — in a Chinese question only
  (an English "(2023)" is left as written);
- English: a specific year by which something must be done asks a year;
- words: 车企 → 机动车.
"""
from __future__ import annotations

from types import SimpleNamespace

from kb_cli import hit

from kb.answers.leads import lead_for
from kb.answers.scoring import score
from kb.question.aliases import AliasTable
from kb.question.kinds import Ask
from kb.question.lexicon import legal_words
from kb.question.reading import read_question

SEA = "示例海域法（测试样例）"


def test_the_violations_a_text_lists_are_a_penalty_s_list():
    pq = read_question("示例海域法对往海里倾倒废弃物列了哪三种违法情形？")
    hits = [hit("第二条", "第二条 禁止往示例海域倾倒未经许可的废弃物。禁止在示例海域焚烧废弃物。", "sea", SEA),
            hit("第三条", "第三条 有下列行为之一的，由示例海警机构责令改正并处罚款：\n"
                "（一）运载废弃物的船舶出港不报告的；\n（二）没有倾倒许可证就向示例海域倾倒废弃物的；\n"
                "（三）在示例海域焚烧废弃物的。", "sea", SEA)]
    for h in hits:  # search's second stage put the prohibition first
        h.sources = {"rerank": 1.0}
    assert lead_for(pq, hits, score(pq, hits), [0, 1], 0) == 1


def test_a_year_in_brackets_names_a_version():
    aliases = AliasTable.build([SimpleNamespace(doc_id="old", title="示例物质管理条例"),
                                SimpleNamespace(doc_id="new", title="示例物质管理条例")])
    pq = read_question("旧版（2038年）示例物质管理条例下，罚款是处置费用的几倍？", aliases)
    assert "2038" in pq.version_years
    english = read_question("Under the current (2043) Sea Protection Law, which agency fines dumping?")
    assert english.subject_years == () and "2043年" not in english.text


def test_what_a_question_asks_read_from_its_wording():
    year = read_question("Does the Waste Law set a specific year by which every city must sort household waste?")
    assert Ask.TIMELINE in year.asks and year.figure == "year"
    assert "机动车" in legal_words("广东一家车企生产的新车排放超标，会面临什么处罚？")
