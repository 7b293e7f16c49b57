"""Index safety through the real interface: kill -9 mid-ingest, two ingests at once, a
failing disk. After any of them the index must equal a clean ingest of the same files.

The corpus is generated: invented laws (示例…（测试样例）), not real policy.
"""
from __future__ import annotations

import errno
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from ingest.pipeline import run
from kb.index import lexical
from kb.settings import DataLayout, load_settings
from kb.index.store import Index

ROOT = Path(__file__).resolve().parents[1]
N_FILES = 30
ARTICLES_PER_FILE = 90

_CN = "零一二三四五六七八九"


def cn_number(n: int) -> str:
    """1..999 in Chinese numerals (第一百二十三条)."""
    if n < 10:
        return _CN[n]
    if n < 20:
        return "十" + (_CN[n % 10] if n % 10 else "")
    if n < 100:
        return _CN[n // 10] + "十" + (_CN[n % 10] if n % 10 else "")
    rest = n % 100
    tail = "" if rest == 0 else ("零" + _CN[rest] if rest < 10 else _CN[rest // 10] + "十" + (_CN[rest % 10] if rest % 10 else ""))
    return _CN[n // 100] + "百" + tail


def law_text(i: int) -> str:
    lines = [f"# 示例第{i}号资源节约条例（测试样例）", "",
             f"2030年1月{i % 28 + 1}日 示例省第一届人民代表大会常务委员会第{i}次会议通过", ""]
    for a in range(1, ARTICLES_PER_FILE + 1):
        if a % 30 == 1:
            lines += [f"## 第{cn_number(a // 30 + 1)}章 示例章节{a // 30 + 1}", ""]
        lines += [f"第{cn_number(a)}条 示例单位{i}应当落实第{a}项节能措施，建立第{a}类资源台账，"
                  f"按季度向示例主管部门报送第{a}号报告（测试样例，第{i}号文件）。", ""]
    return "\n".join(lines)


def write_corpus(root: Path) -> Path:
    corpus = root / "corpus"
    corpus.mkdir()
    for i in range(1, N_FILES + 1):
        (corpus / f"示例条例{i:02d}.md").write_text(law_text(i), encoding="utf-8")
    return corpus


def cli(args: list[str], **kw) -> subprocess.Popen:
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": os.environ.get("HOME", "/root"),
           "GREENKB_EMBED_MODEL": "none", **kw.pop("env", {})}
    return subprocess.Popen([sys.executable, "-m", "ingest", *args, "--quiet"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True, **kw)  # own process group: kill -9 takes its workers too


def written(data: Path, collection: str) -> int:
    """Records written so far to a collection (greenkb_docs: committed documents; greenkb:
    chunks), read from Chroma's SQLite log without opening Chroma (a second Chroma client
    must not touch a store that is being written)."""
    db = DataLayout(data).chroma / "chroma.sqlite3"
    if not db.is_file():
        return 0
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.2)
        try:
            row = con.execute("SELECT id FROM collections WHERE name = ?", (collection,)).fetchone()
            if row is None:
                return 0
            (n,) = con.execute("SELECT COUNT(DISTINCT id) FROM embeddings_queue WHERE topic LIKE ?",
                               (f"%{row[0]}",)).fetchone()
            return int(n)
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def snapshot(data: Path) -> dict:
    """Everything a reader sees: chunk records, catalog, BM25 ids; plus consistency checks."""
    settings = load_settings(data_dir=data, embed_model="none")
    index = Index(settings)
    docs = index.documents()
    records = list(index.iter_chunks())
    committed = {d.doc_id: d.content_hash for d in docs.values()}
    orphans = [rid for rid, _doc, md in records if committed.get(md.get("doc_id")) != md.get("content_hash")]
    lex = lexical.load(DataLayout(data).bm25)
    return {
        "records": Counter((md["file_name"], md["locator"], md["chunk_index"], doc) for _rid, doc, md in records),
        "ids": sorted(rid for rid, _d, _m in records),
        "catalog": {d.file_name: (d.content_hash, d.title, d.chunks, d.doc_type) for d in docs.values()},
        "orphans": orphans,
        "bm25_ids": sorted(lex.ids) if lex is not None else None,
        "journal": DataLayout(data).journal.exists(),
    }


def assert_same_index(got: dict, want: dict) -> None:
    assert got["orphans"] == [] and not got["journal"]
    assert got["catalog"] == want["catalog"]
    assert got["records"] == want["records"]  # same (file, locator, index, text), no duplicates
    assert got["ids"] == want["ids"]
    assert got["bm25_ids"] == got["ids"]  # the keyword index covers exactly the committed chunks


@pytest.fixture(scope="module")
def corpus_and_clean(tmp_path_factory):
    """The corpus and a snapshot of a clean, uninterrupted ingest of it (another DATA dir)."""
    tmp = tmp_path_factory.mktemp("safety")
    corpus = write_corpus(tmp)
    clean_data = tmp / "clean-data"
    summary = run([corpus], load_settings(data_dir=clean_data, embed_model="none"))
    assert summary.count("added") == N_FILES and not summary.failed
    return corpus, snapshot(clean_data)


@pytest.mark.parametrize("when", [
    "after-first-commit",  # some documents committed, the rest still to come
    pytest.param("first-chunk-write", marks=pytest.mark.slow),  # chunks being written, maybe not yet committed
])
def test_kill_9_mid_ingest_then_rerun_equals_a_clean_ingest(tmp_path, corpus_and_clean, when):
    corpus, clean = corpus_and_clean
    data = tmp_path / "data"
    proc = cli([str(corpus), "--data", str(data)], env={"GREENKB_INGEST_WORKERS": "0"})
    killed_at = None
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        n = written(data, "greenkb_docs")
        if n >= 1 if when == "after-first-commit" else written(data, "greenkb") >= 1:
            os.killpg(proc.pid, signal.SIGKILL)
            killed_at = (written(data, "greenkb_docs"), written(data, "greenkb"))
            break
        time.sleep(0.005)
    proc.wait(timeout=30)
    assert killed_at is not None and proc.returncode == -signal.SIGKILL, "ingest finished before it could be killed"
    assert killed_at[0] < N_FILES

    rerun = subprocess.run([sys.executable, "-m", "ingest", str(corpus), "--data", str(data), "--quiet"],
                           cwd=ROOT, capture_output=True, text=True, timeout=180,
                           env={"PATH": os.environ.get("PATH", ""), "GREENKB_EMBED_MODEL": "none"})
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    assert "Traceback" not in rerun.stdout + rerun.stderr
    after = snapshot(data)
    assert_same_index(after, clean)
    assert sum(after["records"].values()) == sum(clean["records"].values())
    print(f"\nkill -9 with {killed_at[0]}/{N_FILES} documents committed, {killed_at[1]} chunk records in Chroma's log; "
          f"rerun: {rerun.stdout.splitlines()[0]} {' '.join(rerun.stdout.splitlines()[1:])}; "
          f"records {sum(after['records'].values())} = clean {sum(clean['records'].values())}")


def test_a_second_ingest_at_the_same_time_is_refused(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    # one big file keeps the first ingest busy for a few seconds
    (corpus / "示例长文件.txt").write_text(
        "示例长文件（测试样例）\n" + "\n".join(f"第{cn_number(a % 999 + 1)}条 测试样例内容第{a}条。" for a in range(60000)),
        encoding="utf-8")
    data = tmp_path / "data"
    first = cli([str(corpus), "--data", str(data)])
    try:
        lock = DataLayout(data).ingest_lock
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and first.poll() is None:
            if lock.is_file() and lock.read_text().strip() == str(first.pid):
                break
            time.sleep(0.02)
        assert first.poll() is None, "the first ingest ended before the second one started"
        second = subprocess.run([sys.executable, "-m", "ingest", str(corpus), "--data", str(data), "--quiet"],
                                cwd=ROOT, capture_output=True, text=True, timeout=120,
                                env={"PATH": os.environ.get("PATH", ""), "GREENKB_EMBED_MODEL": "none"})
        assert first.poll() is None, "the first ingest ended while the second one ran: the test proves nothing"
        assert second.returncode == 2, second.stdout + second.stderr
        assert "另一个导入任务正在使用" in second.stderr
        assert "Traceback" not in second.stdout + second.stderr
        assert second.stdout == ""
    finally:
        os.killpg(first.pid, signal.SIGKILL)
        first.wait(timeout=30)


def test_disk_full_during_write_is_reported_and_the_index_stays_intact(tmp_path, monkeypatch, corpus_and_clean):
    """Chroma's writes fail with ENOSPC after the first ingest: every changed file fails with
    a clear reason, nothing half-written is visible, and the next good run repairs all."""
    from chromadb.api.models.Collection import Collection

    corpus, clean = corpus_and_clean
    work = tmp_path / "corpus"
    work.mkdir()
    for f in sorted(corpus.iterdir())[:3]:
        (work / f.name).write_bytes(f.read_bytes())
    data = tmp_path / "data"
    settings = load_settings(data_dir=data, embed_model="none")
    assert run([work], settings).count("added") == 3
    before = snapshot(data)

    for f in sorted(work.iterdir())[:2]:  # change two files, add a new one
        f.write_text(f.read_text(encoding="utf-8").replace("按季度", "按月"), encoding="utf-8")
    (work / "新增.md").write_text("# 示例新增办法（测试样例）\n\n第一条 新增的测试样例。\n", encoding="utf-8")
    real_upsert = Collection.upsert
    calls = {"n": 0}

    def full_disk(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] > 1:  # the first write goes through: a half-written version is left behind
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_upsert(self, *args, **kwargs)

    monkeypatch.setattr(Collection, "upsert", full_disk)
    summary = run([work], settings.with_overrides(ingest_workers=0))  # parse here: the patch applies
    failed = {Path(r.path).name: r.reason for r in summary.failed}
    assert set(failed) == {"示例条例01.md", "示例条例02.md", "新增.md"}, failed
    for reason in failed.values():
        assert "\n" not in reason and ("No space left" in reason or "磁盘空间不足" in reason), reason
    assert summary.count("unchanged") == 1

    during = snapshot(data)  # readers still see exactly the old, committed versions
    assert during["catalog"] == before["catalog"]
    visible = set(during["ids"]) - set(during["orphans"])  # half-written chunks are orphans the catalog ignores
    assert sorted(visible) == before["ids"]

    monkeypatch.setattr(Collection, "upsert", real_upsert)
    repaired = run([work], settings)
    assert not repaired.failed and repaired.count("updated") == 2 and repaired.count("added") == 1
    fresh = tmp_path / "fresh"
    run([work], load_settings(data_dir=fresh, embed_model="none"))
    assert_same_index(snapshot(data), snapshot(fresh))



# --------------------------------------------------------------------------- a really full disk (tmpfs)


@pytest.fixture
def tiny_disk(tmp_path):
    """A 3 MB tmpfs; skipped where mounting is not allowed (not root, no CAP_SYS_ADMIN)."""
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    proc = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mnt)], capture_output=True, text=True)
    if proc.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {proc.stderr.strip()}")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], capture_output=True)


@pytest.mark.slow
def test_really_full_disk_via_the_cli(tmp_path, tiny_disk):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "小文件.md").write_text("# 示例办法（测试样例）\n\n第一条 测试样例。\n\n第二条 测试样例二。\n", encoding="utf-8")
    data = tiny_disk / "data"
    env = {"PATH": os.environ.get("PATH", ""), "GREENKB_EMBED_MODEL": "none"}

    def ingest() -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "ingest", str(corpus), "--data", str(data), "--quiet"],
                              cwd=ROOT, capture_output=True, text=True, timeout=180, env=env)

    assert ingest().returncode == 0
    (corpus / "大文件.txt").write_text("示例大文件（测试样例）\n" + "\n".join(
        f"第{cn_number(i % 999 + 1)}条 示例单位应当依法开展节能监督检查并按期报送能源利用状况报告（测试样例第{i}条）。" * 3
        for i in range(1500)), encoding="utf-8")
    full = ingest()
    out = full.stdout + full.stderr
    assert "Traceback" not in out
    assert full.returncode in (1, 2), out  # 1: the file failed, 2: the run stopped with one error line
    assert "大文件.txt" in out or "错误" in full.stderr, out
    assert re.search(r"disk is full|No space|磁盘空间不足", out), out

    subprocess.run(["mount", "-o", "remount,size=64m", str(tiny_disk)], check=True)  # space freed
    during = snapshot(data)
    assert set(during["catalog"]) == {"小文件.md"}
    assert {md[0] for md in during["records"]} >= {"小文件.md"}
    rerun = ingest()
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    fresh = tmp_path / "fresh"
    run([corpus], load_settings(data_dir=fresh, embed_model="none"))
    assert_same_index(snapshot(data), snapshot(fresh))
