"""PDF: the text layer page by page with pdfium (ingest.loaders.pdf_text; pypdf only for files
pdfium cannot open, such as encrypted ones); pages without one (scans) or whose text
layer is unmapped glyphs are rendered with pdfium and read by RapidOCR when OCR is on.
"""
from __future__ import annotations

import io
import re
from functools import lru_cache
from typing import Any

from ingest.loaders.pdf_text import read_text_layer
from ingest.types import LoadedDoc, LoadError

# Render scale for OCR: 2.0 ≈ 144 dpi, enough for body text, fast enough on CPU.
OCR_RENDER_SCALE = 2.0


def load_pdf(data: bytes, ocr: bool) -> LoadedDoc:
    _check_bytes(data)
    layer = read_text_layer(data)  # pdfium: fast, printed lines, tables as rows
    if layer is not None:
        pages, warnings, title = layer.pages, layer.warnings, _usable_title(layer.title)
    else:  # pdfium cannot open it (a password, an encryption it lacks): pypdf says why or reads it
        reader = _open_pdf(data)
        pages, warnings, title = [], [], _pdf_title(reader)
        for number, page in enumerate(reader.pages, start=1):
            pages.append(_extract_pdf_page(page, number, warnings))
    if not pages:
        raise LoadError("PDF文件没有页面")
    ocr_pages: list[int] = []
    for i, text in enumerate(pages):
        if _garbled(text):  # a text layer of unmapped glyphs: read the page as an image instead
            warnings.append(f"第{i + 1}页文字层是乱码（字体缺少字符映射），改用OCR")
            pages[i] = ""
    blank = [i for i, text in enumerate(pages) if not text.strip()]
    engine = _ocr_engine() if blank and ocr else None
    if engine is not None:
        ocr_pages = _ocr_blank_pages(engine, data, pages, blank, warnings)
    elif blank and ocr:
        warnings.append("OCR组件不可用，无文字页未识别")
    if not any(text.strip() for text in pages):
        failures = [w for w in warnings if "文字提取失败" in w]
        if failures and len(failures) == len(pages):
            raise LoadError(f"PDF页面内容无法解析（{failures[0]}），文件可能已损坏或含有异常数据")
        if not ocr:
            why = "但OCR已关闭（GREENKB_OCR=0）"
        elif engine is None:
            why = "但OCR组件（rapidocr_onnxruntime）不可用"
        else:
            why = "但OCR未能识别出文字"
        raise LoadError(f"PDF没有可提取的文字层（可能是扫描件），需要OCR识别，{why}")
    if len(blank) > len(ocr_pages):
        warnings.append(f"{len(blank) - len(ocr_pages)} 页没有文字（可能是图片页）")
    return LoadedDoc(
        pages=pages,
        paged=True,
        source_format="pdf",
        title_hint=title,
        ocr_pages=ocr_pages,
        warnings=warnings,
    )


def _check_bytes(data: bytes) -> None:
    head = data[:1024]
    if b"%PDF-" not in head:
        raise LoadError("不是有效的PDF文件（缺少PDF文件头）")
    # PDF readers silently rebuild truncated files; a missing %%EOF means we would index half a
    # document and cite it as if it were whole, so refuse it instead.
    if b"%%EOF" not in data[-2048:]:
        raise LoadError("PDF文件不完整（可能下载或复制时被截断）")


def _open_pdf(data: bytes) -> Any:
    """Open with pypdf after cheap sanity checks; decrypt an empty user password."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, PdfReadError

    _check_bytes(data)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
    except PdfReadError as exc:
        raise LoadError("PDF文件已损坏，无法解析") from exc
    if reader.is_encrypted:
        try:
            ok = reader.decrypt("")
        except DependencyError as exc:
            raise LoadError("PDF已加密且使用AES算法，缺少解密组件，无法读取") from exc
        if not ok:
            raise LoadError("PDF已加密，需要密码才能打开")
    try:
        len(reader.pages)
    except Exception as exc:
        raise LoadError("PDF文件已损坏，无法读取页面") from exc
    return reader


# Private-use code points, U+FFFD and C1 controls: what glyphs without a Unicode mapping become.
_GARBLED_RE = re.compile("[\ue000-\uf8ff\ufffd\x80-\x9f]|\\(cid:\\d+\\)")


def _garbled(text: str) -> bool:
    """More than half of a page's visible characters are unmapped glyphs."""
    visible = len(text) - sum(ch.isspace() for ch in text)
    if visible < 10:
        return False
    bad = sum(len(m.group(0)) for m in _GARBLED_RE.finditer(text))
    return bad > visible / 2


def _extract_pdf_page(page: Any, number: int, warnings: list[str]) -> str:
    """Text of one page; a page that fails is recorded as a warning and left empty.

    Default extraction mode: for these Chinese documents it keeps one printed line per
    text line, while layout mode pads with runs of spaces ("并有       3年以").
    """
    try:
        return page.extract_text() or ""
    except Exception as exc:
        warnings.append(f"第{number}页文字提取失败（{type(exc).__name__}）")
        return ""


def _pdf_title(reader: Any) -> str:
    """Document-info title, unless it is a converter artefact like 'Microsoft Word - x.doc'."""
    try:
        title = str((reader.metadata or {}).get("/Title") or "").strip()
    except Exception:
        return ""
    return _usable_title(title)


def _usable_title(title: str) -> str:
    if not title or re.search(r"(?i)microsoft word|\.docx?$|\.pdf$|^untitled", title):
        return ""
    return title


def _ocr_blank_pages(engine: Any, data: bytes, pages: list[str], blank: list[int], warnings: list[str]) -> list[int]:
    """OCR the pages without a text layer in place; return their 1-based numbers."""
    import pypdfium2 as pdfium

    done: list[int] = []
    try:
        pdf = pdfium.PdfDocument(data)
    except Exception as exc:
        warnings.append(f"OCR无法渲染此PDF（{type(exc).__name__}）")
        return done
    try:
        for index in blank:
            text = _ocr_page(engine, pdf, index, warnings)
            if text.strip():
                pages[index] = text
                done.append(index + 1)
    finally:
        pdf.close()
    return done


def _ocr_page(engine: Any, pdf: Any, index: int, warnings: list[str]) -> str:
    """Render one page with pdfium and read it with RapidOCR; lines in reading order."""
    try:
        import numpy as np

        bitmap = pdf[index].render(scale=OCR_RENDER_SCALE)
        image = np.array(bitmap.to_pil().convert("RGB"))
        result, _elapsed = engine(image)
    except Exception as exc:
        warnings.append(f"第{index + 1}页OCR失败（{type(exc).__name__}）")
        return ""
    return "\n".join(_ocr_lines(result or []))


def _ocr_lines(result: list[Any]) -> list[str]:
    """Order OCR boxes top-to-bottom, left-to-right; boxes on one visual line are merged."""
    boxes = []
    for box, text, _score in result:
        ys = [pt[1] for pt in box]
        boxes.append((min(ys), max(ys), min(pt[0] for pt in box), str(text)))
    boxes.sort(key=lambda b: (b[0], b[2]))
    lines: list[list[tuple[float, float, float, str]]] = []
    for box in boxes:
        if lines:
            last = lines[-1][-1]
            mid = (box[0] + box[1]) / 2
            if last[0] <= mid <= last[1]:  # vertical centre inside the previous box: same line
                lines[-1].append(box)
                continue
        lines.append([box])
    return [" ".join(b[3] for b in sorted(line, key=lambda b: b[2])) for line in lines]


@lru_cache(maxsize=1)
def _ocr_engine() -> Any | None:
    """The RapidOCR engine, imported lazily (slow import); None when unavailable."""
    try:
        from rapidocr_onnxruntime import RapidOCR

        return RapidOCR()
    except Exception:
        return None
