"""DOCX: paragraphs and table rows in body order with python-docx; old .doc, encrypted and
zip-bomb files are refused before python-docx sees them.
"""
from __future__ import annotations

import io
import re
import zipfile
from typing import Any

from ingest.loaders.common import megabytes
from ingest.types import LoadedDoc, LoadError

_W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def load_docx(data: bytes, ocr: bool) -> LoadedDoc:
    import docx

    if data.startswith(_OLE_MAGIC):
        # Word 97-2003 files and password-protected DOCX are both OLE compound files.
        raise LoadError("不是DOCX格式：可能是旧版Word（.doc）文件或设置了打开密码的Word文件，请另存为不加密的.docx")
    if not data.startswith(b"PK") or not zipfile.is_zipfile(io.BytesIO(data)):
        raise LoadError("不是有效的DOCX文件（不是ZIP格式，可能是旧版.doc或已损坏）")
    _check_unzipped_size(data)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:
        raise LoadError("DOCX文件已损坏或不是Word文档，无法打开") from exc
    lines = list(_docx_body_lines(document))
    title = (document.core_properties.title or "").strip() or _docx_heading_title(document)
    return LoadedDoc(pages=["\n".join(lines)], paged=False, source_format="docx", title_hint=title)


_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# A DOCX whose parts unpack to more than this is refused (a "zip bomb" would exhaust memory).
MAX_UNZIPPED_BYTES = 1 << 30


def _check_unzipped_size(data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            total = sum(info.file_size for info in zf.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise LoadError("DOCX文件已损坏（ZIP结构无法读取）") from exc
    if total > MAX_UNZIPPED_BYTES:
        raise LoadError(f"DOCX解压后过大（{megabytes(total)}），可能是恶意或损坏的文件")


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
    """First non-empty paragraph styled Title or Heading (标题)."""
    for paragraph in document.paragraphs:
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        if paragraph.text.strip() and re.match(r"(?i)(title|heading|标题)", style):
            return paragraph.text.strip()
    return ""
