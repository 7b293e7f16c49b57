"""A read question about versions, looked up in the version graph:

- `family_for_question`: which law (family key) a change question is about;
- `versions_for_question`: which two versions it compares;
- `Relevance` / `topic_terms`: the words naming its topic, and how much an article is about them.

The question is read once (kb.question.read_question); these functions take the
`ParsedQuestion`, never the string.
"""
from __future__ import annotations

import math
import re
import unicodedata
from typing import Sequence

from kb.question.kinds import Ask
from kb.question.lexicon import glosses
from kb.question.reading import ParsedQuestion
from kb.question.terms import QUESTION_STOPWORDS, TOPIC_SYNONYMS
from kb.text.grammar import NTH_TIME, YEAR_RE
from kb.text.titles import title_key
from kb.types import SearchHit
from kb.versions.dates import version_date
from kb.versions.graph import VersionGraph, family_key_of

def family_for_question(
    graph: VersionGraph, pq: ParsedQuestion, hits: Sequence[SearchHit] = ()
) -> str | None:
    """The family key of the law a change question is about, for `change_summary`.

    Only laws with more than one version in the KB count (a repealed predecessor law
    counts, and leads to the law that replaced it). The longest family key named in the
    question wins; else the family of the best-ranked hit in `hits` that has versions;
    else None."""
    q = re.sub(r"\s+", "", pq.text)
    multi: dict[str, str] = {}  # key of any family in a multi-version lineage -> lineage head
    for f in graph.families:
        chain = graph.lineage(f.key)
        if len(chain) > 1 or f.replaced_by:
            head = f.key
            if f.replaced_by:
                head = f.replaced_by
            multi[f.key] = head
    if not multi:
        return None
    named = [k for k in multi if k in q]
    if named:
        return multi[max(named, key=len)]
    # Short names: 噪声法 for 噪声污染防治法, 海洋环保法 for 海洋环境保护法.
    short = set()
    for k in multi:
        m = re.search(r"(法|条例|办法|规定|细则|决定)$", k)
        if m and len(k) > len(m.group(0)) + 2:
            if re.search(re.escape(k[:2]) + r"[\u4e00-\u9fff]{0,6}?" + m.group(0), q):
                short.add(multi[k])
    if len(short) == 1:
        return short.pop()
    for h in hits:
        fam = family_key_of(graph.docs[h.doc_id]) if h.doc_id in graph.docs else None
        if fam in multi:
            return multi[fam]
    return None


class Relevance:
    """IDF-weighted overlap of the question's content words with article texts."""

    def __init__(self, pq: ParsedQuestion, titles: Sequence[str], texts: Sequence[str]):
        from kb.index import lexical

        q = re.sub(r"《[^》]*》", " ", pq.text)
        for t in titles:
            for form in (t, title_key(t)):
                if form:
                    q = q.replace(form, " ")
        q = YEAR_RE.sub(" ", q)
        self.quoted = [_norm(x) for x in pq.quoted]
        self.defining = Ask.DEFINITION in pq.asks
        raw = list(dict.fromkeys(lexical.tokenize(q)))
        terms: list[str] = []
        for t in raw:
            for alt in TOPIC_SYNONYMS.get(t, ()):
                terms.append(alt)
            if t in QUESTION_STOPWORDS or t.isdigit() or len(t) < 2:
                continue
            terms.append(t)
        terms.extend(x for x in self.quoted if x)
        self.asked = list(dict.fromkeys(terms))  # the topic words, before checking the texts
        if self.defining:
            terms.append("是指")
        bodies = [_norm(t) for t in texts]
        # the documents' words for an everyday word no article uses (医院污水: 医疗污水, 病原体)
        terms.extend(w for everyday, words in glosses(q) if not any(everyday in b for b in bodies)
                     for w in words if w not in terms and w != "罚款")
        n = max(len(bodies), 1)
        # Phrases of the question the articles use word for word (社会生活噪声, 使用配额许可证):
        # word tokens alone let an article that has each word somewhere win.
        bare = [_bare(b) for b in bodies]
        self.phrases = set(_phrases(q, bare))
        terms.extend(sorted(self.phrases))
        # A question about penalties (罚多少, 严了多少) is about the penalty clauses, however
        # common 罚款 is among the articles.
        penalty = Ask.PENALTY in pq.asks or pq.severity
        if penalty:
            terms.append("罚款")
        self.weights: dict[str, float] = {}
        for t in dict.fromkeys(terms):
            df = sum(1 for b, nb in zip(bodies, bare, strict=True) if t in b or (t in self.phrases and t in nb))
            if df == 0:
                continue  # a word no article has cannot tell articles apart
            w = math.log((n + 1) / (df + 0.5))
            self.weights[t] = w * (3.0 if t in self.quoted else 1.0)
        if penalty and "罚款" in self.weights and len(self.weights) > 1:
            others = [w for t, w in self.weights.items() if t != "罚款"]
            self.weights["罚款"] = max(self.weights["罚款"], sum(others) / len(others))
        self.total = sum(self.weights.values()) or 1.0

    def __bool__(self) -> bool:
        return bool(self.weights)

    def __call__(self, *texts: str) -> float:
        body = _norm("".join(texts))
        bare = _bare(body)
        score = sum(w for t, w in self.weights.items() if t in body or (t in self.phrases and t in bare)) / self.total
        if self.defining:
            # A definition of the quoted word: 本法所称噪声污染，是指… / （二）夜间，是指…
            for x in self.quoted:
                if x and re.search(re.escape(x) + r"[”\"」』]?[，,:：]?是指", body):
                    score += 1.0
                    break
        return score


_PHRASE_SPLIT = re.compile(
    r"[^\u4e00-\u9fff]+|有什么|有哪些|有何|什么|哪些|怎么|如何|是否|多少|变化|不同|区别|差异|不一样|规定|方面|相比|"
    r"比较|修订|修正|修改|新旧|前后|以前|原来|现在|现行|条件|要求|内容|[的对跟和与比在了吗呢]"
)


def _bare(text: str) -> str:
    """Text without punctuation and spaces (a phrase of the question may span a comma)."""
    return re.sub(r"[^\u4e00-\u9fff0-9a-z]", "", text)


def _phrases(question: str, bodies: Sequence[str], min_len: int = 4, max_len: int = 12) -> list[str]:
    """Runs of the question (split at question words and particles) of 4+ characters that
    occur in some article: the longest first, no two overlapping."""
    out: list[str] = []
    if not bodies:
        return out
    for run in _PHRASE_SPLIT.split(_norm(question)):
        taken: list[tuple[int, int]] = []
        for size in range(min(len(run), max_len), min_len - 1, -1):
            for i in range(0, len(run) - size + 1):
                if any(i < b and a < i + size for a, b in taken):
                    continue
                cand = run[i : i + size]
                if any(cand in b for b in bodies):
                    taken.append((i, i + size))
                    out.append(cand)
    return out


def topic_terms(pq: ParsedQuestion, titles: Sequence[str] = ()) -> list[str]:
    """The words of a change question that name its topic (law titles, years and question
    words removed): [] for '2023年修订后的海洋环境保护法修改了哪些内容？'."""
    return list(Relevance(pq, titles, []).asked)


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).lower()


def versions_for_question(graph: VersionGraph, family: str, pq: ParsedQuestion) -> str | list[str]:
    """What to hand `change_summary` for a change question about `family`: the two
    versions whose years the question names (2017年版 … 2023年修订后); for one year, the
    revision of that year and its predecessor (2017年修订后…) or that version and the latest
    (与2017年版相比，现行…); else the family key (its two newest versions)."""
    chain = graph.lineage(family)
    years = list(dict.fromkeys(str(y) for y in pq.years))
    picked: list[str] = []
    for y in years:
        for d in chain:
            if version_date(d)[:4] == y and d.doc_id not in picked:
                picked.append(d.doc_id)
                break
    if len(picked) >= 2:
        return picked[:2]
    if len(picked) == 1:
        year = version_date(graph.docs[picked[0]])[:4]
        revision = re.search(year + rf"\s*年\s*(?:{NTH_TIME})?(?:修订|修正|修改)", pq.text)
        if not revision and chain and chain[-1].doc_id != picked[0]:
            return [picked[0], chain[-1].doc_id]  # 与2017年版相比，现行…: that version and the latest
        return picked[0]  # 2017年修订后…: what that revision changed
    return family
