"""The fifth held-out set (eval/questions/dev5.jsonl, the final one, written blind) and its manifest (`python -m eval corpus dev5`).

The question file and manifest are ours; the documents they point into stay in ../shared. With
../shared present, every answerable question's keywords must occur in the text of its gold article
(or in the header for `header`), so a gold field can never silently point at the wrong place.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from eval import corpus

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
QUESTIONS = ROOT / "eval" / "questions" / "dev5.jsonl"
KEYS = {"id", "question", "user", "doc", "locator", "answer", "answer_keywords", "type"}
OPTIONAL = {"also"}
TYPES = {"fact", "list", "numeric", "who", "penalty", "timeline", "compare", "unanswerable"}
USERS = {"official", "enterprise", "researcher"}
ARTICLE = re.compile(r"^(第[零〇一二三四五六七八九十百千]+条(?:之[一二三四五六七八九十]+)?)[\s\u3000]")
WS = re.compile(r"\s+")

needs_shared = pytest.mark.skipif(not (SHARED / "corpus" / "lawrefbook-national.tar.gz").is_file(),
                                  reason="../shared (real corpus) is absent")


def squash(text: str) -> str:
    return WS.sub("", text)


def places(text: str) -> dict[str, str]:
    """`header` (title and promulgation lines) and every article `第X条` of a lawrefbook document."""
    head, sep, body = text.partition("<!-- INFO END -->")
    if not sep:
        head, body = "", text
    out = {"header": head}
    current = None
    for line in body.splitlines():
        m = ARTICLE.match(line)
        if m:
            current = m.group(1)
            out[current] = line
        elif line.startswith("#"):
            current = None
        elif current:
            out[current] += "\n" + line
    return out


def load() -> list[dict]:
    return [json.loads(line) for line in QUESTIONS.read_text(encoding="utf-8").splitlines() if line.strip()]


# ---------------------------------------------------------------- the file on its own
def test_questions_parse_with_the_dev_keys_and_unique_ids():
    qs = load()
    ids = [q["id"] for q in qs]
    assert len(ids) == len(set(ids)), [i for i, n in Counter(ids).items() if n > 1]
    for q in qs:
        assert KEYS <= set(q) <= KEYS | OPTIONAL, q["id"]
        assert q["id"].startswith("d5-")
        assert q["type"] in TYPES and q["user"] in USERS, q["id"]
        assert q["question"].strip() and q["answer"].strip()
        if q["type"] == "unanswerable":
            assert q["doc"] is None and q["locator"] is None and q["answer_keywords"] == [], q["id"]
        else:
            assert q["doc"] and q["locator"], q["id"]
            assert 1 <= len(q["answer_keywords"]) <= 3, q["id"]
            assert all(2 <= len(squash(k)) <= 12 for k in q["answer_keywords"]), q["id"]


def test_questions_meet_the_size_and_spread_of_the_brief():
    qs = load()
    answerable = [q for q in qs if q["doc"]]
    assert len(qs) >= 80
    assert sum(q["type"] == "unanswerable" for q in qs) >= 16
    assert len({q["doc"] for q in answerable}) >= 12
    english = [q for q in answerable if not re.search(r"[\u4e00-\u9fff]", q["question"])]
    assert len(english) == 3
    assert {q["type"] for q in answerable} == TYPES - {"unanswerable"}


def test_gold_documents_are_the_manifest_gold_section():
    manifest = corpus.read_manifest("dev5")
    docs = {q["doc"] for q in load() if q["doc"]}
    assert docs == set(manifest.gold_files)
    assert len(manifest.distractors) >= 30


# ---------------------------------------------------------------- against the documents in ../shared
@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    if not corpus.LAWREF_TAR.is_file():
        pytest.skip("../shared (real corpus) is absent")
    manifest = corpus.read_manifest("dev5")
    data = corpus.read_members(manifest)
    return {manifest.file_name(m): b.decode("utf-8") for m, b in data.items()}


@needs_shared
def test_every_keyword_occurs_in_its_gold_article(texts):
    bad = []
    for q in load():
        if not q["doc"]:
            continue
        where = places(texts[q["doc"]])
        assert q["locator"] in where, f"{q['id']}: {q['doc']} has no {q['locator']}"
        article = squash(where[q["locator"]])
        bad += [f"{q['id']}: {k!r} not in {q['locator']}" for k in q["answer_keywords"] if squash(k) not in article]
    assert not bad, "\n".join(bad)


@needs_shared
def test_also_places_exist(texts):
    for q in load():
        for a in q.get("also") or []:
            doc, loc = a.split("#", 1) if "#" in a else (q["doc"], a)
            assert doc in texts, f"{q['id']}: {doc} is not in the dev5 manifest"
            assert loc in places(texts[doc]), f"{q['id']}: {doc} has no {loc}"


@needs_shared
def test_manifest_documents_are_outside_the_dev_corpus_and_the_other_sets():
    def stem(name: str) -> str:
        return re.sub(r"\(.*$", "", Path(name).stem)

    dev = {stem(p.name) for d in ("laws", "formats") for p in (SHARED / "corpus" / d).iterdir()}
    manifest = corpus.read_manifest("dev5")
    overlap = sorted({stem(m) for m in manifest.members} & dev)
    assert not overlap, overlap
    for other in ("dev2", "dev3", "dev4"):
        titles = {stem(m) for m in corpus.read_manifest(other).members}
        overlap = sorted({stem(m) for m in manifest.members} & titles)
        assert not overlap, (other, overlap)


# ---------------------------------------------------------------- the corpus builder, through its CLI
def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "eval", "corpus", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


@needs_shared
def test_corpus_cli_extracts_the_manifest_flat(tmp_path):
    out = tmp_path / "dev5corpus"
    res = run_cli("dev5", "--out", str(out))
    assert res.returncode == 0, res.stderr
    manifest = corpus.read_manifest("dev5")
    assert sorted(p.name for p in out.iterdir()) == sorted(manifest.file_name(m) for m in manifest.members)
    assert all(p.stat().st_size > 0 for p in out.iterdir())


def test_corpus_cli_refuses_without_the_archive(tmp_path):
    out = tmp_path / "out"
    res = run_cli("dev5", "--out", str(out), "--tar", str(tmp_path / "missing.tar.gz"))
    assert res.returncode == 2
    assert "找不到" in res.stderr and "dev5" in res.stderr
    assert not out.exists()


def test_corpus_cli_refuses_an_unknown_set(tmp_path):
    res = run_cli("nosuchset", "--out", str(tmp_path / "out"))
    assert res.returncode == 2
    assert "没有名为 nosuchset 的文档清单" in res.stderr
