"""BM25 over jieba tokens, stored beside Chroma in DATA/bm25 and tagged with the index generation.

The BM25 files are a cache derived from what Chroma holds: whoever finds them stale (another
ingest ran, another machine wrote to the Chroma server) brings them up to date from Chroma
through kb.lexical_sync.refresh, which the ingest uses too.
"""
from __future__ import annotations

import json
import logging
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from kb.index import jieba_dict
from kb.text.normalize import fold

log = logging.getLogger(__name__)

TOKENIZER_VERSION = "jieba-2-num"

# Policy terms jieba would otherwise cut apart; a user dictionary keeps them whole so that
# a question about 重点用能单位 matches the article about 重点用能单位, not every 单位.
POLICY_TERMS = """
重点用能单位 能源利用状况报告 节能主管部门 管理节能工作的部门 能效标识 能源效率标识 清洁生产审核
强制性清洁生产审核 排污许可 排污许可证 排污单位 绿色工厂 绿色园区 绿色产品 绿色供应链 绿色制造
绿色制造体系 碳排放配额 碳排放权 温室气体 排放报告 核查报告 环境影响评价 环境影响报告书
环境影响报告表 环境影响登记表 循环经济 固体废物 危险废物 工业固体废物 生产者责任延伸 环境保护税
应税污染物 污染当量 大气污染物 水污染物 噪声污染 消耗臭氧层物质 标准化 国家标准 行业标准
地方标准 团体标准 企业标准 强制性国家标准 推荐性国家标准 计量器具 可再生能源 民用建筑节能
公共机构节能 绿色建筑 节能评估 节能审查 能耗限额 单位产品能耗 能源消费总量 淘汰目录 落后产能
责令改正 责令停产整治 责令停业 关闭 罚款 没收违法所得 按日连续处罚 限期治理 吨标准煤 标准煤 综合能源消费量 能源审计 能效 节能技术
重点排放单位 配额清缴 清缴 排放量 生态环境主管部门 市场监督管理部门 质量技术监督部门 公安机关 行政拘留
诉讼时效 公益诉讼 社会组织 河长制 饮用水水源保护区 排污口 重污染天气 预警 油烟净化设施 挥发性有机物
台账 原始记录 环境影响报告 环境影响评价文件 报告书 报告表 再利用 资源化 减量化 再制造 翻新
回收处理 处理资格 基金 可再生能源发展基金 全额保障性收购 电网企业 非化石能源 消耗臭氧层物质
配额许可证 使用配额 报废机动车回收拆解 回收证明 注销登记 计量检定 强制检定 复审 自我声明公开
疏浚物 倾倒 倾倒许可证 外墙保温 保修期 能源利用状况 能源消费情况 土壤污染风险评估 绿色设计产品
海洋环境 海洋倾废 土壤污染 土壤污染风险管控 修复 产品质量 生产许可证 报废机动车 废弃电器电子产品
"""


def normalize(text: str) -> str:
    """Width and case folding plus one form for numbers (三万元 = 3万元 = 30000元, 第五十三条 = 第53条);
    the same for documents and questions."""
    return fold(text)


_TERMS = tuple(POLICY_TERMS.split())


def _jieba():
    """jieba with the whole dictionary and the policy terms (kb.index.jieba_dict: kept between runs)."""
    return jieba_dict.full(_TERMS)


_KEEP = re.compile(r"[\w\u4e00-\u9fff]")
STOPWORDS = frozenset(
    "的 了 和 与 或 及 等 是 在 对 由 为 其 之 以 于 并 被 把 将 应当 可以 以上 以下 有关 规定 本法 本条例 "
    "什么 哪些 怎么 如何 多少 是否 吗 呢 啊 吧 我们 我 你 他 她 它 要 会 能 需要 这个 那个 一个 哪个 "
    "按照 根据 进行 关于".split()
)


def bigrams(text: str) -> set[str]:
    """The pairs of adjacent characters of `text`, normalized, punctuation and spaces left out."""
    t = re.sub(r"[^\u4e00-\u9fff0-9a-z]", "", normalize(text))
    return {t[i : i + 2] for i in range(len(t) - 1)}


def tokenize(text: str) -> list[str]:
    jieba = jieba_dict.for_text(text, _TERMS)  # a question needs a few lookups, not the whole dictionary
    out = []
    for tok in jieba.lcut_for_search(normalize(text)):
        tok = tok.strip()
        if not tok or tok in STOPWORDS or not _KEEP.search(tok):
            continue
        out.append(tok)
    return out


def index_text(title: str, heading_path: str, text: str) -> str:
    """What BM25 and the embedder see for a chunk: its document and place give context."""
    return f"《{title}》 {heading_path}\n{text}"


@dataclass
class LexicalIndex:
    ids: list[str]
    retriever: object  # bm25s.BM25 when built, ScoreMatrix when loaded; None for no chunks
    vocab: dict[str, int]
    generation: str
    # Optional per-chunk (locator, kind), aligned with `ids`; kb.search uses it for direct
    # article references and masks without asking Chroma.
    info: list[tuple[str, str]] | None = None

    def scores(self, query: str) -> np.ndarray | None:
        """BM25 score of every chunk (aligned with `ids`), or None when no query token is known."""
        tokens = [self.vocab[t] for t in tokenize(query) if t in self.vocab]
        if not tokens or not self.ids:
            return None
        return np.asarray(self.retriever.get_scores(tokens), dtype=np.float32)

    def search(self, query: str, k: int, allowed: np.ndarray | None = None) -> list[tuple[str, float]]:
        """(record id, BM25 score) for the k best chunks; `allowed` masks chunks by position."""
        scores = self.scores(query)
        if scores is None:
            return []
        if allowed is not None:
            scores = np.where(allowed, scores, 0.0)
        k = min(k, len(self.ids))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top])]
        return [(self.ids[i], float(scores[i])) for i in top if scores[i] > 0]


K1, B = 1.2, 0.75  # bm25s's defaults (Lucene variant)

_SCORE_FILES = {"data": "data.csc.index.npy", "indices": "indices.csc.index.npy", "indptr": "indptr.csc.index.npy"}


@dataclass
class ScoreMatrix:
    """The BM25 score matrix bm25s saves (CSC: per token, the chunks holding it and their
    scores), read and queried with numpy alone. A question then needs neither bm25s nor the
    scipy it imports (a third of a second of every `kb ask` start); scores are bm25s's own
    (`get_scores` sums the columns of the query's tokens, a repeated token counted again)."""

    scores: dict  # data, indices, indptr, num_docs — as bm25s.BM25.scores
    params: dict
    vocab_dict: dict

    @classmethod
    def load(cls, directory: Path) -> "ScoreMatrix":
        params = json.loads((directory / "params.index.json").read_text(encoding="utf-8"))
        vocab = json.loads((directory / "vocab.index.json").read_text(encoding="utf-8"))
        arrays = {k: np.load(directory / name, allow_pickle=False) for k, name in _SCORE_FILES.items()}
        return cls({**arrays, "num_docs": int(params["num_docs"])}, params, vocab)

    def get_scores(self, token_ids: Sequence[int]) -> np.ndarray:
        data, indices, indptr = self.scores["data"], self.scores["indices"], self.scores["indptr"]
        ids = np.asarray(token_ids, dtype=np.int64)
        if len(ids) and int(ids.max()) >= len(indptr) - 1:
            raise ValueError(f"token id {int(ids.max())} beyond the {len(indptr) - 1} tokens of the index")
        out = np.zeros(self.scores["num_docs"], dtype=np.float32)
        for t in ids:
            lo, hi = indptr[t], indptr[t + 1]
            np.add.at(out, indices[lo:hi], data[lo:hi])
        return out

    def save(self, directory: str) -> None:
        d = Path(directory)
        d.mkdir(parents=True, exist_ok=True)
        for k, name in _SCORE_FILES.items():
            np.save(d / name, self.scores[k])
        (d / "params.index.json").write_text(json.dumps(self.params, indent=4), encoding="utf-8")
        (d / "vocab.index.json").write_text(json.dumps(self.vocab_dict, ensure_ascii=False), encoding="utf-8")


def build(
    ids: Sequence[str],
    token_lists: Sequence[list[str]],
    generation: str,
    info: Sequence[tuple[str, str]] | None = None,
) -> LexicalIndex:
    """BM25 through bm25s's own builder (the reference for `build_encoded`)."""
    import bm25s

    vocab: dict[str, int] = {}
    encoded = []
    for toks in token_lists:
        encoded.append([vocab.setdefault(t, len(vocab)) for t in toks])
    retriever = bm25s.BM25(k1=K1, b=B)
    if ids:
        retriever.index(bm25s.tokenization.Tokenized(ids=encoded, vocab=vocab), show_progress=False)
    return LexicalIndex(list(ids), retriever, vocab, generation, [tuple(x) for x in info] if info is not None else None)


def bm25_from_encoded(lens: np.ndarray, flat: np.ndarray, n_vocab: int):
    """A bm25s.BM25 (Lucene variant, as `bm25s.BM25(k1=1.2, b=0.75).index(...)` builds it)
    computed with numpy in one pass: bm25s's own builder loops over documents in Python
    (~3 s for 66k chunks on an idle core; this takes well under a second).
    `lens`: tokens per chunk; `flat`: every chunk's token ids, concatenated."""
    import bm25s

    n_docs = len(lens)
    doc = np.repeat(np.arange(n_docs, dtype=np.int64), lens)
    key = doc * n_vocab + flat.astype(np.int64)
    uniq, tf = np.unique(key, return_counts=True)  # sorted by (doc, token)
    d = uniq // n_vocab
    v = uniq - d * n_vocab
    df = np.bincount(v, minlength=n_vocab)
    idf = np.log(1.0 + (n_docs - df + 0.5) / (df + 0.5))
    l_avg = float(lens.mean()) if n_docs else 1.0
    tf = tf.astype(np.float32)
    tfc = tf / (np.float32(K1) * ((1 - B) + B * lens[d].astype(np.float32) / np.float32(l_avg)) + tf)
    score = (idf[v].astype(np.float32) * tfc).astype(np.float32)
    order = np.argsort(v, kind="stable")  # CSC by token, documents ascending within a token
    retriever = bm25s.BM25(k1=K1, b=B)
    retriever.scores = {
        "data": score[order],
        "indices": d[order].astype(np.int32),
        "indptr": np.concatenate(([0], np.cumsum(df))).astype(np.int32 if len(score) < 2**31 else np.int64),
        "num_docs": n_docs,
    }
    return retriever


def build_encoded(ids: Sequence[str], lens: np.ndarray, flat: np.ndarray, vocab: dict[str, int], generation: str,
                  info: Sequence[tuple[str, str]]) -> LexicalIndex:
    """`build` for token lists already encoded against `vocab` (every id used); `vocab` gains ''."""
    import bm25s

    if len(ids):
        retriever = bm25_from_encoded(lens, flat, len(vocab))
        if "" not in vocab:  # bm25s adds the empty token the same way
            vocab[""] = len(vocab)
        retriever.vocab_dict = vocab
        retriever.unique_token_ids_set = set(vocab.values())
        retriever.nonoccurrence_array = None
    else:
        retriever = bm25s.BM25(k1=K1, b=B)
    return LexicalIndex(list(ids), retriever, vocab, generation, [tuple(x) for x in info])


def save(lex: LexicalIndex, directory: Path) -> None:
    tmp = directory.with_name(directory.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    if lex.ids:
        lex.retriever.save(str(tmp / "bm25"))
    (tmp / "ids.json").write_text(json.dumps(lex.ids), encoding="utf-8")
    (tmp / "vocab.json").write_text(json.dumps(lex.vocab, ensure_ascii=False), encoding="utf-8")
    if lex.info is not None:
        (tmp / "info.json").write_text(json.dumps(lex.info, ensure_ascii=False), encoding="utf-8")
    (tmp / "meta.json").write_text(
        json.dumps({"generation": lex.generation, "tokenizer": TOKENIZER_VERSION}), encoding="utf-8"
    )
    old = directory.with_name(directory.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if directory.exists():
        directory.rename(old)
    tmp.rename(directory)
    shutil.rmtree(old, ignore_errors=True)


def load(directory: Path) -> LexicalIndex | None:
    """The saved index, or None if absent, unreadable, inconsistent or built by another
    tokenizer: the files are derived data, and whoever gets None rebuilds them from Chroma.
    Checked: every file parses, the score matrix has one column per id and one row per token,
    its arrays agree in length, and ids and per-chunk info line up."""
    try:
        meta = json.loads((directory / "meta.json").read_text(encoding="utf-8"))
        if meta.get("tokenizer") != TOKENIZER_VERSION:
            return None
        ids = json.loads((directory / "ids.json").read_text(encoding="utf-8"))
        vocab = json.loads((directory / "vocab.json").read_text(encoding="utf-8"))
        if not isinstance(ids, list) or not isinstance(vocab, dict):
            raise ValueError("ids or vocab of the wrong shape")
        retriever = ScoreMatrix.load(directory / "bm25") if ids else None
        if retriever is not None:
            _check_scores(retriever, len(ids), len(vocab))
        info = None
        if (directory / "info.json").is_file():
            info = [tuple(x) for x in json.loads((directory / "info.json").read_text(encoding="utf-8"))]
            if len(info) != len(ids):
                info = None
    except Exception as exc:  # truncated .npy, bad JSON, a half-written folder …
        log.warning("BM25 files in %s are damaged (%s: %s); they will be rebuilt from the index",
                    directory, type(exc).__name__, str(exc)[:120])
        return None
    return LexicalIndex(ids, retriever, vocab, meta.get("generation", ""), info)


def _check_scores(retriever, n_docs: int, n_vocab: int) -> None:
    scores = getattr(retriever, "scores", None) or {}
    data, indices, indptr = (np.asarray(scores.get(k)) for k in ("data", "indices", "indptr"))
    if int(scores.get("num_docs", -1)) != n_docs:
        raise ValueError(f"score matrix for {scores.get('num_docs')} chunks, ids for {n_docs}")
    if indptr.ndim != 1 or len(indptr) not in (n_vocab, n_vocab + 1) or len(data) != len(indices):
        raise ValueError("score arrays disagree in length")
    if len(indptr) and (int(indptr[-1]) != len(data) or int(indptr[0]) != 0):
        raise ValueError("score pointers out of range")
    if len(indices) and (int(indices.min()) < 0 or int(indices.max()) >= n_docs):
        raise ValueError("score rows out of range")


def tokens_for(texts: Iterable[str]) -> list[list[str]]:
    return [tokenize(t) for t in texts]
