"""End to end in a real headless chromium: start the app, upload the fixture on 文件库,
ask on 政策问答, see the cited article; document text never runs as script.

Skips cleanly when /usr/bin/chromium or Playwright is absent.
"""
from __future__ import annotations

import os
import re
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest

from tests.processes import free_port, serving

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "示例市节能监察办法（测试样例）.txt"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def streamlit_bin() -> list[str]:
    exe = Path(sys.executable).with_name("streamlit")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "streamlit"]


@contextmanager
def running_app(env_extra: dict[str, str], log_path: Path, timeout: float = 60) -> Iterator[str]:
    """Start `streamlit run app.py` on a free loopback port; yield its URL; stop it."""
    port = free_port()
    env = {**os.environ, **env_extra}
    for var in ("GREENKB_LLM_BASE_URL", "GREENKB_LLM_MODEL", "GREENKB_CONFIG"):
        env.pop(var, None)
    cmd = streamlit_bin() + [
        "run", "app.py",
        "--server.headless", "true",
        "--server.address", "127.0.0.1",
        "--server.port", str(port),
        "--browser.gatherUsageStats", "false",
    ]
    with serving(cmd, f"http://127.0.0.1:{port}/_stcore/health", log_path, "streamlit", env=env, timeout=timeout,
                 ready=lambda _status, body: body.strip() == b"ok"):
        yield f"http://127.0.0.1:{port}"


@contextmanager
def browser_page(width: int = 1280, height: int = 900):
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} 不存在：安装 chromium 后才能运行浏览器测试（apt-get install chromium fonts-noto-cjk）")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright 未安装")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": height}, locale="zh-CN")
            yield page
        finally:
            browser.close()


def wait_idle(page, timeout: float = 30_000) -> None:
    """Wait until Streamlit finished the current script run. The status widget shows only after a
    delay, so its absence alone can pass while a run is still going (a click then may be lost);
    the app root's script state is set at once."""
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', state="attached",
                           timeout=timeout)
    page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=timeout)


def ask(page, question: str, timeout: float = 45_000) -> None:
    box = page.get_by_test_id("stChatInputTextArea")
    box.fill(question)
    box.press("Enter")
    page.get_by_test_id("stChatMessage").filter(has_text=question).first.wait_for(timeout=timeout)
    page.get_by_test_id("stExpander").first.wait_for(timeout=timeout)
    wait_idle(page, timeout)


def test_upload_ask_cite_and_no_script(tmp_path):
    started = time.monotonic()
    env = {
        "GREENKB_DATA_DIR": str(tmp_path / "data"),
        "GREENKB_CORPUS_DIR": str(tmp_path / "corpus"),
        "GREENKB_EMBED_MODEL": "none",
    }
    with browser_page() as page, running_app(env, tmp_path / "streamlit.log") as url:
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))

        # empty state on the chat page
        page.goto(url)
        page.get_by_text("知识库中还没有文件").first.wait_for(timeout=30_000)

        # upload the fixture on 文件库
        page.goto(url + "/library")
        page.get_by_text("上传文件").first.wait_for(timeout=30_000)
        page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(FIXTURE))
        page.get_by_text(FIXTURE.name).first.wait_for(timeout=15_000)
        button = page.get_by_role("button", name="导入所选文件")
        page.wait_for_function(
            "() => [...document.querySelectorAll('button')].some(b => b.innerText.includes('导入所选文件') && !b.disabled)",
            timeout=15_000,
        )
        button.click()
        page.get_by_text(re.compile("导入完成：新增 1")).wait_for(timeout=60_000)
        assert (tmp_path / "corpus" / "uploads" / FIXTURE.name).is_file()

        # ask on 政策问答: the answer cites 第三条
        page.get_by_test_id("stSidebarNav").get_by_text("政策问答").click()
        page.get_by_test_id("stChatInputTextArea").wait_for(timeout=30_000)
        ask(page, "示例市节能监察办法第三条要求报送什么材料？")
        expander = page.get_by_test_id("stExpander").first
        assert "第三条" in expander.inner_text()
        expander.locator("summary").click()
        expander.get_by_text("能源利用状况报告").first.wait_for(timeout=10_000)
        assert "类型" in expander.inner_text() and "状态" in expander.inner_text()

        # document text with markup is shown literally and never executes
        ask(page, "示例市节能监察办法中节能监察记录应当如何保存特殊字符？")
        page.get_by_text("<script>alert(1)</script>", exact=False).first.wait_for(timeout=10_000)
        page.get_by_text("<img src=x onerror=alert(1)>", exact=False).first.wait_for(timeout=10_000)
        body = page.inner_text("body")
        assert "<script>alert(1)</script>" in body
        assert page.locator("img[src='x']").count() == 0
        assert page.locator("script:has-text('alert(1)')").count() == 0
        page.wait_for_timeout(300)
        assert dialogs == []

    assert time.monotonic() - started < 90
