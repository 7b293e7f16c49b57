"""Article-level comparison of two versions of a law, regulation or standard.

Pipeline (pure functions, no HTML; the CLI and the app render the result):

1. `articles_from_hits(hits)` turns a document's chunks (in order) into `Article`s: chunks
   sharing a locator (a long article split in several chunks) are joined again, the
   document header is left out, and the article's own heading (第X条) is stripped from the
   body so that renumbering alone never looks like a change.
2. `similarity_matrix(a, b)`: TF-IDF weighted cosine between character-bigram profiles of
   the article bodies.
3. `align(a, b)`: a monotone alignment (Needleman-Wunsch style DP that maximises the sum of
   `similarity - threshold` over matched pairs, gaps free) keeps the articles in order; the
   articles it leaves unmatched are then paired best-first when they are clearly similar
   (`MOVE_THRESHOLD`): articles moved to another chapter.
4. Each pair is classified: identical bodies (whitespace and punctuation width aside) →
   unchanged; otherwise changed, with word-level `ops` (jieba tokens, difflib). Unpaired
   old articles are removed, unpaired new ones added.

`diff_documents(index, doc_a, doc_b)` runs it on two documents of the index and returns a
`DiffResult`, whose `to_dict()` is the JSON of `python -m kb diff --json`.
"""
from __future__ import annotations

import difflib
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

import numpy as np

from kb.text.numerals import CN_NUM_CHARS

# A pair is kept by the in-order alignment when its similarity exceeds THRESHOLD, and
# paired out of order (a moved article) only when it exceeds MOVE_THRESHOLD.
THRESHOLD = 0.30
MOVE_THRESHOLD = 0.45

NON_ARTICLE_LOCATORS = {"header", "title", "preamble"}
_HEADING_RE = re.compile(rf"^\s*(?:#+\s*)?第\s*[0-9０-９{CN_NUM_CHARS}]+\s*条(?:之[0-9０-９{CN_NUM_CHARS}]+)?[\s\u3000:：.．、]*")
_UNIT_LINE_RE = re.compile(rf"^(?:[ \t\u3000]*(?:#+[ \t]*)?第[ \t]*[0-9０-９{CN_NUM_CHARS}]+[ \t]*[编章节](?:[ \t\u3000][^\n]*)?\n+)+")
_WS_RE = re.compile(r"[\s\u3000\u200b\ufeff]+")


@dataclass
class Article:
    """One unit of a document (usually an article 第X条), its chunks joined again."""

    locator: str
    text: str  # body with its own heading stripped, as in the document
    heading_path: str = ""
    position: int = 0  # order in the document
    chunk_ids: list[str] = field(default_factory=list)
    page_start: int | None = None

    @property
    def norm(self) -> str:
        return normalize_body(self.text)


@dataclass
class Pair:
    """An aligned pair of articles (old index i, new index j)."""

    i: int
    j: int
    similarity: float
    moved: bool = False  # paired outside the in-order alignment


@dataclass
class DiffResult:
    a: dict[str, Any]  # {doc_id, title, file_name, date}
    b: dict[str, Any]
    added: list[dict[str, Any]] = field(default_factory=list)
    removed: list[dict[str, Any]] = field(default_factory=list)
    changed: list[dict[str, Any]] = field(default_factory=list)
    unchanged: list[dict[str, Any]] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        renumbered = sum(1 for e in self.changed + self.unchanged if e["locator_a"] != e["locator_b"])
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
            "a": dict(self.a),
            "b": dict(self.b),
            "added": list(self.added),
            "removed": list(self.removed),
            "changed": list(self.changed),
            "unchanged": list(self.unchanged),
            "counts": self.counts,
        }

    def entries(self) -> list[dict[str, Any]]:
        """Every entry with a `status` key, in the order of the new version (removed ones
        after the article that preceded them)."""
        out: list[tuple[tuple[float, float], dict[str, Any]]] = []
        for kind, items in (("changed", self.changed), ("unchanged", self.unchanged), ("added", self.added)):
            for e in items:
                out.append(((e["position_b"], 0), {"status": kind, **e}))
        for e in self.removed:
            # Sort a removed article right after the new position of its old predecessor.
            out.append(((e.get("after_b", -1) + 0.5, e["position_a"]), {"status": "removed", **e}))
        return [e for _, e in sorted(out, key=lambda t: t[0])]

    def frame(self):
        """One row per entry in `entries()` order, for tables and charts (pandas DataFrame):
        status (added|removed|changed|unchanged), locator_a, locator_b, similarity, moved,
        summary (changed), text_a, text_b ('' where the side does not exist or is unchanged)."""
        import pandas as pd

        cols = ["status", "locator_a", "locator_b", "similarity", "moved", "summary", "text_a", "text_b"]
        rows = [
            {
                "status": e["status"],
                "locator_a": e.get("locator_a", ""),
                "locator_b": e.get("locator_b", ""),
                "similarity": e.get("similarity"),
                "moved": bool(e.get("moved", False)),
                "summary": e.get("summary", ""),
                "text_a": e.get("text_a", ""),
                "text_b": e.get("text_b", ""),
            }
            for e in self.entries()
        ]
        return pd.DataFrame(rows, columns=cols)


# ---------------------------------------------------------------------- articles
def strip_heading(text: str) -> str:
    """'第二章 监督管理\n第十二条　直接向海洋…' -> '直接向海洋…'.

    The chunker carries a chapter/section heading line into the first article of the
    chapter; it belongs to the structure, not to the article, and is dropped too.
    """
    text = _UNIT_LINE_RE.sub("", text.lstrip(), count=1)
    return _HEADING_RE.sub("", text, count=1)


def normalize_body(text: str) -> str:
    """Comparison form: NFKC (full/half width), no whitespace."""
    return _WS_RE.sub("", unicodedata.normalize("NFKC", text))


def is_article_locator(locator: str) -> bool:
    return bool(locator) and locator not in NON_ARTICLE_LOCATORS


def _overlap_join(prev: str, nxt: str, max_overlap: int = 400) -> str:
    """Join two consecutive chunks of one article, dropping text repeated as overlap."""
    limit = min(len(prev), len(nxt), max_overlap)
    for k in range(limit, 8, -1):
        if prev.endswith(nxt[:k]):
            return prev + nxt[k:]
    # The chunker splits at 款 (line) boundaries first, then at sentence ends: a part that
    # ends a sentence most likely ended a line. (Comparison ignores whitespace anyway.)
    sep = "\n" if prev.rstrip().endswith(("。", "；", "：", "！", "？")) else ""
    if prev.endswith("\n") or nxt.startswith("\n"):
        sep = ""
    return prev + sep + nxt


def articles_from_hits(hits: Iterable[Any]) -> list[Article]:
    """Group a document's chunks (SearchHit-like: locator, text, heading_path, chunk_index,
    chunk_id, page_start) into articles, in document order.

    Consecutive chunks with the same locator are one article split for length; their texts
    are joined (overlap removed) and the repeated heading of continuation chunks stripped.
    Header / preamble chunks are skipped.
    """
    out: list[Article] = []
    seen: dict[str, Article] = {}
    for h in sorted(hits, key=lambda h: getattr(h, "chunk_index", 0)):
        loc = (h.locator or "").strip()
        if not is_article_locator(loc):
            continue
        body = strip_heading(h.text or "").strip()
        if not body and loc not in seen:
            body = ""
        art = seen.get(loc)
        if art is not None:
            art.text = _overlap_join(art.text, body) if art.text else body
            art.chunk_ids.append(getattr(h, "chunk_id", ""))
            continue
        art = Article(
            locator=loc,
            text=body,
            heading_path=getattr(h, "heading_path", "") or "",
            position=len(out),
            chunk_ids=[getattr(h, "chunk_id", "")],
            page_start=getattr(h, "page_start", None),
        )
        seen[loc] = art
        out.append(art)
    return out


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


# ---------------------------------------------------------------------- word-level diff
def tokenize(text: str) -> list[str]:
    """Words for the diff: jieba tokens (the project's dictionary), characters as fallback."""
    try:
        from kb.index.lexical import _jieba

        return [t for t in _jieba().lcut(text, HMM=False) if t]
    except Exception:  # jieba missing: character diff is still correct, only choppier
        return list(text)


def word_ops(old: str, new: str, merge_gap: int = 1) -> list[dict[str, str]]:
    """Word-level edit script from `old` to `new` as structured ops.

    Each op is {"op": "equal"|"delete"|"insert"|"replace", "a": old text, "b": new text}
    ("a" is empty for insert, "b" for delete; for equal, "a" and "b" agree up to
    full/half width and whitespace). Concatenating "a" over
    all ops gives `old`, "b" gives `new`. Equal runs of at most `merge_gap` characters
    between two edits are folded into a replace, which reads better than a confetti of
    one-character matches.
    """
    ta, tb = tokenize(old), tokenize(new)
    # Match on the comparison form of each token (width-folded, no whitespace), so that
    # （一） vs (一) or a changed line break is no edit; the ops keep the original text.
    ka, kb_ = [normalize_body(t) for t in ta], [normalize_body(t) for t in tb]
    sm = difflib.SequenceMatcher(None, ka, kb_, autojunk=False)
    raw: list[dict[str, str]] = []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        raw.append({"op": tag, "a": "".join(ta[i1:i2]), "b": "".join(tb[j1:j2])})
    # Fold tiny equal runs sandwiched between edits.
    folded: list[dict[str, str]] = []
    for k, op in enumerate(raw):
        if (
            op["op"] == "equal"
            and len(op["a"]) <= merge_gap
            and 0 < k < len(raw) - 1
            and folded
            and folded[-1]["op"] != "equal"
            and raw[k + 1]["op"] != "equal"
        ):
            folded[-1] = {"op": "replace", "a": folded[-1]["a"] + op["a"], "b": folded[-1]["b"] + op["b"]}
            continue
        if folded and op["op"] != "equal" and folded[-1]["op"] != "equal":
            folded[-1] = {"op": "replace", "a": folded[-1]["a"] + op["a"], "b": folded[-1]["b"] + op["b"]}
            continue
        folded.append(dict(op))
    # Edits that differ only in width or whitespace are not edits.
    merged: list[dict[str, str]] = []
    for op in folded:
        if op["op"] != "equal" and normalize_body(op["a"]) == normalize_body(op["b"]):
            op = {"op": "equal", "a": op["a"], "b": op["b"]}
        if merged and op["op"] == "equal" and merged[-1]["op"] == "equal":
            merged[-1] = {"op": "equal", "a": merged[-1]["a"] + op["a"], "b": merged[-1]["b"] + op["b"]}
        else:
            merged.append(op)
    folded = merged
    for op in folded:
        if op["op"] == "replace":
            if not op["a"]:
                op["op"] = "insert"
            elif not op["b"]:
                op["op"] = "delete"
    return folded


def render_ops_text(ops: Sequence[dict[str, str]], context: int = 12) -> str:
    """Plain-text rendering for terminals: [-deleted-]{+inserted+}, long equal runs elided."""
    parts: list[str] = []
    for k, op in enumerate(ops):
        if op["op"] == "equal":
            s = op["a"]
            first, last = k == 0, k == len(ops) - 1
            if len(s) > 2 * context:
                head = "" if first else s[:context]
                tail = "" if last else s[-context:]
                s = f"{head}…{tail}"
            parts.append(s)
        else:
            if op["a"]:
                parts.append(f"[-{op['a']}-]")
            if op["b"]:
                parts.append(f"{{+{op['b']}+}}")
    return "".join(parts).replace("\n", " ")


def change_brief(ops: Sequence[dict[str, str]], limit: int = 3, width: int = 30) -> str:
    """A short Chinese description of the main edits: 「五万元」改为「五十万元」；增加「…」."""
    edits = [o for o in ops if o["op"] != "equal"]
    edits.sort(key=lambda o: -(len(o["a"]) + len(o["b"])))

    def cut(s: str) -> str:
        s = s.replace("\n", " ").strip()
        return s if len(s) <= width else s[:width] + "…"

    out = []
    for o in edits[:limit]:
        if o["op"] == "replace":
            out.append(f"「{cut(o['a'])}」改为「{cut(o['b'])}」")
        elif o["op"] == "insert":
            out.append(f"增加「{cut(o['b'])}」")
        else:
            out.append(f"删去「{cut(o['a'])}」")
    if len(edits) > limit:
        out.append(f"等{len(edits)}处修改")
    return "；".join(out)


# ---------------------------------------------------------------------- diff
def diff_articles(
    a: Sequence[Article],
    b: Sequence[Article],
    threshold: float = THRESHOLD,
    move_threshold: float = MOVE_THRESHOLD,
    meta_a: dict[str, Any] | None = None,
    meta_b: dict[str, Any] | None = None,
) -> DiffResult:
    """Compare two article lists (old `a`, new `b`)."""
    sim = similarity_matrix(a, b)
    pairs = align(sim, threshold, move_threshold)
    res = DiffResult(a=dict(meta_a or {}), b=dict(meta_b or {}))
    paired_a = {p.i: p for p in pairs}
    paired_b = {p.j for p in pairs}
    for p in pairs:
        x, y = a[p.i], b[p.j]
        base = {
            "locator_a": x.locator,
            "locator_b": y.locator,
            "position_a": p.i,
            "position_b": p.j,
            "similarity": round(p.similarity, 4),
            "moved": p.moved,
        }
        if x.norm == y.norm:
            res.unchanged.append(base)
        else:
            ops = word_ops(x.text, y.text)
            res.changed.append(
                {**base, "text_a": x.text, "text_b": y.text, "ops": ops, "summary": change_brief(ops)}
            )
    for j, y in enumerate(b):
        if j not in paired_b:
            best = int(np.argmax(sim[:, j])) if len(a) else -1
            entry: dict[str, Any] = {"locator_b": y.locator, "position_b": j, "text_b": y.text}
            if best >= 0 and sim[best, j] > 0.2:
                entry["closest_a"] = {"locator_a": a[best].locator, "similarity": round(float(sim[best, j]), 4)}
            res.added.append(entry)
    # For removed articles, remember where their old predecessor went (for ordering).
    new_pos_of_old = {p.i: p.j for p in pairs}
    last_b = -1
    for i, x in enumerate(a):
        if i in paired_a:
            last_b = new_pos_of_old[i]
            continue
        best = int(np.argmax(sim[i])) if len(b) else -1
        entry = {"locator_a": x.locator, "position_a": i, "text_a": x.text, "after_b": last_b}
        if best >= 0 and sim[i, best] > 0.2:
            entry["closest_b"] = {"locator_b": b[best].locator, "similarity": round(float(sim[i, best]), 4)}
        res.removed.append(entry)
    res.changed.sort(key=lambda e: e["position_b"])
    res.unchanged.sort(key=lambda e: e["position_b"])
    return res


def doc_summary(meta: Any) -> dict[str, Any]:
    return {
        "doc_id": getattr(meta, "doc_id", ""),
        "title": getattr(meta, "title", ""),
        "file_name": getattr(meta, "file_name", ""),
        "date": getattr(meta, "date", ""),
    }


_CACHE: dict[tuple[str, str, str, str], DiffResult] = {}


def diff_documents(index: Any, doc_a: Any, doc_b: Any) -> DiffResult:
    """Compare two documents of `index` (a kb.store.Index). `doc_a`/`doc_b` are doc ids or
    DocumentMeta; `doc_a` is the old version. Results are memoised per content hash."""
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
    res = diff_articles(arts_a, arts_b, meta_a=doc_summary(ma), meta_b=doc_summary(mb))
    if len(_CACHE) > 32:
        _CACHE.clear()
    _CACHE[key] = res
    return res
