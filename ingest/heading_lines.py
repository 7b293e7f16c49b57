"""What a line of a cleaned document could be: the line readers of ingest.structure.

Each reader takes one line and says whether it could open a unit, and which: a 第X编/章/节
heading (`legal_heading`), a 第X条 article (`article_line`), an annex (`annex_heading`), an
outline item 一、 / （一） / 1. / （1） (`outline_line`), a numbered section 1.2 (`numbered_heading`)
or a named part of a paper (`named_heading`). The patterns come from kb.text.grammar; the rules
added here are a heading's (its name is short and does not end a sentence; ① items stay in
their parent). Whether a candidate is taken is decided by the walk in ingest.structure, by
the numbering sequence.
"""
from __future__ import annotations

import re

from kb.text.grammar import (
    ANNEX_RE,
    ANNEX_SHORT_RE,
    ARTICLE_LINE_RE,
    LEGAL_HEADING_RE,
    PAPER_PART_RE,
    number,
    numbered_section,
    outline_marker,
    starts_with_quantity,
)
from kb.text.numerals import to_halfwidth_digits

# Chars that end a sentence: a "heading" ending with one is prose, not a heading.
SENTENCE_END = "。，；：,;:、！？!?."
NAMED_NO_COLON = {"引言", "前言", "结论", "结语", "致谢", "参考文献", "References", "REFERENCES"}
MAX_HEADING_CHARS = 50


def squash(s: str) -> str:
    """Collapse runs of whitespace to one space."""
    return re.sub(r"[\s\u3000\xa0]+", " ", s).strip()


def cjk_name(name: str) -> str:
    """"总　　则" -> "总则": spacing inside a pure-CJK heading name is layout, not content."""
    name = squash(name)
    if re.fullmatch(r"[\u4e00-\u9fff ]+", name):
        return name.replace(" ", "")
    return name


def looks_like_heading_text(name: str) -> bool:
    """Short, not ending a sentence: a heading's name (第X章 期间与送达, 第一节 级别管辖)."""
    name = name.strip()
    return 0 < len(name) <= MAX_HEADING_CHARS and name[-1] not in SENTENCE_END and "。" not in name


def legal_heading(line: str) -> tuple[str, int, str] | None:
    """(unit 编/章/节, number, name) for a 第X章 heading line, else None."""
    m = LEGAL_HEADING_RE.match(line)
    if not m:
        return None
    n = number(m.group(1))
    name = m.group(3) or ""
    if n is None or n <= 0:
        return None
    if name and not looks_like_heading_text(name):
        return None
    return m.group(2), n, cjk_name(name)


def article_line(line: str) -> tuple[int, int, bool] | None:
    """(number, 之-number, followed_by_space) for a line starting with 第X条, else None."""
    m = ARTICLE_LINE_RE.match(line)
    if not m:
        return None
    n = number(m.group(1))
    sub = number(m.group(2)) if m.group(2) else 0
    if n is None or n <= 0 or sub is None:
        return None
    nxt = m.group(3)
    return n, sub, (nxt == "" or nxt.isspace() or nxt == "\u3000")


def annex_heading(line: str) -> tuple[str, str] | None:
    """(locator, heading) for 附件 / 附件1 / 附表一 / 附录A / 附：… lines, else None."""
    stripped = squash(line.lstrip("#"))
    if len(stripped) > 60 or stripped.endswith("。"):
        return None
    m = ANNEX_RE.match(line)
    if m:
        word, num, rest = m.group(1), (m.group(2) or ""), squash(m.group(3))
        locator = word + to_halfwidth_digits(num)
        # "附件1：名单" and "附件1 名单" are one heading: the label, a space, the annex's title
        return locator, f"{locator} {rest}" if rest else locator
    m = ANNEX_SHORT_RE.match(line)
    if m:
        return "附件", stripped
    return None


def outline_line(line: str) -> tuple[int, int, str, str] | None:
    """(level 0..3, number, marker, rest) for 一、 / （一） / 1. / （1） lines, else None.

    ① items stay in the text of their parent, as 项 stay inside an article.
    """
    o = outline_marker(line)
    if o is None or o[0] > 3:
        return None
    level, _n, _marker, rest = o
    if not rest or level == 2 and starts_with_quantity(rest):
        return None
    return o


def outline_heading(marker: str, rest: str) -> str:
    """Heading text of an outline line: the marker plus its title up to the first stop."""
    title = re.split(r"[。；：:]", rest, maxsplit=1)[0].strip()
    if len(title) > MAX_HEADING_CHARS:
        title = title[:MAX_HEADING_CHARS]
    return f"{marker}{title}"


def numbered_heading(line: str) -> tuple[tuple[int, ...], str] | None:
    """(number tuple, heading text) for "1.2  标题" lines, else None."""
    nb = numbered_section(line)
    if nb is None or not looks_like_heading_text(nb[1]):  # numbered_section rejects "3.5 万吨"
        return None
    return nb[0], squash(nb[1])


def named_heading(line: str) -> tuple[str, str] | None:
    """(name, heading) for 引言 / 参考文献 / Abstract: … lines, else None."""
    m = PAPER_PART_RE.match(line)
    if not m:
        return None
    name = re.sub(r"\s+", "", m.group(1))
    if name.lower().replace(" ", "") == "keywords":
        name = "Keywords"
    colon, rest = m.group(2), m.group(3).strip()
    if name in NAMED_NO_COLON:
        if rest:
            return None
    elif not colon and rest:
        return None
    return name, name

