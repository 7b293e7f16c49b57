"""Official-document furniture: 文号 X〔YYYY〕N号, 令第N号, dates (2021年11月3日,
二〇二一年十一月三日), amounts and years, and the date readers.
"""
from __future__ import annotations

import re

from kb.text.grammar.fragments import CN_DIGITS, NUM
from kb.text.numerals import cn_to_int, to_halfwidth_digits

DOC_NUMBER_RE = re.compile(r"([\u4e00-\u9fff]{1,12})\s*[〔\[【(（［﹝]\s*(\d{4})\s*[〕\]】)）］﹞]\s*(\d{1,5})\s*号")
"""文号 工信部节〔2021〕123号 / 国办发[2020]5号 / 示环发［2025］9号 / 示环发﹝2025﹞9号 (the brackets
typed in place of 〔〕): groups (issuer code, year, number)."""

ORDER_NUMBER_RE = re.compile(
    r"(?:中华人民共和国)?((?:国务院|主席|[\u4e00-\u9fff]{2,16}?(?:部|委员会|委|局|署|总局|行|人民政府|政府)))令"
    rf"\s*[（(]?\s*第\s*({NUM})\s*号"
)
"""国务院令第736号 / 主席令第十六号 / 示例市人民政府令第1号: groups (issuer, number)."""

DATE_RE = re.compile(
    r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"
    rf"|(?P<cy>[{CN_DIGITS}]{{4}})\s*年\s*(?P<cm>[{CN_DIGITS}十]{{1,2}})\s*月\s*(?P<cd>[{CN_DIGITS}十]{{1,3}})\s*日"
)
"""A full date, 2021年11月3日 or 二〇二一年十一月三日 (full-width digits: fold them first)."""

DATE_LABEL = r"\d{4}年\d{1,2}月\d{1,2}日"
"""A full Arabic date written without spaces (a promulgation line starts with one)."""

DATE_DIGIT = rf"[0-9{CN_DIGITS}十]"
"""A character of a date's day or month in any script (…3日 / …三日 / …十日)."""

AMOUNT_RE = re.compile(r"(\d+(?:[.,]\d+)*)\s*(万|亿)?\s*(%|％)?")
"""An amount in Arabic digits: 3 / 3.5 / 30,000, then 万 / 亿 and %: groups (digits, 万 or 亿, %)."""

YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
"""A year 1900-2099 followed by 年."""



def date_iso(m: re.Match[str]) -> str | None:
    """ISO date from a DATE_RE match, or None for an impossible date (2018年13月1日)."""
    try:
        if m.group("y"):
            y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
        else:
            y, mo, d = cn_to_int(m.group("cy")), cn_to_int(m.group("cm")), cn_to_int(m.group("cd"))
    except ValueError:
        return None
    if not (1900 <= y <= 2100 and 1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def parse_date(s: str) -> str | None:
    """First date in s ('2018年10月26日', '二〇二三年十二月二十九日', '２０２１年１１月３日') as ISO, else None."""
    m = DATE_RE.search(to_halfwidth_digits(s))
    return date_iso(m) if m else None
