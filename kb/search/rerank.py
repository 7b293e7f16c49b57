"""The second stage of search: the best fused candidates ranked again by what the question asks.

Fusion (BM25 + dense) finds the right article among the top 20 for nearly every question, but
often not first: a penalty question meets the penalty for another conduct in the same chapter,
a "who decides" question a same-numbered article of another law, a definition outranks the
prohibition asked about. Each candidate gets a row of features — its fused, lexical and dense
scores, how much of the question's topic it covers, whether it gives what is asked (an amount,
an authority, a date, a penalty whose conduct matches, a definition), whether its document is
the one named, in force, local to a place the question names, and how much of the candidate
set its document holds — and a linear score over them.

The weights are not set by hand: `python -m eval tune` fits them (a listwise softmax over each
question's candidates, L2-regularised) by cross-validation over both development sets and
writes kb/search/rerank_weights.json with the cross-validated figures.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import numpy as np

from kb.index.lexical import bigrams, normalize
from kb.question.figures import count_cue
from kb.question.kinds import FOCUS_SOURCE, Ask
from kb.question.reading import ParsedQuestion
from kb.text.grammar import article_number, find_references
from kb.text.roles import Lacked, Role, conducts_of, credentials_lacked, definition_of, lacks_same_credential, roles
from kb.types import SearchHit

WEIGHTS_FILE = Path(__file__).with_name("rerank_weights.json")

SENTENCE_DEPTH = 20  # candidates whose sentences are compared with the question one by one

FEATURES: tuple[str, ...] = (
    "fused", "rank_prior", "lex", "dense_gap", "sentence_gap", "expanded_gap", "conduct_gap", "title_gap", "cover", "rare_cover", "legal_cover", "title_cover", "doc_share", "asked",
    "focus",
    "penalty_fit", "penalty_unwanted", "definition_fit", "definition_unwanted", "conduct",
    "named_doc", "other_doc_named", "list_fit", "prohibition_fit", "duty_fit", "article_named", "header_fit", "header_unwanted", "superseded", "local_named",
    "local_unnamed", "latin_chunk",
)

# The words a passage uses when it gives what a question asks for.
ANSWER_CUES: dict[Ask, re.Pattern[str]] = {
    Ask.AMOUNT: re.compile(r"\d+(?:\.\d+)?\s*(?:万|亿)?元|[一二三四五六七八九十百千万两]+元|罚款|罚金|倍以上"),
    Ask.NUMERIC: re.compile(r"\d|[一二三四五六七八九十百千万两]+(?:万元|元|吨|年|日|个月|月|天|个|次|倍|项|家|种|小时|周|人)|百分之"),
    Ask.WHO: re.compile(r"部门|机关|机构|人民政府|委员会|国务院|主管|负责|批准"),
    Ask.TIMELINE: re.compile(r"\d{4}\s*年|[〇零一二三四五六七八九]{4}年|年\d{1,2}月|施行|通过|公布|修订|修正"),
    Ask.DEADLINE: re.compile(r"日内|个月内|年内|之日起|期限|届满|以前|之前|前报送|每年|每季度|每月|定期"),
    Ask.PENALTY: re.compile(r"罚款|罚金|吊销|拘留|责令|没收|处分|追究"),
    Ask.DEFINITION: re.compile(r"是指|所称|含义"),
    Ask.LIST: re.compile(r"下列|以下.{0,6}[：:]|包括|[（(][一二三四五六七八九十]+[）)]"),
}
_ITEMS = re.compile(r"[（(][一二三四五六七八九十]+[）)][^（(]{2,}[（(]二[）)]|下列[^。]{0,20}[：:]")
_LOCAL_TITLE = re.compile(r"^(.{2,8}?)(?:省|市|自治区|特别行政区)")
_LATIN = re.compile(r"[A-Za-z]")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def latin_text(text: str) -> bool:
    """More Latin letters than Chinese characters: an English abstract, a reference list."""
    return len(_LATIN.findall(text)) > len(_CJK.findall(text))


@dataclass
class Candidate:
    """A fused search result before the second stage."""

    pos: int  # position in the searcher's chunk arrays
    hit: SearchHit
    fused: float
    lex: float = 0.0  # BM25 score (0 when the lexical retriever did not find it)
    dense: float = 0.0  # cosine of question and passage vectors (0 without an embedder)
    status: str = ""
    superseded: bool = False  # a version the question does not ask for (the first stage's judgement)
    sentence: float = 0.0  # best cosine of the question and one sentence of the passage (0: not computed)
    sentence_expanded: float = 0.0  # the same for the question with its everyday words' legal terms
    conduct_sim: float = 0.0  # best cosine of a penalty question's conduct and one sentence
    title_sim: float = 0.0  # cosine of the question and the document's title
    features: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Weights:
    values: dict[str, float]
    depth: int = 20  # how many fused candidates are ranked again

    def score(self, row: np.ndarray) -> float:
        return float(sum(self.values.get(name, 0.0) * v for name, v in zip(FEATURES, row, strict=True)))


@lru_cache(maxsize=1)
def load_weights(path: str = str(WEIGHTS_FILE)) -> Weights | None:
    """The fitted weights, or None when no file is there (the fused order is then kept)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return Weights({k: float(v) for k, v in data["weights"].items()}, int(data.get("depth", 20)))


def _coverage(terms: Sequence[str], text: str) -> float:
    if not terms:
        return 0.0
    body = normalize(text)
    weights = {t: min(len(t), 4) for t in terms}
    return sum(w for t, w in weights.items() if t in body) / sum(weights.values())


def _rare_weights(terms: Sequence[str], bodies: Sequence[str]) -> dict[str, float]:
    """Term weights that favour what few candidates contain: a word every candidate has says
    nothing about which one answers."""
    n = len(bodies)
    out = {}
    for t in terms:
        df = sum(1 for b in bodies if t in b)
        out[t] = min(len(t), 4) * np.log((n + 1) / (df + 0.5)) if df else 0.0
    return out


def _conduct_match(want: set[str], lacked: list[Lacked], text: str) -> float:
    """How well the conduct a penalty question asks about (`want`: its character pairs; `lacked`:
    the credentials it says are missing) matches a conduct the passage punishes."""
    if not want:
        return 0.0
    conducts = conducts_of(text)
    if lacked and any(lacks_same_credential(lacked, c) for c in conducts):
        return 1.0  # acting without the credential asked about: that is the conduct
    return max((len(want & bigrams(c)) / len(want) for c in conducts), default=0.0)


def features(pq: ParsedQuestion, cands: Sequence[Candidate], named_docs: set[str]) -> np.ndarray:
    """One row of FEATURES per candidate (also stored on each candidate)."""
    if not cands:
        return np.zeros((0, len(FEATURES)))
    top = max(c.fused for c in cands) or 1.0
    lmax = max(c.lex for c in cands) or 1.0
    dmax = max(c.dense for c in cands)
    smax = max(c.sentence for c in cands)
    emax = max(c.sentence_expanded for c in cands)
    cmax = max(c.conduct_sim for c in cands)
    tmax = max(c.title_sim for c in cands)
    mass: dict[str, float] = {}
    for c in cands:
        mass[c.hit.doc_id] = mass.get(c.hit.doc_id, 0.0) + max(c.fused, 0.0)
    total = sum(mass.values()) or 1.0
    terms = list(pq.terms)
    bodies = [normalize(f"{c.hit.heading_path} {c.hit.text}") for c in cands]
    rare = _rare_weights(terms + list(pq.legal_terms), bodies)
    rare_total = sum(rare.values()) or 1.0
    wanted = [a for a in ANSWER_CUES if a in pq.asks and a not in (Ask.LIST,)]
    cues = dict(ANSWER_CUES)
    in_unit = count_cue(pq.count_unit)
    if in_unit is not None:
        cues[Ask.NUMERIC] = in_unit
    folded_q = pq.folded
    # a term in quotation marks asked about (说的“主要农作物”是哪几种): the passage defining that
    # term, not another definition of the same law (本法所称种子)
    quoted_terms = [definition_of(q) for q in pq.quoted if 2 <= len(q) <= 12]
    # the conduct a penalty question asks about, read once for all candidates
    conduct_pairs = bigrams(pq.conduct)
    lacked = credentials_lacked(pq.conduct) if Ask.PENALTY in pq.asks else []
    for rank, c in enumerate(cands):
        h = c.hit
        text = h.text or ""
        rs = roles(text)
        header = h.locator == "header"
        local_m = _LOCAL_TITLE.match(h.title or "")
        local = h.doc_type.startswith("地方") or bool(local_m)
        place = normalize(local_m.group(1)) if local_m else ""
        latin = latin_text(text)
        f = {
            "fused": c.fused / top,
            "rank_prior": 1.0 / (1 + rank),
            "lex": c.lex / lmax,
            "dense_gap": (c.dense - dmax) * 10 if c.dense else -1.0,
            "sentence_gap": (c.sentence - smax) * 10 if c.sentence else -1.0,
            "expanded_gap": (c.sentence_expanded - emax) * 10 if c.sentence_expanded else -1.0,
            "conduct_gap": (c.conduct_sim - cmax) * 10 if c.conduct_sim else 0.0,
            "title_gap": (c.title_sim - tmax) * 10 if c.title_sim else -1.0,
            "cover": _coverage(terms, f"{h.heading_path} {text}"),
            "legal_cover": _coverage(pq.legal_terms, f"{h.heading_path} {text}"),
            "rare_cover": sum(w for t, w in rare.items() if t in bodies[rank]) / rare_total,
            "focus": (sum(1 for f in pq.focus if FOCUS_SOURCE[f].search(text)) / len(pq.focus)) if pq.focus else 0.0,
            "title_cover": _coverage(terms, h.title or ""),
            "doc_share": mass.get(h.doc_id, 0.0) / total,
            "asked": (sum(1 for a in wanted if cues[a].search(text)) / len(wanted)) if wanted else 0.0,
            "penalty_fit": float(Role.PENALTY in rs and Ask.PENALTY in pq.asks),
            "penalty_unwanted": float(Role.PENALTY in rs and Ask.PENALTY not in pq.asks),
            "definition_fit": float(Role.DEFINITION in rs and Ask.DEFINITION in pq.asks
                                    and (not quoted_terms or any(t.search(text) for t in quoted_terms))),
            "definition_unwanted": float(Role.DEFINITION in rs and Ask.DEFINITION not in pq.asks),
            "conduct": _conduct_match(conduct_pairs, lacked, text) if Ask.PENALTY in pq.asks and Role.PENALTY in rs else 0.0,
            "named_doc": float(h.doc_id in named_docs),
            # the question names documents and this passage is from another one (not one that
            # implements a named one: 实施《X》办法)
            "other_doc_named": float(bool(named_docs) and h.doc_id not in named_docs
                                     and not any(t in normalize(h.title or "") for t in pq.documents)),
            "list_fit": float(Ask.LIST in pq.asks and bool(_ITEMS.search(text))),
            "prohibition_fit": float(Ask.YESNO in pq.asks and Role.PROHIBITION in rs),
            "duty_fit": float(Ask.YESNO in pq.asks and Role.DUTY in rs),
            "article_named": float(bool(pq.articles) and h.locator in pq.articles),
            "header_fit": float(header and pq.document_dates),
            "header_unwanted": float(header and not pq.document_dates),
            # (按2017年版的…: one version named by its year, nothing compared — the others are not asked)
            "superseded": float(c.superseded and (not pq.other_versions or pq.one_version_named)),
            "local_named": float(local and bool(place) and place in folded_q),
            "local_unnamed": float(local and not (place and place in folded_q)),
            "latin_chunk": float(latin),
        }
        c.features = f
    if Ask.PENALTY in pq.asks:
        _inherit_breached(pq, cands)
    return np.asarray([[c.features[name] for name in FEATURES] for c in cands], dtype=np.float64)


# What a penalty takes over from the articles it names as broken: how well they match the question.
INHERITED = ("fused", "lex", "dense_gap", "sentence_gap", "expanded_gap", "conduct_gap", "cover", "rare_cover",
             "legal_cover")


def _inherit_breached(pq: ParsedQuestion, cands: Sequence[Candidate]) -> None:
    """A penalty that names the rule it enforces (违反本条例第三十一条规定，盗窃电能的，处…) has
    few words of its own for the conduct: the question's words are in the rule (第三十一条 禁止窃电
    行为…绕越…用电计量装置). For a penalty question it is as close to the question as the closest
    article of its own document it names as broken, among the candidates."""
    by_place = {(c.hit.doc_id, article_number(c.hit.locator)): c for c in cands if c.hit.locator.startswith("第")}
    want = bigrams(pq.conduct)
    for c in cands:
        if not c.features.get("penalty_fit"):
            continue
        named = [by_place.get((c.hit.doc_id, r.article)) for r in find_references(c.hit.text or "")
                 if r.kind == "article" and r.breach and r.scope in ("self", "")]
        for rule in {id(d): d for d in named if d is not None and d is not c and not d.features.get("penalty_fit")}.values():
            for name in INHERITED:
                c.features[name] = max(c.features[name], rule.features[name])
            if want:
                clauses = re.split(r"[。；;\n]", rule.hit.text or "")
                near = max((len(want & bigrams(x)) / len(want) for x in clauses), default=0.0)
                c.features["conduct"] = max(c.features["conduct"], near)


def rerank(pq: ParsedQuestion, cands: Sequence[Candidate], named_docs: set[str], weights: Weights) -> list[tuple[Candidate, float]]:
    """The candidates with their second-stage scores, best first."""
    x = features(pq, cands, named_docs)
    w = np.array([weights.values.get(name, 0.0) for name in FEATURES])
    scores = x @ w if len(cands) else np.zeros(0)
    order = sorted(range(len(cands)), key=lambda i: (-scores[i], i))
    return [(cands[i], float(scores[i])) for i in order]
