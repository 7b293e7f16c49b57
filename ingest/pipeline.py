"""One ingest run: find files → (load → clean → structure → chunk → metadata) → embed → index.

Incremental by content hash: unchanged files are skipped, changed files replaced whole,
files gone from a given folder removed from the index. One bad file never stops the run.
"""
from __future__ import annotations

import fcntl
import logging
import os
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Sequence

import numpy as np

from ingest.embed_batches import embed_sentences, embed_texts
from ingest.files import FileResult, content_hash, discover, doc_id_for
from ingest.model_switch import switch_model
from ingest.parsing import _parse_stream, limits_of, parse_workers
from ingest.progress import Progress
from ingest.workers import JobLimits
from kb.index import lexical, lexical_sync
from kb.index.cache import Cache
from kb.index.embedding import get_embedder, model_key
from kb.index.store import Index, chunk_record_id, explain
from kb.settings import DataLayout, Settings
from kb.types import Chunk, DocumentMeta

log = logging.getLogger(__name__)

# Chunks gathered across documents before one embedding pass and one Chroma write: small
# documents then fill the embedder's batches, and each Chroma call (~70 ms fixed cost
# embedded) carries hundreds of records. Also bounds memory: only this many chunks wait.
FLUSH_CHUNKS = 512
FLUSH_CHUNKS_LEXICAL = 2000


class IngestBusy(RuntimeError):
    pass


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


def drop_derived(layout: DataLayout) -> None:
    """Delete what is derived from Chroma (BM25 files, kept tokens, registers): the next
    reader or this run makes them again."""
    import shutil

    from kb.index.cache import remove_database

    for d in (layout.bm25, layout.bm25.with_name(layout.bm25.name + ".tmp"), layout.bm25.with_name(layout.bm25.name + ".old")):
        shutil.rmtree(d, ignore_errors=True)
    layout.bm25_tokens.unlink(missing_ok=True)
    remove_database(layout.registers)


def _under(path: str, roots: Sequence[Path]) -> bool:
    p = Path(path)
    for root in roots:
        if p == root or root in p.parents:
            return True
    return False


# ---------------------------------------------------------------------- run
def run(
    paths: Sequence[Path],
    settings: Settings,
    rebuild: bool = False,
    progress: Callable[[int, int, str], None] | None = None,
    remove_missing: bool = True,
    timings: dict[str, float] | None = None,
    file_stats: dict[str, tuple[float, int]] | None = None,
    reporter: Progress | None = None,
) -> RunSummary:
    """Ingest `paths`. `timings` (optional) receives seconds per stage, `file_stats` the
    seconds and peak worker memory of each parsed file, for the benchmarks; `reporter`
    (ingest.progress) counts files parsed and chunks embedded for its listeners."""
    started = time.perf_counter()
    reporter = reporter or Progress()
    t = timings if timings is not None else {}
    summary = RunSummary()
    files, problems, found_as = discover(paths)
    summary.results.extend(problems)
    layout = settings.layout
    with ingest_lock(layout):
        t0 = time.perf_counter()
        index = Index(settings)
        repaired = index.recover()
        if repaired:
            summary.notes.append(f"已清理上次中断的导入留下的 {repaired} 个文档的残留数据")
        if rebuild:  # derived files go too: whatever state they are in, they are made again
            drop_derived(layout)
        cache = Cache(layout.cache)
        if cache.repaired:
            summary.notes.append("缓存文件 cache.sqlite 已损坏，已重新建立（向量会按需重新计算）")
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
            index.rollback_switch()
            index.chunk_collection(create_for_model=key)
        elif current_model != key:
            n, resumed = switch_model(index, embedder, cache, settings.embed_batch)
            summary.notes.append(f"嵌入模型由 {current_model} 改为 {key}：已用新模型重建 {n} 个片段的向量"
                                 + (f"（续做上次中断的切换，其中 {resumed} 个已完成）" if resumed else ""))
        elif index.rollback_switch():
            summary.notes.append(f"上次未完成的嵌入模型切换已撤销，继续使用 {key}")
        catalog = index.documents()
        embedder = reporter.counting_embedder(embedder)
        t["open_s"] = time.perf_counter() - t0

        roots = [Path(p).resolve() for p in paths if Path(p).is_dir()]
        roots += [Path(p).absolute() for p in paths if Path(p).is_dir() and Path(p).absolute() not in roots]
        if remove_missing:
            # A document found under a given folder last time and not found now goes, even when
            # the file its link pointed at still exists elsewhere (the link was removed).
            present = {str(f) for f in files}
            for doc in list(catalog.values()):
                found_under = _under(doc.path, roots) or bool(doc.source_path and _under(doc.source_path, roots))
                if found_under and doc.path not in present:
                    index.remove_document(doc.doc_id)
                    catalog.pop(doc.doc_id, None)
                    summary.results.append(FileResult(doc.path, "removed", title=doc.title, doc_id=doc.doc_id))

        # Which files changed: hashing is cheap, parsing is not.
        t0 = time.perf_counter()
        max_bytes = int(settings.max_file_mb * 1024 * 1024) if settings.max_file_mb > 0 else None
        limits = limits_of(settings)
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
            jobs.append((str(path), doc_id, digest, max_bytes, settings.ocr, limits, str(found_as.get(path, path))))
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
            why = explain(exc, settings)  # disk full named as such, not "Error in compaction"
            reason = f"{what}：{why}" if why else f"{what}（{type(exc).__name__}: {str(exc)[:120]}）"
            results[fi] = FileResult(str(files[fi]), "failed", reason=" ".join(reason.split()), doc_id=doc_id)

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
                results[fi] = FileResult(str(files[fi]), "updated" if old else "added", chunks=len(cs), title=meta.title,
                                         doc_id=meta.doc_id, warnings=list(meta.warnings))
                catalog[meta.doc_id] = meta
                ids = [chunk_record_id(meta.doc_id, meta.content_hash, c.chunk_index) for c in cs]
                lens = np.fromiter((len(x) for x in toks), dtype=np.int32, count=len(toks))
                flat = np.fromiter((fresh_vocab.setdefault(w, len(fresh_vocab)) for x in toks for w in x),
                                   dtype=np.int32, count=int(lens.sum()))
                fresh_docs[meta.doc_id] = (meta.content_hash, ids, [(c.locator, c.kind) for c in cs], lens, flat)
            # Keep the tokens in the cache too: a rebuild from Chroma (another instance) then tokenizes nothing.
            tok_texts = [lexical.index_text(pending[k][1].title, c.heading_path, c.text) for k in written for c in pending[k][2]]
            lookup = dict(zip(tok_texts, (tk for k in written for tk in pending[k][3]), strict=True))
            cache.tokens(lexical.TOKENIZER_VERSION, tok_texts, lambda text: lookup[text])
            pending.clear()

        t0 = time.perf_counter()
        n_pending = 0
        job_limits = JobLimits(max(0.0, settings.parse_timeout), max(0, settings.parse_memory_mb) << 20)
        job_stats: dict[int, tuple[float, int]] = {}
        for j, outcome in _parse_stream(jobs, workers, job_limits, job_stats):
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
        if file_stats is not None:  # (seconds, peak bytes of its worker) per parsed file
            file_stats.update({jobs[j][0]: st for j, st in job_stats.items()})
        if progress:
            progress(len(files), len(files), "")
        summary.results.extend(r for r in results if r is not None)
        t0 = time.perf_counter()
        reporter.stage("bm25")
        lex_t: dict[str, float] = {}
        lexical_sync.refresh(index, cache, layout, fresh={"vocab": list(fresh_vocab), "docs": fresh_docs},
                             timings=lex_t, holds_lock=True, force=rebuild)  # run() holds the ingest lock
        t["bm25_s"] = time.perf_counter() - t0
        t.update({f"bm25_{k}": v for k, v in lex_t.items()})
        cache.close()
    summary.seconds = time.perf_counter() - started
    t["total_s"] = summary.seconds
    reporter.finish()
    return summary
