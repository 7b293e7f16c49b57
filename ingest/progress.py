"""Progress of an ingest run, for whoever watches it: the command line's bars, the app, a file.

Most of an ingest's time goes into computing chunk vectors, not into reading files, so
progress is counted in both: files parsed (of those that changed) and chunks whose vectors
are ready, with the chunk rate and the time left. The number of chunks is known only once
every file is parsed; until then it is estimated from the bytes parsed so far.

    reporter = Progress(on_update=callback, path=Path("progress.json"))
    ingest.pipeline.run(paths, settings, reporter=reporter)

- `on_update(state)` receives a `ProgressState` (at most every `interval` seconds, and at
  every change of stage and at the end): e.g. the app's progress bar, `state.fraction` and
  `state.describe()`.
- `path`: the state as JSON, replaced atomically, for a process that runs the ingest
  elsewhere (`python -m ingest … --progress-file F`) and polls `read_progress(F)`.
- `TqdmBars` draws the two bars of `python -m ingest`.
"""
from __future__ import annotations

import json
import os
import time
from collections import deque
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any, Callable, Sequence

STAGES = {
    "start": "准备导入",
    "parse_embed": "解析文件并计算向量",
    "bm25": "更新关键词索引",
    "done": "导入完成",
    "failed": "导入失败",
}


@dataclass(frozen=True)
class ProgressState:
    stage: str = "start"  # a key of STAGES
    files_total: int = 0  # files to parse (changed or new; unchanged ones are not counted)
    files_done: int = 0  # parsed (or failed to parse)
    chunks_done: int = 0  # chunks whose vectors are ready (computed or from the cache)
    chunks_total: int = 0  # exact once every file is parsed, else an estimate
    chunks_exact: bool = False
    chunks_per_s: float = 0.0  # since the first vector was computed
    eta_s: float | None = None  # seconds left, once a rate is known
    elapsed_s: float = 0.0
    current: str = ""  # the file last parsed
    message: str = ""  # the error, when stage == "failed"
    updated_at: float = 0.0  # time.time() of this state

    @property
    def finished(self) -> bool:
        return self.stage in {"done", "failed"}

    @property
    def fraction(self) -> float:
        """0..1 for a progress bar: chunks when known, else files."""
        if self.stage == "done":
            return 1.0
        if self.chunks_total:
            return min(self.chunks_done / self.chunks_total, 1.0)
        return self.files_done / self.files_total if self.files_total else 0.0

    def describe(self) -> str:
        """One line in Chinese, e.g. for the app's progress bar."""
        if self.stage in {"start", "bm25", "done", "failed"}:
            return STAGES[self.stage] + (f"：{self.message}" if self.message else "")
        parts = [f"已解析 {self.files_done}/{self.files_total} 个文件"]
        if self.chunks_total:
            total = str(self.chunks_total) if self.chunks_exact else f"约{self.chunks_total}"
            parts.append(f"已计算向量 {self.chunks_done}/{total} 个片段")
        if self.chunks_per_s:
            parts.append(f"{self.chunks_per_s:.1f} 片段/秒")
        if self.eta_s is not None:
            parts.append(f"预计还需 {format_seconds(self.eta_s)}")
        return "，".join(parts)

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "fraction": round(self.fraction, 4), "finished": self.finished, "text": self.describe()}


def format_seconds(s: float) -> str:
    s = max(0, int(round(s)))
    if s < 60:
        return f"{s} 秒"
    if s < 3600:
        return f"{s // 60} 分 {s % 60:02d} 秒"
    return f"{s // 3600} 小时 {s % 3600 // 60:02d} 分"


def read_progress(path: Path) -> ProgressState | None:
    """The state a `Progress(path=…)` last wrote, or None if there is none (yet)."""
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(raw, dict):
        return None
    names = ProgressState.__dataclass_fields__
    return ProgressState(**{k: v for k, v in raw.items() if k in names})


class Progress:
    """Counts one ingest run and passes its state on; ingest.pipeline.run calls the hooks."""

    def __init__(self, on_update: Callable[[ProgressState], None] | None = None, path: Path | None = None,
                 interval: float = 0.25, listeners: Sequence[Callable[[ProgressState], None]] = ()) -> None:
        self._listeners = [*listeners, *([on_update] if on_update else [])]
        if path is not None:
            self._listeners.append(_file_writer(Path(path)))
        self.interval = interval
        self.state = ProgressState()
        self._t0 = time.monotonic()
        self._t_embed: float | None = None  # when the first vector computation began
        self._last = 0.0
        self._bytes_total = 0
        self._bytes_done = 0
        self._chunks_parsed = 0
        self._vectors_parsed = 0
        self._queue: deque[tuple[int, int]] = deque()  # (chunks, vectors) of files parsed, not yet embedded
        self._chunks_flushed = 0  # chunks of finished embedding passes
        self._in_pass = 0  # vectors computed so far in the current pass
        self._computed = 0  # vectors computed in all (cached ones are not)
        self._emit(force=True)

    # ----------------------------------------------------------------- hooks (pipeline.run)
    def start(self, paths: Sequence[str | Path]) -> None:
        """The files to parse."""
        self._bytes_total = sum(_size(p) for p in paths)
        self._update(stage="parse_embed", files_total=len(paths), force=True)

    def parsed(self, path: str | Path, chunks: Sequence) -> None:
        """One file parsed into `chunks` (kb.types.Chunk; none when it failed).

        A chunk costs its own vector and one for each of its sentences (kb.index.sentences),
        and a file one for its title: progress counts those vectors, shown as chunks."""
        from kb.index.sentences import sentences

        vectors = len(chunks) + sum(len(sentences(c.text)) for c in chunks) + (1 if chunks else 0)
        if chunks:
            self._queue.append((len(chunks), vectors))
        self._bytes_done += _size(path)
        self._chunks_parsed += len(chunks)
        self._vectors_parsed += vectors
        done = self.state.files_done + 1
        exact = done >= self.state.files_total
        if exact or not self._bytes_done:
            total = self._chunks_parsed
        else:  # chunks per byte so far, times all the bytes
            total = max(self._chunks_parsed, round(self._chunks_parsed * self._bytes_total / self._bytes_done))
        self._update(files_done=done, current=Path(path).name, chunks_total=total, chunks_exact=exact)

    def computing(self, n: int, since: float) -> None:
        """`n` more vectors computed in the current pass, the batch begun at time.monotonic()
        `since` (counting_embedder calls this). A pass embeds every file parsed and not yet
        embedded (the pipeline parses nothing while it embeds)."""
        if self._t_embed is None:
            self._t_embed = since
        self._computed += n
        self._in_pass += n
        chunks = sum(c for c, _v in self._queue)
        vectors = sum(v for _c, v in self._queue) or 1
        self._update(chunks_done=self._chunks_flushed + min(chunks, round(chunks * self._in_pass / vectors)))

    def embedded(self, n: int) -> None:
        """A pass over `n` chunks is done, their sentences too (cached vectors included)."""
        while n > 0 and self._queue:
            n -= self._queue.popleft()[0]
        self._chunks_flushed = self._chunks_parsed - sum(c for c, _v in self._queue)
        self._in_pass = 0
        self._update(chunks_done=self._chunks_flushed)

    def stage(self, stage: str) -> None:
        self._update(stage=stage, force=True)

    def finish(self, failed: str = "") -> None:
        self._update(stage="failed" if failed else "done", message=failed, eta_s=None if failed else 0.0, force=True)

    def counting_embedder(self, embedder):
        """`embedder`, reporting each batch of vectors it computes to this progress."""
        return _CountingEmbedder(embedder, self)

    # ----------------------------------------------------------------- state
    def _update(self, force: bool = False, **changes: Any) -> None:
        self.state = replace(self.state, **changes)
        self._emit(force)

    def _emit(self, force: bool) -> None:
        now = time.monotonic()
        if not force and now - self._last < self.interval:
            return
        self._last = now
        st = self.state
        rate, eta = st.chunks_per_s, st.eta_s
        if self._t_embed is not None and now > self._t_embed and st.stage == "parse_embed":
            # vectors per second, as chunks (with their sentences) per second
            rate = self._computed / (now - self._t_embed) * self._chunks_parsed / max(self._vectors_parsed, 1)
            eta = max(st.chunks_total - st.chunks_done, 0) / rate if rate > 0 else None
        self.state = replace(st, chunks_per_s=round(rate, 2), eta_s=None if eta is None else round(eta, 1),
                             elapsed_s=round(now - self._t0, 2), updated_at=time.time())
        for listener in self._listeners:
            listener(self.state)


class _CountingEmbedder:
    """The embedder, unchanged, except that embed_passages reports how many it computed."""

    def __init__(self, inner, progress: Progress) -> None:
        self._inner = inner
        self._progress = progress

    def embed_passages(self, texts):
        began = time.monotonic()
        vectors = self._inner.embed_passages(texts)
        self._progress.computing(len(texts), began)
        return vectors

    def __getattr__(self, name: str):  # name, dim, engine, embed_query …
        return getattr(self._inner, name)


def _size(path: str | Path) -> int:
    try:
        return Path(path).stat().st_size
    except OSError:
        return 0


def _file_writer(path: Path) -> Callable[[ProgressState], None]:
    def write(state: ProgressState) -> None:
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_text(json.dumps(state.to_dict(), ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, path)  # a reader never sees half a file
        except OSError:
            pass  # progress is advisory: never stop an ingest over it

    return write


class TqdmBars:
    """The command line's view: files parsed (tqdm's own rate) and chunks with vectors, whose
    rate and time left are the state's (vectors computed since the first one; the total still
    an estimate while files remain), not tqdm's average since the bar appeared."""

    CHUNK_FORMAT = "{desc}: {percentage:3.0f}%|{bar}| {n_fmt}/{total_fmt} [{elapsed}{postfix}]"

    def __init__(self, file=None) -> None:
        self._file = file
        self._files = self._chunks = None
        self._started = False

    def __call__(self, state: ProgressState) -> None:
        from tqdm import tqdm

        if state.stage == "parse_embed" and not self._started and state.files_total:
            self._started = True
            self._files = tqdm(total=state.files_total, unit="文件", desc="解析文件", file=self._file,
                               dynamic_ncols=True, position=0)
            self._chunks = tqdm(total=0, unit="片段", desc="计算向量", file=self._file, dynamic_ncols=True,
                                position=1, bar_format=self.CHUNK_FORMAT)
        if self._chunks is None:
            return
        if self._files is not None and state.files_done > self._files.n:
            self._files.set_postfix_str(state.current[:40], refresh=False)
            self._files.update(state.files_done - self._files.n)
            if state.files_done >= state.files_total:  # parsing is over: keep its line as it ends
                self._files.close()
                self._files = None
        bar = self._chunks
        bar.total = state.chunks_total
        bar.desc = "计算向量" if state.chunks_exact else "计算向量（总数为估计）"
        shown = [f"{state.chunks_per_s:.1f} 片段/秒"] if state.chunks_per_s else []
        if state.eta_s is not None and not state.finished:
            shown.append(f"剩余 {format_seconds(state.eta_s)}")
        bar.set_postfix_str("，".join(shown), refresh=False)  # tqdm puts ", " before it
        bar.n = state.chunks_done
        bar.refresh()
        if state.finished:
            self.close()

    def close(self) -> None:
        for bar in (self._chunks, self._files):
            if bar is not None:
                bar.close()
        self._files = self._chunks = None
