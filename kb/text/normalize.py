"""One form for text that is compared: width, script, spacing and numbers.

- `normalize_question`: width folding (NFKC), traditional → simplified, single spaces.
- `canonical_numbers`: the number forms a reader treats as equal (三万元 / 3万元 / 30000元,
  第五十三条 / 第53条, 百分之三十 / 30%) become one Arabic form. The BM25 tokenizer applies it to
  documents and questions alike, so they meet on the same tokens.
- `fold`: what the tokenizer and the term matchers compare: NFKC, lower case, canonical numbers.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from kb.text.numerals import CN_NUM_CHARS, cn_to_int

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


_CN = CN_NUM_CHARS
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


def fold(text: str) -> str:
    """Width and case folding plus one form for numbers (三万元 = 3万元 = 30000元, 第五十三条 = 第53条);
    the same for documents and questions."""
    return canonical_numbers(unicodedata.normalize("NFKC", text).lower())


def squash(text: str) -> str:
    """`text` without any whitespace (how quoted passages and keywords are compared)."""
    return _WS.sub("", text or "")
