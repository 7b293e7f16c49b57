"""Start `python -m kb serve` as a real uvicorn process on a free loopback port (tests of the
HTTP API); documents written by us for the tests (示例, 测试样例), never real text."""
from __future__ import annotations

import os
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from tests.processes import free_port, serving

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "示例市节能监察办法（测试样例）.txt"

# Two versions of one invented law (for /diff and /timeline) and a rule citing an invented standard.
RULES_OLD = """# 示例市资源综合利用条例（测试样例）

2019年3月1日 示例市第一届人民代表大会常务委员会第九次会议通过

第一条 为了测试知识库的版本比较，促进示例市资源综合利用，制定本条例。

第二条 示例单位应当每年报告固体废物产生量。

第三条 本条例自2019年5月1日起施行。
"""
RULES_NEW = """# 示例市资源综合利用条例（测试样例）

2022年6月1日 示例市第二届人民代表大会常务委员会第三次会议修订

第一条 为了测试知识库的版本比较，促进示例市资源综合利用和绿色制造，制定本条例。

第二条 示例单位应当每季度报告固体废物产生量和利用量。

第三条 示例单位的节能设备应当符合 GB/T 99901-2019《示例节能设备能效限定值（测试样例）》的要求。

第四条 本条例自2022年7月1日起施行。
"""


def base_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GREENKB_")}
    env.update({"GREENKB_EMBED_MODEL": "none", "GREENKB_INGEST_WORKERS": "0"}, **extra)
    return env


def build_index(tmp: Path) -> Path:
    """A data folder holding the fixture law and the two versions of the invented 条例."""
    corpus = tmp / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    (corpus / "示例市资源综合利用条例(2019-03-01).md").write_text(RULES_OLD, encoding="utf-8")
    (corpus / "示例市资源综合利用条例(2022-06-01).md").write_text(RULES_NEW, encoding="utf-8")
    (corpus / FIXTURE.name).write_bytes(FIXTURE.read_bytes())
    data = tmp / "data"
    proc = subprocess.run([sys.executable, "-m", "ingest", str(corpus), "--data", str(data), "--quiet"],
                          cwd=ROOT, env=base_env(), capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return data


@contextmanager
def running_api(data: Path, log_path: Path, env_extra: dict[str, str] | None = None,
                timeout: float = 90) -> Iterator[str]:
    """`python -m kb serve --data DATA --port P`; yields the base URL; stops it."""
    port = free_port()
    # uploads go to CORPUS/uploads: never the repository's corpus/
    env = base_env(GREENKB_CORPUS_DIR=str(data.parent / "served"), **(env_extra or {}))
    cmd = [sys.executable, "-m", "kb", "serve", "--data", str(data), "--port", str(port)]
    with serving(cmd, f"http://127.0.0.1:{port}/health", log_path, "server", env=env, timeout=timeout):
        yield f"http://127.0.0.1:{port}"
