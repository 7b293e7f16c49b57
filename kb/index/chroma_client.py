"""The Chroma client, and what its failures mean to the user.

`make_client` opens the store named by the settings: an HTTP client to a Chroma server (every
request bounded by Settings.chroma_timeout) or the embedded store at DATA/chroma, served from a
private copy when the data folder is read-only. `explain` turns a store failure (server down or
slow, disk full, damaged or read-only store) into one Chinese line saying what to do;
`IndexError_` carries such a line.
"""
from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from kb.settings import Settings

log = logging.getLogger(__name__)

PAGE = 2000  # records per Chroma get/add call; well under Chroma's max batch size


class IndexError_(RuntimeError):
    """An index problem the user can act on; the message is Chinese and self-contained."""


def make_client(settings: Settings):
    """A Chroma client: HTTP to a server (every request under Settings.chroma_timeout), or the
    embedded store at DATA/chroma. A read-only data folder is served from a private copy of the
    store (Chroma cannot open a store it cannot write: "attempt to write a readonly database");
    a damaged store raises IndexError_ saying what to do."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if settings.server_mode:
        return _http_client(settings, chroma_settings)
    path = settings.layout.chroma
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        if not path.is_dir():
            raise
        log.debug("data folder not writable: %s", exc)
    if not _writable(path):
        path = _read_only_copy(path)
    try:
        return chromadb.PersistentClient(path=str(path), settings=chroma_settings)
    except Exception as exc:
        raise IndexError_(explain(exc, settings) or f"无法打开索引 {settings.layout.chroma}：{type(exc).__name__}: {exc}") from exc


def _writable(path: Path) -> bool:
    """Whether Chroma can write its store here (root passes access() checks except on a
    read-only mount, which is the case that matters)."""
    db = path / "chroma.sqlite3"
    return os.access(path, os.W_OK) and (not db.exists() or os.access(db, os.W_OK))


_copies: dict[str, tuple[float, str]] = {}  # store → (its mtime when copied, the copy)


def _read_only_copy(path: Path) -> Path:
    """A private copy of a store that cannot be written, made once per process (again when the
    store changed since); removed when the process ends."""
    import atexit
    import shutil
    import tempfile

    db = path / "chroma.sqlite3"
    stamp = db.stat().st_mtime if db.exists() else 0.0
    kept = _copies.get(str(path))
    if kept and kept[0] == stamp and Path(kept[1]).is_dir():
        return Path(kept[1])
    if not _copies:
        atexit.register(lambda: [shutil.rmtree(d, ignore_errors=True) for _s, d in _copies.values()])
    tmp = tempfile.mkdtemp(prefix="greenkb-ro-")
    shutil.copytree(path, tmp, dirs_exist_ok=True)
    if kept:
        shutil.rmtree(kept[1], ignore_errors=True)
    _copies[str(path)] = (stamp, tmp)
    log.info("data folder %s is read-only: serving from a copy in %s", path, tmp)
    return Path(tmp)


def _http_client(settings: Settings, chroma_settings: Any):
    """HttpClient whose connection check and every later request end within chroma_timeout."""
    import threading

    import chromadb

    headers = {"Authorization": f"Bearer {settings.chroma_token}"} if settings.chroma_token else None
    where = f"{settings.chroma_host}:{settings.chroma_port}"
    result: dict[str, Any] = {}

    def connect() -> None:
        try:
            result["client"] = chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port,
                                                   ssl=settings.chroma_ssl, headers=headers, settings=chroma_settings)
        except BaseException as exc:
            result["error"] = exc

    worker = threading.Thread(target=connect, name="greenkb-chroma-connect", daemon=True)
    worker.start()
    worker.join(max(0.1, settings.chroma_timeout))
    if worker.is_alive():
        raise IndexError_(f"Chroma 服务器 {where} 在 {settings.chroma_timeout:g} 秒内没有响应：请检查服务器是否正常运行"
                          "（超时时间可用 GREENKB_CHROMA_TIMEOUT 调整）")
    if "error" in result:
        exc = result["error"]
        raise IndexError_(f"无法连接 Chroma 服务器 {where}：{type(exc).__name__}") from exc
    client = result["client"]
    try:
        import httpx

        client._server._session.timeout = httpx.Timeout(settings.chroma_timeout)  # chromadb sets no timeout
    except AttributeError:
        log.warning("could not set a timeout on the Chroma HTTP client")
    return client


def explain(exc: BaseException, settings: Settings) -> str:
    """One Chinese line that says what went wrong with the store and what to do, or ''."""
    text = f"{type(exc).__name__}: {exc}"
    low = text.lower()
    names = {type(e).__name__ for e in _chain(exc)}
    if settings.server_mode and (any("Timeout" in n for n in names) or "timed out" in low):
        return (f"Chroma 服务器 {settings.chroma_host}:{settings.chroma_port} 在 {settings.chroma_timeout:g} 秒内没有响应："
                "请检查服务器是否正常运行（超时时间可用 GREENKB_CHROMA_TIMEOUT 调整）")
    if settings.server_mode and any("Connect" in n for n in names):
        return f"无法连接 Chroma 服务器 {settings.chroma_host}:{settings.chroma_port}：请确认服务器已启动、地址和端口正确"
    if "no space left" in low or "disk is full" in low or "enospc" in low or _disk_nearly_full(settings):
        return f"磁盘空间不足：数据目录 {settings.data_dir} 所在的磁盘{_free_text(settings)}，请释放空间后重新运行导入（已提交的文件不受影响）"
    if any(k in low for k in ("file is not a database", "malformed", "database disk image", "corrupt")):
        return (f"索引文件已损坏（{settings.layout.chroma}）：请把该文件夹移走或删除，再重新导入文件"
                f"（python -m ingest 文件夹 --data {settings.data_dir}）；原始文件不受影响")
    if "readonly database" in low or "read-only" in low:
        return f"数据目录 {settings.data_dir} 是只读的，无法写入：导入需要可写的数据目录"
    return ""


def _chain(exc: BaseException) -> list[BaseException]:
    out: list[BaseException] = []
    while exc is not None and exc not in out:
        out.append(exc)
        exc = exc.__cause__ or exc.__context__  # type: ignore[assignment]
    return out


def free_bytes(settings: Settings) -> int | None:
    import shutil

    try:
        return shutil.disk_usage(settings.data_dir if Path(settings.data_dir).exists() else Path(settings.data_dir).parent).free
    except OSError:
        return None


def _disk_nearly_full(settings: Settings) -> bool:
    free = None if settings.server_mode else free_bytes(settings)
    return free is not None and free < (16 << 20)


def _free_text(settings: Settings) -> str:
    free = free_bytes(settings)
    return f"只剩 {free / 1048576:.1f} MB" if free is not None else "空间已满"
