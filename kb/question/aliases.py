"""Which documents a question names: by title, by a short name a reader would use (节能法,
大气法), or by an abbreviation no rule derives (环评法). Built from the catalog's titles, so a
name counts only when a document of that title is indexed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

from kb.text.normalize import normalize_question
from kb.text.titles import title_key

# A trailing date, 试行 or 修订 note is dropped; an ordinal such as （二） names a different document
# (…若干问题的解释（一） and （二） are two interpretations, not two versions of one).
_TITLE_NOISE = re.compile(r"[《》〈〉<>“”\"'\s·]")


# Abbreviations that no generic rule derives. Keys are short names, values normalised titles.
EXPLICIT_ALIASES: dict[str, str] = {
    "节能法": "节约能源法",
    "环评法": "环境影响评价法",
    "固废法": "固体废物污染环境防治法",
    "大气法": "大气污染防治法",
    "水污染法": "水污染防治法",
    "清洁生产法": "清洁生产促进法",
    "循环经济法": "循环经济促进法",
    "环保法": "环境保护法",
    "环保税法": "环境保护税法",
    "新噪声法": "噪声污染防治法",
    "噪声法": "噪声污染防治法",
    "旧噪声法": "环境噪声污染防治法",
    "原噪声法": "环境噪声污染防治法",
    "老噪声法": "环境噪声污染防治法",
    "环境噪声法": "环境噪声污染防治法",
    "土壤法": "土壤污染防治法",
    "海环法": "海洋环境保护法",
    "海洋法": "海洋环境保护法",
    "可再生能源法": "可再生能源法",
    "碳交易条例": "碳排放权交易管理暂行条例",
    "碳排放交易条例": "碳排放权交易管理暂行条例",
    "排污许可条例": "排污许可管理条例",
    "消耗臭氧层物质条例": "消耗臭氧层物质管理条例",
    "ODS条例": "消耗臭氧层物质管理条例",
    "建设项目环保条例": "建设项目环境保护管理条例",
    "产品质量法": "产品质量法",
}
_DROP_WORDS = ("防治", "促进", "管理", "暂行", "污染")
# Two-word compounds a reader shortens inside a longer name (海洋环境保护法 → 海洋环保法).
_COMPOUND_SHORT = {"环境保护": "环保", "节约能源": "节能", "固体废物": "固废"}
_SUFFIXES = ("实施条例", "实施细则", "实施办法", "条例", "办法", "规定", "细则", "法")


def _generic_aliases(title: str) -> set[str]:
    """Short names a reader would use for `title` (already normalised)."""
    out: set[str] = set()
    suffix = next((s for s in _SUFFIXES if title.endswith(s)), "")
    if not suffix or len(title) <= len(suffix) + 1:
        return out
    stem = title[: -len(suffix)]
    # Drop filler words one at a time and all together: 大气污染防治法 → 大气污染法, 大气法.
    variants = {stem}
    for w in _DROP_WORDS:
        variants |= {v.replace(w, "") for v in variants}
    for long, short in _COMPOUND_SHORT.items():
        variants |= {v.replace(long, short) for v in variants}
    for v in variants:
        if len(v) >= 2 and v != stem:
            out.add(v + suffix)
    # 节约能源 → 节能, 环境保护 → 环保: first character of each two-character word.
    if suffix == "法" and len(stem) == 4:
        out.add(stem[0] + stem[2] + suffix)
    return out


# A place's rules implementing a law (北京市实施节约能源法办法): a reader names them after the law
# (节约能源法实施办法, 北京节能法实施办法).
_LOCAL_IMPLEMENTING = re.compile(r"^(.{2,10}?(?:省|市|自治区|特别行政区))实施(.{2,30}?(?:法|条例))(办法|条例|细则|规定)$")


def _implementing_aliases(title: str) -> set[str]:
    """Names a reader gives a place's rules implementing a law, from `title` (already normalised)."""
    m = _LOCAL_IMPLEMENTING.match(title)
    if not m:
        return set()
    place, law, kind = m.groups()
    places = {place, place[:-1] if place.endswith(("省", "市")) and len(place) > 2 else place}
    laws = {law} | _generic_aliases(law)
    # (北京市实施节约能源法的办法, …的那部办法: the title as said, 的 between)
    return ({p + w + "实施" + kind for p in places | {""} for w in laws}
            | {p + "实施" + w + "的" + that + kind for p in places for w in laws for that in ("", "那部", "这部", "那个")})


# A province's or city's text named without 省 / 市 (上海绿色建筑条例, 山东清洁生产促进条例)
_PLACE_TITLE = re.compile(r"^([\u4e00-\u9fff]{2,3}?)(?:省|市)(?!实施)([\u4e00-\u9fff《》]{4,})$")


def _place_aliases(title: str) -> set[str]:
    """Names a reader gives a local text without its place's 省 / 市, and their short forms."""
    m = _PLACE_TITLE.match(title)
    if not m:
        return set()
    short = m.group(1) + m.group(2)
    return {short} | {m.group(1) + a[len(m.group(1)):] for a in _generic_aliases(short) if a.startswith(m.group(1))}


# An official document's title: issuer(s) 关于 subject 的 kind (GB/T 9704).
_OFFICIAL_TITLE = re.compile(r"关于(.{4,}?的(?:通知|意见|决定|公告|通告|批复|函|实施方案|方案|规划|办法|指南))$")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _reader_names(title: str, file_name: str) -> set[str]:
    """Names a reader gives an official document or a file: the title without its issuers
    (关于开展…工作的通知) and the file's own name (清洁生产审核通知.html), when they say enough
    (four Chinese characters or more)."""
    out: set[str] = set()
    m = _OFFICIAL_TITLE.search(title)
    if m and m.start() > 0:
        out.add("关于" + m.group(1))
    stem = title_key(file_name.rsplit(".", 1)[0]) if file_name else ""
    if len(_CJK.findall(stem)) >= 4 and stem != title:
        out.add(stem)
    return out


# A book of a code titled by the code and the book (民法典合同编, 民法典总则).
# (the code's title may carry a bracket: 示例民事法典（测试样例）合同编)
_BOOK_OF_CODE = re.compile(r"^(.{2,20}?典(?:\([^()]{1,12}\))?)(?:[\u4e00-\u9fff]{1,8}编|总则|附则)$")


@dataclass
class AliasTable:
    """Normalised title → doc ids, and short name → normalised titles (only unambiguous ones)."""

    titles: dict[str, list[str]] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)
    display: list[str] = field(default_factory=list)  # the indexed titles as written

    @classmethod
    def build(cls, docs: Iterable) -> "AliasTable":
        titles: dict[str, list[str]] = {}
        display: list[str] = []
        docs_list = list(docs)
        for d in docs_list:
            if d.title and d.title not in display:
                display.append(d.title)
            # a cover notice is also found by the title of the document it 印发
            for t in {title_key(d.title), title_key(getattr(d, "enclosed_title", "") or "")}:
                if len(t) >= 2:
                    titles.setdefault(t, []).append(d.doc_id)
        for d in docs_list:
            # a book of a code (民法典合同编) is found by the code's name too (民法典第五百七十七条),
            # like every other book of it: a direct reference takes the one holding the article
            m = _BOOK_OF_CODE.match(title_key(d.title or ""))
            if m and d.doc_id not in titles.setdefault(m.group(1), []):
                titles[m.group(1)].append(d.doc_id)
        candidates: dict[str, set[str]] = {}
        for t in titles:
            for a in _generic_aliases(t) | _implementing_aliases(t) | _place_aliases(t):
                candidates.setdefault(a, set()).add(t)
        for d in docs_list:
            t = title_key(d.title or "")
            for a in _reader_names(t, getattr(d, "file_name", "") or ""):
                candidates.setdefault(a, set()).add(t)
        aliases = {a: next(iter(ts)) for a, ts in candidates.items() if len(ts) == 1 and a not in titles}
        for a, t in EXPLICIT_ALIASES.items():
            if t in titles and a not in titles:
                aliases[a] = t
        return cls(titles, aliases, display)

    def find(self, text: str) -> list[tuple[str, int, int]]:
        """(normalised title, start, end) of every document named in `text`, longest match first,
        non-overlapping. `text` should be `compact(question)`."""
        names = sorted({*self.titles, *self.aliases}, key=len, reverse=True)
        taken: list[tuple[int, int]] = []
        found: list[tuple[str, int, int]] = []
        for name in names:
            start = text.find(name)
            while start >= 0:
                end = start + len(name)
                if not any(s < end and start < e for s, e in taken):
                    taken.append((start, end))
                    found.append((self.aliases.get(name, name), start, end))
                start = text.find(name, start + 1)
        found.sort(key=lambda f: f[1])
        return found

    def resolve(self, name: str) -> str | None:
        """The normalised title of the indexed document `name` (a title or short name, with or
        without 《》) stands for, or None when no indexed document has that name."""
        key = title_key(name)
        if key in self.titles:
            return key
        return self.aliases.get(key)


def compact(question: str) -> str:
    """The question as titles are compared: no 中华人民共和国, brackets or spaces."""
    return _TITLE_NOISE.sub("", normalize_question(question).replace("中华人民共和国", ""))
