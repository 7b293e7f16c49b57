"""Government documents beyond laws: notices, a plan, a web page, a standards guide, a repeal.

Fixtures are built by tests/fixtures_official.py (invented issuers, numbers, standards; 测试样例).
Each shape is read through the real loaders, cleaning, structure, chunking and metadata; the
status rules through the version graph; the answers through `python -m kb ask`.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fixtures_official import (  # noqa: E402
    BOX1,
    D1_TABLE,
    D3_COMPANIES,
    D4_TABLE,
    EXPECTED,
    STATUS_DAY,
    build_all,
    build_pdf_plan,
)

from ingest import loaders, official, tables  # noqa: E402
from ingest.chunking import make_chunks  # noqa: E402
from ingest.clean import clean_document  # noqa: E402
from ingest.parsing import parse_file  # noqa: E402
from ingest.structure import parse  # noqa: E402
from ingest.types import CleanText  # noqa: E402
from kb.versions.graph import VersionGraph  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TODAY = date.fromisoformat(STATUS_DAY)


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    return build_all(tmp_path_factory.mktemp("official"))


@pytest.fixture(scope="module")
def parsed(files) -> dict[str, tuple]:
    return {key: parse_file(path, key, "digest", ocr=False) for key, path in files.items()}


def _by_locator(chunks) -> dict[str, list]:
    out: dict[str, list] = {}
    for c in chunks:
        out.setdefault(c.locator, []).append(c)
    return out


# ------------------------------------------------------------------------------ metadata


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_title_number_issuer_date_type_of_every_fixture(parsed, key):
    meta, chunks = parsed[key]
    want = EXPECTED[key]
    assert meta.title == want.title
    assert meta.doc_number == want.doc_number
    assert meta.issuer == want.issuer
    assert meta.date == want.date
    assert meta.doc_type == want.doc_type
    assert meta.expires == want.expires
    assert meta.enclosed_title == want.enclosed_title
    locators = {c.locator for c in chunks}
    missing = [loc for loc in want.locators if loc not in locators]
    assert not missing, (missing, sorted(locators))


def test_status_of_every_fixture_and_the_repeal_by_number_in_either_order(parsed):
    metas = {key: parsed[key][0] for key in EXPECTED}
    for order in (list(metas), list(reversed(metas))):
        graph = VersionGraph.build({k: metas[k] for k in order}, TODAY)
        assert {k: graph.status[k] for k in metas} == {k: EXPECTED[k].status for k in metas}
    graph = VersionGraph.build(metas, TODAY)
    fam = graph.family_of("d3")
    assert fam.replaced_by_doc == "d5"
    # the shortened title of the repeal sentence is the same document, not one outside the KB
    assert graph.family_of("d5").repeals_outside == []
    assert "被《示例市生态环境局关于进一步规范" in graph.status_reason("d3")
    assert graph.status_reason("d1") == "有效期至2025-12-31"
    assert graph.status_reason("d2") == "规划期至2025-12-31"
    # before the repealing notice takes effect (2024-09-01) the old one is in force
    assert graph.as_of(date(2024, 8, 25)).status["d3"] == "现行有效"
    assert graph.as_of(date(2024, 9, 1)).status["d3"] == "已废止"
    assert graph.as_of(date(2025, 6, 1)).status["d1"] == "现行有效"
    assert graph.as_of(date(2025, 6, 1)).status["d2"] == "现行有效"
    # without the repealed notice in the KB, the repeal points outside
    alone = VersionGraph.build({"d5": metas["d5"]}, TODAY)
    assert alone.family_of("d5").repeals_outside == ["关于开展清洁生产审核工作的通知"]


def test_information_box_is_metadata_not_a_table(parsed):
    meta, chunks = parsed["d3"]
    assert meta.subject == "生态环境" and meta.validity == "有效"
    assert ("发布", "2022-06-08") in {(e.kind, e.date) for e in meta.events}
    assert ("成文", "2022-06-01") in {(e.kind, e.date) for e in meta.events}
    assert not any("索引号" in c.text for c in chunks if c.kind == "table")


# ------------------------------------------------------------------------------ layout


def test_signoff_before_annex_is_its_own_chunk_and_the_banner_is_not_the_title(parsed):
    meta, chunks = parsed["d1"]
    by = _by_locator(chunks)
    signoff = by["落款"][0]
    assert "2023年3月15日" in signoff.text and "示例省发展和改革委员会" in signoff.text
    assert not any("2023年3月15日" in c.text for c in chunks if c.locator.startswith("附件"))
    assert by["版记"][0].kind == "furniture" and "抄送" in by["版记"][0].text
    header = by["header"][0].text
    assert header.startswith("示例省工业和信息化厅文件") and "各市工业和信息化局" in header


def test_txt_header_lines_stay_apart(parsed, files):
    clean = clean_document(loaders.load(files["d4"]))
    lines = clean.text.split("\n")
    assert "示工信〔2024〕3号" in lines
    assert "各区工业和信息化主管部门，各有关单位：" in lines
    assert parsed["d4"][0].doc_number == "示工信〔2024〕3号"


@pytest.mark.parametrize("text,issuers,signed", [
    ("示例厅关于做好节能工作的通知\n各市局：\n正文。\n示例省工业和信息化厅\n2021年11月3日\n", ["示例省工业和信息化厅"], "2021-11-03"),
    ("示例通知\n各区：\n正文。\n示例市生态环境局 示例市发展和改革委员会\n二〇二一年十一月三日\n",
     ["示例市生态环境局", "示例市发展和改革委员会"], "2021-11-03"),
    ("示例通知\n各区：\n正文。\n示例市生态环境局示例市发展和改革委员会\n二〇二一年十一月三日\n（此件公开发布）\n",
     ["示例市生态环境局", "示例市发展和改革委员会"], "2021-11-03"),
])
def test_signoff_issuers_and_date(text, issuers, signed):
    layout = official.read_layout(text)
    assert layout.issuers == issuers and layout.signed == signed
    assert text[layout.signoff[0] : layout.signoff[1]].startswith(issuers[0][:4])


def test_a_signoff_dated_by_month_and_a_cover_date():
    text = "示例通知\n各区：\n正文。\n示例市生态环境局\n二〇二一年十一月\n"
    layout = official.read_layout(text)
    assert layout.issuers == ["示例市生态环境局"] and layout.signed == "2021-11"
    cover = official.read_layout("示例省绿色发展规划（测试样例）\n二〇二一年十二月\n目录\n")
    assert cover.title == "示例省绿色发展规划（测试样例）" and cover.cover_date == "2021-12"


def test_month_date_form():
    assert official.month_date("二〇二一年十一月") == "2021-11"
    assert official.month_date("2021年11月") == "2021-11"
    assert official.month_date("二〇二一年十一月三日") == ""


# ------------------------------------------------------------------------------ structure


def test_pdf_plan_every_heading_is_a_locator_on_its_printed_page(tmp_path):
    plan = build_pdf_plan(tmp_path / "plan.pdf")
    meta, chunks = parse_file(plan.path, "d2", "x", ocr=False)
    assert plan.heading_pages  # 一、 … 四、 and their （一） items
    for marker, page in plan.heading_pages.items():
        if marker.endswith("、"):  # a top heading is carried into its first item's chunk
            hits = [c for c in chunks if c.text.startswith(marker)]
        else:
            hits = [c for c in chunks if c.locator == marker]
        assert hits, marker
        assert hits[0].page_start == page, (marker, hits[0].locator, hits[0].page_start, page)
    toc = [c for c in chunks if c.locator == "目录"]
    assert len(toc) == 1 and toc[0].page_start == 2 and toc[0].kind == "toc"
    # the TOC's entries start no section: no body chunk sits on the TOC page
    assert all(c.page_start >= 3 for c in chunks if re.match(r"[一二三四]、", c.locator))
    # the running header and the page numbers are gone
    assert not any("— 3 —" in c.text or "示例省工业和信息化厅（测试样例）" in c.text for c in chunks)


def test_boxes_are_their_own_chunks_with_table_rows(parsed):
    _meta, chunks = parsed["d2"]
    by = _by_locator(chunks)
    row = by["专栏1 第2行"][0]
    assert row.kind == "table"
    assert row.text.split("\n") == ["专栏1绿色制造体系建设重点工程", " | ".join(BOX1[0]), " | ".join(BOX1[2])]
    item = by["三、（一）"][0]
    assert "专栏" not in item.text and "绿色工厂培育工程" not in item.text
    assert row.heading_path.endswith("专栏1绿色制造体系建设重点工程")


@pytest.mark.parametrize("key,locator,header,row", [
    ("d1", "附件 表1 第4行", D1_TABLE[0], D1_TABLE[4]),
    ("d3", "附件 表1 第10行", ("序号", "企业名称", "所在区", "行业", "审核完成时限"), D3_COMPANIES[9]),
    ("d4", "附件 表1 第2行", D4_TABLE[0], D4_TABLE[2]),
])
def test_table_rows_carry_their_header(parsed, key, locator, header, row):
    _meta, chunks = parsed[key]
    chunk = _by_locator(chunks)[locator][0]
    lines = chunk.text.split("\n")
    assert tables.cells_of(lines[-2]) == [c.replace(" ", "") for c in header] or lines[-2] == " | ".join(header)
    assert [c.replace(" ", "") for c in tables.cells_of(lines[-1])] == [c.replace(" ", "") for c in row]
    assert sum(c.kind == "table" and "第" in c.locator for c in chunks) >= 2


def test_targets_and_deadlines_stay_whole_with_their_section(parsed):
    _meta, chunks = parsed["d1"]
    target = "到2025年，全省规模以上工业单位增加值能耗较2020年下降13.5%"
    holding = [c for c in chunks if target in c.text]
    assert len(holding) == 1 and holding[0].locator == "附件 一、（一）"
    assert "工业领域二氧化碳排放增长得到有效控制。" in holding[0].text
    deadline = [c for c in chunks if "每年1月15日前报送" in c.text]
    assert [c.locator for c in deadline] == ["附件 三、（一）"]


def test_annex_articles_are_located_inside_the_annex():
    text = ("示例厅关于印发《示例管理办法》的通知\n各市：\n现印发给你们。\n示例省工业和信息化厅\n2024年1月2日\n"
            "附件\n示例管理办法\n第一条 为了测试，制定本办法。\n第二条 本办法自印发之日起施行。\n")
    secs = parse(CleanText(text))
    assert [s.locator for s in secs] == ["header", "落款", "附件", "第一条", "第二条"]
    assert secs[3].heading_path[0].startswith("附件 示例管理办法")


# ------------------------------------------------------------------------------ tables in text


def test_tab_and_space_aligned_text_tables():
    lines = ["重点标准如下：", "序号\t名称\t状态", "1\t示例标准甲\t已发布", "2\t示例标准乙\t制定中", "正文继续。"]
    assert tables.align_rows(lines)[1:4] == ["序号 | 名称 | 状态", "1 | 示例标准甲 | 已发布", "2 | 示例标准乙 | 制定中"]
    spaced = ["项目    限值    单位", "能耗    0.5     吨标准煤"]
    assert tables.align_rows(spaced) == ["项目 | 限值 | 单位", "能耗 | 0.5 | 吨标准煤"]
    law = ["第一条　为了测试，制定本办法。", "第二条　本办法适用于示例市。"]
    assert tables.align_rows(law) == law  # a label and its text, not cells
    single = ["序号\t名称", "正文。"]
    assert tables.align_rows(single) == single  # one row is not a table


def _row_line(draw_cells):
    return " | ".join(draw_cells)


_cell = st.text(alphabet="示例甲乙丙一二三0123456789", min_size=1, max_size=6)
_plain = st.text(alphabet="示例文字测试，。、一二三甲乙", min_size=1, max_size=40)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_plain.map(lambda t: ("p", t)),
                          st.lists(st.lists(_cell, min_size=3, max_size=3), min_size=2, max_size=6).map(lambda r: ("t", r))),
                max_size=8),
       st.integers(60, 400))
def test_tables_lose_nothing_and_repeat_only_their_header(blocks, max_chars):
    lines: list[str] = ["示例通知（测试样例）"]
    for kind, value in blocks:
        lines += [value] if kind == "p" else [_row_line(r) for r in value]
    text = "\n".join(lines)
    clean = CleanText(text)
    chunks = make_chunks("doc", clean, parse(clean), max_chars=max_chars)
    got: list[str] = []
    for c in chunks:
        body = c.text.split("\n")
        if c.kind == "table":
            # every row chunk repeats its table's header (and caption) in front of its rows
            body = body[2:] if tables.cells_of(body[1] if len(body) > 1 else "") and not tables.cells_of(body[0]) else body[1:]
        got.append("".join(body))
    nows = lambda s: re.sub(r"\s", "", s)  # noqa: E731
    assert Counter(nows("".join(got))) <= Counter(nows(text))
    assert all(len(c.text) <= max_chars + 120 for c in chunks)


# ------------------------------------------------------------------------------ end to end


def _run(args: list[str], env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True, env=env, timeout=300)


@pytest.fixture(scope="module")
def ingested(files, tmp_path_factory):
    data = tmp_path_factory.mktemp("official-data")
    env = {**os.environ, "GREENKB_DATA_DIR": str(data)}
    env.pop("GREENKB_EMBED_MODEL", None)  # the default embedder: what a user gets
    proc = _run(["-m", "ingest", str(next(iter(files.values())).parent), "--data", str(data), "--quiet"], env)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return data, env


def test_cli_answers_table_questions_with_the_matching_row_and_status_questions(ingested, tmp_path):
    data, env = ingested
    questions = [
        {"id": "steel", "question": "钢铁行业2025年能效目标是什么？"},
        {"id": "company", "question": "示例丙化工有限公司的审核完成时限是什么时候？"},
        {"id": "repealed", "question": "《示例市生态环境局关于开展工业企业清洁生产审核工作的通知（测试样例）》还有效吗？"},
        {"id": "plan", "question": "示例省“十四五”工业绿色发展规划还有效吗"},
        {"id": "guide", "question": "示例市绿色制造标准体系建设指南（2024年版）（测试样例）还有效吗？"},
        {"id": "expired", "question": "示例省工业领域节能降碳实施方案（测试样例）还有效吗？"},
        {"id": "not-a-document", "question": "审核报告过期了怎么办？"},
        # named as a reader names it: by the file's name, or by the title without its issuer
        {"id": "by-file-name", "question": "示例市清洁生产审核通知还有效吗？"},
        {"id": "without-issuer", "question": "关于开展工业企业清洁生产审核工作的通知现在还适用吗？"},
    ]
    batch = tmp_path / "q.jsonl"
    batch.write_text("\n".join(json.dumps(q, ensure_ascii=False) for q in questions), encoding="utf-8")
    proc = _run(["-m", "kb", "ask", "--batch", str(batch), "--data", str(data)], env)
    assert proc.returncode == 0, proc.stderr
    out = {r["id"]: r for r in map(json.loads, proc.stdout.splitlines())}

    steel = out["steel"]
    assert not steel["abstained"]
    first = steel["citations"][0]
    assert first["locator"] == "附件 表1 第1行"
    assert "钢铁" in steel["answer"] and "能效标杆水平以上产能比例达到30%" in steel["answer"]
    assert "2025年能效目标" in steel["answer"]  # the column header is quoted with the row
    assert "水泥" not in steel["answer"]  # only the matching row

    company = out["company"]
    assert company["citations"][0]["locator"] == "附件 表1 第3行"
    assert "2022年12月15日" in company["answer"] and "审核完成时限" in company["answer"]
    assert "示例甲钢铁" not in company["answer"]

    repealed = out["repealed"]
    assert "已废止" in repealed["answer"] and "示环发〔2024〕21号" in repealed["answer"]
    cited = repealed["citations"][0]
    assert cited["locator"] == "三、" and "同时废止" in cited["quote"]
    assert cited["file_name"] == EXPECTED["d5"].file

    assert "期满" in out["plan"]["answer"] and "2025-12-31" in out["plan"]["answer"]
    assert "现行有效" in out["guide"]["answer"] and "有效期至2030-12-31" in out["guide"]["answer"]
    assert out["guide"]["citations"][0]["locator"] == "附件 三、"
    expired = out["expired"]
    assert expired["answer"].startswith("《示例省工业和信息化厅 示例省发展和改革委员会关于印发")
    assert "已失效" in expired["answer"] and "有效期至2025-12-31" in expired["answer"]
    assert "有效期至2025年12月31日" in expired["citations"][0]["quote"]
    # a status word about something else (a report's deadline) is not a document's status
    assert "现行有效" not in out["not-a-document"]["answer"] and "已废止" not in out["not-a-document"]["answer"]

    for key in ("by-file-name", "without-issuer"):
        assert out[key]["answer"].startswith(
            "《示例市生态环境局关于开展工业企业清洁生产审核工作的通知（测试样例）》（示环发〔2022〕8号）已废止"), out[key]["answer"]
        assert out[key]["citations"][0]["file_name"] == EXPECTED["d5"].file

    # "这份通知还有效吗" with the document chosen by the filter
    proc = _run(["-m", "kb", "ask", "这份通知还有效吗？", "--json", "--doc", EXPECTED["d3"].file, "--all-versions",
                 "--data", str(data)], env)
    chosen = json.loads(proc.stdout)
    assert chosen["answer"].startswith("《示例市生态环境局关于开展工业企业清洁生产审核工作的通知（测试样例）》（示环发〔2022〕8号）已废止")
    assert chosen["citations"][0]["file_name"] == EXPECTED["d5"].file


def test_cli_type_and_issuer_filters(ingested):
    data, env = ingested
    proc = _run(["-m", "kb", "search", "绿色制造", "--json", "--type", "规划", "--data", str(data)], env)
    results = json.loads(proc.stdout)["results"]
    assert results and {r["doc_type"] for r in results} == {"规划"}
    proc = _run(["-m", "kb", "search", "清洁生产审核", "--json", "--issuer", "生态环境局", "--all-versions",
                 "--data", str(data)], env)
    results = json.loads(proc.stdout)["results"]
    assert results and {r["file_name"] for r in results} <= {EXPECTED["d3"].file, EXPECTED["d5"].file}
    proc = _run(["-m", "kb", "search", "标准", "--json", "--type", "标准", "--type", "实施方案", "--data", str(data)], env)
    types = {r["doc_type"] for r in json.loads(proc.stdout)["results"]}
    assert types and types <= {"标准", "实施方案"}


def test_app_sidebar_filters_by_issuer_and_the_new_types(files, tmp_path, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from ingest.pipeline import run
    from kb.settings import Settings

    data = tmp_path / "data"
    run([next(iter(files.values())).parent], Settings(data_dir=data, corpus_dir=tmp_path / "corpus", embed_model="none"))
    monkeypatch.setenv("GREENKB_DATA_DIR", str(data))
    monkeypatch.setenv("GREENKB_CORPUS_DIR", str(tmp_path / "corpus"))
    monkeypatch.setenv("GREENKB_EMBED_MODEL", "none")
    for var in ("GREENKB_LLM_BASE_URL", "GREENKB_LLM_MODEL", "GREENKB_CONFIG"):
        monkeypatch.delenv(var, raising=False)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not at.exception
    assert at.multiselect(key="f_types").options == ["规范性文件", "实施方案", "标准", "规划"]
    assert at.multiselect(key="f_issuers").options == [
        "示例市工业和信息化局", "示例市生态环境局", "示例省发展和改革委员会", "示例省工业和信息化厅"]
    at.multiselect(key="f_issuers").set_value(["示例省发展和改革委员会"]).run()
    at.chat_input[0].set_value("钢铁行业2025年能效目标是什么？").run(timeout=60)
    assert not at.exception
    sources = at.session_state["history"][-1]["sources"]
    assert sources and {s["file_name"] for s in sources} == {EXPECTED["d1"].file}  # a joint issuer matches
    at.multiselect(key="f_issuers").set_value(["示例市生态环境局"]).run()
    at.chat_input[0].set_value("钢铁行业2025年能效目标是什么？").run(timeout=60)
    sources = at.session_state["history"][-1]["sources"]
    assert EXPECTED["d1"].file not in {s["file_name"] for s in sources}
