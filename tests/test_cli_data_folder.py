"""A mistyped data folder is never turned into an empty index: `kb ask/search/docs --data /typo`
stop with one Chinese line and create nothing, while `python -m ingest --data NEW` still makes a
new one; an ingest that finds no file to import exits 1 with a hint (a wrong or empty folder)."""
from __future__ import annotations

import subprocess
import sys

import pytest

from tests.api_server import FIXTURE, ROOT, base_env


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=base_env(), capture_output=True, text=True,
                          timeout=180)


@pytest.mark.parametrize("command", [["ask", "示例单位要报送什么？"], ["search", "节能"], ["docs"], ["timeline"]])
def test_reading_commands_refuse_a_missing_data_folder(tmp_path, command):
    typo = tmp_path / "dta"
    proc = _run("-m", "kb", *command, "--data", str(typo))
    assert proc.returncode == 2
    assert proc.stderr.strip() == (f"错误：数据目录 {typo} 不存在。请检查 --data 或数据目录设置；"
                                   f"新建知识库请用 python -m ingest 文件夹 --data {typo}。")
    assert not typo.exists()


def test_an_existing_folder_without_an_index_is_named_as_such(tmp_path):
    proc = _run("-m", "kb", "ask", "示例单位要报送什么？", "--data", str(tmp_path))
    assert proc.returncode == 2 and f"数据目录 {tmp_path} 中没有知识库" in proc.stderr
    assert not (tmp_path / "chroma").exists()


def test_ingest_creates_a_new_folder_and_ask_then_reads_it(tmp_path):
    new = tmp_path / "new-data"
    assert _run("-m", "ingest", str(FIXTURE), "--data", str(new), "--quiet").returncode == 0
    proc = _run("-m", "kb", "ask", "示例市节能监察办法第三条要求报送什么？", "--data", str(new))
    assert proc.returncode == 0 and "能源利用状况报告" in proc.stdout


def test_an_empty_folder_ingest_exits_1_with_a_hint(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    proc = _run("-m", "ingest", str(empty), "--data", str(tmp_path / "data"), "--quiet")
    assert proc.returncode == 1
    assert "没有找到可导入的文件" in proc.stderr and "请检查路径" in proc.stderr
    # a folder whose files were all removed is a sync, not a mistake: exit 0, the removal reported
    folder = tmp_path / "synced"
    folder.mkdir()
    (folder / FIXTURE.name).write_bytes(FIXTURE.read_bytes())
    assert _run("-m", "ingest", str(folder), "--data", str(tmp_path / "data2"), "--quiet").returncode == 0
    (folder / FIXTURE.name).unlink()
    proc = _run("-m", "ingest", str(folder), "--data", str(tmp_path / "data2"), "--quiet")
    assert proc.returncode == 0 and "移除 1" in proc.stdout
