"""Bring DATA/bm25 in line with what Chroma holds: one function for the ingest and the Searcher.

The BM25 files (kb.lexical) are derived data tagged with the index generation. Beside them,
DATA/bm25_tokens.pkl keeps the tokens of every committed (document, version), so a refresh
reads from Chroma and tokenizes only the documents it has not seen at their current version;
bm25s has no incremental update, so the index itself is rebuilt from the kept tokens (numpy,
well under a second at 66k chunks).

- The ingest calls it holding DATA/ingest.lock (`holds_lock=True`) and passes `fresh`, the
  tokens of what it has just written, so it reads back from Chroma only documents written by
  someone else.
- A Searcher calls it when it finds the BM25 files stale (another process or another instance
  on the same Chroma server changed the index, or a new data folder). It saves nothing while
  an ingest holds DATA/ingest.lock (that ingest writes its own), nothing when the catalog
  changed while it read, and nothing, without failing, when the data folder is read-only.

Only chunks of committed document versions count: a chunk's content_hash metadata must be the
catalog's (leftovers of an interrupted write are ignored).
"""
from __future__ import annotations

import fcntl
import json
import logging
import os
import pickle
import sqlite3
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence

import numpy as np

from kb.index import lexical
from kb.index.store import Index
from kb.settings import DataLayout
from kb.types import DocumentMeta

if TYPE_CHECKING:
    from kb.index.cache import Cache

log = logging.getLogger(__name__)

STATE_VERSION = 1
READ_BATCH = 200  # doc ids per Chroma `$in` query


def open_cache(layout: DataLayout) -> Cache | None:
    """The token cache of a data folder, or None when it cannot be opened (read-only folder)."""
    from kb.index.cache import Cache

    try:
        return Cache(layout.cache)
    except (OSError, sqlite3.Error) as exc:
        log.info("token cache unavailable (%s); tokenizing without it", exc)
        return None


def refresh(
    index: Index,
    cache: Cache | None,
    layout: DataLayout,
    force: bool = False,
    fresh: dict[str, Any] | None = None,
    timings: dict[str, float] | None = None,
    *,
    docs: dict[str, DocumentMeta] | None = None,
    holds_lock: bool = False,
) -> lexical.LexicalIndex:
    """The BM25 index of the committed chunks in `index`, saved in the data folder `layout`
    (DATA/bm25, with the kept tokens in DATA/bm25_tokens.pkl).

    `cache`: the token cache (None: tokenize without one). `force`: ignore the saved files and
    kept tokens. `fresh`: what an ingest has just written, encoded: {"vocab": [token, …],
    "docs": {doc_id: (content hash, chunk ids, [(locator, kind)], tokens per chunk, token ids)}}.
    `timings` receives seconds per stage. `docs`: the catalog, when the caller has just read it.
    `holds_lock`: the caller holds DATA/ingest.lock and saves unconditionally; otherwise the
    result is saved only when the lock is free and the index did not change meanwhile.
    """
    t = timings if timings is not None else {}
    t0 = time.perf_counter()
    if docs is None:
        docs = index.documents()
    generation = index.generation(docs)
    t["catalog_s"] = time.perf_counter() - t0
    state_path = layout.bm25_tokens
    if not force and _saved_generation(layout.bm25) == generation and state_path.is_file():
        current = lexical.load(layout.bm25)
        if current is not None and current.generation == generation and current.info is not None:
            return current
    t0 = time.perf_counter()
    state = None if force else _load_state(state_path)
    old_vocab: list[str] = state["vocab"] if state else []
    old_docs: dict = state["docs"] if state else {}
    t["state_load_s"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    committed = {d.doc_id: d.content_hash for d in docs.values()}
    vocab: dict[str, int] = {}
    entries: dict[str, tuple] = {}  # doc_id → (hash, ids, info, lens, flat) in the new vocab
    missing: list[str] = []

    fresh_vocab: list[str] = (fresh or {}).get("vocab", [])
    fresh_docs: dict = (fresh or {}).get("docs", {})
    remap = np.full(len(old_vocab) + 1, -1, dtype=np.int64)
    fresh_remap = np.full(len(fresh_vocab) + 1, -1, dtype=np.int64)

    def reuse(entry: tuple, src_vocab: list[str], rmap: np.ndarray) -> tuple:
        h, ids, info, lens, flat = entry
        if len(flat):
            for tid in np.unique(flat[rmap[flat] < 0]).tolist():
                rmap[tid] = vocab.setdefault(src_vocab[tid], len(vocab))
        return (h, ids, info, lens, rmap[flat].astype(np.int32))

    for doc_id in sorted(committed):
        h = committed[doc_id]
        if doc_id in fresh_docs and fresh_docs[doc_id][0] == h:
            entries[doc_id] = reuse(fresh_docs[doc_id], fresh_vocab, fresh_remap)
        elif doc_id in old_docs and old_docs[doc_id][0] == h:
            entries[doc_id] = reuse(old_docs[doc_id], old_vocab, remap)
        else:
            missing.append(doc_id)
    t["reuse_s"] = time.perf_counter() - t0

    incomplete = _read_missing(index, cache, docs, committed, missing, vocab, entries, t)

    t0 = time.perf_counter()
    all_ids: list[str] = []
    all_info: list[tuple[str, str]] = []
    lens_parts, flat_parts = [], []
    for doc_id in sorted(entries):
        _h, ids, info, lens, flat = entries[doc_id]
        all_ids.extend(ids)
        all_info.extend(info)
        lens_parts.append(lens)
        flat_parts.append(flat)
    vocab_list = list(vocab)  # before build_encoded adds ''
    all_lens = np.concatenate(lens_parts) if lens_parts else np.zeros(0, dtype=np.int32)
    all_flat = np.concatenate(flat_parts) if flat_parts else np.zeros(0, dtype=np.int32)
    lex = lexical.build_encoded(all_ids, all_lens, all_flat, vocab, generation, all_info)
    t["bm25_build_s"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    kept = {d: e for d, e in entries.items() if d not in incomplete}
    new_state = {"version": STATE_VERSION, "tokenizer": lexical.TOKENIZER_VERSION, "generation": generation,
                 "vocab": vocab_list, "docs": kept}
    if holds_lock:
        _write(lex, new_state, layout)
    else:
        _write_if_free(index, lex, new_state, layout)
    t["save_s"] = time.perf_counter() - t0
    return lex


def _read_missing(index: Index, cache: Cache | None, docs: dict[str, DocumentMeta], committed: dict[str, str],
                  missing: list[str], vocab: dict[str, int], entries: dict[str, tuple],
                  t: dict[str, float]) -> set[str]:
    """Read the committed chunks of `missing` documents from Chroma, tokenize them and add
    them to `entries` (encoded against `vocab`). Returns the documents read incomplete (fewer
    chunks than the catalog says: being rewritten meanwhile), whose tokens are not kept."""
    t0 = time.perf_counter()
    rows: dict[str, list[tuple[int, str, tuple[str, str], str]]] = {d: [] for d in missing}
    if missing:
        if len(missing) > max(50, len(committed) // 4):
            records = index.iter_chunks()
        else:
            records = (r for start in range(0, len(missing), READ_BATCH)
                       for r in index.iter_chunks({"doc_id": {"$in": missing[start : start + READ_BATCH]}}))
        for rid, doc, md in records:
            d = md.get("doc_id")
            if d not in rows or committed.get(d) != md.get("content_hash"):
                continue  # not wanted, or leftovers of an interrupted write: not part of the index
            rows[d].append((int(md.get("chunk_index", 0)), rid, (md.get("locator", ""), md.get("kind", "")),
                            lexical.index_text(md.get("title", ""), md.get("heading_path", ""), doc or "")))
    t["chroma_read_s"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    for rs in rows.values():
        rs.sort()
    tokens = _tokenize(cache, [r[3] for d in missing for r in rows[d]])
    chunks_of = {d.doc_id: d.chunks for d in docs.values()}
    incomplete: set[str] = set()
    pos = 0
    for d in missing:
        rs = rows[d]
        toks = tokens[pos : pos + len(rs)]
        pos += len(rs)
        lens = np.fromiter((len(x) for x in toks), dtype=np.int32, count=len(toks))
        flat = np.fromiter((vocab.setdefault(tok, len(vocab)) for x in toks for tok in x),
                           dtype=np.int32, count=int(lens.sum()))
        entries[d] = (committed[d], [r[1] for r in rs], [r[2] for r in rs], lens, flat)
        if len(rs) != chunks_of.get(d):
            incomplete.add(d)
    t["tokenize_s"] = time.perf_counter() - t0
    return incomplete


def _tokenize(cache: Cache | None, texts: Sequence[str]) -> list[list[str]]:
    """Tokens of `texts`, through the token cache when there is one that works."""
    if cache is None:
        return lexical.tokens_for(texts)
    done: dict[str, list[str]] = {}

    def compute(text: str) -> list[str]:
        done[text] = lexical.tokenize(text)
        return done[text]

    try:
        return cache.tokens(lexical.TOKENIZER_VERSION, texts, compute)
    except sqlite3.Error as exc:  # e.g. a cache file that cannot be written
        log.info("token cache failed (%s); tokenizing without it", exc)
        return [done[x] if x in done else lexical.tokenize(x) for x in texts]


# ---------------------------------------------------------------------- files
def _saved_generation(directory: Path) -> str | None:
    try:
        meta = json.loads((directory / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if meta.get("tokenizer") != lexical.TOKENIZER_VERSION or not (directory / "info.json").is_file():
        return None  # without per-chunk info the Searcher would rebuild it anyway
    return meta.get("generation")


def _load_state(path: Path) -> dict | None:
    """The kept tokens, or None when absent, of another version, or damaged in any way (then
    the documents are read from Chroma again: the file is derived data)."""
    try:
        with path.open("rb") as fh:
            state = pickle.load(fh)
        if state.get("tokenizer") != lexical.TOKENIZER_VERSION or state.get("version") != STATE_VERSION:
            return None
        n_vocab = len(state["vocab"])
        for _h, ids, info, lens, flat in state["docs"].values():
            if len(ids) != len(lens) or len(info) != len(ids) or int(np.sum(lens)) != len(flat):
                raise ValueError("kept tokens disagree in length")
            if len(flat) and (int(flat.min()) < 0 or int(flat.max()) >= n_vocab):
                raise ValueError("token id out of range")
        return state
    except Exception as exc:
        if path.exists():
            log.warning("kept tokens %s unusable (%s); documents will be read again", path, type(exc).__name__)
        return None


def _write(lex: lexical.LexicalIndex, state: dict, layout: DataLayout) -> None:
    lexical.save(lex, layout.bm25)
    path = layout.bm25_tokens
    tmp = path.with_suffix(".tmp")
    with tmp.open("wb") as fh:
        pickle.dump(state, fh, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)


def _write_if_free(index: Index, lex: lexical.LexicalIndex, state: dict, layout: DataLayout) -> bool:
    """Save unless an ingest holds the data folder (it will write its own), the index changed
    while we read it (the result is already stale), or the folder cannot be written."""
    try:
        layout.root.mkdir(parents=True, exist_ok=True)
        with open(layout.ingest_lock, "a+") as fh:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return False
            try:
                try:
                    if index.generation() != lex.generation:
                        return False
                except Exception:  # Chroma unreachable now: keep the result in memory only
                    log.info("could not re-check the index generation; BM25 not saved", exc_info=True)
                    return False
                _write(lex, state, layout)
                return True
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)
    except OSError:
        log.info("could not save the BM25 index to %s", layout.bm25)
        return False
