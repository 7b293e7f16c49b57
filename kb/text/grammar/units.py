"""Legal units: 第X编 / 章 / 节 headings, 第X条(之Y) articles, 第Y款, 第Z项, 第N目, and the
readers of article labels (第五十三条 ↔ (53, 0)).
"""
from __future__ import annotations

import re

from kb.text.grammar._labels import _article_no, _label, _sub
from kb.text.grammar.fragments import HSPACE, LEAD, NOT_AFTER_UNIT, NUM_CHARS, number
from kb.text.numerals import cn_to_int, int_to_cn

UNIT_KIND = {"编": "part", "章": "chapter", "节": "division", "条": "article", "款": "paragraph", "项": "item",
             "目": "subitem"}



ARTICLE_NO = _article_no()
"""The label 第X条 / 第X条之Y: groups art, sub (numbered 1, 2)."""

LEGAL_LABEL = _label("(?P<unit>[编章节])")
"""The label 第X编 / 第X章 / 第X节: groups n, unit (numbered 1, 2)."""

UNIT_RE = re.compile(_label("(?P<unit>[编章节条款项目])") + _sub())
"""Any unit 第X编 / 章 / 节 / 条(之Y) / 款 / 项 / 目 (fullmatch it for a bare reference)."""

LEGAL_HEADING_RE = re.compile(rf"{LEAD}{LEGAL_LABEL}(?:{HSPACE}*(.*?))?{HSPACE}*$")
"""A 第X编 / 第X章 / 第X节 heading line: groups (number, unit, name)."""

LEGAL_HEADING_START_RE = re.compile(rf"{LEAD}{LEGAL_LABEL}(?![{NOT_AFTER_UNIT}])")
"""A line that opens with a 第X章 label not read as a reference (第二章规定的 is not)."""

LEGAL_HEADING_GLUED_RE = re.compile(rf"^({LEGAL_LABEL})(?=[^\s{NUM_CHARS}{NOT_AFTER_UNIT}])")
"""第一章总则: a 第X章 label glued to its name; group 1 is the label (to space it out)."""

# A heading line: the label, then its name after a space (第三章 审查和批准决算，听取…) or glued
# to it if short and unpunctuated (第一章总则; not 第七节相应改为第八节，…).
_HEADING_LINE = (
    rf"{HSPACE}*(?:#+{HSPACE}*)?{LEGAL_LABEL}(?![{NOT_AFTER_UNIT}])"
    rf"(?:{HSPACE}+[^\n]{{0,60}}|[^\s，。；！？]{{0,30}}{HSPACE}*)"
)

HEADING_ONLY_RE = re.compile(rf"^{_HEADING_LINE}$")
"""A line that is only a 第X章 heading (with its name): not part of an article's text."""

HEADING_LINES_RE = re.compile(rf"^\s*(?:{_HEADING_LINE}\n+)+")
"""The 第X编 / 章 / 节 heading lines at the top of a chunk (carried into its first article)."""

LEGAL_UNIT_START_RE = re.compile(rf"(?m){LEAD}(?:{LEGAL_LABEL}|{ARTICLE_NO})")
"""The first line of a legal body (第X编 / 章 / 节 / 条 at a line start): where the header ends."""

ARTICLE_LINE_RE = re.compile(rf"{LEAD}{ARTICLE_NO}(.?)")
"""A line that starts with 第X条(之Y): groups (number, sub-number, the next character)."""

ARTICLE_HEADING_RE = re.compile(rf"{LEAD}{ARTICLE_NO}(?:{HSPACE}+|$|(?![{NOT_AFTER_UNIT}]))")
"""An article heading at the start of a line (not 第三条的规定 quoted at a line start)."""

ARTICLE_ALONE_RE = re.compile(rf"{LEAD}{ARTICLE_NO}{HSPACE}*$")
"""第X条 alone on its line (its text follows on the next line)."""

ARTICLE_PREFIX_RE = re.compile(rf"^\s*(?:#+\s*)?{ARTICLE_NO}(?:[\s:：.．]+|(?=[\u4e00-\u9fff（(]))")
"""The 第X条 label at the start of an article's text, with the space or colon after it (to strip it)."""



def article_label(n: int, sub: int = 0) -> str:
    """53 → '第五十三条'; (53, 1) → '第五十三条之一' (how locators are written)."""
    return f"第{int_to_cn(n)}条" + (f"之{int_to_cn(sub)}" if sub else "")


def normalize_article_ref(ref: str) -> str:
    """'第53条' → '第五十三条', '第 5 章' → '第五章', '第53条之1' → '第五十三条之一'.

    Returns the input stripped when it is not such a reference.
    """
    m = UNIT_RE.fullmatch(ref.strip())
    if not m:
        return ref.strip()
    n, sub = number(m.group("n")), number(m.group("sub")) if m.group("sub") else 0
    if n is None or sub is None:
        return ref.strip()
    return f"第{int_to_cn(n)}{m.group('unit')}" + (f"之{int_to_cn(sub)}" if sub else "")


def article_number(ref: str) -> tuple[int, int]:
    """Sort key of a reference: '第五十三条之一' → (53, 1), '第五十三条' → (53, 0).

    Raises ValueError when `ref` is not a 第X条 / 章 / … reference.
    """
    m = UNIT_RE.fullmatch(ref.strip())
    if not m:
        raise ValueError(f"not an article reference: {ref!r}")
    return cn_to_int(m.group("n")), cn_to_int(m.group("sub")) if m.group("sub") else 0


# A provision an archive keeps after an amendment struck it, marked by the date it went
# (…（2009年8月27日删除）): no longer the law.
STRUCK_OUT_RE = re.compile(r"[（(]\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:删除|删去|废止)\s*[）)]\s*$")
