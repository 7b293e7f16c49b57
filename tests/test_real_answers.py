"""Answers on real laws from ../shared, through `python -m ingest` and `python -m kb ask --json`
with the default embedder. Skips when ../shared is absent. Each case is a behaviour the invented
fixtures cannot show at the scores real texts produce.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.__main__ import main as ingest_main
from kb.interfaces.cli import main as kb_main

LAWS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "laws"
NATIONAL = "清洁生产促进法(2012-02-29).md"
SHANDONG = "山东省清洁生产促进条例(2020-11-27).md"
pytestmark = pytest.mark.skipif(not (LAWS / NATIONAL).is_file() or not (LAWS / SHANDONG).is_file(),
                                reason="../shared (real corpus) is absent")


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    out = tmp_path_factory.mktemp("real_answers") / "data"
    assert ingest_main([str(LAWS / NATIONAL), str(LAWS / SHANDONG), "--data", str(out), "--quiet"]) == 0
    return out


def ask(data, question: str, capsys) -> dict:
    capsys.readouterr()
    assert kb_main(["ask", question, "--data", str(data), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def lead_file(out: dict) -> str:
    return min(out["citations"], key=lambda c: c["n"])["file_name"]


def test_a_question_naming_no_place_is_answered_from_the_national_law_first(data, capsys):
    # Shandong's regulation matches the words best, but binds Shandong only
    out = ask(data, "企业没有按规定进行清洁生产审核，罚多少？", capsys)
    assert not out["abstained"] and lead_file(out) == NATIONAL, out["answer"]
    # named, the province's own rule answers
    out = ask(data, "在山东，企业没有按规定进行清洁生产审核，罚多少？", capsys)
    assert not out["abstained"] and lead_file(out) == SHANDONG, out["answer"]
