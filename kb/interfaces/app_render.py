"""Safe Markdown for the app (app.py, pages/): pure functions, tested without a browser.

- `md_escape` turns any document text or file name into Markdown that shows exactly that text
  (no HTML, no links, no Streamlit directives); `render_segments` does the same for styled
  pieces; `highlight_passage` marks a quote inside its full article and `render_ops` a word-level
  diff with the same guarantees.
- `article_text`: the full article a cited chunk belongs to (all chunks with its locator);
  `locator_label` / `page_label`: how a citation's place is shown.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Iterable, Mapping, Sequence

from kb.types import SearchHit
from kb.versions.articles import join_chunks

# ---------------------------------------------------------------------------- escaping
# CommonMark lets any ASCII punctuation be backslash-escaped; escaping all of it leaves no
# emphasis, link, image, HTML, table, heading, list, math ($) or directive (:name[...]) syntax.
_ASCII_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
# Streamlit turns :shortcode: and :material/icon: into icons after parsing; a zero-width space
# after the first colon keeps them literal text.
_SHORTCODE = re.compile(r":(?=[\w/+-]+:)")
_ZWSP = "\u200b"
# GFM turns www.x / http://x / a@b.c in text into links after parsing (escapes do not stop it).
_AUTOLINK = re.compile(r"(?i)(?<=www)(?=\.)|(?<=:)(?=//)|(?<=@)(?=[\w-])")


def strip_control(text: str, keep_newlines: bool = True) -> str:
    """Remove control/format characters (NUL, ESC, bidi overrides …); keep \\n (and \\t → space)."""
    out = []
    for ch in str(text):
        if ch == "\n" and keep_newlines:
            out.append(ch)
        elif ch in "\t\r\x0b\x0c":
            out.append("\n" if (ch == "\r" and keep_newlines) else " ")
        elif unicodedata.category(ch) in {"Cc", "Cf", "Cs", "Co", "Cn"} and ch not in "\u200b\u200c\u200d":
            continue
        else:
            out.append(ch)
    return "".join(out).replace("\r\n", "\n")


def _escape_line(line: str) -> str:
    line = _SHORTCODE.sub(":" + _ZWSP, line)
    line = _AUTOLINK.sub(_ZWSP, line)
    return "".join("\\" + ch if ch in _ASCII_PUNCT else ch for ch in line)


def md_escape(text: str | None, multiline: bool = True) -> str:
    """Markdown that renders as exactly `text` (as plain, literal text).

    Line breaks become hard breaks; leading ASCII spaces are dropped (they would start a code
    block). With `multiline=False` (labels, table cells) newlines become spaces.
    """
    text = strip_control(text or "")
    if not multiline:
        return _escape_line(" ".join(text.split()))
    lines = [_escape_line(line.strip(" ")) for line in text.split("\n")]
    return "  \n".join(lines)


HIGHLIGHT = "orange-background"
STYLES = {"orange-background", "red-background", "green-background", "blue-background", "gray-background"}


def render_segments(segments: Iterable[tuple[str, str | None]]) -> str:
    """Markdown for a sequence of (text, style) pieces; style is None or one of STYLES.

    Every piece is escaped; styled pieces are wrapped as :style[...] line by line (Streamlit's
    coloured backgrounds), so the text can never open or close markup itself.
    """
    lines: list[list[str]] = [[]]
    for piece, style in segments:
        if style is not None and style not in STYLES:
            raise ValueError(f"unknown style {style}")
        for n, part in enumerate(strip_control(piece or "").split("\n")):
            if n:
                lines.append([])
            if not part:
                continue
            if not lines[-1]:
                part = part.lstrip(" ")
            esc = _escape_line(part)
            lines[-1].append(f":{style}[{esc}]" if style and esc.strip() else esc)
    return "  \n".join("".join(parts).rstrip(" ") for parts in lines)


# ---------------------------------------------------------------------------- highlighting
_SENT_SPLIT = re.compile(r"(?<=[。；;！!？?\n])|…+|\.\.\.+")


def find_quote_spans(text: str, quote: str) -> list[tuple[int, int]]:
    """Character spans of `text` covered by `quote`.

    Exact match first; otherwise whitespace-insensitive matching of the quote as a whole and
    then sentence by sentence (quotes may skip sentences or be joined with "…").
    """
    text = text or ""
    q = (quote or "").strip()
    if not q or not text:
        return []
    i = text.find(q)
    if i >= 0:
        return [(i, i + len(q))]
    positions = [j for j, ch in enumerate(text) if not ch.isspace()]
    compact = "".join(text[j] for j in positions)

    def locate(piece: str) -> tuple[int, int] | None:
        p = "".join(piece.split())
        if len(p) < 2:
            return None
        k = compact.find(p)
        if k < 0:
            return None
        return positions[k], positions[k + len(p) - 1] + 1

    whole = locate(q)
    if whole:
        return [whole]
    spans = []
    for piece in _SENT_SPLIT.split(q):
        piece = piece.strip()
        if len("".join(piece.split())) < 4:
            continue
        span = locate(piece)
        if span:
            spans.append(span)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def highlight_passage(text: str, quote: str) -> str:
    """Markdown of `text` (escaped) with the parts matching `quote` highlighted.

    Every piece of document text goes through `md_escape`; the highlight markup is added
    around escaped pieces line by line, so neither the text nor the quote can break out.
    """
    text = strip_control(text or "")
    spans = find_quote_spans(text, strip_control(quote or ""))
    pieces: list[tuple[str, str | None]] = []
    pos = 0
    for s, e in spans:
        if s > pos:
            pieces.append((text[pos:s], None))
        pieces.append((text[s:e], HIGHLIGHT))
        pos = e
    if pos < len(text):
        pieces.append((text[pos:], None))
    return render_segments(pieces)


def render_ops(ops: Sequence[Mapping[str, str]], side: str = "both", context: int | None = None) -> str:
    """Markdown of a kb.diff word-level edit script: deletions red, insertions green.

    side="both" shows old and new text inline; "a"/"b" only one side. With `context`, long
    unchanged runs are shortened to that many characters on each side of an edit.
    """
    segs: list[tuple[str, str | None]] = []
    for k, op in enumerate(ops):
        kind, a, b = op.get("op", "equal"), op.get("a", ""), op.get("b", "")
        if kind == "equal":
            t = b if side == "b" else a
            if context is not None and len(t) > 2 * context + 1:
                head = "" if k == 0 else t[:context]
                tail = "" if k == len(ops) - 1 else t[-context:]
                t = f"{head}…{tail}"
            segs.append((t, None))
            continue
        if a and side in ("both", "a"):
            segs.append((a, "red-background"))
        if b and side in ("both", "b"):
            segs.append((b, "green-background"))
    return render_segments(segs)


# ---------------------------------------------------------------------------- articles
def article_text(hit: SearchHit, chunks: Sequence[SearchHit]) -> str:
    """The whole article/section `hit` belongs to: the run of chunks sharing its locator.

    Chunks of one long article are consecutive; only the run around the hit is joined (a
    locator such as "header" may recur elsewhere). Falls back to the hit's own text.
    """
    ordered = sorted(chunks, key=lambda c: c.chunk_index)
    pos = next((i for i, c in enumerate(ordered) if c.chunk_index == hit.chunk_index), None)
    if pos is None or not hit.locator or ordered[pos].locator != hit.locator:
        return hit.text
    start = pos
    while start > 0 and ordered[start - 1].locator == hit.locator:
        start -= 1
    end = pos
    while end + 1 < len(ordered) and ordered[end + 1].locator == hit.locator:
        end += 1
    joined = join_chunks([c.text or "" for c in ordered[start : end + 1] if (c.text or "").strip()])
    return joined.strip("\n") or hit.text


LOCATOR_LABELS = {"header": "文首", "preamble": "序言", "title": "标题"}


def locator_label(locator: str) -> str:
    return LOCATOR_LABELS.get(locator or "", locator or "")


def page_label(start: int | None, end: int | None) -> str:
    if not start:
        return ""
    if end and end != start:
        return f"第{start}–{end}页"
    return f"第{start}页"
