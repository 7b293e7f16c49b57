"""What an official document says about its own life: 有效期, a plan's period, what it repeals.

    expiry(text, effective, signed) -> ISO date or ''   # 有效期至… / 有效期N年
    period_end(title, text) -> ISO date or ''           # “十四五” / 2021—2025年 → 2025-12-31
    repealed_numbers(text) -> ['示环发〔2022〕8号', …]   # 原《…》（…〔YYYY〕N号）同时废止

All read from the document's own words; kb.versions turns them into a status.
"""
from __future__ import annotations

import re
from datetime import date as Date
from datetime import timedelta

from kb.text.grammar import DOC_NUMBER_RE, NUM, number, parse_date
from kb.text.numerals import to_halfwidth_digits

UNTIL_RE = re.compile(r"有效期(?:限)?(?:为|自[^，。；]{4,24}?)?(?:至|到)\s*(?P<date>[^，。；]{6,20}?日)(?:止)?")
YEARS_RE = re.compile(rf"有效期(?:限)?(?:为|是)?\s*(?P<n>{NUM})\s*年")
FIVE_YEAR_PLANS = {"十一五": 2006, "十二五": 2011, "十三五": 2016, "十四五": 2021, "十五五": 2026, "十六五": 2031}
FIVE_YEAR_RE = re.compile(r"[“\"‘]?(十[一二三四五六]五)[”\"’]?")
SPAN_RE = re.compile(r"((?:19|20)\d{2})\s*(?:年)?\s*[—–\-－~～至到]+\s*((?:19|20)\d{2})\s*年")
PERIOD_CUE_RE = re.compile(r"(?:规划|实施|行动|计划|方案)(?:期|期限|时限|年限)(?:为|是|：|:)?")
# A repeal sentence: what precedes 同时废止 / 停止执行 / 不再执行 up to the sentence start.
REPEAL_WORDS = ("同时废止", "同时停止执行", "同时不再执行", "同时失效")


def add_years(start: Date, years: int) -> Date:
    """The last day of `years` years counted from `start` (2024-09-01 + 5 → 2029-08-31)."""
    try:
        end = start.replace(year=start.year + years)
    except ValueError:  # 29 February
        end = start.replace(year=start.year + years, day=28)
    return end - timedelta(days=1)


def expiry(text: str, effective: str, signed: str) -> str:
    """The last day the document is valid, from 有效期至… or 有效期N年 (from its effective
    date, else its date), ISO; '' when it states none."""
    t = to_halfwidth_digits(text)
    m = UNTIL_RE.search(t)
    if m:
        iso = parse_date(m.group("date"))
        if iso:
            return iso
    m = YEARS_RE.search(t)
    start = effective or signed
    if m and start:
        n = number(m.group("n"))
        if n and 0 < n < 100:
            y, mo, d = (int(x) for x in start.split("-"))
            return add_years(Date(y, mo, d), n).isoformat()
    return ""


def period_end(title: str, text: str) -> str:
    """The last day of a plan's period: “十四五” in the title, 2021—2025年 in the title, or
    a 规划期为2021—2025年 sentence; '' when none is stated."""
    t = to_halfwidth_digits(title)
    m = SPAN_RE.search(t)
    if m and int(m.group(2)) >= int(m.group(1)):
        return f"{m.group(2)}-12-31"
    m = FIVE_YEAR_RE.search(t)
    if m:
        return f"{FIVE_YEAR_PLANS[m.group(1)] + 4}-12-31"
    body = to_halfwidth_digits(text[:6000])
    for cue in PERIOD_CUE_RE.finditer(body):
        m = SPAN_RE.match(body, cue.end()) or SPAN_RE.search(body[cue.end() : cue.end() + 16])
        if m and int(m.group(2)) >= int(m.group(1)):
            return f"{m.group(2)}-12-31"
    return ""


def repealed_numbers(text: str) -> list[str]:
    """文号 named in the sentences that repeal documents (…（示环发〔2022〕8号）同时废止)."""
    out: list[str] = []
    t = to_halfwidth_digits(text)
    for sentence in re.split(r"[。；\n]", t):
        if not any(word in sentence for word in REPEAL_WORDS):
            continue
        for m in DOC_NUMBER_RE.finditer(sentence):
            code = re.sub(r"^.*?(?:[《》（）()、，,]|原)", "", m.group(1)) or m.group(1)
            num = f"{code}〔{m.group(2)}〕{m.group(3)}号"
            if num not in out:
                out.append(num)
    return out
