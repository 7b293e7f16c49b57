"""Answers on the invented official-document and standards fixtures (测试样例), through the CLI.

The corpus is the one eval/questions/official.jsonl is scored on (`python -m eval corpus official`:
tests/fixtures_official*.py and tests/fixtures_standards*.py, every issuer, number and figure
invented), ingested with the default embedder. Each test pins a fix made after scoring that set.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from eval.corpus import build_fixtures

ROOT = Path(__file__).resolve().parent.parent
V2_FILE = "示例市绿色工厂申报通知（测试样例）.txt"


def _run(args: list[str], env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True, env=env, timeout=300)


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("official-corpus")
    written = build_fixtures("official", corpus)
    assert len(written) == 23
    data = tmp_path_factory.mktemp("official-questions-data")
    env = {**os.environ, "GREENKB_DATA_DIR": str(data)}
    env.pop("GREENKB_EMBED_MODEL", None)  # the default embedder: what a user gets
    for var in ("GREENKB_LLM_BASE_URL", "GREENKB_LLM_MODEL", "GREENKB_CONFIG"):
        env.pop(var, None)
    proc = _run(["-m", "ingest", str(corpus), "--data", str(data), "--quiet"], env)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return data, env


def _ask(ingested, question: str) -> dict:
    data, env = ingested
    proc = _run(["-m", "kb", "ask", question, "--json", "--data", str(data)], env)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return json.loads(proc.stdout)


def test_a_place_with_no_documents_is_not_answered_from_another_places_documents(ingested):
    # Only 示例省 / 示例市 documents are indexed: they say nothing about 北京; before the fix the
    # answer said "以下依据全国性规定" and quoted 示例市's own plan.
    out = _ask(ingested, "北京市工业领域碳达峰实施方案要求2027年工业能耗下降多少？")
    assert out["abstained"], out["answer"]
    assert "北京" in out["answer"] and "已收录文件中未找到依据" in out["answer"]
    # the place the documents are about is still answered
    out = _ask(ingested, "示例市碳达峰方案里新能源装备产业到2027年产值要到多少？")
    assert not out["abstained"] and "500亿元" in out["answer"], out["answer"]


def test_an_annex_title_alone_does_not_lead_or_get_quoted(ingested):
    # search ranks the bare "附件1 2025年度绿色工厂推荐汇总表" first; the deadline is in 一、（二）
    out = _ask(ingested, "2025年度绿色工厂推荐材料各区什么时候前要报上来？")
    assert not out["abstained"], out["answer"]
    first = out["citations"][0]
    assert (first["file_name"], first["locator"]) == (V2_FILE, "一、（二）"), out["citations"]
    assert "2025年7月15日前" in out["answer"]
    assert all(c["locator"] != "附件1" for c in out["citations"]), out["citations"]


def test_an_industry_or_company_the_table_does_not_list_is_not_answered_from_other_rows(ingested):
    industry = _ask(ingested, "示例省节能降碳方案里电解铝行业的2025年能效目标是多少？")
    assert industry["abstained"] and "没有列出“电解铝”" in industry["answer"], industry["answer"]
    company = _ask(ingested, "示例市清洁生产审核名单里示例子造纸有限公司的审核完成时限是哪天？")
    assert company["abstained"] and "没有列出“示例子造纸有限公司”" in company["answer"], company["answer"]
    # a row that is there is still the answer
    listed = _ask(ingested, "示例丙化工有限公司的审核完成时限是什么时候？")
    assert not listed["abstained"] and listed["citations"][0]["locator"] == "附件 表1 第3行"
    steel = _ask(ingested, "钢铁行业2025年能效目标是什么？")
    assert not steel["abstained"] and "能效标杆水平以上产能比例达到30%" in steel["answer"]


def test_standards_to_follow_for_a_described_notice_come_from_that_notice(ingested):
    # 示例省 + 2026年度 + 绿色工厂申报 describe one notice (without 《》): its list, not every guide's
    out = _ask(ingested, "示例省2026年度绿色工厂申报，造纸企业适用哪些标准？")
    assert not out["abstained"], out["answer"]
    assert {c["file_name"] for c in out["citations"]} == {"示例省关于开展2026年度绿色工厂申报工作的通知（测试样例）.txt"}
    assert "QB/T 39018-2024" in out["answer"] and "DB99/T 3903-2024" not in out["answer"]
    # described by nothing: the list from every document that cites standards
    out = _ask(ingested, "造纸企业申报绿色工厂要对照哪些标准？")
    assert len({c["file_name"] for c in out["citations"]}) > 1 and "DB99/T 3903-2024" in out["answer"]


def test_a_notice_described_by_place_year_and_subject_must_be_indexed(ingested):
    # no 示例省 notice of 2027 is indexed; its 2026 notice on the same subject does not answer for it
    out = _ask(ingested, "示例省2027年度绿色工厂申报通知要求什么时候前报送材料？")
    assert out["abstained"], out["answer"]
    assert "知识库中没有收录示例省2027年度绿色工厂申报通知" in out["answer"]
    # described the same way and indexed: answered from it
    out = _ask(ingested, "示例市2025年节能监察工作的通知要求各区什么时候前报送？")
    assert not out["abstained"] and "2025年11月30日前" in out["answer"], out["answer"]


def test_a_document_described_by_its_date_is_asked_about_its_content(ingested):
    # 2025年…印发的 describes the notice; the question asks what it repealed, not when it was issued:
    # the header with its dates does not lead
    out = _ask(ingested, "2025年示例市印发的工业污染防治若干措施废止了哪些文件？")
    assert not out["abstained"], out["answer"]
    first = min(out["citations"], key=lambda c: c["n"])
    assert (first["file_name"], first["locator"]) == ("示例市工业污染防治若干措施通知（测试样例）.txt", "三、"), out["citations"]
    assert "同时废止" in out["answer"]


def test_what_a_document_says_is_answered_from_its_body_not_its_header(ingested):
    # the header repeats the question's words (the title); the body says what was achieved
    out = _ask(ingested, "示例市2024年工业污染防治工作取得了哪些成效？")
    assert not out["abstained"], out["answer"]  # a report whose title is about 2024 is about 2024
    first = min(out["citations"], key=lambda c: c["n"])
    assert first["locator"] == "一、" and "120个" in out["answer"], out["answer"]
    out = _ask(ingested, "示例市碳达峰实施方案的目标是什么？")
    first = min(out["citations"], key=lambda c: c["n"])
    assert first["locator"] == "一、" and "15%" in out["answer"], out["answer"]
    # asked about the document itself, the header answers
    out = _ask(ingested, "示例市2024年工业污染防治工作情况报告的文号是多少？")
    assert min(out["citations"], key=lambda c: c["n"])["locator"] == "header", out["answer"]


def test_a_target_is_not_answered_by_what_was_achieved_before(ingested):
    # the plan records the 十三五 drop in energy intensity (16%) but sets no target for it
    out = _ask(ingested, "示例省“十四五”工业绿色发展规划对单位工业增加值能耗下降的目标是多少？")
    assert out["abstained"] and "没有规定具体目标值" in out["answer"], out["answer"]
    # the target it does set is answered
    out = _ask(ingested, "示例省十四五工业绿色发展规划定的二氧化碳排放下降目标是多少？")
    assert not out["abstained"] and "18%" in out["answer"], out["answer"]
