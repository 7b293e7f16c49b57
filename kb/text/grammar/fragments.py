"""The pieces every pattern is built from: numbers in any script (`NUM`), spacing (`HSPACE`), line
starts (`LEAD`), the characters that cannot follow a heading's label, the units that make a
number a quantity; and the readers of a number.
"""
from __future__ import annotations

from kb.text.numerals import CN_NUM_CHARS, cn_to_int

CN_DIGITS = "〇零○一二两三四五六七八九"
NUM = rf"[0-9０-９{CN_NUM_CHARS}]+"  # a number in any script
NUM_CHARS = rf"0-9０-９{CN_NUM_CHARS}"  # the same, for building character classes
CN_NUMERAL = rf"[{CN_NUM_CHARS}]+"  # a number in Chinese characters: 五十三, 两千, 二〇二一
SMALL_NUM = "一二三四五六七八九十百"  # outline markers (一、 …一百、) never use 千/万/两
HSPACE = r"[^\S\r\n]"  # whitespace but a line break (PDFs emit \u2002, \u3000 …)
LEAD = rf"^{HSPACE}*(?:#+{HSPACE}*)?"  # start of a heading line; Markdown marks are not part of it

NOT_AFTER_UNIT = "的规之、，。中第至款项和或及"
"""Characters that may follow 第X条 / 第X章 in running text but never a heading's label
(第三条的规定, 第二章规定的, 第三条第二款, 第三条至第五条): a heading is the label, then a
space or its name / body."""

QUANTITY_UNITS = "年月日万亿千百元个项家种台套吨米克%％倍号条款届次批类余级度辆件户座期"
"""Units after which a number at a line start is a quantity or a date, not a heading's
number: "2016 年以来", "3 万元", "12 个行业". (人, 名 and 多 are left out: "1.人民法院…",
"1．名称和地址" and "1.多措并举" are real items.)"""



def number(text: str) -> int | None:
    """The value of a numeral in any script ('五十三', '53', '５３', '两千'), or None."""
    try:
        return cn_to_int(text)
    except ValueError:
        return None



def starts_with_quantity(text: str) -> bool:
    """'万元以下…', '年以来…': text that, after a number, makes the number a quantity."""
    return text[:1] in QUANTITY_UNITS if text else False
