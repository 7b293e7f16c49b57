"""jieba with GreenKB's policy terms, started quickly.

jieba's own start reads its prefix dictionary (~500,000 entries) with marshal.load from a
file — 0.6 s on an idle machine, 1.5 s on a busy one: for `kb ask`, more than anything but
Chroma's import — and then the policy terms are added. Two copies of the finished dictionary
(policy terms included) are kept in the user's GreenKB cache folder, keyed by jieba's version,
its dictionary file and the terms:

- a pickle, read back in one piece in about a quarter of jieba's time: `full()`, for documents
  (the ingest, a BM25 refresh, version diffs);
- an SQLite table, opened in a millisecond and asked only for the substrings a text needs:
  `for_text()` uses it for short texts (questions) until LAZY_CHARS characters have been
  tokenized that way in the process, then loads the whole dictionary.

Both answer every lookup exactly as jieba's own dictionary does, so the tokens are the same.
The cache folder is the user's own (a pickle from a folder others can write, such as /tmp,
could run their code). Anything missing or unreadable is rebuilt the slow way, once.
"""
from __future__ import annotations

import hashlib
import logging
import os
import pickle
import sqlite3
import threading
from functools import lru_cache
from pathlib import Path

LAZY_CHARS = 2000  # about 60 questions; a BM25 refresh or a diff passes it at once


def _module():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba


def _kept_files(jieba, terms: tuple[str, ...]) -> tuple[Path, Path] | None:
    """(pickle, SQLite) for this jieba, its dictionary and `terms`; None for a dictionary
    someone else chose."""
    from kb.settings import default_engine_cache

    if jieba.dt.dictionary != jieba.DEFAULT_DICT:
        return None
    try:
        dict_file = Path(jieba.__file__).parent / jieba.DEFAULT_DICT_NAME
        st = dict_file.stat()
    except (OSError, AttributeError):
        return None
    key = hashlib.sha256("\n".join([getattr(jieba, "__version__", "?"), str(dict_file), str(st.st_size),
                                    str(st.st_mtime_ns), *terms]).encode()).hexdigest()[:16]
    folder = default_engine_cache().parent / "jieba"  # the user's GreenKB cache folder
    return folder / f"prefix-dict-{key}.pickle", folder / f"prefix-dict-{key}.sqlite"


@lru_cache(maxsize=4)
def full(terms: tuple[str, ...]):
    """jieba with the whole prefix dictionary in memory, `terms` added (frequency 200,000)."""
    jieba = _module()
    dt = jieba.dt
    files = _kept_files(jieba, terms)
    kept = _read_pickle(files[0]) if files else None
    if kept is not None:
        dt.FREQ, dt.total = kept  # replaces the SQLite lookups, if for_text installed them
        dt.initialized = True
    else:
        dt.initialized = False  # jieba's own start, then the terms
        for term in terms:
            jieba.add_word(term, freq=200000)
        jieba.initialize()
        if files:
            _write(files[0], lambda fh: pickle.dump((dt.FREQ, dt.total), fh, protocol=pickle.HIGHEST_PROTOCOL))
    if files:
        lookup = SqliteFreq.open(files[1])
        if lookup is None:  # missing or damaged
            _write_sqlite(files[1], dt.FREQ, dt.total)
        else:
            lookup.close()
    return jieba


_lazy_chars = 0


def for_text(text: str, terms: tuple[str, ...]):
    """jieba ready to cut `text`: the SQLite lookups while texts are few and short, else `full`."""
    global _lazy_chars
    if full.cache_info().currsize:
        return full(terms)
    _lazy_chars += len(text)
    if _lazy_chars <= LAZY_CHARS:
        jieba = _lazy(terms)
        if jieba is not None:
            return jieba
    return full(terms)


@lru_cache(maxsize=4)
def _lazy(terms: tuple[str, ...]):
    jieba = _module()
    files = _kept_files(jieba, terms)
    if files is None or jieba.dt.initialized:
        return None
    freq = SqliteFreq.open(files[1])
    if freq is None:
        return None
    jieba.dt.FREQ, jieba.dt.total, jieba.dt.initialized = freq, freq.total, True
    return jieba


class SqliteFreq:
    """What jieba asks of its FREQ dict (`in`, `[]`, `get`), answered from the kept SQLite copy."""

    def __init__(self, con: sqlite3.Connection, total: int) -> None:
        self._con = con
        self._lock = threading.Lock()  # the app's sessions tokenize from several threads
        self.total = total

    @classmethod
    def open(cls, path: Path) -> SqliteFreq | None:
        con = None
        try:
            con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            (total,) = con.execute("SELECT total FROM meta").fetchone()
            con.execute("SELECT n FROM freq WHERE w = ?", ("的",)).fetchone()
            return cls(con, int(total))
        except (sqlite3.Error, TypeError, ValueError):
            if con is not None:
                con.close()
            return None

    def close(self) -> None:
        self._con.close()

    def get(self, word: str, default=None):
        with self._lock:
            row = self._con.execute("SELECT n FROM freq WHERE w = ?", (word,)).fetchone()
        return default if row is None else row[0]

    def __contains__(self, word: str) -> bool:
        return self.get(word) is not None

    def __getitem__(self, word: str) -> int:
        n = self.get(word)
        if n is None:
            raise KeyError(word)
        return n


def _read_pickle(path: Path):
    try:
        freq, total = pickle.loads(path.read_bytes())
    except (OSError, ValueError, TypeError, EOFError, pickle.UnpicklingError):
        return None
    return (freq, total) if isinstance(freq, dict) and isinstance(total, int) else None


def _write_sqlite(path: Path, freq: dict, total: int) -> None:
    def fill(tmp: Path) -> None:
        con = sqlite3.connect(tmp)
        try:
            con.execute("CREATE TABLE freq (w TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID")
            con.execute("CREATE TABLE meta (total INTEGER NOT NULL)")
            con.executemany("INSERT INTO freq VALUES (?, ?)", freq.items())
            con.execute("INSERT INTO meta VALUES (?)", (total,))
            con.commit()
        finally:
            con.close()

    _write(path, None, fill)


def _write(path: Path, dump, fill=None) -> None:
    """Write `path` through a temporary sibling (readers never see half a file), mode 0600."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb", opener=lambda p, flags: os.open(p, flags, 0o600)) as fh:
            if dump is not None:
                dump(fh)
        if fill is not None:
            fill(tmp)
        os.replace(tmp, path)
    except (OSError, sqlite3.Error):  # a read-only home: jieba starts the slow way next time
        tmp.unlink(missing_ok=True)
