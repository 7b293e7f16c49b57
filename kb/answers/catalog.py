"""What answers need from the index besides the hits: `Catalog` and `catalog_of(searcher)`."""
from __future__ import annotations

import dataclasses
import logging
from typing import Any, Mapping

from kb.versions.graph import VersionGraph

log = logging.getLogger(__name__)


@dataclasses.dataclass
class Catalog:
    """What answers need from the searcher besides its hits: the index (chunks_of), the
    version graph of its documents (families, lineages, status), what the user's filters let
    through, and the registers read from the documents (standards, references, duties)."""

    index: Any
    graph: VersionGraph
    allowed: set | None = None  # doc ids the user's filters let through (None: no filter)
    source: Any = None  # the Searcher, which keeps the registers of its index generation

    @property
    def docs(self) -> Mapping[str, Any]:
        return self.graph.docs

    @property
    def status(self) -> Mapping[str, str]:
        return self.graph.status

    def facts(self, kind: str) -> dict[str, list[dict]]:
        """doc_id → records of the register `kind` (kb.registers), {} without a searcher."""
        facts = getattr(self.source, "facts", None)
        return dict(facts.get(kind, {})) if isinstance(facts, dict) else {}


def catalog_of(searcher: Any, filters: Any = None) -> Catalog | None:
    """The catalog behind `searcher` (a kb.search.Searcher, or a wrapper with `.inner`);
    None for searchers without an index (test doubles)."""
    for s in (searcher, getattr(searcher, "inner", None)):
        index = getattr(s, "index", None) if s is not None else None
        if index is None or not hasattr(index, "chunks_of") or not hasattr(index, "documents"):
            continue
        try:
            graph = getattr(s, "versions", None)  # built once per index generation by the Searcher
            if not isinstance(graph, VersionGraph):
                docs = getattr(s, "docs", None)
                graph = VersionGraph.build(docs if isinstance(docs, dict) else index.documents())
            allowed = None
            if filters is not None and getattr(filters, "restricts", False):
                allowed = set(s.allowed_docs(filters) or ()) if hasattr(s, "allowed_docs") else set()
        except Exception:  # pragma: no cover - a broken index: answer without versions
            log.warning("catalog unavailable for version notes", exc_info=True)
            return None
        return Catalog(index, graph, allowed, s)
    return None
