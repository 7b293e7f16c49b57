"""English questions read through Chinese words.

The documents are Chinese. An English question reaches them through the dense model alone,
which crosses languages only roughly: "how soon must the accident be reported" meets every
article about accidents, and nothing tells the second stage that a deadline is asked. So an
English question is also given a gloss — the Chinese words the documents use for its terms
(permit → 许可证, hazardous chemicals → 危险化学品) and for what it asks (how soon → 多久, which
authority → 哪个部门) — which the question reading treats as it treats a Chinese question's words:
what is asked, the topical terms, and the words added to the lexical search.

Each entry is a regular expression over the lower-cased question, matched on word boundaries,
and the Chinese words it stands for. Entries are general vocabulary of Chinese industrial,
environmental and safety law, written from the domain (not from any question set).
"""
from __future__ import annotations

import re
from typing import Iterable

from kb.question.english_data import ASKING, PLACES, TERMS

_PLACES = [(re.compile(rf"(?<![a-z]){pattern}(?![a-z])"), place) for pattern, place in PLACES.items()]


def places(text: str) -> list[str]:
    """The Chinese names of the places an English question names (Beijing → 北京)."""
    low = text.lower()
    return [place for pattern, place in _PLACES if pattern.search(low)]


_COMPILED: list[tuple[re.Pattern[str], str, bool]] = [  # (pattern, words, says what is asked)
    (re.compile(rf"(?<![a-z])(?:{pattern})(?![a-z])"), words, table is ASKING)
    for table in (ASKING, TERMS) for pattern, words in table.items()
]


def gloss(text: str) -> tuple[list[str], list[str]]:
    """(framing, terms): the Chinese words for what an English question asks and for its terms,
    each once, in the order of the tables."""
    # (the minimum (floor) price: a word glossed in brackets is read as one more word of the phrase)
    low = re.sub(r"[()（）]", "", text.lower())
    framing: list[str] = []
    terms: list[str] = []
    for pattern, words, asking in _COMPILED:
        if pattern.search(low):
            out = framing if asking else terms
            for w in words.split():
                if w not in out:
                    out.append(w)
    return framing, terms


# A year the question is about (recalled in 2023, the 2024 figures), not the year of a text's
# version (amended in 2018, the 2021 revision, the law of 2015).
_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
# \b: "Diversion" is not "version"
_VERSION_BEFORE = re.compile(
    r"\b(?:amend(?:ed|ment)|revis(?:ed|ion)|adopt(?:ed|ion)|promulgat(?:ed|ion)|issu(?:ed|e)|enact(?:ed|ment)"
    r"|effective|in force|passed|published|version|edition|dated|law|regulations?|since|from|until)\W+(?:\w+\W+){0,2}$"
)
# (the 2024 interim regulation, the 2018 air pollution law: up to three words between)
_VERSION_AFTER = re.compile(r"^\W*(?:revised|amended|revision|amendment|version|edition|text|act\b"
                            r"|(?:(?!(?:the|a|an|this|that|these|those|its|their)\b)[a-z-]+\s+){0,3}"
                            r"(?:law|regulations?|measures|provisions))\b")


def _names_version(low: str, m: re.Match[str]) -> bool:
    return bool(_VERSION_BEFORE.search(low[max(0, m.start() - 40) : m.start()]) or _VERSION_AFTER.match(low[m.end() :]))


def subject_years(text: str) -> list[str]:
    """Years an English question is about, in order (those naming a version left out)."""
    low = text.lower()
    return [m.group(1) for m in _YEAR.finditer(low) if not _names_version(low, m)]


def version_years(text: str) -> list[str]:
    """Years naming a version of a text (the 2017 version of the law, amended in 2018), in order."""
    low = text.lower()
    return [m.group(1) for m in _YEAR.finditer(low) if _names_version(low, m)]


# A document named in English (the Electricity Law, China's mine safety law, the regulations on
# …): its kind, and the words of its subject matched against the indexed titles. Each TERMS entry
# that matches is one concept (its Chinese words are alternatives); a title must hold every concept.
_KIND_ENDINGS: dict[str, tuple[str, ...]] = {
    "law": ("法",), "regulation": ("条例",), "regulations": ("条例",), "measures": ("办法",),
    "rules": ("规定", "细则", "规则"), "provisions": ("规定",),
}
_NAME_BEFORE = re.compile(r"((?:[a-z][a-z'-]*\s+){1,5})(law|regulations?|measures|rules|provisions)\b")
_NAME_AFTER = re.compile(r"\b(law|regulations?|measures|rules|provisions)\s+(?:on|for|of|concerning|governing)\s+"
                         r"((?:[a-z][a-z'-]*\s*){1,8})")
# The implementing rules of a law (the Implementing Regulation of the Standardization Law → 标准化法实施条例).
_IMPLEMENTING = re.compile(r"\bimplementing\s+(regulations?|rules|measures)\s+(?:of|for)\s+(?:the\s+)?"
                           r"((?:[a-z][a-z'-]*\s+){1,5}?)law\b")
_IMPLEMENTING_KIND = {"regulation": "实施条例", "regulations": "实施条例", "rules": "实施细则", "measures": "实施办法"}
_TITLE_FILLER = ("中华人民共和国", "实施细则", "实施条例", "暂行", "条例", "办法", "规定", "细则", "规则", "监督管理", "管理", "监督",
                 "防治", "保护", "促进", "法", "和", "与", "及")
_TERM_PATTERNS = [(p, w.split()) for p, w, asking in _COMPILED if not asking]


def _concepts(words: str) -> list[list[str]]:
    """One list of alternatives per term named; entries matching overlapping words (commodity
    inspection, inspection) are one term."""
    spans = sorted((m.start(), m.end(), alts) for pattern, alts in _TERM_PATTERNS for m in pattern.finditer(words))
    merged: list[tuple[int, list[str]]] = []
    for start, end, alts in spans:
        if merged and start < merged[-1][0]:
            merged[-1] = (max(end, merged[-1][0]), merged[-1][1] + [a for a in alts if a not in merged[-1][1]])
        else:
            merged.append((end, list(alts)))
    return [alts for _end, alts in merged]


def _best_title(concepts: list[list[str]], kind: str, titles: Iterable[str]) -> str | None:
    endings = _KIND_ENDINGS[kind]
    scored = []
    for t in titles:
        if not t.endswith(endings) or (kind == "law" and t.endswith("办法")):
            continue
        fits = [max((a for a in alts if a in t), key=len, default="") for alts in concepts]
        if not all(fits):
            continue
        rest = t
        for word in sorted({a for alts in concepts for a in alts}, key=len, reverse=True) + list(_TITLE_FILLER):
            rest = rest.replace(word, "")
        if len(rest) <= 1:  # the English name covers the title: not another law on the same subject
            scored.append((sum(len(f) for f in fits), t))
    scored.sort(reverse=True)
    if scored and (len(scored) == 1 or scored[0][0] > scored[1][0]):
        return scored[0][1]
    return None


def documents(text: str, titles: Iterable[str]) -> list[str]:
    """The indexed titles (normalised, as AliasTable keys them) an English question names by
    their English names — only where one title fits the words best."""
    low = text.lower()
    titles = list(titles)
    out: list[str] = []
    for m in _NAME_BEFORE.finditer(low):
        words = m.group(1).split()
        for n in range(len(words), 0, -1):  # the longest run of words before the kind that names one
            concepts = _concepts(" ".join(words[-n:]))
            found = _best_title(concepts, m.group(2), titles) if concepts else None
            if found:
                out.append(found)
                break
    implementing: dict[str, str] = {}  # a law named only to say which rules implement it → those rules
    for m in _IMPLEMENTING.finditer(low):
        concepts = _concepts(m.group(2))
        law = _best_title(concepts, "law", titles) if concepts else None
        rules = law + _IMPLEMENTING_KIND[m.group(1)] if law else ""
        if rules in titles:
            implementing[law] = rules
    for m in _NAME_AFTER.finditer(low):
        concepts = _concepts(m.group(2))
        found = _best_title(concepts, m.group(1), titles) if concepts else None
        if found and found not in out:
            out.append(found)
    out = [implementing.get(t, t) for t in out] + list(implementing.values())
    return list(dict.fromkeys(out))
