"""Take the README screenshot: an answered question with its sources open → docs/screenshot.png.

    python eval/screenshot.py [--data DIR] [--question Q] [--out docs/screenshot.png]

Uses the index in --data (default /tmp/kbdata_app, the dev corpus) when it holds documents;
otherwise builds a small index from the test fixture in a temporary folder. Starts the app on
a free loopback port, drives headless chromium (/usr/bin/chromium) with Playwright, prints how
long the answer took to appear.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.test_e2e_browser import FIXTURE, browser_page, running_app, wait_idle  # noqa: E402

DEV_QUESTION = "我们单位每年能耗一万多吨标准煤，每年要向节能主管部门报送什么报告？"
FIXTURE_QUESTION = "示例市节能监察办法第三条要求报送什么材料？"


def has_documents(data: Path) -> bool:
    from kb.settings import DataLayout, load_settings
    from kb.index.store import Index

    if not DataLayout(data).chroma.is_dir():
        return False

    return bool(Index(load_settings(data_dir=data)).documents())


def fixture_index(base: Path) -> Path:
    from ingest.pipeline import run
    from kb.settings import Settings

    corpus = base / "corpus" / "uploads"
    corpus.mkdir(parents=True)
    shutil.copy(FIXTURE, corpus / FIXTURE.name)
    run([base / "corpus"], Settings(data_dir=base / "data", corpus_dir=base / "corpus", embed_model="none"))
    return base / "data"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path("/tmp/kbdata_app"))
    ap.add_argument("--question")
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshot.png")
    ap.add_argument("--open", type=int, default=1, help="how many source expanders to open")
    ap.add_argument("--height", type=int, default=1500, help="browser window height (the app scrolls inside it)")
    args = ap.parse_args(argv)

    tmp = Path(tempfile.mkdtemp(prefix="greenkb-shot-"))
    try:
        env: dict[str, str] = {"GREENKB_CORPUS_DIR": str(tmp / "corpus")}
        if has_documents(args.data):
            data, question = args.data, args.question or DEV_QUESTION
            # The dev index records its own model; GREENKB_EMBED_MODEL is left as configured.
        else:
            print(f"{args.data} 中没有索引，改用测试样例文件。")
            data, question = fixture_index(tmp), args.question or FIXTURE_QUESTION
            env["GREENKB_EMBED_MODEL"] = "none"
        env["GREENKB_DATA_DIR"] = str(data)
        with browser_page(width=1280, height=args.height) as page, running_app(env, tmp / "streamlit.log") as url:
            page.goto(url)
            box = page.get_by_test_id("stChatInputTextArea")
            box.wait_for(timeout=60_000)
            # warm-up: load models and indexes once, as a running app would have
            t0 = time.monotonic()
            box.fill("节能")
            box.press("Enter")
            page.get_by_test_id("stChatMessage").nth(1).wait_for(timeout=120_000)
            wait_idle(page, 120_000)
            warm = time.monotonic() - t0
            page.get_by_test_id("stSidebar").get_by_role("button", name="清空对话").click()
            wait_idle(page)
            page.goto(url)
            box = page.get_by_test_id("stChatInputTextArea")
            box.wait_for(timeout=60_000)
            t0 = time.monotonic()
            box.fill(question)
            box.press("Enter")
            page.get_by_test_id("stExpander").first.wait_for(timeout=60_000)
            wait_idle(page, 60_000)
            took = time.monotonic() - t0
            expanders = page.get_by_test_id("stExpander")
            for i in range(min(args.open, expanders.count())):
                expanders.nth(i).locator("summary").click()
            page.wait_for_timeout(500)
            labels = [expanders.nth(i).locator("summary").inner_text() for i in range(expanders.count())]
            args.out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(args.out), full_page=True)
        print(f"问题：{question}")
        print(f"首次（加载模型）{warm:.1f} 秒；回答出现用时 {took:.1f} 秒")
        for label in labels:
            print("  来源：" + " ".join(label.split()))
        print(f"截图：{args.out}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
