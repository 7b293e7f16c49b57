"""Helpers for the Streamlit app (app.py, pages/): pure functions, tested without a browser.

- Safe rendering: `md_escape` turns any document text or file name into Markdown that shows
  exactly that text (no HTML, no links, no Streamlit directives); `highlight_passage` marks a
  quote inside its full article with the same guarantees.
- `article_text`: the full article a cited chunk belongs to (all chunks with its locator).
- Uploads: `sanitize_filename`, `save_upload` (into settings.corpus_dir/uploads/),
  `is_uploaded_file`, `delete_document`; `ingest_in_subprocess` runs the ingest in its own
  process and follows its progress.
- `build_filters`: kb.search.Filters from the sidebar's values.
- `cached_searcher` / `clear_searcher`: one Searcher per data folder, shared by all pages.
"""
from __future__ import annotations

import datetime as _dt
import os
import re
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Sequence

from kb.settings import Settings
from kb.types import DOC_TYPES, DocumentMeta, SearchHit
from kb.versions.articles import join_chunks

# ---------------------------------------------------------------------------- escaping
# CommonMark lets any ASCII punctuation be backslash-escaped; escaping all of it leaves no
# emphasis, link, image, HTML, table, heading, list, math ($) or directive (:name[...]) syntax.
_ASCII_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
# Streamlit turns :shortcode: and :material/icon: into icons after parsing; a zero-width space
# after the first colon keeps them literal text.
_SHORTCODE = re.compile(r":(?=[\w/+-]+:)")
_ZWSP = "\u200b"
# GFM turns www.x / http://x / a@b.c in text into links after parsing (escapes do not stop it).
_AUTOLINK = re.compile(r"(?i)(?<=www)(?=\.)|(?<=:)(?=//)|(?<=@)(?=[\w-])")


def strip_control(text: str, keep_newlines: bool = True) -> str:
    """Remove control/format characters (NUL, ESC, bidi overrides …); keep \\n (and \\t → space)."""
    out = []
    for ch in str(text):
        if ch == "\n" and keep_newlines:
            out.append(ch)
        elif ch in "\t\r\x0b\x0c":
            out.append("\n" if (ch == "\r" and keep_newlines) else " ")
        elif unicodedata.category(ch) in {"Cc", "Cf", "Cs", "Co", "Cn"} and ch not in "\u200b\u200c\u200d":
            continue
        else:
            out.append(ch)
    return "".join(out).replace("\r\n", "\n")


def _escape_line(line: str) -> str:
    line = _SHORTCODE.sub(":" + _ZWSP, line)
    line = _AUTOLINK.sub(_ZWSP, line)
    return "".join("\\" + ch if ch in _ASCII_PUNCT else ch for ch in line)


def md_escape(text: str | None, multiline: bool = True) -> str:
    """Markdown that renders as exactly `text` (as plain, literal text).

    Line breaks become hard breaks; leading ASCII spaces are dropped (they would start a code
    block). With `multiline=False` (labels, table cells) newlines become spaces.
    """
    text = strip_control(text or "")
    if not multiline:
        return _escape_line(" ".join(text.split()))
    lines = [_escape_line(line.strip(" ")) for line in text.split("\n")]
    return "  \n".join(lines)


HIGHLIGHT = "orange-background"
STYLES = {"orange-background", "red-background", "green-background", "blue-background", "gray-background"}


def render_segments(segments: Iterable[tuple[str, str | None]]) -> str:
    """Markdown for a sequence of (text, style) pieces; style is None or one of STYLES.

    Every piece is escaped; styled pieces are wrapped as :style[...] line by line (Streamlit's
    coloured backgrounds), so the text can never open or close markup itself.
    """
    lines: list[list[str]] = [[]]
    for piece, style in segments:
        if style is not None and style not in STYLES:
            raise ValueError(f"unknown style {style}")
        for n, part in enumerate(strip_control(piece or "").split("\n")):
            if n:
                lines.append([])
            if not part:
                continue
            if not lines[-1]:
                part = part.lstrip(" ")
            esc = _escape_line(part)
            lines[-1].append(f":{style}[{esc}]" if style and esc.strip() else esc)
    return "  \n".join("".join(parts).rstrip(" ") for parts in lines)


# ---------------------------------------------------------------------------- highlighting
_SENT_SPLIT = re.compile(r"(?<=[。；;！!？?\n])|…+|\.\.\.+")


def find_quote_spans(text: str, quote: str) -> list[tuple[int, int]]:
    """Character spans of `text` covered by `quote`.

    Exact match first; otherwise whitespace-insensitive matching of the quote as a whole and
    then sentence by sentence (quotes may skip sentences or be joined with "…").
    """
    text = text or ""
    q = (quote or "").strip()
    if not q or not text:
        return []
    i = text.find(q)
    if i >= 0:
        return [(i, i + len(q))]
    positions = [j for j, ch in enumerate(text) if not ch.isspace()]
    compact = "".join(text[j] for j in positions)

    def locate(piece: str) -> tuple[int, int] | None:
        p = "".join(piece.split())
        if len(p) < 2:
            return None
        k = compact.find(p)
        if k < 0:
            return None
        return positions[k], positions[k + len(p) - 1] + 1

    whole = locate(q)
    if whole:
        return [whole]
    spans = []
    for piece in _SENT_SPLIT.split(q):
        piece = piece.strip()
        if len("".join(piece.split())) < 4:
            continue
        span = locate(piece)
        if span:
            spans.append(span)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def highlight_passage(text: str, quote: str) -> str:
    """Markdown of `text` (escaped) with the parts matching `quote` highlighted.

    Every piece of document text goes through `md_escape`; the highlight markup is added
    around escaped pieces line by line, so neither the text nor the quote can break out.
    """
    text = strip_control(text or "")
    spans = find_quote_spans(text, strip_control(quote or ""))
    pieces: list[tuple[str, str | None]] = []
    pos = 0
    for s, e in spans:
        if s > pos:
            pieces.append((text[pos:s], None))
        pieces.append((text[s:e], HIGHLIGHT))
        pos = e
    if pos < len(text):
        pieces.append((text[pos:], None))
    return render_segments(pieces)


def render_ops(ops: Sequence[Mapping[str, str]], side: str = "both", context: int | None = None) -> str:
    """Markdown of a kb.diff word-level edit script: deletions red, insertions green.

    side="both" shows old and new text inline; "a"/"b" only one side. With `context`, long
    unchanged runs are shortened to that many characters on each side of an edit.
    """
    segs: list[tuple[str, str | None]] = []
    for k, op in enumerate(ops):
        kind, a, b = op.get("op", "equal"), op.get("a", ""), op.get("b", "")
        if kind == "equal":
            t = b if side == "b" else a
            if context is not None and len(t) > 2 * context + 1:
                head = "" if k == 0 else t[:context]
                tail = "" if k == len(ops) - 1 else t[-context:]
                t = f"{head}…{tail}"
            segs.append((t, None))
            continue
        if a and side in ("both", "a"):
            segs.append((a, "red-background"))
        if b and side in ("both", "b"):
            segs.append((b, "green-background"))
    return render_segments(segs)


# ---------------------------------------------------------------------------- articles
def article_text(hit: SearchHit, chunks: Sequence[SearchHit]) -> str:
    """The whole article/section `hit` belongs to: the run of chunks sharing its locator.

    Chunks of one long article are consecutive; only the run around the hit is joined (a
    locator such as "header" may recur elsewhere). Falls back to the hit's own text.
    """
    ordered = sorted(chunks, key=lambda c: c.chunk_index)
    pos = next((i for i, c in enumerate(ordered) if c.chunk_index == hit.chunk_index), None)
    if pos is None or not hit.locator or ordered[pos].locator != hit.locator:
        return hit.text
    start = pos
    while start > 0 and ordered[start - 1].locator == hit.locator:
        start -= 1
    end = pos
    while end + 1 < len(ordered) and ordered[end + 1].locator == hit.locator:
        end += 1
    joined = join_chunks([c.text or "" for c in ordered[start : end + 1] if (c.text or "").strip()])
    return joined.strip("\n") or hit.text


LOCATOR_LABELS = {"header": "文首", "preamble": "序言", "title": "标题"}


def locator_label(locator: str) -> str:
    return LOCATOR_LABELS.get(locator or "", locator or "")


def page_label(start: int | None, end: int | None) -> str:
    if not start:
        return ""
    if end and end != start:
        return f"第{start}–{end}页"
    return f"第{start}页"


# ---------------------------------------------------------------------------- filters
def _iso(value: Any) -> str:
    if not value:
        return ""
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.strftime("%Y-%m-%d")
    return str(value)


def filter_values(
    doc_types: Sequence[str] = (),
    regions: Sequence[str] = (),
    date_from: Any = None,
    date_to: Any = None,
    file_names: Sequence[str] = (),
    include_superseded: bool = False,
    issuers: Sequence[str] = (),
) -> dict[str, Any]:
    """The keyword arguments of kb.search.Filters from sidebar values (dates may be date objects)."""
    a, b = _iso(date_from), _iso(date_to)
    if a and b and a > b:
        a, b = b, a
    return {
        "doc_types": [t for t in doc_types if t],
        "regions": [r for r in regions if r],
        "date_from": a,
        "date_to": b,
        "file_names": [f for f in file_names if f],
        "include_superseded": bool(include_superseded),
        "issuers": [i for i in issuers if i],
    }


def build_filters(**values: Any):
    from kb.search.searcher import Filters

    return Filters(**filter_values(**values))


def filters_active(values: Mapping[str, Any]) -> bool:
    return any(values.get(k) for k in ("doc_types", "regions", "date_from", "date_to", "file_names", "issuers"))


# ---------------------------------------------------------------------------- uploads
ALLOWED_UPLOAD_TYPES = ("pdf", "docx", "html", "htm", "md", "txt")
MAX_NAME_BYTES = 180  # leaves room for " (2)" and temp prefixes under the usual 255-byte limit
UPLOADS = "uploads"
_UNSAFE_NAME_CHARS = re.compile(r'[<>:"|?*\\/]')


ALLOWED_TYPES_CN = "PDF、DOCX、HTML、Markdown（.md）、TXT"
CATALOGUE_TYPES = ("xlsx", "xls", "csv")


def upload_type_message(ext: str) -> str:
    """Why a file of this extension is not taken, in Chinese; a spreadsheet is most likely a
    standards catalogue, which the 标准库 page imports."""
    shown = f".{ext}"[:20] if ext else "（无扩展名）"
    if ext in CATALOGUE_TYPES:
        return (f"不支持的文件类型 {shown}：标准目录（CSV / XLSX）请在“标准库”页面的“导入标准目录”中导入"
                f"（或用 python -m kb standards import 文件）；这里只接受 {ALLOWED_TYPES_CN} 文件。")
    return f"不支持的文件类型 {shown}：只接受 {ALLOWED_TYPES_CN} 文件。"


class UploadRejected(ValueError):
    """An upload that cannot be accepted; the message is Chinese and shown to the user."""


def sanitize_filename(name: str) -> str:
    """A safe base name for an uploaded file, or UploadRejected.

    Drops any directory part (../, absolute and Windows paths), control and bidi characters,
    characters illegal on common file systems and leading dots; normalises Unicode (NFC);
    shortens very long names (by UTF-8 bytes) keeping the extension; checks the type.
    """
    raw = unicodedata.normalize("NFC", str(name or ""))
    raw = raw.replace("\\", "/").split("/")[-1]
    raw = strip_control(raw, keep_newlines=False)
    raw = _UNSAFE_NAME_CHARS.sub("_", raw)
    raw = " ".join(raw.split())
    raw = raw.lstrip(". ~$").rstrip(". ")
    stem, dot, ext = raw.rpartition(".")
    if not dot:
        stem, ext = raw, ""
    ext = ext.lower().strip()
    if ext not in ALLOWED_UPLOAD_TYPES:
        raise UploadRejected(upload_type_message(ext))
    stem = stem.strip(" .") or "upload"
    budget = MAX_NAME_BYTES - len(ext) - 1
    encoded = stem.encode("utf-8")
    if len(encoded) > budget:
        stem = encoded[:budget].decode("utf-8", errors="ignore").rstrip(" .") or "upload"
    return f"{stem}.{ext}"


def uploads_dir(settings: Settings) -> Path:
    return Path(settings.corpus_dir) / UPLOADS


def max_upload_bytes(settings: Settings) -> int | None:
    return int(settings.max_file_mb * 1024 * 1024) if settings.max_file_mb and settings.max_file_mb > 0 else None


@dataclass
class SavedUpload:
    path: Path
    original_name: str
    replaced: bool = False  # a different file of the same name was overwritten
    renamed: bool = False  # saved under another name: its sanitised name was another upload's


def save_upload(name: str, data: bytes, settings: Settings) -> SavedUpload:
    """Write an uploaded file to corpus/uploads/ under its sanitised name (atomically).

    Re-uploading a file under the same name replaces it (a new version: the ingest then reports
    "updated"). A name that only became equal to an existing upload's by sanitising ("a:b.md"
    and "a?b.md" both give "a_b.md") is another file: it is saved as "a_b (2).md" (`renamed`).
    Identical bytes under either name are recognised and not written twice.
    """
    safe = sanitize_filename(name)
    limit = max_upload_bytes(settings)
    if not data:
        raise UploadRejected("文件为空")
    if limit is not None and len(data) > limit:
        raise UploadRejected(f"文件过大（{len(data) / 1048576:.1f} MB），上限为 {settings.max_file_mb:g} MB")
    folder = uploads_dir(settings)
    folder.mkdir(parents=True, exist_ok=True)
    root = folder.resolve()
    given = unicodedata.normalize("NFC", str(name or "")).replace("\\", "/").split("/")[-1].strip()
    dest, replaced, renamed = _upload_destination(root, safe, data, same_name=(given == safe))
    if dest.parent != root:  # cannot happen after sanitising; checked anyway
        raise UploadRejected("文件名无效")
    if dest.exists() and not replaced:  # the same bytes are there already
        return SavedUpload(dest, str(name), False, renamed)
    tmp = root / f".upload-{os.getpid()}-{dest.name}"
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, dest)
    finally:
        if tmp.exists():
            tmp.unlink(missing_ok=True)
    return SavedUpload(dest, str(name), replaced, renamed)


def _upload_destination(root: Path, safe: str, data: bytes, same_name: bool) -> tuple[Path, bool, bool]:
    """(where to write, replaces a different file, renamed away from `safe`)."""
    stem, dot, ext = safe.rpartition(".")
    for n in range(1, 1000):
        dest = root / (safe if n == 1 else f"{stem} ({n}){dot}{ext}")
        if dest.is_symlink() or (dest.exists() and not dest.is_file()):
            raise UploadRejected("同名的文件夹或链接已存在，请改名后再上传")
        if not dest.exists() or dest.read_bytes() == data:
            return dest, False, n > 1
        if n == 1 and same_name:
            return dest, True, False
    raise UploadRejected("同名文件过多，请改名后再上传")


def is_uploaded_file(path: str | Path, settings: Settings) -> bool:
    """True when `path` is a regular file inside corpus/uploads/ (the only files the app deletes)."""
    try:
        p = Path(path)
        root = uploads_dir(settings).resolve()
        return p.is_file() and not p.is_symlink() and root in p.resolve().parents
    except (OSError, ValueError):
        return False


def delete_document(meta: DocumentMeta, settings: Settings, index: Any) -> bool:
    """Remove a document from the index; delete its file only if it is an upload.

    Returns True when the file was deleted.
    """
    index.remove_document(meta.doc_id)
    if meta.path and is_uploaded_file(meta.path, settings):
        Path(meta.path).unlink(missing_ok=True)
        return True
    return False


# ---------------------------------------------------------------------------- ingest in its own process
@dataclass
class IngestReport:
    """What an ingest run in its own process reported: results as plain dicts (path, status,
    chunks, reason, title, warnings), notes, seconds; or `error`, one Chinese line."""

    results: list[dict[str, Any]]
    notes: list[str]
    seconds: float = 0.0
    error: str = ""

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.get("status") == status)


def ingest_in_subprocess(paths: Sequence[Path], settings: Settings,
                         progress: Callable[[int, int, str], None] | None = None,
                         timeout: float | None = None) -> IngestReport:
    """Run `python -m ingest` on `paths` in a child process and follow its progress.

    The app never parses a file itself: a file that hangs or exhausts memory costs the child
    (and, through the ingest's own worker limits, only that file), never the app serving
    everyone. Settings reach the child through the environment and config file it inherits;
    the data folder and model are passed explicitly."""
    import json
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]  # the project: `ingest` is importable from here
    boot = f"import sys; sys.path.insert(0, {str(root)!r}); from ingest.__main__ import main; sys.exit(main())"
    cmd = [sys.executable, "-c", boot, *[str(p) for p in paths], "--data", str(settings.data_dir),
           "--embed-model", settings.embed_model, "--progress-json"]
    started = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
                            errors="replace")  # same environment and folder: the same settings
    final: dict[str, Any] = {}
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            try:
                obj = json.loads(line)
            except ValueError:
                continue
            if "progress" in obj and progress is not None:
                done, total, name = obj["progress"]
                progress(int(done), int(total), str(name))
            elif "summary" in obj or "error" in obj:
                final = obj
            if timeout is not None and time.monotonic() - started > timeout:
                proc.kill()
                return IngestReport([], [], error=f"导入超过 {timeout:g} 秒，已中止")
        proc.wait()
        err = proc.stderr.read() if proc.stderr is not None else ""
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    if "summary" in final:
        s = final["summary"]
        return IngestReport(list(s.get("results", [])), list(s.get("notes", [])), float(s.get("seconds", 0.0)))
    if "error" in final:
        return IngestReport([], [], error=str(final["error"]))
    last = strip_control(err.strip().splitlines()[-1], keep_newlines=False)[:200] if err.strip() else ""
    return IngestReport([], [], error=f"导入进程意外退出（退出码 {proc.returncode}）" + (f"：{last}" if last else ""))


# ---------------------------------------------------------------------------- catalog
STATUS_STYLE = {"现行有效": "green", "已被修订": "orange", "已废止": "red", "尚未施行": "blue"}


def document_rows(docs: Iterable[DocumentMeta], statuses: Mapping[str, str] | None = None) -> list[dict[str, Any]]:
    """Table rows for the library page (plain values; the table renders them as text)."""
    statuses = statuses or {}
    rows = []
    order = {t: i for i, t in enumerate(DOC_TYPES)}
    for d in sorted(docs, key=lambda d: (order.get(d.doc_type, len(order)), d.title, d.date)):
        rows.append(
            {
                "标题": strip_control(d.title, keep_newlines=False),
                "类型": d.doc_type,
                "发布机关": strip_control(d.issuer, keep_newlines=False),
                "文号": strip_control(d.doc_number, keep_newlines=False),
                "版本日期": d.date,
                "施行日期": d.effective_date,
                "地区": d.region,
                "页数": d.pages if d.pages else None,
                "片段数": d.chunks,
                "状态": statuses.get(d.doc_id, ""),
                "文件名": strip_control(d.file_name, keep_newlines=False),
            }
        )
    return rows


EMPTY_STATE = (
    "知识库中还没有文件。添加文件的两种方式：\n\n"
    "1. 打开左侧的 **文件库** 页面，上传 PDF、DOCX、HTML、Markdown 或 TXT 文件；\n"
    "2. 把文件放进 `corpus/` 文件夹，然后在命令行运行 `python -m ingest corpus`。"
)


def error_message(exc: BaseException, what: str) -> str:
    """One Chinese line for the user (the UI escapes it before showing)."""
    from kb.index.store import IndexError_

    if isinstance(exc, IndexError_):
        return f"{what}：{exc}"
    detail = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else ""
    return f"{what}：{type(exc).__name__}{'：' + detail if detail else ''}"


# ---------------------------------------------------------------------------- streamlit glue
_live: dict[tuple[str, str, str], Any] = {}


def _searcher_key(settings: Settings) -> tuple[str, str, str]:
    server = f"{settings.chroma_host}:{settings.chroma_port}" if settings.server_mode else ""
    return (str(Path(settings.data_dir).resolve()), settings.embed_model, server)


def _make_searcher(data_dir: str, model: str, server: str, _settings: Settings):
    from kb.search.searcher import Searcher

    searcher = Searcher(_settings)
    _live[(data_dir, model, server)] = searcher
    return searcher


_cached = None


def cached_searcher(settings: Settings):
    """One Searcher per data folder, shared by every page and session (st.cache_resource)."""
    global _cached
    if _cached is None:
        import streamlit as st

        _cached = st.cache_resource(show_spinner="正在加载检索模型和索引…")(_make_searcher)
    return _cached(*_searcher_key(settings), settings)


def refresh_searcher(settings: Settings) -> None:
    """After an ingest or a deletion: make the cached Searcher (if any) reload the index now.

    The Searcher notices index changes by itself, but only every few seconds; this makes the
    very next question see the change without reloading the embedding model.
    """
    searcher = _live.get(_searcher_key(settings))
    if searcher is None:
        return
    try:
        searcher.refresh(force=True)
    except Exception:
        _live.pop(_searcher_key(settings), None)
        clear_searcher()


def open_catalog(settings: Settings):
    """(Index, catalog) for a page; on failure one Chinese error is shown and None returned."""
    import streamlit as st

    from kb.index.store import Index

    try:
        index = Index(settings)
        return index, index.documents()
    except Exception as exc:
        st.error(md_escape(error_message(exc, "无法打开知识库")))
        return None


def clear_searcher() -> None:
    _live.clear()
    if _cached is not None:
        _cached.clear()
