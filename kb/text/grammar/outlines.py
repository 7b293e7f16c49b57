"""Outlines of notices and plans: 一、 > （一） > 1. > （1） > ①, numbered sections 1.1.2, 附件 /
附表 / 附录, 附则, 目录, 专栏, figure and table captions, the named parts of papers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kb.text.grammar.fragments import HSPACE, LEAD, SMALL_NUM, number, starts_with_quantity
from kb.text.numerals import int_to_cn

@dataclass(frozen=True)
class OutlineLevel:
    level: int
    name: str
    pattern: re.Pattern[str]  # groups: (number, rest of the line)
    arabic: bool  # the number is written in Arabic digits


OUTLINE_LEVELS: tuple[OutlineLevel, ...] = (
    OutlineLevel(0, "一、", re.compile(rf"{LEAD}([{SMALL_NUM}]+)[、．]{HSPACE}*(.*)$"), False),
    OutlineLevel(1, "（一）", re.compile(rf"{LEAD}[（(]([{SMALL_NUM}]+)[）)]{HSPACE}*(.*)$"), False),
    OutlineLevel(2, "1.", re.compile(rf"{LEAD}(\d{{1,2}})(?:[.．](?!\d)|、){HSPACE}*(.*)$"), True),
    OutlineLevel(3, "（1）", re.compile(rf"{LEAD}[（(](\d{{1,2}})[）)]{HSPACE}*(.*)$"), True),
    OutlineLevel(4, "①", re.compile(rf"{LEAD}([①-⑳])(?:{HSPACE}*)(.*)$"), False),
)
"""The outline of notices and plans, top to bottom: 一、 > （一） > 1. > （1） > ①."""

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

ITEM_START_RE = re.compile(
    rf"^\s*(?:[{SMALL_NUM}]+[、．]|[（(][{SMALL_NUM}]+[）)]|\d{{1,2}}(?:[.．](?!\d)|[、)）])|[（(]\d{{1,2}}[）)]|[①-⑳])"
)
"""A list item at the start of a line, of any outline level, or 1) / 1） (inside an article: 项)."""

BULLET_RE = re.compile(rf"^{HSPACE}*[-*+•●▪]{HSPACE}+\S")
"""A bulleted line (- / • / ● …) of Markdown or a converted list."""

SECTION_NO = r"\d{1,2}(?:\.\d{1,2}){0,3}"
"""A section number 1 / 1.1 / 1.1.1 / 1.1.1.1."""

NUMBERED_SECTION_RE = re.compile(rf"{LEAD}({SECTION_NO}){HSPACE}+(\S.*?){HSPACE}*$")
"""1 / 1.1 / 1.1.1 section headings of papers and standards: groups (number, title)."""

ANNEX_RE = re.compile(
    rf"{LEAD}(附件|附表|附录)(?:{HSPACE}*([0-9０-９A-Z一二三四五六七八九十]+))?{HSPACE}*(?:[:：.．、]|{HSPACE}|$)(.*)$"
)
"""附件 / 附件1 / 附表一 / 附录A heading lines: groups (word, number, rest)."""

ANNEX_SHORT_RE = re.compile(rf"{LEAD}附{HSPACE}*[:：](.*)$")
"""附：… (a list of annexes after the body)."""

ANNEX_LABEL = r"附件\d*"
"""附件 / 附件1 as a bare label (after which a space is kept)."""

SUPPLEMENTARY_RE = re.compile(rf"{LEAD}附{HSPACE}*则{HSPACE}*$")
"""附则 standing alone (a chapter name without 第X章)."""

TOC_WORD = rf"目{HSPACE}*录"
TOC_RE = re.compile(rf"{LEAD}{TOC_WORD}{HSPACE}*$")
"""目录: a table of contents follows."""

COLUMN_BOX_RE = re.compile(rf"{LEAD}专栏{HSPACE}*([0-9０-９一二三四五六七八九十]+)?{HSPACE}*[:：]?{HSPACE}*(.*)$")
"""专栏 3 …: an information box of a plan."""

CAPTION_LABEL = r"[图表]\d+(?:[-.．]\d+)*"
CAPTION_RE = re.compile(rf"^[图表]{HSPACE}*\d+(?:[-.．]\d+)*(?:\s|$)")
"""图1 / 表2-1 …: a figure or table caption line."""

PAPER_SIGNS = r"摘\s*要|关键词|关键字|引\s*言|参考文献|Abstract|ABSTRACT|Keywords|Key\s*words"
"""Named parts that only papers have (two of them at line starts make a document a paper)."""
PAPER_PARTS = rf"{PAPER_SIGNS}|前\s*言|结\s*论|结\s*语|致\s*谢|KEYWORDS|References|REFERENCES"
PAPER_PART_RE = re.compile(rf"{LEAD}(?:\d{{1,2}}{HSPACE}+)?({PAPER_PARTS}){HSPACE}*([:：]?)(.*)$")
"""引言 / 结论 / 参考文献 / 摘要：… / Abstract: … lines: groups (name, colon, rest)."""



_OUTLINE_MARKER = (  # canonical marker of an outline level, from its number
    lambda n: f"{int_to_cn(n)}、", lambda n: f"（{int_to_cn(n)}）", lambda n: f"{n}.", lambda n: f"（{n}）",
    lambda n: CIRCLED[n - 1],
)



def outline_marker(line: str) -> tuple[int, int, str, str] | None:
    """(level, number, canonical marker, rest) for an outline line (一、 / （一） / 1. / （1） / ①)."""
    for lv in OUTLINE_LEVELS:
        m = lv.pattern.match(line)
        if not m:
            continue
        raw = m.group(1)
        n = CIRCLED.index(raw) + 1 if raw in CIRCLED else number(raw)
        if not n:
            return None
        return lv.level, n, _OUTLINE_MARKER[lv.level](n), m.group(2).strip()
    return None



def numbered_section(line: str) -> tuple[tuple[int, ...], str] | None:
    """((1, 2), '标题') for a '1.2 标题' line; None for '3.5 万吨', '12 个行业', '1 2 3'."""
    m = NUMBERED_SECTION_RE.match(line)
    if not m:
        return None
    title = m.group(2)
    if starts_with_quantity(title) or re.match(r"^[\d.．]", title):
        return None
    return tuple(int(x) for x in m.group(1).split(".")), title
