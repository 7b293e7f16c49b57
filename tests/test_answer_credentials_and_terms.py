"""A penalty question about working without a credential, whether a thing falls under a term
quoted, and which level of government — found on the dev35 and dev36 question sets once they were read; on invented texts
(tests/fixtures_credentials_and_terms.py), through `python -m kb ask --json`:

- 没有拿到拆解资格的小作坊私自拆旧电视，会被怎么处理 meets the article punishing work without the
  dismantling qualification (不具备…拆解资格而擅自开展…), not the next one, which punishes a banned
  method and takes the qualification away (kb.text.roles.credentials_lacked, kb.search.rerank);
- a credential of another name (堆场经营许可证) is not the one asked about;
- 这算不算…的“拆解”，要不要拆解资格 asks whether a thing falls under the term quoted: the article
  defining it leads (…所称…的拆解活动，是指…不包括…维修、翻新), not the duty to hold the qualification
  (kb.question.kinds, kb.text.roles.definition_of);
- 归哪一级政府组织 is answered by the passage naming a level (县级人民政府负责组织…), not by one binding
  every level alike (地方各级人民政府应当加强…), though search found that one first
  (kb.answers.leads.level_lead).
"""
from __future__ import annotations

import fixtures_credentials_and_terms as fx
import pytest
from kb_cli import ask, index, lead

from kb.text.roles import credentials_lacked, lacks_same_credential


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return index(tmp_path_factory, "lacked_credential", fx.write_corpus)


def test_working_without_the_qualification_asked_meets_its_penalty(data, capsys):
    out = ask(data, "没有拿到拆解资格的小作坊私自拆旧电视、旧冰箱，会被怎么处理？", capsys)
    assert not out["abstained"], out["answer"]
    assert lead(out)[1] == "第十八条", out["answer"]
    assert "6万元以上60万元以下" in out["answer"], out["answer"]


def test_whether_a_thing_falls_under_a_quoted_term_meets_its_definition(data, capsys):
    out = ask(data, "我们店收旧电视，修好翻新后当二手货卖，这算不算示例旧器具的“拆解”，要不要拆解资格？", capsys)
    assert not out["abstained"], out["answer"]
    assert lead(out) == ("示例旧器具回收经营规定（测试样例）", "第二条"), out["answer"]
    assert "不包括对器具进行维修、翻新" in out["answer"], out["answer"]


def test_a_level_asked_is_answered_by_the_passage_naming_one(data, capsys):
    out = ask(data, "农村的示例生活垃圾处置工作归哪一级政府组织？", capsys)
    assert not out["abstained"], out["answer"]
    assert lead(out) == ("示例乡村环境法（测试样例）", "第四条"), out["answer"]
    assert "县级人民政府负责组织" in out["answer"], out["answer"]


@pytest.mark.parametrize(("question", "conduct", "same"), [
    ("没有拿到拆解资格就拆旧电视", "不具备示例旧器具拆解资格而擅自开展拆解业务的", True),
    ("没有排污许可证就排污", "未依法取得排污许可证排放污染物的", True),
    ("没有营业执照就开店", "未取得营业执照擅自从事经营活动的", True),
    # another credential of the same kind, or of another kind
    ("没有拿到拆解资格就拆旧电视", "未取得示例堆场经营许可证擅自经营堆场的", False),
    ("没有排污许可证就排污", "未经批准擅自排放污染物的", False),
    # breaking a credential's terms is not lacking it
    ("没拿到倾倒许可证就往海里倒", "未按照倾倒许可证的规定倾倒废弃物的", False),
    # a credential not named says too little: every permit of every law would meet it
    ("也没办过什么许可", "未取得示例堆场经营许可证擅自经营堆场的", False),
])
def test_the_credential_asked_and_the_credential_punished(question, conduct, same):
    assert lacks_same_credential(credentials_lacked(question), conduct) is same
