"""Read a file from disk into a `LoadedDoc`: raw text, page by page.

    load(path, max_bytes=None) -> LoadedDoc

Dispatches on the file extension (.pdf .docx .html .htm .md .markdown .txt). Anything
that cannot be read becomes `LoadError(reason)` with a short Chinese reason; library
exceptions never escape. Cleaning (running headers, broken lines, spacing) is not done
here but in `ingest.clean`; loaders only decode, extract and normalise line endings.
"""
from __future__ import annotations

import codecs
import html as html_lib
import io
import os
import re
import zipfile
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from ingest.types import LoadedDoc, LoadError

# Characters that carry no content and confuse downstream regexes (BOM, zero-width).
_INVISIBLE_RE = re.compile("[\ufeff\u200b\u200c\u200d\u2060\u00ad]")
# Control characters other than tab/newline: PDF extraction sometimes emits them.
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# Render scale for OCR: 2.0 ≈ 144 dpi, enough for body text, fast enough on CPU.
OCR_RENDER_SCALE = 2.0

# --------------------------------------------------------------------------- public API


def load(path: Path, max_bytes: int | None = None, *, ocr: bool | None = None) -> LoadedDoc:
    """Load `path` into a `LoadedDoc`, or raise `LoadError` with a Chinese reason.

    `max_bytes` rejects larger files before reading them. `ocr=False` disables the OCR
    fallback for PDF pages without a text layer (then an image-only PDF raises 需要OCR);
    the default (None) follows the environment: GREENKB_OCR=0 turns OCR off.
    """
    path = Path(path)
    if ocr is None:
        ocr = ocr_enabled()
    suffix = path.suffix.lower()
    loader = _LOADERS.get(suffix)
    if loader is None:
        shown = suffix or "（无扩展名）"
        raise LoadError(f"不支持的文件类型：{shown}（支持 PDF、DOCX、HTML、Markdown、TXT）")
    data = _read_bytes(path, max_bytes)
    try:
        doc = loader(data, ocr)
    except LoadError:
        raise
    except RecursionError as exc:
        raise LoadError("文件结构嵌套过深，无法解析") from exc
    except Exception as exc:  # any library failure becomes a user-facing reason
        raise LoadError(f"无法读取{_FORMAT_NAMES[suffix]}文件（{type(exc).__name__}），文件可能已损坏") from exc
    doc.pages = [normalize_newlines(p) for p in doc.pages]
    doc.title_hint = " ".join(doc.title_hint.split())
    return doc


def ocr_enabled() -> bool:
    """OCR of image-only PDF pages is on unless GREENKB_OCR is 0/false/no/off."""
    return os.environ.get("GREENKB_OCR", "1").strip().lower() not in {"0", "false", "no", "off"}


_ERRNO_REASONS = {
    "ENOSPC": "磁盘空间不足",
    "EDQUOT": "磁盘配额已满",
    "EACCES": "没有访问权限",
    "EPERM": "没有操作权限",
    "EROFS": "只读文件系统，无法写入",
    "ENOTDIR": "路径中有一部分是文件而不是文件夹",
    "EISDIR": "是文件夹而不是文件",
    "ENOENT": "文件或文件夹不存在",
    "EEXIST": "同名文件已存在",
    "ENAMETOOLONG": "路径过长",
    "EIO": "磁盘读写错误",
}


def describe_os_error(exc: OSError) -> str:
    """A short Chinese reason for an OSError (disk full, no permission, not a folder …)."""
    import errno

    name = errno.errorcode.get(exc.errno or 0, "")
    reason = _ERRNO_REASONS.get(name)
    detail = exc.strerror or type(exc).__name__
    where = f"：{exc.filename}" if exc.filename else ""
    return f"{reason}（{detail}）{where}" if reason else f"{detail}{where}"


def normalize_newlines(text: str) -> str:
    """\\r\\n and \\r become \\n; BOMs, zero-width and control characters are dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE_RE.sub("", text)
    return _CONTROL_RE.sub("", text)


def decode_text(data: bytes) -> str:
    """Decode plain-text bytes: BOM, then strict UTF-8, then GB18030, then a guess."""
    bom = _decode_by_bom(data)
    if bom is not None:
        return bom
    try:
        utf8 = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if not _only_two_byte_utf8(utf8):
            return utf8
        # Every non-ASCII character a two-byte UTF-8 sequence (Cyrillic, Greek, accents …) and
        # no CJK at all: a short GBK text can look like that ("一" = D2 BB = "һ").
        try:
            gb = data.decode("gb18030")
        except UnicodeDecodeError:
            return utf8
        return gb if _common_score(gb) > 0.5 else utf8
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    # GB18030 accepts almost any byte sequence, Big5 (Taiwan/Hong Kong) included, and turns
    # it into nonsense; take Big5 when it reads as clearly more ordinary Chinese.
    big5 = _decode_big5(data)
    if big5 is not None and (text is None or _common_score(big5) > 1.5 * _common_score(text) + 0.05):
        return big5
    return text if text is not None else _decode_guess(data)


# --------------------------------------------------------------------------- helpers


def _read_bytes(path: Path, max_bytes: int | None) -> bytes:
    """Read the file after size checks, so huge files are refused without reading them."""
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise LoadError(f"文件不存在：{path.name}") from exc
    except OSError as exc:
        raise LoadError(f"无法访问文件：{path.name}（{describe_os_error(exc)}）") from exc
    if not path.is_file():
        raise LoadError(f"不是普通文件：{path.name}")
    if size == 0:
        raise LoadError("文件为空（0 字节）")
    if max_bytes is not None and size > max_bytes:
        raise LoadError(f"文件过大：{_mb(size)}，超过上限 {_mb(max_bytes)}")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise LoadError(f"无法读取文件：{path.name}（{describe_os_error(exc)}）") from exc


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB"


def _decode_by_bom(data: bytes) -> str | None:
    """Decode by byte-order mark, or None when there is none. UTF-32 before UTF-16."""
    boms = (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    )
    for bom, encoding in boms:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    return None


def _only_two_byte_utf8(text: str) -> bool:
    """Has non-ASCII characters, all below U+0800 (two bytes each in UTF-8)."""
    return _TWO_BYTE_RE.search(text) is not None and _THREE_BYTE_RE.search(text) is None


_TWO_BYTE_RE = re.compile("[\x80-\u07ff]")
_THREE_BYTE_RE = re.compile("[^\x00-\u07ff]")


def _decode_big5(data: bytes) -> str | None:
    """Strict Big5 (cp950, then HKSCS) decoding, or None when the bytes are not Big5."""
    for encoding in ("cp950", "big5hkscs"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


# Very common characters in Chinese prose (policy texts in particular); their traditional
# forms are added at first use. Right decodings are full of them, wrong ones are not.
_COMMON_SIMPLIFIED = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过"
    "子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体"
    "制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内"
    "数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提"
    "直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计"
    "别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海"
    "口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身"
    "车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石"
    "记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青"
    "省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候亲快效院查型按格养"
    "易置层片始却专状育厂识适属包火住调满县局照参红细引听该价严能源环境保护污染排放绿色循环利用监"
    "督检查罚款责任施行规定条例办法通知意见标准"
)


@lru_cache(maxsize=1)
def _common_chars() -> frozenset[str]:
    chars = set(_COMMON_SIMPLIFIED)
    try:
        import opencc

        chars |= set(opencc.OpenCC("s2t").convert(_COMMON_SIMPLIFIED))
    except Exception:  # pragma: no cover - opencc is a pinned dependency
        pass
    return frozenset(chars)


def _common_score(text: str, sample: int = 20000) -> float:
    """Share of common Chinese characters among the non-ASCII characters of a sample."""
    common = _common_chars()
    wide = [ch for ch in text[:sample] if ord(ch) > 0x7F and not ch.isspace()]
    if not wide:
        return 0.0
    return sum(ch in common for ch in wide) / len(wide)


def _decode_guess(data: bytes) -> str:
    """Last resort: charset_normalizer's best guess, else GB18030 with replacement."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        return str(best)
    return data.decode("gb18030", errors="replace")


# --------------------------------------------------------------------------- PDF


def _load_pdf(data: bytes, ocr: bool) -> LoadedDoc:
    reader = _open_pdf(data)
    pages: list[str] = []
    warnings: list[str] = []
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
        title_hint=_pdf_title(reader),
        ocr_pages=ocr_pages,
        warnings=warnings,
    )


def _open_pdf(data: bytes) -> Any:
    """Open with pypdf after cheap sanity checks; decrypt an empty user password."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, PdfReadError

    head = data[:1024]
    if b"%PDF-" not in head:
        raise LoadError("不是有效的PDF文件（缺少PDF文件头）")
    # pypdf silently rebuilds truncated files; a missing %%EOF means we would index half a
    # document and cite it as if it were whole, so refuse it instead.
    if b"%%EOF" not in data[-2048:]:
        raise LoadError("PDF文件不完整（可能下载或复制时被截断）")
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


# --------------------------------------------------------------------------- DOCX

_W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _load_docx(data: bytes, ocr: bool) -> LoadedDoc:
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
        raise LoadError(f"DOCX解压后过大（{_mb(total)}），可能是恶意或损坏的文件")


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


# --------------------------------------------------------------------------- HTML

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
_TITLE_SUFFIX_RE = re.compile(r"\s*(?:_|\s-\s|\s–\s|\s—\s|\|).*$")


def _load_html(data: bytes, ocr: bool) -> LoadedDoc:
    text = decode_html(data)
    try:
        lines, title = _html_extract(text)
    except RecursionError:
        lines, title = _html_extract_flat(text), ""
    return LoadedDoc(pages=["\n".join(lines)], paged=False, source_format="html", title_hint=title)


def decode_html(data: bytes) -> str:
    """Decode HTML bytes: BOM, declared charset (GBK family → GB18030), UTF-8, GB18030, guess."""
    bom = _decode_by_bom(data)
    if bom is not None:
        return bom
    declared = _declared_charset(data[:4096])
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text(data)


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
    _drop_clutter(soup)
    root = _main_container(soup)
    lines = _block_text_lines(root)
    return [ln for ln in lines if not _is_clutter_line(ln)], title


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
        line = raw.strip(" \t" + _CELL_MARK)
        line = re.sub(r"\s*" + _CELL_MARK + r"[\s" + _CELL_MARK + r"]*", " | ", line)
        if line.strip():
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


# --------------------------------------------------------------------------- MD / TXT

_MD_HEADING_RE = re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", re.M)
_MD_COMMENT_RE = re.compile(r"<!--.*?-->", re.S)
_MD_FENCE_RE = re.compile(r"^ {0,3}(```|~~~).*$", re.M)
_MD_RULE_RE = re.compile(r"^ {0,3}([-*_])([ \t]*\1){2,}[ \t]*$", re.M)
_MD_TABLE_SEP_RE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$", re.M)
_MD_IMAGE_RE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK_RE = re.compile(r"\[([^\]]+)\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_MD_EMPHASIS_RE = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_QUOTE_RE = re.compile(r"^ {0,3}>[ \t]?", re.M)


def _load_txt(data: bytes, ocr: bool) -> LoadedDoc:
    text = decode_text(data)
    return LoadedDoc(pages=[text], paged=False, source_format="txt")


_FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.S)


def _load_md(data: bytes, ocr: bool) -> LoadedDoc:
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


# --------------------------------------------------------------------------- dispatch

_LOADERS: dict[str, Callable[[bytes, bool], LoadedDoc]] = {
    ".pdf": _load_pdf,
    ".docx": _load_docx,
    ".html": _load_html,
    ".htm": _load_html,
    ".md": _load_md,
    ".markdown": _load_md,
    ".txt": _load_txt,
}
_FORMAT_NAMES = {".pdf": "PDF", ".docx": "DOCX", ".html": "HTML", ".htm": "HTML",
                 ".md": "Markdown", ".markdown": "Markdown", ".txt": "文本"}
SUPPORTED_EXTENSIONS: tuple[str, ...] = tuple(_LOADERS)
