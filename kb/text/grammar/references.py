"""References in running text: 本法第X条, 本条例第X条第Y款第Z项, 第X条至第Y条, 前款, 前条,
《其他法》第X条, the verbs around them (依照 / 按照 / 违反 …规定), and their readers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from kb.text.grammar._labels import _article_no, _label
from kb.text.grammar.fragments import CN_DIGITS, HSPACE, NUM, number
from kb.text.grammar.units import ARTICLE_NO, article_label
from kb.text.numerals import to_halfwidth_digits

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

REF_WHOLE_DOC_RE = re.compile(r"(?P<verb>适用|依照|按照|参照)(?P<body>《[^《》]{2,60}》)(?:执行|办理)?(?=[。；;]|\s*$)")
"""…，适用《X》。 / …依照《X》执行。: a matter left to another document as a whole, with no 规定."""

BREACH_VERBS = ("违反", "未依照", "未按照", "未按", "不符合", "不按照", "不依照")
"""Verbs with which a penalty names the duty it enforces."""



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
    verbs += [(m.start("body"), m.end("body"), m.group("verb")) for m in REF_WHOLE_DOC_RE.finditer(t)
              if not any(s <= m.start("body") < e for s, e, _ in verbs)]

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



def article_refs_as_written(text: str) -> list[str]:
    """Every 第X条(之Y)(第Y款)(第Z项) in `text` as it is written there ('第53条第2款')."""
    return [m.group(0) for m in ARTICLE_REF_RE.finditer(text or "")]
