"""`kb ask|search --batch`: every line gets its own answer or its own error object; ids are
echoed exactly; the output is valid JSON Lines whatever the input holds. And names with
terminal escape codes are printed escaped. Fixture documents are invented (测试样例).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ingest.__main__ import main as ingest_main
from tests.test_hostile import LAW

ROOT = Path(__file__).resolve().parents[1]

LINES = [
    b'{"id": "q1", "question": "\xe9\x87\x8d\xe7\x82\xb9\xe7\x94\xa8\xe8\x83\xbd\xe5\x8d\x95\xe4\xbd\x8d\xe4\xbb\x80\xe4\xb9\x88\xe6\x97\xb6\xe5\x80\x99\xe6\x8a\xa5\xe9\x80\x81\xe8\x83\xbd\xe6\xba\x90\xe5\x88\xa9\xe7\x94\xa8\xe7\x8a\xb6\xe5\x86\xb5\xe6\x8a\xa5\xe5\x91\x8a\xef\xbc\x9f"}',
    b'{"id": NaN, "question": "x"}',
    b'{"id": "q3", "question": "\xff\xfe bad bytes"}',
    b'{"id": 3, "question": null}',
    b'{"id": [1, 2], "question": ["a", "b"]}',
    b'{"id": "q6", "question": "\\ud800\xe8\x83\xbd\xe6\xba\x90"}',
    b'{"id": "\\udc00", "question": "\xe8\x83\xbd\xe6\xba\x90\xe5\x88\xa9\xe7\x94\xa8"}',
    b'not json at all',
    b'[1, 2, 3]',
    b'{"id": 12345678901234567890, "question": "\xe8\x83\xbd\xe6\xba\x90"}',
    b'{"id": "1", "question": ""}',
    b'',
    b'{"question": "\xe8\x83\xbd\xe6\xba\x90"}',
]


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    root = tmp_path_factory.mktemp("batch")
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "示例市节能报告办法.md").write_text(LAW, encoding="utf-8")
    (corpus / "示例\x1b[31m红色.md").write_text(LAW.replace("节能报告办法", "节能报告细则"), encoding="utf-8")
    out = root / "data"
    assert ingest_main([str(corpus), "--data", str(out), "--embed-model", "none", "--quiet"]) == 0
    return out


def _run(args, data, stdin: bytes = b""):
    env = {**os.environ, "GREENKB_EMBED_MODEL": "none", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "kb", *args, "--data", str(data)], input=stdin, capture_output=True,
                          env=env, cwd=ROOT, timeout=300)


def _strict(line: bytes):
    def no_constants(name):
        raise ValueError(name)

    return json.loads(line.decode("utf-8"), parse_constant=no_constants)


@pytest.mark.parametrize("command", ["ask", "search"])
def test_every_line_answered_or_its_own_error(data, command):
    proc = _run([command, "--batch", "-"], data, b"\n".join(LINES) + b"\n")
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    out = [_strict(x) for x in proc.stdout.splitlines()]
    assert len(out) == sum(1 for x in LINES if x.strip())
    assert [o["line"] for o in out] == [i + 1 for i, x in enumerate(LINES) if x.strip()]
    by_line = {o["line"]: o for o in out}
    assert "error" not in by_line[1] and by_line[1]["id"] == "q1"
    if command == "ask":
        assert "三月三十一日前" in by_line[1]["answer"]
    assert by_line[2]["id"] is None and "NaN" in by_line[2]["error"]
    assert by_line[3]["id"] is None and "UTF-8" in by_line[3]["error"]
    assert by_line[4]["id"] == 3 and "question" in by_line[4]["error"]
    assert by_line[5]["id"] == [1, 2] and "list" in by_line[5]["error"]
    assert "error" not in by_line[6] and by_line[6]["id"] == "q6"
    assert by_line[7]["id"] == "\udc00" and "error" not in by_line[7]  # echoed exactly, as a JSON escape
    assert b'"\\udc00"' in proc.stdout.splitlines()[6]
    assert "JSON" in by_line[8]["error"] and "对象" in by_line[9]["error"]
    assert by_line[10]["id"] == 12345678901234567890
    assert by_line[11]["id"] == "1" and "为空" in by_line[11]["error"]
    assert by_line[13]["id"] is None and "error" not in by_line[13]


def test_control_characters_escaped_in_cli_output(data):
    for args in (["docs"], ["search", "示例报告"], ["ask", "重点用能单位什么时候报送能源利用状况报告？"]):
        proc = _run(args, data)
        assert proc.returncode == 0
        assert b"\x1b" not in proc.stdout, args
    proc = _run(["docs"], data)
    assert "\\x1b[31m红色.md" in proc.stdout.decode("utf-8")
    proc = _run(["docs", "--json"], data)
    assert b"\x1b" not in proc.stdout
    assert any(_strict(x)["file_name"] == "示例\x1b[31m红色.md" for x in proc.stdout.splitlines())
