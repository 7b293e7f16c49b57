"""Hybrid search: BM25 (jieba) + dense vectors (Chroma), fused, with direct article references.

    searcher = Searcher(settings)              # loads embedder, BM25, catalog once
    hits = searcher.search("节能法第53条", k=10, filters=Filters(doc_types=["法律"]))

- A question naming a document and an article (节约能源法第五十三条, 《排污许可管理条例》第十四条,
  节能法第53条; 第五十三条 alone when a document is chosen by filter) gets that article first,
  all its chunks if it was split.
- Filters restrict by document type, issuer, region, version date and chosen documents, applied as a
  Chroma `where` and as a BM25 mask.
- Versions: when two catalog documents share a title, the older one's chunks are penalised unless
  the question names its year or says 旧/原/老, or `include_superseded` is set. Status comes from
  the version graph (`Searcher.versions`, kb.versions.graph), built once per index generation.
- Only chunks whose content hash is the catalog's are ever returned (uncommitted leftovers of an
  interrupted ingest are invisible).
"""
from __future__ import annotations

import logging
import re
import threading
import time
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from kb.index import lexical

from kb.index import lexical_sync

from kb.versions.graph import VersionGraph
from kb.question.aliases import AliasTable
from kb.text.titles import title_key
from kb.question.kinds import Ask
from kb.question.reading import ParsedQuestion, read_question
from kb.search.filters import Filters, docs_passing
from kb.search.fusion import Fusion, fuse
from kb.search.rerank import SENTENCE_DEPTH, Candidate, Weights, latin_text, load_weights, rerank
from kb.index.sentences import SentenceVectors, best_sentence_similarity
from kb.settings import Settings
from kb.index.chroma_client import IndexError_
from kb.index.store import Index
from kb.types import DocumentMeta, SearchHit

log = logging.getLogger(__name__)

OUTDATED = {"已被修订", "已废止"}
_SPACE = re.compile(r"\s+")


def _doc_of(record_id: str) -> tuple[str, str]:
    """(doc_id, hash prefix) from a chunk record id DOCID-HASH12-NNNNN."""
    parts = record_id.rsplit("-", 2)
    return (parts[0], parts[1]) if len(parts) == 3 else (record_id, "")


class Searcher:
    def __init__(self, settings: Settings, fusion: Fusion | None = None, refresh_seconds: float = 3.0,
                 index: Index | None = None, rerank_weights: Weights | None | bool = True):
        from kb.index.embedding import get_embedder, model_key

        self.settings = settings
        self.fusion = fusion or Fusion()
        # The second stage's weights: True loads the fitted ones (kb/search/rerank_weights.json),
        # None or False keeps the fused order.
        self.rerank_weights: Weights | None = load_weights() if rerank_weights is True else (rerank_weights or None)
        self.refresh_seconds = refresh_seconds
        self.index = index or Index(settings)
        wanted = model_key(settings.embed_model)
        have = self.index.embed_model()
        if have is not None and have != wanted:
            raise IndexError_(
                f"索引是用嵌入模型 {have} 建立的，而当前配置的模型是 {wanted}。"
                f"请用当前模型重新导入（python -m ingest 文件夹 --rebuild），"
                f"或把 GREENKB_EMBED_MODEL 改回 {have}。"
            )
        self.model = wanted
        self.embedder = get_embedder(settings.embed_model, settings.embed_batch, settings.e5_engine, settings.engine_cache, settings.compiler) if wanted != "none" else None
        self._lock = threading.RLock()
        self._qcache: dict[str, np.ndarray] = {}
        self.sentence_vectors = (SentenceVectors(self.embedder, settings.layout.cache)
                                 if self.embedder is not None else None)
        if self.embedder is None:
            self.rerank_weights = None  # its weights were fitted with dense signals: keep the fused order
        self._checked = 0.0
        self.generation = ""
        self._load()

    # ------------------------------------------------------------------ state
    def _load(self) -> None:
        docs = self.index.documents()
        generation = self.index.generation(docs)
        directory = self.settings.layout.bm25
        lex = lexical.load(directory)
        if lex is None or lex.generation != generation or lex.info is None:
            lex = self._rebuild_lexical(docs, directory)
        self.docs = docs
        self.lex = lex
        self.generation = generation
        self.aliases = AliasTable.build(docs.values())
        self.versions = VersionGraph.of_generation(generation, docs)  # families, lineages, status
        self.status = self.versions.status
        self._facts: dict[str, dict[str, list[dict]]] | None = None  # registers, read on first use
        # Per-chunk arrays aligned with lex.ids.
        self.doc_ids = sorted(docs)
        pos = self.doc_pos = {d: i for i, d in enumerate(self.doc_ids)}
        self.chunk_doc = np.array([pos.get(_doc_of(r)[0], -1) for r in lex.ids], dtype=np.int32)
        self.id_pos = {r: i for i, r in enumerate(lex.ids)}
        self.info = lex.info or [("", "")] * len(lex.ids)
        self.is_header = np.array([kind == "header" or loc == "header" for loc, kind in self.info], dtype=bool)
        # Laws held in several versions: title key → doc ids, oldest first.
        self.groups = {title_key(f.title): f.doc_ids for f in self.versions.families if len(f.versions) > 1}
        self._checked = time.monotonic()

    @property
    def facts(self) -> dict[str, dict[str, list[dict]]]:
        """kind → doc_id → records of every register (kb.registers) for this index generation,
        read from the documents on first use and kept in DATA/registers.sqlite."""
        if self._facts is None:
            from kb.registers import EXTRACTORS
            from kb.registers.extracted import refresh as refresh_facts

            with self._lock:
                if self._facts is None:
                    self._facts = refresh_facts(self.index, self.settings.layout, EXTRACTORS, self.docs)
        return self._facts

    def _rebuild_lexical(self, docs: dict[str, DocumentMeta], directory: Path) -> lexical.LexicalIndex:
        """The saved BM25 is stale (another process or instance changed the index, or a new data
        folder): update it from Chroma, reading only documents whose tokens are not kept. Saved
        unless an ingest holds the data folder; a read-only data folder is just not written."""
        cache = lexical_sync.open_cache(self.settings.layout)
        try:
            return lexical_sync.refresh(self.index, cache, self.settings.layout, docs=docs)
        finally:
            if cache is not None:
                cache.close()

    def refresh(self, force: bool = False) -> bool:
        """Reload when another process changed the index. Checked at most every `refresh_seconds`."""
        now = time.monotonic()
        if not force and now - self._checked < self.refresh_seconds:
            return False
        with self._lock:
            self._checked = now
            if self.index.generation() != self.generation:
                self._load()
                return True
        return False

    # ------------------------------------------------------------------ versions
    def _preferred_versions(self, pq: ParsedQuestion, filters: Filters) -> tuple[set[str], set[str]]:
        """(penalised doc ids, preferred doc ids) for this question."""
        penalised: set[str] = set()
        preferred: set[str] = set()
        if filters.include_superseded:
            return penalised, preferred
        for title, ids in self.groups.items():
            years = [int((self.docs[i].date or "0")[:4] or 0) for i in ids]
            chosen: list[str] = []
            if pq.years:
                for n, i in enumerate(ids):
                    nxt = years[n + 1] if n + 1 < len(ids) else 10_000
                    if any(years[n] <= y < nxt or y == years[n] for y in pq.years):
                        chosen.append(i)
            if not chosen and pq.wants_old and title in pq.documents:
                chosen = ids[:-1]
            if not chosen:
                chosen = [ids[-1]]
            preferred.update(chosen)
            penalised.update(i for i in ids if i not in chosen)
        named = {i for t in pq.documents for i in self.aliases.titles.get(t, [])}
        for doc_id, status in self.status.items():
            if status in OUTDATED and doc_id not in named and doc_id not in preferred:
                penalised.add(doc_id)
        return penalised, preferred

    # ------------------------------------------------------------------ filters
    def allowed_docs(self, filters: Filters | None) -> set[str] | None:
        """Doc ids passing the filters; None when nothing is filtered."""
        return docs_passing(filters, self.docs, self.aliases)

    # ------------------------------------------------------------------ retrieval
    def _embed_query(self, text: str) -> np.ndarray:
        vec = self._qcache.get(text)
        if vec is None:
            vec = self.embedder.embed_query(text)
            if len(self._qcache) > 512:
                self._qcache.clear()
            self._qcache[text] = vec
        return vec

    def _dense(self, text: str, depth: int, allowed: set[str] | None) -> list[tuple[str, float]]:
        if self.embedder is None:
            return []
        where = None
        if allowed is not None:
            where = {"doc_id": {"$in": sorted(allowed)}} if len(allowed) > 1 else {"doc_id": next(iter(allowed))}
        try:
            pairs = self.index.query_vector(self._embed_query(text), depth, where=where)
        except Exception as exc:
            raise IndexError_(f"向量检索失败：{type(exc).__name__}: {exc}") from exc
        out = []
        for rid, sim in pairs:
            doc_id, h = _doc_of(rid)
            d = self.docs.get(doc_id)
            if d is None or not d.content_hash.startswith(h):
                continue  # uncommitted leftover or a document removed since our catalog snapshot
            if rid in self.id_pos:
                out.append((rid, sim))
        return out

    def _article_positions(self, doc_id: str, article: str) -> list[int]:
        di = self.doc_pos.get(doc_id, -1)
        out = []
        for p in np.flatnonzero(self.chunk_doc == di):
            loc = self.info[p][0]
            if loc == article or (loc.startswith(article) and not loc[len(article):].startswith("之")):
                out.append(int(p))
        return out

    def _direct_targets(self, pq: ParsedQuestion, allowed: set[str] | None, preferred: set[str],
                        penalised: set[str]) -> list[str]:
        """Doc ids a direct article reference points to."""
        targets: list[str] = []
        for t in pq.documents:
            ids = [i for i in self.aliases.titles.get(t, []) if allowed is None or i in allowed]
            best = [i for i in ids if i not in penalised] or ids
            targets.extend(i for i in best if i not in targets)
        if not targets and allowed is not None and len(allowed) <= 5:
            targets = sorted(allowed, key=lambda i: i in penalised)
        return targets

    def read(self, question: str, history: Sequence[Any] | None = None) -> ParsedQuestion:
        """The question read once, against the titles of the indexed documents."""
        self.refresh()
        return read_question(question, self.aliases, history)

    def search(self, question: str | ParsedQuestion, k: int = 10, filters: Filters | None = None) -> list[SearchHit]:
        """The k best passages: direct references and verbatim quotes first, then the fused
        candidates ranked again by what the question asks (kb.search.rerank)."""
        self.refresh()
        if not self.docs:
            raise IndexError_("知识库中还没有文件。请先用 python -m ingest 文件夹 导入。")
        pq = question if isinstance(question, ParsedQuestion) else read_question(question, self.aliases)
        if k <= 0 or not pq.text:
            return []
        fused = self._fused(pq, filters or Filters(), k)
        if fused is None:
            return []
        ranked, scores, lex_rank, dense_rank, direct, penalised = fused
        weights = self.rerank_weights
        second: dict[int, float] = {}
        sentence: dict[int, float] = {}
        if weights is not None and ranked:
            cands = self._candidates(pq, ranked[: weights.depth], scores, lex_rank, dense_rank, penalised)
            reordered = rerank(pq, cands, self._named_doc_ids(pq), weights)
            top = np.array([sc for _, sc in reordered])
            probs = np.exp(top - top.max())
            probs /= probs.sum()
            second = {c.pos: float(pr) for (c, _), pr in zip(reordered, probs, strict=True)}
            sentence = {c.pos: c.sentence for c, _ in reordered if c.sentence}
            ranked = [c.pos for c, _ in reordered] + ranked[weights.depth :]
            scores = {p: second.get(p, 0.0) for p in ranked}
        ranked = self._named_first(pq, ranked)
        top_score = scores[ranked[0]] if ranked else 1.0
        order: list[tuple[int, float]] = [(p, top_score + 1.0 - 1e-3 * i) for i, p in enumerate(direct)]
        seen = set(direct)
        for p in ranked:
            if len(order) >= k:
                break
            if p not in seen:
                order.append((p, scores[p]))
                seen.add(p)
        order = order[: max(k, len(direct))] if direct else order[:k]
        return self._hits(order, lex_rank, dense_rank, second, sentence)

    def _fused(self, pq: ParsedQuestion, filters: Filters, k: int):
        """(ranked positions, fused scores, lexical ranks, dense ranks, direct positions, doc ids
        of versions the question does not ask for) of the first stage, or None when the filters
        let no document through."""
        fz = self.fusion
        allowed = self.allowed_docs(filters)
        if allowed is not None and not allowed:
            return None
        mask = None
        if allowed is not None:
            allowed_idx = np.array([i for i, d in enumerate(self.doc_ids) if d in allowed], dtype=np.int32)
            mask = np.isin(self.chunk_doc, allowed_idx)
        penalised, preferred = self._preferred_versions(pq, filters)

        # --- direct references
        direct: list[int] = []
        if pq.articles:
            targets = self._direct_targets(pq, allowed, preferred, penalised)
            for art in pq.articles:
                for doc_id in targets:
                    ps = self._article_positions(doc_id, art)
                    if ps:
                        direct.extend(p for p in ps if p not in direct)
                        break  # the first (preferred) version holding the article

        # --- the two retrievers
        depth = max(fz.depth, k)
        bm = self.lex.scores(pq.lexical_text)
        lex_rank: dict[int, tuple[int, float]] = {}
        if bm is not None:
            if mask is not None:
                bm = np.where(mask, bm, 0.0)
            top = np.argsort(-bm)[:depth]
            for r, p in enumerate(top):
                if bm[p] > 0:
                    lex_rank[int(p)] = (r, float(bm[p]))
        dense_rank: dict[int, tuple[int, float]] = {}
        for rid, sim in self._dense(pq.text, depth, allowed):
            p = self.id_pos[rid]
            if mask is None or mask[p]:
                dense_rank[p] = (len(dense_rank), sim)

        scores = fuse(self.fusion, lex_rank, dense_rank)
        # --- heuristics
        named_docs = {self.doc_pos[i] for i in self._named_doc_ids(pq) if i in self.doc_pos}
        pen_idx = {self.doc_pos[i] for i in penalised if i in self.doc_pos}
        timeline = pq.document_dates
        for p in list(scores):
            s = scores[p]
            di = int(self.chunk_doc[p])
            if di in named_docs:
                s *= fz.named_doc_boost
            if di in pen_idx:
                s *= fz.old_version_factor
            if self.is_header[p] and not timeline:
                s *= fz.header_factor
            if pq.articles and not direct and self.info[p][0] in pq.articles:
                s *= fz.named_article_boost
            scores[p] = s
        ranked = sorted(scores, key=lambda p: -scores[p])
        # A pasted sentence that occurs verbatim in a passage asks for that passage, even when the
        # sentence itself mentions another law's article (…依照专利法第七十六条…).
        quoted = self._verbatim(pq.raw, ranked[: fz.quote_depth])
        if quoted:
            direct = quoted + [p for p in direct if p not in quoted]
        return ranked, scores, lex_rank, dense_rank, direct, penalised

    def _named_first(self, pq: ParsedQuestion, ranked: list[int]) -> list[int]:
        """A question that names one document (不比较) is answered from it: its best passage
        goes first when another document's passage ranked above it."""
        named = self._named_doc_ids(pq)
        if len(pq.documents) != 1 or not named or pq.wants(Ask.COMPARE, Ask.CHANGE) or not ranked:
            return ranked
        if len(pq.parts) > 1 and any(p.regions for p in pq.parts):
            return ranked  # (在山东…怎么处理？国家清洁生产促进法又…？: a part asks of the place's own rules)
        if self.doc_ids[self.chunk_doc[ranked[0]]] in named:
            return ranked
        first = next((p for p in ranked[:20] if self.doc_ids[self.chunk_doc[p]] in named), None)
        return ranked if first is None else [first] + [p for p in ranked if p != first]

    def _named_doc_ids(self, pq: ParsedQuestion) -> set[str]:
        return {i for t in pq.documents for i in self.aliases.titles.get(t, [])}

    def candidates(self, pq: ParsedQuestion, filters: Filters | None = None, depth: int = 20) -> list[Candidate]:
        """The first stage's best `depth` passages, with what the second stage needs (for
        `python -m eval tune`, which fits the second stage's weights on them)."""
        fused = self._fused(pq, filters or Filters(), depth)
        if fused is None:
            return []
        ranked, scores, lex_rank, dense_rank, _direct, penalised = fused
        return self._candidates(pq, ranked[:depth], scores, lex_rank, dense_rank, penalised)

    def _candidates(self, pq: ParsedQuestion, positions: Sequence[int], scores: dict[int, float],
                    lex_rank: dict, dense_rank: dict, penalised: set[str] = frozenset()) -> list[Candidate]:
        ids = [self.lex.ids[p] for p in positions]
        records = self.index.get_chunks(ids)
        dense = {p: dense_rank[p][1] for p in positions if p in dense_rank}
        missing = [p for p in positions if p not in dense]
        if self.embedder is not None and missing:
            vectors = self.index.get_embeddings([self.lex.ids[p] for p in missing])
            q = self._embed_query(pq.text)
            for p in missing:
                v = vectors.get(self.lex.ids[p])
                if v is not None:
                    dense[p] = float(np.dot(q, v) / ((np.linalg.norm(q) * np.linalg.norm(v)) or 1.0))
        out = []
        for p in positions:
            h = records.get(self.lex.ids[p])
            if h is None:
                continue
            if pq.language == "en" and latin_text(h.text or ""):
                # An English question is answered from the Chinese texts; a paper's English
                # abstract matches it by language alone and says nothing specific.
                continue
            out.append(Candidate(p, h, scores[p], lex_rank[p][1] if p in lex_rank else 0.0, dense.get(p, 0.0),
                                 self.status.get(h.doc_id, ""), h.doc_id in penalised))
        if self.sentence_vectors is not None and out:
            q = self._embed_query(pq.text)
            # The question itself, with the documents' words for its everyday words, and — for a
            # penalty question — the conduct it asks about, each against every sentence.
            queries = [q, self._embed_query(f"{pq.text} {' '.join(pq.legal_terms)}") if pq.legal_terms else q]
            if pq.conduct:
                queries.append(self._embed_query(pq.conduct))
            head = out[:SENTENCE_DEPTH]
            sims = best_sentence_similarity(np.stack(queries), [c.hit.text for c in head], self.sentence_vectors)
            for c, row in zip(head, sims, strict=True):
                c.sentence, c.sentence_expanded = float(row[0]), float(row[1])
                c.conduct_sim = float(row[2]) if pq.conduct else 0.0
            titles = list(dict.fromkeys(c.hit.title or c.hit.file_name for c in out))
            tv = self.sentence_vectors.vectors(titles) @ (q / (np.linalg.norm(q) or 1.0))
            by_title = dict(zip(titles, tv.tolist(), strict=True))
            for c in out:
                c.title_sim = by_title.get(c.hit.title or c.hit.file_name, 0.0)
        return out

    def _verbatim(self, question: str, candidates: Sequence[int]) -> list[int]:
        """Candidates whose text contains the whole question verbatim (whitespace aside)."""
        needle = _SPACE.sub("", question).rstrip("。？?！!；;")
        if len(needle) < self.fusion.quote_min_chars or not candidates:
            return []
        records = self.index.get_chunks([self.lex.ids[p] for p in candidates])
        return [
            p for p in candidates
            if (h := records.get(self.lex.ids[p])) is not None and needle in _SPACE.sub("", h.text)
        ]

    def _hits(self, order: Sequence[tuple[int, float]], lex_rank: dict, dense_rank: dict,
              second: dict[int, float] | None = None, sentence: dict[int, float] | None = None) -> list[SearchHit]:
        ids = [self.lex.ids[p] for p, _ in order]
        records = self.index.get_chunks(ids)
        hits: list[SearchHit] = []
        for p, score in order:
            rid = self.lex.ids[p]
            h = records.get(rid)
            if h is None:
                continue  # removed between our snapshot and now
            h.score = float(score)
            h.rank = len(hits) + 1
            h.status = self.status.get(h.doc_id, "")
            sources: dict[str, Any] = {}
            if p in lex_rank:
                sources["bm25"] = round(lex_rank[p][1], 4)
            if p in dense_rank:
                sources["dense"] = round(dense_rank[p][1], 4)
            if second and p in second:
                sources["rerank"] = round(second[p], 4)
            if sentence and p in sentence:
                sources["sentence"] = round(sentence[p], 4)
            h.sources = sources
            hits.append(h)
        return hits
