"""Variants of official documents that real ones have (tests/fixtures_official_variants.py, 测试样例):
the 文号 before a two-line title, three issuers signing, two annexes with tables, a noisy web page,
a four-level 实施方案, 有效期3年, 自发布之日起施行, two notices repealed in one sentence.

Read through the real loaders, cleaning, structure, chunking and metadata; the status through the
version graph and `python -m kb timeline --json`; the answers through `python -m kb ask`.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fixtures_official_variants import (  # noqa: E402
    EXPECTED,
    STATUS_DAY,
    V1_ISSUERS,
    V2_TABLE1,
    V2_TABLE2,
    V5_ENCLOSED,
    build_all,
)

from ingest import loaders, official, tables  # noqa: E402
from ingest.clean import clean_document  # noqa: E402
from ingest.parsing import parse_file  # noqa: E402
from ingest.structure import parse  # noqa: E402
from kb.versions.graph import VersionGraph  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TODAY = date.fromisoformat(STATUS_DAY)


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    return build_all(tmp_path_factory.mktemp("variants"))


@pytest.fixture(scope="module")
def parsed(files) -> dict[str, tuple]:
    return {key: parse_file(path, key, "digest", ocr=False) for key, path in files.items()}


def _by_locator(chunks) -> dict[str, list]:
    out: dict[str, list] = {}
    for c in chunks:
        out.setdefault(c.locator, []).append(c)
    return out


def _sections(path: Path) -> tuple[str, list]:
    clean = clean_document(loaders.load(path))
    return clean.text, parse(clean)


# ------------------------------------------------------------------------------ metadata


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_title_number_issuer_date_type_and_locators(parsed, key):
    meta, chunks = parsed[key]
    want = EXPECTED[key]
    got = {f: getattr(meta, f) for f in ("title", "doc_number", "issuer", "date", "doc_type", "expires",
                                         "enclosed_title")}
    assert got == {f: getattr(want, f) for f in got}
    locators = {c.locator for c in chunks}
    missing = [loc for loc in want.locators if loc not in locators]
    assert not missing, (missing, sorted(locators))


def test_status_of_every_variant_in_either_order(parsed):
    metas = {key: parsed[key][0] for key in EXPECTED}
    for order in (list(metas), list(reversed(metas))):
        graph = VersionGraph.build({k: metas[k] for k in order}, TODAY)
        assert {k: graph.status[k] for k in metas} == {k: EXPECTED[k].status for k in metas}


def test_one_sentence_repeals_two_notices_by_title_and_number(parsed):
    metas = {key: parsed[key][0] for key in EXPECTED}
    assert metas["v7"].repeals_numbers == ["示环发〔2021〕3号", "示环发〔2022〕5号"]
    graph = VersionGraph.build(metas, TODAY)
    for old in ("v7a", "v7b"):
        assert graph.family_of(old).replaced_by_doc == "v7"
        assert "示例市生态环境局关于印发工业污染防治若干措施的通知" in graph.status_reason(old)
    assert graph.family_of("v7").repeals_outside == []
    # in force until the repealing notice takes effect (2025-07-01)
    assert graph.as_of(date(2025, 6, 30)).status["v7a"] == "现行有效"
    assert graph.as_of(date(2025, 7, 1)).status["v7b"] == "已废止"


def test_validity_counted_from_the_effective_date_and_effect_on_publication(parsed):
    v5, v6 = parsed["v5"][0], parsed["v6"][0]
    assert v5.effective_date == "2025-04-01" and v5.expires == "2028-03-31"  # 自2025年4月1日起施行，有效期3年
    graph = VersionGraph.build({"v5": v5, "v6": v6}, TODAY)
    assert graph.as_of(date(2028, 3, 31)).status["v5"] == "现行有效"
    assert graph.as_of(date(2028, 4, 1)).status["v5"] == "已失效"
    assert v6.effective_date == "2025-05-06" and v6.expires == ""  # 自发布之日起施行: the 落款 date
    assert graph.status["v6"] == "现行有效"


def test_information_table_with_label_cells_and_numeric_dates(parsed):
    meta, chunks = parsed["v3"]
    assert meta.subject == "节能"
    assert {("成文", "2025-04-02"), ("发布", "2025-04-08")} <= {(e.kind, e.date) for e in meta.events}
    noise = ("首页", "政策文件", "打印本页", "关闭窗口", "网站地图", "版权所有", "ICP备", "相关链接", "字体")
    leaked = [(c.locator, w) for c in chunks for w in noise if w in c.text]
    assert not leaked
    # the box's lines are metadata in the header, never a table
    assert not any("索引号" in c.text for c in chunks if c.kind == "table")


@pytest.mark.parametrize("value,iso", [
    ("2025-04-02", "2025-04-02"), ("2025/4/2", "2025-04-02"), ("2025.04.02", "2025-04-02"),
    ("2025年4月2日", "2025-04-02"), ("二〇二五年四月二日", "2025-04-02"), ("2025-13-02", ""), ("节能", ""),
])
def test_info_box_dates(value, iso):
    assert official.info_date(value) == iso


# ------------------------------------------------------------------------------ layout


def test_number_before_a_two_line_title_and_three_issuers_signing(parsed, files):
    meta, chunks = parsed["v1"]
    text = clean_document(loaders.load(files["v1"])).text
    layout = official.read_layout(text)
    assert layout.doc_number == "示工信函〔2025〕7号" and not layout.banner
    assert layout.issuers == list(V1_ISSUERS) and layout.signed == "2025-03-10"
    assert layout.addressee == "各市工业和信息化局、生态环境局、市场监督管理局"
    signoff = _by_locator(chunks)["落款"][0]
    assert signoff.kind == "signoff" and all(name in signoff.text for name in V1_ISSUERS)
    assert "二〇二五年三月十日" in signoff.text
    assert not any("二〇二五年三月十日" in c.text for c in chunks if c.locator.startswith("二、"))
    assert meta.region == "示例省"


@pytest.mark.parametrize("signed_line,iso", [("二〇二五年三月十日", "2025-03-10"), ("2025年3月10日", "2025-03-10")])
def test_three_issuers_on_three_lines_in_either_numerals(signed_line, iso):
    text = "示例通知（测试样例）\n各市：\n正文。\n" + "\n".join(V1_ISSUERS) + f"\n{signed_line}\n"
    layout = official.read_layout(text)
    assert layout.issuers == list(V1_ISSUERS) and layout.signed == iso


def test_annex_list_before_the_signoff_and_two_annexes_with_tables(parsed, files):
    _meta, chunks = parsed["v2"]
    _text, sections = _sections(files["v2"])
    locs = [s.locator for s in sections]
    assert locs == ["header", "一、", "一、（一）", "一、（二）", "二、", "落款", "附件1", "附件2"]
    # the 附件说明 lines (附件：1. … / 2. …) list the annexes: they start neither an annex nor an item
    by = _by_locator(chunks)
    assert "2. 绿色工厂评价指标" in by["二、"][0].text
    assert by["附件1 表1 第1行"][0].heading_path.startswith("附件1 2025年度绿色工厂推荐汇总表")
    assert by["附件2 表1 第1行"][0].heading_path.startswith("附件2 绿色工厂评价指标")
    for locator, rows in (("附件1 表1 第2行", V2_TABLE1), ("附件2 表1 第3行", V2_TABLE2)):
        lines = by[locator][0].text.split("\n")
        assert tables.cells_of(lines[-2]) == list(rows[0])
        assert tables.cells_of(lines[-1]) == list(rows[int(locator[-2])])


def test_enclosed_document_printed_after_the_signoff_without_an_annex_line(parsed, files):
    meta, chunks = parsed["v5"]
    text, sections = _sections(files["v5"])
    assert [s.locator for s in sections] == ["header", "落款", "附件", "第一条", "第二条", "第三条"]
    signoff = next(s for s in sections if s.locator == "落款")
    assert text[signoff.start : signoff.end].strip() == "示例市工业和信息化局\n2025年3月5日"
    article = next(s for s in sections if s.locator == "第一条")
    assert article.heading_path[0] == f"附件 {V5_ENCLOSED}"
    assert meta.date == "2025-03-05"  # the 落款 of the cover notice, not the enclosed rules' 施行 date


def test_four_outline_levels_and_targets(parsed, files):
    _meta, chunks = parsed["v4"]
    _text, sections = _sections(files["v4"])
    assert [s.locator for s in sections if s.locator not in ("header", "落款")] == [
        "一、", "二、", "二、（一）", "二、（一）1.", "二、（一）2.", "二、（一）2.（1）", "二、（一）2.（2）",
        "二、（二）", "二、（二）1.", "三、", "三、（一）"]
    target = "到2027年，全市规模以上工业单位增加值能耗较2022年下降15%"
    holding = [c for c in chunks if target in c.text]
    assert [c.locator for c in holding] == ["一、"]
    deep = [c for c in chunks if "培育新能源装备产业，到2027年产值达到500亿元" in c.text]
    assert len(deep) == 1 and deep[0].locator.startswith("二、（一）2.（1）")
    assert "2.发展绿色低碳产业" in deep[0].heading_path


def test_upward_report_with_signer_typed_brackets_and_one_superior_body(parsed, files):
    meta, chunks = parsed["v8"]
    layout = official.read_layout(clean_document(loaders.load(files["v8"])).text)
    assert layout.doc_number == "示环报〔2025〕3号" and layout.banner == ["示例市生态环境局文件"]
    assert layout.addressee == "示例市人民政府"  # one superior body, no 各…
    assert layout.title == EXPECTED["v8"].title
    signoff = _by_locator(chunks)["落款"][0]
    assert "联系人" in signoff.text and "2025" in signoff.text
    assert not any("签发人" in c.text for c in chunks if c.locator != "header")


def test_joint_title_broken_after_the_issuers_is_the_title_not_a_banner(parsed, files):
    layout = official.read_layout(clean_document(loaders.load(files["v9"])).text)
    assert layout.banner == [] and layout.doc_number == "示环发〔2025〕40号"
    assert layout.issuers == ["示例市生态环境局", "示例市发展和改革委员会"]
    _meta, chunks = parsed["v9"]
    by = _by_locator(chunks)
    assert by["附件1 一、"][0].heading_path.startswith("附件1 工业园区减污降碳协同增效工作要点")
    assert "示例乙高新技术产业园" in by["附件2 表1 第2行"][0].text


@pytest.mark.parametrize("line,number", [
    ("示环发［２０２５］９号", "示环发〔2025〕9号"), ("示环发﹝2025﹞9号", "示环发〔2025〕9号"),
    ("示环发[2025]9号", "示环发〔2025〕9号"), ("示环报〔2025〕3号　　签发人：王某某", "示环报〔2025〕3号"),
])
def test_number_lines_as_typed(line, number):
    assert official.is_number_line(line) and official.read_layout(f"{line}\n示例通知（测试样例）\n").doc_number == number


@pytest.mark.parametrize("line,is_addressee", [
    ("示例市人民政府：", True), ("国务院：", True), ("各区生态环境分局：", True), ("具体要求如下：", False),
    ("现将有关事项通知如下：", False),
])
def test_addressee_lines(line, is_addressee):
    assert bool(official.ADDRESSEE_RE.match(line)) == is_addressee


# ------------------------------------------------------------------------------ end to end


def _run(args: list[str], env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True, env=env, timeout=300)


@pytest.fixture(scope="module")
def ingested(files, tmp_path_factory):
    data = tmp_path_factory.mktemp("variants-data")
    env = {**os.environ, "GREENKB_DATA_DIR": str(data), "GREENKB_EMBED_MODEL": "none"}
    proc = _run(["-m", "ingest", str(files["v1"].parent), "--data", str(data), "--quiet"], env)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return data, env


def test_timeline_statuses(ingested):
    data, env = ingested
    proc = _run(["-m", "kb", "timeline", "--json", "--data", str(data)], env)
    assert proc.returncode == 0, proc.stderr
    status = {}
    for family in map(json.loads, proc.stdout.splitlines()):
        for v in family["versions"]:
            status[v["file_name"]] = v["status"]
    assert status == {e.file: e.status for e in EXPECTED.values()}


def test_status_questions_cite_the_repealing_sentence_and_table_rows(ingested, tmp_path):
    data, env = ingested
    questions = [
        {"id": "noise", "question": "示例市生态环境局关于加强工业噪声污染防治的通知（测试样例）还有效吗？"},
        {"id": "permit", "question": "《关于规范工业企业排污许可管理的通知》还有效吗？"},
        {"id": "three-years", "question": "示例市工业固体废物资源综合利用管理办法（测试样例）还有效吗？"},
        {"id": "row", "question": "工业用水重复利用率的基准值是多少？"},
    ]
    batch = tmp_path / "q.jsonl"
    batch.write_text("\n".join(json.dumps(q, ensure_ascii=False) for q in questions), encoding="utf-8")
    proc = _run(["-m", "kb", "ask", "--batch", str(batch), "--data", str(data)], env)
    assert proc.returncode == 0, proc.stderr
    out = {r["id"]: r for r in map(json.loads, proc.stdout.splitlines())}
    for key, number in (("noise", "示环发〔2021〕3号"), ("permit", "示环发〔2022〕5号")):
        answer = out[key]
        assert "已废止" in answer["answer"] and number in answer["answer"], answer["answer"]
        cited = answer["citations"][0]
        assert cited["file_name"] == EXPECTED["v7"].file and cited["locator"] == "三、"
        assert "同时废止" in cited["quote"] and number in cited["quote"]
    three = out["three-years"]
    assert "现行有效" in three["answer"] and "2028-03-31" in three["answer"], three["answer"]
    row = out["row"]
    assert row["citations"][0]["locator"] == "附件2 表1 第2行", row["citations"]
    assert "90%" in row["answer"]

    proc = _run(["-m", "kb", "ask", "示例市生态环境局关于规范工业企业排污许可管理的通知（测试样例）还有效吗？", "--json",
                 "--data", str(data)], env)
    single = json.loads(proc.stdout)
    assert single["answer"].startswith("《示例市生态环境局关于规范工业企业排污许可管理的通知（测试样例）》（示环发〔2022〕5号）已废止")
