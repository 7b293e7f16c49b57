"""PDF: the text layer page by page with pdfium (ingest.loaders.pdf_text; pypdf only for files
pdfium cannot open, such as encrypted ones); pages without one (scans) or whose text
layer is unmapped glyphs are rendered with pdfium and read by RapidOCR when OCR is on.
"""
from __future__ import annotations

import io
import re
from functools import lru_cache
from typing import Any

from ingest.loaders.common import DEFAULT_LIMITS, Limits
from ingest.loaders.pdf_text import read_text_layer
from ingest.types import LoadedDoc, LoadError

# Render scale for OCR: 2.0 ≈ 144 dpi, enough for body text, fast enough on CPU.
OCR_RENDER_SCALE = 2.0
# Scale of the thumbnail that decides whether a page is blank (no OCR for it): ~9 dpi.
BLANK_PROBE_SCALE = 0.125


def load_pdf(data: bytes, ocr: bool, limits: Limits = DEFAULT_LIMITS) -> LoadedDoc:
    _check_bytes(data)
    reader = _refuse_bombs(data, limits)  # pdfium inflates a page's streams whole: look first
    layer = read_text_layer(data, limits)  # pdfium: fast, printed lines, tables as rows
    if layer is not None:
        pages, warnings, title = layer.pages, layer.warnings, _usable_title(layer.title)
    else:  # pdfium cannot open it (a password, an encryption it lacks): pypdf says why or reads it
        reader = _open_pdf(data)
        limits.check_pages(len(reader.pages))
        pages, warnings, title = [], [], _pdf_title(reader)
        chars = 0
        for number, page in enumerate(reader.pages, start=1):
            pages.append(_extract_pdf_page(page, number, warnings))
            chars += len(pages[-1])
            limits.check_chars(chars)
    if not pages:
        raise LoadError("PDF文件没有页面")
    ocr_pages: list[int] = []
    for i, text in enumerate(pages):
        if _garbled(text):  # a text layer of unmapped glyphs: read the page as an image instead
            warnings.append(f"第{i + 1}页文字层是乱码（字体缺少字符映射），改用OCR")
            pages[i] = ""
    blank = [i for i, text in enumerate(pages) if not text.strip()]
    if blank and ocr:  # rendering inflates every stream of the page: never render a bomb
        cap = max(1, limits.max_unzipped_bytes // 4) if limits.max_unzipped_bytes > 0 else 0
        if reader is None and cap:
            try:
                reader = _open_pdf(data)  # pypdf reads the content streams' sizes
            except LoadError:
                reader = None
        bombs = [i for i in blank if cap and (reader is None or _inflates_beyond(reader.pages[i], cap))]
        for i in bombs:
            warnings.append(f"第{i + 1}页内容解压后超过 {cap >> 20} MB（可能是压缩炸弹），未做OCR")
        blank = [i for i in blank if i not in bombs]
    engine = _ocr_engine() if blank and ocr else None
    if engine is not None:
        ocr_pages = _ocr_blank_pages(engine, data, pages, blank, warnings, limits.max_ocr_pages)
    elif blank and ocr:
        warnings.append("OCR组件不可用，无文字页未识别")
    if not any(text.strip() for text in pages):
        failures = [w for w in warnings if "文字提取失败" in w or "压缩炸弹" in w]
        if failures and len(failures) == len(pages):
            raise LoadError(f"PDF页面内容无法解析（{failures[0]}），文件可能已损坏或含有异常数据")
        if not ocr:
            why = "但OCR已关闭（GREENKB_OCR=0）"
        elif engine is None:
            why = "但OCR组件（rapidocr_onnxruntime）不可用"
        elif any(w.endswith("页是空白页，未做OCR") for w in warnings):
            why = "但所有无文字的页面都是空白页"
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


def _ocr_blank_pages(engine: Any, data: bytes, pages: list[str], blank: list[int], warnings: list[str],
                     max_pages: int = 0) -> list[int]:
    """OCR the pages without a text layer in place; return their 1-based numbers. Pages that
    render blank are skipped; at most `max_pages` pages are read (0: no cap)."""
    import pypdfium2 as pdfium

    done: list[int] = []
    try:
        pdf = pdfium.PdfDocument(data)
    except Exception as exc:
        warnings.append(f"OCR无法渲染此PDF（{type(exc).__name__}）")
        return done
    skipped = read = 0
    try:
        for n, index in enumerate(blank):
            if max_pages > 0 and read >= max_pages:
                left = len(blank) - n
                warnings.append(f"需要OCR的页数超过上限 {max_pages} 页，其余 {left} 页未识别（设置 GREENKB_MAX_OCR_PAGES 可调整）")
                break
            if _blank_page(pdf, index):
                skipped += 1
                continue
            read += 1
            text = _ocr_page(engine, pdf, index, warnings)
            if text.strip():
                pages[index] = text
                done.append(index + 1)
    finally:
        pdf.close()
    if skipped:
        warnings.append(f"{skipped} 页是空白页，未做OCR")
    return done


# zlib packs at most about 1032:1; a content stream smaller than cap / this cannot exceed the cap.
_MAX_FLATE_RATIO = 1100


def _refuse_bombs(data: bytes, limits: Limits) -> Any:
    """The pypdf reader of `data` when it had to be opened (else None). Before pdfium reads the
    text, every page whose compressed content could unpack beyond the cap is measured in a
    streaming pass; one that does fails the file as a likely compression bomb."""
    cap = max(1, limits.max_unzipped_bytes // 4) if limits.max_unzipped_bytes > 0 else 0
    if not cap or len(data) < cap // _MAX_FLATE_RATIO:
        return None  # too small a file to hold a stream that unpacks beyond the cap
    try:
        reader = _open_pdf(data)
    except LoadError:
        return None  # pdfium may still read it, or pypdf will say why
    for i, page in enumerate(reader.pages):
        if _content_bytes(page) >= cap // _MAX_FLATE_RATIO and _inflates_beyond(page, cap):
            raise LoadError(f"第{i + 1}页内容解压后超过 {cap >> 20} MB（可能是压缩炸弹），文件未导入")
    return reader


def _content_bytes(page: Any) -> int:
    """The compressed size of a page's content streams (0 when unreadable)."""
    try:
        contents = page.get("/Contents")
        contents = contents.get_object() if contents is not None else None
        streams = list(contents) if isinstance(contents, list) else [contents]
        return sum(len(ref.get_object()._data) for ref in streams if ref is not None)
    except Exception:
        return 0


def _inflates_beyond(page: Any, cap: int) -> bool:
    """Whether the page's Flate-compressed content streams unpack to more than `cap` bytes,
    counted in a streaming pass that stops at the cap (nothing is kept)."""
    import zlib

    try:
        contents = page.get("/Contents")
        contents = contents.get_object() if contents is not None else None
        streams = list(contents) if isinstance(contents, list) else [contents]
        total = 0
        for ref in streams:
            stream = ref.get_object() if ref is not None else None
            if stream is None or "/FlateDecode" not in str(stream.get("/Filter", "")):
                continue
            raw = stream._data
            inflater = zlib.decompressobj()
            for start in range(0, len(raw), 1 << 16):
                chunk = raw[start : start + (1 << 16)]
                while chunk:
                    total += len(inflater.decompress(chunk, 1 << 22))
                    if total > cap:
                        return True
                    chunk = inflater.unconsumed_tail
        return False
    except Exception:  # a malformed stream: the renderer reports it
        return False


def _blank_page(pdf: Any, index: int) -> bool:
    """A page whose thumbnail is one flat colour has nothing to read."""
    try:
        import numpy as np

        image = np.asarray(pdf[index].render(scale=BLANK_PROBE_SCALE, grayscale=True).to_numpy())
    except Exception:
        return False  # cannot tell: let OCR try (and report)
    return image.size == 0 or int(image.max()) - int(image.min()) < 8


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
