"""The lead of a question asking for a list (哪些、哪几类): an enumeration, and a list of the thing
asked before a list of anything else (kb.answers.leads.lead_for applies it)."""
from __future__ import annotations

import re

from kb.answers.lead_search import LEAD_LOOKAHEAD, LIST_LOOKAHEAD, enumerates, next_of_same_document
from kb.answers.scoring import CUE_PATTERNS, Scored
from kb.answers.units import Unit
from kb.text.roles import Role, roles
from kb.types import SearchHit


# Three or more things named in one sentence (应当配备油水分离设施、含油污水处理设备、排油监控装置;
# 经过中间试验、环境释放和生产性试验三个阶段): a list too, though it has no 下列 or （一）.
_INLINE_LIST = re.compile(r"[^。；、，]{2,24}(?:、[^。；、，]{2,24}){2,}"
                          # (items of three characters or more: 时间、地点和种类 names attributes, not things)
                          r"|[^。；、，]{3,24}(?:、[^。；、，]{3,24})+?(?:和|及|以及|或者)[^。；、，和及或]{3,24}")


# What a list question asks to be listed: the words after 哪些 / 哪几类 up to the verb (哪些进口药品必须…,
# 哪几类企业开工…, 哪些县和旗); its first and its last two characters stand for it (进口, 药品), and a
# one-character noun joined by 和 stands alone (县, 旗). Words that name no kind of thing (情况, 情形)
# are left to the other rules.
_LISTED = re.compile(r"(?:哪些|哪几类|哪几种|哪几个|哪几项|哪类|哪种)(?!可以|能|要|必须|需要|不|属于|免|是|应当|会|有)"
                     r"([\u4e00-\u9fff]{1,8}?)"
                     r"(?=必须|需要|要|应当|应该|可以|能|才|在|被|下|属于|免|不|会|是|有|得|经|进行|办理|[？?，,。]|$)")
_NOT_A_KIND = {"情况", "情形", "方面", "内容", "事项", "东西", "地方", "时候", "问题", "规定", "要求", "之前", "以前", "之后", "以后",
               "类别", "种类", "类型"}
# What qualifies the thing listed without naming it (哪些法定内容, 哪些具体事项)
_QUALIFIER = re.compile(r"^(?:法定|具体|主要|必要|基本|相关|有关)(?=[\u4e00-\u9fff]{2})")
_ARTICLE = re.compile(r"^第")  # only among articles: a paper's sections name their topic over and over


# …the thing named just before 哪些 (从境外开进来的船，哪些可以不交…: 船).
_LISTED_BEFORE = re.compile(r"([\u4e00-\u9fff]{1,6})[，,]?(?:其中)?哪些(?=可以|能|要|必须|需要|不|属于|免|是|应当)")


def listed_nouns(question: str) -> tuple[str, ...]:
    """The words standing for what a list question asks to be listed (() when none is named)."""
    m = _LISTED.search(question)
    before = _LISTED_BEFORE.search(question) if not m else None
    if before:
        noun = re.sub(r"(?:当中|之中|里面|中|里)$", "", before.group(1)).split("的")[-1][-2:]
        return (noun,) if noun and noun not in _NOT_A_KIND else ()
    if not m:
        return ()
    phrase = _QUALIFIER.sub("", m.group(1))  # (哪些法定内容: 内容, which names no kind by itself)
    out: list[str] = []
    for two in (phrase[:2], phrase[-2:]):
        word = two[0] if len(two) == 2 and two[1] in "和与及或" else two[1] if two[0] in "和与及或" else two
        if len(phrase) >= 2 and word not in _NOT_A_KIND and word not in out:
            out.append(word)
    return tuple(out)


def topic_list_naming(question: str, terms: tuple[str, ...]) -> re.Pattern[str] | None:
    """A word naming no kind by itself (哪些内容, 哪些事项) does name one after the topic asked about:
    给机关单位做能源审计，要查哪些内容 asks for the list a text introduces as 能源审计的内容包括：.
    None when the question asks for no such word or names no topic."""
    m = _LISTED.search(question)
    if not m or m.group(1)[-2:] not in _NOT_A_KIND:
        return None
    topics = sorted((t for t in terms if len(t) >= 2 and t not in _NOT_A_KIND), key=len, reverse=True)
    if not topics:
        return None
    noun = re.escape(m.group(1)[-2:])
    # (环境影响报告书，应当包括下列内容：)
    return re.compile(rf"(?:{'|'.join(map(re.escape, topics))})(?:的?(?:主要)?{noun}(?:主要)?包括"
                      rf"|[^。；：:]{{0,8}}包括(?:下列|以下|如下){noun})")


def _list_naming(nouns: tuple[str, ...]) -> re.Pattern[str]:
    """Where a text introduces a list of the thing asked by name (下列建设工程, 建设工程包括)."""
    return re.compile("|".join(rf"(?:下列|如下|以下(?!简?称|统称))[^，,。；：:]{{0,12}}{re.escape(n)}|{re.escape(n)}[^，,。；：:]{{0,6}}包括"
                               for n in nouns))


def _lists_noun(units: list[Unit], nouns: tuple[str, ...], named: re.Pattern[str]) -> bool:
    """Whether a passage enumerates the thing asked: a list it introduces by name (`named`: 下列建设工程
    必须…：, 应当符合下列动物防疫条件：, 下列情形的进口药品), or one sentence naming three of it (矿山企业、
    建筑施工企业和…生产企业; 河曲县、保德县、偏关县)."""
    for u in units:
        if named.search(u.text):
            return True
        m = _INLINE_LIST.search(u.text)
        if m and any(m.group(0).count(n) >= 2 for n in nouns):
            return True
    return False


# Who may do a thing of their own accord (哪些单位可以主动做…, 自愿参加): a list of those who must
# (有下列情形之一的单位，应当实施强制性…审核) answers who is obliged, not who may.
MAY_ASKED = re.compile(r"(?:哪些|哪几类|哪几种|哪类|哪种)[^，,。？?]{0,8}?(?:可以|能够?|自愿|主动)")
_OBLIGED = re.compile(r"应当|必须|强制")
_WILLING = re.compile(r"自愿|鼓励")


def _obliges(units: list[Unit], named: re.Pattern[str]) -> bool:
    """Whether the list a passage introduces by name is of those who must (应当, 必须, 强制)."""
    return any(named.search(u.text) and _OBLIGED.search(u.text) and "可以" not in u.text for u in units)


def list_lead(hits: list[SearchHit], scored: Scored, quotable: list[int], first: int,
              nouns: tuple[str, ...] = (), topic_naming: re.Pattern[str] | None = None, may: bool = False,
              violations: bool = False) -> int:
    """A question asking only for a list (哪些、哪几类) is answered by an enumeration: when search's
    first passage lists nothing (no 下列/包括/（一）, and its best sentence names no three things) and
    one of the next passages of the same document enumerates, that one leads — not a penalty's list
    of conducts (有下列行为之一的，…罚款), which answers no list but a penalty's. A list of the thing
    asked (哪几类企业: 矿山企业、建筑施工企业…) leads before a list of anything else (提供下列文件), and
    so does the list of the topic's 内容 or 事项 asked (`topic_naming`: 能源审计的内容包括：)."""
    naming = _list_naming(nouns) if nouns else topic_naming
    if may and naming and _obliges(scored.units[first], naming):
        # search put the list of those who must first: a passage of its document on those who
        # choose to (鼓励…单位自愿…) answers who may
        willing = next_of_same_document(hits, quotable, first, lambda i: bool(_WILLING.search(hits[i].text or ""))
                                        and not _obliges(scored.units[i], naming), LIST_LOOKAHEAD)
        if willing != first:
            return willing
    if naming and _ARTICLE.match(hits[first].locator or "") and not _lists_noun(scored.units[first], nouns, naming):
        named = next_of_same_document(hits, quotable, first, lambda i: _lists_noun(scored.units[i], nouns, naming)
                                      and Role.PENALTY not in roles(hits[i].text or "")
                                      and not (may and _obliges(scored.units[i], naming)), LIST_LOOKAHEAD)
        if named != first:
            return named
    if CUE_PATTERNS["list"].search(hits[first].text or ""):
        return first
    best = max(scored.units[first], key=lambda u: u.score, default=None)
    if best is not None and _INLINE_LIST.search(best.text.replace("省、自治区、直辖市", "省级")):
        return first  # the sentence that answers names the things one after another
    # (asked which violations, 列了哪三种违法情形: a penalty's list of conducts is the answer)
    return next_of_same_document(hits, quotable, first,
                                  lambda i: enumerates(scored.units[i])
                                  and (violations or Role.PENALTY not in roles(hits[i].text or "")),
                                  LEAD_LOOKAHEAD)


# Which violations are asked (哪几种违法情形, 哪些违法行为): a penalty lists them
VIOLATIONS_ASKED = re.compile(r"哪(?:些|几|[两三四五六七八九十])种?[^，,。？?]{0,4}?违法(?:情形|行为)")
