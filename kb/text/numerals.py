"""Chinese numerals <-> int.

Legal texts number their units in Chinese (第一百零五条, 第十二章); users and some sources
write Arabic digits (第105条) or full-width ones (第１０５条). Everything that reads a number
goes through here; the patterns that find numbered units are in kb.text.grammar.
"""
from __future__ import annotations

DIGITS: dict[str, int] = {
    "〇": 0, "零": 0, "○": 0, "O": 0,
    "一": 1, "壹": 1,
    "二": 2, "两": 2, "贰": 2,
    "三": 3, "叁": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}
SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS: dict[str, int] = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}

# Characters that may appear in a Chinese numeral (for building regexes elsewhere).
CN_NUM_CHARS = "〇零○一二两三四五六七八九十百千万亿"
_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
_CN_DIGIT_OUT = "零一二三四五六七八九"


def to_halfwidth_digits(s: str) -> str:
    """Replace full-width digits (２０１２) with ASCII ones; length is unchanged."""
    return s.translate(_FULLWIDTH)


def cn_to_int(s: str) -> int:
    """Parse a Chinese (or Arabic) numeral: "五十三" -> 53, "一百零五" -> 105, "两万" -> 20000.

    A run of bare digits without units ("二〇二三") is read digit by digit, as in years.
    Raises ValueError for anything that is not a numeral.
    """
    s = to_halfwidth_digits(s.strip())
    if not s:
        raise ValueError("empty numeral")
    if s.isdigit():
        return int(s)
    if all(c in DIGITS for c in s):
        if len(s) == 1:
            return DIGITS[s]
        # Year style: every char is one decimal digit.
        return int("".join(str(DIGITS[c]) for c in s))
    total = 0  # finished parts above 亿 / 万
    section = 0  # the current group below 万
    number = 0  # the pending digit
    seen_any = False
    for c in s:
        if c in DIGITS:
            number = DIGITS[c]
            seen_any = True
        elif c in SMALL_UNITS:
            # A bare "十" (10, 十五) means one ten.
            section += (number if number else 1) * SMALL_UNITS[c]
            number = 0
            seen_any = True
        elif c in BIG_UNITS:
            unit = BIG_UNITS[c]
            group = section + number
            if unit == 100_000_000:
                total = (total + group) * unit
            else:
                total += (group if group else 1) * unit
            section = 0
            number = 0
            seen_any = True
        else:
            raise ValueError(f"not a Chinese numeral: {s!r}")
    if not seen_any:
        raise ValueError(f"not a Chinese numeral: {s!r}")
    return total + section + number


def _group_to_cn(n: int) -> str:
    """0 < n < 10000 in full form (一千零一十), without the leading-一十 shortcut."""
    out: list[str] = []
    zero_pending = False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // value % 10
        if d == 0:
            if out:
                zero_pending = True
            continue
        if zero_pending:
            out.append("零")
            zero_pending = False
        out.append(_CN_DIGIT_OUT[d] + unit)
    return "".join(out)


def int_to_cn(n: int) -> str:
    """Legal-style Chinese numeral: 10 -> 十, 110 -> 一百一十, 205 -> 二百零五, 10001 -> 一万零一."""
    if n < 0:
        raise ValueError("negative numbers are not used in legal numbering")
    if n == 0:
        return "零"
    groups: list[tuple[int, str]] = []  # (value, unit) from high to low
    for unit_value, unit in ((100_000_000, "亿"), (10_000, "万"), (1, "")):
        groups.append((n // unit_value, unit))
        n %= unit_value
    out: list[str] = []
    for i, (value, unit) in enumerate(groups):
        if value == 0:
            continue
        # A missing 千 inside a lower group, or a whole empty group, is read as 零:
        # 一万零五百, 一亿零五.
        if out and (value < 1000 or _gap_before(groups, i)):
            out.append("零")
        out.append(_group_to_cn(value) + unit)
    s = "".join(out)
    # 一十 at the very start is written 十 (第十条, 第十五条); elsewhere it stays (一百一十).
    if s.startswith("一十"):
        s = s[1:]
    return s


def _gap_before(groups: list[tuple[int, str]], i: int) -> bool:
    """True when an empty group sits between a written group and group i (一亿零五)."""
    seen_written = False
    for value, _ in groups[:i]:
        if value:
            seen_written = True
        elif seen_written:
            return True
    return False
