"""The standards catalogues the user imports, kept in Chroma beside the index.

Catalogue files the user imports (`python -m kb standards import FILE`) are user data, not
derived from documents: their rows live in Chroma (collection NAME_standards, dummy
embeddings), so that every instance against one Chroma server sees them. One manifest record
per file names its current import (the commit point); rows of other imports are ignored and
removed after the manifest is written, so re-importing a file replaces its rows.
"""
from __future__ import annotations

import hashlib
import json
import logging
from typing import Any, Sequence

from kb.index.chroma_client import PAGE

log = logging.getLogger(__name__)

STANDARDS_SUFFIX = "_standards"  # imported standards catalogues (Index.write_catalogue)


class StandardsCatalogues:
    """The catalogue methods of kb.index.store.Index (a base class of it): they use the Index's
    Chroma `client`, its collection `name` and its paged reader `_iter`."""

    client: Any
    name: str

    def _catalogue_collection(self, create: bool = False):
        name = self.name + STANDARDS_SUFFIX
        if create:
            return self.client.get_or_create_collection(name, metadata={"kind": "standards_catalogue"},
                                                        embedding_function=None)
        try:
            return self.client.get_collection(name, embedding_function=None)
        except Exception:  # never imported
            return None

    def write_catalogue(self, source: str, rows: Sequence[dict[str, Any]], file_hash: str = "") -> str:
        """Replace the rows imported from the file named `source` by `rows`; returns the import id."""
        import datetime as _dt
        import uuid

        col = self._catalogue_collection(create=True)
        key = hashlib.sha1(source.encode()).hexdigest()[:16]
        import_id = uuid.uuid4().hex[:12]
        ids = [f"row:{key}:{import_id}:{i:06d}" for i in range(len(rows))]
        for start in range(0, len(rows), PAGE):
            part = slice(start, start + PAGE)
            col.add(ids=ids[part], embeddings=[[1.0]] * len(ids[part]),
                    documents=[json.dumps(r, ensure_ascii=False) for r in rows[part]],
                    metadatas=[{"kind": "row", "source": source, "import_id": import_id}] * len(ids[part]))
        col.upsert(ids=[f"manifest:{key}"], embeddings=[[1.0]], documents=[source],
                   metadatas=[{"kind": "manifest", "source": source, "import_id": import_id, "rows": len(rows),
                               "file_hash": file_hash, "imported_at": _dt.datetime.now().isoformat(timespec="seconds")}])
        col.delete(where={"$and": [{"source": source}, {"kind": "row"}, {"import_id": {"$ne": import_id}}]})
        return import_id

    def remove_catalogue(self, source: str) -> bool:
        """Forget the rows imported from `source`; False when nothing was imported from it."""
        col = self._catalogue_collection()
        if col is None or source not in self.catalogue_manifests():
            return False
        col.delete(where={"source": source})
        return True

    def catalogue_manifests(self) -> dict[str, dict[str, Any]]:
        """source file name → its current import (import_id, rows, file_hash, imported_at)."""
        col = self._catalogue_collection()
        if col is None:
            return {}
        return {md["source"]: dict(md) for _rid, _d, md in self._iter(col, include=["metadatas"],
                                                                       where={"kind": "manifest"}) if md}

    def catalogue_rows(self) -> list[dict[str, Any]]:
        """Every row of the current imports, each with its `source` file name, in file order."""
        col = self._catalogue_collection()
        manifests = self.catalogue_manifests()
        if col is None or not manifests:
            return []
        out: list[tuple[str, dict[str, Any]]] = []
        for rid, doc, md in self._iter(col, include=["documents", "metadatas"], where={"kind": "row"}):
            man = manifests.get((md or {}).get("source", ""))
            if man is None or man.get("import_id") != md.get("import_id"):
                continue  # an import not (or no longer) committed
            try:
                row = json.loads(doc)
            except (TypeError, ValueError):
                log.warning("catalogue record %s unreadable; ignored", rid)
                continue
            out.append((rid, {**row, "source": md["source"]}))
        return [row for _rid, row in sorted(out, key=lambda r: r[0])]
