"""The 标准库 page: a Streamlit AppTest over the fixtures' register (tests/fixtures_standards.py,
invented 测试样例), and the page in a real headless chromium (link ?std=…, the citing passage,
a catalogue uploaded through the page)."""
from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import fixtures_standards as fx

ROOT = Path(__file__).resolve().parents[1]
PAGE = str(ROOT / "pages" / "4_标准库.py")
TIMEOUT = 60


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    return fx.build_index(tmp_path_factory.mktemp("stdapp")).data_dir


@pytest.fixture
def env(monkeypatch):
    def use(data: Path) -> None:
        monkeypatch.setenv("GREENKB_DATA_DIR", str(data))
        monkeypatch.setenv("GREENKB_CORPUS_DIR", str(data.parent / "corpus"))
        monkeypatch.setenv("GREENKB_EMBED_MODEL", "none")
        for var in ("GREENKB_LLM_BASE_URL", "GREENKB_LLM_MODEL", "GREENKB_CONFIG"):
            monkeypatch.delenv(var, raising=False)

    return use


def run(at: AppTest) -> AppTest:
    at.run(timeout=TIMEOUT)
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    return at


def markdown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_table_with_badges_and_chains(data, env):
    env(data)
    at = run(AppTest.from_file(PAGE, default_timeout=TIMEOUT))
    frame = at.dataframe[0].value
    assert set(frame["标准号"]) == set(fx.EXPECTED)
    row = frame[frame["标准号"] == "GB 39017-2010"].iloc[0]
    assert row["状态"] == "废止" and row["替代关系"] == "GB 39017-2010 → GB 39017-2024" and row["引用处"] == 2
    at.text_input(key="std_query").set_value("造纸").run(timeout=TIMEOUT)
    names = at.dataframe[0].value["标准名称"].tolist()
    assert names and all("造纸" in n for n in names)
    at.multiselect(key="std_status").set_value(["即将实施"]).run(timeout=TIMEOUT)
    assert set(at.dataframe[0].value["标准号"]) == {"HJ 3902-2030"}


def test_a_standard_links_to_the_passages_that_cite_it(data, env):
    env(data)
    at = AppTest.from_file(PAGE, default_timeout=TIMEOUT)
    at.query_params["std"] = "GB 39017-2010"
    run(at)
    assert at.selectbox(key="std_pick").value == "GB 39017-2010"
    text = markdown(at)
    assert ":red-badge[废止]" in text and "2025\\-10\\-01 起废止" in text
    labels = [e.label for e in at.expander]
    assert any(lbl.endswith("二、（一）") for lbl in labels)
    assert any(lbl.endswith("表1 第4行") for lbl in labels)
    assert ":orange-background[" in text  # the citing sentence highlighted in its passage
    at.button(key="std_chain_GB 39017-2024").click().run(timeout=TIMEOUT)  # follow the chain
    assert at.selectbox(key="std_pick").value == "GB 39017-2024"
    assert ":green-badge[现行]" in markdown(at)


def test_catalogue_upload_on_the_page(tmp_path, env):
    env(fx.build_index(tmp_path, catalogues=False).data_dir)
    at = run(AppTest.from_file(PAGE, default_timeout=TIMEOUT))
    assert "GB 39017-2024" not in set(at.dataframe[0].value["标准号"])
    xlsx = fx.write_catalogue_xlsx(tmp_path / fx.XLSX_NAME).read_bytes()
    at.file_uploader[0].set_value((fx.XLSX_NAME, xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
    run(at)
    at.button(key="std_import").click()
    run(at)
    assert any(f"已导入标准目录“{fx.XLSX_NAME}”" in s.value.replace("\\", "") for s in at.success)
    assert {"JC/T 3906-2026", "GB 39020-2015"} <= set(at.dataframe[0].value["标准号"])
    bad = b"\xe5\x90\x8d\xe7\xa7\xb0,\xe4\xbb\xb7\xe6\xa0\xbc\n1,2\n"  # 名称,价格
    at.file_uploader[0].set_value(("价格表.csv", bad, "text/csv"))
    run(at)
    at.button(key="std_import").click().run(timeout=TIMEOUT)
    assert any("无法识别标准目录的格式" in e.value for e in at.error)
    assert "JC/T 3906-2026" in set(at.dataframe[0].value["标准号"])  # nothing lost


def test_empty_register(tmp_path, env):
    env(tmp_path / "data")
    at = run(AppTest.from_file(PAGE, default_timeout=TIMEOUT))
    assert any("标准库中还没有标准" in i.value for i in at.info)


@pytest.mark.browser
@pytest.mark.slow
def test_page_in_a_real_browser(tmp_path):
    """The index is built by the command line (`python -m ingest`, `python -m kb standards import`),
    as a user builds it, in processes that have ended before the app opens it."""
    import os
    import subprocess
    import sys

    from test_e2e_browser import browser_page, running_app, wait_idle

    env = {"GREENKB_DATA_DIR": str(tmp_path / "data"), "GREENKB_CORPUS_DIR": str(tmp_path / "corpus"),
           "GREENKB_EMBED_MODEL": "none"}
    fx.write_corpus(tmp_path / "corpus")
    for args in (["ingest", str(tmp_path / "corpus"), "--quiet"],
                 ["kb", "standards", "import", str(fx.write_catalogue_csv(tmp_path / fx.CSV_NAME))]):
        done = subprocess.run([sys.executable, "-m", *args], cwd=ROOT, env={**os.environ, **env}, capture_output=True,
                              text=True, timeout=300)
        assert done.returncode == 0, done.stderr
    with browser_page() as page, running_app(env, tmp_path / "streamlit.log") as url:
        # Straight to the page: the chat page would load the searcher meanwhile, and two sessions
        # creating the first Chroma client of a process at once race inside chromadb. The first page
        # a new server shows may come with a "Page not found" notice over it: closed.
        page.goto(url + "/standards?std=GB%2039017-2010")
        try:
            page.get_by_text("替代关系").first.wait_for(timeout=60_000)
        except Exception:
            raise AssertionError(page.inner_text("body")[-600:]) from None
        wait_idle(page)
        if page.get_by_text("Page not found").count():
            page.keyboard.press("Escape")
        page.get_by_test_id("stDataFrame").first.wait_for(timeout=15_000)
        page.get_by_text("GB 39017-2024").first.wait_for(timeout=30_000)  # rendered after the table on a busy machine
        body = page.inner_text("body")
        assert "废止" in body and "GB 39017-2024" in body
        expander = page.get_by_test_id("stExpander").filter(has_text="表1 第4行").first
        expander.locator("summary").click()
        expander.get_by_text("示例制浆造纸单位产品能源消耗限额").first.wait_for(timeout=10_000)
        page.get_by_role("button", name="GB 39017-2024（现行）").click()
        page.get_by_text("2025-10-01 起实施").first.wait_for(timeout=15_000)
        assert "std=GB" in page.url
