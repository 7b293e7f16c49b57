"""Question normalisation and direct references.

- `normalize_question`: width folding (NFKC), traditional → simplified, whitespace.
- `canonical_numbers`: the number forms a reader treats as equal (三万元 / 3万元 / 30000元,
  第五十三条 / 第53条, 百分之三十 / 30%) become one Arabic form. The BM25 tokenizer applies it
  to documents and questions alike, so they meet on the same tokens.
- `expand_terms`: everyday abbreviations (标煤, 环评, 危废 …) get their full form appended
  for the lexical retriever.
- `AliasTable` + `parse_query`: which documents (by title or short name) and which article a
  question names, plus the version hints it carries (a year, 旧/原/老).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

from kb.text.numerals import cn_to_int, normalize_article_ref

# ---------------------------------------------------------------------- text forms
_WS = re.compile(r"\s+")


@lru_cache(maxsize=1)
def _t2s():
    from opencc import OpenCC

    return OpenCC("t2s")


def to_simplified(text: str) -> str:
    try:
        return _t2s().convert(text)
    except Exception:  # pragma: no cover - opencc missing or broken: keep the text
        return text


def normalize_question(question: str) -> str:
    """NFKC (full → half width), traditional → simplified, single spaces."""
    text = unicodedata.normalize("NFKC", question or "")
    text = to_simplified(text)
    return _WS.sub(" ", text).strip()


_CN = "零〇○一二两三四五六七八九十百千万亿"
_CN_START = "零〇○一二两三四五六七八九十"
# Measure words and units after which a numeral is a quantity (not part of a word like 统一).
_UNITS = (
    "以上|以下|以内|以外|万元|亿元|元|周年|年度|年|个月|月|日|天|小时|分钟|秒|周|岁|条|款|项|章|节|编|目|"
    "吨|倍|次|家|种|类|部|批|名|人|个|件|台|辆|艘|份|号|级|届|公里|千米|平方米|立方米|米|公斤|千克|克|"
    "升|分贝|度|千瓦|兆瓦|瓦|户|所|座|处|只|套|位|期|轮|成"
)
_CN_NUM = re.compile(rf"(第)?([{_CN_START}][{_CN}]*)(?=(?:{_UNITS}))")
_CN_NUM_AFTER_DI = re.compile(rf"第([{_CN_START}][{_CN}]*)")
_AR_BIG = re.compile(r"(\d+(?:\.\d+)?)\s*([万亿])(?!分之)")
_AR_COMMA = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_PERCENT = re.compile(rf"百分之([0-9.{_CN}]+)")
_CN_RANGE = re.compile(rf"([{_CN_START}][{_CN}]*)(?=\s*(?:至|到|或者|或|~|-|—)\s*\d)")
_CN_TIMES = re.compile(rf"([{_CN_START}][{_CN}]*)(?=倍|分之)")


def _cn(s: str) -> str | None:
    try:
        return str(cn_to_int(s))
    except ValueError:
        return None


def _arabic_big(m: re.Match) -> str:
    value = float(m.group(1)) * (10_000 if m.group(2) == "万" else 100_000_000)
    return str(int(value)) if value == int(value) else f"{value:g}"


def canonical_numbers(text: str) -> str:
    """Quantities and ordinals in one Arabic form: 三万元/3万元/30,000元 → 30000元, 第五十三条 → 第53条."""
    if not text:
        return text
    text = _AR_COMMA.sub("", text)

    def pct(m: re.Match) -> str:
        raw = m.group(1)
        val = raw if re.fullmatch(r"[0-9.]+", raw) else _cn(raw)
        return f"{val}%" if val is not None else m.group(0)

    text = _PERCENT.sub(pct, text)

    def di(m: re.Match) -> str:
        val = _cn(m.group(1))
        return f"第{val}" if val is not None else m.group(0)

    text = _CN_NUM_AFTER_DI.sub(di, text)

    def qty(m: re.Match) -> str:
        val = _cn(m.group(2))
        return (m.group(1) or "") + val if val is not None else m.group(0)

    text = _CN_NUM.sub(qty, text)
    text = _AR_BIG.sub(_arabic_big, text)
    # 三至五年 → 3至5年: the first numeral of a range has no unit of its own.
    text = _CN_RANGE.sub(lambda m: _cn(m.group(1)) or m.group(0), text)
    return text


# Everyday short forms → the words the documents use (added to the lexical query, never replaced).
TERM_EXPANSIONS: dict[str, str] = {
    "标煤": "标准煤",
    "环评": "环境影响评价",
    "环保税": "环境保护税",
    "危废": "危险废物",
    "固废": "固体废物",
    "碳市场": "碳排放权交易",
    "碳配额": "碳排放配额",
    "排污证": "排污许可证",
    "能耗": "能源消耗 能源消费",
    "节能主管部门": "管理节能工作的部门",
    "能效标识": "能源效率标识",
    "罚多少": "罚款",
    "怎么罚": "罚款 处罚",
    "处罚": "罚款",
    "多久": "期限",
    "有效期": "有效期限",
    "废旧家电": "废弃电器电子产品",
    "废旧电器": "废弃电器电子产品",
    "报废汽车": "报废机动车",
    "环保部门": "生态环境主管部门",
    "环保": "环境保护",
    "施行": "施行 实施",
    "生效": "施行",
    "实施": "施行",
}


# Kinds of question, recognised by their wording.
_PENALTY_CUE = re.compile(r"罚|处罚|法律责任|担什么责任|承担.{0,4}责任|追究|吊销|拘留")
_TIMELINE_CUE = re.compile(r"哪天|哪一天|什么时候|何时|哪一年|哪年|几次|日期|第几号|起施行|开始施行|开始实施|开始执行|生效|印发|通过的|公布的|施行的")


def is_penalty_question(question: str) -> bool:
    return bool(_PENALTY_CUE.search(question))


def is_timeline_question(question: str) -> bool:
    return bool(_TIMELINE_CUE.search(question))


def expand_terms(question: str) -> str:
    extra = [full for short, full in TERM_EXPANSIONS.items() if short in question and full not in question]
    if is_penalty_question(question):
        extra.append("法律责任")
    return question if not extra else question + " " + " ".join(extra)


# ---------------------------------------------------------------------- titles & aliases
# A trailing date, 试行 or 修订 note is dropped; an ordinal such as （二） names a different document
# (…若干问题的解释（一） and （二） are two interpretations, not two versions of one).
_PAREN_TAIL = re.compile(r"[（(](?![一二三四五六七八九十]+[)）])[^（）()]*[)）]\s*$")
_TITLE_NOISE = re.compile(r"[《》〈〉<>“”\"'\s·]")


def norm_title(title: str) -> str:
    """The comparable form of a title: no 中华人民共和国, brackets, trailing (2018-10-26)/(修订)."""
    t = unicodedata.normalize("NFKC", title or "")
    t = to_simplified(t)
    t = t.replace("中华人民共和国", "")
    prev = None
    while prev != t:
        prev = t
        t = _PAREN_TAIL.sub("", t.strip())
    t = re.sub(r"\.(md|pdf|docx|html?|txt)$", "", t, flags=re.I)
    return _TITLE_NOISE.sub("", t)


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
    for v in variants:
        if len(v) >= 2 and v != stem:
            out.add(v + suffix)
    # 节约能源 → 节能, 环境保护 → 环保: first character of each two-character word.
    if suffix == "法" and len(stem) == 4:
        out.add(stem[0] + stem[2] + suffix)
    return out


@dataclass
class AliasTable:
    """Normalised title → doc ids, and short name → normalised titles (only unambiguous ones)."""

    titles: dict[str, list[str]] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)

    @classmethod
    def build(cls, docs: Iterable) -> "AliasTable":
        titles: dict[str, list[str]] = {}
        for d in docs:
            for t in {norm_title(d.title)}:
                if len(t) >= 2:
                    titles.setdefault(t, []).append(d.doc_id)
        candidates: dict[str, set[str]] = {}
        for t in titles:
            for a in _generic_aliases(t):
                candidates.setdefault(a, set()).add(t)
        aliases = {a: next(iter(ts)) for a, ts in candidates.items() if len(ts) == 1 and a not in titles}
        for a, t in EXPLICIT_ALIASES.items():
            if t in titles and a not in titles:
                aliases[a] = t
        return cls(titles, aliases)

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


def compact(question: str) -> str:
    """The question as titles are compared: no 中华人民共和国, brackets or spaces."""
    return _TITLE_NOISE.sub("", normalize_question(question).replace("中华人民共和国", ""))


# ---------------------------------------------------------------------- parsed question
_ARTICLE = re.compile(r"第\s*([0-9零〇○一二两三四五六七八九十百千]+)\s*条(?:\s*之\s*([0-9一二三四五六七八九十]+))?")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_OLD = re.compile(r"旧|原来|原先|老的|老版|以前|之前|修订前|修改前|废止的|过去")


@dataclass
class ParsedQuery:
    raw: str
    text: str  # normalised question
    articles: list[str] = field(default_factory=list)  # 第五十三条 …
    titles: list[str] = field(default_factory=list)  # normalised titles named, in order
    years: list[int] = field(default_factory=list)
    wants_old: bool = False

    @property
    def lexical_text(self) -> str:
        return expand_terms(self.text)


def parse_query(question: str, aliases: AliasTable | None = None) -> ParsedQuery:
    text = normalize_question(question)
    articles: list[str] = []
    for m in _ARTICLE.finditer(text):
        ref = f"第{m.group(1)}条" + (f"之{m.group(2)}" if m.group(2) else "")
        norm = normalize_article_ref(ref)
        if norm.startswith("第") and norm not in articles:
            articles.append(norm)
    titles: list[str] = []
    if aliases is not None:
        for t, _s, _e in aliases.find(compact(text)):
            if t not in titles:
                titles.append(t)
    years = [int(y) for y in _YEAR.findall(text)]
    return ParsedQuery(question, text, articles, titles, years, bool(_OLD.search(text)))
