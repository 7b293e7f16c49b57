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
}
_NEVER_MERGE = {"header", "article", "annex"}
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
    if sec.kind == "section":
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
                tuple(sec.heading_path[:-1]), kind not in _NEVER_MERGE,
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
    for g in groups:
        for s, e in split_span(text, g.start, g.end, max_chars):
            p0 = clean.page_at(s)
            p1 = clean.page_at(e - 1)
            pages = range(p0, p1 + 1) if p0 is not None and p1 is not None else range(0)
            chunks.append(
                Chunk(
                    doc_id=doc_id,
                    chunk_index=len(chunks),
                    text=text[s:e],
                    locator=g.locator,
                    heading_path=" > ".join(g.heading_path),
                    page_start=p0,
                    page_end=p1,
                    kind=g.kind,
                    ocr=any(p in ocr for p in pages),
                )
            )
    return chunks
