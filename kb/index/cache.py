"""A local content-addressed cache of embeddings and BM25 tokens (sqlite in DATA/cache.sqlite).

Keyed by (model, text hash): re-ingesting an edited file re-embeds only the chunks whose
text changed, and switching back to a model already used costs nothing.

It is a cache: a damaged file ("file is not a database", a torn page) is deleted and started
afresh when opened (`repaired` says so), and damage found later only costs recomputing.
"""
from __future__ import annotations

import hashlib
import logging
import sqlite3
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

log = logging.getLogger(__name__)


def remove_database(path: Path) -> None:
    """Delete an sqlite file with its WAL and shared-memory companions."""
    for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"), path.with_name(path.name + "-journal")):
        p.unlink(missing_ok=True)


def text_key(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


class Cache:
    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.repaired = False
        self.broken = False  # damage found while in use: work without the cache from then on
        try:
            self._open()
        except sqlite3.DatabaseError as exc:
            if isinstance(exc, sqlite3.OperationalError):  # locked, read-only, cannot open: not damage
                raise
            log.warning("cache %s is damaged (%s); starting a new one", path, exc)
            try:
                self._db.close()
            except Exception:
                pass
            remove_database(path)
            self._open()
            self.repaired = True

    def _open(self) -> None:
        self._db = sqlite3.connect(str(self.path), timeout=30)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS emb (model TEXT, h BLOB, vec BLOB, PRIMARY KEY (model, h))"
        )
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS tok (version TEXT, h BLOB, toks TEXT, PRIMARY KEY (version, h))"
        )
        self._db.execute("SELECT count(*) FROM (SELECT 1 FROM emb LIMIT 1)").fetchall()
        self._db.execute("SELECT count(*) FROM (SELECT 1 FROM tok LIMIT 1)").fetchall()

    def close(self) -> None:
        self._db.close()
        if self.broken:  # the next run starts a fresh cache
            remove_database(self.path)

    def _damaged(self, exc: sqlite3.DatabaseError) -> None:
        if isinstance(exc, sqlite3.OperationalError):  # locked, read-only: not damage
            raise exc
        log.warning("cache %s damaged while in use (%s); going on without it", self.path, exc)
        self.broken = True

    def embeddings(
        self, model: str, texts: Sequence[str], compute: Callable[[list[str]], np.ndarray], dim: int
    ) -> tuple[np.ndarray, int]:
        """Vectors for `texts`, computing only the missing ones. Returns (vectors, n computed)."""
        if not self.broken:
            try:
                return self._embeddings(model, texts, compute, dim)
            except sqlite3.DatabaseError as exc:
                self._damaged(exc)
        vecs = np.asarray(compute(list(texts)), dtype=np.float32).reshape(len(texts), dim)
        return vecs, len(texts)

    def _embeddings(
        self, model: str, texts: Sequence[str], compute: Callable[[list[str]], np.ndarray], dim: int
    ) -> tuple[np.ndarray, int]:
        keys = [text_key(t) for t in texts]
        found: dict[bytes, np.ndarray] = {}
        for start in range(0, len(keys), 500):
            part = keys[start : start + 500]
            rows = self._db.execute(
                f"SELECT h, vec FROM emb WHERE model=? AND h IN ({','.join('?' * len(part))})",
                [model, *part],
            ).fetchall()
            for h, blob in rows:
                vec = np.frombuffer(blob, dtype=np.float32)
                if vec.shape[0] == dim:
                    found[h] = vec
        missing = sorted({i for i, k in enumerate(keys) if k not in found}, key=lambda i: keys[i])
        unique: dict[bytes, int] = {}
        for i in missing:
            unique.setdefault(keys[i], i)
        if unique:
            idx = list(unique.values())
            vecs = np.asarray(compute([texts[i] for i in idx]), dtype=np.float32)
            with self._db:
                self._db.executemany(
                    "INSERT OR REPLACE INTO emb VALUES (?, ?, ?)",
                    [(model, keys[i], vecs[j].tobytes()) for j, i in enumerate(idx)],
                )
            for j, i in enumerate(idx):
                found[keys[i]] = vecs[j]
        out = np.zeros((len(texts), dim), dtype=np.float32)
        for i, k in enumerate(keys):
            out[i] = found[k]
        return out, len(unique)

    def tokens(
        self, version: str, texts: Sequence[str], compute: Callable[[str], list[str]]
    ) -> list[list[str]]:
        if not self.broken:
            try:
                return self._tokens(version, texts, compute)
            except sqlite3.DatabaseError as exc:
                self._damaged(exc)
        return [compute(t) for t in texts]

    def _tokens(
        self, version: str, texts: Sequence[str], compute: Callable[[str], list[str]]
    ) -> list[list[str]]:
        keys = [text_key(t) for t in texts]
        found: dict[bytes, list[str]] = {}
        for start in range(0, len(keys), 500):
            part = keys[start : start + 500]
            rows = self._db.execute(
                f"SELECT h, toks FROM tok WHERE version=? AND h IN ({','.join('?' * len(part))})",
                [version, *part],
            ).fetchall()
            found.update({h: toks.split("\t") if toks else [] for h, toks in rows})
        new_rows = []
        for i, k in enumerate(keys):
            if k not in found:
                toks = compute(texts[i])
                found[k] = toks
                new_rows.append((version, k, "\t".join(toks)))
        if new_rows:
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO tok VALUES (?, ?, ?)", new_rows)
        return [found[k] for k in keys]
