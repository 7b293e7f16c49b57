"""What a question asks about a document itself rather than about a rule in it: its own dates (the
header lines: 哪天通过的, 修改过几次), who issued it (由哪些部门联合发布的), and what it says when it is named in
《》 (《X》规定, 《X》把…分成哪几类 — a document that is not indexed cannot answer that). Read by
kb.question.reading; the patterns see the question as written.
"""
from __future__ import annotations

import re

# A question about the document's own dates (its header lines, not an article's deadline).
# Which bodies issued a named text (这个办法是由哪些部门联合发布的): its header names them.
ISSUER_ASKED_RE = re.compile(
    r"(?:法|条例|办法|规定|细则|决定|通知|意见|方案|规划|标准|目录|名录)[^，,。？?]{0,6}?(?:哪些|哪个|哪几个|哪一个|哪家|谁)"
    r"(?:部门|机关|单位|机构)?(?:联合|共同)?(?:发布|公布|颁布|印发|出台|下发|发的)"
    # the text referred to as a whole (那部规定，是谁批准的; 那份通知，是哪个部门发的) and the decree it was issued by
    r"|(?:那部|这部|该|那份|这份)(?:暂行|试行)?(?:法律|法|条例|办法|规定|细则|通知|文件|意见|决定)[，,]?是?由?(?:谁|哪个部门|哪个单位|哪家)"
    r"(?:批准|制定|发布|公布|颁布|印发|下发|发的)"
    r"|以(?:哪个|哪一个|什么|哪家)(?:部门|机关)?的?令(?:发布|公布)"
    # who approved the text itself (办法是经谁批准、由哪家机构发布的): its header names them
    r"|(?:法|条例|办法|规定|细则)[^，,。？?；;]{0,4}?经(?:谁|哪个部门|哪个机关|哪家机构|哪个机构)批准"
    # its document number (文号是多少), which only its header writes
    r"|文号|发文字号"
)
DOCUMENT_DATES_RE = re.compile(
    r"哪一?天(?!开始起?算|起算|算起)|什么时候|何时|哪一年|哪年|时间点|时间节点|沿革|历程|(?:修改|修正|修订|改)过?了?几次|日期|第几号|哪一?号|几号令|令号|起施行|开始施行|开始实施|开始执行|生效|印发"
    # 一共经历了几次修订和修正: the count before the act
    r"|几次(?:修改|修正|修订)"
    r"|通过的|公布的|施行的|" + ISSUER_ASKED_RE.pattern
)

# A when-word alone (哪一年, 什么时候) asks a document's own dates only when the question speaks of a
# text or of an event of one: 哪一年彻底停止生产 asks a date the rules would set for something else,
# which no header line answers.
_GENERIC_WHEN = re.compile(r"哪天|哪一天|什么时候|何时|哪一年|哪年|日期")
_TEXT_OR_ITS_EVENT = re.compile(
    # (违法排污, 依法, 办法 aside: 法 in a word that names no text)
    r"(?<![违合非依执守方做说想看无设])法|条例|办法|细则|决定|通知|意见|方案|规划|标准|文件|版|《|施行|实施|生效|通过|公布|发布|印发|颁布|出台|制定|修|废止"
)


# What a when-word dates when it is followed by a deed of its own (条例规定含氢氯氟烃哪一年要全部淘汰):
# that deed, not the text's adoption — unless the deed is one of the text's (哪一年开始施行).
_TEXT_EVENT_AFTER = re.compile(r"施行|实施|生效|通过|公布|发布|印发|颁布|出台|制定|修|废止|执行|出来|有的")


def _dates_another_deed(text: str, when: re.Match[str]) -> bool:
    tail = re.split(r"[，,。？?；;！!]", text[when.end():], maxsplit=1)[0]
    return len(re.sub(r"[^\u4e00-\u9fff]|的|了|呢|吗|是", "", tail)) >= 2 and not _TEXT_EVENT_AFTER.search(tail)


def asks_document_dates(text: str, loose: bool = False) -> bool:
    """Whether the question asks for a document's own dates (its header lines); `loose`: any
    when-word does."""
    found = list(DOCUMENT_DATES_RE.finditer(text))
    if not found:
        return False
    if loose or not all(_GENERIC_WHEN.fullmatch(m.group(0)) for m in found):
        return True
    return bool(_TEXT_OR_ITS_EVENT.search(text)) and not all(_dates_another_deed(text, m) for m in found)


def content_of_pattern(name: str) -> re.Pattern[str]:
    """A question asks what the document `name` says (not a fact about it): 按照《X》, 《X》规定,
    《X》里/中, 《X》第N条, 原来的《X》对…, 《X》(一共)列了/推荐了/定的目标…."""
    n = re.escape(name)
    return re.compile(
        rf"(?:按照|依照|根据|依据|按|依|原来的|旧的|老的)\s*《{n}》|《{n}》\s*(?:规定|要求|里|中|对|第|明确|怎么|如何|关于|条款|条文|有关)"
        # what it lists, sets or aims at, a few characters on (《X》一共列了, 《X》定的目标)
        rf"|《{n}》[^，,。？?；;]{{0,4}}?(?:推荐|列出|列明|列了|列入|收录|提出|提到|包括|包含|写了|写明|讲了|说了|给出"
        r"|有哪些|有什么|涉及|定的|确定的|设定|目标|指标)"
        # what it bans, allows or lists, a few more characters on (《X》具体禁止了哪些…)
        rf"|《{n}》[^，,。？?；;]{{0,6}}?(?:禁止|允许|限制|哪些)"
        # what it does with a thing (《X》把…标准分成了哪几大类, 《X》将…划为几类)
        rf"|《{n}》\s*(?:把|将)[^，,。？?；;]{{0,16}}?(?:分成|分为|划分|划为|归为|定为|列为|哪几|几)"
    )
