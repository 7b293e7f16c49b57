"""Upload jobs of the HTTP API: files saved by `POST /documents` are ingested one job at a time
by a worker thread, each job in its own process (`python -m kb.interfaces.api_jobs`), so a slow
or hostile file costs the server neither its memory nor the interpreter lock the answering
threads need. The child prints JSON lines (progress, then the summary); `GET /jobs/{id}` shows
them. When a job ends the server's Searcher loads the new index generation (`on_done`).

A job that finds another ingest running on the data folder (a CLI ingest) waits for it.
"""
from __future__ import annotations

import argparse
import json
import logging
import queue
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from kb.settings import Settings

log = logging.getLogger(__name__)

STATUS_CN = {"added": "新增", "updated": "更新", "unchanged": "未变", "failed": "失败", "removed": "移除"}
BUSY_EXIT = 3  # the child found the data folder locked by another ingest
BUSY_WAIT_S = 2.0
BUSY_MAX_S = 600.0
KEEP_JOBS = 200  # finished jobs remembered for GET /jobs/{id}


@dataclass
class Job:
    id: str
    files: list[str]  # saved paths
    status: str = "queued"  # queued | waiting | running | done | failed
    message: str = ""
    done: int = 0
    total: int = 0
    current: str = ""
    results: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    created: float = field(default_factory=time.time)
    finished: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "status": self.status, "message": self.message,
            "files": [Path(f).name for f in self.files],
            "progress": {"done": self.done, "total": self.total, "current": self.current},
            "results": self.results, "notes": self.notes,
            "created": self.created, "finished": self.finished,
        }


class JobQueue:
    """Jobs by id and the worker thread that runs them in order."""

    def __init__(self, settings: Settings, on_done: Callable[[], Any] | None = None) -> None:
        self.settings = settings
        self.on_done = on_done
        self.jobs: dict[str, Job] = {}
        self._queue: queue.Queue[Job | None] = queue.Queue()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._work, name="greenkb-jobs", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        self._queue.put(None)

    def submit(self, files: list[Path]) -> Job:
        job = Job(id=uuid.uuid4().hex[:16], files=[str(f) for f in files], total=len(files))
        with self._lock:
            self.jobs[job.id] = job
            finished = [j for j in self.jobs.values() if j.finished is not None]
            for old in sorted(finished, key=lambda j: j.finished or 0)[: max(0, len(finished) - KEEP_JOBS)]:
                self.jobs.pop(old.id, None)
        self._queue.put(job)
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self.jobs.get(job_id)

    def _work(self) -> None:
        while True:
            job = self._queue.get()
            if job is None:
                return
            try:
                outcome = self._run(job)
            except Exception as exc:  # the worker goes on with the next job
                log.warning("job %s failed", job.id, exc_info=True)
                outcome, job.message = "failed", f"导入失败：{type(exc).__name__}"
            # The job is reported finished only once the Searcher has the new index: a client
            # that asks right after "done" finds the documents.
            if self.on_done is not None:
                try:
                    self.on_done()
                except Exception:
                    log.warning("refresh after job %s failed", job.id, exc_info=True)
            job.finished = time.time()
            job.status = outcome

    def command(self, job: Job) -> list[str]:
        s = self.settings
        return [sys.executable, "-m", "kb.interfaces.api_jobs", "--data", str(s.data_dir),
                "--embed-model", s.embed_model, *job.files]

    def _run(self, job: Job) -> str:
        """Run the job's child (again while another ingest holds the folder); its outcome."""
        waited = 0.0
        while True:
            job.status = "running"
            code, outcome = self._child(job)
            if code != BUSY_EXIT:
                break
            if waited >= BUSY_MAX_S:
                job.message = "另一个导入任务长时间占用数据目录，本任务未能开始，请稍后重新上传。"
                return "failed"
            job.status, job.message = "waiting", "另一个导入任务正在进行，等待它结束后开始。"
            time.sleep(BUSY_WAIT_S)
            waited += BUSY_WAIT_S
        if outcome is None:  # the child ended without a summary or an error line
            job.message = job.message or f"导入进程意外退出（代码 {code}）"
            return "failed"
        return outcome

    def _child(self, job: Job) -> tuple[int, str | None]:
        """(exit code, outcome: done | failed | None without a final line)."""
        outcome = None
        proc = subprocess.Popen(self.command(job), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                text=True, encoding="utf-8", errors="replace")
        assert proc.stdout is not None
        for line in proc.stdout:
            try:
                msg = json.loads(line)
            except ValueError:
                continue
            if "progress" in msg:
                job.done, job.total, job.current = msg["progress"]
            elif "summary" in msg:
                outcome = _apply_summary(job, msg["summary"])
            elif "error" in msg:
                outcome, job.message = "failed", str(msg["error"])
        return proc.wait(), outcome


def _apply_summary(job: Job, summary: dict[str, Any]) -> str:
    job.results = summary["results"]
    job.notes = summary["notes"]
    job.done = job.total = len(job.files)
    job.current = ""
    counts = summary["counts"]
    job.message = "导入完成：" + ("，".join(f"{STATUS_CN[s]} {counts[s]}" for s in STATUS_CN if counts.get(s))
                              or "没有文件") + f"；用时 {summary['seconds']:.1f} 秒。"
    return "failed" if counts.get("failed") else "done"


# ---------------------------------------------------------------------- the child process
def _emit(obj: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def child_main(argv: list[str] | None = None) -> int:
    from ingest.pipeline import IngestBusy, run
    from kb.settings import SettingsError, load_settings

    parser = argparse.ArgumentParser(prog="python -m kb.interfaces.api_jobs")
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--embed-model")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    try:
        settings = load_settings(data_dir=args.data, embed_model=args.embed_model)
        summary = run(args.paths, settings, progress=lambda d, t, n: _emit({"progress": [d, t, Path(n).name if n else ""]}),
                      remove_missing=False)
    except IngestBusy:
        return BUSY_EXIT
    except SettingsError as exc:
        _emit({"error": str(exc)})
        return 2
    except Exception as exc:
        from kb.interfaces.app_support import error_message

        _emit({"error": error_message(exc, "导入失败")})
        return 2
    _emit({"summary": {
        "results": [{"file": Path(r.path).name, "status": r.status, "result": STATUS_CN.get(r.status, r.status),
                     "chunks": r.chunks, "title": r.title, "doc_id": r.doc_id, "reason": r.reason}
                    for r in summary.results],
        "notes": list(summary.notes),
        "counts": {s: summary.count(s) for s in STATUS_CN},
        "seconds": summary.seconds,
    }})
    return 0


if __name__ == "__main__":
    sys.exit(child_main())
