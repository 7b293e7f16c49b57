"""Servers the tests start for real (the HTTP API, the Streamlit app, a Chroma server): a free
loopback port, start, wait until the health URL answers, stop."""
from __future__ import annotations

import socket
import subprocess
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator, Sequence

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _tail(log_path: Path) -> str:
    return log_path.read_text(errors="replace")[-2000:] if log_path.exists() else ""


@contextmanager
def serving(cmd: Sequence[str], health_url: str, log_path: Path, what: str, env: dict[str, str] | None = None,
            timeout: float = 60, ready: Callable[[int, bytes], bool] = lambda status, _body: status == 200,
            cwd: Path = ROOT) -> Iterator[subprocess.Popen]:
    """Run `cmd` (its output in `log_path`) until `health_url` answers as `ready` wants; yield
    the process; stop it. A server that exits or stays silent fails with its log's tail."""
    log = open(log_path, "wb")
    proc = subprocess.Popen(list(cmd), cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"{what} exited:\n" + _tail(log_path))
            try:
                with urllib.request.urlopen(health_url, timeout=2) as r:
                    if ready(r.status, r.read()):
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"{what} did not start in time:\n" + _tail(log_path))
            time.sleep(0.2)
        yield proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        log.close()
