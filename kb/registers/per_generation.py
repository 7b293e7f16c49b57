"""Objects built from an index's registers once per index generation and day.

The reference graph and the duty register are read from every document's extracted facts;
building them on each question would cost more than answering it. They depend on the index
generation (which documents, which versions) and on the day (a version's status changes at
midnight), so a few are kept under that key."""
from __future__ import annotations

import threading
from typing import Any, Callable, Generic, TypeVar

T = TypeVar("T")


class PerGeneration(Generic[T]):
    def __init__(self, keep: int = 8):
        self.keep = keep
        self._built: dict[tuple[str, Any], T] = {}
        self._lock = threading.Lock()

    def get(self, source: Any, build: Callable[[], T]) -> T:
        """The object for `source` (a Searcher, or anything with generation and versions),
        made by `build` on first use for its generation and day."""
        key = (str(getattr(source, "generation", "")) or str(id(source)), source.versions.today)
        with self._lock:
            built = self._built.get(key)
        if built is None:
            built = build()
            with self._lock:
                if len(self._built) >= self.keep:
                    self._built.clear()
                self._built[key] = built
        return built
