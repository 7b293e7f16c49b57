"""Find the structure of a cleaned document: header, 编/章/节/条, outlines, numbered sections.

`parse(clean)` walks the text line by line and returns `Section`s that tile the text
exactly (every char belongs to one section, in order). Three heading families are known:

* legal units: 第X编 / 第X章 / 第X节 headings and 第X条 articles (款 and （一）项 stay
  inside their article);
* outlines of notices and plans: 一、 > （一） > 1. > （1）;
* numbered sections of papers and standards: 1 / 1.1 / 1.1.1, plus named sections
  (引言, 结论, 参考文献, Abstract …).

Candidates are accepted only when their numbering continues the sequence seen so far;
that one rule removes most false positives ("2016 年以来…", "3 万元", a 第三条 quoted at
the start of a paragraph, a table of contents). Text before the first unit becomes the
"header" (laws, short preambles) or numbered paragraphs; unstructured text becomes
paragraphs "¶N", so nothing is ever dropped.

The patterns come from kb.text.grammar; the line readers (ingest.heading_lines: legal_heading,
article_line, annex_heading, outline_line, numbered_heading, named_heading) add a heading's
rules (a heading's name is short, ① items stay in their parent) and say what a line could be;
the walk in `parse` decides by the numbering sequence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.heading_lines import (
    SENTENCE_END,
    annex_heading,
    article_line,
    cjk_name,
    legal_heading,
    looks_like_heading_text,
    named_heading,
    numbered_heading,
    outline_heading,
    outline_line,
    squash,
)
from ingest.official import Layout, opens_enclosed, read_layout
from ingest.tables import is_row
from ingest.types import CleanText, Section
from kb.text.grammar import COLUMN_BOX_RE, ORDER_NUMBER_RE, TOC_RE, TOC_WORD, article_label, number
from kb.text.numerals import int_to_cn

# Ranks order the heading families in one outline stack (lower = higher up).
RANK_PART, RANK_CHAPTER, RANK_DIVISION = 0, 1, 2
RANK_OUTLINE = 10  # + level 0..3
RANK_NUMBERED = 20  # + depth 1..4; named sections sit at depth 1
LEGAL_KIND = {"编": "part", "章": "chapter", "节": "division"}
LEGAL_RANK = {"编": RANK_PART, "章": RANK_CHAPTER, "节": RANK_DIVISION}
# Pre-structure text up to this size is one "header" even outside laws (title, issuer,
# doc number, date); longer text is cut into paragraphs.
MAX_PLAIN_HEADER = 600


@dataclass
class _Line:
    start: int  # offset of the first char of the line
    end: int  # offset just past the line's newline (or end of text)
    text: str  # without the newline


@dataclass
class _Open:
    """A heading currently open in the outline stack."""

    rank: int
    heading: str
    locator_part: str  # for outlines: "一、", "（二）"… ; else the full locator


def _lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        out.append(_Line(pos, pos + len(raw), raw.rstrip("\r\n")))
        pos += len(raw)
    return out


def _next_numbered_ok(prev: tuple[int, ...] | None, cur: tuple[int, ...]) -> bool:
    """1 -> 1.1 -> 1.2 -> 2 -> 2.1 …: cur must be a child, sibling or ancestor's sibling of prev."""
    if prev is None:
        return cur in ((0,), (1,))
    if cur == prev + (1,):
        return True
    for k in range(len(prev), 0, -1):
        if cur == prev[: k - 1] + (prev[k - 1] + 1,):
            return True
    return False


def _toc_entry(text: str) -> bool:
    """A line of a table of contents: a heading, or text ending in a page number or leader."""
    t = text.strip()
    return bool(re.search(r"[\d·.．…]$", t) or legal_heading(t) or outline_line(t) or annex_heading(t)
                or numbered_heading(t) or not t)


def _find_toc(lines: list[_Line]) -> set[int]:
    """Indices of lines that belong to a table of contents, to be kept out of the outline.

    A TOC is either introduced by a 目录 line, or is a run of 章/节 heading lines before
    the first article; in both cases its first entry reappears later where the body starts.
    """
    toc: set[int] = set()
    first_article = next((i for i, ln in enumerate(lines) if article_line(ln.text)), len(lines))

    def key(text: str) -> str:
        # Compare entries without spacing and trailing page numbers ("第一章 总则 …… 1").
        return re.sub(r"[\s\u3000.．…·\-—_0-9]+$", "", re.sub(r"[\s\u3000]+", "", text.lstrip("#")))

    for i, ln in enumerate(lines[:first_article]):
        if not TOC_RE.match(ln.text):
            continue
        entries = [j for j in range(i + 1, len(lines)) if lines[j].text.strip()]
        if not entries:
            break
        first_key = key(lines[entries[0]].text)
        for j in entries[1:]:
            if key(lines[j].text) == first_key:
                end = j
                while end - 1 > i and not _toc_entry(lines[end - 1].text):
                    end -= 1  # an introduction between the TOC and the body is not part of it
                toc.update(range(i, end))
                return toc
        break
    # No 目录 line: 章 headings before the first article that are repeated later.
    legal_before = [
        i for i in range(first_article)
        if legal_heading(lines[i].text) is not None
    ]
    if len(legal_before) >= 2:
        first = legal_heading(lines[legal_before[0]].text)
        for j in range(legal_before[-1] + 1, len(lines)):
            if legal_heading(lines[j].text) == first:
                toc.update(range(legal_before[0], j))
                break
    return toc


ENGLISH_TITLE_LINES = 4  # how many Latin-only lines above an Abstract are taken as its title
_CJK = re.compile(r"[\u4e00-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]{3,}")


@dataclass
class _Unit:
    """A recognised heading line: where a new section starts."""

    line: int
    kind: str
    locator: str
    heading: str
    rank: int  # outline stack rank; articles / annexes use their own rules
    locator_part: str = ""


class _Parser:
    def __init__(self, lines: list[_Line], layout: Layout | None = None) -> None:
        self.lines = lines
        self.toc = _find_toc(lines)
        self.toc_end = max(self.toc) if self.toc else -1
        layout = layout or Layout()
        self.layout = layout
        self.signoff = layout.signoff
        self.furniture = layout.furniture
        self.stack: list[_Open] = []
        self.prev_article: tuple[int, int] | None = None
        self.prev_legal: dict[str, int] = {}
        self.prev_numbered: tuple[int, ...] | None = None
        self.outline_counts: list[int] = [0, 0, 0, 0]
        self.seen_article = False
        self.in_annex = False
        self.in_refs = False
        self.any_unit = False
        self.units: list[tuple[_Unit, list[str], int]] = []  # unit, heading_path, level

    # -- candidate checks, each updating its own sequence state when accepted -----------
    def try_legal(self, i: int) -> _Unit | None:
        h = legal_heading(self.lines[i].text)
        if h is None or i in self.toc:
            return None
        unit, n, name = h
        prev = self.prev_legal.get(unit, 0)
        if n <= prev and not (unit == "节" and n == 1):
            return None
        if n > prev + 3 and not (unit == "节" and n == 1):
            return None
        if not name:
            name = self._name_on_next_line(i)
        self.prev_legal[unit] = n
        if unit == "章":
            self.prev_legal["节"] = 0
        if unit == "编":
            self.prev_legal["节"] = 0
        loc = f"第{int_to_cn(n)}{unit}"
        heading = f"{loc} {name}" if name else loc
        return _Unit(i, LEGAL_KIND[unit], loc, heading, LEGAL_RANK[unit])

    def _name_on_next_line(self, i: int) -> str:
        """"第一章" alone on its line, "总则" on the next: the name is the next short line."""
        for j in range(i + 1, min(i + 3, len(self.lines))):
            t = self.lines[j].text.strip()
            if not t:
                continue
            if (
                looks_like_heading_text(t) and len(t) <= 20
                and not article_line(t) and not legal_heading(t)
            ):
                return cjk_name(t)
            return ""
        return ""

    def try_article(self, i: int) -> _Unit | None:
        a = article_line(self.lines[i].text)
        if a is None or i in self.toc:
            return None
        n, sub, spaced = a
        prev_n, prev_sub = self.prev_article or (0, 0)
        if sub:
            ok = n == prev_n and sub == prev_sub + 1 or n == prev_n + 1 and spaced
        else:
            # A gap is tolerated only for a clear heading (第X条 + space), so that a
            # paragraph starting "第三条规定的…" is not taken for an article; an excerpt of a
            # law may start at any article (第二十一条 …, a chapter pasted alone).
            ok = n == prev_n + 1 or (n > prev_n and spaced and (n - prev_n <= 20 or self.prev_article is None))
        if not ok:
            return None
        self.prev_article = (n, sub)
        self.seen_article = True
        loc = article_label(n, sub)
        return _Unit(i, "article", loc, loc, 99)

    def try_annex(self, i: int) -> _Unit | None:
        if not self.any_unit:
            # 附件 before any structure is part of the header/preamble list of attachments.
            return None
        if self.signoff and self.lines[i].start < self.signoff[1]:
            return None  # 附件说明 (附件：…) above the 落款 lists the annexes, it does not start one
        a = annex_heading(self.lines[i].text)
        if a is None:
            return self._enclosed_after_signoff(i)
        self._enter_annex()
        heading = a[1]
        if heading == a[0]:  # "附件1" alone: the annex's own title is the next line
            title = self._annex_title(i)
            heading = f"{a[0]} {title}" if title else heading
        return _Unit(i, "annex", a[0], heading, -1)

    def _enter_annex(self) -> None:
        self.in_annex = True
        # Attached documents number their articles from 第一条 again, and their outline too.
        self.prev_article = None
        self.prev_legal = {}
        self.seen_article = False
        self.outline_counts = [0, 0, 0, 0]
        self.prev_numbered = None

    def _enclosed_after_signoff(self, i: int) -> _Unit | None:
        """The document a cover notice 印发, printed right after the 落款 without an 附件 line:
        it is the notice's attachment all the same (its numbering starts again)."""
        if self.in_annex or not self.signoff or i == 0 or self.lines[i - 1].start > self.signoff[1]:
            return None  # only the line just after the 落款 can open it
        if not opens_enclosed(self.lines[i].text, self.layout):
            return None
        self._enter_annex()
        return _Unit(i, "annex", "附件", f"附件 {squash(self.layout.enclosed_title)}", -1)

    def _annex_title(self, i: int) -> str:
        for j in range(i + 1, min(i + 3, len(self.lines))):
            t = self.lines[j].text.strip()
            if not t:
                continue
            if len(t) <= 60 and t[-1] not in SENTENCE_END and outline_line(t) is None and not article_line(t):
                return squash(t)
            return ""
        return ""

    def try_layout(self, i: int) -> _Unit | None:
        """落款 and 版记 of an official document (ingest.official), each its own unit."""
        start = self.lines[i].start
        if self.signoff and start == self.signoff[0]:
            return _Unit(i, "signoff", "落款", "落款", -1)
        if self.furniture and start == self.furniture[0]:
            return _Unit(i, "furniture", "版记", "版记", -1)
        return None

    def inside_layout(self, i: int) -> bool:
        start = self.lines[i].start
        return any(span and span[0] < start < span[1] for span in (self.signoff, self.furniture))

    def try_box(self, i: int) -> _Unit | None:
        """专栏N …: a plan's box, its own section under the current outline item."""
        m = COLUMN_BOX_RE.match(self.lines[i].text)
        if not m or not m.group(1) or len(self.lines[i].text.strip()) > 50:
            return None
        n = number(m.group(1))
        return _Unit(i, "box", f"专栏{n}", squash(self.lines[i].text), 99)

    def try_outline(self, i: int) -> _Unit | None:
        o = outline_line(self.lines[i].text)
        if o is None:
            return None
        level, n, marker, rest = o
        if n != self.outline_counts[level] + 1:
            return None
        self.outline_counts[level] = n
        for deeper in range(level + 1, 4):
            self.outline_counts[deeper] = 0
        return _Unit(i, "section", "", outline_heading(marker, rest), RANK_OUTLINE + level, marker)

    def try_numbered(self, i: int) -> _Unit | None:
        nb = numbered_heading(self.lines[i].text)
        if nb is None:
            return None
        num, name = nb
        if not _next_numbered_ok(self.prev_numbered, num):
            return None
        self.prev_numbered = num
        loc = ".".join(map(str, num))
        return _Unit(i, "section", loc, f"{loc} {name}", RANK_NUMBERED + len(num))

    def try_named(self, i: int) -> _Unit | None:
        nm = named_heading(self.lines[i].text)
        if nm is None:
            return None
        name, heading = nm
        self.in_refs = name in ("参考文献", "References", "REFERENCES")
        return _Unit(self._english_title_start(i) if name in ("Abstract", "ABSTRACT") else i,
                     "section", name, heading, RANK_NUMBERED + 1)

    def _english_title_start(self, i: int) -> int:
        """A paper's English title stands on the lines right above its Abstract: it belongs to
        that section, not to the end of the Chinese section before it (where its English words
        would draw every English question to that section)."""
        floor = self.units[-1][0].line if self.units else -1
        j = i
        while j - 1 > floor and i - (j - 1) <= ENGLISH_TITLE_LINES:
            t = self.lines[j - 1].text.strip()
            if not t or _CJK.search(t) or not _LATIN.search(t):
                break
            j -= 1
        return j

    # -- the walk ------------------------------------------------------------------------
    def classify(self, i: int) -> _Unit | None:
        text = self.lines[i].text
        if not text.strip():
            return None
        if i in self.toc:
            # A law's TOC (第X章 entries) stays in its header; a plan's is a section of its own.
            own = i == min(self.toc) and not any(legal_heading(self.lines[j].text) for j in self.toc)
            return _Unit(i, "toc", "目录", squash(text), -1) if own else None
        if self.toc and i == self.toc_end + 1 and not self._is_unit_line(i) and self.units and self.units[-1][0].kind == "toc":
            return _Unit(i, "preamble", "前言", "前言", -1)  # text between the TOC and the first heading
        unit = self.try_layout(i)
        if unit or self.inside_layout(i):
            return unit
        if is_row(text):
            return None  # a table row ("1 | 示例甲…") is never a heading
        unit = self.try_legal(i) or self.try_article(i) or self.try_annex(i)
        if unit:
            return unit
        if self.seen_article:
            # Inside articles, （一） are 项 and 1. are sub-items: they belong to the article.
            return None
        box = self.try_box(i)
        if box:
            return box
        if self.in_refs:
            return self.try_named(i)
        return self.try_numbered(i) or self.try_named(i) or self.try_outline(i)

    def _is_unit_line(self, i: int) -> bool:
        t = self.lines[i].text
        return bool(legal_heading(t) or article_line(t) or outline_line(t) or numbered_heading(t) or annex_heading(t))

    def run(self) -> None:
        for i in range(len(self.lines)):
            unit = self.classify(i)
            if unit is None:
                continue
            self.any_unit = True
            self.units.append(self._place(unit))

    def _place(self, unit: _Unit) -> tuple[_Unit, list[str], int]:
        """Put a unit in the outline stack; return it with its heading path and level."""
        if unit.kind == "annex":
            self.stack = [_Open(unit.rank, unit.heading, unit.locator)]
            return unit, [unit.heading], 0
        if unit.kind in ("signoff", "furniture", "toc", "preamble"):
            self.stack = []
            return unit, [unit.heading], 0
        if unit.kind == "box":
            # A box sits under the open outline item; the next item closes it.
            return unit, [o.heading for o in self.stack] + [unit.heading], len(self.stack)
        if unit.kind == "article":
            # Articles are leaves: their parents are the open 编/章/节 (and annex).
            parents = [o for o in self.stack if o.rank < RANK_OUTLINE]
            return unit, [o.heading for o in parents] + [unit.heading], len(parents)
        while self.stack and self.stack[-1].rank >= unit.rank:
            self.stack.pop()
        if unit.rank >= RANK_OUTLINE and unit.rank < RANK_NUMBERED:
            # Outline locators chain the markers of the open outline headings: 一、（二）3.
            chain = [o.locator_part for o in self.stack if RANK_OUTLINE <= o.rank < RANK_NUMBERED]
            unit.locator = "".join(chain) + unit.locator_part
            if self.stack and self.stack[0].rank == -1:  # inside an annex: 附件1 二、（三）
                unit.locator = f"{self.stack[0].locator_part} {unit.locator}"
        self.stack.append(_Open(unit.rank, unit.heading, unit.locator_part or unit.locator))
        return unit, [o.heading for o in self.stack], len(self.stack) - 1


def _paragraph_sections(
    lines: list[_Line], lo: int, hi: int, start: int, end: int, first_no: int
) -> list[Section]:
    """Cut text [start, end) made of lines lo..hi-1 into paragraph sections ¶N, ¶N+1 …"""
    starts = [lines[i].start for i in range(lo, hi) if lines[i].text.strip()]
    if not starts:
        return [Section("paragraph", f"¶{first_no}", "", [f"¶{first_no}"], start, end)]
    starts[0] = start  # leading blank lines belong to the first paragraph
    out: list[Section] = []
    for k, s in enumerate(starts):
        e = starts[k + 1] if k + 1 < len(starts) else end
        loc = f"¶{first_no + k}"
        out.append(Section("paragraph", loc, "", [loc], s, e))
    return out


def parse(clean: CleanText, title: str = "") -> list[Section]:
    """Split `clean.text` into sections that cover it exactly, in document order."""
    text = clean.text
    if not text:
        return []
    lines = _lines(text)
    parser = _Parser(lines, read_layout(text))
    parser.run()
    units = parser.units
    sections: list[Section] = []

    body_start = lines[units[0][0].line].start if units else len(text)
    if body_start > 0:
        sections.extend(_front_sections(lines, units, body_start, parser.seen_article, title))

    for k, (unit, path, level) in enumerate(units):
        s = lines[unit.line].start
        e = lines[units[k + 1][0].line].start if k + 1 < len(units) else len(text)
        sections.append(Section(unit.kind, unit.locator, unit.heading, path, s, e, level))
    return sections


def _front_sections(
    lines: list[_Line], units: list, body_start: int, legal: bool, title: str
) -> list[Section]:
    """The text before the first structural unit: one header, or paragraphs."""
    front = [i for i, ln in enumerate(lines) if ln.start < body_start]
    pre_text = "".join(lines[i].text + "\n" for i in front).strip()
    structured = bool(units)
    if structured and (legal or len(pre_text) <= MAX_PLAIN_HEADER or _is_law_like_front(pre_text)):
        heading = title or next((ln.text.strip().lstrip("#").strip() for ln in lines if ln.text.strip()), "")
        return [Section("header", "header", heading, [heading or "header"], 0, body_start)]
    return _paragraph_sections(lines, 0, len(front), 0, body_start, 1)


def _is_law_like_front(pre_text: str) -> bool:
    """Promulgation lines (…会议通过 / …令第N号公布) mark a legal header even when long."""
    head = pre_text[:2000]
    return bool(re.search(rf"会议通过|修正|修订|{TOC_WORD}", head) or ORDER_NUMBER_RE.search(head))
