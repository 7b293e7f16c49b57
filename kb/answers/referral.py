"""A penalty that is another document's to state: 依照《中华人民共和国水法》第六十六条的规定处罚.

Many regulations punish a conduct by pointing at the law that sets the sanction. When that law
is not indexed, the knowledge base cannot say how much the fine is — the passage only says
where it is stated. An answer to 罚多少 must then say so instead of quoting the pointer as if it
answered; an answer to 怎么处罚 may quote it, with a note that the document it points at is not
indexed. An article may fine one conduct itself and leave another's sanction to such a law: asked
the sum for the latter, the answer is refused too (`conduct_left_to`), not led by the other's sum.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable

from kb.answers import abstain
from kb.answers.catalog import Catalog
from kb.question.kinds import Ask
from kb.question.reading import ParsedQuestion
from kb.registers.penalties import pairs
from kb.text.titles import book_title
from kb.types import Citation

# 依照《X》(第N条)(的)(有关)规定(予以)处罚 — the sanction stated elsewhere
_REFERRAL = re.compile(
    r"(?:依照|按照|依据|根据)\s*《([^》]{2,40})》\s*((?:第[零〇一二三四五六七八九十百千]+条)?)"
    r"(?:的)?(?:有关|相关)?(?:规定)?(?:予以|给予|进行)?(?:处罚|处理|追究|执行|给予处罚|实施处罚)"
)


@dataclass(frozen=True)
class Referral:
    title: str  # as the passage writes it (中华人民共和国水法)
    article: str  # 第六十六条, or '' when the whole document is pointed at

    @property
    def phrase(self) -> str:
        return f"{book_title(self.title)}{self.article}"


def unindexed_referral(text: str, aliases: Any) -> Referral | None:
    """The first document `text` leaves its sanction to that the index does not hold (None when
    it points at none, or every one it points at is indexed, or there is no title table)."""
    if aliases is None or not hasattr(aliases, "resolve"):
        return None
    for m in _REFERRAL.finditer(text or ""):
        title = m.group(1).strip()
        if aliases.resolve(title) is None:
            return Referral(title, m.group(2))
    return None


def conduct_left_to(conduct: str, text: str, ref: Referral) -> bool:
    """Whether, of the clauses of a penalty article, the one describing `conduct` best is the one
    that leaves its sanction to `ref` (在饲料中添加激素类药品的，依照《X》处罚；直接添加原料药的，处1万元…):
    the sums the article states are another conduct's."""
    want = pairs(conduct)
    clauses = [c for c in re.split(r"[。；;]", text or "") if c.strip()]
    if not want or not clauses:
        return False
    best = max(clauses, key=lambda c: len(want & pairs(c)))
    return bool(want & pairs(best)) and ref.title in best


def aliases_of(catalog: Any) -> Any:
    """The title table of the index behind `catalog` (None without a searcher)."""
    return getattr(getattr(catalog, "source", None), "aliases", None)


# X，适用《Y》 / X依照《Y》第N条的规定执行: a subject the text leaves to another document entirely
# (军用放射性物品运输安全的监督管理，依照《放射性污染防治法》第六十条的规定执行).
_SUBJECT_REFERRAL = re.compile(
    r"(?P<verb>适用|依照|按照|参照)\s*《([^》]{2,40})》\s*((?:第[零〇一二三四五六七八九十百千]+条)?)"
    r"(?:的)?(?:有关|相关)?(?:规定)?(?:执行|办理)?\s*$"
)
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
SUBJECT_SHARED_MIN = 4  # characters of the question the referred subject must share


def _shared_run(question: str, subject: str) -> str:
    """The longest run of Chinese characters of `question` that occurs in `subject`."""
    best = ""
    for run in _CJK_RUN.findall(question):
        for i in range(len(run)):
            for j in range(len(run), i + max(len(best), SUBJECT_SHARED_MIN - 1), -1):
                if run[i:j] in subject:
                    best = run[i:j]
                    break
    return best


@dataclass(frozen=True)
class SubjectReferral:
    subject: str  # what the passage leaves to the other document (体外诊断试剂的注册与备案)
    verb: str  # 适用 / 依照 …
    referral: Referral
    place: str  # where the text says so (《医疗器械注册与备案管理办法》第一百二十一条)


# A subject that is itself a clause (…主管部门收到企业的申请后，应当依照《行政许可法》…) names a
# step of a procedure, not a matter left to another document.
_CLAUSE_SUBJECT = re.compile(r"应当|应|可以|必须|须|不得|[后时]$")


def subject_referral(question: str, passages: list[tuple[str, str]], sentences: Iterable[tuple[str, str, str]],
                     aliases: Any) -> SubjectReferral | None:
    """Of `sentences` (a sentence, where it stands, and its passage's key), one that leaves the question's subject to
    a document not indexed (按照医疗器械管理的体外诊断试剂的注册与备案，适用《体外诊断试剂注册与备案
    管理办法》), when the question names that subject (a run of at least SUBJECT_SHARED_MIN
    characters) that none of the other best `passages` (key, text; the lead among them) speaks
    of: the answer would state the rule for something else."""
    if aliases is None or not hasattr(aliases, "resolve"):
        return None
    for sent, place, key in sentences:
        for part in re.split(r"[。；;\n]", sent or ""):
            m = _SUBJECT_REFERRAL.search(part.strip())
            if m is None or aliases.resolve(m.group(2).strip()) is not None:
                continue
            subject = re.sub(r"^第[零〇一二三四五六七八九十百千]+条\s*", "", part.strip()[: m.start()]).rstrip("，, ")
            if not subject or _CLAUSE_SUBJECT.search(subject):
                continue
            shared = _shared_run(question, subject)
            if shared and not any(shared in text for k, text in passages if k != key):
                return SubjectReferral(subject, m.group("verb"), Referral(m.group(2).strip(), m.group(3)), place)
    return None


# ------------------------------------------------------------- answers to penalty questions
def penalty_referral(pq: ParsedQuestion, lead: Citation, catalog: Catalog | None) -> Referral | None:
    """For a penalty question, the document not indexed that the lead leaves the sanction to."""
    if Ask.PENALTY not in pq.asks:
        return None
    return unindexed_referral(lead.quote or lead.hit.text, aliases_of(catalog))


def stated_elsewhere(pq: ParsedQuestion, lead: Citation, catalog: Catalog | None) -> str:
    """The reason to refuse a question after a penalty's figure whose lead passage leaves the
    sanction to a document that is not indexed ('' otherwise): 第六十七条 says 依照《水法》第六十六条
    的规定处罚, and only the Water Law, which the index lacks, says how much."""
    ref = penalty_referral(pq, lead, catalog) if pq.figure else None
    return _unstated_reason(pq, lead, ref) if ref is not None else ""


def _unstated_reason(pq: ParsedQuestion, lead: Citation, ref: Referral) -> str:
    return (f"{abstain.where(lead.hit)}规定依照{ref.phrase}的规定处罚，知识库中没有收录{book_title(ref.title)}，"
            f"所收文件中没有{abstain.figure_name(pq)}")


def conduct_stated_elsewhere(pq: ParsedQuestion, lead: Citation, catalog: Catalog | None) -> str:
    """The same reason, when the lead states sums but only for its other conducts: the clause
    describing the conduct asked leaves the sanction to a document not indexed."""
    ref = penalty_referral(pq, lead, catalog) if pq.figure and pq.conduct else None
    if ref is None or not conduct_left_to(pq.conduct, lead.hit.text or "", ref):
        return ""
    return _unstated_reason(pq, lead, ref)


def elsewhere_note(pq: ParsedQuestion, lead: Citation, catalog: Catalog | None) -> list[str]:
    """For a penalty answer whose lead leaves the sanction to a document not indexed: a line
    saying so (the answer quotes the pointer, not the sanction)."""
    ref = penalty_referral(pq, lead, catalog)
    if ref is None:
        return []
    return [f"注意：该条规定依照{ref.phrase}的规定处罚，知识库中没有收录{book_title(ref.title)}，具体处罚以该文件为准。"]
