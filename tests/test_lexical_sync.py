"""kb.lexical_sync: the one BM25 refresh shared by the ingest and the Searcher.

Invented test documents (示例…（测试样例）), ingested with embed_model="none". "Another
instance" changing the index is simulated the way it happens on a shared Chroma server: it
writes documents straight into Chroma, leaving this data folder's BM25 files stale.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
import pytest

from ingest import parsing, pipeline
from kb.index import lexical
from kb.index import lexical_sync
from kb.search.searcher import Searcher
from kb.settings import DataLayout, Settings
from kb.index.store import Index

TOPICS = [
    ("示例市工业节水办法", "工业用水单位应当每年开展水平衡测试", "未开展水平衡测试的，处五千元以上二万元以下罚款"),
    ("示例省清洁生产审核细则", "重点企业应当每五年开展一次清洁生产审核", "未按规定开展审核的，责令限期改正"),
    ("示例区绿色工厂评价规程", "绿色工厂评价分为基本要求和评价指标两部分", "评价结果有效期为三年"),
    ("示例县固体废物管理规定", "产生工业固体废物的单位应当建立管理台账", "擅自倾倒固体废物的，处十万元以上罚款"),
    ("示例市能耗限额管理办法", "单位产品能耗超过限额标准的，应当限期整改", "整改期限一般不超过一年"),
    ("示例省再生资源回收条例", "再生资源回收经营者应当如实登记收购来源", "收购禁止收购物品的，没收违法所得"),
]
QUERIES = ["水平衡测试 罚款", "清洁生产审核", "绿色工厂 评价结果 有效期", "固体废物 台账", "能耗限额 整改", "第三条"]


def doc_text(title: str, duty: str, penalty: str) -> str:
    return (
        f"# {title}（测试样例）\n\n2021年5月1日 测试样例通过\n\n## 第一章 总则\n\n"
        f"第一条 为了测试关键词检索，制定本{title[-2:]}。本文件为测试样例，不是真实文件。\n\n"
        f"第二条 {duty}。\n\n## 第二章 责任\n\n第三条 {penalty}。\n\n第四条 本{title[-2:]}自2021年7月1日起施行。\n"
    )


def write_corpus(root: Path, topics=TOPICS) -> Path:
    corpus = root / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    for title, duty, penalty in topics:
        (corpus / f"{title}.md").write_text(doc_text(title, duty, penalty), encoding="utf-8")
    return corpus


@pytest.fixture
def ingested(tmp_path):
    settings = Settings(data_dir=tmp_path / "data", embed_model="none")
    corpus = write_corpus(tmp_path, TOPICS[:5])
    summary = pipeline.run([corpus], settings)
    assert summary.count("added") == 5 and not summary.failed
    return corpus, settings


def another_instance_writes(settings: Settings, path: Path) -> str:
    """Commit one document to Chroma as another instance's ingest would, BM25 files untouched."""
    doc_id = pipeline.doc_id_for(path)
    meta, chunks = parsing.parse_file(path, doc_id, pipeline.content_hash(path))
    Index(settings).write_document(meta, chunks, np.ones((len(chunks), 1), dtype=np.float32))
    return doc_id


def forget_bm25(data: DataLayout) -> None:
    import shutil

    shutil.rmtree(data.bm25)
    data.bm25_tokens.unlink()


@pytest.fixture
def reads(monkeypatch):
    """Every Index.iter_chunks call: (where, number of records it yielded)."""
    calls: list[list] = []
    original = Index.iter_chunks

    def counting(self, where=None):
        call = [where, 0]
        calls.append(call)
        for record in original(self, where):
            call[1] += 1
            yield record

    monkeypatch.setattr(Index, "iter_chunks", counting)
    return calls


def ranking(searcher: Searcher) -> dict[str, list[str]]:
    return {q: [h.chunk_id for h in searcher.search(q, k=5)] for q in QUERIES}


def assert_same_bm25(a: lexical.LexicalIndex, b: lexical.LexicalIndex) -> None:
    assert a.generation == b.generation
    assert a.ids == b.ids and a.info == b.info
    for q in QUERIES:
        np.testing.assert_allclose(a.scores(q), b.scores(q), rtol=1e-5, atol=1e-6)


def test_searcher_rebuild_equals_the_ingest_built_bm25(ingested, reads):
    _corpus, settings = ingested
    data = settings.layout
    built = lexical.load(data.bm25)
    want = ranking(Searcher(settings))
    assert all(want.values())
    assert not reads  # the ingest took its own tokens; the Searcher found the files current

    forget_bm25(data)  # stale BM25, as in a new data folder on a shared server
    searcher = Searcher(settings)
    assert_same_bm25(searcher.lex, built)
    assert ranking(searcher) == want
    # Every document was missing: the whole collection was read once.
    assert sum(n for _w, n in reads) == len(built.ids) == Index(settings).count_chunks()
    assert_same_bm25(lexical.load(data.bm25), built)  # the lock was free: saved
    assert data.bm25_tokens.is_file()


def test_a_refresh_reads_only_documents_new_to_it(ingested, reads, tmp_path):
    corpus, settings = ingested
    searcher = Searcher(settings, refresh_seconds=0)
    extra = write_corpus(tmp_path / "elsewhere", TOPICS[5:]) / f"{TOPICS[5][0]}.md"
    new_id = another_instance_writes(settings, extra)
    n_new = Index(settings).documents()[new_id].chunks

    hits = searcher.search("再生资源 收购来源", k=3)
    assert hits and hits[0].doc_id == new_id
    assert reads == [[{"doc_id": {"$in": [new_id]}}, n_new]]  # only the new document, once
    full = lexical_sync.refresh(Index(settings), None, DataLayout(tmp_path / "full"), force=True, holds_lock=True)
    assert_same_bm25(searcher.lex, full)
    assert lexical.load(settings.layout.bm25).generation == searcher.generation

    # The ingest's own refresh takes the tokens of what it wrote: nothing read back from Chroma.
    reads.clear()
    (corpus / f"{TOPICS[0][0]}.md").write_text(doc_text(TOPICS[0][0], "工业用水单位应当安装计量设施", TOPICS[0][2]), encoding="utf-8")
    timings: dict[str, float] = {}
    summary = pipeline.run([corpus], settings, timings=timings)
    assert summary.count("updated") == 1 and not summary.failed
    assert reads == [] and "bm25_tokenize_s" in timings
    hits = searcher.search("计量设施", k=1)
    assert hits and "计量设施" in hits[0].text and reads == []  # the Searcher found the files current


def test_nothing_is_saved_while_an_ingest_holds_the_data_folder(ingested):
    _corpus, settings = ingested
    data = settings.layout
    built = lexical.load(data.bm25)
    forget_bm25(data)
    with pipeline.ingest_lock(data):
        searcher = Searcher(settings)
        assert_same_bm25(searcher.lex, built)
        assert not data.bm25.exists() and not data.bm25_tokens.exists()
    Searcher(settings)  # the lock is free again: this one saves
    assert_same_bm25(lexical.load(data.bm25), built)
    assert data.bm25_tokens.is_file()


def test_an_index_changed_during_the_rebuild_is_not_saved(ingested, tmp_path, monkeypatch):
    _corpus, settings = ingested
    data = settings.layout
    forget_bm25(data)
    extra = write_corpus(tmp_path / "elsewhere", TOPICS[5:]) / f"{TOPICS[5][0]}.md"
    original = Index.iter_chunks

    def meanwhile(self, where=None):  # another instance commits while this one reads
        monkeypatch.setattr(Index, "iter_chunks", original)
        another_instance_writes(settings, extra)
        return original(self, where)

    monkeypatch.setattr(Index, "iter_chunks", meanwhile)
    searcher = Searcher(settings, refresh_seconds=0)
    assert not data.bm25.exists()  # built for a generation that no longer exists
    assert searcher.search("再生资源 收购来源", k=1)[0].file_name == f"{TOPICS[5][0]}.md"  # the refresh caught up
    assert lexical.load(data.bm25).generation == Index(settings).generation() == searcher.generation


def test_a_data_folder_that_cannot_be_written_is_searched_not_saved(ingested, tmp_path):
    _corpus, settings = ingested
    built = lexical.load(settings.layout.bm25)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("测试样例", encoding="utf-8")
    # Another data folder (no BM25 files) on the same Chroma; it cannot be created (its parent is a
    # file), which also stops root, for whom a chmod'ed read-only folder stops nothing.
    unwritable = Settings(data_dir=blocker / "data", embed_model="none")
    searcher = Searcher(unwritable, index=Index(settings))
    assert_same_bm25(searcher.lex, built)
    assert searcher.search("水平衡测试 罚款", k=1)[0].locator == "第三条"


def test_a_token_cache_that_cannot_be_written_still_gives_the_tokens(tmp_path):
    from kb.index.cache import Cache

    path = DataLayout(tmp_path).cache
    Cache(path).close()
    cache = Cache(path)
    cache._db.close()
    cache._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)  # as on a read-only folder
    texts = [doc_text(*t) for t in TOPICS[:2]]
    assert lexical_sync._tokenize(cache, texts) == [lexical.tokenize(t) for t in texts]
    cache.close()
