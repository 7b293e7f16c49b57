"""What the HTTP API (kb.interfaces.api) shares between requests: one Searcher per process.

Requests read through `state.reading()`; a new index generation is swapped in through
`state.refresh()`, which waits until the requests in flight are done and holds new ones back
for the reload. The Searcher's own periodic check is switched off here (it would reload in the
middle of another thread's search): a watcher thread looks for changes made by other processes
(a CLI ingest, the app) every `watch_seconds`, and the upload jobs (kb.interfaces.api_jobs)
refresh when they finish.

The Chroma client is created once, at startup, on the main thread: creating clients is not
thread-safe.
"""
from __future__ import annotations

import logging
import threading
from contextlib import contextmanager
from typing import Any, Iterator

from kb.settings import Settings

log = logging.getLogger(__name__)


class ReadWriteLock:
    """Many readers or one writer; a waiting writer holds back new readers (no starvation)."""

    def __init__(self) -> None:
        self._cond = threading.Condition(threading.Lock())
        self._readers = 0
        self._writer = False
        self._writers_waiting = 0

    @contextmanager
    def read(self) -> Iterator[None]:
        with self._cond:
            while self._writer or self._writers_waiting:
                self._cond.wait()
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                if not self._readers:
                    self._cond.notify_all()

    @contextmanager
    def write(self) -> Iterator[None]:
        with self._cond:
            self._writers_waiting += 1
            while self._writer or self._readers:
                self._cond.wait()
            self._writers_waiting -= 1
            self._writer = True
        try:
            yield
        finally:
            with self._cond:
                self._writer = False
                self._cond.notify_all()


class ApiState:
    """The process's Searcher, its lock, the upload jobs and the generation watcher."""

    def __init__(self, settings: Settings, searcher: Any = None, watch_seconds: float = 5.0) -> None:
        from kb.interfaces.api_jobs import JobQueue

        if searcher is None:
            from kb.search.searcher import Searcher

            searcher = Searcher(settings)
        searcher.refresh_seconds = float("inf")  # reloads go through self.refresh, under the write lock
        self.settings = settings
        self.searcher = searcher
        self.lock = ReadWriteLock()
        self.jobs = JobQueue(settings, on_done=self.refresh)
        self.watch_seconds = watch_seconds
        self._stop = threading.Event()
        self._watcher: threading.Thread | None = None

    # ------------------------------------------------------------------ lifecycle
    def start(self) -> None:
        self.jobs.start()
        if self.watch_seconds > 0 and self._watcher is None:
            self._watcher = threading.Thread(target=self._watch, name="greenkb-watch", daemon=True)
            self._watcher.start()

    def stop(self) -> None:
        self._stop.set()
        self.jobs.stop()

    def _watch(self) -> None:
        while not self._stop.wait(self.watch_seconds):
            try:
                if self.searcher.index.generation() != self.searcher.generation:
                    self.refresh()
            except Exception:  # a failed check is retried next time; requests go on meanwhile
                log.warning("index generation check failed", exc_info=True)

    # ------------------------------------------------------------------ access
    @contextmanager
    def reading(self) -> Iterator[Any]:
        """The Searcher, safe from reloads while the block runs."""
        with self.lock.read():
            yield self.searcher

    def refresh(self) -> bool:
        """Load the index's current generation (after an upload, a deletion or another process's
        ingest); True when it changed."""
        with self.lock.write():
            return self.searcher.refresh(force=True)

    @contextmanager
    def writing(self) -> Iterator[Any]:
        """The Searcher with no request reading it (a deletion), reloaded afterwards."""
        with self.lock.write():
            try:
                yield self.searcher
            finally:
                self.searcher.refresh(force=True)
