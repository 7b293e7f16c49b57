"""One ingest run: find files → (load → clean → structure → chunk → metadata) → embed → index.

Incremental by content hash: unchanged files are skipped, changed files replaced whole,
files gone from a given folder removed from the index. One bad file never stops the run.
"""
from __future__ import annotations

import fcntl
import hashlib
import logging
import os
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterator, Sequence

import numpy as np

from ingest import chunking, clean, loaders, metadata, structure
from ingest.progress import Progress
from ingest.types import LoadError
from kb.index import lexical, lexical_sync
from kb.index import sentences
from kb.index.cache import Cache
from kb.index.embedding import Embedder, get_embedder, model_key
from kb.index.store import Index, chunk_record_id
from kb.settings import DataLayout, Settings
from kb.types import Chunk, DocumentMeta

log = logging.getLogger(__name__)

# Bump when parsing or chunking changes, so that the next run re-ingests every file.
PIPELINE_VERSION = "3"
SUPPORTED = set(loaders.SUPPORTED_EXTENSIONS)
# Chunks gathered across documents before one embedding pass and one Chroma write: small
# documents then fill the embedder's batches, and each Chroma call (~70 ms fixed cost
# embedded) carries hundreds of records. Also bounds memory: only this many chunks wait.
FLUSH_CHUNKS = 512
FLUSH_CHUNKS_LEXICAL = 2000
POOL_MIN_FILES = 24


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
    """'' for a normal path; else the path made printable (bad parts read as GB18030, else U+FFFD)."""
    try:
        str(path).encode("utf-8")
        return ""
    except UnicodeEncodeError:
        pass

    def printable(part: str) -> str:
        try:
            part.encode("utf-8")
            return part
        except UnicodeEncodeError:
            raw = os.fsencode(part)
            try:
                return raw.decode("gb18030")
            except UnicodeDecodeError:
                return raw.decode("utf-8", "replace")

    return str(Path(*(printable(part) for part in path.parts)))


def doc_id_for(path: Path) -> str:
    return hashlib.sha1(str(path.resolve()).encode("utf-8")).hexdigest()[:16]


def content_hash(path: Path) -> str:
    h = hashlib.sha256(f"pipeline-{PIPELINE_VERSION}\n".encode())
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()[:24]


# ---------------------------------------------------------------------- parse
def parse_file(path: Path, doc_id: str, digest: str, max_bytes: int | None = None,
               ocr: bool = True) -> tuple[DocumentMeta, list[Chunk]]:
    """Load, clean, structure, chunk and describe one file. Raises LoadError when unreadable.
    `max_bytes` and `ocr` come from Settings (max_file_mb, ocr)."""
    loaded = loaders.load(path, max_bytes=max_bytes, ocr=ocr)
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


def _compute_sorted(embedder: Embedder, batch: int):
    """A `compute` for Cache.embeddings that batches texts of similar length together:
    a batch is padded to its longest text, so mixing a 20-char article with a 500-char one
    wastes most of the batch."""

    def compute(missing: list[str]) -> np.ndarray:
        out = np.zeros((len(missing), embedder.dim), dtype=np.float32)
        order = sorted(range(len(missing)), key=lambda i: len(missing[i]))
        for start in range(0, len(order), batch):
            idx = order[start : start + batch]
            out[idx] = embedder.embed_passages([missing[i] for i in idx])
        return out

    return compute


def embed_texts(texts: Sequence[str], embedder: Embedder, cache: Cache, batch: int) -> tuple[np.ndarray, int]:
    """Vectors for `texts` (cached ones reused). Returns (vectors, number computed)."""
    if embedder.name == "none":  # constant vectors: nothing to compute or cache
        return embedder.embed_passages(texts), 0
    return cache.embeddings(embedder.name, texts, _compute_sorted(embedder, batch), embedder.dim)


def embed_sentences(texts: Sequence[str], embedder: Embedder, cache: Cache, batch: int) -> int:
    """Vectors of the sentences of these chunk texts, into the embedding cache (search reads
    them there; see kb.index.sentences). Returns how many were computed; a failure only costs
    search the time to compute them later."""
    if embedder.name == "none":
        return 0
    sents = list(dict.fromkeys(s for t in texts for s in sentences.sentences(t)))
    if not sents:
        return 0
    try:
        _vecs, computed = cache.embeddings(sentences.sentence_model(embedder.name), sents,
                                           sentences.normalized(_compute_sorted(embedder, batch)), embedder.dim)
    except Exception:
        log.warning("sentence vectors not kept", exc_info=True)
        return 0
    return computed


def embed_chunks(meta: DocumentMeta, chunks: Sequence[Chunk], embedder: Embedder, cache: Cache, batch: int) -> tuple[np.ndarray, int]:
    texts = [lexical.index_text(meta.title, c.heading_path, c.text) for c in chunks]
    return embed_texts(texts, embedder, cache, batch)


# ---------------------------------------------------------------------- parallel parsing
def _parse_job(path: str, doc_id: str, digest: str, max_bytes: int | None, ocr: bool):
    """Parse one file and tokenize its chunks for BM25 (runs in a worker process)."""
    try:
        meta, chunks = parse_file(Path(path), doc_id, digest, max_bytes=max_bytes, ocr=ocr)
        if not chunks:
            raise LoadError("没有解析出任何内容")
        tokens = [lexical.tokenize(lexical.index_text(meta.title, c.heading_path, c.text)) for c in chunks]
        return ("ok", meta, chunks, tokens)
    except LoadError as exc:
        return ("failed", exc.reason)
    except Exception as exc:  # a parser bug on one file must not stop the run
        log.debug("ingest of %s failed", path, exc_info=True)
        return ("failed", f"处理失败（{type(exc).__name__}: {str(exc)[:120]}）")


def _worker_init(parent: int) -> None:
    import threading

    logging.getLogger("jieba").setLevel(logging.WARNING)
    lexical._jieba()

    def watch() -> None:  # the ingest was killed: do not linger as an orphan
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


def parse_workers(embed_model: str, n_files: int, configured: int | None = None) -> int:
    """Worker processes for parsing: 0 = parse in this process.

    `configured` (Settings.ingest_workers, GREENKB_INGEST_WORKERS) overrides. Few files: not
    worth a pool's start-up (~2 s). With an embedder the model already uses every core, so one
    worker overlaps parsing with embedding; lexical-only ingest is all parsing and tokenizing,
    so every core parses."""
    if configured is not None:
        return max(0, configured)
    if n_files < POOL_MIN_FILES:
        return 0
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    if model_key(embed_model) == "none":
        return max(1, cores) if cores > 1 else 0
    return 1 if cores > 1 else 0


def _parse_stream(jobs: list[tuple], workers: int) -> Iterator[tuple[int, tuple]]:
    """(job index, outcome) in job order; at most a few files in flight (bounded memory)."""
    if workers <= 0:
        for i, job in enumerate(jobs):
            yield i, _parse_job(*job)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    window = 16 * workers  # parsed files waiting while the main process embeds or writes
    done = 0
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"), initializer=_worker_init, initargs=(os.getpid(),)) as pool:
            futures = {}
            nxt = 0
            while done < len(jobs):
                while nxt < len(jobs) and nxt - done < window:
                    futures[nxt] = pool.submit(_parse_job, *jobs[nxt])
                    nxt += 1
                outcome = futures.pop(done).result()
                yield done, outcome
                done += 1
    except BrokenProcessPool:
        log.warning("parse workers failed; parsing the remaining files in this process")
        for i in range(done, len(jobs)):
            yield i, _parse_job(*jobs[i])


# ---------------------------------------------------------------------- run
@contextmanager
def ingest_lock(layout: DataLayout) -> Iterator[None]:
    """One ingest at a time per data folder; a second one is refused with a clear message."""
    layout.root.mkdir(parents=True, exist_ok=True)
    fh = open(layout.ingest_lock, "a+")
    try:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise IngestBusy(f"另一个导入任务正在使用 {layout.root}，请等它结束后再试。") from None
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
    vectors, _ = embed_texts(texts, embedder, cache, batch)
    for start in range(0, len(records), 2000):
        part = records[start : start + 2000]
        col.add(
            ids=[r[0] for r in part],
            documents=[r[1] for r in part],
            metadatas=[r[2] for r in part],
            embeddings=vectors[start : start + len(part)],
        )
    return len(records)


# ---------------------------------------------------------------------- run
def run(
    paths: Sequence[Path],
    settings: Settings,
    rebuild: bool = False,
    progress: Callable[[int, int, str], None] | None = None,
    remove_missing: bool = True,
    timings: dict[str, float] | None = None,
    reporter: Progress | None = None,
) -> RunSummary:
    """Ingest `paths`. `timings` (optional) receives seconds per stage, for the benchmark;
    `reporter` (ingest.progress) counts files parsed and chunks embedded for its listeners."""
    started = time.perf_counter()
    reporter = reporter or Progress()
    t = timings if timings is not None else {}
    summary = RunSummary()
    files, problems = discover(paths)
    summary.results.extend(problems)
    layout = settings.layout
    with ingest_lock(layout):
        t0 = time.perf_counter()
        index = Index(settings)
        repaired = index.recover()
        if repaired:
            summary.notes.append(f"已清理上次中断的导入留下的 {repaired} 个文档的残留数据")
        cache = Cache(layout.cache)
        embedder = get_embedder(settings.embed_model, settings.embed_batch, settings.e5_engine,
                                settings.engine_cache, settings.compiler)
        key = model_key(embedder.name)
        summary.model = key + (f"（{embedder.engine} 引擎）" if getattr(embedder, "engine", "") else "")
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
        embedder = reporter.counting_embedder(embedder)
        t["open_s"] = time.perf_counter() - t0

        roots = [Path(p).resolve() for p in paths if Path(p).exists()]
        if remove_missing:
            present = {str(f) for f in files}
            for doc in list(catalog.values()):
                if _under(doc.path, roots) and doc.path not in present and not Path(doc.path).exists():
                    index.remove_document(doc.doc_id)
                    catalog.pop(doc.doc_id, None)
                    summary.results.append(FileResult(doc.path, "removed", title=doc.title, doc_id=doc.doc_id))

        # Which files changed: hashing is cheap, parsing is not.
        t0 = time.perf_counter()
        max_bytes = int(settings.max_file_mb * 1024 * 1024) if settings.max_file_mb > 0 else None
        results: list[FileResult | None] = [None] * len(files)
        jobs: list[tuple] = []
        job_file: list[int] = []
        for i, path in enumerate(files):
            doc_id = doc_id_for(path)
            try:
                digest = content_hash(path)
            except OSError as exc:
                results[i] = FileResult(str(path), "failed", reason=f"无法读取文件：{exc.strerror or exc}")
                continue
            old = catalog.get(doc_id)
            if old is not None and old.content_hash == digest:
                results[i] = FileResult(str(path), "unchanged", chunks=old.chunks, title=old.title, doc_id=doc_id)
                continue
            jobs.append((str(path), doc_id, digest, max_bytes, settings.ocr))
            job_file.append(i)
        t["hash_s"] = time.perf_counter() - t0
        n_done = len(files) - len(jobs)
        if progress:
            progress(n_done, len(files), "")
        reporter.start([job[0] for job in jobs])

        workers = parse_workers(settings.embed_model, len(jobs), settings.ingest_workers)
        flush_at = FLUSH_CHUNKS_LEXICAL if key == "none" else FLUSH_CHUNKS
        pending: list[tuple[int, DocumentMeta, list[Chunk], list[list[str]]]] = []
        fresh_docs: dict[str, tuple] = {}  # tokens of what this run wrote, as int32 ids: small
        fresh_vocab: dict[str, int] = {}
        t.setdefault("embed_s", 0.0)
        t.setdefault("write_s", 0.0)

        def fail(fi: int, doc_id: str, what: str, exc: Exception) -> None:
            results[fi] = FileResult(str(files[fi]), "failed", reason=f"{what}（{type(exc).__name__}: {str(exc)[:120]}）", doc_id=doc_id)

        def flush() -> None:
            if not pending:
                return
            texts = [lexical.index_text(m.title, c.heading_path, c.text) for _i, m, cs, _t in pending for c in cs]
            t1 = time.perf_counter()
            try:
                vectors, computed = embed_texts(texts, embedder, cache, settings.embed_batch)
            except Exception as exc:
                for fi, meta, _cs, _tk in pending:
                    fail(fi, meta.doc_id, "计算向量失败", exc)
                pending.clear()
                reporter.embedded(len(texts))
                return
            summary.embedded += computed
            # Each chunk's sentences too: search compares a question with them one by one.
            embed_sentences([c.text for _i, _m, cs, _t in pending for c in cs] + [m.title for _i, m, _c, _t in pending],
                            embedder, cache, settings.embed_batch)
            reporter.embedded(len(texts))
            t2 = time.perf_counter()
            t["embed_s"] += t2 - t1
            items, pos = [], 0
            for _fi, meta, cs, _tk in pending:
                items.append((meta, cs, vectors[pos : pos + len(cs)]))
                pos += len(cs)
            new_ids = {meta.doc_id for _fi, meta, _c, _t in pending if meta.doc_id not in catalog}
            written: list[int] = []
            try:
                index.write_documents(items, fresh=new_ids)
                written = list(range(len(pending)))
            except Exception:  # find the culprit: write one by one
                log.debug("batch write failed; retrying document by document", exc_info=True)
                for k, item in enumerate(items):
                    try:
                        index.write_documents([item], fresh=new_ids)
                        written.append(k)
                    except Exception as exc:
                        fail(pending[k][0], pending[k][1].doc_id, "写入索引失败", exc)
            t["write_s"] += time.perf_counter() - t2
            for k in written:
                fi, meta, cs, toks = pending[k]
                old = catalog.get(meta.doc_id)
                results[fi] = FileResult(str(files[fi]), "updated" if old else "added", chunks=len(cs), title=meta.title, doc_id=meta.doc_id)
                catalog[meta.doc_id] = meta
                ids = [chunk_record_id(meta.doc_id, meta.content_hash, c.chunk_index) for c in cs]
                lens = np.fromiter((len(x) for x in toks), dtype=np.int32, count=len(toks))
                flat = np.fromiter((fresh_vocab.setdefault(w, len(fresh_vocab)) for x in toks for w in x),
                                   dtype=np.int32, count=int(lens.sum()))
                fresh_docs[meta.doc_id] = (meta.content_hash, ids, [(c.locator, c.kind) for c in cs], lens, flat)
            # Keep the tokens in the cache too: a rebuild from Chroma (another instance) then tokenizes nothing.
            tok_texts = [lexical.index_text(pending[k][1].title, c.heading_path, c.text) for k in written for c in pending[k][2]]
            lookup = dict(zip(tok_texts, (tk for k in written for tk in pending[k][3])))
            cache.tokens(lexical.TOKENIZER_VERSION, tok_texts, lambda text: lookup[text])
            pending.clear()

        t0 = time.perf_counter()
        n_pending = 0
        for j, outcome in _parse_stream(jobs, workers):
            fi = job_file[j]
            path = files[fi]
            if progress:
                progress(n_done, len(files), path.name)
            n_done += 1
            reporter.parsed(path, outcome[2] if outcome[0] == "ok" else [])
            if outcome[0] != "ok":
                results[fi] = FileResult(str(path), "failed", reason=outcome[1], doc_id=jobs[j][1])
                continue
            _, meta, chunks, toks = outcome
            pending.append((fi, meta, chunks, toks))
            n_pending += len(chunks)
            if n_pending >= flush_at:
                flush()
                n_pending = 0
        flush()
        t["parse_embed_write_s"] = time.perf_counter() - t0
        t["workers"] = workers
        if progress:
            progress(len(files), len(files), "")
        summary.results.extend(r for r in results if r is not None)
        t0 = time.perf_counter()
        reporter.stage("bm25")
        lex_t: dict[str, float] = {}
        lexical_sync.refresh(index, cache, layout, fresh={"vocab": list(fresh_vocab), "docs": fresh_docs},
                             timings=lex_t, holds_lock=True)  # run() holds the ingest lock
        t["bm25_s"] = time.perf_counter() - t0
        t.update({f"bm25_{k}": v for k, v in lex_t.items()})
        cache.close()
    summary.seconds = time.perf_counter() - started
    t["total_s"] = summary.seconds
    reporter.finish()
    return summary
