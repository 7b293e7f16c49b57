"""Ingest of the real development corpus (../shared), checked against its expectations.

Skips when ../shared is absent. Uses the lexical-only index (no vectors) so that it is fast:
structure, locators, pages and cleaning do not depend on the embedder.
"""
from __future__ import annotations

import json
import re
import time
from collections import defaultdict
from pathlib import Path

import pytest

from ingest.pipeline import run
from kb.settings import load_settings
from kb.index.store import Index

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
pytestmark = pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="../shared (real corpus) is absent")


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    settings = load_settings(data_dir=tmp_path_factory.mktemp("real") / "data", embed_model="none")
    paths = [SHARED / "corpus" / "laws", SHARED / "corpus" / "formats", SHARED / "seeds"]
    t0 = time.perf_counter()
    first = run(paths, settings)
    first_seconds = time.perf_counter() - t0
    by_file: dict[str, list[dict]] = defaultdict(list)
    for _rid, text, md in Index(settings).iter_chunks():
        by_file[md["file_name"]].append({**md, "text": text})
    for chunks in by_file.values():
        chunks.sort(key=lambda c: c["chunk_index"])
    return {"settings": settings, "paths": paths, "first": first, "seconds": first_seconds, "by_file": by_file}


def test_every_file_is_ingested(ingested):
    first = ingested["first"]
    assert not first.failed, [(r.path, r.reason) for r in first.failed]
    assert first.count("added") == len(ingested["by_file"]) >= 34


def test_format_files_recover_every_article_in_order(ingested):
    expected = json.loads((SHARED / "eval" / "formats_expected.json").read_text(encoding="utf-8"))
    by_stem = {Path(name).stem: chunks for name, chunks in ingested["by_file"].items()}
    for stem, exp in expected.items():
        locators = []
        for c in by_stem[stem]:
            if c["locator"].startswith("第") and c["locator"].endswith("条") and c["locator"] not in locators:
                locators.append(c["locator"])
        assert locators == exp["articles"], stem
        paths = " ".join(c["heading_path"] for c in by_stem[stem])
        for chapter in exp.get("chapters", []):
            assert re.sub(r"\s", "", chapter) in re.sub(r"\s", "", paths), (stem, chapter)


def test_pdf_chunks_start_on_the_page_where_the_article_begins(ingested):
    from ingest import loaders

    for name, chunks in ingested["by_file"].items():
        if not name.endswith(".pdf"):
            continue
        pages = loaders.load(SHARED / "corpus" / "formats" / name).pages
        squeezed = [re.sub(r"\s", "", p) for p in pages]
        for c in chunks:
            assert c.get("page_start") and c["page_end"] >= c["page_start"]
            if not c["locator"].startswith("第"):
                continue
            head = re.sub(r"\s", "", c["text"])[:10]
            page = squeezed[c["page_start"] - 1]
            following = squeezed[c["page_start"]] if c["page_start"] < len(squeezed) else ""
            # The article's opening words are on its start page, possibly running over the break.
            assert head in page or head in page[-20:] + following[:20], (name, c["locator"], c["page_start"])


def test_no_chunk_holds_page_furniture(ingested):
    footer = re.compile(r"[—－-]\s*\d+\s*[—－-]")
    for name, chunks in ingested["by_file"].items():
        lines = defaultdict(int)
        for c in chunks:
            assert not footer.search(c["text"]), (name, c["locator"])
            for line in c["text"].splitlines():
                if line.strip():
                    lines[line.strip()] += 1
        if name.endswith(".pdf"):
            repeated = [l for l, n in lines.items() if n >= 3 and len(l) < 30]
            assert not repeated, (name, repeated)
        assert not any(re.search(s, c["text"]) for c in chunks for s in ("分享到", "关闭窗口", "【打印】")), name


def test_review_paper_sections_are_locators(ingested):
    paper = next(chunks for name, chunks in ingested["by_file"].items() if name.startswith("000_"))
    locators = {c["locator"] for c in paper}
    for sec in ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "3.4"]:
        assert sec in locators, sec


def test_laws_have_header_chunks_and_sequential_articles(ingested):
    from kb.text.grammar import article_number

    for name, chunks in ingested["by_file"].items():
        if not name.endswith(".md"):
            continue
        assert chunks[0]["locator"] == "header", name
        numbers = []
        for c in chunks:
            if c["kind"] == "article" and c["locator"].startswith("第") and "附件" not in c["heading_path"]:
                n = article_number(c["locator"])[0]
                if not numbers or numbers[-1] != n:
                    numbers.append(n)
        assert numbers == list(range(1, len(numbers) + 1)), name


def test_second_run_skips_every_file_quickly(ingested):
    t0 = time.perf_counter()
    again = run(ingested["paths"], ingested["settings"])
    seconds = time.perf_counter() - t0
    assert again.count("unchanged") == ingested["first"].count("added")
    assert again.count("added") == again.count("updated") == again.count("removed") == 0
    assert seconds < max(0.1 * ingested["seconds"], 3.0)
