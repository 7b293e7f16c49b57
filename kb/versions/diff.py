"""Article-level comparison of two versions of a law, regulation or standard.

Pipeline (pure functions, no printing; the CLI and the app render the result):

1. `articles.articles_from_hits(hits)` turns a document's chunks (in order) into `Article`s:
   chunks sharing a locator (a long article split in several chunks) are joined again, the
   document header is left out, and the article's own heading (第X条) is stripped from the
   body so that renumbering alone never looks like a change.
2. `similarity_matrix(a, b)`: TF-IDF weighted cosine between character-bigram profiles of
   the article bodies.
3. `align(a, b)`: a monotone alignment (Needleman-Wunsch style DP that maximises the sum of
   `similarity - threshold` over matched pairs, gaps free) keeps the articles in order; the
   articles it leaves unmatched are then paired best-first when they are clearly similar
   (`MOVE_THRESHOLD`): articles moved to another chapter.
4. Each pair is classified: identical bodies (whitespace and punctuation width aside) →
   unchanged; otherwise changed, with word-level `ops` (`wordops.word_ops`). Unpaired old
   articles are removed, unpaired new ones added.

`diff_documents(index, doc_a, doc_b)` runs it on two documents of the index and returns a
`DiffResult` of `DiffEntry`s, whose `to_dict()` is the JSON of `python -m kb diff --json`.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any, Sequence

import numpy as np

from kb.versions.articles import Article, articles_from_hits, normalize_body
from kb.versions.wordops import WordOp, change_brief, word_ops

# A pair is kept by the in-order alignment when its similarity exceeds THRESHOLD, and
# paired out of order (a moved article) only when it exceeds MOVE_THRESHOLD.
THRESHOLD = 0.30
MOVE_THRESHOLD = 0.45
CLOSEST_MIN = 0.2  # an added/removed article names its closest counterpart above this similarity

CHANGED, UNCHANGED, ADDED, REMOVED = "changed", "unchanged", "added", "removed"


@dataclass
class Pair:
    """An aligned pair of articles (old index i, new index j)."""

    i: int
    j: int
    similarity: float
    moved: bool = False  # paired outside the in-order alignment


@dataclass
class Closest:
    """The most similar article of the other version (for an added or removed article)."""

    locator: str
    similarity: float


@dataclass
class DiffEntry:
    """One article of the comparison: changed, unchanged (a pair), added or removed."""

    status: str  # changed | unchanged | added | removed
    locator_a: str = ""  # old article ('' for added)
    locator_b: str = ""  # new article ('' for removed)
    position_a: int | None = None  # place among the old articles (None for added)
    position_b: int | None = None  # place among the new articles (None for removed)
    similarity: float | None = None  # of the pair (None for added/removed)
    moved: bool = False  # paired outside the in-order alignment
    text_a: str = ""  # old body (changed, removed)
    text_b: str = ""  # new body (changed, added)
    ops: list[WordOp] = field(default_factory=list)  # changed: old → new, word by word
    summary: str = ""  # changed: the main edits in a line
    closest: Closest | None = None  # added/removed: the most similar article of the other side
    after_b: int = -1  # removed: new position of the old article before it (for ordering)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (keys as `kb diff --json` has always written them)."""
        if self.status in (CHANGED, UNCHANGED):
            out: dict[str, Any] = {
                "locator_a": self.locator_a,
                "locator_b": self.locator_b,
                "position_a": self.position_a,
                "position_b": self.position_b,
                "similarity": self.similarity,
                "moved": self.moved,
            }
            if self.status == CHANGED:
                out.update(text_a=self.text_a, text_b=self.text_b, ops=[o.to_dict() for o in self.ops],
                           summary=self.summary)
            return out
        if self.status == ADDED:
            out = {"locator_b": self.locator_b, "position_b": self.position_b, "text_b": self.text_b}
            if self.closest is not None:
                out["closest_a"] = {"locator_a": self.closest.locator, "similarity": self.closest.similarity}
            return out
        out = {"locator_a": self.locator_a, "position_a": self.position_a, "text_a": self.text_a,
               "after_b": self.after_b}
        if self.closest is not None:
            out["closest_b"] = {"locator_b": self.closest.locator, "similarity": self.closest.similarity}
        return out


@dataclass
class DocRef:
    """Which document a side of the comparison is."""

    doc_id: str = ""
    title: str = ""
    file_name: str = ""
    date: str = ""

    @classmethod
    def of(cls, meta: Any) -> "DocRef":
        return cls(*(getattr(meta, k, "") for k in ("doc_id", "title", "file_name", "date")))

    def to_dict(self) -> dict[str, str]:
        return asdict(self)


@dataclass
class DiffResult:
    a: DocRef | None = None  # the old version
    b: DocRef | None = None  # the new version
    added: list[DiffEntry] = field(default_factory=list)
    removed: list[DiffEntry] = field(default_factory=list)
    changed: list[DiffEntry] = field(default_factory=list)
    unchanged: list[DiffEntry] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        renumbered = sum(1 for e in self.changed + self.unchanged if e.locator_a != e.locator_b)
        return {
            "added": len(self.added),
            "removed": len(self.removed),
            "changed": len(self.changed),
            "unchanged": len(self.unchanged),
            "renumbered": renumbered,
            "articles_a": len(self.removed) + len(self.changed) + len(self.unchanged),
            "articles_b": len(self.added) + len(self.changed) + len(self.unchanged),
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "a": self.a.to_dict() if self.a else {},
            "b": self.b.to_dict() if self.b else {},
            "added": [e.to_dict() for e in self.added],
            "removed": [e.to_dict() for e in self.removed],
            "changed": [e.to_dict() for e in self.changed],
            "unchanged": [e.to_dict() for e in self.unchanged],
            "counts": self.counts,
        }

    def entries(self) -> list[DiffEntry]:
        """Every entry in the order of the new version (removed ones after the article that
        preceded them)."""
        keyed: list[tuple[tuple[float, float], DiffEntry]] = [
            ((e.position_b, 0), e) for e in self.changed + self.unchanged + self.added
        ]
        # A removed article sorts right after the new position of its old predecessor.
        keyed += [((e.after_b + 0.5, e.position_a), e) for e in self.removed]
        return [e for _, e in sorted(keyed, key=lambda t: t[0])]

    def frame(self):
        """One row per entry in `entries()` order, for tables and charts (pandas DataFrame):
        status (added|removed|changed|unchanged), locator_a, locator_b, similarity, moved,
        summary (changed), text_a, text_b ('' where the side does not exist or is unchanged)."""
        import pandas as pd

        cols = ["status", "locator_a", "locator_b", "similarity", "moved", "summary", "text_a", "text_b"]
        rows = [{c: getattr(e, c) for c in cols} for e in self.entries()]
        return pd.DataFrame(rows, columns=cols)


# ---------------------------------------------------------------------- similarity
def _bigrams(s: str) -> Counter:
    s = normalize_body(s)
    if len(s) < 2:
        return Counter([s]) if s else Counter()
    return Counter(s[k : k + 2] for k in range(len(s) - 1))


def similarity_matrix(a: Sequence[Article], b: Sequence[Article]) -> np.ndarray:
    """Cosine similarity of TF-IDF weighted character-bigram vectors, shape (len(a), len(b)).

    IDF is computed over both versions together, so boilerplate bigrams shared by every
    article (本法, 规定, 人民政府) weigh little and the distinctive ones decide.
    """
    if not a or not b:
        return np.zeros((len(a), len(b)))
    profiles = [_bigrams(x.text) for x in a] + [_bigrams(x.text) for x in b]
    df: Counter = Counter()
    for p in profiles:
        df.update(p.keys())
    n = len(profiles)
    vocab = {g: k for k, g in enumerate(df)}
    idf = np.array([math.log((1 + n) / (1 + df[g])) + 1.0 for g in vocab])
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for r, p in enumerate(profiles):
        for g, c in p.items():
            rows.append(r)
            cols.append(vocab[g])
            vals.append(1.0 + math.log(c))
    vals_arr = np.asarray(vals) * idf[np.asarray(cols, dtype=np.int64)] if vals else np.zeros(0)
    try:
        from scipy import sparse
    except ImportError:  # dense fallback: fine for documents of a few hundred articles
        mat = np.zeros((n, len(vocab)))
        mat[rows, cols] = vals_arr
        norms = np.linalg.norm(mat, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        mat /= norms
        return mat[: len(a)] @ mat[len(a) :].T
    mat = sparse.csr_matrix((vals_arr, (rows, cols)), shape=(n, len(vocab)))
    norms = np.sqrt(np.asarray(mat.multiply(mat).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    mat = sparse.diags(1.0 / norms) @ mat
    return np.asarray((mat[: len(a)] @ mat[len(a) :].T).todense())


# ---------------------------------------------------------------------- alignment
def align(
    sim: np.ndarray,
    threshold: float = THRESHOLD,
    move_threshold: float = MOVE_THRESHOLD,
) -> list[Pair]:
    """Pairs (i, j) of a one-to-one alignment, sorted by j.

    First a monotone DP (no crossing pairs) maximising Σ(sim - threshold) over pairs above
    the threshold; then the leftovers, best first, when sim > move_threshold (moved).
    """
    n, m = sim.shape
    pairs: list[Pair] = []
    if n and m:
        gain = sim - threshold
        score = np.zeros((n + 1, m + 1))
        move = np.zeros((n + 1, m + 1), dtype=np.int8)  # 0 diag, 1 up (skip a), 2 left (skip b)
        for i in range(1, n + 1):
            row_gain = gain[i - 1]
            for j in range(1, m + 1):
                best, how = score[i - 1, j], 1
                if score[i, j - 1] > best:
                    best, how = score[i, j - 1], 2
                g = row_gain[j - 1]
                if g > 0 and score[i - 1, j - 1] + g > best:
                    best, how = score[i - 1, j - 1] + g, 0
                score[i, j] = best
                move[i, j] = how
        i, j = n, m
        while i > 0 and j > 0:
            how = move[i, j]
            if how == 0:
                pairs.append(Pair(i - 1, j - 1, float(sim[i - 1, j - 1])))
                i, j = i - 1, j - 1
            elif how == 1:
                i -= 1
            else:
                j -= 1
        used_a = {p.i for p in pairs}
        used_b = {p.j for p in pairs}
        # Moved articles: best remaining pairs first.
        cand = [
            (float(sim[i, j]), i, j)
            for i in range(n)
            if i not in used_a
            for j in range(m)
            if j not in used_b and sim[i, j] > move_threshold
        ]
        for s, i, j in sorted(cand, reverse=True):
            if i in used_a or j in used_b:
                continue
            pairs.append(Pair(i, j, s, moved=True))
            used_a.add(i)
            used_b.add(j)
    return sorted(pairs, key=lambda p: p.j)


# ---------------------------------------------------------------------- diff
def diff_articles(
    a: Sequence[Article],
    b: Sequence[Article],
    threshold: float = THRESHOLD,
    move_threshold: float = MOVE_THRESHOLD,
    meta_a: DocRef | None = None,
    meta_b: DocRef | None = None,
) -> DiffResult:
    """Compare two article lists (old `a`, new `b`)."""
    sim = similarity_matrix(a, b)
    pairs = align(sim, threshold, move_threshold)
    res = DiffResult(a=meta_a, b=meta_b)
    paired_b = {p.j for p in pairs}
    for p in pairs:
        x, y = a[p.i], b[p.j]
        entry = DiffEntry(UNCHANGED, x.locator, y.locator, p.i, p.j, round(p.similarity, 4), p.moved)
        if x.norm == y.norm:
            res.unchanged.append(entry)
        else:
            entry.status, entry.text_a, entry.text_b = CHANGED, x.text, y.text
            entry.ops = word_ops(x.text, y.text)
            entry.summary = change_brief(entry.ops)
            res.changed.append(entry)
    for j, y in enumerate(b):
        if j not in paired_b:
            best = int(np.argmax(sim[:, j])) if len(a) else -1
            added = DiffEntry(ADDED, locator_b=y.locator, position_b=j, text_b=y.text)
            if best >= 0 and sim[best, j] > CLOSEST_MIN:
                added.closest = Closest(a[best].locator, round(float(sim[best, j]), 4))
            res.added.append(added)
    # For removed articles, remember where their old predecessor went (for ordering).
    new_pos_of_old = {p.i: p.j for p in pairs}
    last_b = -1
    for i, x in enumerate(a):
        if i in new_pos_of_old:
            last_b = new_pos_of_old[i]
            continue
        best = int(np.argmax(sim[i])) if len(b) else -1
        removed = DiffEntry(REMOVED, locator_a=x.locator, position_a=i, text_a=x.text, after_b=last_b)
        if best >= 0 and sim[i, best] > CLOSEST_MIN:
            removed.closest = Closest(b[best].locator, round(float(sim[i, best]), 4))
        res.removed.append(removed)
    res.changed.sort(key=lambda e: e.position_b)
    res.unchanged.sort(key=lambda e: e.position_b)
    return res


_CACHE: dict[tuple[str, str, str, str], DiffResult] = {}


def diff_documents(index: Any, doc_a: Any, doc_b: Any) -> DiffResult:
    """Compare two documents of `index` (a kb.index.store.Index). `doc_a`/`doc_b` are doc ids
    or DocumentMeta; `doc_a` is the old version. Results are memoised per content hash."""
    docs = None
    metas = []
    for d in (doc_a, doc_b):
        if isinstance(d, str):
            docs = docs if docs is not None else index.documents()
            if d not in docs:
                raise KeyError(f"知识库中没有文件 {d}")
            d = docs[d]
        metas.append(d)
    ma, mb = metas
    key = (ma.doc_id, ma.content_hash, mb.doc_id, mb.content_hash)
    if key in _CACHE:
        return _CACHE[key]
    arts_a = articles_from_hits(index.chunks_of(ma.doc_id))
    arts_b = articles_from_hits(index.chunks_of(mb.doc_id))
    res = diff_articles(arts_a, arts_b, meta_a=DocRef.of(ma), meta_b=DocRef.of(mb))
    if len(_CACHE) > 32:
        _CACHE.clear()
    _CACHE[key] = res
    return res
