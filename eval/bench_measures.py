"""Measures of `python -m eval bench` on a built index: search and answer latency (GreenKB and the
LlamaIndex recipe), and known-item retrieval at scale ((document, article) pairs asked two ways).
"""
from __future__ import annotations

import random
import re
import time
from pathlib import Path
from typing import Any

from eval import common
from kb.settings import DataLayout

# ---------------------------------------------------------------------- latency
def _questions(extra: list[str] | None = None) -> list[str]:
    qs = []
    try:
        qs = [q["question"] for q in common.load_questions(common.DEFAULT_QUESTIONS)]
    except FileNotFoundError:
        pass
    return qs + list(extra or [])


def search_latency(data: Path, model: str, questions: list[str]) -> dict[str, Any]:
    from kb.answers.answer import answer
    from kb.search.searcher import Searcher
    from kb.settings import load_settings

    t0 = time.perf_counter()
    searcher = Searcher(load_settings(data_dir=data, embed_model=model))
    load_s = time.perf_counter() - t0
    for q in questions[:3]:  # warm: model, caches, first Chroma query
        searcher.search(q, k=10)
    s_lat, a_lat = [], []
    qcache = getattr(searcher, "_qcache", {})  # the query-vector cache would hide the embedding cost
    for q in questions:
        qcache.clear()
        t = time.perf_counter()
        searcher.search(q, k=10)
        s_lat.append((time.perf_counter() - t) * 1000)
        qcache.clear()
        t = time.perf_counter()
        answer(q, searcher, mode="extractive")
        a_lat.append((time.perf_counter() - t) * 1000)
    return {
        "n": len(questions), "load_s": round(load_s, 2),
        "search_p50": common.percentile(s_lat, 50), "search_p95": common.percentile(s_lat, 95),
        "answer_p50": common.percentile(a_lat, 50), "answer_p95": common.percentile(a_lat, 95),
    }


def baseline_latency(data: Path, inputs: list[Path], model: str, questions: list[str]) -> dict[str, Any]:
    # Open the collection part_baseline built (eval.baseline.build_or_load's reuse check hashes
    # with Python's per-process salted hash(), so in a new process it would rebuild).
    import chromadb
    from chromadb.config import Settings as ChromaSettings
    from llama_index.core import Settings as LISettings
    from llama_index.core import VectorStoreIndex
    from llama_index.vector_stores.chroma import ChromaVectorStore

    from eval.baseline import make_embedding

    LISettings.llm = None
    embedding = make_embedding(model)
    client = chromadb.PersistentClient(path=str(DataLayout(data).baseline_chroma), settings=ChromaSettings(anonymized_telemetry=False))
    store = ChromaVectorStore(chroma_collection=client.get_collection("baseline"))
    index = VectorStoreIndex.from_vector_store(store, embed_model=embedding)
    retriever = index.as_retriever(similarity_top_k=10)
    for q in questions[:3]:
        retriever.retrieve(q)
    lat = []
    for q in questions:
        t = time.perf_counter()
        retriever.retrieve(q)
        lat.append((time.perf_counter() - t) * 1000)
    return {"n": len(questions), "search_p50": common.percentile(lat, 50), "search_p95": common.percentile(lat, 95)}


# ---------------------------------------------------------------------- known item
_ARTICLE = re.compile(r"^第[一二三四五六七八九十百千零〇两\d]+条$")
_SENT = re.compile(r"[^。！？；\n]+[。！？；]?")


def first_sentence(text: str, locator: str) -> str:
    body = text.strip()
    if body.startswith(locator):
        body = body[len(locator):].lstrip(" 　：:")
    sentences = [s.strip() for s in _SENT.findall(body) if s.strip()]
    quote = ""
    for s in sentences:
        quote += s
        if len(quote) >= 12:
            break
    return quote


def known_items(data: Path, model: str, n: int = 200, seed: int = 20240601) -> list[dict[str, Any]]:
    """n (document, article) pairs, seeded: a random document, then a random article of it."""
    from kb.settings import load_settings
    from kb.index.store import Index

    index = Index(load_settings(data_dir=data, embed_model=model))
    docs = index.documents()
    committed = {d.doc_id: d.content_hash for d in docs.values()}
    articles: dict[str, list[tuple[str, str]]] = {}
    for _rid, text, md in index.iter_chunks():
        if committed.get(md.get("doc_id")) != md.get("content_hash") or not _ARTICLE.match(md.get("locator", "")):
            continue
        if int(md.get("chunk_index", 0)) >= 0:
            articles.setdefault(md["doc_id"], []).append((md["locator"], text, int(md.get("chunk_index", 0))))
    rng = random.Random(seed)
    pool = sorted(d for d in articles if docs[d].title)
    items = []
    for doc_id in rng.sample(pool, min(n, len(pool))):
        by_loc: dict[str, list] = {}
        for loc, text, ci in articles[doc_id]:
            by_loc.setdefault(loc, []).append((ci, text))
        loc = rng.choice(sorted(by_loc))
        text = sorted(by_loc[loc])[0][1]
        d = docs[doc_id]
        items.append({"doc_id": doc_id, "title": d.title, "file_name": d.file_name, "locator": loc,
                      "quote": first_sentence(text, loc)})
    return items


def known_item_test(data: Path, model: str, n: int = 200) -> dict[str, Any]:
    from kb.search.searcher import Searcher
    from kb.settings import load_settings

    items = known_items(data, model, n)
    searcher = Searcher(load_settings(data_dir=data, embed_model=model))
    squash = common.squash
    out: dict[str, Any] = {"n": len(items), "misses": []}
    for kind in ("article", "quote"):
        strict = lenient = 0
        for it in items:
            q = f"《{it['title']}》{it['locator']}是怎么规定的？" if kind == "article" else it["quote"]
            hits = searcher.search(q, k=1)
            h = hits[0] if hits else None
            same_doc = h is not None and h.doc_id == it["doc_id"] and h.locator == it["locator"]
            # Another version of the same document holding the same article (same title), or —
            # for a quote — any chunk holding exactly that sentence, answers the question too.
            ok = same_doc or (h is not None and h.locator == it["locator"] and h.title == it["title"]) or (
                kind == "quote" and h is not None and squash(it["quote"]) in squash(h.text)
            )
            strict += same_doc
            lenient += ok
            if not ok and len(out["misses"]) < 12:
                out["misses"].append({"kind": kind, "q": q[:60], "want": f"{it['file_name']}#{it['locator']}",
                                      "got": f"{h.file_name}#{h.locator}" if h else None})
        out[f"{kind}_hit1"] = lenient / len(items) if items else 0.0
        out[f"{kind}_hit1_same_file"] = strict / len(items) if items else 0.0
    return out
