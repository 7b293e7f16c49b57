"""Sentence vectors: the index keeps, beside each chunk's vector, the vectors of its sentences.

Search compares a question with a passage's sentences one by one (a long article's vector is
diluted by its other sentences) and with document titles (which law a question is about at
all). The ingest computes the sentence vectors with the chunk vectors and keeps them in the
embedding cache (DATA/cache.sqlite) under `sentence_model(model)`; search reads them there and
computes only what is missing (a data folder without them, another instance of a Chroma server),
keeping those in memory.
"""
from __future__ import annotations

import re
import sqlite3
import threading
from pathlib import Path
from typing import Any, Sequence

import numpy as np

_SENTENCE = re.compile(r"(?<=[。；！？])|\n+")
MIN_SENTENCE = 6
MAX_SENTENCES = 12  # per passage: the rest of a very long article adds little and costs time


def sentence_model(model: str) -> str:
    """The cache key under which sentence (and title) vectors of `model` are kept."""
    return f"{model}#sentence"


def normalized(compute):
    """`compute` (texts → vectors) with unit-length rows, as sentence vectors are kept."""

    def run(texts: list[str]) -> np.ndarray:
        vecs = np.asarray(compute(texts), dtype=np.float32)
        norms = np.linalg.norm(vecs, axis=1, keepdims=True)
        return vecs / np.where(norms == 0, 1.0, norms)

    return run


def sentences(text: str) -> list[str]:
    """The sentences (and clauses ending ；) of a passage worth comparing with a question."""
    parts = [p.strip() for p in _SENTENCE.split(text or "") if p and p.strip()]
    return [p for p in parts if len(p) >= MIN_SENTENCE][:MAX_SENTENCES]


class SentenceVectors:
    """Vectors of sentences and titles: from the embedding cache at `cache_path` when it holds
    them, else computed; memoised either way."""

    def __init__(self, embedder: Any, cache_path: Path | None = None, limit: int = 50000):
        self.embedder = embedder
        self.cache_path = cache_path
        self.limit = limit
        self._memo: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()

    def vectors(self, texts: Sequence[str]) -> np.ndarray:
        want = [t for t in dict.fromkeys(texts) if t not in self._memo]
        if want:
            found = self._kept(want)
            todo = [t for t in want if t not in found]
            if todo:
                found.update(zip(todo, normalized(self.embedder.embed_passages)(todo), strict=True))
            with self._lock:
                if len(self._memo) + len(found) > self.limit:
                    self._memo.clear()
                self._memo.update(found)
        if not texts:
            return np.zeros((0, self.embedder.dim), np.float32)
        return np.stack([self._memo[t] for t in texts])

    def _kept(self, texts: list[str]) -> dict[str, np.ndarray]:
        """The vectors the ingest kept for `texts` (none when the cache cannot be read)."""
        if self.cache_path is None or not self.cache_path.is_file():
            return {}
        from kb.index.cache import text_key

        try:
            db = sqlite3.connect(f"file:{self.cache_path}?mode=ro", uri=True, timeout=5)
        except sqlite3.Error:
            return {}
        keys = {text_key(t): t for t in texts}
        out: dict[str, np.ndarray] = {}
        try:
            model = sentence_model(self.embedder.name)
            items = list(keys)
            for start in range(0, len(items), 500):
                part = items[start : start + 500]
                rows = db.execute(f"SELECT h, vec FROM emb WHERE model=? AND h IN ({','.join('?' * len(part))})",
                                  [model, *part]).fetchall()
                for h, blob in rows:
                    vec = np.frombuffer(blob, dtype=np.float32)
                    if vec.shape[0] == self.embedder.dim:
                        out[keys[h]] = vec
        except sqlite3.Error:
            return out
        finally:
            db.close()
        return out


def best_sentence_similarity(queries: np.ndarray, passages: Sequence[str], vectors: SentenceVectors) -> np.ndarray:
    """For each passage (rows) and each query vector (columns: `queries` is one vector or a
    matrix of them), the highest cosine between the query and one of the passage's sentences."""
    q = np.atleast_2d(np.asarray(queries, dtype=np.float32))
    q = q / np.where(np.linalg.norm(q, axis=1, keepdims=True) == 0, 1.0, np.linalg.norm(q, axis=1, keepdims=True))
    split = [sentences(p) for p in passages]
    flat = [s for ss in split for s in ss]
    out = np.zeros((len(passages), len(q)), dtype=np.float32)
    if not flat:
        return out
    sims = vectors.vectors(flat) @ q.T
    i = 0
    for row, ss in enumerate(split):
        if ss:
            out[row] = sims[i : i + len(ss)].max(axis=0)
        i += len(ss)
    return out
