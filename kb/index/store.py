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
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

import numpy as np

from kb.settings import Settings
from kb.types import Chunk, DocumentMeta, SearchHit

log = logging.getLogger(__name__)

DOCS_SUFFIX = "_docs"
PAGE = 2000  # records per Chroma get/add call; well under Chroma's max batch size


class IndexError_(RuntimeError):
    """An index problem the user can act on; the message is Chinese and self-contained."""


def make_client(settings: Settings):
    """A Chroma client: HTTP to a server (every request under Settings.chroma_timeout), or the
    embedded store at DATA/chroma. A read-only data folder is served from a private copy of the
    store (Chroma cannot open a store it cannot write: "attempt to write a readonly database");
    a damaged store raises IndexError_ saying what to do."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if settings.server_mode:
        return _http_client(settings, chroma_settings)
    path = settings.layout.chroma
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        if not path.is_dir():
            raise
        log.debug("data folder not writable: %s", exc)
    if not _writable(path):
        path = _read_only_copy(path)
    try:
        return chromadb.PersistentClient(path=str(path), settings=chroma_settings)
    except Exception as exc:
        raise IndexError_(explain(exc, settings) or f"无法打开索引 {settings.layout.chroma}：{type(exc).__name__}: {exc}") from exc


def _writable(path: Path) -> bool:
    """Whether Chroma can write its store here (root passes access() checks except on a
    read-only mount, which is the case that matters)."""
    db = path / "chroma.sqlite3"
    return os.access(path, os.W_OK) and (not db.exists() or os.access(db, os.W_OK))


_copies: dict[str, tuple[float, str]] = {}  # store → (its mtime when copied, the copy)


def _read_only_copy(path: Path) -> Path:
    """A private copy of a store that cannot be written, made once per process (again when the
    store changed since); removed when the process ends."""
    import atexit
    import shutil
    import tempfile

    db = path / "chroma.sqlite3"
    stamp = db.stat().st_mtime if db.exists() else 0.0
    kept = _copies.get(str(path))
    if kept and kept[0] == stamp and Path(kept[1]).is_dir():
        return Path(kept[1])
    if not _copies:
        atexit.register(lambda: [shutil.rmtree(d, ignore_errors=True) for _s, d in _copies.values()])
    tmp = tempfile.mkdtemp(prefix="greenkb-ro-")
    shutil.copytree(path, tmp, dirs_exist_ok=True)
    if kept:
        shutil.rmtree(kept[1], ignore_errors=True)
    _copies[str(path)] = (stamp, tmp)
    log.info("data folder %s is read-only: serving from a copy in %s", path, tmp)
    return Path(tmp)


def _http_client(settings: Settings, chroma_settings: Any):
    """HttpClient whose connection check and every later request end within chroma_timeout."""
    import threading

    import chromadb

    headers = {"Authorization": f"Bearer {settings.chroma_token}"} if settings.chroma_token else None
    where = f"{settings.chroma_host}:{settings.chroma_port}"
    result: dict[str, Any] = {}

    def connect() -> None:
        try:
            result["client"] = chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port,
                                                   ssl=settings.chroma_ssl, headers=headers, settings=chroma_settings)
        except BaseException as exc:
            result["error"] = exc

    worker = threading.Thread(target=connect, name="greenkb-chroma-connect", daemon=True)
    worker.start()
    worker.join(max(0.1, settings.chroma_timeout))
    if worker.is_alive():
        raise IndexError_(f"Chroma 服务器 {where} 在 {settings.chroma_timeout:g} 秒内没有响应：请检查服务器是否正常运行"
                          "（超时时间可用 GREENKB_CHROMA_TIMEOUT 调整）")
    if "error" in result:
        exc = result["error"]
        raise IndexError_(f"无法连接 Chroma 服务器 {where}：{type(exc).__name__}") from exc
    client = result["client"]
    try:
        import httpx

        client._server._session.timeout = httpx.Timeout(settings.chroma_timeout)  # chromadb sets no timeout
    except AttributeError:
        log.warning("could not set a timeout on the Chroma HTTP client")
    return client


def explain(exc: BaseException, settings: Settings) -> str:
    """One Chinese line that says what went wrong with the store and what to do, or ''."""
    text = f"{type(exc).__name__}: {exc}"
    low = text.lower()
    names = {type(e).__name__ for e in _chain(exc)}
    if settings.server_mode and (any("Timeout" in n for n in names) or "timed out" in low):
        return (f"Chroma 服务器 {settings.chroma_host}:{settings.chroma_port} 在 {settings.chroma_timeout:g} 秒内没有响应："
                "请检查服务器是否正常运行（超时时间可用 GREENKB_CHROMA_TIMEOUT 调整）")
    if settings.server_mode and any("Connect" in n for n in names):
        return f"无法连接 Chroma 服务器 {settings.chroma_host}:{settings.chroma_port}：请确认服务器已启动、地址和端口正确"
    if "no space left" in low or "disk is full" in low or "enospc" in low or _disk_nearly_full(settings):
        return f"磁盘空间不足：数据目录 {settings.data_dir} 所在的磁盘{_free_text(settings)}，请释放空间后重新运行导入（已提交的文件不受影响）"
    if any(k in low for k in ("file is not a database", "malformed", "database disk image", "corrupt")):
        return (f"索引文件已损坏（{settings.layout.chroma}）：请把该文件夹移走或删除，再重新导入文件"
                f"（python -m ingest 文件夹 --data {settings.data_dir}）；原始文件不受影响")
    if "readonly database" in low or "read-only" in low:
        return f"数据目录 {settings.data_dir} 是只读的，无法写入：导入需要可写的数据目录"
    return ""


def _chain(exc: BaseException) -> list[BaseException]:
    out: list[BaseException] = []
    while exc is not None and exc not in out:
        out.append(exc)
        exc = exc.__cause__ or exc.__context__  # type: ignore[assignment]
    return out


def free_bytes(settings: Settings) -> int | None:
    import shutil

    try:
        return shutil.disk_usage(settings.data_dir if Path(settings.data_dir).exists() else Path(settings.data_dir).parent).free
    except OSError:
        return None


def _disk_nearly_full(settings: Settings) -> bool:
    free = None if settings.server_mode else free_bytes(settings)
    return free is not None and free < (16 << 20)


def _free_text(settings: Settings) -> str:
    free = free_bytes(settings)
    return f"只剩 {free / 1048576:.1f} MB" if free is not None else "空间已满"


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


class Index:
    """Access to the Chroma collections plus the local journal. Cheap to create."""

    def __init__(self, settings: Settings, client: Any = None):
        self.settings = settings
        self.client = client or make_client(settings)
        self.name = settings.collection
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
            return self.client.get_collection(name, embedding_function=None)
        except Exception:
            if create_for_model is None:
                return None
        return self.client.create_collection(
            name,
            metadata={"hnsw:space": "cosine", "embed_model": create_for_model},
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
            embedding_function=None,
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
            for rid, doc, md in zip(res["ids"], res["documents"], res["metadatas"])
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
        return {rid: np.asarray(v, dtype=np.float32) for rid, v in zip(res["ids"], embs)}

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
        return [(rid, 1.0 - float(d)) for rid, d in zip(res["ids"][0], res["distances"][0])]

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
            yield from zip(ids, docs, mds)
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


    # ------------------------------------------------------------------ imported standards catalogues
    # Catalogue files the user imports (`python -m kb standards import FILE`) are user data, not
    # derived from documents: their rows live in Chroma (collection NAME_standards, dummy
    # embeddings), so that every instance against one Chroma server sees them. One manifest record
    # per file names its current import (the commit point); rows of other imports are ignored and
    # removed after the manifest is written, so re-importing a file replaces its rows.
    def _catalogue_collection(self, create: bool = False):
        name = self.name + STANDARDS_SUFFIX
        if create:
            return self.client.get_or_create_collection(name, metadata={"kind": "standards_catalogue"},
                                                        embedding_function=None)
        try:
            return self.client.get_collection(name, embedding_function=None)
        except Exception:  # never imported
            return None

    def write_catalogue(self, source: str, rows: Sequence[dict[str, Any]], file_hash: str = "") -> str:
        """Replace the rows imported from the file named `source` by `rows`; returns the import id."""
        import datetime as _dt
        import uuid

        col = self._catalogue_collection(create=True)
        key = hashlib.sha1(source.encode()).hexdigest()[:16]
        import_id = uuid.uuid4().hex[:12]
        ids = [f"row:{key}:{import_id}:{i:06d}" for i in range(len(rows))]
        for start in range(0, len(rows), PAGE):
            part = slice(start, start + PAGE)
            col.add(ids=ids[part], embeddings=[[1.0]] * len(ids[part]),
                    documents=[json.dumps(r, ensure_ascii=False) for r in rows[part]],
                    metadatas=[{"kind": "row", "source": source, "import_id": import_id}] * len(ids[part]))
        col.upsert(ids=[f"manifest:{key}"], embeddings=[[1.0]], documents=[source],
                   metadatas=[{"kind": "manifest", "source": source, "import_id": import_id, "rows": len(rows),
                               "file_hash": file_hash, "imported_at": _dt.datetime.now().isoformat(timespec="seconds")}])
        col.delete(where={"$and": [{"source": source}, {"kind": "row"}, {"import_id": {"$ne": import_id}}]})
        return import_id

    def remove_catalogue(self, source: str) -> bool:
        """Forget the rows imported from `source`; False when nothing was imported from it."""
        col = self._catalogue_collection()
        if col is None or source not in self.catalogue_manifests():
            return False
        col.delete(where={"source": source})
        return True

    def catalogue_manifests(self) -> dict[str, dict[str, Any]]:
        """source file name → its current import (import_id, rows, file_hash, imported_at)."""
        col = self._catalogue_collection()
        if col is None:
            return {}
        return {md["source"]: dict(md) for _rid, _d, md in self._iter(col, include=["metadatas"],
                                                                       where={"kind": "manifest"}) if md}

    def catalogue_rows(self) -> list[dict[str, Any]]:
        """Every row of the current imports, each with its `source` file name, in file order."""
        col = self._catalogue_collection()
        manifests = self.catalogue_manifests()
        if col is None or not manifests:
            return []
        out: list[tuple[str, dict[str, Any]]] = []
        for rid, doc, md in self._iter(col, include=["documents", "metadatas"], where={"kind": "row"}):
            man = manifests.get((md or {}).get("source", ""))
            if man is None or man.get("import_id") != md.get("import_id"):
                continue  # an import not (or no longer) committed
            try:
                row = json.loads(doc)
            except (TypeError, ValueError):
                log.warning("catalogue record %s unreadable; ignored", rid)
                continue
            out.append((rid, {**row, "source": md["source"]}))
        return [row for _rid, row in sorted(out, key=lambda r: r[0])]


STANDARDS_SUFFIX = "_standards"  # imported standards catalogues (Index.write_catalogue)


def iter_batches(items: Sequence[Any], size: int) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
