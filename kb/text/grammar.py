"""The grammar of Chinese legal and official text: every pattern, in one place.

Ingest (cleaning, structure, metadata), question reading, answers, diffs and the registers all
read the same few shapes. They are defined here once, from the same numeral set, and every
other module builds on these names instead of spelling its own:

* numbers in any script: 五十三, 一百零五, 两千, 〇, 53, ５３ (`NUM`);
* legal units: 第X编 / 章 / 节 headings, 第X条(之Y) articles, 第Y款, 第Z项, 第N目;
* references: 本法第X条, 本条例第X条第Y款第Z项, 第X条至第Y条, 前款, 前条, 《其他法》第X条,
  and the verbs around them (依照 / 按照 / 违反 …规定);
* outlines of notices and plans: 一、 > （一） > 1. > （1） > ①, numbered sections 1.1.2,
  附件 / 附表 / 附录, 附则, 目录, 专栏;
* official-document furniture: 文号 X〔YYYY〕N号, dates (2021年11月3日, 二〇二一年十一月三日).

Patterns that match a whole line start with `LEAD` (optional Markdown `#`s and spaces);
patterns that find a reference inside running text have no anchor.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kb.text.numerals import CN_NUM_CHARS, cn_to_int, int_to_cn, to_halfwidth_digits

# ------------------------------------------------------------------------------ fragments
CN_DIGITS = "〇零○一二两三四五六七八九"
NUM = rf"[0-9０-９{CN_NUM_CHARS}]+"  # a number in any script
SMALL_NUM = "一二三四五六七八九十百"  # outline markers (一、 …一百、) never use 千/万/两
HSPACE = r"[^\S\r\n]"  # whitespace but a line break (PDFs emit \u2002, \u3000 …)
LEAD = rf"^{HSPACE}*(?:#+{HSPACE}*)?"  # start of a heading line; Markdown marks are not part of it

# Words that may follow 第X条 in running text without it being an article heading
# (第三条的规定, 第三条规定的, 第三条之一 …): a heading line is 第X条 then a space or the body.
_NOT_AFTER_HEADING = "的规之、，。中第至款项和或及"

# ------------------------------------------------------------------------------ legal units
UNIT_KIND = {"编": "part", "章": "chapter", "节": "division", "条": "article", "款": "paragraph", "项": "item",
             "目": "subitem"}

LEGAL_HEADING_RE = re.compile(rf"{LEAD}第{HSPACE}*({NUM}){HSPACE}*([编章节])(?:{HSPACE}*(.*?))?{HSPACE}*$")
"""A 第X编 / 第X章 / 第X节 heading line: groups (number, unit, name)."""

ARTICLE_LINE_RE = re.compile(rf"{LEAD}第{HSPACE}*({NUM}){HSPACE}*条(?:之({NUM}))?(.?)")
"""A line that starts with 第X条(之Y): groups (number, sub-number, the next character)."""

ARTICLE_HEADING_RE = re.compile(rf"{LEAD}第({NUM})条(?:之({NUM}))?(?:{HSPACE}+|$|(?![{_NOT_AFTER_HEADING}]))")
"""An article heading at the start of a line (not 第三条的规定 quoted at a line start)."""

ARTICLE_PREFIX_RE = re.compile(rf"^\s*第{HSPACE}*{NUM}{HSPACE}*条(?:之{NUM})?(?:{HSPACE}+|(?=[\u4e00-\u9fff（(]))")
"""The 第X条 label at the start of an article's text, with the space after it (to strip it)."""

HEADING_ONLY_RE = re.compile(rf"^\s*(?:#+\s*)?第\s*{NUM}\s*[编章节]\s*\S{{0,30}}$")
"""A line that is only a 第X章 heading (with its name): not part of an article's text."""

ARTICLE_REF_RE = re.compile(
    rf"第\s*(?P<art>{NUM})\s*条(?:\s*之\s*(?P<sub>{NUM}))?"
    rf"(?:\s*第\s*(?P<para>{NUM})\s*款)?(?:\s*第\s*(?P<item>{NUM})\s*项)?"
)
"""第X条(之Y)(第Y款)(第Z项) anywhere in text."""

ARTICLE_RANGE_RE = re.compile(rf"第\s*(?P<a>{NUM})\s*条\s*(?:至|到|—|-|－|~|～)\s*第\s*(?P<b>{NUM})\s*条")
"""第X条至第Y条."""

SELF_DOC_WORDS = ("实施细则", "实施办法", "条例", "办法", "规定", "细则", "决定", "规则", "标准", "通知", "意见",
                  "方案", "规划", "纲要", "指南", "法")
SELF_DOC_RE = re.compile("本(?:" + "|".join(SELF_DOC_WORDS) + ")")
"""本法 / 本条例 / 本办法 …: the document itself."""

RELATIVE_REF_RE = re.compile(
    rf"前(?:[{CN_DIGITS}十]|两)?款|前条|前项|本条|本款|本项|上款|上条|前[{CN_DIGITS}十]条"
)
"""前款 / 前两款 / 前条 / 本条 …: units relative to where the text stands."""

CROSS_DOC_REF_RE = re.compile(rf"《(?P<title>[^《》]{{2,60}})》\s*(?P<ref>第\s*{NUM}\s*条(?:\s*之\s*{NUM})?)")
"""《其他法》第X条."""

REF_VERB_RE = re.compile(r"(?P<verb>依照|按照|依据|根据|违反|适用|参照)(?P<body>[^，。；]{0,60}?)(?:的)?规定")
"""依照 / 按照 / 违反 … 规定: how a reference is used (the penalty articles say 违反)."""

# ------------------------------------------------------------------------------ outlines
@dataclass(frozen=True)
class OutlineLevel:
    level: int
    name: str
    pattern: re.Pattern[str]  # groups: (number, rest of the line)
    arabic: bool  # the number is written in Arabic digits


OUTLINE_LEVELS: tuple[OutlineLevel, ...] = (
    OutlineLevel(0, "一、", re.compile(rf"{LEAD}([{SMALL_NUM}]+)[、．]{HSPACE}*(.*)$"), False),
    OutlineLevel(1, "（一）", re.compile(rf"{LEAD}[（(]([{SMALL_NUM}]+)[）)]{HSPACE}*(.*)$"), False),
    OutlineLevel(2, "1.", re.compile(rf"{LEAD}(\d{{1,2}})(?:[.．](?!\d)|、){HSPACE}*(.*)$"), True),
    OutlineLevel(3, "（1）", re.compile(rf"{LEAD}[（(](\d{{1,2}})[）)]{HSPACE}*(.*)$"), True),
    OutlineLevel(4, "①", re.compile(rf"{LEAD}([①-⑳])(?:{HSPACE}*)(.*)$"), False),
)
"""The outline of notices and plans, top to bottom: 一、 > （一） > 1. > （1） > ①."""

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

ITEM_START_RE = re.compile(rf"^\s*(?:[（(][{SMALL_NUM}]+[）)]|[{SMALL_NUM}]+、|\d{{1,2}}[.、)）](?!\d)|[（(]\d{{1,2}}[）)]|[①-⑳])")
"""A list item at the start of a line, of any outline level (inside an article: 项)."""

NUMBERED_SECTION_RE = re.compile(rf"{LEAD}(\d{{1,2}}(?:\.\d{{1,2}}){{0,3}}){HSPACE}+(\S.*?){HSPACE}*$")
"""1 / 1.1 / 1.1.1 section headings of papers and standards: groups (number, title)."""

ANNEX_RE = re.compile(
    rf"{LEAD}(附件|附表|附录)(?:{HSPACE}*([0-9０-９A-Z一二三四五六七八九十]+))?{HSPACE}*(?:[:：.．、]|{HSPACE}|$)(.*)$"
)
"""附件 / 附件1 / 附表一 / 附录A heading lines: groups (word, number, rest)."""

ANNEX_SHORT_RE = re.compile(rf"{LEAD}附{HSPACE}*[:：](.*)$")
"""附：… (a list of annexes after the body)."""

SUPPLEMENTARY_RE = re.compile(rf"{LEAD}附{HSPACE}*则{HSPACE}*$")
"""附则 standing alone (a chapter name without 第X章)."""

TOC_RE = re.compile(rf"{LEAD}目{HSPACE}*录{HSPACE}*$")
"""目录: a table of contents follows."""

COLUMN_BOX_RE = re.compile(rf"{LEAD}专栏{HSPACE}*([0-9０-９一二三四五六七八九十]+)?{HSPACE}*[:：]?{HSPACE}*(.*)$")
"""专栏 3 …: an information box of a plan."""

# ------------------------------------------------------------------------------ official documents
DOC_NUMBER_RE = re.compile(r"([\u4e00-\u9fff]{1,12})\s*[〔\[【(（]\s*(\d{4})\s*[〕\]】)）]\s*(\d{1,5})\s*号")
"""文号 工信部节〔2021〕123号: groups (issuer code, year, number)."""

DATE_RE = re.compile(
    r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"
    rf"|(?P<cy>[{CN_DIGITS}]{{4}})\s*年\s*(?P<cm>[{CN_DIGITS}十]{{1,2}})\s*月\s*(?P<cd>[{CN_DIGITS}十]{{1,3}})\s*日"
)
"""A full date, 2021年11月3日 or 二〇二一年十一月三日 (full-width digits: fold them first)."""

YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")


# ------------------------------------------------------------------------------ readers
def number(text: str) -> int | None:
    """The value of a numeral in any script ('五十三', '53', '５３', '两千'), or None."""
    try:
        return cn_to_int(text)
    except ValueError:
        return None


def article_label(n: int, sub: int = 0) -> str:
    """53 → '第五十三条'; (53, 1) → '第五十三条之一' (how locators are written)."""
    return f"第{int_to_cn(n)}条" + (f"之{int_to_cn(sub)}" if sub else "")


@dataclass(frozen=True)
class ArticleRef:
    """A 第X条(之Y)(第Y款)(第Z项) reference found in text."""

    article: int
    sub: int = 0
    paragraph: int = 0
    item: int = 0
    start: int = 0
    end: int = 0

    @property
    def locator(self) -> str:
        """The article's locator as chunks carry it: 第五十三条(之一)."""
        return article_label(self.article, self.sub)


def find_article_refs(text: str) -> list[ArticleRef]:
    """Every 第X条 reference in `text`, in order (full-width digits allowed)."""
    out: list[ArticleRef] = []
    for m in ARTICLE_REF_RE.finditer(to_halfwidth_digits(text or "")):
        art = number(m.group("art"))
        if not art:
            continue
        out.append(ArticleRef(
            art,
            number(m.group("sub")) or 0 if m.group("sub") else 0,
            number(m.group("para")) or 0 if m.group("para") else 0,
            number(m.group("item")) or 0 if m.group("item") else 0,
            m.start(), m.end(),
        ))
    return out


def outline_marker(line: str) -> tuple[int, int, str, str] | None:
    """(level, number, canonical marker, rest) for an outline line (一、 / （一） / 1. / （1） / ①)."""
    for lv in OUTLINE_LEVELS:
        m = lv.pattern.match(line)
        if not m:
            continue
        raw = m.group(1)
        n = CIRCLED.index(raw) + 1 if raw in CIRCLED else number(raw)
        if not n:
            return None
        marker = {0: f"{int_to_cn(n)}、", 1: f"（{int_to_cn(n)}）", 2: f"{n}.", 3: f"（{n}）", 4: CIRCLED[n - 1]}[lv.level]
        return lv.level, n, marker, m.group(2).strip()
    return None
