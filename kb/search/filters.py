"""What the user's filters let through: `Filters` (document type, issuer, region, version date,
chosen documents) and `docs_passing`, the doc ids of an index that pass them. The Searcher
applies them as a Chroma `where` and as a BM25 mask (`Searcher.allowed_docs`)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from kb.question.aliases import AliasTable
from kb.text.titles import title_key
from kb.types import DocumentMeta


@dataclass
class Filters:
    doc_types: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    date_from: str = ""  # ISO yyyy-mm-dd (a prefix like 2018 works too)
    date_to: str = ""
    file_names: list[str] = field(default_factory=list)  # file name or title (short names work)
    include_superseded: bool = False
    issuers: list[str] = field(default_factory=list)  # issuing body, or part of its name (生态环境局)

    @property
    def restricts(self) -> bool:
        return bool(self.doc_types or self.regions or self.date_from or self.date_to or self.file_names
                    or self.issuers)


def docs_passing(filters: Filters | None, docs: Mapping[str, DocumentMeta], aliases: AliasTable) -> set[str] | None:
    """Doc ids of `docs` passing the filters; None when nothing is filtered (`aliases`: the
    index's title aliases, so a short name chooses its document)."""
    if filters is None or not filters.restricts:
        return None
    wanted_titles: set[str] = set()
    wanted_files: set[str] = set()
    for f in filters.file_names:
        f = f.strip()
        wanted_files.add(f)
        if any(f in (d.file_name, Path(d.file_name).stem) for d in docs.values()):
            continue  # a file name chooses that file, not every version of its law
        nt = title_key(f)
        wanted_titles.add(aliases.aliases.get(nt, nt))
    out = set()
    for d in docs.values():
        if filters.doc_types and d.doc_type not in filters.doc_types:
            continue
        if filters.regions and not any(r and (r in d.region or d.region in r) and d.region for r in filters.regions):
            continue
        if filters.issuers and not any(i.strip() and i.strip() in d.issuer for i in filters.issuers):
            continue  # joint issuers are joined with 、: any one of them matches
        date = d.date or ""
        if filters.date_from and (not date or date < filters.date_from):
            continue
        if filters.date_to and (not date or date[: len(filters.date_to)] > filters.date_to):
            continue
        if filters.file_names and not (
            d.file_name in wanted_files
            or Path(d.file_name).stem in wanted_files
            or title_key(d.title) in wanted_titles
            or title_key(d.file_name) in wanted_titles
        ):
            continue
        out.add(d.doc_id)
    return out
