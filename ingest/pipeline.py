"""One ingest run: find files → (load → clean → structure → chunk → metadata) → embed → index.

Incremental by content hash: unchanged files are skipped, changed files replaced whole,
files gone from a given folder removed from the index. One bad file never stops the run.
"""
from __future__ import annotations

import fcntl
import hashlib
import logging
import os
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterator, Sequence

import numpy as np

from ingest import chunking, clean, loaders, metadata, structure
from ingest.types import LoadError
from kb import lexical
from kb.cache import Cache
from kb.embedding import Embedder, get_embedder, model_key
from kb.settings import Settings
from kb.store import Index
from kb.types import Chunk, DocumentMeta

log = logging.getLogger(__name__)

# Bump when parsing or chunking changes, so that the next run re-ingests every file.
PIPELINE_VERSION = "1"
SUPPORTED = {".pdf", ".docx", ".html", ".htm", ".md", ".markdown", ".txt"}


class IngestBusy(RuntimeError):
    pass


@dataclass
class FileResult:
    path: str
    status: str  # added | updated | unchanged | failed | removed
    chunks: int = 0
    reason: str = ""
    title: str = ""
    doc_id: str = ""


@dataclass
class RunSummary:
    results: list[FileResult] = field(default_factory=list)
    seconds: float = 0.0
    embedded: int = 0  # chunks whose vectors were computed (not from cache)
    model: str = ""
    notes: list[str] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def failed(self) -> list[FileResult]:
        return [r for r in self.results if r.status == "failed"]

    @property
    def chunks(self) -> int:
        return sum(r.chunks for r in self.results if r.status in {"added", "updated"})


# ---------------------------------------------------------------------- files
def discover(paths: Sequence[Path]) -> tuple[list[Path], list[FileResult]]:
    """Supported files under `paths` (sorted, deduplicated) and results for unusable arguments."""
    found: dict[Path, None] = {}
    problems: list[FileResult] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() in SUPPORTED and not f.name.startswith((".", "~$")):
                    if _undecodable_name(f):  # e.g. GBK bytes from a zip: Chroma cannot store it
                        problems.append(FileResult(_undecodable_name(f), "failed", reason="文件名不是UTF-8编码（可能是GBK编码的文件名），请重命名后再导入"))
                        continue
                    found[f.resolve()] = None
        elif p.is_file():
            if _undecodable_name(p):
                problems.append(FileResult(_undecodable_name(p), "failed", reason="文件名不是UTF-8编码（可能是GBK编码的文件名），请重命名后再导入"))
            elif p.suffix.lower() in SUPPORTED:
                found[p.resolve()] = None
            else:
                problems.append(FileResult(str(p), "failed", reason=f"不支持的文件类型 {p.suffix or '(无扩展名)'}"))
        else:
            problems.append(FileResult(str(p), "failed", reason="路径不存在"))
    return list(found), problems


def _undecodable_name(path: Path) -> str:
    """'' for a normal path; else the path made printable (undecodable bytes → U+FFFD)."""
    try:
        str(path).encode("utf-8")
        return ""
    except UnicodeEncodeError:
        return os.fsencode(path).decode("utf-8", "replace")


def doc_id_for(path: Path) -> str:
    return hashlib.sha1(str(path.resolve()).encode("utf-8")).hexdigest()[:16]


def content_hash(path: Path) -> str:
    h = hashlib.sha256(f"pipeline-{PIPELINE_VERSION}\n".encode())
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()[:24]


# ---------------------------------------------------------------------- parse
def parse_file(path: Path, doc_id: str, digest: str, max_bytes: int | None = None) -> tuple[DocumentMeta, list[Chunk]]:
    """Load, clean, structure, chunk and describe one file. Raises LoadError when unreadable."""
    loaded = loaders.load(path, max_bytes=max_bytes)
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
        ingested_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
    )
    for key, value in fields.items():
        if hasattr(meta, key) and key not in {"doc_id", "file_name", "path", "content_hash"}:
            setattr(meta, key, value)
    return meta, chunks


def embed_chunks(meta: DocumentMeta, chunks: Sequence[Chunk], embedder: Embedder, cache: Cache, batch: int) -> tuple[np.ndarray, int]:
    texts = [lexical.index_text(meta.title, c.heading_path, c.text) for c in chunks]

    def compute(missing: list[str]) -> np.ndarray:
        parts = [embedder.embed_passages(missing[i : i + batch]) for i in range(0, len(missing), batch)]
        return np.concatenate(parts) if parts else np.zeros((0, embedder.dim), dtype=np.float32)

    return cache.embeddings(embedder.name, texts, compute, embedder.dim)


# ---------------------------------------------------------------------- run
@contextmanager
def ingest_lock(data_dir: Path) -> Iterator[None]:
    """One ingest at a time per data folder; a second one is refused with a clear message."""
    data_dir.mkdir(parents=True, exist_ok=True)
    fh = open(data_dir / "ingest.lock", "a+")
    try:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise IngestBusy(f"另一个导入任务正在使用 {data_dir}，请等它结束后再试。") from None
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()))
        fh.flush()
        yield
    finally:
        fh.close()


def _under(path: str, roots: Sequence[Path]) -> bool:
    p = Path(path)
    for root in roots:
        if p == root or root in p.parents:
            return True
    return False


def switch_model(index: Index, embedder: Embedder, cache: Cache, batch: int) -> int:
    """Re-embed every chunk with a new model: vectors of two models never share a collection."""
    records = list(index.iter_chunks())
    index.drop_chunks()
    col = index.chunk_collection(create_for_model=model_key(embedder.name))
    texts = [lexical.index_text(md.get("title", ""), md.get("heading_path", ""), doc) for _, doc, md in records]

    def compute(missing: list[str]) -> np.ndarray:
        parts = [embedder.embed_passages(missing[i : i + batch]) for i in range(0, len(missing), batch)]
        return np.concatenate(parts) if parts else np.zeros((0, embedder.dim), dtype=np.float32)

    vectors, _ = cache.embeddings(embedder.name, texts, compute, embedder.dim)
    for start in range(0, len(records), 2000):
        part = records[start : start + 2000]
        col.add(
            ids=[r[0] for r in part],
            documents=[r[1] for r in part],
            metadatas=[r[2] for r in part],
            embeddings=vectors[start : start + len(part)],
        )
    return len(records)


def refresh_lexical(index: Index, cache: Cache, directory: Path, force: bool = False) -> lexical.LexicalIndex:
    """Rebuild the BM25 files from Chroma when they do not match the index generation."""
    docs = index.documents()
    generation = index.generation(docs)
    current = None if force else lexical.load(directory)
    if current is not None and current.generation == generation:
        return current
    committed = {d.doc_id: d.content_hash for d in docs.values()}
    ids, texts = [], []
    for rid, doc, md in index.iter_chunks():
        if committed.get(md.get("doc_id")) != md.get("content_hash"):
            continue  # leftovers of an interrupted write: not part of the index
        ids.append(rid)
        texts.append(lexical.index_text(md.get("title", ""), md.get("heading_path", ""), doc))
    tokens = cache.tokens(lexical.TOKENIZER_VERSION, texts, lexical.tokenize)
    lex = lexical.build(ids, tokens, generation)
    lexical.save(lex, directory)
    return lex


def run(
    paths: Sequence[Path],
    settings: Settings,
    rebuild: bool = False,
    progress: Callable[[int, int, str], None] | None = None,
    remove_missing: bool = True,
) -> RunSummary:
    started = time.perf_counter()
    summary = RunSummary()
    files, problems = discover(paths)
    summary.results.extend(problems)
    with ingest_lock(settings.data_dir):
        index = Index(settings)
        repaired = index.recover()
        if repaired:
            summary.notes.append(f"已清理上次中断的导入留下的 {repaired} 个文档的残留数据")
        cache = Cache(settings.data_dir / "cache.sqlite")
        embedder = get_embedder(settings.embed_model, settings.embed_batch)
        key = model_key(embedder.name)
        summary.model = key
        if rebuild:
            for doc_id in list(index.documents()):
                index.remove_document(doc_id)
            index.drop_chunks()
        current_model = index.embed_model()
        if current_model is None:
            index.chunk_collection(create_for_model=key)
        elif current_model != key:
            n = switch_model(index, embedder, cache, settings.embed_batch)
            summary.notes.append(f"嵌入模型由 {current_model} 改为 {key}：已用新模型重建 {n} 个片段的向量")
        catalog = index.documents()

        roots = [Path(p).resolve() for p in paths if Path(p).exists()]
        if remove_missing:
            present = {str(f) for f in files}
            for doc in list(catalog.values()):
                if _under(doc.path, roots) and doc.path not in present and not Path(doc.path).exists():
                    index.remove_document(doc.doc_id)
                    summary.results.append(FileResult(doc.path, "removed", title=doc.title, doc_id=doc.doc_id))

        max_bytes = int(settings.max_file_mb * 1024 * 1024) if settings.max_file_mb > 0 else None
        for i, path in enumerate(files):
            if progress:
                progress(i, len(files), path.name)
            summary.results.append(
                _ingest_one(path, index, catalog, embedder, cache, settings.embed_batch, max_bytes, summary)
            )
        if progress:
            progress(len(files), len(files), "")
        refresh_lexical(index, cache, settings.data_dir / "bm25")
        cache.close()
    summary.seconds = time.perf_counter() - started
    return summary


def _ingest_one(
    path: Path,
    index: Index,
    catalog: dict[str, DocumentMeta],
    embedder: Embedder,
    cache: Cache,
    batch: int,
    max_bytes: int | None,
    summary: RunSummary,
) -> FileResult:
    doc_id = doc_id_for(path)
    try:
        digest = content_hash(path)
    except OSError as exc:
        return FileResult(str(path), "failed", reason=f"无法读取文件：{exc.strerror or exc}")
    old = catalog.get(doc_id)
    if old is not None and old.content_hash == digest:
        return FileResult(str(path), "unchanged", chunks=old.chunks, title=old.title, doc_id=doc_id)
    try:
        meta, chunks = parse_file(path, doc_id, digest, max_bytes=max_bytes)
        if not chunks:
            raise LoadError("没有解析出任何内容")
        vectors, computed = embed_chunks(meta, chunks, embedder, cache, batch)
        summary.embedded += computed
        index.write_document(meta, chunks, vectors)
    except LoadError as exc:
        return FileResult(str(path), "failed", reason=exc.reason, doc_id=doc_id)
    except Exception as exc:  # a parser bug on one file must not stop the run
        log.debug("ingest of %s failed", path, exc_info=True)
        return FileResult(str(path), "failed", reason=f"处理失败（{type(exc).__name__}: {str(exc)[:120]}）", doc_id=doc_id)
    catalog[doc_id] = meta
    return FileResult(str(path), "updated" if old else "added", chunks=len(chunks), title=meta.title, doc_id=doc_id)


def print_summary(summary: RunSummary, out=sys.stdout) -> None:
    p = lambda s="": print(s, file=out)  # noqa: E731
    p(
        f"导入完成：新增 {summary.count('added')}，更新 {summary.count('updated')}，"
        f"未变 {summary.count('unchanged')}，移除 {summary.count('removed')}，失败 {summary.count('failed')}；"
        f"新片段 {summary.chunks}（计算向量 {summary.embedded}），用时 {summary.seconds:.1f} 秒；模型 {summary.model}"
    )
    for note in summary.notes:
        p(f"  注意：{note}")
    for r in summary.results:
        if r.status == "failed":
            p(f"  失败  {r.path}：{r.reason}")
        elif r.status == "removed":
            p(f"  移除  {r.path}")
