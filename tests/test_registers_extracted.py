"""kb.registers.extracted: facts read per document version, kept, and read again only when a
document is new or changed (documents are invented test samples)."""
from __future__ import annotations

from pathlib import Path

from ingest.pipeline import run
from kb.index.store import Index
from kb.registers.extracted import Extractor, refresh
from kb.settings import DataLayout, load_settings

CALLS: list[str] = []


def _count_articles(meta, chunks):
    CALLS.append(meta.file_name)
    return [{"locator": c.locator} for c in chunks if c.locator.startswith("第")]


EXTRACTOR = Extractor("articles", "1", _count_articles)


def _write(folder: Path, name: str, articles: int) -> None:
    body = "\n".join(f"第{'一二三四五六七八九'[i]}条 示例条文内容（测试样例）第{i + 1}项。" for i in range(articles))
    (folder / name).write_text(f"# 示例办法{name[0]}（测试样例）\n\n{body}\n", encoding="utf-8")


def test_facts_are_read_once_per_document_version(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _write(corpus, "甲.md", 2)
    _write(corpus, "乙.md", 3)
    settings = load_settings(data_dir=tmp_path / "data", embed_model="none")
    run([corpus], settings)
    index = Index(settings)

    CALLS.clear()
    facts = refresh(index, settings.layout, [EXTRACTOR])
    assert sorted(len(v) for v in facts["articles"].values()) == [2, 3]
    assert sorted(CALLS) == ["乙.md", "甲.md"]

    CALLS.clear()
    assert refresh(index, settings.layout, [EXTRACTOR]) == facts  # kept: nothing read again
    assert CALLS == []

    _write(corpus, "甲.md", 4)  # a new version of one document
    run([corpus], settings)
    CALLS.clear()
    facts = refresh(Index(settings), settings.layout, [EXTRACTOR])
    assert CALLS == ["甲.md"]
    assert sorted(len(v) for v in facts["articles"].values()) == [3, 4]

    CALLS.clear()  # a new extractor version reads everything again
    refresh(Index(settings), settings.layout, [Extractor("articles", "2", _count_articles)])
    assert sorted(CALLS) == ["乙.md", "甲.md"]


def test_a_read_only_data_folder_still_gives_the_facts(tmp_path):
    """The data folder is bind-mounted read-only (root's chmod stops nothing); skipped where
    mounting is not allowed."""
    import subprocess

    import pytest

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _write(corpus, "甲.md", 2)
    settings = load_settings(data_dir=tmp_path / "data", embed_model="none")
    run([corpus], settings)
    ro = tmp_path / "ro"
    ro.mkdir()
    if subprocess.run(["mount", "--bind", str(tmp_path / "data"), str(ro)], capture_output=True).returncode:
        pytest.skip("bind mounts need root")
    try:
        if subprocess.run(["mount", "-o", "remount,ro,bind", str(ro)], capture_output=True).returncode:
            pytest.skip("cannot remount read-only here")
        with pytest.raises(OSError):
            (ro / "probe").write_text("x")
        CALLS.clear()  # Chroma is read from the writable copy; the fact store sits on the read-only one
        facts = refresh(Index(settings), DataLayout(ro), [EXTRACTOR])
        assert [len(v) for v in facts["articles"].values()] == [2] and CALLS == ["甲.md"]
    finally:
        subprocess.run(["umount", "-l", str(ro)], capture_output=True)
