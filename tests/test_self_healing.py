"""Derived files heal themselves; the store's failures say what to do.

BM25 files, kept tokens, cache.sqlite and registers.sqlite are checked when loaded and made
again from Chroma when damaged; `--rebuild` always rebuilds them; a damaged Chroma store, a
hung Chroma server and a full disk each give one line naming the problem; a read-only data
folder still answers. Fixture documents are invented (测试样例).
"""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from ingest.__main__ import main as ingest_main
from ingest.pipeline import run
from kb.index import lexical
from kb.index.cache import Cache
from kb.index.store import Index
from kb.interfaces.cli import main as kb_main
from kb.registers.extracted import Extractor, refresh
from kb.settings import DataLayout, load_settings
from tests.test_hostile import LAW

ROOT = Path(__file__).resolve().parents[1]
QUESTION = "重点用能单位什么时候报送能源利用状况报告？"


@pytest.fixture
def built(tmp_path, monkeypatch):
    monkeypatch.setenv("GREENKB_EMBED_MODEL", "none")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "示例市节能报告办法.md").write_text(LAW, encoding="utf-8")
    data = tmp_path / "data"
    assert ingest_main([str(corpus), "--data", str(data), "--quiet"]) == 0
    return corpus, data


def _search_ok(data: Path, capsys) -> None:
    capsys.readouterr()
    assert kb_main(["search", QUESTION, "--data", str(data), "--json"]) == 0
    results = json.loads(capsys.readouterr().out)["results"]
    assert results and "三月三十一日前" in " ".join(r["text"] for r in results)


def _npy(data: Path) -> Path:
    return next((data / "bm25" / "bm25").glob("data.csc.index.npy"))


def test_zero_length_bm25_file_is_rebuilt_by_search_and_ingest(built, capsys):
    corpus, data = built
    _npy(data).write_bytes(b"")
    assert lexical.load(data / "bm25") is None
    _search_ok(data, capsys)
    assert lexical.load(data / "bm25") is not None  # the searcher saved a good copy
    _npy(data).write_bytes(b"")
    assert ingest_main([str(corpus), "--data", str(data), "--quiet"]) == 0
    assert lexical.load(data / "bm25") is not None
    _npy(data).write_bytes(b"\x93NUMPY garbage")
    assert ingest_main([str(corpus), "--data", str(data), "--quiet", "--rebuild"]) == 0
    _search_ok(data, capsys)


def test_inconsistent_bm25_files_are_not_trusted(built, capsys):
    corpus, data = built
    ids = data / "bm25" / "ids.json"
    ids.write_text(json.dumps(json.loads(ids.read_text()) + ["extra-id"]), encoding="utf-8")
    assert lexical.load(data / "bm25") is None
    _search_ok(data, capsys)


def test_damaged_token_pickle_is_ignored(built, capsys):
    corpus, data = built
    layout = DataLayout(data)
    layout.bm25_tokens.write_bytes(b"\x80\x05not a pickle")
    shutil.rmtree(layout.bm25)
    _search_ok(data, capsys)
    import pickle

    assert pickle.loads(layout.bm25_tokens.read_bytes())["docs"]


def test_damaged_cache_sqlite_is_replaced(built, capsys):
    corpus, data = built
    cache = DataLayout(data).cache
    cache.write_bytes(b"this is not a database" * 100)
    (corpus / "第二份.md").write_text(LAW.replace("节能报告办法", "节水报告办法"), encoding="utf-8")
    capsys.readouterr()
    assert ingest_main([str(corpus), "--data", str(data), "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "新增 1" in out and "cache.sqlite 已损坏，已重新建立" in out
    c = Cache(cache)
    assert not c.repaired
    c.close()


def _count(meta, chunks):
    return [{"n": len(chunks)}]


def test_damaged_registers_sqlite_is_replaced(built):
    corpus, data = built
    settings = load_settings(data_dir=data)
    ex = Extractor("count", "1", _count)
    first = refresh(Index(settings), settings.layout, [ex])
    settings.layout.registers.write_bytes(b"garbage" * 500)
    again = refresh(Index(settings), settings.layout, [ex])
    assert again == first
    import sqlite3

    assert sqlite3.connect(settings.layout.registers).execute("select count(*) from facts").fetchone()[0] == 1


def test_damaged_chroma_store_says_what_to_do(built, capsys):
    corpus, data = built
    db = data / "chroma" / "chroma.sqlite3"
    db.write_bytes(b"garbage!" * 200 + db.read_bytes()[1600:])
    capsys.readouterr()
    assert kb_main(["search", QUESTION, "--data", str(data)]) == 2
    err = capsys.readouterr().err
    assert "索引文件已损坏" in err and "移走或删除" in err and len(err.strip().splitlines()) == 1
    assert ingest_main([str(corpus), "--data", str(data), "--quiet"]) == 2
    assert "索引文件已损坏" in capsys.readouterr().err


def test_read_only_data_folder_still_answers(built, tmp_path, capsys):
    """Bind-mounted read-only (root's chmod stops nothing); skipped where mounting is not allowed."""
    corpus, data = built
    ro = tmp_path / "ro"
    ro.mkdir()
    if subprocess.run(["mount", "--bind", str(data), str(ro)], capture_output=True).returncode:
        pytest.skip("bind mounts need root")
    try:
        if subprocess.run(["mount", "-o", "remount,ro,bind", str(ro)], capture_output=True).returncode:
            pytest.skip("cannot remount read-only here")
        with pytest.raises(OSError):
            (ro / "probe").write_text("x")
        shutil.rmtree(data / "bm25")  # the searcher must rebuild BM25 in memory, saving nothing
        _search_ok(ro, capsys)
        assert kb_main(["ask", QUESTION, "--data", str(ro), "--json"]) == 0
        out = json.loads(capsys.readouterr().out)
        assert not out["abstained"] and "三月三十一日前" in out["answer"]
    finally:
        subprocess.run(["umount", "-l", str(ro)], capture_output=True)


def test_hung_chroma_server_times_out_with_a_clear_message(tmp_path):
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    held = []
    stop = threading.Event()

    def accept() -> None:  # accept and never answer
        sock.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(sock.accept()[0])
            except OSError:
                continue

    threading.Thread(target=accept, daemon=True).start()
    env = {**os.environ, "GREENKB_CHROMA_HOST": "127.0.0.1", "GREENKB_CHROMA_PORT": str(sock.getsockname()[1]),
           "GREENKB_CHROMA_TIMEOUT": "1", "GREENKB_EMBED_MODEL": "none"}
    try:
        t0 = time.monotonic()
        proc = subprocess.run([sys.executable, "-m", "kb", "search", "节能", "--data", str(tmp_path / "d")],
                              cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
        assert time.monotonic() - t0 < 60
        assert proc.returncode == 2
        assert "1 秒内没有响应" in proc.stderr and "GREENKB_CHROMA_TIMEOUT" in proc.stderr, proc.stderr
        assert "Traceback" not in proc.stderr
    finally:
        stop.set()
        sock.close()
        for c in held:
            c.close()


def test_disk_full_is_named_not_error_in_compaction(tmp_path, monkeypatch):
    """Chroma reports a full disk as "Error in compaction"; the reason must say disk space."""
    from collections import namedtuple

    from chromadb.api.models.Collection import Collection

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "甲.md").write_text(LAW, encoding="utf-8")
    settings = load_settings(data_dir=tmp_path / "data", embed_model="none", ingest_workers=0)

    def compaction(self, *a, **kw):
        raise RuntimeError("Error in compaction: Failed to apply logs to the metadata segment")

    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(Collection, "upsert", compaction)
    monkeypatch.setattr(shutil, "disk_usage", lambda p: usage(10 << 30, 10 << 30, 2 << 20))
    summary = run([corpus], settings)
    reason = summary.failed[0].reason
    assert "磁盘空间不足" in reason and "只剩 2.0 MB" in reason, reason
