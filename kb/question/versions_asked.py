"""Which version of a document a question is about, read from its wording: whether it looks at
older versions (旧版, 修订前), compares them or asks what changed (`is_change`), names a version by its
year (2018年版, 2023年修订的) or the version before a year's revision (2023年修订之前的), and which years
it is about rather than dating a version by (`subject_years`). (What else a question asks for is read in
kb.question.kinds.)
"""
from __future__ import annotations

import re

from kb.text.grammar import NTH_TIME

# A change between versions: a change word and a version word (修订 alone is not a change:
# "2023年修订后…从什么时候开始执行" asks a date).
_CHANGE_WORDS = re.compile(
    r"(有什么|有何|有哪些|哪些|什么)(变化|不同|区别|差异|差别|调整|改动|变动|修改|改变)"
    r"|不一样|不同之处|变化|区别|差异|差别|改动|变动"
    r"|修改了|改了哪些|改了什么|删去了|删除了哪些|新增了|增加了哪些"
    r"|相比|对比|比较|比起|新旧|前后"
    r"|比.{1,20}?(严|宽|高|低|多|少|重|轻|大|小|长|短)了"
    r"|(跟|和|与|同).{1,30}?比"
)
# 以前 / 之前 name an earlier version at the head of a clause or after 跟/与/比 (跟以前比, 之前那个条例) or
# before a text (以前的规定); after a verb or a noun they only date something (入伙以前, 开工之前).
EARLIER_VERSION = (r"(?:(?:^|(?<=[，,。？?；;！!\s跟和与同比较]))(?:以前|之前)"
            r"|(?:以前|之前)的(?:规定|版本|版|条例|办法|法律|法|标准|文件|要求|暂行))")
# 修改 / 修订 name a version when said of a text (修订后, 修改了, 修订的内容), not when something else is
# amended (修改公司章程的决议, 修改合同).
_AMENDED = (r"(?:修订|修正|修改)(?=后|前|以后|以前|了|过|的|版|稿|案|时|之|内容|情况|要点|主要|哪些|什么|[，,。？?；;\s]|$)"
            r"|(?<=[法例定则])(?:修订|修正|修改)")
_VERSION_WORDS = re.compile(
    r"\d{4}\s*年?\s*(版|修订|修正|修改)?|版本|" + _AMENDED + r"|新法|旧法|新版|旧版|老版|" + EARLIER_VERSION
    # (对比两部法律: two laws, not two versions of one)
    + r"|原来|原先|现行|新的|旧的|老的|新旧|前后|两版|两部(?!法律)"
)
# (改了些什么, 修改了啥, 调整了哪些地方: the asker's own words for what changed)
_CHANGE_ALONE = re.compile(r"新旧|(?:修改|修订|修正|改动|调整|改)了(?:些|点|一些)?(?:哪些|什么|啥|哪几)|有哪些(修改|变化|改动)")

# The question looks at versions other than the one in force.
OTHER_VERSIONS_RE = re.compile(
    r"新旧|旧版|旧的|老的|老版|" + EARLIER_VERSION + r"|原来的|修订前|修改前|前后|\d{4}\s*年\s*版|两版|两部|跟以前|与以前|此前|当年"
    r"|比.{0,12}(?:版|年)"
)
# It asks for an older version itself (search prefers the older version of a named law).
OLDER_VERSION_RE = re.compile(r"旧|原来|原先|老的|老版|" + EARLIER_VERSION + r"|(?:修订|修改|修正)(?:之前|以前|前)|废止的|过去")
# What names a version after its year: 2018年版, 2018年那版, 2023年新修订的, 2023年改版后, and a text
# named by it with 新 / 旧 (2023年新条例, 2021年新噪声法) — not a rule on that year's events (2023年法律规定的).
_TEXT_OF_YEAR = r"[\u4e00-\u9fff]{0,6}?(?:法|条例|办法|规定|细则)(?!律|规|人|院|定|官|庭)"
_WHICH_VERSION = r"(?:那一?|这一?|新|最新|旧|老)"  # 2018年那(一)版, 2023年新修订的, 2021年新噪声法
# (2023年大修以后, 2023年再次修订之前: the same act, said with how big or how often)
_VERSION_WORD = r"(?:版|改版|大修|(?:再次|重新|又一次|又)?(?:修订|修正|修改)|改动|改了|修法)"
# A version named by its year: 2018年版, 2018年那版, 2023年新修订的, 2017年的.
# (2023年条例修订以后: the year of a text's revision, the text named between them)
VERSION_YEAR_RE = re.compile(rf"((?:19|20)\d{{2}})\s*年\s*(?:(?:{_WHICH_VERSION}\s*)?(?:{_VERSION_WORD}|第.次修|的)"
                             rf"|{_WHICH_VERSION}{_TEXT_OF_YEAR}|{_TEXT_OF_YEAR}\s*{_VERSION_WORD})")
# The version before a year's revision (2023年修订之前的条例, 2023年条例修改前): the text then in force.
VERSION_BEFORE_RE = re.compile(rf"((?:19|20)\d{{2}})\s*年\s*(?:{_TEXT_OF_YEAR})?\s*(?:再次|重新|又一次|又)?"
                               r"(?:修订|修正|修改|改版|修法|大修)(?:之前|以前|前)")
# The words that name a version, removed before the question's topic words are read.
VERSION_PHRASE_RE = re.compile(
    rf"(?:(?:19|20)\d{{2}}\s*年\s*)?(?:{NTH_TIME})?(?:修订|修正|修改)(?:后|前|以后|以前)的?"
    r"|(?:19|20)\d{2}\s*年\s*版的?|现行的?"
    # 按2017年修正的海洋环保法: a year's amended text named, not its amendment asked about
    rf"|(?:19|20)\d{{2}}\s*年\s*(?:修订|修正|修改)的(?=[\u4e00-\u9fff《]{{0,12}}?(?:法|条例|办法|规定|细则)(?!律|规))"
    # 现在施行的固废法 names the text in force: no question about when it took effect
    r"|(?:现在|目前|当前|如今)(?:正在)?(?:施行|实施|实行|执行|生效|有效)(?:着)?的?"
)
# A year the question is about, as opposed to the year of a version (2023年修订后的…).
# (2018年的臭氧层物质条例 names the 2018 text as 2018年新条例 does; 2021年新出台的噪声法 as well)
_SUBJECT_YEAR_RE = re.compile(rf"(?<!\d)((?:19|20)\d{{2}})\s*年(?!\s*{_WHICH_VERSION}?\s*(?:{_VERSION_WORD}|第|通过|公布|发布|印发|制定|出台|颁布"
                              rf"|{_WHICH_VERSION}{_TEXT_OF_YEAR}|的{_TEXT_OF_YEAR}|{_TEXT_OF_YEAR}\s*{_VERSION_WORD}))")
# the act of that year, however the asker words it (2008年那次调整算修正还是修订)
# (2008年那次是修订还是修正: 那次 alone is the act of that year)
_EVENT_AFTER_YEAR = re.compile(r"^\s*(?:\d{1,2}\s*月\s*\d{1,2}\s*日)?\s*(?:那次|那一次|那回|这次)"
                               # (2000年和2015年的两次改动: the acts of those years, named together)
                               r"|^\s*(?:[和与、及]\s*(?:19|20)\d{2}\s*年)*\s*的?(?:两|几|三|这两|那两|这几|那几)次"
                               r"(?:改动|修改|修订|修正|调整|变动|大修)"
                               r"|^\s*(?:\d{1,2}\s*月\s*\d{1,2}\s*日)?\s*"
                               r"(?:修订|修正|修改|改动|改了|通过|公布|施行|调整|变动)")


# A year the user gives with the act that made the document, as a description of it (2025年示例市
# 印发的…措施, 2023年公布的条例): the question knows the date and asks about something else.
_DATED_DESCRIPTION_RE = re.compile(
    r"(?:(?:19|20)\d{2}\s*年度?[^，,。？?；;]{0,14}?|(?<![\u4e00-\u9fff])(?:新|刚|刚刚|最近|近期|今年))"
    r"(?:印发|发布|公布|出台|通过|施行|制定|颁布)的(?=[\u4e00-\u9fff“《\"])"
)


def without_dated_description(text: str) -> str:
    """`text` without the descriptions of a document by its date (for the date cues)."""
    return _DATED_DESCRIPTION_RE.sub(" ", text)


def is_change(text: str) -> bool:
    """True when the question asks how a law changed between versions."""
    if _CHANGE_ALONE.search(text):
        return True
    text = _WHEN_CHANGED.sub(" ", text)  # (最近一次改动是哪天 asks a date, not what changed)
    return bool(_CHANGE_WORDS.search(text) and _VERSION_WORDS.search(text))


_WHEN_CHANGED = re.compile(r"(?:修改|修订|修正|改动|调整|变动)(?:是|在|发生在|定在)?(?:哪一?天|哪一?年|何时|什么时候)")


def subject_years(text: str) -> list[str]:
    """Years the question is about — not the year of a law version (2023年修订后的…)."""
    out = []
    for m in _SUBJECT_YEAR_RE.finditer(text):
        if _EVENT_AFTER_YEAR.match(text[m.end() : m.end() + 16]):
            continue
        out.append(m.group(1))
    return out
