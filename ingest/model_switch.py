"""Switching the embedding model of an index without a window in which chunks are lost."""
from __future__ import annotations

from typing import Callable

from kb.index import lexical
from kb.index.cache import Cache
from kb.index.embedding import Embedder, model_key
from kb.index.store import Index


def embed_texts(texts, embedder: Embedder, cache: Cache, batch: int):
    from ingest.embed_batches import embed_texts as embed

    return embed(texts, embedder, cache, batch)


SWITCH_BATCH = 512  # chunks embedded and written per step of a model switch


def switch_model(index: Index, embedder: Embedder, cache: Cache, batch: int,
                 progress: Callable[[int, int], None] | None = None) -> tuple[int, int]:
    """Re-embed every committed chunk with a new model, beside the old vectors.

    The new vectors go into a collection of their own (kb.index.store.Index.begin_switch); the
    old one stays in use, searchable, until every chunk is copied, and `commit_switch` swaps them
    in one write. Killed midway, the next run with the same model resumes (chunks already copied
    are skipped, vectors already computed come from the cache); a run with the old model rolls
    the half-built collection back. Returns (chunks in the new collection, chunks resumed)."""
    key = model_key(embedder.name)
    target = index.begin_switch(key)
    committed = {d.doc_id: d.content_hash for d in index.documents().values()}
    have: set[str] = set()
    for rid, _d, _m in Index._iter(target, include=[]):
        have.add(rid)
    todo: list[tuple[str, str, dict]] = []
    total = 0
    for rid, doc, md in index.iter_chunks():
        if committed.get(md.get("doc_id")) != md.get("content_hash"):
            continue  # leftovers of an interrupted write: not part of the index
        total += 1
        if rid not in have:
            todo.append((rid, doc, md))
    done = total - len(todo)
    for start in range(0, len(todo), SWITCH_BATCH):
        part = todo[start : start + SWITCH_BATCH]
        texts = [lexical.index_text(md.get("title", ""), md.get("heading_path", ""), doc or "") for _r, doc, md in part]
        vectors, _ = embed_texts(texts, embedder, cache, batch)
        target.upsert(ids=[r[0] for r in part], documents=[r[1] for r in part],
                      metadatas=[r[2] for r in part], embeddings=vectors)
        if progress:
            progress(done + start + len(part), total)
    if target.count() < total:
        raise RuntimeError(f"模型切换未完成：新集合只有 {target.count()}/{total} 个片段，原索引保持不变")
    index.commit_switch(target.name)
    return total, done


