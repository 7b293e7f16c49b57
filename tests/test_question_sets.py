"""Our own question sets (eval/questions/dev2 … dev33.jsonl), their manifests and the corpus builder
(`python -m eval corpus NAME`).

The question files and manifests are ours; the documents they point into stay in ../shared. With
../shared present, every answerable question's keywords must occur in the text of its gold article
(or in the header for `header`, or in a section `1.3` of the review paper), so a gold field can
never silently point at the wrong place. What differs between the sets — size, how many are
unanswerable or in English, which other sets a manifest must avoid — is one row of SETS.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from eval import corpus

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
LAWS, SEEDS = SHARED / "corpus" / "laws", SHARED / "seeds"
KEYS = {"id", "question", "user", "doc", "locator", "answer", "answer_keywords", "type"}
OPTIONAL = {"also"}
TYPES = {"fact", "list", "numeric", "who", "penalty", "timeline", "compare", "unanswerable"}
USERS = {"official", "enterprise", "researcher"}
ARTICLE = re.compile(r"^(第[零〇一二三四五六七八九十百千]+条(?:之[一二三四五六七八九十]+)?)[\s\u3000]")
SECTION = re.compile(r"^\s*(\d\.\d)\s")
CJK = re.compile(r"[\u4e00-\u9fff]")
WS = re.compile(r"\s+")
COPIED_RUN = 20  # an `answer` note sharing this many characters with its gold document copies it

needs_shared = pytest.mark.skipif(not corpus.LAWREF_TAR.is_file() or not LAWS.is_dir(),
                                  reason="../shared (real corpus) is absent")


@dataclass(frozen=True)
class QuestionSet:
    name: str
    total: tuple[int, int]  # at least, at most
    unanswerable_min: int
    english: tuple[int, int]  # answerable questions in English: at least, at most
    english_unanswerable: int = 0  # unanswerable questions in English: at least
    keyword_max: int = 12  # characters in an answer keyword (dev2 predates the 12-character rule)
    avoid: tuple[str, ...] = ()  # other sets whose documents its manifest must not hold
    own_documents: bool = True  # False: the manifest only repeats other sets' members (dev4)
    all_types: bool = False  # every answerable type occurs
    unanswerable_say_so: bool = False  # an unanswerable line's answer says 未找到依据


SETS = [
    QuestionSet("dev2", (70, 10_000), 10, (2, 3), keyword_max=16),
    QuestionSet("dev3", (70, 10_000), 10, (3, 3), avoid=("dev2",)),
    QuestionSet("dev4", (70, 70), 40, (1, 10_000), english_unanswerable=1, own_documents=False,
                unanswerable_say_so=True),
    QuestionSet("dev5", (80, 10_000), 16, (3, 3), avoid=("dev2", "dev3", "dev4"), all_types=True),
    QuestionSet("dev6", (90, 100), 16, (3, 3), english_unanswerable=1, avoid=("dev2", "dev3", "dev4", "dev5"),
                all_types=True),
    QuestionSet("dev7", (90, 100), 16, (3, 3), english_unanswerable=1,
                avoid=("dev2", "dev3", "dev4", "dev5", "dev6"), all_types=True),
    QuestionSet("dev8", (90, 100), 18, (3, 3), english_unanswerable=1,
                avoid=("dev2", "dev3", "dev4", "dev5", "dev6", "dev7"), all_types=True),
    QuestionSet("dev9", (90, 100), 18, (3, 3), english_unanswerable=1,
                avoid=("dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8"), all_types=True),
    QuestionSet("dev10", (90, 100), 18, (3, 3), english_unanswerable=1,
                avoid=("dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9"), all_types=True),
    QuestionSet("dev11", (90, 100), 18, (3, 3), english_unanswerable=1,
                avoid=("dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10"), all_types=True),
    QuestionSet("dev12", (90, 100), 18, (3, 3), english_unanswerable=1,
                avoid=("dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11"),
                all_types=True),
    QuestionSet("dev13", (90, 100), 18, (3, 3), english_unanswerable=1,
                avoid=("dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12"),
                all_types=True),
    QuestionSet("dev14", (90, 100), 18, (3, 3), english_unanswerable=1,
                avoid=("dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12",
                       "dev13"),
                all_types=True),
    QuestionSet("dev15", (90, 100), 18, (3, 3), english_unanswerable=1,
                avoid=("dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12",
                       "dev13", "dev14"),
                all_types=True),
    QuestionSet("dev16", (90, 100), 18, (3, 3), english_unanswerable=1,
                avoid=("dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12",
                       "dev13", "dev14", "dev15"),
                all_types=True),
    QuestionSet("dev17", (90, 100), 18, (3, 3), english_unanswerable=1,
                avoid=("dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12",
                       "dev13", "dev14", "dev15", "dev16"),
                all_types=True),
    QuestionSet("dev18", (90, 100), 18, (3, 3), english_unanswerable=1,
                avoid=("dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12",
                       "dev13", "dev14", "dev15", "dev16", "dev17"),
                all_types=True),
    QuestionSet("dev19", (90, 100), 18, (3, 3), english_unanswerable=1,
                avoid=("dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12",
                       "dev13", "dev14", "dev15", "dev16", "dev17", "dev18"),
                all_types=True),
    QuestionSet("dev20", (90, 100), 18, (3, 3), english_unanswerable=1,
                avoid=("dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12",
                       "dev13", "dev14", "dev15", "dev16", "dev17", "dev18", "dev19"),
                all_types=True),
    QuestionSet("dev21", (90, 100), 18, (3, 3), english_unanswerable=1,
                avoid=("dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12",
                       "dev13", "dev14", "dev15", "dev16", "dev17", "dev18", "dev19", "dev20"),
                all_types=True),
    QuestionSet("dev22", (90, 100), 18, (3, 3), english_unanswerable=1,
                avoid=("dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12",
                       "dev13", "dev14", "dev15", "dev16", "dev17", "dev18", "dev19", "dev20", "dev21"),
                all_types=True),
    QuestionSet("dev23", (90, 100), 18, (3, 3), english_unanswerable=1,
                avoid=("dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12",
                       "dev13", "dev14", "dev15", "dev16", "dev17", "dev18", "dev19", "dev20", "dev21", "dev22"),
                all_types=True),
    QuestionSet("dev24", (90, 100), 18, (3, 3), english_unanswerable=1,
                avoid=("dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12",
                       "dev13", "dev14", "dev15", "dev16", "dev17", "dev18", "dev19", "dev20", "dev21", "dev22",
                       "dev23"),
                all_types=True),
    QuestionSet("dev25", (90, 100), 18, (3, 3), english_unanswerable=1,
                avoid=("dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12",
                       "dev13", "dev14", "dev15", "dev16", "dev17", "dev18", "dev19", "dev20", "dev21", "dev22",
                       "dev23", "dev24"),
                all_types=True),
    QuestionSet("dev26", (90, 100), 18, (3, 3), english_unanswerable=1,
                avoid=("dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12",
                       "dev13", "dev14", "dev15", "dev16", "dev17", "dev18", "dev19", "dev20", "dev21", "dev22",
                       "dev23", "dev24", "dev25"),
                all_types=True),
    QuestionSet("dev27", (90, 100), 18, (3, 3), english_unanswerable=1,
                avoid=("dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12",
                       "dev13", "dev14", "dev15", "dev16", "dev17", "dev18", "dev19", "dev20", "dev21", "dev22",
                       "dev23", "dev24", "dev25", "dev26"),
                all_types=True),
    QuestionSet("dev28", (90, 100), 18, (3, 3), english_unanswerable=1,
                avoid=("dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12",
                       "dev13", "dev14", "dev15", "dev16", "dev17", "dev18", "dev19", "dev20", "dev21", "dev22",
                       "dev23", "dev24", "dev25", "dev26", "dev27"),
                all_types=True),
    QuestionSet("dev29", (90, 100), 18, (3, 3), english_unanswerable=1,
                avoid=("dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12",
                       "dev13", "dev14", "dev15", "dev16", "dev17", "dev18", "dev19", "dev20", "dev21", "dev22",
                       "dev23", "dev24", "dev25", "dev26", "dev27", "dev28"),
                all_types=True),
    QuestionSet("dev30", (90, 100), 18, (3, 3), english_unanswerable=1,
                avoid=("dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12",
                       "dev13", "dev14", "dev15", "dev16", "dev17", "dev18", "dev19", "dev20", "dev21", "dev22",
                       "dev23", "dev24", "dev25", "dev26", "dev27", "dev28", "dev29"),
                all_types=True),
    QuestionSet("dev31", (90, 100), 18, (3, 3), english_unanswerable=1,
                avoid=("dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12",
                       "dev13", "dev14", "dev15", "dev16", "dev17", "dev18", "dev19", "dev20", "dev21", "dev22",
                       "dev23", "dev24", "dev25", "dev26", "dev27", "dev28", "dev29", "dev30"),
                all_types=True),
    QuestionSet("dev32", (90, 100), 18, (3, 3), english_unanswerable=1,
                avoid=("dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12",
                       "dev13", "dev14", "dev15", "dev16", "dev17", "dev18", "dev19", "dev20", "dev21", "dev22",
                       "dev23", "dev24", "dev25", "dev26", "dev27", "dev28", "dev29", "dev30", "dev31"),
                all_types=True),
    QuestionSet("dev33", (90, 100), 18, (3, 3), english_unanswerable=1,
                avoid=("dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12",
                       "dev13", "dev14", "dev15", "dev16", "dev17", "dev18", "dev19", "dev20", "dev21", "dev22",
                       "dev23", "dev24", "dev25", "dev26", "dev27", "dev28", "dev29", "dev30", "dev31", "dev32"),
                all_types=True),
]
OWN = [s for s in SETS if s.own_documents]
by_name = pytest.mark.parametrize("qset", SETS, ids=[s.name for s in SETS])
own_by_name = pytest.mark.parametrize("qset", OWN, ids=[s.name for s in OWN])


def squash(text: str) -> str:
    return WS.sub("", text)


def load(name: str) -> list[dict]:
    path = ROOT / "eval" / "questions" / f"{name}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def places(text: str) -> dict[str, str]:
    """`header` and every article `第X条` of a law, or every numbered section `1.3` of the paper."""
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


# ---------------------------------------------------------------- each file on its own
@by_name
def test_questions_parse_with_the_dev_keys_and_unique_ids(qset):
    qs = load(qset.name)
    ids = [q["id"] for q in qs]
    assert len(ids) == len(set(ids)), [i for i, n in Counter(ids).items() if n > 1]
    for q in qs:
        assert KEYS <= set(q) <= KEYS | OPTIONAL, q["id"]
        assert re.fullmatch(rf"d{qset.name.removeprefix('dev')}-\d{{3}}", q["id"]), q["id"]
        assert q["type"] in TYPES and q["user"] in USERS, q["id"]
        assert q["question"].strip() and q["answer"].strip()
        if q["type"] == "unanswerable":
            assert q["doc"] is None and q["locator"] is None and q["answer_keywords"] == [], q["id"]
            assert not qset.unanswerable_say_so or "未找到依据" in q["answer"], q["id"]
        else:
            assert q["doc"] and q["locator"], q["id"]
            assert 1 <= len(q["answer_keywords"]) <= 3, q["id"]
            assert all(2 <= len(squash(k)) <= qset.keyword_max for k in q["answer_keywords"]), q["id"]


@by_name
def test_questions_meet_the_size_and_spread_of_the_brief(qset):
    qs = load(qset.name)
    answerable = [q for q in qs if q["doc"]]
    assert qset.total[0] <= len(qs) <= qset.total[1]
    assert sum(q["type"] == "unanswerable" for q in qs) >= qset.unanswerable_min
    assert len({q["doc"] for q in answerable}) >= 12
    english = [q for q in answerable if not CJK.search(q["question"])]
    assert qset.english[0] <= len(english) <= qset.english[1]
    assert sum(not q["doc"] and not CJK.search(q["question"]) for q in qs) >= qset.english_unanswerable
    assert not qset.all_types or {q["type"] for q in answerable} == TYPES - {"unanswerable"}


@own_by_name
def test_gold_documents_are_the_manifest_gold_section(qset):
    manifest = corpus.read_manifest(qset.name)
    assert {q["doc"] for q in load(qset.name) if q["doc"]} == set(manifest.gold_files)
    assert len(manifest.distractors) >= 30


def test_dev4_repeats_the_dev2_and_dev3_members_and_adds_none():
    dev4 = corpus.read_manifest("dev4")
    union = corpus.read_manifest("dev2").members + corpus.read_manifest("dev3").members
    assert sorted(dev4.members) == sorted(union)
    archive_docs = {q["doc"] for q in load("dev4") if q["doc"]} & {dev4.file_name(m) for m in union}
    assert set(dev4.gold_files) == archive_docs


# ---------------------------------------------------------------- against the documents in ../shared
@pytest.fixture(scope="module")
def texts() -> dict[str, dict[str, str]]:
    """Per set: file name → text of every document its questions may point into (its manifest's
    members; for dev4 also the dev corpus laws and the review paper)."""
    if not corpus.LAWREF_TAR.is_file() or not LAWS.is_dir():
        pytest.skip("../shared (real corpus) is absent")
    dev = {p.name: p.read_text(encoding="utf-8") for folder in (LAWS, SEEDS) for p in folder.iterdir()
           if p.suffix in {".md", ".txt"}}
    out = {}
    for qset in SETS:
        manifest = corpus.read_manifest(qset.name)
        docs = {manifest.file_name(m): b.decode("utf-8") for m, b in corpus.read_members(manifest).items()}
        out[qset.name] = docs if qset.own_documents else {**docs, **dev}
    return out


@needs_shared
@by_name
def test_every_keyword_occurs_in_its_gold_place(qset, texts):
    bad = []
    for q in load(qset.name):
        if not q["doc"]:
            continue
        assert q["doc"] in texts[qset.name], f"{q['id']}: {q['doc']} is not in the {qset.name} corpus"
        where = places(texts[qset.name][q["doc"]])
        assert q["locator"] in where, f"{q['id']}: {q['doc']} has no {q['locator']}"
        article = squash(where[q["locator"]])
        bad += [f"{q['id']}: {k!r} not in {q['locator']}" for k in q["answer_keywords"] if squash(k) not in article]
    assert not bad, "\n".join(bad)


@needs_shared
@by_name
def test_also_places_exist(qset, texts):
    docs = texts[qset.name]
    for q in load(qset.name):
        for a in q.get("also") or []:
            doc, loc = a.split("#", 1) if "#" in a else (q["doc"], a)
            assert doc in docs, f"{q['id']}: {doc} is not in the {qset.name} corpus"
            assert loc in places(docs[doc]), f"{q['id']}: {doc} has no {loc}"


@needs_shared
@pytest.mark.parametrize("name", ["dev2", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12",
                                  "dev13", "dev14", "dev15", "dev16", "dev17", "dev18",
                                  "dev19", "dev20", "dev21", "dev22", "dev23", "dev24",
                                  "dev25", "dev26", "dev27", "dev28", "dev29", "dev30", "dev31",
                                  "dev32", "dev33"])
def test_answers_are_our_own_words_not_runs_of_the_gold_document(name, texts):
    """The `answer` gold note paraphrases the law: no run of COPIED_RUN characters (whitespace
    ignored) of it occurs in its gold document. Unanswerable lines name no document. Checked on
    dev2 and dev6 … dev33, whose notes were written to this rule."""
    bad = []
    for q in load(name):
        if not q["doc"]:
            continue
        doc, answer = squash(texts[name][q["doc"]]), squash(q["answer"])
        runs = [answer[i:i + COPIED_RUN] for i in range(len(answer) - COPIED_RUN + 1)
                if answer[i:i + COPIED_RUN] in doc]
        if runs:
            bad.append(f"{q['id']}: {runs[0]!r}")
    assert not bad, "\n".join(bad)


def _stem(name: str) -> str:
    return re.sub(r"\(.*$", "", Path(name).stem)


@needs_shared
@own_by_name
def test_manifest_documents_are_outside_the_dev_corpus_and_the_earlier_sets(qset):
    mine = {_stem(m) for m in corpus.read_manifest(qset.name).members}
    dev = {_stem(p.name) for d in ("laws", "formats") for p in (SHARED / "corpus" / d).iterdir()}
    assert not sorted(mine & dev)
    for other in qset.avoid:
        titles = {_stem(m) for m in corpus.read_manifest(other).members}
        assert not sorted(mine & titles), other


# ---------------------------------------------------------------- the corpus builder, through its CLI
def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "eval", "corpus", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


@needs_shared
@own_by_name
def test_corpus_cli_extracts_the_manifest_flat(qset, tmp_path):
    out = tmp_path / f"{qset.name}corpus"
    res = run_cli(qset.name, "--out", str(out))
    assert res.returncode == 0, res.stderr
    manifest = corpus.read_manifest(qset.name)
    assert sorted(p.name for p in out.iterdir()) == sorted(manifest.file_name(m) for m in manifest.members)
    assert all(p.stat().st_size > 0 for p in out.iterdir())


def test_corpus_cli_refuses_without_the_archive(tmp_path):
    out = tmp_path / "out"
    res = run_cli("dev3", "--out", str(out), "--tar", str(tmp_path / "missing.tar.gz"))
    assert res.returncode == 2
    assert "找不到" in res.stderr and "dev3" in res.stderr
    assert not out.exists()


def test_corpus_cli_refuses_an_unknown_set(tmp_path):
    res = run_cli("nosuchset", "--out", str(tmp_path / "out"))
    assert res.returncode == 2
    assert "没有名为 nosuchset 的文档清单" in res.stderr
