"""A document's articles rebuilt from its chunks.

A long article is split over several consecutive chunks that share its locator (the chunker
cuts at 款 lines, then at sentence ends, then hard; an older or foreign chunker may let the
parts overlap). `drop_overlap` / `join_parts` are the one rule for putting such parts back
together — used here for the comparison of versions and by the app to show a cited article.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Iterable

from kb.text.numerals import CN_NUM_CHARS

NON_ARTICLE_LOCATORS = {"header", "title", "preamble"}
MIN_OVERLAP = 9  # a shorter repeat at a chunk boundary is as likely the text itself
_HEADING_RE = re.compile(rf"^\s*(?:#+\s*)?第\s*[0-9０-９{CN_NUM_CHARS}]+\s*条(?:之[0-9０-９{CN_NUM_CHARS}]+)?[\s\u3000:：.．、]*")
_UNIT_LINE_RE = re.compile(rf"^(?:[ \t\u3000]*(?:#+[ \t]*)?第[ \t]*[0-9０-９{CN_NUM_CHARS}]+[ \t]*[编章节](?:[ \t\u3000][^\n]*)?\n+)+")
_WS_RE = re.compile(r"[\s\u3000\u200b\ufeff]+")
_SENTENCE_END = ("。", "；", "：", "！", "？")


@dataclass
class Article:
    """One unit of a document (usually an article 第X条), its chunks joined again."""

    locator: str
    text: str  # body with its own heading stripped, as in the document
    heading_path: str = ""
    position: int = 0  # order in the document
    chunk_ids: list[str] = field(default_factory=list)
    page_start: int | None = None

    @property
    def norm(self) -> str:
        return normalize_body(self.text)


def strip_heading(text: str) -> str:
    """'第二章 监督管理\n第十二条　直接向海洋…' -> '直接向海洋…'.

    The chunker carries a chapter/section heading line into the first article of the
    chapter; it belongs to the structure, not to the article, and is dropped too.
    """
    text = _UNIT_LINE_RE.sub("", text.lstrip(), count=1)
    return _HEADING_RE.sub("", text, count=1)


def normalize_body(text: str) -> str:
    """Comparison form: NFKC (full/half width), no whitespace."""
    return _WS_RE.sub("", unicodedata.normalize("NFKC", text))


def is_article_locator(locator: str) -> bool:
    return bool(locator) and locator not in NON_ARTICLE_LOCATORS


def drop_overlap(prev: str, nxt: str, max_overlap: int = 400) -> str:
    """`nxt` without the text it repeats from the end of `prev`: the longest prefix of `nxt`
    (at least MIN_OVERLAP, at most `max_overlap` characters) that `prev` ends with."""
    for k in range(min(len(prev), len(nxt), max_overlap), MIN_OVERLAP - 1, -1):
        if prev.endswith(nxt[:k]):
            return nxt[k:]
    return nxt


def join_parts(prev: str, nxt: str) -> str:
    """Two consecutive parts of one article as one text, the repeated overlap dropped.

    Without an overlap the separator is guessed: the chunker cuts at 款 lines first, then at
    sentence ends, so a part that ends a sentence most likely ended a line; a part cut
    mid-sentence continues on the same line.
    """
    rest = drop_overlap(prev, nxt)
    if len(rest) < len(nxt):
        return prev + rest
    sep = "\n" if prev.rstrip().endswith(_SENTENCE_END) else ""
    if prev.endswith("\n") or nxt.startswith("\n"):
        sep = ""
    return prev + sep + nxt


def join_chunks(texts: Iterable[str]) -> str:
    """The parts of one article (in order) as one text."""
    out = ""
    for t in texts:
        out = join_parts(out, t) if out else t
    return out


def articles_from_hits(hits: Iterable[Any]) -> list[Article]:
    """Group a document's chunks (SearchHit-like: locator, text, heading_path, chunk_index,
    chunk_id, page_start) into articles, in document order.

    Consecutive chunks with the same locator are one article split for length; their texts
    are joined (`join_parts`) with the repeated heading of continuation chunks stripped.
    Header / preamble chunks are skipped.
    """
    out: list[Article] = []
    seen: dict[str, Article] = {}
    for h in sorted(hits, key=lambda h: getattr(h, "chunk_index", 0)):
        loc = (h.locator or "").strip()
        if not is_article_locator(loc):
            continue
        body = strip_heading(h.text or "").strip()
        art = seen.get(loc)
        if art is not None:
            art.text = join_parts(art.text, body) if art.text else body
            art.chunk_ids.append(getattr(h, "chunk_id", ""))
            continue
        art = Article(
            locator=loc,
            text=body,
            heading_path=getattr(h, "heading_path", "") or "",
            position=len(out),
            chunk_ids=[getattr(h, "chunk_id", "")],
            page_start=getattr(h, "page_start", None),
        )
        seen[loc] = art
        out.append(art)
    return out
