"""The index: Chroma holds every chunk (text, vector, metadata) and a catalog of documents.

Two collections:
- `greenkb`: one record per chunk, id `DOCID-HASH-NNNNN`; metadata as in the README
  (doc_id, file_name, title, doc_type, locator, heading_path, page_start, page_end, date,
  chunk_index, plus content_hash, kind, region, ocr). The embedding model is recorded in the
  collection metadata (`embed_model`), so vectors of two models never mix.
- `greenkb_docs`: one record per document (DocumentMeta as JSON). It is the commit point:
  a document exists, at a given content hash, exactly when its catalog record says so.

Writing a new version of a document: add the new chunks (ids carry the new hash) → upsert
the catalog record → delete chunks of older hashes. A crash leaves the old version visible
(new chunks are ignored until the catalog names their hash) and a journal entry that the next
ingest uses to remove the leftovers. Readers only trust chunks whose hash the catalog holds.

The Chroma client and its error messages are in kb.index.chroma_client; the standards
catalogues the user imports (a third collection) in kb.index.catalogues.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

import numpy as np

from kb.index.catalogues import StandardsCatalogues
from kb.index.chroma_client import PAGE, IndexError_, explain, make_client
from kb.settings import Settings
from kb.types import Chunk, DocumentMeta, SearchHit

log = logging.getLogger(__name__)

DOCS_SUFFIX = "_docs"
# Candidates the HNSW search explores. Dense search asks for the 100 nearest chunks; at Chroma's
# default (100) the last of them were approximate and changed from one process to the next, which
# shifted the fused scores (normalised by the weakest dense hit) and now and then the answer.
SEARCH_EF = 400
HNSW = {"hnsw": {"space": "cosine", "ef_search": SEARCH_EF}}


def chunk_record_id(doc_id: str, content_hash: str, index: int) -> str:
    return f"{doc_id}-{content_hash[:12]}-{index:05d}"


def chunk_metadata(chunk: Chunk, meta: DocumentMeta) -> dict[str, Any]:
    """Chroma metadata for one chunk. Chroma cannot store None: absent values are omitted."""
    md: dict[str, Any] = {
        "doc_id": meta.doc_id,
        "file_name": meta.file_name,
        "title": meta.title,
        "doc_type": meta.doc_type,
        "locator": chunk.locator,
        "heading_path": chunk.heading_path,
        "date": meta.date,
        "chunk_index": chunk.chunk_index,
        "content_hash": meta.content_hash,
        "kind": chunk.kind,
        "region": meta.region,
        "ocr": bool(chunk.ocr),
    }
    if chunk.page_start is not None:
        md["page_start"] = int(chunk.page_start)
    if chunk.page_end is not None:
        md["page_end"] = int(chunk.page_end)
    return md


def hit_from_record(record_id: str, text: str, md: dict[str, Any], score: float = 0.0) -> SearchHit:
    return SearchHit(
        chunk_id=record_id,
        doc_id=md.get("doc_id", ""),
        file_name=md.get("file_name", ""),
        title=md.get("title", ""),
        doc_type=md.get("doc_type", ""),
        locator=md.get("locator", ""),
        heading_path=md.get("heading_path", ""),
        page_start=md.get("page_start"),
        page_end=md.get("page_end"),
        date=md.get("date", ""),
        text=text or "",
        chunk_index=int(md.get("chunk_index", 0)),
        score=score,
    )


class Index(StandardsCatalogues):
    """Access to the Chroma collections plus the local journal. Cheap to create."""

    def __init__(self, settings: Settings, client: Any = None):
        self.settings = settings
        self.client = client or make_client(settings)
        self.name = settings.collection
        self._widened: set[str] = set()  # chunk collections whose HNSW search width was checked
        try:
            self._docs = self.client.get_or_create_collection(
                self.name + DOCS_SUFFIX, metadata={"kind": "catalog"}, embedding_function=None
            )
        except Exception as exc:
            why = explain(exc, settings)
            if why:
                raise IndexError_(why) from exc
            raise

    # ------------------------------------------------------------------ chunks collection
    # The catalog collection's metadata names the chunk collection in use (`chunks`). Changing
    # that name is one write: it is the commit point of a model switch, so a reader sees either
    # the old collection whole or the new one whole, and an interrupted switch leaves the old one.
    def current_name(self) -> str:
        md = self._catalog_metadata()
        return str(md.get("chunks") or self.name)

    def _catalog_metadata(self) -> dict[str, Any]:
        try:
            return dict(self.client.get_collection(self.name + DOCS_SUFFIX, embedding_function=None).metadata or {})
        except Exception:
            return dict(self._docs.metadata or {})

    def chunk_collection(self, create_for_model: str | None = None):
        """The chunk collection in use; created (recording the model) only when `create_for_model`."""
        name = self.current_name()
        try:
            col = self.client.get_collection(name, embedding_function=None)
            if name not in self._widened:  # once per collection: this runs on every query
                self._widened.add(name)
                _searching_wide(col)
            return col
        except Exception:
            if create_for_model is None:
                return None
        return self.client.create_collection(
            name,
            metadata={"hnsw:space": "cosine", "embed_model": create_for_model},
            configuration=HNSW,
            embedding_function=None,
        )

    def embed_model(self) -> str | None:
        col = self.chunk_collection()
        return None if col is None else (col.metadata or {}).get("embed_model")

    def drop_chunks(self) -> None:
        """Delete the chunk collection and any half-built one of an interrupted switch."""
        for name in [self.current_name(), *self.switch_leftovers()]:
            try:
                self.client.delete_collection(name)
            except Exception:
                pass
        self._point_to(self.name)

    # ------------------------------------------------------------------ model switch
    def switch_target(self, model: str) -> str:
        """The name a switch to `model` builds its collection under (stable, so a rerun resumes)."""
        name = f"{self.name}__{hashlib.sha1(model.encode()).hexdigest()[:10]}"
        return name if name != self.current_name() else name + "b"

    def switch_leftovers(self) -> list[str]:
        """Collections of an unfinished switch: named like a switch target, not in use."""
        current = self.current_name()
        names = [getattr(c, "name", c) for c in self.client.list_collections()]
        return [n for n in names if n.startswith(self.name + "__") and n != current]

    def begin_switch(self, model: str):
        """The collection a switch to `model` writes into: the one an interrupted switch to the
        same model left (resumed), else a new one. Leftovers of switches to other models go."""
        target = self.switch_target(model)
        for name in self.switch_leftovers():
            if name != target:
                self.client.delete_collection(name)
        try:
            col = self.client.get_collection(target, embedding_function=None)
            if (col.metadata or {}).get("embed_model") == model:
                return col
            self.client.delete_collection(target)
        except Exception:
            pass
        return self.client.create_collection(
            target, metadata={"hnsw:space": "cosine", "embed_model": model, "switching": True},
            configuration=HNSW, embedding_function=None,
        )

    def commit_switch(self, target: str) -> None:
        """Point the index at `target` (one write), then delete the collection it replaces."""
        old = self.current_name()
        self._point_to(target)
        if old != target:
            try:
                self.client.delete_collection(old)
            except Exception:  # left for the next switch's cleanup
                log.info("old chunk collection %s not deleted", old, exc_info=True)

    def rollback_switch(self) -> int:
        """Delete collections an interrupted switch left; returns how many."""
        gone = 0
        for name in self.switch_leftovers():
            try:
                self.client.delete_collection(name)
                gone += 1
            except Exception:
                pass
        return gone

    def _point_to(self, name: str) -> None:
        md = self._catalog_metadata()
        md.setdefault("kind", "catalog")
        if name == self.name:
            md.pop("chunks", None)
        else:
            md["chunks"] = name
        self._docs.modify(metadata=md)
        self._docs = self.client.get_collection(self.name + DOCS_SUFFIX, embedding_function=None)

    def count_chunks(self) -> int:
        col = self.chunk_collection()
        return 0 if col is None else col.count()

    # ------------------------------------------------------------------ catalog
    def documents(self) -> dict[str, DocumentMeta]:
        out: dict[str, DocumentMeta] = {}
        for rid, doc, _md in self._iter(self._docs, include=["documents"]):
            try:
                out[rid] = DocumentMeta.from_dict(json.loads(doc))
            except (ValueError, TypeError):
                log.warning("catalog record %s unreadable; ignored", rid)
        return out

    def generation(self, docs: dict[str, DocumentMeta] | None = None) -> str:
        """Changes whenever the set of committed (document, version) pairs or the model changes."""
        if docs is None:  # the catalog's metadata suffices: no JSON to parse
            hashes = {rid: (md or {}).get("content_hash", "") for rid, _d, md in self._iter(self._docs, include=["metadatas"])}
        else:
            hashes = {doc_id: d.content_hash for doc_id, d in docs.items()}
        h = hashlib.sha1((self.embed_model() or "").encode())
        for doc_id in sorted(hashes):
            h.update(f"{doc_id}:{hashes[doc_id]};".encode())
        return h.hexdigest()[:16]

    # ------------------------------------------------------------------ writes
    def write_document(self, meta: DocumentMeta, chunks: Sequence[Chunk], vectors: np.ndarray) -> None:
        self.write_documents([(meta, chunks, vectors)])

    def write_documents(
        self,
        items: Sequence[tuple[DocumentMeta, Sequence[Chunk], np.ndarray]],
        fresh: Iterable[str] = (),
    ) -> None:
        """Write several documents with few Chroma calls (each call costs ~70 ms embedded).

        Same protocol as one document: journal → chunks → catalog (commit) → old chunks
        removed → journal cleared. `fresh`: doc ids known to have no chunks in the index yet
        (no catalog record and the journal was recovered), whose cleanup query is skipped.
        """
        if not items:
            return
        col = self.chunk_collection()
        if col is None:
            raise IndexError_("索引尚未创建（内部错误：应先调用 ensure_model）")
        fresh = set(fresh)
        journal = self._journal_read()
        journal.update({meta.doc_id: meta.content_hash for meta, _c, _v in items})
        self._journal_write(journal)
        ids: list[str] = []
        texts: list[str] = []
        mds: list[dict[str, Any]] = []
        vecs: list[np.ndarray] = []
        for meta, chunks, vectors in items:
            ids.extend(chunk_record_id(meta.doc_id, meta.content_hash, c.chunk_index) for c in chunks)
            texts.extend(c.text for c in chunks)
            mds.extend(chunk_metadata(c, meta) for c in chunks)
            vecs.append(np.asarray(vectors, dtype=np.float32).reshape(len(chunks), -1))
        matrix = np.concatenate(vecs) if vecs else np.zeros((0, 1), dtype=np.float32)
        for start in range(0, len(ids), PAGE):
            part = slice(start, start + PAGE)
            col.upsert(ids=ids[part], embeddings=matrix[part], documents=texts[part], metadatas=mds[part])
        metas = [meta for meta, _c, _v in items]
        for start in range(0, len(metas), PAGE):
            part = metas[start : start + PAGE]
            self._docs.upsert(
                ids=[m.doc_id for m in part],
                embeddings=[[1.0]] * len(part),
                documents=[json.dumps(m.to_dict(), ensure_ascii=False) for m in part],
                metadatas=[{"file_name": m.file_name, "content_hash": m.content_hash, "title": m.title} for m in part],
            )
        for meta in metas:
            if meta.doc_id not in fresh:
                col.delete(where={"$and": [{"doc_id": meta.doc_id}, {"content_hash": {"$ne": meta.content_hash}}]})
        journal = self._journal_read()
        for meta in metas:
            journal.pop(meta.doc_id, None)
        if journal:
            self._journal_write(journal)
        else:
            self._journal_path().unlink(missing_ok=True)

    def remove_document(self, doc_id: str) -> None:
        self._journal_add(doc_id, None)
        self._docs.delete(ids=[doc_id])
        col = self.chunk_collection()
        if col is not None:
            col.delete(where={"doc_id": doc_id})
        self._journal_done(doc_id)

    def recover(self) -> int:
        """Remove what an interrupted run left behind. Returns the number of documents repaired."""
        journal = self._journal_read()
        if not journal:
            return 0
        docs = self.documents()
        col = self.chunk_collection()
        for doc_id in journal:
            committed = docs.get(doc_id)
            if col is None:
                continue
            if committed is None:
                col.delete(where={"doc_id": doc_id})
            else:
                col.delete(where={"$and": [{"doc_id": doc_id}, {"content_hash": {"$ne": committed.content_hash}}]})
        self._journal_path().unlink(missing_ok=True)
        return len(journal)

    # ------------------------------------------------------------------ reads
    def iter_chunks(self, where: dict | None = None) -> Iterator[tuple[str, str, dict[str, Any]]]:
        col = self.chunk_collection()
        if col is None:
            return iter(())
        return self._iter(col, include=["documents", "metadatas"], where=where)

    def get_chunks(self, ids: Sequence[str]) -> dict[str, SearchHit]:
        col = self.chunk_collection()
        if col is None or not ids:
            return {}
        res = col.get(ids=list(ids), include=["documents", "metadatas"])
        return {
            rid: hit_from_record(rid, doc, md)
            for rid, doc, md in zip(res["ids"], res["documents"], res["metadatas"], strict=True)
        }

    def get_embeddings(self, ids: Sequence[str]) -> dict[str, np.ndarray]:
        """The stored vectors of these chunk records (for the second stage of search)."""
        col = self.chunk_collection()
        if col is None or not ids:
            return {}
        res = col.get(ids=list(ids), include=["embeddings"])
        embs = res.get("embeddings")
        if embs is None:
            return {}
        return {rid: np.asarray(v, dtype=np.float32) for rid, v in zip(res["ids"], embs, strict=True)}

    def chunks_of(self, doc_id: str) -> list[SearchHit]:
        hits = [hit_from_record(rid, doc, md) for rid, doc, md in self.iter_chunks({"doc_id": doc_id})]
        return sorted(hits, key=lambda h: h.chunk_index)

    def query_vector(self, vector: np.ndarray, k: int, where: dict | None = None) -> list[tuple[str, float]]:
        """(record id, cosine similarity) of the k nearest chunks."""
        col = self.chunk_collection()
        if col is None or col.count() == 0:
            return []
        res = col.query(
            query_embeddings=[np.asarray(vector, dtype=np.float32)],
            n_results=min(k, col.count()),
            where=where,
            include=["distances"],
        )
        return [(rid, 1.0 - float(d)) for rid, d in zip(res["ids"][0], res["distances"][0], strict=True)]

    # ------------------------------------------------------------------ helpers
    @staticmethod
    def _iter(col, include: list[str], where: dict | None = None) -> Iterator[tuple[str, Any, Any]]:
        offset = 0
        while True:
            res = col.get(include=include, where=where, limit=PAGE, offset=offset)
            ids = res["ids"]
            if not ids:
                return
            docs = res.get("documents") or [None] * len(ids)
            mds = res.get("metadatas") or [None] * len(ids)
            yield from zip(ids, docs, mds, strict=True)
            if len(ids) < PAGE:
                return
            offset += len(ids)

    def _journal_path(self) -> Path:
        return self.settings.layout.journal

    def _journal_read(self) -> dict[str, str | None]:
        try:
            return json.loads(self._journal_path().read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def _journal_write(self, data: dict[str, str | None]) -> None:
        path = self._journal_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        with tmp.open("w", encoding="utf-8") as fh:
            json.dump(data, fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)

    def _journal_add(self, doc_id: str, content_hash: str | None) -> None:
        data = self._journal_read()
        data[doc_id] = content_hash
        self._journal_write(data)

    def _journal_done(self, doc_id: str) -> None:
        data = self._journal_read()
        data.pop(doc_id, None)
        if data:
            self._journal_write(data)
        else:
            self._journal_path().unlink(missing_ok=True)


def iter_batches(items: Sequence[Any], size: int) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _searching_wide(col: Any) -> None:
    """Widen `col`'s HNSW search to SEARCH_EF when an older index was built with less (the
    setting is kept with the collection; a read-only index keeps searching as it was built)."""
    try:
        ef = ((col.configuration or {}).get("hnsw") or {}).get("ef_search")
        if ef is not None and ef < SEARCH_EF:
            col.modify(configuration={"hnsw": {"ef_search": SEARCH_EF}})
    except Exception:  # an old server or a read-only folder: the default search still works
        log.info("could not widen the HNSW search of %s", getattr(col, "name", "?"), exc_info=True)
