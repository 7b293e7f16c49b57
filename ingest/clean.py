"""Turn a `LoadedDoc` into one clean string with page offsets: `clean_document`.

Three jobs, in order:

1. `normalize_spaces` per line: full-width/NBSP spaces, stray spaces between CJK characters
   and between CJK and digits (`2016 年 6 月` → `2016年6月`); spaces between Latin words and
   in codes like `GB/T 36132-2018` stay. No other character is ever changed.
2. `strip_page_furniture` (paged sources only, ingest.page_furniture): running headers/footers
   and page numbers.
3. `join_lines`: rejoin lines that a PDF (or a text dump of one) broke inside a sentence;
   a line break survives only where a paragraph plausibly ends or a structural unit
   (第X章/条, 一、, （一）, 1.1 …) begins.

Only whitespace and page furniture are ever removed: every other character of the input
is in the output, in order (see the property tests).
"""
from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

from ingest.official import ADDRESSEE_RE, COPY_RE, ORG_LINE_RE, full_date, is_number_line, month_date
from ingest.page_furniture import strip_page_furniture
from ingest.tables import align_rows, is_row
from ingest.types import CleanText, LoadedDoc
from kb.text.grammar import (
    ANNEX_LABEL,
    ANNEX_RE,
    ARTICLE_ALONE_RE,
    ARTICLE_HEADING_RE,
    ARTICLE_NO,
    BULLET_RE,
    CAPTION_LABEL,
    CAPTION_RE,
    COLUMN_BOX_RE,
    DATE_LABEL,
    ITEM_START_RE,
    LEGAL_HEADING_GLUED_RE,
    LEAD,
    LEGAL_LABEL,
    LEGAL_HEADING_START_RE,
    PAPER_PARTS,
    SECTION_NO,
    SUPPLEMENTARY_RE,
    TOC_WORD,
    numbered_section,
    starts_with_quantity,
)

# --------------------------------------------------------------------------- characters

# Every horizontal space we fold into " " (tab, NBSP, U+3000 ideographic space, thin spaces…).
_HSPACE_RE = re.compile(r"[^\S\n]+")
# Characters that Chinese typesetting runs together without spaces: ideographs, CJK and
# full-width punctuation, curly quotes, em dash, ellipsis.
_TIGHT_RANGES = (
    ("\u2e80", "\u2fdf"),
    ("\u3001", "\u303f"),
    ("\u3040", "\u30ff"),
    ("\u3400", "\u4dbf"),
    ("\u4e00", "\u9fff"),
    ("\uf900", "\ufaff"),
    ("\ufe30", "\ufe4f"),
    ("\uff01", "\uff60"),
    ("\uffe0", "\uffe6"),
    ("\U00020000", "\U0003134f"),
)
_TIGHT_EXTRA = frozenset("“”‘’—…·")
_NUMERIC = frozenset("0123456789%‰")


def is_tight(ch: str) -> bool:
    """True for CJK characters and punctuation that take no surrounding spaces."""
    if ch in _TIGHT_EXTRA:
        return True
    return any(lo <= ch <= hi for lo, hi in _TIGHT_RANGES)


# --------------------------------------------------------------------------- spacing

# A leading structural marker keeps one space after it: "第一条 为了…", "1.1 绿色…",
# and so does a leading full date: "2004年5月30日 国务院令…".
_WORD_MARKER_RE = re.compile(rf"{LEGAL_LABEL}|{ARTICLE_NO}|{DATE_LABEL}|{CAPTION_LABEL}|{ANNEX_LABEL}")


def _keeps_marker_space(head: str, right: str) -> bool:
    """Is `head` (line start, spaces removed) a marker whose following space is meaningful?"""
    if _WORD_MARKER_RE.fullmatch(head):
        return True
    return bool(re.fullmatch(SECTION_NO, head)) and not starts_with_quantity(right) and not right.isdigit()


def normalize_spaces(line: str) -> str:
    """Fold all horizontal whitespace to single spaces and drop the ones CJK text does not use.

    A space is removed between two CJK characters, and between CJK and a number. One space
    is kept after a leading structural marker (第一条, 1.1) or a leading full date
    (2004年5月30日 国务院令…), where it separates a heading from its text.
    """
    line = _HSPACE_RE.sub(" ", line).strip()
    if " " not in line:
        return line
    out: list[str] = []
    head: str | None = ""  # output so far, tracked only while it is short enough to be a marker
    pos = 0
    for match in re.finditer(" +", line):
        piece = line[pos : match.start()]
        out.append(piece)
        if head is not None:
            head += piece
        left, right = line[match.start() - 1], line[match.end()]
        if head is not None and len(head) <= 12 and _keeps_marker_space(head, right):
            out.append(" ")
        elif not _drop_space(left, right):
            out.append(" ")
        if head is not None and len(head) > 12:
            head = None  # past any marker: stop tracking (keeps long lines linear)
        pos = match.end()
    out.append(line[pos:])
    return "".join(out)


def space_heading_marker(line: str) -> str:
    """"第一章总则" → "第一章 总则": PDFs often drop the gap inside a chapter heading.

    Only on short lines without punctuation, so a wrapped sentence that happens to start
    with a reference like "第二章规定的…" is never touched.
    """
    if len(line) <= 30 and not _ANY_PUNCT_RE.search(line):
        return LEGAL_HEADING_GLUED_RE.sub(r"\1 ", line, count=1)
    return line


def _drop_space(left: str, right: str) -> bool:
    """True when the space between `left` and `right` is typesetting noise."""
    if is_tight(left):
        return is_tight(right) or right in _NUMERIC
    return left in _NUMERIC and is_tight(right)


# --------------------------------------------------------------------------- structure cues

_PAPER_PART = rf"(?i){LEAD}(?:{PAPER_PARTS}|{TOC_WORD})"
# "Abstract: …", "关键词：…" open a new line; only the bare word ("引言") is a heading.
_PAPER_PART_START_RE = re.compile(_PAPER_PART + r"(?:[\s:：]|$)")
_PAPER_PART_ALONE_RE = re.compile(_PAPER_PART + r"[\s:：]*$")
_SENTENCE_PUNCT_RE = re.compile(r"[，。；！？,;!?]|\.(?:\s|$)")
_ANY_PUNCT_RE = re.compile(r"[，。、；：！？,;:!?“”‘’\"《》（）()【】\[\]]")
_PARAGRAPH_END = frozenset("。！？；：!?;:…")
_CLOSERS = frozenset("”’」』）)】》〕\"'")
_DATE_START_RE = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月")
_EVENT_END_RE = re.compile(r"(?:公布|通过|修订|修正|施行|发布|印发|批准|决定|[）)])$")
_HEADING_MAX = 40  # a heading (with its wrapped continuation) is at most this long
_CONTINUATION_MAX = 36


def _is_section_heading(line: str) -> bool:
    if (
        LEGAL_HEADING_START_RE.match(line) or ANNEX_RE.match(line) or SUPPLEMENTARY_RE.match(line)
        or CAPTION_RE.match(line) or _PAPER_PART_ALONE_RE.match(line)
    ):
        return True
    # "1.1 绿色制造" always; a bare "2 新时代…" only on a short line without sentence punctuation
    section = numbered_section(line)
    return section is not None and (len(section[0]) > 1 or _heading_shaped(line))


def _is_list_item(line: str) -> bool:
    return bool(ITEM_START_RE.match(line) or BULLET_RE.match(line))


def starts_structural_unit(line: str) -> bool:
    """True when `line` opens a unit that must start its own line (第X条, 一、, 1.1 …)."""
    line = line.strip()
    return (
        bool(ARTICLE_HEADING_RE.match(line) or _PAPER_PART_START_RE.match(line))
        or _is_section_heading(line)
        or _is_list_item(line)
    )


def _heading_shaped(text: str) -> bool:
    """Short and without sentence punctuation, as headings are."""
    return _visible_len(text) <= _HEADING_MAX and not _SENTENCE_PUNCT_RE.search(text)


def ends_paragraph(line: str) -> bool:
    """True when `line` ends with sentence-final punctuation (possibly inside a closing quote)."""
    line = line.rstrip()
    if not line:
        return True
    if line[-1] in _PARAGRAPH_END:
        return True
    return line[-1] in _CLOSERS and len(line) >= 2 and line[-2] in _PARAGRAPH_END


def _visible_len(text: str) -> int:
    return len(text) - text.count(" ")


# --------------------------------------------------------------------------- joining


@dataclass
class SourceLine:
    """One non-blank input line, the page it came from and whether a blank line preceded it."""

    text: str
    page: int  # 0-based
    blank_before: bool = False


@dataclass
class _Paragraph:
    """The paragraph being built while joining: enough state for the next decision."""

    text: str
    last_line: str
    heading: bool  # a heading line: only a wrapped continuation may join it


def source_lines(pages: list[list[str]]) -> list[SourceLine]:
    """Flatten pages into non-blank `SourceLine`s, remembering blank lines before each."""
    out: list[SourceLine] = []
    for page_no, lines in enumerate(pages):
        blank = False
        for line in lines:
            if line.strip():
                out.append(SourceLine(line.strip(), page_no, blank))
                blank = False
            else:
                blank = True
    return out


def join_lines(lines: list[SourceLine], n_pages: int, mode: str = "reflow") -> tuple[str, list[int]]:
    """Join lines into text; return (text, page_starts) with one start offset per page.

    mode "reflow": PDF-like text, blank lines carry no meaning; "blocks": like reflow but a
    blank line always ends a paragraph (Markdown); "keep": every line is a paragraph
    (DOCX, HTML). A page's start is the offset of the first character taken from it.
    """
    median = _median_len(lines)
    parts: list[str] = []
    length = 0
    starts: list[int | None] = [None] * n_pages
    par: _Paragraph | None = None
    for i, line in enumerate(lines):
        sep = "" if par is None else _separator(par, line, mode)
        if par is not None and sep != "\n" and _signs_off(line.text, lines[i + 1].text if i + 1 < len(lines) else ""):
            sep = "\n"  # an issuer's name right above a date: the 落款 starts here
        parts.append(sep)
        length += len(sep)
        if starts[line.page] is None:
            starts[line.page] = length
        parts.append(line.text)
        length += len(line.text)
        par = _advance(par, sep, line.text, lines[i + 1].text if i + 1 < len(lines) else "", median)
    return "".join(parts), _fill_starts(starts, length)


def _advance(par: _Paragraph | None, sep: str, line: str, next_line: str, median: float) -> _Paragraph:
    """Paragraph state after appending `line` with separator `sep`."""
    if par is None or sep == "\n":
        return _Paragraph(line, line, _opens_heading(line, next_line, median))
    # Only a heading's text is read later (and headings stay short); accumulating the text of
    # body paragraphs would copy it once per line: quadratic on a file of 10^6 short lines.
    return _Paragraph(par.text + sep + line if par.heading else line, line, par.heading)


def _opens_heading(line: str, next_line: str, median: float) -> bool:
    """Is this paragraph's first line a heading (so the following text starts a new line)?"""
    if ARTICLE_ALONE_RE.match(line):
        return True
    if ARTICLE_HEADING_RE.match(line):
        return False  # an article is body text, however short
    if not _heading_shaped(line):
        return False
    if _is_section_heading(line):
        return True
    size = _visible_len(line)
    # list items and plain lines: a heading only when clearly shorter than the text around it
    short = size <= 25 and size < 0.7 * max(median, _visible_len(next_line))
    if _is_list_item(line):
        return short
    return short and (size < 0.7 * _visible_len(next_line) or bool(_DATE_START_RE.match(next_line))
                      or next_line[:1] in "（(")


def _separator(par: _Paragraph, line: SourceLine, mode: str) -> str:
    """"\\n" to keep a line break before `line`, else "" or " " to join it to `par`."""
    text = line.text
    if mode == "keep" or (mode == "blocks" and line.blank_before):
        return "\n"
    if starts_structural_unit(text) or stands_alone(text) or stands_alone(par.last_line):
        return "\n"
    if par.heading:
        if ARTICLE_ALONE_RE.match(par.text):
            return " "  # "第一条" alone on a line: its text follows
        return _join_space(par.text, text) if _continues_heading(par, text) else "\n"
    if ends_paragraph(par.last_line):
        return "\n"
    if _DATE_START_RE.match(text) and _EVENT_END_RE.search(par.last_line):
        return "\n"  # promulgation/amendment lines of a law's header, one per line
    return _join_space(par.last_line, text)


def stands_alone(line: str) -> bool:
    """Lines of an official document that are never part of a paragraph: a table row, a 文号
    line, a date alone (落款, cover), a 版记 line (抄送：…), a 专栏 title."""
    return (
        is_row(line) or is_number_line(line) or bool(ADDRESSEE_RE.match(line)) or bool(_TOC_ENTRY_END_RE.search(line)) or bool(full_date(line)) or bool(month_date(line))
        or bool(COPY_RE.match(line)) or bool(COLUMN_BOX_RE.match(line)) and len(line) <= 40
    )


def _signs_off(line: str, next_line: str) -> bool:
    flat = line.replace(" ", "")
    return len(flat) <= 60 and bool(ORG_LINE_RE.match(flat)) and bool(full_date(next_line) or month_date(next_line))


def _continues_heading(par: _Paragraph, text: str) -> bool:
    """A heading wrapped onto `text`: short, no punctuation, no longer than the line it continues."""
    return (
        not _ANY_PUNCT_RE.search(text)
        and _visible_len(text) <= _visible_len(par.last_line)
        and _visible_len(par.text) + _visible_len(text) <= _CONTINUATION_MAX
    )


_TOC_ENTRY_END_RE = re.compile(r"[·.．…]{3,}\s*\d{1,4}$")  # a table-of-contents entry: leader, page
_CJK_BEFORE_DIGITS_RE = re.compile(r"[\u4e00-\u9fff]\d+$")


def _join_space(left: str, right: str) -> str:
    """Separator for a soft line break: a space between Latin words, else nothing."""
    a, b = left[-1:], right[:1]
    if not a or not b or is_tight(a) or is_tight(b):
        return ""
    if a == "-":
        return ""  # "36132-" + "2018": a hyphen at the break belongs to the code or word
    if a.isdigit() and b.isdigit() and _CJK_BEFORE_DIGITS_RE.search(left):
        return ""  # "较202" + "0年": a number of Chinese text wrapped at the line end
    return " " if (a.isalnum() or a in ",.;:)]!?%") and (b.isalnum() or b in "([") else ""


def move_captions(lines: list[SourceLine], max_span: int = 60) -> list[SourceLine]:
    """Move a figure/table caption that interrupts a sentence to the end of that paragraph.

    Two-column PDFs put "图1 …" between the two halves of a sentence ("…石化、化" / 图1 … /
    "工、有色…"); moving the caption past the paragraph's end (same page only, so page
    offsets stay right) lets the sentence read through. Nothing else is reordered.
    """
    out = list(lines)
    i = 1
    while i < len(out) - 1:
        line = out[i]
        if CAPTION_RE.match(line.text) and _interrupts_sentence(out[i - 1], out[i + 1]):
            end = _paragraph_end(out, i + 1, line.page, max_span)
            if end is not None:
                # = out.insert(end - 1, out.pop(i)), rotating only the window, not the whole tail
                out[i:end] = out[i + 1 : end] + [out[i]]
                continue  # the line now at i is the sentence's continuation
        i += 1
    return out


def _interrupts_sentence(before: SourceLine, after: SourceLine) -> bool:
    return (
        before.page == after.page
        and not ends_paragraph(before.text)
        and not starts_structural_unit(after.text)
        and not CAPTION_RE.match(before.text)
    )


def _paragraph_end(lines: list[SourceLine], start: int, page: int, max_span: int) -> int | None:
    """Index just after the line ending the paragraph that continues at `start`, on `page`."""
    for j in range(start, min(len(lines), start + max_span)):
        if lines[j].page != page:
            return None
        if j > start and (starts_structural_unit(lines[j].text) or CAPTION_RE.match(lines[j].text)):
            return j
        if ends_paragraph(lines[j].text):
            return j + 1
    return None


def _median_len(lines: list[SourceLine]) -> float:
    sizes = [_visible_len(ln.text) for ln in lines if _visible_len(ln.text) >= 5]
    return float(statistics.median(sizes)) if sizes else 0.0


def _fill_starts(starts: list[int | None], length: int) -> list[int]:
    """Pages that contributed no text start where the next page starts (or at the end)."""
    filled: list[int] = []
    nxt = length
    for start in reversed(starts):
        nxt = start if start is not None else nxt
        filled.append(nxt)
    filled.reverse()
    if filled:
        filled[0] = 0
    return filled


# --------------------------------------------------------------------------- entry point

_JOIN_MODES = {"pdf": "reflow", "txt": "reflow", "md": "blocks", "docx": "keep", "html": "keep"}


# Articles run together on one line, as a flattened web page gives them (…制定本规则。 第二条 凡…):
# each starts a line of its own, so that structure reads it as an article.
_RUN_TOGETHER_ARTICLE = re.compile(r"(?<=[。；])[ \t\u3000]+(?=第[零〇一二三四五六七八九十百千]+条(?:之[一二三四五六七八九十]+)?[ \t\u3000])")


def split_page_lines(page: str, aligned_tables: bool = False) -> list[str]:
    """Lines of one page with all line-ending styles (\\r\\n, \\r, U+2028 …) honoured.

    `aligned_tables`: plain text, whose tab- or space-aligned tables become ' | ' rows before
    the spacing is folded."""
    lines = [part for line in page.splitlines() for part in _RUN_TOGETHER_ARTICLE.split(line)]
    if aligned_tables:
        lines = align_rows(lines)
    return [space_heading_marker(normalize_spaces(line)) for line in lines]


def clean_document(loaded: LoadedDoc) -> CleanText:
    """Clean a loaded document: spacing, page furniture, rejoined lines, page offsets."""
    aligned = loaded.source_format in ("txt", "md")
    pages = [split_page_lines(page, aligned) for page in loaded.pages]
    if loaded.paged:
        pages, _removed = strip_page_furniture(pages)
    mode = _JOIN_MODES.get(loaded.source_format, "reflow")
    lines = source_lines(pages)
    if mode == "reflow":
        lines = move_captions(lines)
    text, starts = join_lines(lines, len(pages), mode)
    return CleanText(
        text=text,
        page_starts=starts if loaded.paged else None,
        ocr_pages=list(loaded.ocr_pages),
    )
