"""The PDF page a citation names, rendered with pdfium, with the cited sentences highlighted.

    views = page_views(path, page_start, page_end, quote)   # [PageView(page, png, boxes)]

Pages are those of the chunk (1-based, as ingest.loaders.pdf_text counts them: the n-th page of
the file, not its printed folio). On each, the quote is found in the page's own characters —
whitespace and line breaks aside, width folded (NFKC), the whole quote first, else sentence by
sentence, else clause by clause (a clause cut by a page break by its head or its tail), since the
page has headers, footers and line breaks the indexed text has not — and the character boxes of
every match are merged into one box per printed line, then drawn onto the rendered page.
"""
from __future__ import annotations

import ctypes
import io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SCALE = 1.6  # 72 dpi × 1.6: an A4 page about 950 px wide, sharp enough to read
MAX_PAGES = 3
FILL = (255, 196, 0, 95)  # translucent amber: the text stays readable under it
EDGE = (214, 110, 0, 255)
_SENTENCES = re.compile(r"(?<=[。；;！!？?\n])")
_CLAUSES = re.compile(r"(?<=[，,、：:（）()])")
MIN_PIECE = 4  # shorter pieces match by accident
MIN_SPLIT = 5  # the least of a clause taken as its part on one side of a page break
STRONG = 8  # a piece this long is taken wherever it is found; shorter ones only next to another match
ADJACENT = 2  # characters (whitespace aside) between two matches that still count as next to each other


@dataclass
class PageView:
    page: int  # 1-based
    png: bytes
    boxes: list[tuple[float, float, float, float]] = field(default_factory=list)  # pixels: left, top, right, bottom

    @property
    def found(self) -> bool:
        return bool(self.boxes)


def is_pdf(path: str | Path) -> bool:
    return Path(path).suffix.lower() == ".pdf"


# ---------------------------------------------------------------------- finding the quote
def _page_chars(textpage: Any) -> list[str]:
    """The page's characters by pdfium index (one per index, also outside the BMP)."""
    import pypdfium2.raw as pdfium_c

    return [chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, i) or 0x20) for i in range(textpage.count_chars())]


def _compact(chars: list[str]) -> tuple[str, list[int]]:
    """The characters without whitespace, width-folded, and for each the pdfium index it came from."""
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(chars):
        for c in unicodedata.normalize("NFKC", ch):
            if not c.isspace():
                out.append(c)
                where.append(i)
    return "".join(out), where


def _norm(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKC", text) if not c.isspace())


def _pieces(quote: str) -> list[str]:
    """The quote, then its sentences, then each sentence's clauses: what to look for, longest first."""
    return [quote] + [s for s in _SENTENCES.split(quote) if s.strip()]


def find_spans(chars: list[str], quote: str) -> list[tuple[int, int]]:
    """pdfium index ranges [start, end) of the page's characters that the quote covers.

    A short piece (a clause under STRONG characters, or the part of one cut by a page break) is
    only kept next to another kept match: alone it is as likely a header line or a common phrase
    (（测试样例）, 本办法) elsewhere on the page."""
    compact, where = _compact(chars)
    if not compact or not _norm(quote):
        return []
    found: list[tuple[int, int, bool]] = []  # compact start, end, strong

    def locate(piece: str, strong: bool | None = None) -> bool:
        p = _norm(piece)
        if len(p) < MIN_PIECE:
            return False
        k = compact.find(p)
        if k < 0:
            return False
        found.append((k, k + len(p), len(p) >= STRONG if strong is None else strong))
        return True

    def split_by_page(piece: str) -> None:
        """A clause cut by a page break: its longest head found here (the page it starts on),
        or its longest tail (the page it ends on)."""
        p = _norm(piece)
        for n in range(len(p) - 1, MIN_SPLIT - 1, -1):
            if locate(p[:n], False) or locate(p[-n:], False):
                return

    if not locate(quote, True):
        for sentence in _pieces(quote)[1:]:
            if not locate(sentence, True):
                for clause in _CLAUSES.split(sentence):
                    if not locate(clause):
                        split_by_page(clause)
    kept = [(s, e) for s, e, strong in found if strong]
    weak = [(s, e) for s, e, strong in found if not strong]
    while weak:
        near = [w for w in weak if any(w[0] <= e + ADJACENT and s <= w[1] + ADJACENT for s, e in kept)]
        if not near:
            break
        kept += near
        weak = [w for w in weak if w not in near]
    merged: list[tuple[int, int]] = []
    for s, e in sorted(kept):
        if merged and s <= merged[-1][1] + ADJACENT:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return [(where[s], where[e - 1] + 1) for s, e in merged]


def line_boxes(textpage: Any, chars: list[str], spans: list[tuple[int, int]]) -> list[tuple[float, float, float, float]]:
    """One box (PDF units: left, bottom, right, top) per printed line the spans cover: the
    characters' boxes joined while they sit on the same line."""
    lines: list[list[float]] = []
    for start, end in spans:
        current: list[float] | None = None
        for i in range(start, end):
            if chars[i].isspace():
                continue
            left, bottom, right, top = textpage.get_charbox(i, loose=True)
            if right <= left or top <= bottom:
                continue
            middle = (bottom + top) / 2
            same_line = current is not None and current[1] <= middle <= current[3] and left >= current[0] - (top - bottom)
            if same_line:
                current[0], current[1] = min(current[0], left), min(current[1], bottom)
                current[2], current[3] = max(current[2], right), max(current[3], top)
            else:
                current = [left, bottom, right, top]
                lines.append(current)
    return [tuple(b) for b in lines]  # type: ignore[misc]


# ---------------------------------------------------------------------- rendering
def _to_device(page: Any, width: int, height: int, x: float, y: float) -> tuple[int, int]:
    """PDF page coordinates → pixels of a bitmap of the page rendered at (width, height), through
    pdfium's own transform (the page's crop box and /Rotate included)."""
    import pypdfium2.raw as pdfium_c

    dx, dy = ctypes.c_int(), ctypes.c_int()
    pdfium_c.FPDF_PageToDevice(page.raw, 0, 0, width, height, 0, ctypes.c_double(x), ctypes.c_double(y),
                               ctypes.byref(dx), ctypes.byref(dy))
    return dx.value, dy.value


def render_page(page: Any, boxes: list[tuple[float, float, float, float]], scale: float = SCALE) -> tuple[bytes, list]:
    """(PNG of the page with the boxes drawn, the boxes in pixels)."""
    from PIL import Image, ImageDraw

    image = page.render(scale=scale).to_pil().convert("RGBA")
    overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    pixels = []
    pad = max(1, round(scale))
    for left, bottom, right, top in boxes:
        x0, y0 = _to_device(page, image.width, image.height, left, top)
        x1, y1 = _to_device(page, image.width, image.height, right, bottom)
        box = (min(x0, x1) - pad, min(y0, y1) - pad, max(x0, x1) + pad, max(y0, y1) + pad)
        draw.rectangle(box, fill=FILL, outline=EDGE, width=2)
        pixels.append(tuple(float(v) for v in box))
    out = io.BytesIO()
    Image.alpha_composite(image, overlay).convert("RGB").save(out, format="PNG", optimize=False)
    return out.getvalue(), pixels


def page_views(path: str | Path, page_start: int | None, page_end: int | None, quote: str,
               scale: float = SCALE) -> list[PageView]:
    """The pages of a citation (at most MAX_PAGES from page_start), those where the quote was
    found; the first page alone, without boxes, when it was found on none. Raises OSError /
    ValueError when the file cannot be read as a PDF."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        raise ValueError(f"无法打开 PDF：{exc}") from None
    try:
        count = len(pdf)
        first = min(max(1, page_start or 1), count)
        last = min(max(first, page_end or first), count, first + MAX_PAGES - 1)
        views: list[PageView] = []
        for number in range(first, last + 1):
            page = pdf[number - 1]
            textpage = page.get_textpage()
            chars = _page_chars(textpage)
            boxes = line_boxes(textpage, chars, find_spans(chars, quote)) if quote.strip() else []
            if boxes:
                png, pixels = render_page(page, boxes, scale)
                views.append(PageView(number, png, pixels))
        if not views:
            png, _ = render_page(pdf[first - 1], [], scale)
            views.append(PageView(first, png, []))
        return views
    finally:
        pdf.close()


# ---------------------------------------------------------------------- the app's page viewer
def _cached_views(path: str, mtime: float, start: int | None, end: int | None, quote: str) -> list[PageView]:
    return page_views(path, start, end, quote)


_cached = None


def views_for(path: str, start: int | None, end: int | None, quote: str) -> list[PageView]:
    """page_views, kept by Streamlit between reruns (the file's mtime in the key: a changed file
    is rendered again)."""
    global _cached
    if _cached is None:
        import streamlit as st

        _cached = st.cache_data(max_entries=32, show_spinner="正在渲染原文页面…")(_cached_views)
    return _cached(str(path), Path(path).stat().st_mtime, start, end, quote)


def has_page(src: dict[str, Any]) -> bool:
    """A source entry of the chat whose original is a PDF on disk with a page number."""
    path = src.get("path") or ""
    return bool(path and is_pdf(path) and src.get("page_start") and Path(path).is_file())


def page_button(src: dict[str, Any], key: str) -> None:
    """In a source's panel: a button opening the cited PDF page, the quote highlighted."""
    import streamlit as st

    if st.button("查看PDF原页（标出引用的句子）", key=f"{key}-page", icon=":material/picture_as_pdf:"):
        _page_dialog(src)


def _page_dialog(src: dict[str, Any]) -> None:
    import streamlit as st

    from kb.interfaces import app_support as sup
    from kb.text.titles import book_title

    @st.dialog("原文页面", width="large")
    def show() -> None:
        st.markdown(sup.md_escape(f"{book_title(src['title'])}{src['locator']}（{src['file_name']}）", multiline=False))
        try:
            views = views_for(src["path"], src.get("page_start"), src.get("page_end"),
                              src.get("quote") or src.get("passage") or "")
        except (OSError, ValueError) as exc:
            st.error(sup.md_escape(sup.error_message(exc, "无法显示原文页面")))
            return
        if not any(v.found for v in views):
            st.caption("未能在页面上定位引用的句子（例如扫描页），下面是引用所在的页面。")
        else:
            st.caption("底色标出的是回答引用的句子。")
        for v in views:
            label = f"第{v.page}页" + ("，标出了引用的句子" if v.found else "")
            st.image(v.png, caption=label, alt=f"原文{label}", width="stretch")

    show()
