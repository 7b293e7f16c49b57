"""Scoring passages and their units against a read question.

A unit's score: overlap of the question's topical terms (IDF-weighted over the retrieved
units) and character bigrams, plus cues for the kind of answer asked (a penalty, a number, an
authority, a date, a list …) and for what a date or consequence question is after (施行 for
"from when"). A passage's score adds its rank in search, its coverage of the question, and its
fit: the version the question names, a local rule for a question about its place, the law
named in 《》 rather than its namesake.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from kb.answers.units import Unit, about_topic, short_title, split_units
from kb.index.lexical import bigrams, normalize
from kb.question.figures import count_cue
from kb.question.kinds import FOCUS_SOURCE
from kb.question.reading import ParsedQuestion
from kb.text.grammar import CN_DIGITS, CN_NUMERAL, SMALL_NUM
from kb.text.roles import definition_of
from kb.types import SearchHit

# The words a unit uses when it answers a kind of question (keys: kb.question.kinds.Ask values).
CUE_PATTERNS: dict[str, re.Pattern[str]] = {
    "penalty": re.compile(r"罚款|罚金|处.{0,12}罚|责令|吊销|拘留|没收|赔偿责任|禁止.{0,8}从事|处分|追究|警告|收缴|取缔|暂扣|扣留"),
    "numeric": re.compile(
        rf"\d|{CN_NUMERAL}(?:万元|元|吨|年|日|个月|月|天|个|次|倍|项|家|种|小时|分钟|周|人|名|位|株|亩|公顷|米|岁)|百分之|%|％|之日起"
    ),
    "who": re.compile(r"部门|机关|机构|人民政府|主管|负责|批准|委员会|国务院|派出"),
    "timeline": re.compile(rf"施行|通过|修订|修正|废止|公布|印发|发布|\d{{4}}\s*年|[{CN_DIGITS}]{{4}}年|年\d{{1,2}}月|月\d{{1,2}}日"),
    "list": re.compile(rf"下列|以下.{{0,6}}[：:]|包括|[（(][{SMALL_NUM}]+[）)]|如下"),
    "compare": re.compile(r"修订|修正|废止|原|改为"),
    "yesno": re.compile(r"不得|应当|必须|可以|不属于|属于|免征|不缴纳|禁止|严禁|不需要|无需|视为|适用|参照|享受|不予"
                        # (适用于: a scope answers 也要按…管吗; 不收费: a fee answers 要交…费吗)
                        r"|不收费|不收取|免收|无偿"),
    "definition": re.compile(r"是指|所称|含义|指的是"),
}

@dataclass
class Scored:
    units: list[list[Unit]]  # per hit
    chunk_scores: list[float]
    terms: list[str]
    qtypes: set[str]


def _term_weights(terms: list[str], pool: list[str]) -> dict[str, float]:
    n = max(len(pool), 1)
    w = {}
    for t in terms:
        df = sum(1 for p in pool if t in p)
        idf = math.log((n + 1) / (df + 0.5)) if df else 0.0
        w[t] = (min(len(t), 4) / 2.0) * (0.5 + idf)
    return w


def score(pq: ParsedQuestion, hits: list[SearchHit]) -> Scored:
    qtypes = {str(k) for k in pq.asks if k in CUE_PATTERNS}
    terms = list(pq.terms)
    focus = [FOCUS_SOURCE[f] for f in pq.focus]
    if "definition" in qtypes:  # what a term means: the unit that defines it (X是指…, 所称X), like a focus
        focus += [definition_of(t) for t in pq.terms if len(t) >= 2]
    qbi = bigrams(" ".join(terms)) or bigrams(pq.text)
    cues_of = dict(CUE_PATTERNS)
    in_unit = count_cue(pq.count_unit)
    if in_unit is not None:
        cues_of["numeric"] = in_unit  # a number in the unit asked, not any number
    per_hit = [split_units(h.text, i, header=(h.locator == "header")) for i, h in enumerate(hits)]
    pool = [normalize(u.text) for us in per_hit for u in us]
    weights = _term_weights(terms, pool)
    max_w = sum(weights.values()) or 1.0
    chunk_scores: list[float] = []
    for i, (h, units) in enumerate(zip(hits, per_hit, strict=True)):
        ctx = normalize(f"{h.title} {h.heading_path}")
        title_n = normalize(h.title)
        # terms that name this passage's document say which document, not which sentence
        unit_w = {t: w for t, w in weights.items() if t not in title_n}
        for u in units:
            nt = normalize(u.text)
            ts = sum(w for t, w in unit_w.items() if t in nt) / max_w
            ub = bigrams(u.text)
            bs = len(qbi & ub) / (len(qbi) or 1)
            cues = {t for t in qtypes if cues_of[t].search(u.text)}
            u.cues = cues
            fhit = sum(1 for f in focus if f.search(u.text))
            u.score = ts + 0.5 * bs + 0.15 * len(cues) + 0.6 * fhit
        whole = normalize(h.text) + " " + ctx
        cover = sum(w for t, w in weights.items() if t in whole) / max_w
        best = max((u.score for u in units), default=0.0)
        top_score = max((x.score for x in hits), default=0.0)
        rel = (h.score / top_score) if top_score > 0 and h.score > 0 else 0.0
        prior = 0.15 / (1 + i) + 0.5 * rel
        wanted = qtypes - {"list", "compare"}
        cue_frac = (sum(1 for t in wanted if cues_of[t].search(h.text)) / len(wanted)) if wanted else 0.0
        fcover = (sum(1 for f in focus if f.search(h.text)) / len(focus)) if focus else 0.0
        version = _version_fit(pq, h, hits) + _locality_fit(pq, h) + _named_fit(pq, h, hits)
        chunk_scores.append(0.6 * cover + 0.6 * best + prior + 0.3 * cue_frac + 0.5 * fcover + version)
        if not units:  # nothing quotable (e.g. only text addressed to the model): never the main passage
            chunk_scores[-1] = -1.0
    return Scored(per_hit, chunk_scores, terms, qtypes)


LOCAL_TITLE_RE = re.compile(r"^(.{2,8}?)(?:省|市|自治区|特别行政区)")


def _locality_fit(pq: ParsedQuestion, h: SearchHit) -> float:
    """A local rule answers a question about its place; other questions prefer national texts."""
    local = h.doc_type.startswith("地方") or bool(LOCAL_TITLE_RE.match(h.title))
    if not local:
        return 0.0
    m = LOCAL_TITLE_RE.match(h.title)
    place = m.group(1) if m else ""
    if place and normalize(place) in pq.folded:
        # its place's rule, if it is about the question at all (Beijing's energy rules say
        # nothing about fireworks in Beijing)
        return 0.3 if about_topic(pq.terms, h.text, place) else -0.4
    return -0.4


def _named_fit(pq: ParsedQuestion, h: SearchHit, hits: list[SearchHit]) -> float:
    """A question naming a law in 《》 is about that law, not about its namesake with a longer
    or shorter title (《环境噪声污染防治法》 and the 噪声污染防治法 that replaced it)."""
    named = {normalize(short_title(n)) for n in pq.named}
    if not named:
        return 0.0
    st = normalize(short_title(h.title))
    if st in named or "《" in h.title:  # 实施《X》办法 implements X: not a namesake
        return 0.0
    if not any(normalize(short_title(x.title)) in named for x in hits):
        return 0.0  # the named law is not among the passages: nothing to prefer
    if any(n != st and (n in st or st in n) for n in named):
        return -0.6
    return 0.0


def _version_fit(pq: ParsedQuestion, h: SearchHit, hits: list[SearchHit]) -> float:
    """A question naming a version (2018年版, 2023年修订后的) prefers that version's passages; one
    naming the revision it came before (2023年修订之前的), the latest version older than that year."""
    years = pq.version_years
    if not (years or pq.version_before) or not h.date:
        return 0.0
    same_title = [x for x in hits if x.title == h.title and x.doc_id != h.doc_id]
    if not same_title:
        return 0.0
    if years:
        return 0.3 if any(h.date.startswith(y) for y in years) else -0.3
    before = min(pq.version_before)
    older = {x.date for x in [h, *same_title] if x.date and x.date[:4] < before}
    return 0.3 if older and h.date == max(older) else -0.3
