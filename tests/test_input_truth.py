"""What is indexed is what the files say: bad UTF-8 bytes replaced and counted, not read as
another encoding; links out of the ingested folder refused; a removed link removes its
document; the recorded hash is that of the bytes parsed; colliding upload names kept apart.
Fixtures are invented (示例…（测试样例））.
"""
from __future__ import annotations

import os
from pathlib import Path

from ingest import pipeline
from ingest.__main__ import print_summary
from ingest.pipeline import run
from kb.index.store import Index
from kb.interfaces import app_support as sup
from kb.settings import load_settings

TEXT = "# 示例市节能办法（测试样例）\n\n第一条 示例单位应当节约能源，提高能源利用效率（测试样例）。\n"


def _settings(tmp_path: Path):
    return load_settings(data_dir=tmp_path / "data", embed_model="none", corpus_dir=tmp_path / "corpus")


def test_invalid_utf8_is_replaced_and_counted(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    raw = TEXT.encode("utf-8")
    cut = raw.index("节约".encode())
    (corpus / "坏字节.md").write_bytes(raw[:cut] + b"\xff\xfe" + raw[cut:])
    summary = run([corpus], _settings(tmp_path))
    r = summary.results[0]
    assert r.status == "added" and any("2 个无效的UTF-8字节" in w for w in r.warnings)
    print_summary(summary)
    assert "无效的UTF-8字节" in capsys.readouterr().out
    doc = next(iter(Index(_settings(tmp_path)).documents().values()))
    assert doc.title == "示例市节能办法（测试样例）" and doc.warnings
    text = "".join(h.text for h in Index(_settings(tmp_path)).chunks_of(doc.doc_id))
    assert "\ufffd\ufffd节约能源" in text  # the rest is read as UTF-8, not GB18030 mojibake


def test_links_leaving_the_folder_are_refused(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "外部.md").write_text(TEXT.replace("节能办法", "外部办法"), encoding="utf-8")
    (corpus / "sub" / "内部.md").write_text(TEXT, encoding="utf-8")
    os.symlink(outside / "外部.md", corpus / "指向外部.md")
    os.symlink(outside, corpus / "外部文件夹")
    os.symlink(corpus / "sub" / "内部.md", corpus / "指向内部.md")
    summary = run([corpus], _settings(tmp_path))
    failed = {Path(r.path).name: r.reason for r in summary.results if r.status == "failed"}
    assert "指向外部.md" in failed and "导入文件夹之外" in failed["指向外部.md"]
    docs = Index(_settings(tmp_path)).documents()
    assert [d.title for d in docs.values()] == ["示例市节能办法（测试样例）"]  # the inside link is the same file


def test_a_removed_link_removes_its_document(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / ".store").mkdir(parents=True)
    (corpus / ".store" / ".藏.md").write_text(TEXT, encoding="utf-8")  # never found by itself
    link = corpus / "链接.md"
    os.symlink(corpus / ".store" / ".藏.md", link)
    settings = _settings(tmp_path)
    assert run([corpus], settings).count("added") == 1
    link.unlink()
    summary = run([corpus], settings)
    assert summary.count("removed") == 1 and not Index(settings).documents()


def test_hash_is_of_the_bytes_parsed(tmp_path, monkeypatch):
    """The file changes after it was hashed and before it is parsed: the recorded hash is that
    of what was parsed, so the next run sees the change and re-reads it."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    f = corpus / "变化.md"
    f.write_text(TEXT, encoding="utf-8")
    settings = _settings(tmp_path).with_overrides(ingest_workers=0)  # parse here: the patch applies
    real = pipeline.content_hash

    def hash_then_edit(path):
        digest = real(path)
        path.write_text(TEXT.replace("提高能源利用效率", "降低能源消耗总量"), encoding="utf-8")
        return digest

    monkeypatch.setattr(pipeline, "content_hash", hash_then_edit)
    run([corpus], settings)
    monkeypatch.setattr(pipeline, "content_hash", real)
    doc = next(iter(Index(settings).documents().values()))
    assert doc.content_hash == real(f)
    assert "降低能源消耗总量" in "".join(h.text for h in Index(settings).chunks_of(doc.doc_id))
    assert run([corpus], settings).count("unchanged") == 1


def test_colliding_upload_names_are_kept_apart(tmp_path):
    settings = _settings(tmp_path)
    a = sup.save_upload("示例:办法.md", TEXT.encode(), settings)
    b = sup.save_upload("示例?办法.md", TEXT.replace("节能", "节水").encode(), settings)
    assert a.path != b.path and a.path.read_text(encoding="utf-8") == TEXT
    assert b.path.name == "示例_办法 (2).md" and b.renamed
    same = sup.save_upload("示例_办法.md", b"new", settings)  # the name as it is: a new version replaces it
    assert same.path == a.path and same.replaced
    again = sup.save_upload("示例?办法.md", TEXT.replace("节能", "节水").encode(), settings)  # same bytes again
    assert again.path == b.path and not again.replaced


def test_app_ingests_uploads_in_its_own_process(tmp_path):
    """The app's ingest runs as `python -m ingest --progress-json` in a child process: progress
    arrives line by line, the summary comes back, and nothing is parsed in the caller."""
    settings = _settings(tmp_path)
    a = sup.save_upload("示例一.md", TEXT.encode(), settings).path
    b = sup.save_upload("示例二.md", TEXT.replace("节能", "节水").encode(), settings).path
    bad = sup.save_upload("坏.md", b"\n\n\n", settings).path
    seen = []
    report = sup.ingest_in_subprocess([a, b, bad], settings, progress=lambda *x: seen.append(x))
    assert not report.error
    assert report.count("added") == 2 and report.count("failed") == 1
    assert seen and seen[-1][0] == seen[-1][1] == 3
    assert len(Index(settings).documents()) == 2
    busy = sup.ingest_in_subprocess([tmp_path / "不存在"], settings)
    assert busy.count("failed") == 1 and "路径不存在" in busy.results[0]["reason"]
