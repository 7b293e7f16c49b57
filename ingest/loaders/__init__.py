"""Read a file from disk into a `LoadedDoc`: raw text, page by page.

    load(path, max_bytes=None, *, ocr=True) -> LoadedDoc

Dispatches on the file extension (.pdf .docx .html .htm .md .markdown .txt). Anything
that cannot be read becomes `LoadError(reason)` with a short Chinese reason; library
exceptions never escape. Cleaning (running headers, broken lines, spacing) is not done
here but in `ingest.clean`; loaders only decode, extract and normalise line endings.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ingest.loaders.common import (  # noqa: F401  (the package's public names)
    _COMMON_SIMPLIFIED,
    DEFAULT_LIMITS,
    Limits,
    decode_text,
    decode_text_report,
    describe_os_error,
    normalize_newlines,
    read_bytes,
)
from ingest.loaders.docx import load_docx
from ingest.loaders.html import decode_html, load_html  # noqa: F401
from ingest.loaders.pdf import OCR_RENDER_SCALE, load_pdf  # noqa: F401
from ingest.loaders.text import load_md, load_txt, strip_markdown  # noqa: F401
from ingest.types import LoadedDoc, LoadError


def load(path: Path, max_bytes: int | None = None, *, ocr: bool = True, limits: Limits = DEFAULT_LIMITS,
         data: bytes | None = None) -> LoadedDoc:
    """Load `path` into a `LoadedDoc`, or raise `LoadError` with a Chinese reason.

    `max_bytes` rejects larger files before reading them. `ocr=False` (Settings.ocr,
    GREENKB_OCR=0) disables the OCR fallback for PDF pages without a text layer (then an
    image-only PDF raises 需要OCR). `limits`: pages, characters, unpacked size, OCR pages.
    `data`: the file's bytes when the caller has read them already (then they are what is
    parsed, whatever the file holds now).
    """
    path = Path(path)
    suffix = path.suffix.lower()
    loader = _LOADERS.get(suffix)
    if loader is None:
        shown = suffix or "（无扩展名）"
        raise LoadError(f"不支持的文件类型：{shown}（支持 PDF、DOCX、HTML、Markdown、TXT）")
    if data is None:
        data = read_bytes(path, max_bytes)
    try:
        doc = loader(data, ocr, limits)
    except LoadError:
        raise
    except RecursionError as exc:
        raise LoadError("文件结构嵌套过深，无法解析") from exc
    except Exception as exc:  # any library failure becomes a user-facing reason
        raise LoadError(f"无法读取{_FORMAT_NAMES[suffix]}文件（{type(exc).__name__}），文件可能已损坏") from exc
    doc.pages = [normalize_newlines(p) for p in doc.pages]
    doc.title_hint = " ".join(doc.title_hint.split())
    return doc


_LOADERS: dict[str, Callable[[bytes, bool, Limits], LoadedDoc]] = {
    ".pdf": load_pdf,
    ".docx": load_docx,
    ".html": load_html,
    ".htm": load_html,
    ".md": load_md,
    ".markdown": load_md,
    ".txt": load_txt,
}
_FORMAT_NAMES = {".pdf": "PDF", ".docx": "DOCX", ".html": "HTML", ".htm": "HTML",
                 ".md": "Markdown", ".markdown": "Markdown", ".txt": "文本"}
SUPPORTED_EXTENSIONS: tuple[str, ...] = tuple(_LOADERS)
