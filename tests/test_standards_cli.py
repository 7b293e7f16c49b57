"""End to end through the command line: `python -m kb standards import FILE` (CSV, XLSX),
`python -m kb standards [--family] [--status] [--cited-by] [--json]`, and the standards questions
through `python -m kb ask` (fixtures: tests/fixtures_standards.py, invented 测试样例).

The questions' answers hold for any day from 2026-04-01 to 2030-12-31 (the fixtures' dates are
chosen so); listings pass --as-of.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import fixtures_standards as fx

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


def kb(*args: str, data: Path, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GREENKB_")}
    env["GREENKB_EMBED_MODEL"] = "none"
    return subprocess.run([sys.executable, "-m", "kb", *args, "--data", str(data)], cwd=ROOT, env=env, input=stdin,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("stdcli")
    settings = fx.build_index(base, catalogues=False)
    for path in (fx.write_catalogue_csv(base / fx.CSV_NAME), fx.write_catalogue_xlsx(base / fx.XLSX_NAME)):
        done = kb("standards", "import", str(path), data=settings.data_dir)
        assert done.returncode == 0, done.stderr
        assert f"已导入标准目录“{path.name}”" in done.stdout
    return settings.data_dir


def listing(data: Path, *args: str) -> dict[str, dict]:
    done = kb("standards", "--json", "--as-of", fx.TODAY.isoformat(), *args, data=data)
    assert done.returncode == 0, done.stderr
    return {d["code"]: d for d in map(json.loads, done.stdout.splitlines())}


def test_import_reports_rows_and_columns(data, tmp_path):
    again = kb("standards", "import", str(fx.write_catalogue_csv(tmp_path / fx.CSV_NAME)), data=data)
    assert again.returncode == 0
    assert f"{len(fx.CSV_ROWS)} 条标准" in again.stdout and "标准号、标准名称、标准状态" in again.stdout


def test_register_statuses_through_the_cli(data):
    got = listing(data)
    assert {c: d["status"] for c, d in got.items()} == fx.EXPECTED
    old = got["GB 39017-2010"]
    assert old["replaced_by"] == ["GB 39017-2024"] and old["chain"] == ["GB 39017-2010", "GB 39017-2024"]
    assert old["status_source"]["label"] == f"标准目录“{fx.CSV_NAME}”第2行"
    assert any(c["locator"].endswith("表1 第4行") for c in old["cited"])


def test_filters(data):
    assert set(listing(data, "--status", "废止")) == {c for c, s in fx.EXPECTED.items() if s == "废止"}
    assert set(listing(data, "--family", "YS/T")) == {"YS/T 3901-2025"}
    assert set(listing(data, "--family", "GB")) == {c for c in fx.EXPECTED if c.startswith("GB")}
    assert set(listing(data, "--family", "地方标准")) == {"DB99/T 3903-2024"}
    cited = listing(data, "--cited-by", fx.NOTICE_NAME)
    assert set(cited) == {"GB/T 39001-2021", "ISO 14001:2015", "ISO 50001:2018", "QB/T 39018-2024", "GB 39017-2010",
                          "HJ/T 3902-2008", "YS/T 3901-2025", "YB/T 3905-2026"}
    earlier = listing(data, "--as-of", fx.EARLIER.isoformat())
    assert {c: d["status"] for c, d in earlier.items()} == fx.EXPECTED_EARLIER


def test_text_listing(data):
    done = kb("standards", "--as-of", fx.TODAY.isoformat(), "--status", "即将实施", data=data)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert out.startswith("标准库：共 2 项（即将实施 2），状态截至 2026-11-26。（全部 20 项中符合条件的）")
    assert "HJ 3902-2030  示例造纸工业水污染物排放标准  [行业标准]" in out
    assert "〔即将实施〕 2031-01-01 起实施" in out
    assert "替代关系：HJ/T 3902-2008〔现行〕 → [HJ 3902-2030]" in out


def test_bad_input_gets_one_chinese_line(data, tmp_path):
    bad = tmp_path / "价格表.csv"
    bad.write_text("名称,价格\n示例,3\n", encoding="utf-8")
    for args in (("standards", "import", str(bad)), ("standards", "import", str(tmp_path / "无.csv")),
                 ("standards", "--as-of", "明天"), ("standards", "--cited-by", "不存在的文件")):
        done = kb(*args, data=data)
        assert done.returncode == 2, args
        assert done.stderr.startswith("错误：") and done.stderr.count("\n") == 1, done.stderr
    assert len(listing(data)) == len(fx.EXPECTED)  # nothing lost


QUESTIONS = [
    {"id": "apply", "question": "造纸企业申报绿色工厂要满足哪些标准"},
    {"id": "valid", "question": "GB 39017 还有效吗"},
    {"id": "replaced", "question": "GB 39017-2010 被什么代替"},
    {"id": "abolished", "question": "哪些标准已经废止"},
    {"id": "upcoming", "question": "哪些标准即将实施"},
    {"id": "warning", "question": "造纸行业申报绿色工厂对单位产品能耗有什么要求？"},
    {"id": "cites", "question": f"《{fx.GUIDE_TITLE}》引用了哪些标准？"},
    {"id": "steel", "question": "钢铁行业哪些标准已经废止？"},
    {"id": "edition", "question": "GB 39017-2015 还有效吗"},
    {"id": "one", "question": "造纸企业申报绿色工厂按哪个标准？"},
]


@pytest.fixture(scope="module")
def answers(data) -> dict[str, dict]:
    done = kb("ask", "--batch", "-", "--json", data=data,
              stdin="\n".join(json.dumps(q, ensure_ascii=False) for q in QUESTIONS))
    assert done.returncode == 0, done.stderr
    return {a["id"]: a for a in map(json.loads, done.stdout.splitlines())}


def _cited(ans: dict) -> list[tuple[str, str]]:
    return [(c["file_name"], c["locator"]) for c in ans["citations"]]


def test_which_standards_for_an_industry_and_purpose(answers):
    a = answers["apply"]
    text = a["answer"]
    assert not a["abstained"]
    for code in ("QB/T 39018-2024", "GB 39017-2010", "HJ/T 3902-2008", "DB99/T 3903-2024", "GB/T 39001-2021"):
        assert code in text, code
    assert "YS/T 3901-2025" not in text and "T/SLXH 3904-2025" not in text  # other industries
    assert "QB/T 39018-2024《示例造纸行业绿色工厂评价要求》〔现行〕" in text
    assert "GB 39017-2010《示例制浆造纸单位产品能源消耗限额》〔废止〕" in text
    assert "现行替代标准为 GB 39017-2024" in text
    assert "适用于所有行业的绿色工厂标准" in text
    assert (fx.NOTICE_NAME, "二、（一）") in _cited(a)
    assert any(f == fx.GUIDE_NAME and loc.endswith("表1 第3行") for f, loc in _cited(a))
    for c in a["citations"]:  # every citation is used, with the row or sentence it rests on
        assert f"[{c['n']}]" in text and c["quote"]


def test_which_one_standard_for_an_industry_is_its_own(answers):
    # 哪个标准 asks for the one that applies: the industry's own, the general ones only counted
    a = answers["one"]
    text = a["answer"]
    assert not a["abstained"] and "QB/T 39018-2024" in text, text
    assert "GB/T 39001-2021" not in text and "适用于所有行业的绿色工厂标准：" not in text, text
    assert "项适用于所有行业的绿色工厂标准未列出" in text, text
    for c in a["citations"]:
        assert f"[{c['n']}]" in text and c["quote"]


def test_is_a_standard_still_valid(answers):
    text = answers["valid"]["answer"]
    assert text.startswith("GB 39017 在标准库中有 2 个版本，现行版本是 GB 39017-2024。")
    assert "GB 39017-2010《示例制浆造纸单位产品能源消耗限额》：已废止" in text
    assert "2025-10-01 起废止" in text and f"标准目录“{fx.CSV_NAME}”第2行" in text
    assert answers["valid"]["citations"]  # where it is cited


def test_an_edition_the_register_does_not_hold(answers):
    text = answers["edition"]["answer"]
    assert text.startswith("标准库中没有 GB 39017-2015；GB 39017 的已知版本是 GB 39017-2010、GB 39017-2024。")


def test_what_replaced_a_standard(answers):
    a = answers["replaced"]
    assert "现行替代标准：GB 39017-2024《示例制浆造纸单位产品能源消耗限额》（现行，2025-10-01 起实施）" in a["answer"]
    assert (fx.NOTICE_NAME, "二、（一）") in _cited(a)


def test_status_lists(answers):
    abolished = answers["abolished"]["answer"]
    for code in [c for c, s in fx.EXPECTED.items() if s == "废止"]:
        assert code in abolished, code
    assert "共 5 项" in abolished and "GB 39017-2024" in abolished  # named as the replacement
    upcoming = answers["upcoming"]["answer"]
    assert "HJ 3902-2030" in upcoming and "GB 39020-2030" in upcoming and "YS/T 3901-2025" not in upcoming


def test_a_cited_passage_requiring_an_abolished_standard_warns(answers):
    a = answers["warning"]
    assert not a["abstained"] and a["citations"]
    warning = next(w for w in a["warnings"] if "GB 39017-2010" in w)
    assert "已废止" in warning and "现行替代标准为 GB 39017-2024" in warning


def test_the_standards_a_document_cites(answers):
    text = answers["cites"]["answer"]
    rows = [r[1].replace("—", "-") for r in fx.GUIDE_TABLE[1:]]
    assert all(code in text for code in rows), text
    assert "YB/T 3905-2026" not in text  # cited by the notice only
    assert len(answers["cites"]["citations"]) == len(rows)  # one per row of the table


def test_status_list_of_an_industry(answers):
    text = answers["steel"]["answer"]
    assert "钢铁行业已废止的标准共 1 项" in text and "YB/T 3905-2019" in text and "GB 39017-2010" not in text
