"""Intermediate shapes of the ingest pipeline: load → clean → structure → chunk.

    loaders.load(path)            -> LoadedDoc     (raw text, page by page)
    clean.clean_document(loaded)  -> CleanText     (one string, page offsets kept)
    structure.parse(clean)        -> list[Section] (headings, locators, offsets)
    chunking.make_chunks(...)     -> list[kb.types.Chunk]
    metadata.extract(...)         -> kb.types.DocumentMeta fields
"""
from __future__ import annotations

from dataclasses import dataclass, field


class LoadError(Exception):
    """A file that cannot be read. `reason` is a one-line Chinese message for the user."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass
class LoadedDoc:
    pages: list[str]  # one entry per page; a single entry for unpaged formats
    paged: bool  # True for PDF: page numbers are meaningful
    source_format: str  # pdf | docx | html | md | txt
    title_hint: str = ""  # <title>, <h1>, '# ' heading, DOCX core title …
    ocr_pages: list[int] = field(default_factory=list)  # 1-based pages read by OCR
    warnings: list[str] = field(default_factory=list)


@dataclass
class CleanText:
    text: str
    # Char offset in `text` where page i+1 starts; None when the source has no pages.
    page_starts: list[int] | None = None
    ocr_pages: list[int] = field(default_factory=list)

    def page_at(self, offset: int) -> int | None:
        """1-based page number holding char `offset`."""
        if self.page_starts is None:
            return None
        page = 1
        for i, start in enumerate(self.page_starts):
            if start <= offset:
                page = i + 1
            else:
                break
        return page


@dataclass
class Section:
    """A structural unit found in the text: an article, a numbered section, the header…"""

    kind: str  # header | title | part | chapter | division | article | section | item | preamble | annex | paragraph
    locator: str  # 第五十三条 | header | 1.3 | 一、（二） | 附件1
    heading: str  # the unit's own heading line (e.g. "第六章 法律责任", "1.3 绿色制造试点示范")
    heading_path: list[str]  # ancestors' headings + own, e.g. ["第六章 法律责任", "第七十三条"]
    start: int  # char offsets into CleanText.text
    end: int
    level: int = 0  # depth in the outline (0 = top)
