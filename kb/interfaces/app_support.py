"""Helpers for the Streamlit app (app.py, pages/): pure functions, tested without a browser.

- `build_filters`: kb.search.Filters from the sidebar's values.
- The library page's rows (`document_rows`), the empty state, and `error_message` (one
  Chinese line for any failure).
- `cached_searcher` / `clear_searcher`: one Searcher per data folder, shared by all pages.

Safe Markdown rendering is in kb.interfaces.app_render, uploads and the ingest of uploaded files
in kb.interfaces.app_uploads.
"""
from __future__ import annotations

import datetime as _dt
import logging
import threading
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from kb.interfaces.app_render import md_escape, strip_control
from kb.settings import Settings
from kb.types import DOC_TYPES, DocumentMeta

log = logging.getLogger(__name__)

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
    from kb.index.chroma_client import IndexError_

    if isinstance(exc, IndexError_):
        return f"{what}：{exc}"
    detail = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else ""
    return f"{what}：{type(exc).__name__}{'：' + detail if detail else ''}"


# ---------------------------------------------------------------------------- streamlit glue
_live: dict[tuple[str, str, str], Any] = {}
_warm_lock = threading.Lock()


def _searcher_key(settings: Settings) -> tuple[str, str, str]:
    server = f"{settings.chroma_host}:{settings.chroma_port}" if settings.server_mode else ""
    return (str(Path(settings.data_dir).resolve()), settings.embed_model, server)


_warming: dict[tuple[str, str, str], threading.Thread] = {}


def prewarm(settings: Settings) -> None:
    """On the first page view of the process: load the embedding model, the tokenizer's
    dictionary and the answer modules in a background thread, while the page is drawn and the
    catalog read, so that the first question does not wait for them. Touches no index (Chroma
    is opened by the page itself); the Searcher built for the first question then finds them
    loaded."""
    key = _searcher_key(settings)
    with _warm_lock:
        if key in _warming or key in _live:
            return
        thread = threading.Thread(target=_warm, args=(settings,), name="greenkb-prewarm", daemon=True)
        _warming[key] = thread
    thread.start()


def _warm(settings: Settings) -> None:
    try:
        import kb.answers.answer  # noqa: F401  (its imports and patterns)
        from kb.index import lexical
        from kb.index.embedding import get_embedder, model_key

        lexical.tokenize("重点用能单位应当报送能源利用状况报告")
        if model_key(settings.embed_model) != "none":
            get_embedder(settings.embed_model, settings.embed_batch, settings.e5_engine, settings.engine_cache,
                         settings.compiler).embed_query("预热")
    except Exception:  # the first question loads them again and reports what fails
        log.debug("prewarm failed", exc_info=True)


def _make_searcher(data_dir: str, model: str, server: str, _settings: Settings):
    from kb.search.searcher import Searcher

    warming = _warming.get((data_dir, model, server))
    if warming is not None:
        warming.join()  # loading the same model twice would only cost time
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
