"""Plain text and Markdown: decoded like any text file; Markdown loses its syntax (front
matter, fences, rules, emphasis, link targets) but keeps heading text as lines.
"""
from __future__ import annotations

import re

from ingest.loaders.common import decode_text, normalize_newlines
from ingest.types import LoadedDoc

_MD_HEADING_RE = re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", re.M)
_MD_COMMENT_RE = re.compile(r"<!--.*?-->", re.S)
_MD_FENCE_RE = re.compile(r"^ {0,3}(```|~~~).*$", re.M)
_MD_RULE_RE = re.compile(r"^ {0,3}([-*_])([ \t]*\1){2,}[ \t]*$", re.M)
_MD_TABLE_SEP_RE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$", re.M)
_MD_IMAGE_RE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK_RE = re.compile(r"\[([^\]]+)\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_MD_EMPHASIS_RE = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_QUOTE_RE = re.compile(r"^ {0,3}>[ \t]?", re.M)


def load_txt(data: bytes, ocr: bool) -> LoadedDoc:
    text = decode_text(data)
    return LoadedDoc(pages=[text], paged=False, source_format="txt")


_FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.S)


def load_md(data: bytes, ocr: bool) -> LoadedDoc:
    text = normalize_newlines(decode_text(data))
    # Static-site front matter (`---\ntitle: …\n---`) is metadata, not document text.
    front = _FRONT_MATTER_RE.match(text)
    front_title = ""
    if front:
        text = text[front.end():]
        m = re.search(r"^title:[ \t]*[\"']?(.+?)[\"']?[ \t]*$", front.group(1) or "", re.M)
        front_title = m.group(1).strip() if m else ""
    title_match = re.search(r"^ {0,3}#[ \t]+(.+?)[ \t]*#*[ \t]*$", text, re.M)
    title = title_match.group(1).strip() if title_match else front_title
    return LoadedDoc(pages=[strip_markdown(text)], paged=False, source_format="md", title_hint=title)


def strip_markdown(text: str) -> str:
    """Remove markdown syntax that is not content; heading text stays as its own line.

    HTML comments (e.g. `<!-- INFO END -->`) disappear entirely; list markers are kept.
    """
    text = _MD_COMMENT_RE.sub("", text)
    text = _MD_FENCE_RE.sub("", text)
    text = _MD_RULE_RE.sub("", text)
    text = _MD_TABLE_SEP_RE.sub("", text)
    text = _MD_HEADING_RE.sub(lambda m: m.group(1), text)
    text = _MD_QUOTE_RE.sub("", text)
    text = _MD_IMAGE_RE.sub(lambda m: m.group(1), text)
    text = _MD_LINK_RE.sub(lambda m: m.group(1), text)
    return _MD_EMPHASIS_RE.sub(lambda m: m.group(2), text)
