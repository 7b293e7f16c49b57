"""Parse files in worker processes, each job under a time and a memory limit.

One file that hangs a parser (a pathological regex, a decompression bomb, OCR of endless
pages) or eats memory is killed alone: its job fails with a clear reason, its worker is
replaced, every other file goes on. The ingest process itself never runs a parser's code
(unless Settings.ingest_workers is 0, for debugging).

Workers are forked from the ingest process, which has the parsing modules and jieba's
dictionary loaded already: a replacement costs milliseconds, not the ~2 s of a fresh
interpreter (a fork server would also re-run the caller's main script in every worker). The
child only parses: it never touches the Chroma client or the embedder inherited with the
fork. The memory limit counts what the worker itself holds (its private pages), not the
pages it shares with the ingest process.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, Callable, Iterator, Sequence

log = logging.getLogger(__name__)

POLL_SECONDS = 0.1


@dataclass(frozen=True)
class JobLimits:
    seconds: float  # wall-clock seconds per file (0: none)
    memory_bytes: int  # resident memory of the worker (0: none)


def _context() -> Any:
    try:
        return multiprocessing.get_context("fork")
    except ValueError:  # no fork on this platform
        return multiprocessing.get_context("spawn")


def _serve(conn: Connection, func: Callable[..., Any], parent: int, init: Callable[[int], None] | None) -> None:
    if init is not None:
        init(parent)
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        conn.send(func(*job))


def rss_bytes(pid: int) -> int:
    """Memory a process holds for itself: private resident pages plus swap (Linux /proc;
    VmRSS when smaps_rollup is missing); 0 when it cannot be read."""
    try:
        total = 0
        with open(f"/proc/{pid}/smaps_rollup", "rb") as fh:
            for line in fh:
                if line.startswith((b"Private_Clean:", b"Private_Dirty:", b"Swap:")):
                    total += int(line.split()[1]) * 1024
        return total
    except (OSError, ValueError, IndexError):
        pass
    try:
        with open(f"/proc/{pid}/status", "rb") as fh:
            for line in fh:
                if line.startswith(b"VmRSS:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


class _Worker:
    def __init__(self, ctx: Any, func: Callable[..., Any], init: Callable[[int], None] | None) -> None:
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_serve, args=(child, func, os.getpid(), init), daemon=True)
        self.proc.start()
        child.close()
        self.job: int | None = None
        self.started = 0.0

    def kill(self) -> None:
        try:
            self.proc.kill()
            self.proc.join(5)
        finally:
            self.conn.close()

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except (OSError, ValueError):
            pass
        self.proc.join(2)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join(2)
        self.conn.close()


def run_isolated(
    jobs: Sequence[tuple],
    func: Callable[..., Any],
    workers: int,
    limits: JobLimits,
    failed: Callable[[str], Any],
    init: Callable[[int], None] | None = None,
    window: int = 16,
    stats: dict[int, tuple[float, int]] | None = None,
) -> Iterator[tuple[int, Any]]:
    """(job index, func(*job)) in job order, each job run in a worker process. A job over its
    time or memory limit, or whose worker dies, yields `failed(reason)` instead. At most
    `window` finished results wait to be consumed (bounded memory). `stats` receives, per job,
    (seconds, the most memory its worker was seen holding).

    A thread hands out the jobs and watches the workers, so parsing goes on, and the limits
    hold, while the caller is busy with what it was given (embedding, writing)."""
    if not jobs:
        return
    pump = _Pump(jobs, func, max(1, workers), limits, failed, init, window, stats)
    thread = threading.Thread(target=pump.run, name="greenkb-parse-pump", daemon=True)
    thread.start()
    try:
        for done in range(len(jobs)):
            with pump.cond:
                while done not in pump.results and pump.error is None:
                    pump.cond.wait(0.5)
                if pump.error is not None and done not in pump.results:
                    raise pump.error
                result = pump.results.pop(done)
                pump.consumed = done + 1
                pump.cond.notify_all()
            yield done, result
    finally:
        with pump.cond:
            pump.stop = True
            pump.cond.notify_all()
        thread.join(30)


class _Pump:
    def __init__(self, jobs, func, workers, limits, failed, init, window, stats) -> None:
        self.jobs, self.func, self.limits, self.failed, self.init = jobs, func, limits, failed, init
        self.window, self.stats = window, stats
        self.pool: list[_Worker | None] = [None] * workers
        self.results: dict[int, Any] = {}
        self.consumed = 0
        self.stop = False
        self.error: BaseException | None = None
        self.cond = threading.Condition()
        self.peaks: dict[int, int] = {}

    def run(self) -> None:
        ctx = _context()
        nxt = 0
        try:
            while True:
                with self.cond:
                    if self.stop or (nxt >= len(self.jobs) and all(w is None or w.job is None for w in self.pool)):
                        return
                    consumed = self.consumed
                for slot, w in enumerate(self.pool):  # hand out work
                    if nxt >= len(self.jobs) or nxt - consumed >= self.window:
                        break
                    if w is None:
                        w = self.pool[slot] = _Worker(ctx, self.func, self.init)
                    if w.job is None:
                        w.conn.send(self.jobs[nxt])
                        w.job, w.started = nxt, time.monotonic()
                        nxt += 1
                busy = [w for w in self.pool if w is not None and w.job is not None]
                if not busy:
                    with self.cond:  # the window is full: wait for the caller to take results
                        if not self.stop and self.consumed == consumed:
                            self.cond.wait(POLL_SECONDS)
                    continue
                ready = wait([w.conn for w in busy], timeout=POLL_SECONDS)
                for slot, w in enumerate(self.pool):
                    if w is not None and w.job is not None:
                        self._check(slot, w, ready)
        except BaseException as exc:  # reported to the caller, never lost in this thread
            with self.cond:
                self.error = exc
                self.cond.notify_all()
        finally:
            for w in self.pool:
                if w is None:
                    continue
                if w.job is not None:
                    w.kill()
                else:
                    w.stop()

    def _check(self, slot: int, w: _Worker, ready: list) -> None:
        job = w.job
        now = time.monotonic()
        held = rss_bytes(w.proc.pid)
        self.peaks[job] = max(self.peaks.get(job, 0), held)
        if self.stats is not None:
            self.stats[job] = (now - w.started, self.peaks[job])
        reason = ""
        if w.conn in ready:
            try:
                result = w.conn.recv()
                w.job = None
                self._put(job, result)
                return
            except (EOFError, OSError):
                reason = _death_reason(w)
        elif self.limits.seconds and now - w.started > self.limits.seconds:
            reason = f"解析超时（超过 {self.limits.seconds:g} 秒），已中止该文件（设置 GREENKB_PARSE_TIMEOUT 可调整）"
        elif self.limits.memory_bytes and held > self.limits.memory_bytes:
            reason = (f"解析占用内存超过上限 {self.limits.memory_bytes >> 20} MB，已中止该文件"
                      "（可能是恶意或损坏的文件；设置 GREENKB_PARSE_MEMORY_MB 可调整）")
        elif not w.proc.is_alive():
            reason = _death_reason(w)
        if reason:
            log.warning("job %s: %s", job, reason)
            w.kill()
            self.pool[slot] = None
            self._put(job, self.failed(reason))

    def _put(self, job: int, result: Any) -> None:
        with self.cond:
            self.results[job] = result
            self.cond.notify_all()


def _death_reason(w: _Worker) -> str:
    w.proc.join(1)
    code = w.proc.exitcode
    if code is not None and code < 0 and -code == 9:
        return "解析进程被系统终止（可能内存不足），已跳过该文件"
    return f"解析进程意外退出（退出码 {code}），已跳过该文件"
