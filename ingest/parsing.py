"""Parse one file into a document and its chunks, and run many files through worker
processes with time and memory limits (ingest.workers)."""
from __future__ import annotations

import logging
import os
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from ingest import chunking, clean, loaders, metadata, structure
from ingest.files import bytes_hash
from ingest.types import LoadError
from ingest.workers import JobLimits, run_isolated
from kb.answers.hostile import document_warning, hostile_sentences
from kb.index import lexical
from kb.index.embedding import model_key
from kb.settings import Settings
from kb.types import Chunk, DocumentMeta

log = logging.getLogger(__name__)

POOL_MIN_FILES = 24


def limits_of(settings: Settings) -> loaders.Limits:
    return loaders.Limits(max_pages=settings.max_pages, max_chars=settings.max_chars,
                          max_unzipped_bytes=int(settings.max_unzipped_mb) << 20, max_ocr_pages=settings.max_ocr_pages)


def parse_file(path: Path, doc_id: str, digest: str = "", max_bytes: int | None = None,
               ocr: bool = True, limits: loaders.Limits = loaders.DEFAULT_LIMITS,
               source: str = "") -> tuple[DocumentMeta, list[Chunk]]:
    """Load, clean, structure, chunk and describe one file. Raises LoadError when unreadable.
    `max_bytes`, `ocr` and `limits` come from Settings (max_file_mb, ocr, max_pages …).

    The file is read once: the content hash recorded (`meta.content_hash`) is that of the
    bytes parsed, even when the file changed after `digest` was taken from it."""
    data = loaders.read_bytes(path, max_bytes)
    digest = bytes_hash(data)
    loaded = loaders.load(path, max_bytes=max_bytes, ocr=ocr, limits=limits, data=data)
    cleaned = clean.clean_document(loaded)
    if not cleaned.text.strip():
        raise LoadError("文件中没有可读取的文字" + ("（可能是扫描件，需要OCR）" if loaded.paged else ""))
    sections = structure.parse(cleaned, title=loaded.title_hint)
    fields = metadata.extract(cleaned.text, path.name, title_hint=loaded.title_hint, sections=sections)
    chunks = chunking.make_chunks(doc_id, cleaned, sections)
    if loaded.ocr_pages:
        ocr = set(loaded.ocr_pages)
        for c in chunks:
            pages = range(c.page_start or 0, (c.page_end or c.page_start or 0) + 1)
            c.ocr = any(p in ocr for p in pages)
    meta = DocumentMeta(
        doc_id=doc_id,
        file_name=path.name,
        path=str(path.resolve()),
        title=fields.get("title") or path.stem,
        content_hash=digest,
        source_format=loaded.source_format,
        pages=len(loaded.pages) if loaded.paged else None,
        chunks=len(chunks),
        ocr_pages=list(loaded.ocr_pages),
        source_path=source or str(path.absolute()),
        ingested_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
        warnings=list(loaded.warnings),
    )
    flagged = hostile_counts(cleaned.text)
    if flagged:
        meta.warnings.append(document_warning(flagged))
    for key, value in fields.items():
        if hasattr(meta, key) and key not in {"doc_id", "file_name", "path", "content_hash"}:
            setattr(meta, key, value)
    return meta, chunks


def hostile_counts(text: str) -> dict[str, int]:
    """Sentences addressed to the reader or the model (kb.answers.hostile), by kind."""
    counts: dict[str, int] = {}
    for _sentence, kind in hostile_sentences(text):
        counts[kind] = counts.get(kind, 0) + 1
    return counts


def _parse_job(path: str, doc_id: str, digest: str, max_bytes: int | None, ocr: bool,
               limits: loaders.Limits = loaders.DEFAULT_LIMITS, source: str = ""):
    """Parse one file and tokenize its chunks for BM25 (runs in a worker process)."""
    try:
        meta, chunks = parse_file(Path(path), doc_id, digest, max_bytes=max_bytes, ocr=ocr, limits=limits,
                                  source=source)
        if not chunks:
            raise LoadError("没有解析出任何内容")
        tokens = [lexical.tokenize(lexical.index_text(meta.title, c.heading_path, c.text)) for c in chunks]
        return ("ok", meta, chunks, tokens)
    except LoadError as exc:
        return ("failed", exc.reason)
    except MemoryError:
        return ("failed", "解析时内存不足，已跳过该文件")
    except Exception as exc:  # a parser bug on one file must not stop the run
        log.debug("ingest of %s failed", path, exc_info=True)
        return ("failed", f"处理失败（{type(exc).__name__}: {str(exc)[:120]}）")


def _failed(reason: str) -> tuple[str, str]:
    return ("failed", reason)


def _worker_init(parent: int) -> None:
    import threading

    logging.getLogger("jieba").setLevel(logging.WARNING)
    lexical._jieba()

    def watch() -> None:  # the ingest was killed: do not linger as an orphan (the fork server is our parent)
        while True:
            try:
                os.kill(parent, 0)
            except ProcessLookupError:
                os._exit(0)
            except PermissionError:
                pass
            time.sleep(1.0)

    threading.Thread(target=watch, daemon=True).start()


def parse_workers(embed_model: str, n_files: int, configured: int | None = None) -> int:
    """Worker processes for parsing (at least one; 0 only when configured: parse in this
    process, without time or memory limits, for debugging).

    `configured` (Settings.ingest_workers, GREENKB_INGEST_WORKERS) overrides. Few files: one
    worker. With an embedder the model already uses every core, so one worker overlaps
    parsing with embedding; lexical-only ingest is all parsing and tokenizing, so every core
    parses."""
    if configured is not None:
        return max(0, configured)
    if n_files < POOL_MIN_FILES:
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    if model_key(embed_model) == "none":
        return max(1, cores)
    return 1


def _parse_stream(jobs: list[tuple], workers: int, limits: JobLimits | None = None,
                  stats: dict[int, tuple[float, int]] | None = None) -> Iterator[tuple[int, tuple]]:
    """(job index, outcome) in job order; at most a few files in flight (bounded memory).
    Each file is parsed in a worker process under `limits` (time, memory): one that exceeds
    them, or kills its worker, fails alone."""
    if workers <= 0:
        for i, job in enumerate(jobs):
            yield i, _parse_job(*job)
        return
    logging.getLogger("jieba").setLevel(logging.WARNING)
    lexical._jieba()  # loaded once here, inherited by every forked worker
    yield from run_isolated(jobs, _parse_job, workers, limits or JobLimits(0, 0), _failed, init=_worker_init,
                            window=16 * workers, stats=stats)
