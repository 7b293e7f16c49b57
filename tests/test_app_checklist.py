"""Streamlit AppTest over the invented documents of tests/fixtures/duties: the 合规清单 page
builds a checklist from the form and offers DOCX / Markdown; on 政策问答 a cited source shows its
linked articles and every answer offers DOCX / Markdown downloads."""
from __future__ import annotations

from pathlib import Path

import pytest

from streamlit.testing.v1 import AppTest

from tests.duties_index import CITY_TITLE, build

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")
PAGE = str(ROOT / "pages" / "5_合规清单.py")
TIMEOUT = 60


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return build(tmp_path_factory.mktemp("appcl"))


@pytest.fixture
def env(monkeypatch, data):
    monkeypatch.setenv("GREENKB_DATA_DIR", str(data))
    monkeypatch.setenv("GREENKB_CORPUS_DIR", str(data.parent / "corpus"))
    monkeypatch.setenv("GREENKB_EMBED_MODEL", "none")
    for var in ("GREENKB_LLM_BASE_URL", "GREENKB_LLM_MODEL", "GREENKB_CONFIG"):
        monkeypatch.delenv(var, raising=False)


def _downloads(at) -> list[str]:
    return [e.proto.label for e in at.get("download_button")]


def test_checklist_page_from_the_form(env):
    at = AppTest.from_file(PAGE, default_timeout=TIMEOUT).run()
    assert not at.exception and at.title[0].value == "合规清单"
    region = next(s for s in at.selectbox if s.label == "地区")
    assert "示例市" in region.options and "示例省" in region.options
    region.set_value("示例市")
    next(n for n in at.number_input if n.label.startswith("年综合能源")).set_value(2000.0)
    next(s for s in at.selectbox if s.label == "排污许可类别").set_value("重点管理")
    at.button[0].click().run(timeout=TIMEOUT)
    assert not at.exception and not at.error, [e.value for e in at.error]
    heads = [s.value for s in at.subheader]
    assert heads[0].startswith("适用的义务") and heads[1].startswith("需确认的义务")
    labels = [e.label for e in at.expander]
    assert any("第六条" in x and x.startswith("✅") for x in labels)  # 重点管理 → 第六条 applies
    assert any("第三条" in x and x.startswith("❓") for x in labels)  # 2,000 tce: designation to confirm
    text = "\n".join(m.value for m in at.markdown)
    assert "是否被指定为重点用能单位" in text and f"《{CITY_TITLE}》第三条" in text
    assert _downloads(at) == ["导出 DOCX", "导出 Markdown"]


def test_checklist_page_national_only_profile(env):
    at = AppTest.from_file(PAGE, default_timeout=TIMEOUT).run()
    next(t for t in at.text_input if t.label.startswith("主要产品")).input("钢材")
    at.button[0].click().run(timeout=TIMEOUT)
    assert not at.exception and not at.error  # national only: the 示例市 rules are left out, nothing breaks
    assert [s.value for s in at.subheader][0] == "适用的义务（0 项）"


def test_source_panel_links_and_answer_downloads(env):
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    at.chat_input[0].set_value("重点用能单位每年什么时候报送能源利用状况报告？").run(timeout=TIMEOUT)
    assert not at.exception and not at.error, [e.value for e in at.error]
    turn = at.session_state["history"][-1]
    first = next(s for s in turn["sources"] if s["locator"] == "第三条")
    relations = {(x["relation"], x["locator"]) for x in first["links"]}
    assert ("罚则", "第九条") in relations and ("被引用", "第九条") in relations and ("本条引用", "第二条") in relations
    assert any("处一万元以上三万元以下罚款" in x["text"] for x in first["links"] if x["locator"] == "第九条")
    text = "\n".join(m.value for m in at.markdown)
    assert "**罚则**" in text and "**被引用**" in text
    assert _downloads(at)[-2:] == ["下载回答（DOCX）", "下载回答（Markdown）"]
