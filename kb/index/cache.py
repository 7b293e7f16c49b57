"""A local content-addressed cache of embeddings and BM25 tokens (sqlite in DATA/cache.sqlite).

Keyed by (model, text hash): re-ingesting an edited file re-embeds only the chunks whose
text changed, and switching back to a model already used costs nothing.
"""
from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path
from typing import Callable, Sequence

import numpy as np


def text_key(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


class Cache:
    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path), timeout=30)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS emb (model TEXT, h BLOB, vec BLOB, PRIMARY KEY (model, h))"
        )
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS tok (version TEXT, h BLOB, toks TEXT, PRIMARY KEY (version, h))"
        )

    def close(self) -> None:
        self._db.close()

    def embeddings(
        self, model: str, texts: Sequence[str], compute: Callable[[list[str]], np.ndarray], dim: int
    ) -> tuple[np.ndarray, int]:
        """Vectors for `texts`, computing only the missing ones. Returns (vectors, n computed)."""
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
