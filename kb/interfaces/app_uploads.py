"""Uploads through the app: pure functions, tested without a browser.

`sanitize_filename`, `save_upload` (into settings.corpus_dir/uploads/), `is_uploaded_file`,
`delete_document` (an upload's file goes with it); `ingest_in_subprocess` runs the ingest in
its own process and follows its progress.
"""
from __future__ import annotations

import os
import re
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Sequence

from kb.interfaces.app_render import strip_control
from kb.settings import Settings
from kb.types import DocumentMeta

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
