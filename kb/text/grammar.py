"""The grammar of Chinese legal and official text: every pattern, in one place.

Ingest (cleaning, structure, metadata), question reading, answers, diffs and the registers all
read the same few shapes. They are defined here once, from the same numeral set, and every
other module builds on these names instead of spelling its own:

* numbers in any script: 五十三, 一百零五, 两千, 〇, 53, ５３ (`NUM`);
* legal units: 第X编 / 章 / 节 headings, 第X条(之Y) articles, 第Y款, 第Z项, 第N目;
* references: 本法第X条, 本条例第X条第Y款第Z项, 第X条至第Y条, 前款, 前条, 《其他法》第X条,
  and the verbs around them (依照 / 按照 / 违反 …规定);
* outlines of notices and plans: 一、 > （一） > 1. > （1） > ①, numbered sections 1.1.2,
  附件 / 附表 / 附录, 附则, 目录, 专栏, figure and table captions, the named parts of papers;
* official-document furniture: 文号 X〔YYYY〕N号, 令第N号, dates (2021年11月3日, 二〇二一年十一月三日);
* standard numbers of every family: GB/T 32151.5-2015, GB 21256—2024, YS/T …, DB11/T …, T/CECS …,
  ISO 14064-1:2018 (`STANDARD_RE`, read into a typed `StandardRef`).

Patterns that match a whole line start with `LEAD` (optional Markdown `#`s and spaces);
patterns that find a reference inside running text have no anchor. Upper-case names without
`_RE` are fragments (strings) for building context rules elsewhere; `_RE` names are compiled.
A module may add a rule of its own context (clean.py only spaces out a glued heading on a
short line) but builds it from these pieces, never from a numeral set of its own.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, replace

from kb.text.numerals import CN_NUM_CHARS, cn_to_int, int_to_cn, to_halfwidth_digits

# ------------------------------------------------------------------------------ fragments
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

# ------------------------------------------------------------------------------ legal units
UNIT_KIND = {"编": "part", "章": "chapter", "节": "division", "条": "article", "款": "paragraph", "项": "item",
             "目": "subitem"}


def _label(unit: str, n: str = "n") -> str:
    """第 + a number (named group `n`) + `unit` (a character or a group of them), spacing allowed."""
    return rf"第{HSPACE}*(?P<{n}>{NUM}){HSPACE}*{unit}"


def _sub(sub: str = "sub") -> str:
    """之Y after an article label (第五十三条之一), the number in named group `sub`."""
    return rf"(?:{HSPACE}*之{HSPACE}*(?P<{sub}>{NUM}))?"


def _article_no(art: str = "art", sub: str = "sub") -> str:
    """第X条(之Y) with named groups for the number and the sub-number."""
    return _label("条", art) + _sub(sub)


ARTICLE_NO = _article_no()
"""The label 第X条 / 第X条之Y: groups art, sub (numbered 1, 2)."""

LEGAL_LABEL = _label("(?P<unit>[编章节])")
"""The label 第X编 / 第X章 / 第X节: groups n, unit (numbered 1, 2)."""

UNIT_RE = re.compile(_label("(?P<unit>[编章节条款项目])") + _sub())
"""Any unit 第X编 / 章 / 节 / 条(之Y) / 款 / 项 / 目 (fullmatch it for a bare reference)."""

LEGAL_HEADING_RE = re.compile(rf"{LEAD}{LEGAL_LABEL}(?:{HSPACE}*(.*?))?{HSPACE}*$")
"""A 第X编 / 第X章 / 第X节 heading line: groups (number, unit, name)."""

LEGAL_HEADING_START_RE = re.compile(rf"{LEAD}{LEGAL_LABEL}(?![{NOT_AFTER_UNIT}])")
"""A line that opens with a 第X章 label not read as a reference (第二章规定的 is not)."""

LEGAL_HEADING_GLUED_RE = re.compile(rf"^({LEGAL_LABEL})(?=[^\s{NUM_CHARS}{NOT_AFTER_UNIT}])")
"""第一章总则: a 第X章 label glued to its name; group 1 is the label (to space it out)."""

# A heading line: the label, then its name after a space (第三章 审查和批准决算，听取…) or glued
# to it if short and unpunctuated (第一章总则; not 第七节相应改为第八节，…).
_HEADING_LINE = (
    rf"{HSPACE}*(?:#+{HSPACE}*)?{LEGAL_LABEL}(?![{NOT_AFTER_UNIT}])"
    rf"(?:{HSPACE}+[^\n]{{0,60}}|[^\s，。；！？]{{0,30}}{HSPACE}*)"
)

HEADING_ONLY_RE = re.compile(rf"^{_HEADING_LINE}$")
"""A line that is only a 第X章 heading (with its name): not part of an article's text."""

HEADING_LINES_RE = re.compile(rf"^\s*(?:{_HEADING_LINE}\n+)+")
"""The 第X编 / 章 / 节 heading lines at the top of a chunk (carried into its first article)."""

LEGAL_UNIT_START_RE = re.compile(rf"(?m){LEAD}(?:{LEGAL_LABEL}|{ARTICLE_NO})")
"""The first line of a legal body (第X编 / 章 / 节 / 条 at a line start): where the header ends."""

ARTICLE_LINE_RE = re.compile(rf"{LEAD}{ARTICLE_NO}(.?)")
"""A line that starts with 第X条(之Y): groups (number, sub-number, the next character)."""

ARTICLE_HEADING_RE = re.compile(rf"{LEAD}{ARTICLE_NO}(?:{HSPACE}+|$|(?![{NOT_AFTER_UNIT}]))")
"""An article heading at the start of a line (not 第三条的规定 quoted at a line start)."""

ARTICLE_ALONE_RE = re.compile(rf"{LEAD}{ARTICLE_NO}{HSPACE}*$")
"""第X条 alone on its line (its text follows on the next line)."""

ARTICLE_PREFIX_RE = re.compile(rf"^\s*(?:#+\s*)?{ARTICLE_NO}(?:[\s:：.．]+|(?=[\u4e00-\u9fff（(]))")
"""The 第X条 label at the start of an article's text, with the space or colon after it (to strip it)."""

def _item(n: str = "item") -> str:
    """第Z项, also written 第（Z）项: the number in named group `n`."""
    return rf"第{HSPACE}*[（(]?{HSPACE}*(?P<{n}>{NUM}){HSPACE}*[）)]?{HSPACE}*项"


ARTICLE_REF_RE = re.compile(
    rf"{ARTICLE_NO}(?:{HSPACE}*{_label('款', 'para')})?(?:{HSPACE}*{_item()})?"
)
"""第X条(之Y)(第Y款)(第Z项 / 第（Z）项) anywhere in text: groups art, sub, para, item."""

REF_MORE_RE = re.compile(
    rf"{HSPACE}*(?:、|和|及|或者|或){HSPACE}*(?:{_label('款', 'para')}(?:{HSPACE}*{_item()})?|{_item('item2')})"
)
"""A further 款 / 项 of the article just named (第二十七条第二款、第四款; 第（四）项、第（五）项):
match it right after a reference; groups para, item (of that 款) or item2 (a further 项)."""

REF_JOIN_RE = re.compile(rf"{HSPACE}*(?:、|和|及|以及|或者|或|与|至|到)?{HSPACE}*")
"""What may stand between two references of one list (第七条、第八条; 第十条和第十二条): the
later ones take the document of the first (fullmatch the text between them)."""

ARTICLE_RANGE_RE = re.compile(
    rf"{_article_no('a', 'a_sub')}{HSPACE}*(?:至|到|—|-|－|~|～){HSPACE}*{_article_no('b', 'b_sub')}"
)
"""第X条至第Y条: groups a, a_sub, b, b_sub."""

NTH_TIME = _label("次", "nth")
"""第N次 (第三次修正, 第10次常务会议): group nth."""

SELF_DOC_WORDS = ("实施细则", "实施办法", "条例", "办法", "规定", "细则", "决定", "规则", "标准", "通知", "意见",
                  "方案", "规划", "纲要", "指南", "法")
_SELF_DOC = "(?<![基根资成文样版日剧课书账副正原标范蓝脚读底股])本(?:" + "|".join(SELF_DOC_WORDS) + ")"
SELF_DOC_RE = re.compile(_SELF_DOC)
"""本法 / 本条例 / 本办法 …: the document itself (not the 本 of 基本法律, 成本办法)."""

SELF_DOC_END_RE = re.compile(rf"{_SELF_DOC}{HSPACE}*$")
"""Text ending with 本法 / 本条例 …: the reference that follows is to the document itself."""

RELATIVE_REF_RE = re.compile(
    rf"(?P<rel>前(?:(?P<n>[{CN_DIGITS}十])(?=[款条项](?:的?规定|所列|所称|所述|情形|第|中|和|、))|)(?P<unit>[款条项])"
    rf"|上(?P<unit2>[款条项])|本(?P<unit3>[条款项])(?!例))"
)
"""前款 / 前两款 / 前条 / 前项 / 上款 / 本条 …: units relative to where the text stands (not the
本条 of 本条例; 前三项 only as a reference — 前三项规定的, not 对前三项污染物征税): groups rel,
n (前两款), unit / unit2 / unit3."""

BOOK_TITLE_RE = re.compile(r"《(?P<title>[^《》]{2,60})》")
"""《…》: the title of a document named in running text."""

BOOK_TITLE_END_RE = re.compile(rf"《(?P<title>[^《》]{{2,60}})》{HSPACE}*$")
"""Text ending with 《…》: the reference that follows is to that document."""

CROSS_DOC_REF_RE = re.compile(rf"《(?P<title>[^《》]{{2,60}})》{HSPACE}*(?P<ref>{ARTICLE_NO})")
"""《其他法》第X条: groups title, ref (and art, sub)."""

REF_VERB_RE = re.compile(
    r"(?P<verb>(?:未|不)?(?:依照|按照|依据|根据|违反|适用|参照|符合|按))(?P<body>[^，。；]{0,60}?)(?:的)?规定"
)
"""依照 / 按照 / 违反 / 未按照 / 不符合 … 规定: how a reference is used (the penalty articles say
违反, 未按照, 不符合 for the duty they enforce)."""

BREACH_VERBS = ("违反", "未依照", "未按照", "未按", "不符合", "不按照", "不依照")
"""Verbs with which a penalty names the duty it enforces."""


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

ITEM_START_RE = re.compile(
    rf"^\s*(?:[{SMALL_NUM}]+[、．]|[（(][{SMALL_NUM}]+[）)]|\d{{1,2}}(?:[.．](?!\d)|[、)）])|[（(]\d{{1,2}}[）)]|[①-⑳])"
)
"""A list item at the start of a line, of any outline level, or 1) / 1） (inside an article: 项)."""

BULLET_RE = re.compile(rf"^{HSPACE}*[-*+•●▪]{HSPACE}+\S")
"""A bulleted line (- / • / ● …) of Markdown or a converted list."""

SECTION_NO = r"\d{1,2}(?:\.\d{1,2}){0,3}"
"""A section number 1 / 1.1 / 1.1.1 / 1.1.1.1."""

NUMBERED_SECTION_RE = re.compile(rf"{LEAD}({SECTION_NO}){HSPACE}+(\S.*?){HSPACE}*$")
"""1 / 1.1 / 1.1.1 section headings of papers and standards: groups (number, title)."""

ANNEX_RE = re.compile(
    rf"{LEAD}(附件|附表|附录)(?:{HSPACE}*([0-9０-９A-Z一二三四五六七八九十]+))?{HSPACE}*(?:[:：.．、]|{HSPACE}|$)(.*)$"
)
"""附件 / 附件1 / 附表一 / 附录A heading lines: groups (word, number, rest)."""

ANNEX_SHORT_RE = re.compile(rf"{LEAD}附{HSPACE}*[:：](.*)$")
"""附：… (a list of annexes after the body)."""

ANNEX_LABEL = r"附件\d*"
"""附件 / 附件1 as a bare label (after which a space is kept)."""

SUPPLEMENTARY_RE = re.compile(rf"{LEAD}附{HSPACE}*则{HSPACE}*$")
"""附则 standing alone (a chapter name without 第X章)."""

TOC_WORD = rf"目{HSPACE}*录"
TOC_RE = re.compile(rf"{LEAD}{TOC_WORD}{HSPACE}*$")
"""目录: a table of contents follows."""

COLUMN_BOX_RE = re.compile(rf"{LEAD}专栏{HSPACE}*([0-9０-９一二三四五六七八九十]+)?{HSPACE}*[:：]?{HSPACE}*(.*)$")
"""专栏 3 …: an information box of a plan."""

CAPTION_LABEL = r"[图表]\d+(?:[-.．]\d+)*"
CAPTION_RE = re.compile(rf"^[图表]{HSPACE}*\d+(?:[-.．]\d+)*(?:\s|$)")
"""图1 / 表2-1 …: a figure or table caption line."""

PAPER_SIGNS = r"摘\s*要|关键词|关键字|引\s*言|参考文献|Abstract|ABSTRACT|Keywords|Key\s*words"
"""Named parts that only papers have (two of them at line starts make a document a paper)."""
PAPER_PARTS = rf"{PAPER_SIGNS}|前\s*言|结\s*论|结\s*语|致\s*谢|KEYWORDS|References|REFERENCES"
PAPER_PART_RE = re.compile(rf"{LEAD}(?:\d{{1,2}}{HSPACE}+)?({PAPER_PARTS}){HSPACE}*([:：]?)(.*)$")
"""引言 / 结论 / 参考文献 / 摘要：… / Abstract: … lines: groups (name, colon, rest)."""

# ------------------------------------------------------------------------------ official documents
DOC_NUMBER_RE = re.compile(r"([\u4e00-\u9fff]{1,12})\s*[〔\[【(（]\s*(\d{4})\s*[〕\]】)）]\s*(\d{1,5})\s*号")
"""文号 工信部节〔2021〕123号 / 国办发[2020]5号: groups (issuer code, year, number)."""

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


# ------------------------------------------------------------------------------ standard numbers
SECTOR_CODES = (
    "AQ BB CB CH CJ CJJ CY DA DL DZ EJ FZ GA GH GM GY HB HG HJ HS HY JB JC JG JGJ JJF JJG JR JT JY LB LD LS LY "
    "MH MT MZ NB NY QB QC QJ QX RB SB SC SF SH SJ SL SN SW SY TB TD TY WB WH WJ WM WS WW XB YB YC YD YS YY YZ"
).split()
"""Sector (行业) standard codes; each may carry /T (推荐) or /Z (指导): HJ, HJ/T, YS/T, JGJ/T …"""

_DASH = r"[-—–－―‒]{1,2}"
_SECTOR = "|".join(sorted(SECTOR_CODES, key=len, reverse=True))
STANDARD_RE = re.compile(
    r"(?<![A-Za-z0-9/])(?:"
    rf"(?P<cn>GB|{_SECTOR})(?:{HSPACE}*/{HSPACE}*(?P<cn_sfx>[TZ]))?"  # GB, GB/T, GB/Z, YS/T …
    rf"|(?P<cn_gbt>GBT)"  # GBT 36132 (file names)
    rf"|DB{HSPACE}*(?P<db>\d{{2,6}}){HSPACE}*(?:/{HSPACE}*(?P<db_t>T)?)?"  # DB11/T 1234, DB31/ 795
    rf"|T{HSPACE}*/{HSPACE}*(?P<org>[A-Z]{{2,12}})"  # 团体标准 T/CECS 10001
    r")"
    rf"(?P<gap>{HSPACE}*)(?P<num>\d{{1,6}})(?:{HSPACE}*\.{HSPACE}*(?P<part>\d{{1,3}}(?:\.\d{{1,3}})*))?"
    rf"(?:{HSPACE}*{_DASH}{HSPACE}*(?P<year>\d{{4}}|\d{{2}})(?!\d))?"
    r"(?!\d)(?!\.\d)"
    r"|(?<![A-Za-z0-9])(?P<intl>ISO(?:/IEC)?(?:/(?:TS|TR|PAS))?|IEC)"  # ISO 14001:2015, ISO 14064-1:2018
    rf"{HSPACE}*(?P<inum>\d{{2,6}})(?P<ipart>(?:-\d{{1,3}})*)(?:{HSPACE}*:{HSPACE}*(?P<iyear>\d{{4}}))?(?!\d)"
)
"""A standard number of any family, on text whose full-width forms are folded (`fold_ascii`):
national GB / GB/T / GB/Z, sector codes (SECTOR_CODES, with /T or /Z), local DBxx(/T), group
T/ORG, and ISO / IEC / ISO/IEC. Year and part variants: 32151.5-2015, 21256—2024, 14064-1:2018."""

STANDARD_KINDS = ("国家标准", "行业标准", "地方标准", "团体标准", "国际标准")

_FULLWIDTH_ASCII = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_ASCII_UPPER = {c: c - 32 for c in range(ord("a"), ord("z") + 1)}


def fold_ascii(text: str) -> str:
    """Full-width ASCII forms (ＧＢ／Ｔ　３６１３２－２０１８) as ASCII; the length is unchanged, so
    positions found in the folded text hold in the original."""
    return text.translate(_FULLWIDTH_ASCII)


@dataclass(frozen=True)
class StandardRef:
    """A standard number read from text: GB/T 32151.5-2015 is family GB/T, number 32151, part 5,
    year 2015. `base` names the standard across its editions, `code` one edition."""

    family: str  # GB/T | GB | YS/T | DB11/T | T/CECS | ISO/IEC …
    number: str
    part: str = ""
    year: str = ""  # four digits, "" when the text gives none
    start: int = dataclasses.field(default=0, compare=False)
    end: int = dataclasses.field(default=0, compare=False)

    @property
    def international(self) -> bool:
        return self.family.startswith(("ISO", "IEC"))

    @property
    def base(self) -> str:
        """The standard without its year: GB/T 32151.5, ISO 14064-1."""
        if self.international:
            return f"{self.family} {self.number}" + (f"-{self.part}" if self.part else "")
        slash = "/" if self.family.startswith("DB") and not self.family.endswith("/T") else ""  # DB31/ 795
        return f"{self.family}{slash} {self.number}" + (f".{self.part}" if self.part else "")

    @property
    def code(self) -> str:
        """One edition as it is written canonically: GB/T 32151.5-2015, ISO 14001:2015."""
        if not self.year:
            return self.base
        return self.base + (f":{self.year}" if self.international else f"-{self.year}")

    @property
    def kind(self) -> str:
        """国家标准 / 行业标准 / 地方标准 / 团体标准 / 国际标准 (one of STANDARD_KINDS)."""
        if self.international:
            return "国际标准"
        if self.family.startswith("DB"):
            return "地方标准"
        if self.family.startswith("T/"):
            return "团体标准"
        return "国家标准" if self.family.split("/")[0] == "GB" else "行业标准"

    def with_year(self, year: str) -> "StandardRef":
        return dataclasses.replace(self, year=year)


def _standard_ref(m: re.Match[str]) -> StandardRef | None:
    if m.group("intl"):
        year = m.group("iyear") or ""
        return StandardRef(m.group("intl"), m.group("inum"), m.group("ipart").lstrip("-").replace("-", "."),
                           year, m.start(), m.end())
    if m.group("cn"):
        family = m.group("cn") + (f"/{m.group('cn_sfx')}" if m.group("cn_sfx") else "")
    elif m.group("cn_gbt"):
        family = "GB/T"
    elif m.group("db"):
        family = f"DB{m.group('db')}" + ("/T" if m.group("db_t") else "")
    else:
        family = f"T/{m.group('org')}"
    num, year = m.group("num"), m.group("year") or ""
    if len(year) == 2:  # GB 3095-82: editions before 2000 wrote two digits
        year = ("19" if int(year) >= 50 else "20") + year
    if year and not 1950 <= int(year) <= 2100:
        return None
    if m.group("cn") and not m.group("cn_sfx") and not m.group("gap") and len(num) < 3 and not year:
        return None  # CH4, SF6: chemical formulas, not 测绘 / 司法 standards
    return StandardRef(family, num, m.group("part") or "", year, m.start(), m.end())


def find_standard_refs(text: str, any_case: bool = False) -> list[StandardRef]:
    """Every standard number in `text`, in order (full-width forms and any dash allowed;
    `any_case`: gb/t 36132 too, as users type them in questions)."""
    folded = fold_ascii(text or "")
    if any_case:
        folded = folded.translate(_ASCII_UPPER)
    out: list[StandardRef] = []
    for m in STANDARD_RE.finditer(folded):
        ref = _standard_ref(m)
        if ref is not None:
            out.append(ref)
    return out


def read_standard(text: str) -> StandardRef | None:
    """The first standard number in `text` (a table cell, a command-line argument), or None."""
    refs = find_standard_refs(text)
    return refs[0] if refs else None

# ------------------------------------------------------------------------------ duties and sanctions
QTY = rf"[0-9０-９.]+[千万亿]?|[{CN_NUM_CHARS}]+"
"""A quantity as the sanctions and thresholds write it: 20万, 5千, 3.5万, 一万, 五千 (read: `quantity`)."""

OBLIGATION_RE = re.compile(r"应当|必须|不得|禁止|严禁")
"""The words that make a sentence a duty or a prohibition."""

FORBID_LEAD_RE = re.compile(r"^(?:禁止|严禁)")
"""A prohibition without a subject (禁止生产…): it binds everyone."""

DEADLINE_DUTY_RE = re.compile(rf"(?:于|在)每年{NUM}月(?:{NUM}日|底|末)?(?:之)?前[^，。；]{{0,30}}(?:报送|提交|报告|公布|公开|申报)")
"""A prescribed act with a deadline and no 应当 (…单位在每年3月底前向…报送…)."""

ENERGY_THRESHOLD_RE = re.compile(
    rf"年(?:综合)?能源消费(?:总)?量(?P<lo>{QTY})吨(?:标准煤)?以上(?:不满|不足|至)?(?:(?P<hi>{QTY})吨(?:标准煤)?(?:以下)?)?"
)
"""年综合能源消费总量五千吨以上不满一万吨标准煤 / …一万吨标准煤以上: groups lo, hi (tce)."""

WATER_THRESHOLD_RE = re.compile(rf"年(?:用|取)水(?:总)?量(?P<lo>{QTY})立方米以上")
"""年用水量十万立方米以上: group lo (m³)."""

FREQUENCY_RE = re.compile(rf"每(?:{NUM})?(?:个)?(?:年|季度|半年|月|周)(?:{NUM}次)?|定期")
"""每年 / 每季度 / 每三年 / 定期: how often a duty recurs."""

DEADLINE_RE = re.compile(
    rf"每年{NUM}月(?:{NUM}日|底|末)?(?:之)?前|(?:自|在)[^，。；、]{{0,16}}?之日起{NUM}(?:个工作|个)?日内"
    rf"|[^，。；、应当于]{{0,12}}届满{NUM}日前|(?:立即|及时)(?=[\u4e00-\u9fff])"
)
"""每年3月底前 / 自变更之日起30日内 / 有效期届满60日前 / 立即: by when a duty is due."""

AUTHORITY_TO_RE = re.compile(
    r"(?:向|报(?=[^，。；]{2,30}?备案))(?P<who>[^，。；向]{2,40}?(?:部门|机关|机构|人民政府|平台))(?:和[^，。；]{2,24}?部门)?"
)
"""向…部门报送 / 报…部门备案: the authority a duty is owed to."""

AUTHORITY_BY_RE = re.compile(r"由(?P<who>[^，。；由]{2,40}?(?:部门|机关|机构|人民政府|海关))")
"""由…部门责令 / 处: the authority that imposes a sanction."""

SANCTION_RE = re.compile(r"罚款|责令|吊销|没收|警告|拘留|处分|处罚|撤销|追究[^，。；]{0,12}责任|停产整治|停业|关闭|不予受理")
"""What a penalty clause imposes."""

FINE_RE = re.compile(r"处(?P<amount>[^，。；处]{1,40}?)的?罚款")
"""处一万元以上五万元以下罚款 / 处每次5千元以上2万元以下的罚款: group amount."""

FINE_BOUND_RE = re.compile(rf"(?P<n>{QTY})元(?P<side>以上|以下)")
"""One bound of a fine: 一万元以上 / 20万元以下."""

ESCALATION_RE = re.compile(r"^(?:逾期|拒不|情节严重|情节特别严重|造成|有违法所得|构成犯罪|并处|可以并处)")
"""A clause that continues a sanction (逾期不改正的，处…) rather than naming a new conduct."""


# ------------------------------------------------------------------------------ readers
def quantity(text: str) -> float | None:
    """'20万' → 200000, '5千' → 5000, '3.5万' → 35000, '一万' → 10000, '五千' → 5000; None if unreadable."""
    t = to_halfwidth_digits((text or "").strip())
    m = re.fullmatch(r"([0-9.]+)([千万亿]?)", t)
    if m:
        try:
            return float(m.group(1)) * {"": 1, "千": 1e3, "万": 1e4, "亿": 1e8}[m.group(2)]
        except ValueError:
            return None
    n = number(t)
    return float(n) if n is not None else None


def number(text: str) -> int | None:
    """The value of a numeral in any script ('五十三', '53', '５３', '两千'), or None."""
    try:
        return cn_to_int(text)
    except ValueError:
        return None


def article_label(n: int, sub: int = 0) -> str:
    """53 → '第五十三条'; (53, 1) → '第五十三条之一' (how locators are written)."""
    return f"第{int_to_cn(n)}条" + (f"之{int_to_cn(sub)}" if sub else "")


def normalize_article_ref(ref: str) -> str:
    """'第53条' → '第五十三条', '第 5 章' → '第五章', '第53条之1' → '第五十三条之一'.

    Returns the input stripped when it is not such a reference.
    """
    m = UNIT_RE.fullmatch(ref.strip())
    if not m:
        return ref.strip()
    n, sub = number(m.group("n")), number(m.group("sub")) if m.group("sub") else 0
    if n is None or sub is None:
        return ref.strip()
    return f"第{int_to_cn(n)}{m.group('unit')}" + (f"之{int_to_cn(sub)}" if sub else "")


def article_number(ref: str) -> tuple[int, int]:
    """Sort key of a reference: '第五十三条之一' → (53, 1), '第五十三条' → (53, 0).

    Raises ValueError when `ref` is not a 第X条 / 章 / … reference.
    """
    m = UNIT_RE.fullmatch(ref.strip())
    if not m:
        raise ValueError(f"not an article reference: {ref!r}")
    return cn_to_int(m.group("n")), cn_to_int(m.group("sub")) if m.group("sub") else 0


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
    """Every 第X条 reference in `text`, in order (full-width digits allowed; 第〇条 is none)."""
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


@dataclass(frozen=True)
class Reference:
    """A reference in running text, read but not resolved (kb.registers.references resolves it).

    kind: article (第X条…), range (第X条至第Y条), relative (前款, 前两款, 前条, 本条 …) or
    document (依照《其他法》的规定, no article). scope: self (本法 / 本条例 … before it), title
    (《…》 before it) or '' (unqualified: the document it stands in). A reference continued by
    a list (本法第七条、第八条; 《X》第六条、第九条) takes the scope of the first.
    """

    kind: str
    start: int
    end: int
    text: str
    scope: str = ""
    title: str = ""
    article: tuple[int, int] = (0, 0)  # (number, 之-number)
    last: tuple[int, int] = (0, 0)  # the end of a range
    paragraphs: tuple[int, ...] = ()  # 第Y款 (第二款、第四款: two)
    items: tuple[int, ...] = ()  # 第Z项
    unit: str = ""  # relative: 款 | 条 | 项
    count: int = 0  # relative: how many units back (前两款: 2); 0 for 本条 / 本款
    verb: str = ""  # 违反 / 依照 / 未按照 … governing the reference

    @property
    def breach(self) -> bool:
        """The text names the reference as a duty broken (违反 / 未按照 / 不符合 …)."""
        return self.verb in BREACH_VERBS


def _n(s: str | None) -> int:
    return (number(s) or 0) if s else 0


def find_references(text: str) -> list[Reference]:
    """Every reference in `text`, in order: article numbers (with their 款 / 项 and the
    continuation 、第四款), ranges, relative units and documents named by a verb (依照《X》的规定)."""
    t = to_halfwidth_digits(text or "")
    verbs = [(m.start("body"), m.end("body"), m.group("verb")) for m in REF_VERB_RE.finditer(t)]

    def verb_of(a: int, b: int) -> str:
        return next((v for s, e, v in verbs if s <= a and b <= e), "")

    found: list[Reference] = []
    ranges = [m for m in ARTICLE_RANGE_RE.finditer(t) if _n(m["a"]) and _n(m["b"])]
    for m in ranges:
        found.append(Reference("range", m.start(), m.end(), m.group(0), article=(_n(m["a"]), _n(m["a_sub"])),
                               last=(_n(m["b"]), _n(m["b_sub"]))))
    for m in ARTICLE_REF_RE.finditer(t):
        if not _n(m["art"]) or any(r.start() <= m.start() < r.end() for r in ranges):
            continue
        paras, items, end = [_n(m["para"])] if m["para"] else [], [_n(m["item"])] if m["item"] else [], m.end()
        while more := REF_MORE_RE.match(t, end):
            if more["para"]:
                paras.append(_n(more["para"]))
            if more["item"] or more["item2"]:
                items.append(_n(more["item"] or more["item2"]))
            end = more.end()
        found.append(Reference("article", m.start(), end, t[m.start():end], article=(_n(m["art"]), _n(m["sub"])),
                               paragraphs=tuple(paras), items=tuple(items)))
    found.sort(key=lambda r: r.start)
    scoped: list[Reference] = []
    for r in found:
        before = t[: r.start]
        scope, title = "", ""
        if tm := BOOK_TITLE_END_RE.search(before):
            scope, title = "title", tm["title"]
        elif SELF_DOC_END_RE.search(before):
            scope = "self"
        elif scoped and REF_JOIN_RE.fullmatch(t[scoped[-1].end : r.start]):
            scope, title = scoped[-1].scope, scoped[-1].title
        scoped.append(replace(r, scope=scope, title=title, verb=verb_of(r.start, r.end)))
    taken = [(r.start, r.end) for r in scoped]
    for m in RELATIVE_REF_RE.finditer(t):
        if any(a <= m.start() < b for a, b in taken):
            continue
        unit = m["unit"] or m["unit2"] or m["unit3"]
        count = 0 if m["unit3"] else (_n(m["n"]) if m["n"] else 1)
        scoped.append(Reference("relative", m.start(), m.end(), m.group(0), unit=unit, count=count,
                                verb=verb_of(m.start(), m.end())))
    for s, e, v in verbs:  # 依照《其他法》的规定: a document without an article
        for tm in BOOK_TITLE_RE.finditer(t, s, e):
            if not CROSS_DOC_REF_RE.match(t, tm.start()):
                scoped.append(Reference("document", tm.start(), tm.end(), tm.group(0), scope="title",
                                        title=tm["title"], verb=v))
    return sorted(scoped, key=lambda r: r.start)


_OUTLINE_MARKER = (  # canonical marker of an outline level, from its number
    lambda n: f"{int_to_cn(n)}、", lambda n: f"（{int_to_cn(n)}）", lambda n: f"{n}.", lambda n: f"（{n}）",
    lambda n: CIRCLED[n - 1],
)


def article_refs_as_written(text: str) -> list[str]:
    """Every 第X条(之Y)(第Y款)(第Z项) in `text` as it is written there ('第53条第2款')."""
    return [m.group(0) for m in ARTICLE_REF_RE.finditer(text or "")]


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
        return lv.level, n, _OUTLINE_MARKER[lv.level](n), m.group(2).strip()
    return None


def starts_with_quantity(text: str) -> bool:
    """'万元以下…', '年以来…': text that, after a number, makes the number a quantity."""
    return text[:1] in QUANTITY_UNITS if text else False


def numbered_section(line: str) -> tuple[tuple[int, ...], str] | None:
    """((1, 2), '标题') for a '1.2 标题' line; None for '3.5 万吨', '12 个行业', '1 2 3'."""
    m = NUMBERED_SECTION_RE.match(line)
    if not m:
        return None
    title = m.group(2)
    if starts_with_quantity(title) or re.match(r"^[\d.．]", title):
        return None
    return tuple(int(x) for x in m.group(1).split(".")), title


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
