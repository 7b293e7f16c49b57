"""The standards register: tables and sentences of documents, imported catalogues (CSV, XLSX), the
status rule as of a given day, and the merged register of the fixtures (tests/fixtures_standards.py,
all invented: 测试样例)."""
from __future__ import annotations

import datetime as dt

import pytest

import fixtures_standards as fx
from kb.index.store import Index
from kb.registers import EXTRACTORS
from kb.registers.standards import STATUS_UNKNOWN, Fact, Source, Standard, StandardsRegister, status_of
from kb.registers.standards_catalogue import CatalogueError, import_catalogue, read_catalogue
from kb.registers.standards_extract import EXTRACTOR, _sentence_records
from kb.registers.standards_tables import read_date, read_status, rows_in
from kb.text.grammar import read_standard
from test_server_mode import server  # noqa: F401  (the `chroma run` fixture)


@pytest.fixture(scope="module")
def settings(tmp_path_factory):
    return fx.build_index(tmp_path_factory.mktemp("stdkb"))


@pytest.fixture(scope="module")
def register(settings) -> StandardsRegister:
    return StandardsRegister.load(Index(settings), settings.layout, today=fx.TODAY)


# ---------------------------------------------------------------------------- tables in chunks
ROW_SHAPES = {
    # cells joined by " | " (DOCX, HTML), the header in the same chunk
    "docx": "表1 示例标准\n标准编号 | 标准名称 | 状态 | 实施日期\nGB/T 9001-2021 | 示例通则 | 即将实施 | 2026年2月1日",
    # Markdown rows that arrive glued on one line
    "markdown": "| 序号 | 标准号 | 名称 | 状态 | 实施日期 |\n| 1 | YS/T 9002-2025 | 示例要求 | 现行 | 2025-03-01 || "
                "2 | GB/T 9001-2021 | 示例通则 | 即将实施 | 2026-02-01 |",
    # tab-separated (TXT)
    "tabs": "标准编号\t标准名称\t状态\t实施日期\nGB/T 9001-2021\t示例通则\t即将实施\t2026/2/1",
    # one chunk per row with the header repeated (locator 附件1 表2 第4行 from the chunker)
    "row chunk": "标准编号 | 标准名称 | 状态 | 实施日期\nGB/T 9001-2021 | 示例通则 | 即将实施 | 2026.2.1",
    # header and value side by side
    "key value": "标准编号：GB/T 9001-2021；标准名称：示例通则；状态：即将实施；实施日期：2026-02-01",
    "key value cells": "标准编号：GB/T 9001-2021 | 标准名称：示例通则 | 状态：即将实施 | 实施日期：20260201",
}


@pytest.mark.parametrize("shape", list(ROW_SHAPES))
def test_table_rows_in_every_shape(shape):
    rows, _ = rows_in(ROW_SHAPES[shape])
    row = next(r for r in rows if r.values["code"] == "GB/T 9001-2021")
    assert row.values["name"] == "示例通则"
    assert row.values["status"] == "即将实施"
    assert row.values["implemented"] == "2026-02-01"


def test_table_header_carries_into_the_next_chunk_and_rows_are_counted():
    rows, header = rows_in("表2 示例清单\n标准编号 | 标准名称 | 代替标准\nHJ 9003-2024 | 示例排放标准 | HJ/T 9003-2008")
    assert header is not None and rows[0].number == 1 and rows[0].caption == "表2"
    assert rows[0].values["replaces"] == ["HJ/T 9003-2008"]
    more, header = rows_in("DB99/T 9004-2024 | 示例地方标准 | ", header)
    assert more[0].values == {"code": "DB99/T 9004-2024", "name": "示例地方标准"} and more[0].number == 2
    after, header = rows_in("三、其他\nGB 9005-2020 | 不是表格行", header)
    assert after == [] and header is None  # running text ended the table


def test_cells_without_a_standards_header_are_no_rows():
    assert rows_in("项目 | 限值 | 单位\n综合能耗 | 0.5 | 吨标准煤/吨")[0] == []


@pytest.mark.parametrize("text, iso", [
    ("2021-06-01", "2021-06-01"), ("2021/6/1", "2021-06-01"), ("2021.6.1", "2021-06-01"),
    ("2021年6月1日", "2021-06-01"), ("二〇二一年六月一日", "2021-06-01"), ("20210601", "2021-06-01"),
    (dt.date(2021, 6, 1), "2021-06-01"), (dt.datetime(2021, 6, 1, 0, 0), "2021-06-01"), ("", ""), ("待定", ""),
])
def test_dates(text, iso):
    assert read_date(text) == iso


@pytest.mark.parametrize("text, status", [
    ("现行", "现行"), ("现行有效", "现行"), ("有效", "现行"), ("即将实施", "即将实施"), ("待实施", "即将实施"),
    ("废止", "废止"), ("已作废", "废止"), ("被代替", "废止"), ("即将废止", "现行"), ("", ""),
])
def test_statuses(text, status):
    assert read_status(text) == status


# ---------------------------------------------------------------------------- sentences
def _facts(sentence: str, own: str | None = None) -> dict[str, dict]:
    return {r["code"]: r for r in _sentence_records(sentence, read_standard(own) if own else None, False)}


def test_sentence_implementation_replacement_and_name():
    f = _facts("GB/T 9001-2021《示例通则》自2021年6月1日起实施，代替GB/T 9001-2017。")
    assert f["GB/T 9001-2021"]["implemented"] == "2021-06-01"
    assert f["GB/T 9001-2021"]["name"] == "示例通则"
    assert f["GB/T 9001-2021"]["replaces"] == ["GB/T 9001-2017"]
    assert f["GB/T 9001-2017"]["replaced_by"] == ["GB/T 9001-2021"]
    assert not f["GB/T 9001-2017"]["cites"] and "implemented" not in f["GB/T 9001-2017"]


@pytest.mark.parametrize("sentence, new, old", [
    ("GB 9006-2010已被GB 9006-2024代替。", "GB 9006-2024", "GB 9006-2010"),
    ("以GB 9006-2024代替GB 9006-2010。", "GB 9006-2024", "GB 9006-2010"),
    ("GB 9006-2024（代替GB 9006-2010）", "GB 9006-2024", "GB 9006-2010"),
    ("GB 9006-2010废止，由GB 9006-2024替代。", "GB 9006-2024", "GB 9006-2010"),
])
def test_replacement_in_every_voice(sentence, new, old):
    f = _facts(sentence)
    assert f[new].get("replaces") == [old] and f[old].get("replaced_by") == [new]


def test_abolished_at_the_same_time_takes_the_date():
    f = _facts("GB 9006-2024自2025年1月1日起实施，GB 9006-2010同时废止。")
    assert f["GB 9006-2024"]["implemented"] == "2025-01-01"
    assert f["GB 9006-2010"]["status"] == "废止" and f["GB 9006-2010"]["abolished"] == "2025-01-01"


def test_names_pair_with_their_own_numbers():
    for s in ("应符合GB 9007-2020《示例甲标准》、GB 9008-2020《示例乙标准》的要求",
              "应符合《示例甲标准》（GB 9007-2020）、《示例乙标准》（GB 9008-2020）的要求"):
        f = _facts(s)
        assert (f["GB 9007-2020"]["name"], f["GB 9008-2020"]["name"]) == ("示例甲标准", "示例乙标准"), s
    assert _facts("1. GB/T 9009-2020 示例综合能耗计算通则")["GB/T 9009-2020"]["name"] == "示例综合能耗计算通则"


def test_a_standard_document_speaks_of_itself():
    f = _facts("本标准代替GB/T 9001-2017。", own="GB/T 9001-2021")
    assert f["GB/T 9001-2021"]["how"] == "self" and f["GB/T 9001-2021"]["replaces"] == ["GB/T 9001-2017"]


# ---------------------------------------------------------------------------- the status rule
def _std(code: str, **facts) -> Standard:
    std = Standard(read_standard(code))
    for attr, (value, how) in facts.items():
        getattr(std, attr).append(Fact(value, Source(how)))
    return std


def _status(std: Standard, day: str, *others: Standard) -> str:
    reg = StandardsRegister(dt.date.fromisoformat(day), {s.code: s for s in (std, *others)})
    return status_of(std, reg, day)[0]


@pytest.mark.parametrize("day, expected", [("2026-01-31", "即将实施"), ("2026-02-01", "现行"), ("2027-05-01", "现行")])
def test_upcoming_becomes_current_on_its_date(day, expected):
    std = _std("YS/T 9002-2025", statuses=("即将实施", "table"), implemented=("2026-02-01", "table"))
    assert _status(std, day) == expected


@pytest.mark.parametrize("day, expected", [("2025-09-30", "现行"), ("2025-10-01", "废止")])
def test_abolished_from_its_abolition_date(day, expected):
    std = _std("GB 9006-2010", statuses=("废止", "catalogue"), implemented=("2011-01-01", "catalogue"),
               abolished=("2025-10-01", "catalogue"))
    assert _status(std, day) == expected


@pytest.mark.parametrize("day, expected", [("2026-02-28", "现行"), ("2026-03-01", "废止")])
def test_replaced_once_the_replacement_is_in_force(day, expected):
    old = _std("YB/T 9010-2019", statuses=("现行", "table"), replaced_by=("YB/T 9010-2026", "text"))
    new = _std("YB/T 9010-2026", implemented=("2026-03-01", "text"), replaces=("YB/T 9010-2019", "text"))
    assert _status(old, day, new) == expected


def test_only_cited_is_unknown_and_a_passed_date_alone_is_current():
    assert _status(_std("ISO 14001:2015"), "2026-11-26") == STATUS_UNKNOWN
    assert _status(_std("GB 9011-2020", implemented=("2021-01-01", "text")), "2026-11-26") == "现行"


def test_catalogue_outweighs_a_document():
    std = _std("GB 9006-2010", statuses=("现行", "table"))
    std.statuses.append(Fact("废止", Source("catalogue", catalogue="x.csv", row=2)))
    assert _status(std, "2026-11-26") == "废止"


# ---------------------------------------------------------------------------- the fixtures' register
def test_every_fixture_standard_has_the_right_status(register):
    assert {c: s.status for c, s in register.standards.items()} == fx.EXPECTED
    earlier = register.as_of(fx.EARLIER)
    assert {c: s.status for c, s in earlier.standards.items()} == fx.EXPECTED_EARLIER
    assert register.get("GB 39017-2010").status == "废止"  # as_of did not change the original


def test_documents_alone_give_their_statuses(tmp_path):
    settings = fx.build_index(tmp_path, catalogues=False)
    reg = StandardsRegister.load(Index(settings), settings.layout, today=fx.TODAY)
    assert {c: s.status for c, s in reg.standards.items()} == fx.DOCUMENT_ONLY


def test_every_fact_names_its_source(register):
    old = register.get("GB 39017-2010")
    assert old.status_source.how == "catalogue" and old.status_source.label == f"标准目录“{fx.CSV_NAME}”第2行"
    table_status = [f for f in old.statuses if f.source.how == "table"]
    assert table_status and table_status[0].value == "现行"  # the guide's older word is kept, outweighed
    assert table_status[0].source.title == fx.GUIDE_TITLE and table_status[0].source.locator.endswith("表1 第4行")
    places = {(s.title, s.locator) for s in old.cited}
    assert any(t.startswith("示例省工业和信息化厅关于开展2026年度绿色工厂申报工作的通知") and loc == "二、（一）"
               for t, loc in places)
    assert register.successor(old).code == "GB 39017-2024"
    assert [s.code for s in register.chain(old)] == ["GB 39017-2010", "GB 39017-2024"]
    ys = register.get("YS/T 3901-2025")
    assert ys.status_basis.startswith("2026-02-01 起实施") and ys.status_source.how == "table"


def test_undated_citations_join_the_latest_edition(tmp_path):
    facts = {"d1": [{"code": "GB 9012", "cites": True, "how": "text", "chunk_id": "c1", "locator": "一、"}],
             "d2": [{"code": "GB 9012-2024", "status": "现行", "how": "table", "chunk_id": "c2", "locator": "表1 第1行"},
                    {"code": "GB 9012-2016", "how": "table", "chunk_id": "c2", "locator": "表1 第2行"}]}
    docs = {d: type("M", (), {"title": d, "file_name": d, "date": ""})() for d in facts}
    reg = StandardsRegister.build(facts, docs, today=fx.TODAY)
    assert set(reg.standards) == {"GB 9012-2024", "GB 9012-2016"}
    assert [c.written for c in reg.get("GB 9012-2024").cited] == ["GB 9012"]
    assert reg.get("GB 9012-2016").status == "废止"  # the newer edition, in force, replaced it (inferred)
    assert reg.get("GB 9012-2016").status_source.how == "inferred"


def test_the_extractor_is_registered_and_versioned():
    assert EXTRACTOR in EXTRACTORS and EXTRACTOR.kind == "standards"


# ---------------------------------------------------------------------------- catalogues
def test_catalogue_csv_and_xlsx(tmp_path):
    csv_cat = read_catalogue(fx.write_catalogue_csv(tmp_path / fx.CSV_NAME))
    assert [r["code"] for r in csv_cat.rows] == [r[0] for r in fx.CSV_ROWS]
    assert csv_cat.rows[0] == {"code": "GB 39017-2010", "name": "示例制浆造纸单位产品能源消耗限额", "status": "废止",
                               "published": "2010-05-01", "implemented": "2011-01-01", "abolished": "2025-10-01",
                               "replaced_by": ["GB 39017-2024"], "row": 2}
    xlsx = read_catalogue(fx.write_catalogue_xlsx(tmp_path / fx.XLSX_NAME))
    assert xlsx.columns == {"code": "标准编号", "name": "中文名称", "status": "状态", "published": "发布日期",
                            "implemented": "实施日期", "replaces": "代替标准号"}
    assert xlsx.rows[0]["implemented"] == "2026-04-01" and xlsx.rows[0]["row"] == 3  # a title line above the header


def test_catalogue_in_gbk_with_a_bad_row(tmp_path):
    path = fx.write_catalogue_csv(tmp_path / "gbk.csv", rows=[fx.CSV_ROWS[1], ("无编号", "示例", "", "现行")],
                                  encoding="gb18030")
    cat = read_catalogue(path)
    assert [r["code"] for r in cat.rows] == ["GB 39017-2024"]
    assert cat.skipped == ["第3行：标准号“无编号”无法识别"]


@pytest.mark.parametrize("name, content, message", [
    ("价格表.csv", "名称,价格\n示例,3\n", "无法识别标准目录的格式"),
    ("空.csv", "", "是空的"),
    ("旧版.xls", "x", "不支持旧版 Excel"),
    ("目录.pdf", "x", "不支持的文件类型"),
    ("坏.xlsx", "not a zip", "无法读取 XLSX 文件"),
])
def test_unknown_layouts_get_one_chinese_line(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CatalogueError) as err:
        read_catalogue(path)
    assert message in str(err.value) and "\n" not in str(err.value)


def test_reimporting_a_file_replaces_its_rows(tmp_path):
    settings = fx.build_index(tmp_path, catalogues=False)
    index = Index(settings)
    path = fx.write_catalogue_csv(tmp_path / fx.CSV_NAME)
    import_catalogue(index, path)
    assert len(index.catalogue_rows()) == len(fx.CSV_ROWS)
    fx.write_catalogue_csv(path, rows=[fx.CSV_ROWS[0][:3] + ("现行",) + fx.CSV_ROWS[0][4:6]])
    import_catalogue(index, path)
    rows = Index(settings).catalogue_rows()
    assert [(r["code"], r["status"]) for r in rows] == [("GB 39017-2010", "现行")]
    reg = StandardsRegister.load(index, settings.layout, today=fx.TODAY)
    assert reg.get("GB 39017-2010").status == "现行"  # a new import is a new register
    assert index.remove_catalogue(fx.CSV_NAME) and index.catalogue_rows() == []


# ---------------------------------------------------------------------------- a Chroma server
def test_an_imported_catalogue_is_shared_through_a_chroma_server(tmp_path, server):  # noqa: F811
    """Instance a ingests and imports a catalogue into a `chroma run` server; instance b, its own
    data folder and no import of its own, gets the same register."""
    from ingest.pipeline import run

    from test_server_mode import instance

    a, b = instance(tmp_path, "a", server), instance(tmp_path, "b", server)
    run([fx.write_corpus(tmp_path / "corpus")], a)
    import_catalogue(Index(a), fx.write_catalogue_csv(tmp_path / fx.CSV_NAME))
    reg = StandardsRegister.load(Index(b), b.layout, today=fx.TODAY)
    assert reg.get("GB 39017-2010").status == "废止" and reg.get("GB 39017-2024").status == "现行"
    assert reg.get("GB 39017-2010").status_source.catalogue == fx.CSV_NAME
    assert not b.layout.chroma.exists()
