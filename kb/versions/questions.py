"""Reading a question about versions. Moved unchanged from the former kb/versions/versions.py, except
that they look families up in the version graph; they still take the raw question string, and
are to take the parsed question object instead:

- `is_change_question`: does the question ask how a law changed between versions?
- `family_for_question`: which law (family key) such a question is about;
- `versions_for_question`: which two versions it compares;
- `topic_terms` / `_Relevance`: the words naming its topic, and how much an article is about them.
"""
from __future__ import annotations

import math
import re
import unicodedata
from typing import Sequence

from kb.text.titles import title_key
from kb.types import SearchHit
from kb.versions.dates import version_date
from kb.versions.graph import VersionGraph, family_key_of

# ---------------------------------------------------------------------- questions
_CHANGE_CUES = re.compile(
    r"(有什么|有何|有哪些|哪些|什么)(变化|不同|区别|差异|差别|调整|改动|变动|修改|改变)"
    r"|不一样|不同之处|变化|区别|差异|差别|改动|变动"
    r"|修改了|改了哪些|改了什么|删去了|删除了哪些|新增了|增加了哪些"
    r"|相比|对比|比较|比起|新旧|前后"
    r"|比.{1,20}?(严|宽|高|低|多|少|重|轻|大|小|长|短)了"
    r"|(跟|和|与|同).{1,30}?比"
)
_VERSION_CUES = re.compile(
    r"\d{4}\s*年?\s*(版|修订|修正|修改)?|版本|修订|修正|修改|新法|旧法|新版|旧版|老版|以前|之前|原来|原先|现行|新的|旧的|老的|新旧|前后|两版|两部"
)


def is_change_question(question: str) -> bool:
    """True when the question asks how a law changed between versions.

    Needs a change cue (变化, 不同, 区别, 相比, 比…严了, 修改了哪些, 新旧…) and a version cue
    (a year, 修订, 新/旧, 以前, 现行…). '2023年修订后…是从什么时候开始执行的' (a timeline
    question) is not one: 修订 alone is not a change cue.
    """
    q = unicodedata.normalize("NFKC", question or "")
    if "新旧" in q or re.search(r"修改了哪些|改了哪些|改了什么|有哪些(修改|变化|改动)", q):
        return True
    return bool(_CHANGE_CUES.search(q) and _VERSION_CUES.search(q))


def family_for_question(
    graph: VersionGraph, question: str, hits: Sequence[SearchHit] = ()
) -> str | None:
    """The family key of the law a change question is about, for `change_summary`.

    Only laws with more than one version in the KB count (a repealed predecessor law
    counts, and leads to the law that replaced it). The longest family key named in the
    question wins; else the family of the best-ranked hit in `hits` that has versions;
    else None."""
    q = re.sub(r"\s+", "", unicodedata.normalize("NFKC", question or ""))
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


_QUESTION_STOP = frozenset(
    "什么 哪些 怎么 怎样 如何 多少 几 变化 不同 区别 差异 差别 不一样 一样 修订 修订后 修正 修改 改了 新旧 前后 相比 "
    "比较 对比 比起 以前 之前 原来 原先 现在 现行 规定 版本 年版 版 新 旧 老 两部 两版 内容 有什么 有何 哪 了 后 时 "
    "当年 如今 法律 法规 条例 本法 条文 哪条 方面 上 中 里 严 宽 高 低 多 少 跟 和 与 同 比 对 是 都 还 又 "
    "新版 旧版 老版 新法 旧法 部".split()
)
# Everyday words of questions -> the words laws use.
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "钱": ("费", "缴纳"), "交钱": ("缴纳",), "交": ("缴纳",), "罚": ("罚款",), "罚多少": ("罚款",),
    "排污": ("排放",), "多久": ("期限",), "期限": ("日内",), "谁": ("主管部门",), "哪个部门": ("主管部门",),
}
_DEFINE_RE = re.compile(r"界定|定义|含义|是指|指的是|指什么|认定|概念")


class _Relevance:
    """IDF-weighted overlap of the question's content words with article texts."""

    def __init__(self, question: str, titles: Sequence[str], texts: Sequence[str]):
        from kb.index import lexical

        q = unicodedata.normalize("NFKC", question or "")
        q = re.sub(r"《[^》]*》", " ", q)
        for t in titles:
            for form in (t, title_key(t)):
                if form:
                    q = q.replace(form, " ")
        q = re.sub(r"\d{4}\s*年", " ", q)
        # Quoted words (“夜间”) are what the question is about.
        self.quoted = [_norm(x) for x in re.findall(r"[“\"「『‘]([^”\"」』’]{1,20})[”\"」』’]", q)]
        self.defining = bool(_DEFINE_RE.search(q))
        raw = list(dict.fromkeys(lexical.tokenize(q)))
        terms: list[str] = []
        for t in raw:
            for alt in _SYNONYMS.get(t, ()):
                terms.append(alt)
            if t in _QUESTION_STOP or t.isdigit() or len(t) < 2:
                continue
            terms.append(t)
        terms.extend(x for x in self.quoted if x)
        self.asked = list(dict.fromkeys(terms))  # the topic words, before checking the texts
        if self.defining:
            terms.append("是指")
        bodies = [_norm(t) for t in texts]
        n = max(len(bodies), 1)
        # Phrases of the question the articles use word for word (社会生活噪声, 使用配额许可证):
        # word tokens alone let an article that has each word somewhere win.
        bare = [_bare(b) for b in bodies]
        self.phrases = set(_phrases(q, bare))
        terms.extend(sorted(self.phrases))
        # A question about penalties (罚多少, 严了多少) is about the penalty clauses, however
        # common 罚款 is among the articles.
        penalty = bool(re.search(r"罚|处罚|严了|宽了|重了|轻了|法律责任", q))
        if penalty:
            terms.append("罚款")
        self.weights: dict[str, float] = {}
        for t in dict.fromkeys(terms):
            df = sum(1 for b, nb in zip(bodies, bare) if t in b or (t in self.phrases and t in nb))
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


def topic_terms(question: str, titles: Sequence[str] = ()) -> list[str]:
    """The words of a change question that name its topic (law titles, years and question
    words removed): [] for '2023年修订后的海洋环境保护法修改了哪些内容？'."""
    return list(_Relevance(question, titles, []).asked)


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).lower()


def versions_for_question(graph: VersionGraph, family: str, question: str) -> str | list[str]:
    """What to hand `change_summary` for a change question about `family`: the two
    versions whose years the question names (2017年版 … 2023年修订后); for one year, the
    revision of that year and its predecessor (2017年修订后…) or that version and the latest
    (与2017年版相比，现行…); else the family key (its two newest versions)."""
    chain = graph.lineage(family)
    years = list(dict.fromkeys(re.findall(r"((?:19|20)\d{2})\s*年", unicodedata.normalize("NFKC", question or ""))))
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
        revision = re.search(year + r"\s*年\s*(?:第[一二三四五六七八九十\d]+次)?(?:修订|修正|修改)", question or "")
        if not revision and chain and chain[-1].doc_id != picked[0]:
            return [picked[0], chain[-1].doc_id]  # 与2017年版相比，现行…: that version and the latest
        return picked[0]  # 2017年修订后…: what that revision changed
    return family
