"""Vectors for chunks and their sentences, through the embedding cache, in batches of
texts of similar length."""
from __future__ import annotations

import logging
from typing import Sequence

import numpy as np

from kb.index import sentences
from kb.index.cache import Cache
from kb.index.embedding import Embedder

log = logging.getLogger(__name__)


def _compute_sorted(embedder: Embedder, batch: int):
    """A `compute` for Cache.embeddings that batches texts of similar length together:
    a batch is padded to its longest text, so mixing a 20-char article with a 500-char one
    wastes most of the batch."""

    def compute(missing: list[str]) -> np.ndarray:
        out = np.zeros((len(missing), embedder.dim), dtype=np.float32)
        order = sorted(range(len(missing)), key=lambda i: len(missing[i]))
        for start in range(0, len(order), batch):
            idx = order[start : start + batch]
            out[idx] = embedder.embed_passages([missing[i] for i in idx])
        return out

    return compute


def embed_texts(texts: Sequence[str], embedder: Embedder, cache: Cache, batch: int) -> tuple[np.ndarray, int]:
    """Vectors for `texts` (cached ones reused). Returns (vectors, number computed)."""
    if embedder.name == "none":  # constant vectors: nothing to compute or cache
        return embedder.embed_passages(texts), 0
    return cache.embeddings(embedder.name, texts, _compute_sorted(embedder, batch), embedder.dim)


def embed_sentences(texts: Sequence[str], embedder: Embedder, cache: Cache, batch: int) -> int:
    """Vectors of the sentences of these chunk texts, into the embedding cache (search reads
    them there; see kb.index.sentences). Returns how many were computed; a failure only costs
    search the time to compute them later."""
    if embedder.name == "none":
        return 0
    sents = list(dict.fromkeys(s for t in texts for s in sentences.sentences(t)))
    if not sents:
        return 0
    try:
        _vecs, computed = cache.embeddings(sentences.sentence_model(embedder.name), sents,
                                           sentences.normalized(_compute_sorted(embedder, batch)), embedder.dim)
    except Exception:
        log.warning("sentence vectors not kept", exc_info=True)
        return 0
    return computed
