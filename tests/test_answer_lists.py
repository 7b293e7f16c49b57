"""List questions that name what they ask to be listed (哪几类企业, 哪些建设工程), on invented
regulations (tests/fixtures_lists.py), through `python -m kb ask --json`: the answer leads with the
article that lists that very thing, not with the first article search found that lists anything
(提供下列文件) or none (新建、扩建、改建建设工程 names ways of building, not the works asked), and a
question about a topic's 内容 with the list of that topic's 内容 (节水审查的内容包括：)."""
from __future__ import annotations

import pytest

import fixtures_lists as fx
from kb.answers.leads import listed_nouns
from kb_cli import ask, index, lead


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return index(tmp_path_factory, "lists", fx.write_corpus)


def test_the_kinds_of_firm_asked_lead_not_the_documents_to_file(data, capsys):
    out = ask(data, "哪几类企业开工生产之前必须先拿到安全许可证？", capsys)
    assert not out["abstained"], out["answer"]
    assert lead(out) == ("示例安全许可条例（测试样例）", "第二条"), out["answer"]
    assert "隧道施工企业" in out["answer"]


def test_the_works_listed_by_name_lead(data, capsys):
    out = ask(data, "哪些建设工程必须做抗震评估？", capsys)
    assert not out["abstained"], out["answer"]
    assert lead(out) == ("示例抗震评估条例（测试样例）", "第五条"), out["answer"]


def test_the_topics_contents_asked_lead_not_the_duty_to_audit(data, capsys):
    # 内容 names no kind by itself, but 节水审查的内容 does (found on dev35, once read)
    out = ask(data, "给学校做节水审查，具体要查哪些内容？", capsys)
    assert not out["abstained"], out["answer"]
    assert lead(out) == ("示例公共单位节水审查办法（测试样例）", "第八条"), out["answer"]
    assert "用水计量台账" in out["answer"]


@pytest.mark.parametrize("question, nouns", [
    ("哪几类企业开工生产之前必须先拿到安全许可证？", ("企业",)),
    ("哪些进口药品必须先经口岸检验？", ("进口", "药品")),
    ("海上作业必须配哪些防污染的设施设备？", ("防污", "设备")),
    ("这个规定具体管哪些县和旗？", ("县", "旗")),
    ("哪些情况下可以免交？", ()),  # 情况 names no kind of thing
    ("卷烟包装上必须印哪些内容？", ()),
    ("哪些类别的广告在发布之前必须先经过审查？", ("广告",)),  # 类别 names no kind of thing either
])
def test_what_a_list_question_asks_to_be_listed(question, nouns):
    assert listed_nouns(question) == nouns
