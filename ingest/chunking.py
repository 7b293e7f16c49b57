"""Turn parsed sections into chunks: the units that are indexed, retrieved and cited.

Rules (in order of importance):

* Nothing is lost: chunks are verbatim slices of the clean text (stripped at the edges)
  and together they cover every non-whitespace char.
* One article (条) = one chunk. Articles are never merged with anything, however short:
  each is its own citation unit. A long article is split at 款 (line) boundaries, then at
  sentence ends (。；！？), then hard; every part keeps the article's locator.
* A heading-only section (a 章/节 line, an outline heading with no body, "1 标题" whose
  body is in 1.1 …) is not a chunk of its own: its text is carried forward into the next
  chunk, so the first article of a chapter starts with the chapter heading line.
* Tiny siblings (< min_chars) of the same kind under the same parent are merged into one
  chunk; the merged chunk keeps the FIRST section's locator and heading path, because
  that is where a reader must start reading. Paragraphs of unstructured text are packed
  up to max_chars // 2 the same way (a lone sentence is a poor retrieval unit).
* The header is one chunk (split if huge); annexes are never merged with the body.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ingest import tables
from ingest.types import CleanText, Section
from kb.types import Chunk

# Section kinds that only ever carry a heading line plus, rarely, a line of text.
_HEADING_KINDS = {"part", "chapter", "division", "title"}
# Section kind -> Chunk kind.
_CHUNK_KIND = {
    "header": "header",
    "article": "article",
    "annex": "annex",
    "paragraph": "paragraph",
    "preamble": "preamble",
    "item": "item",
    "signoff": "signoff",
    "furniture": "furniture",
    "toc": "toc",
    "box": "box",
}
_NEVER_MERGE = {"header", "article", "annex", "signoff", "furniture", "toc", "box", "preamble"}
# 一、 and （一） items have their own titles and are cited by them: never merged (1. and （1）
# items may be, under a range locator).
_TITLED_ITEM_RE = re.compile(r"(?:[一二三四五六七八九十百]+、|（[一二三四五六七八九十百]+）)$")
_SENTENCE_END_RE = re.compile(r"[。；;！？!?]+[”’」』）)]*")


@dataclass
class _Group:
    start: int
    end: int
    locator: str
    heading_path: list[str]
    kind: str  # chunk kind
    parent: tuple[str, ...]
    mergeable: bool
    last_locator: str = ""  # the last merged sibling's locator, when siblings were merged

    @property
    def cited_as(self) -> str:
        """The locator a citation names: merged siblings give a range (二、1.–3.)."""
        return locator_range(self.locator, self.last_locator) if self.last_locator else self.locator


_MARKER_END = "、）).．]"


def locator_range(first: str, last: str) -> str:
    """'二、1.' + '二、3.' → '二、1.–3.'; '一、（一）' + '一、（三）' → '一、（一）–（三）'."""
    if not last or last == first:
        return first
    k = 0
    while k < min(len(first), len(last)) and first[k] == last[k]:
        k += 1
    while k > 0 and first[k - 1] not in _MARKER_END and first[k - 1] != " ":
        k -= 1  # back to the end of the last marker both share
    return f"{first}–{last[k:]}"


def _stripped_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) to exclude leading/trailing whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_heading_only(text: str, sec: Section, nxt: Section | None, min_chars: int) -> bool:
    """A section whose text is just its heading, followed by a deeper unit to carry it."""
    if nxt is None:
        return False
    s, e = _stripped_span(text, sec.start, sec.end)
    body = text[s:e]
    if sec.kind in _HEADING_KINDS:
        return len(body) < min_chars or "\n" not in body.strip()
    if sec.kind == "section" and nxt.kind != "box":  # a 专栏 is not the item's body
        deeper = len(nxt.heading_path) > len(sec.heading_path) and nxt.heading_path[: len(sec.heading_path)] == sec.heading_path
        return deeper and len(body) < min_chars
    return False


def _groups(text: str, sections: list[Section], min_chars: int) -> list[_Group]:
    """One group per chunkable section, with heading-only text carried forward."""
    groups: list[_Group] = []
    carry: int | None = None  # start of heading-only text waiting for its first child
    for k, sec in enumerate(sections):
        nxt = sections[k + 1] if k + 1 < len(sections) else None
        if _is_heading_only(text, sec, nxt, min_chars):
            if carry is None:
                carry = sec.start
            continue
        start = sec.start if carry is None else carry
        carry = None
        kind = _CHUNK_KIND.get(sec.kind, "section")
        groups.append(
            _Group(
                start, sec.end, sec.locator, list(sec.heading_path), kind,
                tuple(sec.heading_path[:-1]), kind not in _NEVER_MERGE and not _TITLED_ITEM_RE.search(sec.locator),
            )
        )
    if carry is not None:
        # Trailing heading-only text with nothing after it: keep it as its own chunk.
        last = sections[-1]
        groups.append(
            _Group(carry, last.end, last.locator, list(last.heading_path), "section",
                   tuple(last.heading_path[:-1]), False)
        )
    return groups


def _visible_len(text: str, start: int, end: int) -> int:
    s, e = _stripped_span(text, start, end)
    return e - s


def _merge_small(text: str, groups: list[_Group], min_chars: int, max_chars: int) -> list[_Group]:
    """Merge tiny consecutive siblings (same kind, same parent) into the first of them."""
    out: list[_Group] = []
    for g in groups:
        prev = out[-1] if out else None
        if prev is not None and prev.mergeable and g.mergeable and prev.kind == g.kind and prev.parent == g.parent:
            a = _visible_len(text, prev.start, prev.end)
            b = _visible_len(text, g.start, g.end)
            target = max(min_chars, max_chars // 2) if g.kind == "paragraph" else min_chars
            if (a < target or (b < min_chars and g.kind != "paragraph")) and a + b <= max_chars:
                prev.end = g.end
                if g.kind != "paragraph":  # ¶ numbers are not cited items: packing keeps the first
                    prev.last_locator = g.locator
                continue
        out.append(g)
    return out


def _line_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Non-empty lines of text[start:end] as (start, end) spans, whitespace-trimmed."""
    spans: list[tuple[int, int]] = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl == -1 else nl
        s, e = _stripped_span(text, pos, stop)
        if e > s:
            spans.append((s, e))
        pos = stop + 1
    return spans


def _sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = start
    for m in _SENTENCE_END_RE.finditer(text, start, end):
        spans.append((pos, m.end()))
        pos = m.end()
    if pos < end:
        spans.append((pos, end))
    return [sp for sp in spans if sp[1] > sp[0]]


def _pack(spans: list[tuple[int, int]], max_chars: int) -> list[tuple[int, int]]:
    """Greedily join consecutive spans while the joined span stays within max_chars."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and e - out[-1][0] <= max_chars:
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def split_span(text: str, start: int, end: int, max_chars: int) -> list[tuple[int, int]]:
    """Cut text[start:end] into parts of at most max_chars: at lines, then sentences, then hard."""
    start, end = _stripped_span(text, start, end)
    if end - start <= max_chars:
        return [(start, end)] if end > start else []
    units: list[tuple[int, int]] = []
    for ls, le in _line_spans(text, start, end):
        if le - ls <= max_chars:
            units.append((ls, le))
            continue
        for ss, se in _pack(_sentence_spans(text, ls, le), max_chars):
            while se - ss > max_chars:  # one sentence longer than a chunk: cut it hard
                units.append((ss, ss + max_chars))
                ss += max_chars
            units.append((ss, se))
    return [_stripped_span(text, s, e) for s, e in _pack(units, max_chars)]


def make_chunks(
    doc_id: str,
    clean: CleanText,
    sections: list[Section],
    max_chars: int = 800,
    min_chars: int = 60,
) -> list[Chunk]:
    """Chunks of one document in order, chunk_index 0..n-1."""
    text = clean.text
    if not sections:
        return []
    groups = _merge_small(text, _groups(text, sections, min_chars), min_chars, max_chars)
    ocr = set(clean.ocr_pages)
    chunks: list[Chunk] = []
    numbering = _TableNumbers()

    def add(s: int, e: int, g: _Group, locator: str, kind: str, prefix: str = "") -> None:
        p0 = clean.page_at(s)
        p1 = clean.page_at(e - 1)
        pages = range(p0, p1 + 1) if p0 is not None and p1 is not None else range(0)
        chunks.append(
            Chunk(
                doc_id=doc_id,
                chunk_index=len(chunks),
                text=prefix + text[s:e],
                locator=locator,
                heading_path=" > ".join(g.heading_path),
                page_start=p0,
                page_end=p1,
                kind=kind,
                ocr=any(p in ocr for p in pages),
            )
        )

    for g in groups:
        pos = g.start
        for table in tables.find_tables(text, g.start, g.end):
            label = numbering.label(g, table)
            lead_end = _text_before(text, pos, table)
            for s, e in split_span(text, pos, lead_end, max_chars):
                add(s, e, g, g.cited_as, g.kind)
            context = (table.caption + "\n" if table.caption else "") + table.header + "\n"
            for first, last, s, e in tables.row_groups(text, table):
                for ps, pe in split_span(text, s, e, max(40, max_chars - len(context))):
                    add(ps, pe, g, f"{label} {tables.row_label(first, last)}", "table", context)
            pos = table.end
        for s, e in split_span(text, pos, g.end, max_chars):
            add(s, e, g, g.cited_as, g.kind)
    return chunks


def _text_before(text: str, pos: int, table: tables.Table) -> int:
    """End of the text before a table: its caption line is carried by every row chunk, so a
    caption (or 专栏 title) standing alone there is not a chunk of its own."""
    if not table.caption:
        return table.start
    k = text.rfind(table.caption, pos, table.start)
    if k == -1:
        return table.start
    return k


class _TableNumbers:
    """Table labels of a document: 表N numbered per annex (the caption's own number when it
    has one), 专栏N for a box's table, with the annex in front (附件1 表2)."""

    def __init__(self) -> None:
        self.count: dict[str, int] = {}

    def label(self, g: _Group, table: tables.Table) -> str:
        if table.box:
            return table.box
        annex = g.locator.split(" ")[0] if g.locator.startswith(("附件", "附表", "附录")) else ""
        n = self.count.get(annex, 0) + 1
        if table.number:
            n = table.number
        self.count[annex] = n
        return f"{annex} 表{n}".strip()
