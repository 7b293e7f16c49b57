"""Facts read from each document's text — the standards it cites, its cross-references, its
duties — kept per (document version, extractor version), so that only new or changed documents
are read again.

Registers are derived from what Chroma holds, as BM25 is: any instance (embedded or against a
Chroma server) can rebuild them, and the copy in DATA/registers.sqlite is a cache. An
`Extractor` turns one document (its catalog record and committed chunks, in order) into a list
of JSON-able records; `refresh` returns, for every extractor, the records of every committed
document, reading from Chroma only the documents whose records are missing. A read-only data
folder still works: the records are then computed in memory and not kept.
"""
from __future__ import annotations

import json
import logging
import sqlite3
from dataclasses import dataclass
from typing import Any, Callable, Sequence

from kb.settings import DataLayout
from kb.types import DocumentMeta, SearchHit

log = logging.getLogger(__name__)

Records = list[dict[str, Any]]


@dataclass(frozen=True)
class Extractor:
    """What one register reads from a document. Bump `version` whenever `extract` changes what
    it returns, so that kept records of the older extraction are not used."""

    kind: str  # standards | references | duties …
    version: str
    extract: Callable[[DocumentMeta, list[SearchHit]], Records]


class FactStore:
    """DATA/registers.sqlite: records by (kind, extractor version, doc_id, content hash)."""

    def __init__(self, layout: DataLayout):
        layout.root.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(layout.registers), timeout=30)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS facts (kind TEXT, version TEXT, doc_id TEXT, content_hash TEXT, data TEXT, "
            "PRIMARY KEY (kind, version, doc_id, content_hash))"
        )
        self._db.execute("SELECT count(*) FROM (SELECT 1 FROM facts LIMIT 1)").fetchall()  # damage shows here

    def close(self) -> None:
        self._db.close()

    def get(self, kind: str, version: str, committed: dict[str, str]) -> dict[str, Records]:
        rows = self._db.execute("SELECT doc_id, content_hash, data FROM facts WHERE kind=? AND version=?",
                                (kind, version)).fetchall()
        return {doc_id: json.loads(data) for doc_id, h, data in rows if committed.get(doc_id) == h}

    def put(self, kind: str, version: str, found: dict[str, tuple[str, Records]]) -> None:
        with self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO facts VALUES (?, ?, ?, ?, ?)",
                [(kind, version, doc_id, h, json.dumps(recs, ensure_ascii=False)) for doc_id, (h, recs) in found.items()],
            )

    def prune(self, kinds: dict[str, str], committed: dict[str, str]) -> None:
        """Drop records of `kinds` (kind → current version) for documents or versions no longer
        committed, and those of older extractor versions."""
        rows = self._db.execute("SELECT kind, version, doc_id, content_hash FROM facts").fetchall()
        stale = [r for r in rows if r[0] in kinds and (kinds[r[0]] != r[1] or committed.get(r[2]) != r[3])]
        if stale:
            with self._db:
                self._db.executemany("DELETE FROM facts WHERE kind=? AND version=? AND doc_id=? AND content_hash=?", stale)


def open_store(layout: DataLayout) -> FactStore | None:
    """The fact store of a data folder, or None when it cannot be opened or written (read-only).
    A damaged file (not a database, torn pages) is derived data: deleted and started afresh."""
    from kb.index.cache import remove_database

    try:
        return FactStore(layout)
    except sqlite3.DatabaseError as exc:
        if isinstance(exc, sqlite3.OperationalError):
            log.info("register cache unavailable (%s); reading documents without it", exc)
            return None
        log.warning("register cache %s is damaged (%s); starting a new one", layout.registers, exc)
        try:
            remove_database(layout.registers)
            return FactStore(layout)
        except (OSError, sqlite3.Error) as again:
            log.info("register cache unavailable (%s); reading documents without it", again)
            return None
    except OSError as exc:
        log.info("register cache unavailable (%s); reading documents without it", exc)
        return None


def refresh(index: Any, layout: DataLayout, extractors: Sequence[Extractor],
            docs: dict[str, DocumentMeta] | None = None) -> dict[str, dict[str, Records]]:
    """kind → doc_id → records, for every committed document of `index` and every extractor.
    Documents whose records are not kept are read from Chroma once (all extractors at a time)."""
    if not extractors:
        return {}
    docs = index.documents() if docs is None else docs
    committed = {d.doc_id: d.content_hash for d in docs.values()}
    store = open_store(layout)
    out: dict[str, dict[str, Records]] = {}
    try:
        for ex in extractors:
            try:
                out[ex.kind] = store.get(ex.kind, ex.version, committed) if store else {}
            except (sqlite3.DatabaseError, ValueError) as exc:  # torn pages, bad JSON: read the documents again
                log.warning("register cache unreadable (%s); reading documents again", exc)
                out[ex.kind] = {}
        missing = sorted(d for d in committed if any(d not in out[ex.kind] for ex in extractors))
        new: dict[str, dict[str, tuple[str, Records]]] = {ex.kind: {} for ex in extractors}
        for doc_id in missing:
            chunks = sorted(index.chunks_of(doc_id), key=lambda h: h.chunk_index)
            for ex in extractors:
                if doc_id in out[ex.kind]:
                    continue
                try:
                    recs = ex.extract(docs[doc_id], chunks)
                except Exception:  # one unreadable document must not take a register down
                    log.warning("extractor %s failed on %s", ex.kind, docs[doc_id].file_name, exc_info=True)
                    recs = []
                out[ex.kind][doc_id] = recs
                new[ex.kind][doc_id] = (committed[doc_id], recs)
        if store is not None:
            try:
                for ex in extractors:
                    if new[ex.kind]:
                        store.put(ex.kind, ex.version, new[ex.kind])
                store.prune({ex.kind: ex.version for ex in extractors}, committed)
            except sqlite3.Error as exc:  # read-only or full: the records stay in memory
                log.info("register cache not written (%s)", exc)
    finally:
        if store is not None:
            store.close()
    return out
