"""The HNSW search of the chunk collection explores SEARCH_EF candidates: with Chroma's default the
last of the 100 nearest chunks the dense search asks for were approximate and changed from one
process to the next (and with them the fused scores). An index built before is widened when
opened. Real Chroma, real ingest, invented documents (测试样例)."""
from __future__ import annotations

from ingest.__main__ import main as ingest_main
from kb.index.store import SEARCH_EF, Index
from kb.interfaces.cli import main as kb_main
from kb.settings import load_settings

DOC = """# 示例宽度条例（测试样例）

第一条 示例单位应当每年报送示例报告。

第二条 示例单位未报送示例报告的，由示例部门处一万元罚款。
"""


def _client(data):
    return Index(load_settings(data_dir=data)).client


def _ef(data) -> int:
    cols = [c for c in _client(data).list_collections() if not c.name.endswith("_docs")]
    return min(c.configuration["hnsw"]["ef_search"] for c in cols)


def test_new_and_old_indexes_search_wide(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "示例宽度条例（测试样例）.md").write_text(DOC, encoding="utf-8")
    data = tmp_path / "data"
    assert ingest_main([str(corpus), "--data", str(data), "--quiet"]) == 0
    assert _ef(data) == SEARCH_EF
    # an index built with Chroma's default search width, as before
    client = _client(data)
    for c in client.list_collections():
        if not c.name.endswith("_docs"):
            client.get_collection(c.name).modify(configuration={"hnsw": {"ef_search": 100}})
    assert _ef(data) == 100
    capsys.readouterr()
    assert kb_main(["search", "示例报告多久报送一次", "--data", str(data), "--json"]) == 0
    assert "第一条" in capsys.readouterr().out
    assert _ef(data) == SEARCH_EF
