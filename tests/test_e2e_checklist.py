"""End to end in a real headless chromium over the invented documents of tests/fixtures/duties:
the 合规清单 page builds a checklist from the form and its DOCX download opens with every
citation; on 政策问答 a source opens its linked penalty article, and the answer downloads as DOCX.

Skips cleanly when /usr/bin/chromium or Playwright is absent."""
from __future__ import annotations

import io
import time

import pytest

from tests.duties_index import CITY_TITLE, build
from tests.test_e2e_browser import ask, browser_page, running_app, wait_idle

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _docx_text(download) -> str:
    from docx import Document

    return "\n".join(p.text for p in Document(io.BytesIO(open(download.path(), "rb").read())).paragraphs)


def test_checklist_page_and_source_links(tmp_path):
    started = time.monotonic()
    data = build(tmp_path)
    env = {"GREENKB_DATA_DIR": str(data), "GREENKB_CORPUS_DIR": str(tmp_path / "corpus"), "GREENKB_EMBED_MODEL": "none"}
    with browser_page() as page, running_app(env, tmp_path / "streamlit.log") as url:
        page.goto(url)
        page.get_by_test_id("stChatInputTextArea").wait_for(timeout=30_000)
        page.get_by_test_id("stSidebarNav").get_by_text("合规清单").click()
        page.get_by_text("生成合规清单").first.wait_for(timeout=30_000)
        wait_idle(page)
        page.get_by_role("combobox", name="地区").click()
        page.get_by_role("option", name="示例市").click()
        page.get_by_label("年综合能源消费量（吨标准煤）").fill("2000")
        page.get_by_role("button", name="生成合规清单").click()
        page.get_by_text("需确认的义务").first.wait_for(timeout=30_000)
        wait_idle(page)
        # The export buttons come after both groups: a fast run may not have shown the
        # status widget yet when wait_idle looks for it, so wait for the end of the page too.
        page.get_by_role("button", name="导出 DOCX").wait_for(timeout=30_000)
        body = page.inner_text("body")
        assert "适用的义务" in body and "第三条" in body and "国家规定" not in body
        with page.expect_download(timeout=30_000) as dl:
            page.get_by_role("button", name="导出 DOCX").click()
        text = _docx_text(dl.value)
        assert f"《{CITY_TITLE}》第三条" in text and "是否被指定为重点用能单位" in text and "现行有效" in text
        assert "违反的后果" in text and f"《{CITY_TITLE}》第九条" in text

        page.get_by_test_id("stSidebarNav").get_by_text("政策问答").click()
        page.get_by_test_id("stChatInputTextArea").wait_for(timeout=30_000)
        ask(page, "重点用能单位每年什么时候报送能源利用状况报告？")
        source = page.get_by_test_id("stExpander").filter(has_text="第三条").first
        source.locator("summary").click()
        source.get_by_text("关联条文").first.wait_for(timeout=30_000)
        source.get_by_role("button", name=f"《{CITY_TITLE}》第九条").first.click()
        page.get_by_test_id("stPopoverBody").get_by_text("处一万元以上三万元以下罚款", exact=False).first.wait_for(timeout=30_000)
        page.keyboard.press("Escape")
        with page.expect_download(timeout=30_000) as dl:
            page.get_by_role("button", name="下载回答（DOCX）").first.click()
        text = _docx_text(dl.value)
        assert "重点用能单位每年什么时候报送能源利用状况报告？" in text and f"《{CITY_TITLE}》第三条" in text
    assert time.monotonic() - started < 120
