"""The standards register on the variants real documents use (tests/fixtures_standards_variants.py,
all invented: 测试样例): numbers with other dashes, slashes and spaces, part numbers, two-digit
years, group and local codes, dual GB/T…/ISO designations; 本标准代替 / 以…代替 / 同时废止
sentences; an HTML table with reordered columns and rowspan; a Word table with vertical merges; a
GBK catalogue with a title line and blank rows. Read through the grammar, the extractor, and the
register as `python -m kb standards --json --as-of …` lists it."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import fixtures_standards_variants as fx
from kb.registers.standards_catalogue import read_catalogue
from kb.registers.standards_extract import _sentence_records
from kb.text.grammar import find_standard_refs, read_standard

ROOT = Path(__file__).resolve().parents[1]


def _squash(text: str) -> str:
    """Names compared without spaces: ingest's cleaning joins 技术规范 纸制品 (a space between two
    Chinese characters is, in most PDFs, a layout artefact)."""
    return "".join((text or "").split())


# ---------------------------------------------------------------------------- the grammar
@pytest.mark.parametrize("text, code, family, kind, part, year", [
    ("GB/T 39140—2024", "GB/T 39140-2024", "GB/T", "国家标准", "", "2024"),  # em dash
    ("GB/T 39141–2023", "GB/T 39141-2023", "GB/T", "国家标准", "", "2023"),  # en dash
    ("YB／T 39142-2025", "YB/T 39142-2025", "YB/T", "行业标准", "", "2025"),  # full-width slash
    ("GB /T 39143—2021", "GB/T 39143-2021", "GB/T", "国家标准", "", "2021"),  # a space before the slash
    ("ＧＢ／Ｔ　３９１２０－２０２６", "GB/T 39120-2026", "GB/T", "国家标准", "", "2026"),  # full-width throughout
    ("GB/T 39144.2-2020", "GB/T 39144.2-2020", "GB/T", "国家标准", "2", "2020"),  # a part
    ("JB/T 3914-94", "JB/T 3914-1994", "JB/T", "行业标准", "", "1994"),  # editions before 2000: two digits
    ("T/CSTE 0391-2024", "T/CSTE 0391-2024", "T/CSTE", "团体标准", "", "2024"),
    ("T/CECA-G 0392—2022", "T/CECA-G 0392-2022", "T/CECA-G", "团体标准", "", "2022"),  # a series code
    ("DB37/T 3915-2023", "DB37/T 3915-2023", "DB37/T", "地方标准", "", "2023"),
    ("DB11/ 3916-2020", "DB11/ 3916-2020", "DB11", "地方标准", "", "2020"),  # mandatory local: no T
    ("ISO 50001:2018", "ISO 50001:2018", "ISO", "国际标准", "", "2018"),
])
def test_numbers_in_every_variant(text, code, family, kind, part, year):
    ref = read_standard(text)
    assert ref is not None, text
    assert (ref.code, ref.family, ref.kind, ref.part, ref.year) == (code, family, kind, part, year)
    assert read_standard(ref.code).code == code  # the canonical form reads back as itself


@pytest.mark.parametrize("text", ["GB/T 24001-2016/ISO 14001:2015", "GB/T 24001—2016／ISO 14001：2015",
                                  "GB/T 24001-2016 / ISO 14001:2015"])
def test_a_dual_designation_is_two_standards(text):
    assert [r.code for r in find_standard_refs(text)] == ["GB/T 24001-2016", "ISO 14001:2015"]


@pytest.mark.parametrize("sentence", ["符合GB/T 24001-2016/ISO 14001:2015《示例体系要求》的要求",
                                      "符合《示例体系要求》（GB/T 24001-2016/ISO 14001:2015）的要求"])
def test_a_dual_designation_names_both(sentence):
    facts = {r["code"]: r for r in _sentence_records(sentence, None, False)}
    assert facts["GB/T 24001-2016"]["name"] == facts["ISO 14001:2015"]["name"] == "示例体系要求"


def test_a_comparison_in_a_foreword_is_no_citation():
    own = read_standard("GB/T 9120-2026")
    facts = {r["code"]: r for r in _sentence_records("与GB/T 9120-2008相比，主要技术变化如下：", own, False)}
    assert facts["GB/T 9120-2008"]["cites"] is False


def test_html_tables_keep_merged_and_empty_cells_in_their_columns():
    from ingest.loaders.html import load_html

    rows = [ln for ln in load_html(fx.guide_html().encode(), False).pages[0].splitlines() if " | " in ln]
    assert rows[0] == " | ".join(fx.GUIDE_HEADER)
    assert all(len(r.split(" | ")) == len(fx.GUIDE_HEADER) for r in rows)
    assert rows[3].split(" | ")[:4] == ["3", "即将实施", "GB/T 39152-2026", "2027-03-01"]  # from the row above
    assert rows[2].split(" | ")[5] == ""  # an empty 代替标准号 cell stays a cell


# ---------------------------------------------------------------------------- the catalogue
def test_gbk_catalogue_with_a_title_line_and_blank_rows(tmp_path):
    cat = read_catalogue(fx.write_catalogue(tmp_path / fx.CATALOGUE_NAME))
    assert [r["code"] for r in cat.rows] == [r[1] for r in fx.CATALOGUE_ROWS]
    assert [r["row"] for r in cat.rows] == [5, 6, 7]  # title, header, two blank rows above
    assert cat.columns["code"] == "标准编号" and cat.columns["replaces"] == "代替标准号"
    assert cat.rows[0] == {"code": "GB 39160-2026", "name": "示例电动机能效限定值及能效等级", "status": "即将实施",
                           "published": "2026-06-01", "implemented": "2027-06-01", "replaces": ["GB 39160-2012"],
                           "row": 5}
    assert cat.skipped == []


# ---------------------------------------------------------------------------- the register, through the CLI
def kb(*args: str, data: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GREENKB_")}
    env["GREENKB_EMBED_MODEL"] = "none"
    return subprocess.run([sys.executable, "-m", "kb", *args, "--data", str(data)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    return fx.build_index(tmp_path_factory.mktemp("stdvariants")).data_dir


def listing(data: Path, day: str = fx.TODAY.isoformat()) -> dict[str, dict]:
    done = kb("standards", "--json", "--as-of", day, data=data)
    assert done.returncode == 0, done.stderr
    return {d["code"]: d for d in map(json.loads, done.stdout.splitlines())}


@pytest.fixture(scope="module")
def register(data) -> dict[str, dict]:
    return listing(data)


def test_every_variant_standard_has_the_right_status(register):
    assert {c: d["status"] for c, d in register.items()} == fx.EXPECTED


@pytest.mark.parametrize("code", list(fx.NOTICE_STANDARDS))
def test_notice_numbers_names_and_places(register, code):
    family, kind, number, part, year, name, locator = fx.NOTICE_STANDARDS[code]
    d = register[code]
    assert (d["family"], d["kind"], d["number"], d["part"], d["year"]) == (family, kind, number, part, year)
    assert _squash(d["name"]) == _squash(name)
    assert [(c["title"], c["locator"]) for c in d["cited"]] == [(fx.NOTICE_TITLE, locator)]


def test_a_standard_replaces_two_and_is_in_force_from_its_date(register):
    new = register["GB/T 39120-2026"]
    assert new["replaces"] == ["GB/T 39120-2008", "GB/T 39121-2010"]
    assert new["implemented"] == "2026-07-01" and new["published"] == "2025-12-30"
    assert _squash(new["name"]) == _squash("示例工业企业能源计量器具配备和管理通则（测试样例）")
    for old in ("GB/T 39120-2008", "GB/T 39121-2010"):
        assert register[old]["replaced_by"] == ["GB/T 39120-2026"]
        assert register[old]["status_basis"].startswith("已被 GB/T 39120-2026 代替")
    assert register["GB/T 39120-2008"]["cited"] == []  # 与…相比 in the foreword: no requirement


def test_an_announcement_in_three_voices(register):
    by, same_time, active = register["GB 39131-2026"], register["GB/T 39132-2015"], register["GB/T 39133-2026"]
    assert by["replaces"] == ["GB 39131-2012"] and by["implemented"] == "2027-01-01"
    assert register["GB 39131-2012"]["replaced_by"] == ["GB 39131-2026"]
    assert same_time["abolished"] == "2026-07-01" and same_time["replaced_by"] == ["GB/T 39132-2026"]
    assert same_time["status_source"]["file_name"] == fx.ANNOUNCEMENT_NAME
    assert same_time["status_source"]["locator"] == "二、"
    assert active["replaces"] == ["GB/T 39133-2019"] and active["implemented"] == "2026-12-01"
    assert [c["locator"] for c in by["cited"]] == ["一、"]
    assert register["GB 39131-2012"]["cited"] == []  # named as the replaced one, not required


def test_a_reordered_table_with_merged_cells(register):
    merged = register["GB/T 39152-2026"]  # 状态, 实施日期 and 发布日期 merged with the row above
    assert (merged["status"], merged["implemented"], merged["published"]) == ("即将实施", "2027-03-01", "2026-09-01")
    assert merged["replaces"] == ["GB/T 39152-2018"]
    assert _squash(merged["name"]) == _squash("示例绿色设计产品评价技术规范 卫生陶瓷")
    assert [(c["title"], c["locator"]) for c in merged["cited"]] == [(fx.GUIDE_TITLE, "表1 第3行")]
    assert register["GB/T 39151-2026"]["replaces"] == []  # its empty 代替 cell did not take the next column
    assert register["GB/T 39150-2021"]["replaces"] == ["GB/T 39150-2013"]
    for code, word in (("GB/T 39153-2012", "已废止"), ("HJ/T 3917-2006", "被代替")):
        d = register[code]
        assert d["status"] == "废止" and d["status_source"]["how"] == "table", word
        assert d["implemented"] and d["published"]


def test_a_word_table_with_vertical_merges(register):
    merged = register["FZ/T 3919-2025"]
    assert (merged["status"], merged["implemented"]) == ("现行", "2026-01-01")
    assert [(c["title"], c["locator"]) for c in merged["cited"]] == [(fx.GUIDE_DOCX_TITLE, "表1 第2行")]
    assert register["FZ/T 3920-2026"]["implemented"] == "2027-05-01"


def test_the_catalogue_joins_the_register(register):
    new, old = register["GB 39160-2026"], register["GB 39160-2012"]
    assert new["replaces"] == ["GB 39160-2012"] and old["replaced_by"] == ["GB 39160-2026"]
    assert new["status_source"]["label"] == f"标准目录“{fx.CATALOGUE_NAME}”第5行"
    assert old["status_basis"].endswith("将被 GB 39160-2026 代替（GB 39160-2026 自 2027-06-01 起实施）")
    assert register["GB/T 39161-2009"]["status"] == "废止"


def test_statuses_on_a_later_day(data):
    later = listing(data, "2027-06-01")
    assert {c: later[c]["status"] for c in ("GB 39131-2012", "GB/T 39133-2019", "GB/T 39152-2018",
                                           "GB 39160-2012")} == dict.fromkeys(
        ("GB 39131-2012", "GB/T 39133-2019", "GB/T 39152-2018", "GB 39160-2012"), "废止")
    assert {c: later[c]["status"] for c in ("GB 39131-2026", "GB/T 39152-2026", "GB 39160-2026")} == dict.fromkeys(
        ("GB 39131-2026", "GB/T 39152-2026", "GB 39160-2026"), "现行")
