"""Plain text and Markdown: decoded like any text file; Markdown loses its syntax (front
matter, fences, rules, emphasis, link targets) but keeps heading text as lines.
"""
from __future__ import annotations

import re

from ingest.loaders.common import DEFAULT_LIMITS, Limits, decode_text_report, normalize_newlines
from ingest.types import LoadedDoc

_MD_HEADING_RE = re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", re.M)
_MD_FENCE_RE = re.compile(r"^ {0,3}(```|~~~).*$", re.M)
_MD_RULE_RE = re.compile(r"^ {0,3}([-*_])([ \t]*\1){2,}[ \t]*$", re.M)
# Every pattern stays inside one line and bounds its spans: `\s*` here once crossed lines and a
# 4 KB file of blank lines took minutes (cubic backtracking); unbounded `[^\]]+` and `.+?`
# are quadratic on a long line of brackets or asterisks.
_MD_TABLE_SEP_RE = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$", re.M)
_MD_IMAGE_RE = re.compile(r"!\[([^\]\n]{0,300})\]\([^)\n]{0,2000}\)")
_MD_LINK_RE = re.compile(r"\[([^\]\n]{1,300})\]\([^)\s]{0,2000}(?:[ \t]+\"[^\"\n]{0,300}\")?\)")
_MD_EMPHASIS_RE = re.compile(r"(\*\*|__)(?=\S)([^\n]{1,300}?)(?<=\S)\1")
_MD_QUOTE_RE = re.compile(r"^ {0,3}>[ \t]?", re.M)


def load_txt(data: bytes, ocr: bool, limits: Limits = DEFAULT_LIMITS) -> LoadedDoc:
    text, warnings = decode_text_report(data)
    limits.check_chars(len(text))
    return LoadedDoc(pages=[text], paged=False, source_format="txt", warnings=warnings)


_BOOK_HEADING_RE = re.compile(r"(?:[ \t]*\n)+ {0,3}#[ \t]+((?:[\u4e00-\u9fff]{1,10}(?:编|篇)|总则|附则))[ \t]*#*[ \t]*$", re.M)
_FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.S)


def load_md(data: bytes, ocr: bool, limits: Limits = DEFAULT_LIMITS) -> LoadedDoc:
    decoded, warnings = decode_text_report(data)
    limits.check_chars(len(decoded))
    text = normalize_newlines(decoded)
    # Static-site front matter (`---\ntitle: …\n---`) is metadata, not document text.
    front = _FRONT_MATTER_RE.match(text)
    front_title = ""
    if front:
        text = text[front.end():]
        m = re.search(r"^title:[ \t]*[\"']?(.+?)[\"']?[ \t]*$", front.group(1) or "", re.M)
        front_title = m.group(1).strip() if m else ""
    title_match = re.search(r"^ {0,3}#[ \t]+(.+?)[ \t]*#*[ \t]*$", text, re.M)
    title = title_match.group(1).strip() if title_match else front_title
    if title_match:
        # One book of a code, headed by the code and then the book (# 中华人民共和国民法典 / # 合同编):
        # its title is both, so that the books are not taken for versions of one text.
        book = _BOOK_HEADING_RE.match(text, title_match.end())
        if book:
            title += book.group(1).strip()
    return LoadedDoc(pages=[strip_markdown(text)], paged=False, source_format="md", title_hint=title, warnings=warnings)


def _strip_comments(text: str) -> str:
    """HTML comments removed in one pass (an unclosed `<!--` keeps the rest as text)."""
    out, pos = [], 0
    while True:
        start = text.find("<!--", pos)
        if start < 0:
            break
        end = text.find("-->", start + 4)
        if end < 0:
            break
        out.append(text[pos:start])
        pos = end + 3
    out.append(text[pos:])
    return "".join(out)


def strip_markdown(text: str) -> str:
    """Remove markdown syntax that is not content; heading text stays as its own line.

    HTML comments (e.g. `<!-- INFO END -->`) disappear entirely; list markers are kept.
    """
    text = _strip_comments(text)
    text = _MD_FENCE_RE.sub("", text)
    text = _MD_RULE_RE.sub("", text)
    text = _MD_TABLE_SEP_RE.sub("", text)
    text = _MD_HEADING_RE.sub(lambda m: m.group(1), text)
    text = _MD_QUOTE_RE.sub("", text)
    text = _MD_IMAGE_RE.sub(lambda m: m.group(1), text)
    text = _MD_LINK_RE.sub(lambda m: m.group(1), text)
    return _MD_EMPHASIS_RE.sub(lambda m: m.group(2), text)
