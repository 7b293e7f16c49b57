"""Which passage answers "who": the authority an article names or leaves to another article, the level
of government asked (and the level that does the thing asked), the body something is handed in to, the
body in charge of a matter, and the body whose duties are listed at the level asked. Each rule looks a
few passages down search's order (kb.answers.lead_search); kb.answers.leads.lead_for applies them.
"""
from __future__ import annotations

import re

from kb.answers.lead_search import LEAD_LOOKAHEAD, LIST_LOOKAHEAD, next_of_same_document, saying_lead
from kb.answers.scoring import CUE_PATTERNS, Scored
from kb.index.lexical import bigrams
from kb.question.reading import ParsedQuestion
from kb.registers.penalties import dice
from kb.text.grammar import ARTICLE_NO
from kb.text.grammar.references import SELF_DOC_RE
from kb.types import SearchHit


# An authority named only by the article that lists it (由本办法第三条规定的机关依照本办法实施检查).
_AUTHORITY_ELSEWHERE = re.compile(rf"由{SELF_DOC_RE.pattern}(?P<ref>{ARTICLE_NO})(?:第[一二三四五六七八九十]+款)?"
                                  r"(?:规定|所列|列明)的(?:机关|部门|机构|单位)")


def authority_lead(hits: list[SearchHit], quotable: list[int], first: int, decider: bool = False) -> int:
    """"Who" is answered by the article that names the authority: when search's first passage
    leaves it to another article of its text (由本办法第三条规定的机关…) and search found that article,
    it leads. Asked who decides (`decider`: 谁说了算, 由谁批准), when it names no authority at all
    (终裁决定确定…的，反倾销税可以…追溯征收), the next passage of its document that does leads
    (征收反倾销税，由商务部提出建议，国务院关税税则委员会…作出决定). (Asked only who, the answer may be
    a party — 由生产者承担 — which names no authority.)"""
    names = CUE_PATTERNS["who"]
    if decider and not names.search(hits[first].text or ""):
        return next_of_same_document(hits, quotable, first, lambda i: bool(names.search(hits[i].text or "")),
                                     LIST_LOOKAHEAD)
    m = _AUTHORITY_ELSEWHERE.search(hits[first].text or "")
    if not m:
        return first
    article = re.sub(r"\s", "", m.group("ref"))
    return next((i for i in quotable if hits[i].doc_id == hits[first].doc_id and hits[i].locator == article), first)


# Asked which level of government (归哪一级政府组织, 去哪一级环保部门办): the passage naming a level
# (县级人民政府负责组织…), not one that binds every level alike (地方各级人民政府应当加强…).
LEVEL_ASKED = re.compile(r"哪一?级")
_LEVEL_NAMED = re.compile(r"(?:国务院|省级|省、自治区、直辖市|设区的市级?|市级|县级|乡级|乡、镇|乡镇|乡（镇）)(?:以上)?(?:地方)?"
                          r"(?:人民政府|[^，,。；;]{0,12}?(?:部门|机关|机构))")


def level_lead(hits: list[SearchHit], scored: Scored, quotable: list[int], first: int, question: str = "") -> int:
    """When search's first passage names no level, the one of search's next few that names one and
    whose sentences answer best leads (another law may say who organises it). Asked which level does
    a thing (哪一级政府带头优先采购节能节水类产品), a passage in whose sentence a level does it (各级人民政府应当
    优先采购节能、节水…产品) leads over one naming a level for something else."""
    act = [w for w in bigrams(_LEVEL_ACT.split(question)[-1]) if w not in _ASKING_PAIRS] if _LEVEL_ACT.search(question) else []

    def does(i: int) -> int:
        return max((sum(w in sent for w in act) for sent in re.split(r"[。；]", hits[i].text or "")
                    if _LEVEL_NAMED.search(sent) or _EVERY_LEVEL.search(sent)), default=0)

    if len(act) >= 3:
        own = does(first)
        if own >= len(act) // 2:
            return first  # (the first passage's level does it already: 各级人民政府应当优先采购…)
        best = max((i for i in quotable[:LEAD_LOOKAHEAD] if i != first), key=does, default=first)
        if does(best) >= max(own + 2, len(act) // 2):
            return best
    if _LEVEL_NAMED.search(hits[first].text or ""):
        return first
    naming = [i for i in quotable[:LEAD_LOOKAHEAD] if i != first and _LEVEL_NAMED.search(hits[i].text or "")]
    return max(naming, key=lambda i: scored.chunk_scores[i], default=first)


# what a level is asked to do: the words after 哪一级政府 / 哪一级部门 (带头优先采购节能节水类产品)
_LEVEL_ACT = re.compile(r"哪一?级[^，,。？?]{0,4}?(?:政府|部门|机关|主管部门)(?:来|要|应当|负责)?")
_EVERY_LEVEL = re.compile(r"各级(?:地方)?人民政府|地方各级")
_ASKING_PAIRS = {"带头", "负责", "一下", "什么", "哪些"}


# Where an application, report or complaint goes (向…提出申请, 向…报送, 向…投诉): asked to whom something
# is handed in (该向哪里递申请, 材料交给谁), the passage naming the body it goes to answers — not the one on
# what to hand in (提交完整、详实的资料) or on who decides afterwards.
_HANDED_TO = re.compile(r"向[^，,。；;]{2,40}?(?:提出|提交|报送|递交|申请|申报|备案|报告|投诉|举报|报批|缴纳)")


def recipient_lead(hits: list[SearchHit], quotable: list[int], first: int) -> int:
    """When search's first passage names no body that something is handed in to and one of the
    next passages of its document does, that one leads."""
    return saying_lead(hits, quotable, first, _HANDED_TO, LEAD_LOOKAHEAD)


# Who is in charge of a matter (建筑垃圾的污染防治归哪个部门负责, 由谁主管): the article in which an
# authority is the one that 负责 / 主管 it leads over one naming the authority only as where a plan
# is filed.
# (asked at the clause's end: 谁来负责修复 asks who repairs, 由哪个机关负责解释 who interprets)
IN_CHARGE_ASKED = re.compile(r"(?:哪个|哪一?级|哪些|什么|谁)[^，,。？?]{0,6}?(?:来)?(?:负责|主管|管理|管)(?:的)?(?:吗|呢)?(?=[，,。？?]|$)")
# (地方各级人民政府应当对本行政区域的大气环境质量负责: in charge of what stands between 对 and 负责;
# 人民政府应当加强对红线内人为活动的监督管理: of what stands between 对 and 监督管理)
_IN_CHARGE_SAID = re.compile(r"(?:部门|机构|机关|人民政府|委员会)(?:按照职责|依照职责|依照[^。；，]{0,12}规定)?"
                             r"(?:负责|主管|统一管理|统一监督管理|监督管理|分工负责"
                             r"|(?:应当)?(?:加强)?对[^。；，]{2,30}?(?:负责|的监督管理))")


def in_charge_lead(pq: ParsedQuestion, hits: list[SearchHit], quotable: list[int], first: int) -> int:
    """The next passage of the first one's document in whose sentence an authority is in charge
    of two words or more of the question, when the first passage has no such sentence."""
    terms = [t for t in pq.terms if len(t) >= 2]

    def in_charge(i: int) -> bool:
        return any(_IN_CHARGE_SAID.search(sent) and sum(t in sent for t in terms) >= 2
                   for sent in re.split(r"(?<=[。；])", hits[i].text or ""))

    return first if in_charge(first) else next_of_same_document(hits, quotable, first, in_charge, LEAD_LOOKAHEAD + 1)


# The duties of a body asked (国务院标准化主管部门的职责里包不包括…): the article listing that body's
# duties (…履行下列职责) leads over one listing another body's (国务院有关行政主管部门…履行下列职责).
DUTIES_OF_ASKED = re.compile(r"([\u4e00-\u9fff]{4,20}?)的?(?:职责|职权)"
                              # (省一级的行业主管部门在标准化方面要负责哪些事: the duties asked in other words)
                              r"|([\u4e00-\u9fff\d]{4,20}?(?:部门|机关|机构|政府))(?:在[^，,。？?]{1,12}?方面)?(?:要|应当|应该)?"
                              r"(?:负责|管|承担)(?:哪些|什么)(?:事|事情|工作|事项|任务)")
_DUTIES_SAID = re.compile(r"^(?:第[一二三四五六七八九十百零〇]+条\s*)?([^。；：]{2,40}?)[，,]?(?:履行|行使|承担)(?:下列|以下)?(?:职责|职权)")
# (the body is named before what it does: 国务院标准化行政主管部门 | 统一管理全国标准化工作)
_BODY_ENDS = re.compile(r"统一|分工|负责|依照|依据|按照|应当|根据|会同|对")
SAME_BODY = 0.6  # how alike (Dice of character pairs) the body asked and a list's subject must be


def duties_of_body_lead(pq: ParsedQuestion, hits: list[SearchHit], quotable: list[int], first: int) -> int:
    """Of the first passage and the next of its document, the one listing the duties of the body the
    question names, when another's are listed first."""
    asked = next((m.group(1) or m.group(2) for clause in re.split(r"[，,。？?；;]", pq.text)
                  for m in [DUTIES_OF_ASKED.search(clause)] if m), "")
    if not asked:
        return first
    want = bigrams(asked)

    def likeness(i: int) -> float:
        m = _DUTIES_SAID.search(hits[i].text or "")
        return dice(want, bigrams(_BODY_ENDS.split(m.group(1))[0])) if m else 0.0

    def level(i: int) -> str:
        m = _DUTIES_SAID.search(hits[i].text or "")
        return _level_of(_BODY_ENDS.split(m.group(1))[0]) if m else ""

    own = likeness(first)
    best = max((i for i in quotable[:LEAD_LOOKAHEAD + 1] if hits[i].doc_id == hits[first].doc_id),
               key=likeness, default=first)
    if likeness(best) >= SAME_BODY and likeness(best) > own:
        return best
    # (省一级的行业主管部门 asked: the list of the provincial departments' duties, 省、自治区、直辖市有关行政主管部门
    # …履行下列职责, over the national ones' — a level named says which body more than its other words)
    asked_level = _level_of(asked)
    if asked_level and level(first) != asked_level:
        return next_of_same_document(hits, quotable, first, lambda i: level(i) == asked_level, LEAD_LOOKAHEAD + 1)
    return first


_LEVELS = (("国务院", re.compile(r"国务院|国家|全国|中央")),
           ("省", re.compile(r"省、自治区、直辖市|省级|省一级|省1级|省里|省(?:政府|人民政府)")),
           ("市", re.compile(r"设区的市|市级|市一级|市1级")),
           ("县", re.compile(r"县级|县一级|县1级|县(?:政府|人民政府)")))


def _level_of(body: str) -> str:
    """The level of government a body's name places it at ('' when it names none)."""
    return next((name for name, said in _LEVELS if said.search(body)), "")
