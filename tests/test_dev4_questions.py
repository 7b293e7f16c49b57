"""The fourth development set (eval/questions/dev4.jsonl, near-miss unanswerables, written blind) and its manifest.

dev4 has no document of its own: it is scored on the dev corpus of ../shared (laws, formats, the review
paper in seeds) together with the dev2 and dev3 archive members, which dev4_corpus.txt lists again
(`# gold` = the members a dev4 question rests on, `# distractors` = the rest). With ../shared present,
every answerable question's keywords must occur in the text of its gold article (a `第X条` of a law,
or a section `1.3` of the review paper), so a gold field can never silently point at the wrong place.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from eval import corpus

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
LAWS = SHARED / "corpus" / "laws"
SEEDS = SHARED / "seeds"
QUESTIONS = ROOT / "eval" / "questions" / "dev4.jsonl"
KEYS = {"id", "question", "user", "doc", "locator", "answer", "answer_keywords", "type"}
OPTIONAL = {"also"}
TYPES = {"fact", "list", "numeric", "who", "penalty", "timeline", "compare", "unanswerable"}
USERS = {"official", "enterprise", "researcher"}
ARTICLE = re.compile(r"^(第[零〇一二三四五六七八九十百千]+条(?:之[一二三四五六七八九十]+)?)[\s\u3000]")
SECTION = re.compile(r"^\s*(\d\.\d)\s")
WS = re.compile(r"\s+")
CJK = re.compile(r"[\u4e00-\u9fff]")

needs_shared = pytest.mark.skipif(not corpus.LAWREF_TAR.is_file() or not LAWS.is_dir(),
                                  reason="../shared (real corpus) is absent")


def squash(text: str) -> str:
    return WS.sub("", text)


def places(text: str) -> dict[str, str]:
    """`header` and every article `第X条` of a law, or every numbered section `1.3` of the review paper."""
    head, sep, body = text.partition("<!-- INFO END -->")
    if not sep:
        head, body = "", text
    out = {"header": head}
    current = None
    for line in body.splitlines():
        m = ARTICLE.match(line) or SECTION.match(line)
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
        assert re.fullmatch(r"d4-\d{3}", q["id"]), q["id"]
        assert q["type"] in TYPES and q["user"] in USERS, q["id"]
        assert q["question"].strip() and q["answer"].strip()
        if q["type"] == "unanswerable":
            assert q["doc"] is None and q["locator"] is None and q["answer_keywords"] == [], q["id"]
            assert "未找到依据" in q["answer"], q["id"]
        else:
            assert q["doc"] and q["locator"], q["id"]
            assert 1 <= len(q["answer_keywords"]) <= 3, q["id"]
            assert all(2 <= len(squash(k)) <= 12 for k in q["answer_keywords"]), q["id"]


def test_questions_meet_the_size_and_spread_of_the_brief():
    qs = load()
    unanswerable = [q for q in qs if q["type"] == "unanswerable"]
    answerable = [q for q in qs if q["doc"]]
    assert len(qs) == 70
    assert len(unanswerable) >= 40 and len(answerable) == 30
    assert len({q["doc"] for q in answerable}) >= 12
    english = [q for q in qs if not CJK.search(q["question"])]
    assert len(english) >= 3
    assert any(not CJK.search(q["question"]) for q in unanswerable)
    assert any(not CJK.search(q["question"]) for q in answerable)


def test_manifest_repeats_the_dev2_and_dev3_members_and_adds_none():
    dev4 = corpus.read_manifest("dev4")
    union = corpus.read_manifest("dev2").members + corpus.read_manifest("dev3").members
    assert sorted(dev4.members) == sorted(union)
    archive_docs = {q["doc"] for q in load() if q["doc"]} & {dev4.file_name(m) for m in union}
    assert set(dev4.gold_files) == archive_docs


# ---------------------------------------------------------------- against the documents in ../shared
@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    if not corpus.LAWREF_TAR.is_file() or not LAWS.is_dir():
        pytest.skip("../shared (real corpus) is absent")
    manifest = corpus.read_manifest("dev4")
    data = corpus.read_members(manifest)
    out = {manifest.file_name(m): b.decode("utf-8") for m, b in data.items()}
    for folder in (LAWS, SEEDS):
        for p in folder.iterdir():
            if p.suffix in {".md", ".txt"}:
                out[p.name] = p.read_text(encoding="utf-8")
    return out


@needs_shared
def test_every_keyword_occurs_in_its_gold_place(texts):
    bad = []
    for q in load():
        if not q["doc"]:
            continue
        assert q["doc"] in texts, f"{q['id']}: {q['doc']} is not in the dev + dev2 + dev3 corpus"
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
            assert doc in texts, f"{q['id']}: {doc} is not in the corpus"
            assert loc in places(texts[doc]), f"{q['id']}: {doc} has no {loc}"
