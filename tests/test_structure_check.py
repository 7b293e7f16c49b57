"""`python -m eval structure PATH…` lists the texts whose 第X条 lines ingest does not read as
articles, on invented texts (测试样例) written here: a law read whole is not listed; an excerpt
that jumps from 第二条 to 第五十条 (its later articles read as paragraphs) is."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTE = "本文件是 GreenKB 自动化测试使用的虚构样例，不是真实的法规。"


def _law(title: str, numbers: list[str]) -> str:
    body = "\n\n".join(f"第{n}条 示例规定的第{n}项内容（测试样例）。" for n in numbers)
    return f"# {title}\n\n2020年1月1日 示例省公布\n\n<!-- INFO END -->\n\n{NOTE}\n\n{body}\n"


def _run(*paths: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "eval", "structure", *map(str, paths)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


def test_texts_read_whole_are_not_listed(tmp_path):
    (tmp_path / "示例条例（测试样例）.md").write_text(
        _law("示例条例（测试样例）", ["一", "二", "三", "四", "五", "六"]), encoding="utf-8")
    proc = _run(tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "共检查 1 个文件，0 个文件" in proc.stdout


def test_an_excerpt_jumping_articles_is_listed(tmp_path):
    (tmp_path / "示例摘录（测试样例）.md").write_text(
        _law("示例摘录（测试样例）", ["一", "二", "五十", "五十一", "五十二", "五十三"]), encoding="utf-8")
    proc = _run(tmp_path)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "条文未识别：示例摘录（测试样例）.md" in proc.stdout
    assert "条文行 6，识别为条 2" in proc.stdout


def test_articles_run_together_on_one_line_are_read(tmp_path):
    """A flattened web page runs a chapter's articles together on one line (…内容。 第二条 …):
    each is read as an article (ingest.clean splits the line before each)."""
    one_line = " ".join(f"第{n}条 示例规定的第{n}项内容（测试样例）。" for n in ["一", "二", "三", "四", "五", "六"])
    (tmp_path / "示例扁平条例（测试样例）.md").write_text(
        f"# 示例扁平条例（测试样例）\n\n2020年1月1日 示例省公布\n\n<!-- INFO END -->\n\n{NOTE}\n\n{one_line}\n", encoding="utf-8")
    proc = _run(tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "共检查 1 个文件，0 个文件" in proc.stdout
