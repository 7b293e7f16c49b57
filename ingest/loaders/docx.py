"""DOCX: paragraphs and table rows in body order with python-docx; old .doc, encrypted and
zip-bomb files are refused before python-docx sees them.
"""
from __future__ import annotations

import io
import re
import zipfile
from typing import Any

from ingest.loaders.common import DEFAULT_LIMITS, Limits
from ingest.types import LoadedDoc, LoadError

_W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def load_docx(data: bytes, ocr: bool, limits: Limits = DEFAULT_LIMITS) -> LoadedDoc:
    import docx

    if data.startswith(_OLE_MAGIC):
        # Word 97-2003 files and password-protected DOCX are both OLE compound files.
        raise LoadError("不是DOCX格式：可能是旧版Word（.doc）文件或设置了打开密码的Word文件，请另存为不加密的.docx")
    if not data.startswith(b"PK") or not zipfile.is_zipfile(io.BytesIO(data)):
        raise LoadError("不是有效的DOCX文件（不是ZIP格式，可能是旧版.doc或已损坏）")
    _check_unzipped_size(data, limits)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:
        raise LoadError("DOCX文件已损坏或不是Word文档，无法打开") from exc
    lines = list(_docx_body_lines(document))
    limits.check_chars(sum(len(x) + 1 for x in lines))
    title = (document.core_properties.title or "").strip() or _docx_heading_title(document)
    return LoadedDoc(pages=["\n".join(lines)], paged=False, source_format="docx", title_hint=title)


_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _check_unzipped_size(data: bytes, limits: Limits) -> None:
    """Refuse a DOCX whose parts unpack to more than the limit (a "zip bomb"), or whose text
    part alone is over a quarter of it (parsed as one XML tree, it would take several times
    its size in memory)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise LoadError("DOCX文件已损坏（ZIP结构无法读取）") from exc
    limits.check_unzipped(sum(info.file_size for info in infos), "DOCX")
    xml = max((i.file_size for i in infos if i.filename.endswith(".xml")), default=0)
    limits.check_unzipped(xml * 4, "DOCX正文（按4倍计）")


def _docx_body_lines(document: Any) -> list[str]:
    """Paragraphs and table rows in body order (tables stay where they are)."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    lines: list[str] = []
    for child in _docx_block_elements(document.element.body):
        if child.tag == _W_NS + "p":
            lines.append(Paragraph(child, document).text)
        else:
            lines.extend(_docx_table_rows(Table(child, document)))
    return lines


def _docx_block_elements(body: Any) -> list[Any]:
    """w:p and w:tbl children in order, looking through content controls (w:sdt)."""
    out: list[Any] = []
    stack = list(reversed(list(body)))
    while stack:
        el = stack.pop()
        if el.tag in (_W_NS + "p", _W_NS + "tbl"):
            out.append(el)
        elif el.tag in (_W_NS + "sdt", _W_NS + "sdtContent"):
            stack.extend(reversed(list(el)))
    return out


def _docx_table_rows(table: Any) -> list[str]:
    """One line per row, cells joined by ' | '; merged cells are counted once."""
    rows: list[str] = []
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(p.text.strip() for p in cell.paragraphs if p.text.strip()))
        if any(cells):
            rows.append(" | ".join(cells))
    return rows


def _docx_heading_title(document: Any) -> str:
    """First non-empty paragraph styled Title or Heading (标题).

    Style names come from one map of the styles part: python-docx's `paragraph.style` scans
    every style for every paragraph, hours on a large document with many styles."""
    from docx.text.paragraph import Paragraph

    names: dict[str, str] = {}
    try:
        for st in document.styles.element.findall(_W_NS + "style"):
            name = st.find(_W_NS + "name")
            names[st.get(_W_NS + "styleId") or ""] = (name.get(_W_NS + "val") if name is not None else "") or ""
    except Exception:  # no styles part: no headings to find
        return ""
    wanted = {sid for sid, name in names.items() if re.match(r"(?i)(title|heading|标题)", name or sid)}
    if not wanted:
        return ""
    for p in _docx_block_elements(document.element.body):
        if p.tag != _W_NS + "p":
            continue
        ppr = p.find(_W_NS + "pPr")
        ps = ppr.find(_W_NS + "pStyle") if ppr is not None else None
        if ps is None or ps.get(_W_NS + "val") not in wanted:
            continue
        text = Paragraph(p, document).text.strip()
        if text:
            return text
    return ""
