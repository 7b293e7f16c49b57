"""Streamlit AppTest of the app's pages over a small index built from the fixture document."""
from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from streamlit.testing.v1 import AppTest

from kb.interfaces import app_support as sup

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "示例市节能监察办法（测试样例）.txt"
APP = str(ROOT / "app.py")
LIBRARY = str(ROOT / "pages" / "1_文件库.py")
TIMEOUT = 60


def build_index(base: Path, upload: bool = False) -> tuple[Path, Path]:
    """Ingest the fixture (embed_model none: BM25 only) into base/data; return (data, corpus)."""
    from ingest.pipeline import run
    from kb.settings import Settings

    data, corpus = base / "data", base / "corpus"
    folder = corpus / "uploads" if upload else corpus / "laws"
    folder.mkdir(parents=True)
    shutil.copy(FIXTURE, folder / FIXTURE.name)
    summary = run([corpus], Settings(data_dir=data, corpus_dir=corpus, embed_model="none"))
    assert summary.count("added") == 1, summary
    return data, corpus


@pytest.fixture(scope="module")
def fixture_index(tmp_path_factory) -> tuple[Path, Path]:
    return build_index(tmp_path_factory.mktemp("appkb"))


@pytest.fixture
def env(monkeypatch):
    def use(data: Path, corpus: Path | None = None) -> None:
        monkeypatch.setenv("GREENKB_DATA_DIR", str(data))
        monkeypatch.setenv("GREENKB_CORPUS_DIR", str(corpus or data.parent / "corpus"))
        monkeypatch.setenv("GREENKB_EMBED_MODEL", "none")
        for var in ("GREENKB_LLM_BASE_URL", "GREENKB_LLM_MODEL", "GREENKB_CONFIG"):
            monkeypatch.delenv(var, raising=False)

    return use


def all_markdown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def ask(at: AppTest, question: str) -> AppTest:
    at.chat_input[0].set_value(question).run(timeout=TIMEOUT)
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    return at


def test_empty_state(tmp_path, env):
    env(tmp_path / "data")
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not at.exception
    assert any("知识库中还没有文件" in i.value for i in at.info)
    assert any("python -m ingest corpus" in i.value for i in at.info)
    assert len(at.chat_input) == 0
    # only the extractive mode without an LLM
    assert at.radio(key="mode").value == "extractive"
    assert len(at.radio(key="mode").options) == 1


def test_question_shows_cited_sources(fixture_index, env):
    env(*fixture_index)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not at.exception
    assert len(at.chat_input) == 1
    ask(at, "示例市节能监察办法第三条要求报送什么材料？")
    text = all_markdown(at)
    assert "能源利用状况报告" in text and "\\[1\\]" in text
    labels = [e.label for e in at.expander]
    assert labels and "第三条" in labels[0] and "示例市节能监察办法" in labels[0]
    # the full article with the quote highlighted; metadata shown
    assert ":orange-background[" in text
    assert "**状态**：" in text and "**类型**：" in text and "**位置**：第三条" in text
    assert len(at.session_state["history"]) == 2


def test_follow_up_question_uses_context(fixture_index, env):
    env(*fixture_index)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    ask(at, "示例市节能监察办法第三条要求报送什么材料？")
    ask(at, "那罚款是多少？")
    assert any("结合上文检索" in c.value and "示例市节能监察办法" in c.value for c in at.caption)
    second = at.session_state["history"][-1]
    assert any(s["locator"] == "第四条" for s in second["sources"]), second["sources"]
    assert "五万元以下罚款" in all_markdown(at)


def test_a_short_question_with_its_own_subject_is_not_a_follow_up(fixture_index, env):
    """Length alone made a question a follow-up (≤ 25 characters): "节能监察记录要保存什么？" was
    then searched as a continuation of the previous question. It stands alone."""
    env(*fixture_index)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    ask(at, "示例市节能监察办法第三条要求报送什么材料？")
    ask(at, "节能监察记录要保存什么？")
    assert not any("结合上文检索" in c.value for c in at.caption), [c.value for c in at.caption]
    second = at.session_state["history"][-1]
    assert second["query"] == ""
    assert any(s["locator"] == "第五条" for s in second["sources"]), second["sources"]


def test_document_text_is_escaped(fixture_index, env):
    env(*fixture_index)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    ask(at, "示例市节能监察办法中节能监察记录应当如何保存特殊字符？")
    text = all_markdown(at)
    assert "\\<script\\>alert\\(1\\)\\<\\/script\\>" in text
    assert not re.search(r"(?<!\\)[<>]", text)  # every < and > is escaped
    assert "\\[链接\\]\\(javascript" in text


def test_filters_restrict_search(fixture_index, env):
    env(*fixture_index)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert at.multiselect(key="f_types").options == ["地方政府规章"]
    at.date_input(key="f_to").set_value(dt.date(2000, 1, 1)).run()
    ask(at, "示例市节能监察办法第三条要求报送什么材料？")
    turn = at.session_state["history"][-1]
    assert turn["sources"] == []  # the only document dates from 2023
    assert any("已启用筛选条件" in c.value for c in at.caption)


def test_library_lists_documents(fixture_index, env):
    env(*fixture_index)
    at = AppTest.from_file(LIBRARY, default_timeout=TIMEOUT).run()
    assert not at.exception
    assert not at.error
    frame = at.dataframe[0].value
    assert list(frame["标题"]) == ["示例市节能监察办法（测试样例）"]
    assert int(frame["片段数"].iloc[0]) > 0
    assert at.button(key="do_reindex")


def test_library_delete_removes_upload(tmp_path, env):
    data, corpus = build_index(tmp_path, upload=True)
    env(data, corpus)
    uploaded = corpus / "uploads" / FIXTURE.name
    at = AppTest.from_file(LIBRARY, default_timeout=TIMEOUT).run()
    doc_id = at.selectbox(key="del_choice").options[0]
    assert at.button(key="do_delete").disabled
    at.selectbox(key="del_choice").select_index(0)
    at.checkbox(key="del_confirm").check()
    at.run()
    at.button(key="do_delete").click().run()
    assert not at.exception
    assert any("已删除" in s.value for s in at.success), [s.value for s in at.success]
    assert not uploaded.exists()
    assert any("知识库中还没有文件" in i.value for i in at.info)
    assert doc_id


def test_reindex_corpus(tmp_path, env):
    data, corpus = build_index(tmp_path)
    env(data, corpus)
    (corpus / "laws" / FIXTURE.name).unlink()
    at = AppTest.from_file(LIBRARY, default_timeout=TIMEOUT).run()
    at.button(key="do_reindex").click().run()
    assert not at.exception
    assert any("移除 1" in s.value for s in at.success), [s.value for s in at.success]
    assert any("知识库中还没有文件" in i.value for i in at.info)


def test_broken_data_dir_shows_chinese_error(tmp_path, env):
    bad = tmp_path / "not-a-dir"
    bad.write_text("x")
    env(bad)
    for script in (APP, LIBRARY):
        at = AppTest.from_file(script, default_timeout=TIMEOUT).run()
        assert not at.exception
        assert at.error and "无法打开知识库" in at.error[0].value


# ------------------------------------------------------------------------------ versions pages
TIMELINE = str(ROOT / "pages" / "2_时间线.py")
COMPARE = str(ROOT / "pages" / "3_版本对比.py")


@pytest.fixture(scope="module")
def two_versions(tmp_path_factory) -> tuple[Path, Path]:
    """The fixture plus an invented 2024 revision (higher fine, one new article)."""
    from ingest.pipeline import run
    from kb.settings import Settings

    base = tmp_path_factory.mktemp("appkb2")
    laws = base / "corpus" / "laws"
    laws.mkdir(parents=True)
    old = FIXTURE.read_text(encoding="utf-8")
    new = (
        old.replace("2023年5月10日示例市人民政府令第1号公布　自2023年7月1日起施行", "2024年6月1日示例市人民政府令第5号公布　自2024年7月1日起施行")
        .replace("处一万元以上五万元以下罚款", "处二万元以上十万元以下罚款")
        .replace("本办法自2023年7月1日起施行。", "本办法自2024年7月1日起施行。")
        .replace("第五条　节能监察记录", "第五条　市节能监察机构应当每年公布节能监察结果。\n\n第六条　节能监察记录")
    )
    (laws / "示例市节能监察办法（测试样例）(2023-05-10).txt").write_text(old, encoding="utf-8")
    (laws / "示例市节能监察办法（测试样例）(2024-06-01).txt").write_text(new, encoding="utf-8")
    summary = run([base / "corpus"], Settings(data_dir=base / "data", corpus_dir=base / "corpus", embed_model="none"))
    assert summary.count("added") == 2
    return base / "data", base / "corpus"


def test_timeline_page(two_versions, env):
    env(*two_versions)
    at = AppTest.from_file(TIMELINE, default_timeout=TIMEOUT).run()
    assert not at.exception and not at.error
    versions_table = at.dataframe[0].value
    assert list(versions_table["状态"]) == ["已被修订", "现行有效"]
    events = at.dataframe[1].value
    assert {"公布", "施行"} <= set(events["事件"])
    assert "2024-07-01" in set(events["日期"])


def test_compare_page(two_versions, env):
    env(*two_versions)
    at = AppTest.from_file(COMPARE, default_timeout=TIMEOUT).run()
    assert not at.exception and not at.error
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["修改的条文"] == "2" and metrics["新增的条文"] == "1"
    labels = [e.label for e in at.expander]
    assert any(l.startswith("修改：第四条") for l in labels), labels
    # deletions struck through, insertions underlined (not told apart by colour alone)
    html = "\n".join(e.proto.body for e in at.get("html"))
    assert re.search(r"<del [^>]*>一万元以上五万元</del><ins [^>]*>二万元以上十万元</ins>", html)
    assert re.search(r"<ins [^>]*>市节能监察机构应当每年公布节能监察结果。</ins>", html)
    assert "line-through" in html and "underline" in html
    text = all_markdown(at)
    assert not re.search(r"(?<!\\)[<>]", text)


def test_navigation_lists_pages(fixture_index, env):
    env(*fixture_index)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not at.exception
    at.switch_page("pages/1_文件库.py").run()
    assert not at.exception
    assert at.title[0].value == "文件库"


def test_refresh_searcher_sees_deletion_at_once(tmp_path):
    from kb.interfaces import app_support as sup
    from kb.search.searcher import Filters
    from kb.settings import Settings
    from kb.index.store import Index

    data, corpus = build_index(tmp_path)
    settings = Settings(data_dir=data, corpus_dir=corpus, embed_model="none")
    key = sup._searcher_key(settings)
    searcher = sup._make_searcher(*key, settings)
    assert searcher.search("能源利用状况报告", k=3, filters=Filters())
    index = Index(settings)
    for doc_id in list(index.documents()):
        index.remove_document(doc_id)
    sup.refresh_searcher(settings)
    assert searcher.docs == {}  # reloaded now, not after the Searcher's own refresh interval
    sup._live.pop(key, None)


def test_llm_mode_offered_only_when_configured(fixture_index, env, monkeypatch):
    env(*fixture_index)
    monkeypatch.setenv("GREENKB_LLM_BASE_URL", "http://127.0.0.1:9/v1")
    monkeypatch.setenv("GREENKB_LLM_MODEL", "fake")
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not at.exception
    assert len(at.radio(key="mode").options) == 2
    assert at.radio(key="mode").value == "extractive"


def test_first_view_prewarms_the_model_in_the_background(fixture_index, env):
    """The first page view starts loading the model and tokenizer in a thread; the searcher the
    page then builds waits for it rather than loading them a second time."""
    env(*fixture_index)
    from kb.settings import load_settings

    import streamlit

    key = sup._searcher_key(load_settings())
    sup._warming.pop(key, None)
    sup._live.pop(key, None)  # as in a new process: no searcher yet
    streamlit.cache_resource.clear()
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not at.exception
    thread = sup._warming[key]
    assert thread.name == "greenkb-prewarm" and not thread.is_alive()  # joined before the searcher was built
    sup.prewarm(load_settings())
    assert sup._warming[key] is thread  # once per process and data folder
    ask(at, "示例市节能监察办法第三条要求报送什么材料？")
    assert "第三条" in all_markdown(at)
