"""Document titles in one comparable form: `title_key`.

Two titles name the same document, or versions of the same law, when their keys agree. The
search (which documents a question or a filter names) and the versions (which documents form
one family, which title a repeal clause names) compare titles through this key alone.

* Width folded (NFKC), traditional → simplified.
* A file extension (.md, .pdf …) dropped, so a file name works as a title.
* Whitespace, title marks and quotes (《》〈〉<>“”"'·) dropped.
* Trailing notes of a version dropped, one after the other: a date (2018-12-29), a year (2023),
  a revision （2023年修订） / (修正) / （2019年本）, 试行 — any trailing bracket group, except
  - an ordinal, which names another document: the interpretations （一） and （二） of one law
    are two documents, not two versions of one; likewise （第二批）, （第1部分）, （上）;
  - a draft: （征求意见稿）, （草案）, （送审稿） is not a version of the text in force.
* 中华人民共和国 dropped wherever it stands: 《中华人民共和国节约能源法》 is the 节约能源法, and
  北京市实施《中华人民共和国节约能源法》办法 the 北京市实施节约能源法办法 (unless nothing else is left).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from kb.text.normalize import to_simplified

STATE_NAME = "中华人民共和国"

_EXTENSION = re.compile(r"\.(md|markdown|txt|pdf|docx|html?|)$", re.I)
_NOISE = re.compile(r"[\s《》〈〉<>“”\"'·]+")
_TRAILING_GROUP = re.compile(r"[（(〔\[【]([^（()）〔〕\[\]【】]*)[）)〕\]】]$")
_CN_ORDINAL = "一二三四五六七八九十百零〇两"
# What a trailing bracket group holds when it names another document rather than a version.
_KEEP = re.compile(
    rf"^(?:第?[{_CN_ORDINAL}]+|第\d+|\d{{1,3}})(?:批|部分|册|卷|辑|号|篇|编|章|期)?$"  # （二） （第二批） （1）
    r"|^之[一二三四五六七八九十]+$|^[上中下](?:册|篇|编)?$"  # （之一） （上）
    r"|征求意见稿|草案|送审稿|讨论稿"  # drafts
)


def strip_version_notes(title: str) -> str:
    """`title` without its trailing version notes (see the module docstring); ordinals and
    draft markers stay. Expects a title already without whitespace."""
    t = title
    while True:
        m = _TRAILING_GROUP.search(t)
        if m is None or m.start() == 0 or _KEEP.search(m.group(1)):
            return t
        t = t[: m.start()]


@lru_cache(maxsize=4096)
def title_key(title: str) -> str:
    """The comparable form of a document title (see the module docstring).

    '《中华人民共和国海洋环境保护法》（2023年修订）' -> '海洋环境保护法';
    '海洋环境保护法(2017-11-04).md' -> '海洋环境保护法';
    '示例法的解释（二）(2011-01-01)' -> '示例法的解释（二）'.
    """
    t = to_simplified(unicodedata.normalize("NFKC", title or ""))
    t = _EXTENSION.sub("", t.strip())
    t = strip_version_notes(_NOISE.sub("", t))
    bare = strip_version_notes(t.replace(STATE_NAME, ""))
    return bare or t


def _wholly_marked(t: str) -> bool:
    """True when `t` is one 《…》 from its first to its last character."""
    if not (t.startswith("《") and t.endswith("》")):
        return False
    depth = 0
    for i, ch in enumerate(t):
        depth += ch == "《"
        depth -= ch == "》"
        if depth == 0 and i < len(t) - 1:
            return False
    return depth == 0


def book_title(title: str) -> str:
    """A title in book-title marks for display, nested marks as GB/T 15834 sets them: a title that
    already holds 《》 gets 〈〉 inside the outer pair, never a second 《》 —
    '北京市实施《中华人民共和国节约能源法》办法' -> '《北京市实施〈中华人民共和国节约能源法〉办法》';
    a title given with its own outer marks keeps just those."""
    t = (title or "").strip()
    if _wholly_marked(t):
        t = t[1:-1]
    return "《" + t.replace("《", "〈").replace("》", "〉") + "》"
