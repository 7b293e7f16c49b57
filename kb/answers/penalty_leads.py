"""Which penalty an answer leads with, when it is not search's first (kb.answers.leads.lead_for
applies these): a penalty for a conduct over an article collecting a fine already imposed, the
penalty imposing the sanction whose imposer is asked, one imposing a sentence when criminal
liability is asked, the penalty naming both conducts asked together, and the penalty of the party
named.
"""
from __future__ import annotations

import re

from kb.answers.lead_search import LEAD_LOOKAHEAD, next_of_same_document
from kb.question.kinds import Ask
from kb.question.reading import ParsedQuestion
from kb.text.roles import SENTENCE_SAID, Role, opening_parties_named, roles
from kb.types import SearchHit


# An article on collecting a sanction already imposed (对拒缴非法所得或者罚款的…通知其开户银行予以划拨;
# 逾期不缴纳罚款的，每日按罚款数额的3%加处罚款) or on contesting it (对处罚决定不服的…申请复议) opens
# with the fine or the decision, not with a conduct: asked the penalty for a conduct, it answers
# nothing, though it shares the question's 罚款 and its authority.
_SANCTION_HANDLED = re.compile(
    r"^(?:第[一二三四五六七八九十百零〇]+条\s*)?(?:对|凡)?[^。，；]{0,16}?"
    r"(?:(?:拒缴|拒不缴纳|逾期不缴纳|到期不缴纳|逾期不缴|不按期缴纳)[^。，；]{0,12}(?:罚款|罚没款|违法所得|非法所得)"
    r"|处罚决定不服|不服[^。，；]{0,12}处罚决定)")
# …unless the question is about that very thing (罚款不交会怎样, 对罚款不服怎么办)
PAYING_OR_CONTESTING_ASKED = re.compile(r"不交|不缴|拒缴|没交|没缴|欠缴|逾期|滞纳|不服|复议|诉讼|申诉|强制执行")


def sanction_lead(hits: list[SearchHit], quotable: list[int], first: int) -> int:
    """Asked the penalty for a conduct, when search's first passage only collects or reviews a
    sanction already imposed, the next passage of its document that punishes a conduct leads."""
    if not _SANCTION_HANDLED.search((hits[first].text or "").lstrip()):
        return first
    return next_of_same_document(
        hits, quotable, first,
        lambda i: Role.PENALTY in roles(hits[i].text or "") and not _SANCTION_HANDLED.search((hits[i].text or "").lstrip()),
        LEAD_LOOKAHEAD)


# Who imposes a sanction (由哪个部门来没收, 谁有权吊销): the penalty that imposes it names the
# authority, not the prohibition it enforces.
# (罚款 and 处罚 name every penalty: asked who fines, the authority rules decide)
SANCTIONER_ASKED = re.compile(r"(?:谁|哪个|哪些|哪一?级|哪家)[^，,。？?]{0,8}?"
                              r"(没收|吊销|查封|扣押|责令停业|责令关闭|责令停止|责令改正|叫停|拘留|按日连续处?罚|按日计罚)")
# the asker's word → the texts' (谁可以对我们按日连续罚: 按日连续处罚)
_SANCTION_AS_SAID = {"叫停": "责令停止", "按日连续罚": "按日连续处罚", "按日计罚": "按日连续处罚"}


def sanction_asked(text: str) -> str:
    """The sanction whose imposer `text` asks about, as the texts word it ('' when none is asked)."""
    m = SANCTIONER_ASKED.search(text)
    return _SANCTION_AS_SAID.get(m.group(1), m.group(1)) if m else ""


def sanctioner_lead(hits: list[SearchHit], quotable: list[int], first: int, sanction: str) -> int:
    """Asked who imposes `sanction`, a penalty of the first passage's document imposing it leads
    when the first passage does not."""
    said = re.compile(re.escape(sanction).replace("责令", "责令(?:限期)?"))  # (责令改正 said as 责令限期改正)

    def imposes(i: int) -> bool:
        text = hits[i].text or ""
        return bool(said.search(text)) and Role.PENALTY in roles(text)
    return first if imposes(first) else next_of_same_document(hits, quotable, first, imposes, LEAD_LOOKAHEAD + 1)


def criminal_lead(hits: list[SearchHit], quotable: list[int], first: int) -> int:
    """Asked criminal liability (kb.question.kinds.CRIMINAL_ASKED): the first of search's first
    passages that imposes a sentence, when `first` does not."""
    if SENTENCE_SAID.search(hits[first].text or ""):
        return first
    return next((i for i in quotable[: LEAD_LOOKAHEAD + 1] if SENTENCE_SAID.search(hits[i].text or "")), first)


def _own_words(pq: ParsedQuestion) -> list[set[str]]:
    """Each part's words that no other part and no title it names shares (倾倒许可证; 超标, 排放标准)."""
    words = [{w for w in (*p.terms, *p.legal_terms) if len(w) >= 2} for p in pq.parts]
    titles = "".join(pq.documents)
    return [{w for w in ws if w not in titles and not any(w in o for o in words[:n] + words[n + 1:])}
            for n, ws in enumerate(words)]


def penalties_lead(pq: ParsedQuestion, hits: list[SearchHit], quotable: list[int], first: int) -> int:
    """Asked the penalties of two conducts (无证倾倒罚多少？超标排污又罚多少？), a penalty of the first
    passage's document naming both leads over one naming only the first."""
    # (收到罚款决定书后多少天内要交钱？拖着不交会怎样？ asks a deadline first: no two conducts)
    if len(pq.parts) < 2 or not all(Ask.PENALTY in p.asks and not p.asks & {Ask.DEADLINE, Ask.TIMELINE}
                                    for p in pq.parts):
        return first
    own = _own_words(pq)
    if not all(own):
        return first

    def names_each(i: int) -> bool:
        text = re.sub(r"\s", "", hits[i].text or "")
        return all(any(w in text for w in ws) for ws in own) and Role.PENALTY in roles(hits[i].text or "")
    return first if names_each(first) else next_of_same_document(hits, quotable, first, names_each, LEAD_LOOKAHEAD)


def party_lead(pq: ParsedQuestion, hits: list[SearchHit], quotable: list[int], first: int) -> int:
    """Asked the penalty of a party named (a key emitter — 重点排放单位), the next penalty opening
    with that party leads over a first one opening with another (技术服务机构)."""
    # (the party as the asker names it: a gloss may name another party too — 开发商 → 建设单位 —
    # which an English question's words are only through)
    asked = pq.text if pq.language == "zh" else " ".join(pq.legal_terms)
    own = opening_parties_named(hits[first].text or "")
    if not own or any(p in asked for p in own):
        return first
    return next((i for i in quotable[:LEAD_LOOKAHEAD + 1]
                 if (ps := opening_parties_named(hits[i].text or "")) and set(ps) != set(own)
                 and any(p in asked for p in ps) and Role.PENALTY in roles(hits[i].text or "")), first)
