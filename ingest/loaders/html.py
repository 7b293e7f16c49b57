"""HTML: decode by BOM or declared charset, drop page chrome (navigation, share bars,
copyright lines), keep the main content container's text with blocks as lines and table
cells joined by ' | '. Pages too deeply nested for the tree fall back to regex stripping.
"""
from __future__ import annotations

import codecs
import html as html_lib
import re
from typing import Any

from ingest.loaders.common import DEFAULT_LIMITS, Limits, decode_by_bom, decode_text_report
from ingest.official import INFO_LABELS
from ingest.types import LoadedDoc

_DROP_TAGS = ("script", "style", "nav", "header", "footer", "aside", "form", "noscript", "iframe",
              "template", "svg", "button", "select", "object", "embed")
# class/id tokens that mark page chrome rather than content
_CLUTTER_ATTR_RE = re.compile(
    r"(?i)(^|[-_\s])(nav|navbar|menu|breadcrumbs?|crumbs?|share|bdshare|footer|foot|copyright|"
    r"login|toolbar|sidebar|print|close|topbar|position|location|weizhi|dqwz|fenxiang|banner)"
    r"([-_\s\d]|$)"
)
_MAIN_ATTR_RE = re.compile(r"(?i)(article|content|main|trs_editor|zoom|detail|text|zw|bd_?con)")
_BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol tr table tbody thead tfoot section article main dl dt dd "
    "blockquote pre center address figure figcaption caption hr title body html".split()
)
_CELL_TAGS = frozenset(("td", "th"))
# Short lines that are site chrome even when they sit inside the content container.
_CLUTTER_LINE_RE = re.compile(
    r"分享到|【\s*打印\s*】|【\s*关闭(窗口)?\s*】|打印本页|关闭窗口|^首页\s*[>＞»]|版权所有|"
    r"主办单位|承办单位|ICP备|网站地图|网站标识码|联系我们|公网安备|字号[:：]?\s*[【\[]?\s*大"
)
_CELL_MARK = "\x1f"  # placeholder for a cell boundary, replaced by " | "
# "标签：值" in one cell, or a label cell alone ("标签：", or a bare <th>标签</th>) whose value is
# the next cell: many sites draw the box as a table of label and value cells without colons.
_INFO_CELL_RE = re.compile(
    r"^(" + "|".join(sorted(INFO_LABELS, key=len, reverse=True)) + r")\s*(?:[:：]\s*(.*))?$"
)
_TITLE_SUFFIX_RE = re.compile(r"\s*(?:_|\s-\s|\s–\s|\s—\s|\|).*$")


def load_html(data: bytes, ocr: bool, limits: Limits = DEFAULT_LIMITS) -> LoadedDoc:
    text, warnings = decode_html_report(data)
    limits.check_chars(len(text) // 2)  # markup is at least half of a page
    try:
        lines, title = _html_extract(text)
    except RecursionError:
        lines, title = _html_extract_flat(text), ""
    return LoadedDoc(pages=["\n".join(lines)], paged=False, source_format="html", title_hint=title,
                     warnings=warnings)


def decode_html(data: bytes) -> str:
    """Decode HTML bytes: BOM, declared charset (GBK family → GB18030), UTF-8, GB18030, guess."""
    return decode_html_report(data)[0]


def decode_html_report(data: bytes) -> tuple[str, list[str]]:
    """`decode_html` plus warnings (invalid bytes in a UTF-8 page, see decode_text_report)."""
    bom = decode_by_bom(data)
    if bom is not None:
        return bom, []
    declared = _declared_charset(data[:4096])
    if declared:
        try:
            return data.decode(declared), []
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text_report(data)


def _declared_charset(head: bytes) -> str | None:
    """Charset from <meta charset> or http-equiv content-type; GBK/GB2312 read as GB18030."""
    match = re.search(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", head, re.I)
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore").lower()
    if name in ("gbk", "gb2312", "gb_2312-80", "x-gbk", "cp936", "gb18030", "x-euc-cn", "euc-cn"):
        return "gb18030"  # superset: pages labelled gb2312 routinely contain GBK characters
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _html_extract(text: str) -> tuple[list[str], str]:
    """Main text lines and a title hint, via BeautifulSoup with lxml."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(text, "lxml")
    title = _html_title(soup)
    info = _info_box_lines(soup)
    _drop_clutter(soup)
    root = _main_container(soup)
    _unmerge_cells(soup, root)
    lines = _block_text_lines(root)
    return info + [ln for ln in lines if not _is_clutter_line(ln)], title


def _info_box_lines(soup: Any) -> list[str]:
    """A government page's information box (发文机关, 成文日期, 文号, 有效性 …) as "标签：值"
    lines, taken out of the page so that it is read as metadata and never as a table.

    The box is the smallest table / list / div holding three or more of the labels."""
    best, best_len, best_pairs = None, 0, []
    for tag in soup.find_all(["table", "div", "ul", "dl"], limit=600):
        text = tag.get_text("\n", strip=True)
        if len(text) > 1500 or sum(label in text for label in INFO_LABELS) < 3:
            continue
        pairs = _label_pairs(text.split("\n"))
        if len(pairs) >= 3 and (best is None or len(text) < best_len):
            best, best_len, best_pairs = tag, len(text), pairs
    if best is None:
        return []
    best.decompose()
    return [f"{label}：{value}" for label, value in best_pairs]


def _label_pairs(parts: list[str]) -> list[tuple[str, str]]:
    """(label, value) from box text split at cell boundaries: "标签：值" or "标签：" then "值"."""
    pairs: list[tuple[str, str]] = []
    parts = [p.strip() for p in parts if p.strip()]
    i = 0
    while i < len(parts):
        m = _INFO_CELL_RE.match(parts[i])
        if not m:
            i += 1
            continue
        value = (m.group(2) or "").strip()
        if not value and i + 1 < len(parts) and not _INFO_CELL_RE.match(parts[i + 1]):
            value = parts[i + 1]
            i += 1
        if value:
            pairs.append((m.group(1), " ".join(value.split())))
        i += 1
    return pairs


def _html_title(soup: Any) -> str:
    """<h1> text, else <title> without its site suffix (after '_' or ' - ')."""
    h1 = soup.find("h1")
    if h1 is not None and h1.get_text(strip=True):
        return " ".join(h1.get_text(" ", strip=True).split())
    if soup.title is not None and soup.title.string:
        return _TITLE_SUFFIX_RE.sub("", soup.title.string.strip())
    return ""


def _drop_clutter(soup: Any) -> None:
    """Remove non-content tags and elements whose class/id names page chrome."""
    from bs4 import Comment

    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for tag in soup.find_all(True):
        # not `tag.decomposed`: on an unmarked tag bs4 resolves it via find(), O(n) per call
        if vars(tag).get("_decomposed") or tag.name in ("html", "body"):
            continue
        attrs = " ".join(tag.get("class") or []) + " " + str(tag.get("id") or "")
        if attrs.strip() and _CLUTTER_ATTR_RE.search(attrs) and not _MAIN_ATTR_RE.search(attrs):
            tag.decompose()


def _main_container(soup: Any) -> Any:
    """The most specific content container holding most of the page text, else <body>."""
    body = soup.body or soup
    total = _text_len(body)
    if total == 0:
        return body
    best, best_len = body, total
    # capped: each candidate costs a subtree walk, and pathological pages nest thousands deep
    for tag in soup.find_all(["article", "main", "div", "section", "td"], limit=400):
        attrs = " ".join(tag.get("class") or []) + " " + str(tag.get("id") or "")
        if tag.name not in ("article", "main") and not _MAIN_ATTR_RE.search(attrs):
            continue
        length = _text_len(tag)
        if length >= 0.5 * total and length < best_len:
            best, best_len = tag, length
    return best


def _text_len(tag: Any) -> int:
    return sum(len(s.strip()) for s in tag.find_all(string=True))


MAX_SPAN = 200  # a rowspan / colspan beyond this is not a real table's (hostile or broken markup)


def _span(cell: Any, attr: str) -> int:
    try:
        return max(1, min(MAX_SPAN, int(str(cell.get(attr) or "1").strip())))
    except ValueError:
        return 1


def _unmerge_cells(soup: Any, root: Any) -> None:
    """Merged cells as the rows' own cells, so that every row of a table has its columns in place:
    a cell spanning rows (rowspan, a date or status shared by a batch of standards) is repeated in
    each row it covers, as Word's vertical merges are; a cell spanning columns (colspan) is followed
    by empty cells. Without this the rows under a rowspan have fewer cells and their values land
    in the wrong columns."""
    for table in root.find_all("table", limit=200):
        if not table.find(lambda t: t.name in _CELL_TAGS and (t.has_attr("rowspan") or t.has_attr("colspan"))):
            continue
        carried: dict[int, tuple[int, str, str]] = {}  # column → (rows still covered, tag, text)
        for tr in table.find_all("tr"):
            if tr.find_parent("table") is not table:
                continue  # a nested table's rows are its own
            col = 0
            for cell in tr.find_all(_CELL_TAGS, recursive=False):
                col = _fill_carried(soup, carried, col, cell.insert_before)
                rows, cols = _span(cell, "rowspan"), _span(cell, "colspan")
                text = cell.get_text(" ", strip=True)
                if rows > 1:
                    carried[col] = (rows - 1, cell.name, text)
                for _ in range(cols - 1):
                    cell.insert_after(soup.new_tag(cell.name))
                col += cols
            _fill_carried(soup, carried, col, tr.append, to_end=True)


def _fill_carried(soup: Any, carried: dict[int, tuple[int, str, str]], col: int, put: Any,
                  to_end: bool = False) -> int:
    """Put copies of the cells carried down into column `col` onwards (all the rest of them when
    `to_end`); the next free column."""
    while col in carried or (to_end and any(c >= col for c in carried)):
        if col in carried:
            left, name, text = carried[col]
            tag = soup.new_tag(name)
            tag.string = text
            put(tag)
            if left > 1:
                carried[col] = (left - 1, name, text)
            else:
                del carried[col]
        else:
            put(soup.new_tag("td"))
        col += 1
    return col


def _block_text_lines(root: Any) -> list[str]:
    """Text of `root` with block elements as line breaks; iterative (no recursion)."""
    from bs4 import NavigableString
    from bs4.element import Comment, Declaration, Doctype, ProcessingInstruction

    skip_types = (Comment, Declaration, Doctype, ProcessingInstruction)
    parts: list[str] = []
    # stack entries: (node, closing) — closing=True emits the break after a block ends
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, closing = stack.pop()
        if closing:
            parts.append("\n")
            continue
        if isinstance(node, NavigableString):
            if not isinstance(node, skip_types):
                parts.append(_collapse_ws(str(node), _inside_pre(node)))
            continue
        name = node.name
        if name == "br":
            parts.append("\n")
            continue
        if name in _CELL_TAGS:
            parts.append(_CELL_MARK)
        if name in _BLOCK_TAGS:
            parts.append("\n")
            stack.append((node, True))
        stack.extend((child, False) for child in reversed(node.contents))
    return _split_block_text("".join(parts))


def _inside_pre(node: Any) -> bool:
    parent = node.parent
    depth = 0
    while parent is not None and depth < 50:  # bounded: deep trees must not get slow
        if parent.name == "pre":
            return True
        parent = parent.parent
        depth += 1
    return False


def _collapse_ws(text: str, keep_newlines: bool) -> str:
    """HTML whitespace semantics: runs of ASCII whitespace become one space (not U+3000/nbsp)."""
    if keep_newlines:
        return text
    return re.sub(r"[ \t\n\r\f]+", " ", text)


def _split_block_text(text: str) -> list[str]:
    """Lines from the block-marked text: trimmed, cell marks → ' | ', empties dropped."""
    lines = []
    for raw in text.split("\n"):
        line = raw.strip(" \t")
        if line.startswith(_CELL_MARK):  # a row's first cell
            line = line[1:]
        if not line.replace(_CELL_MARK, "").strip():
            continue
        # every cell boundary is kept, so empty cells keep the row's columns in place
        # (not \s: the mark, U+001F, is itself whitespace to `re`, and \s* would swallow the next
        # mark with an empty cell between them)
        line = re.sub(r"[ \t]*" + _CELL_MARK + r"[ \t]*", " | ", line)
        lines.append(line.strip())
    return lines


def _is_clutter_line(line: str) -> bool:
    """Short chrome lines (share bars, print/close links, copyright) — never long content."""
    return len(line) <= 120 and not line.endswith("。") and bool(_CLUTTER_LINE_RE.search(line))


def _html_extract_flat(text: str) -> list[str]:
    """Fallback without a tree: regex tag stripping, block tags as line breaks."""
    text = re.sub(r"(?is)<(script|style|noscript|iframe|nav|header|footer)\b.*?</\1\s*>", " ", text)
    text = re.sub(r"(?s)<!--.*?-->", " ", text)
    text = re.sub(r"(?i)<\s*br\s*/?>", "\n", text)
    text = re.sub(r"(?i)</?\s*(?:%s)\b[^>]*>" % "|".join(sorted(_BLOCK_TAGS)), "\n", text)
    text = re.sub(r"<[^>]*>", " ", text)
    text = html_lib.unescape(text)
    lines = [" ".join(ln.split(" ")).strip() for ln in re.sub(r"[ \t\f]+", " ", text).split("\n")]
    return [ln for ln in lines if ln and not _is_clutter_line(ln)]
