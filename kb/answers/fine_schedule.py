"""A penalty that fines without saying how much (人民法院可以根据情节轻重予以罚款、拘留) in a text that
sets the sums of all its fines in one article of their own (对个人的罚款金额，为…以下。对单位的罚款金额，
为…): that article states the sum asked. It is quoted after the penalty, instead of the answer
refusing for want of a sum in the penalty itself."""
from __future__ import annotations

import re

from kb.answers.figure_stated import states_figure
from kb.answers.units import short_title
from kb.question.kinds import Ask
from kb.question.reading import ParsedQuestion
from kb.text.grammar import ARTICLE_PREFIX_RE
from kb.text.titles import book_title
from kb.types import Citation, SearchHit

# (罚款金额为, 罚款的数额是, 罚款数额，不得超过: the sums of the text's fines, set apart from any conduct)
_SUMS_OF_FINES = re.compile(r"罚款(?:的)?(?:金额|数额)[，,]?(?:为|是|不得超过|不超过)")


def fine_schedule(pq: ParsedQuestion, lead: SearchHit, hits: list[SearchHit]) -> SearchHit | None:
    """The passage of `lead`'s text among `hits` setting the sums of its fines, when a question
    asks how much a fine is and `lead` fines without a sum (None otherwise)."""
    if Ask.PENALTY not in pq.asks or pq.figure not in ("amount", "levy") or pq.parts:
        return None
    if "罚款" not in (lead.text or "") or states_figure(pq, [lead]):
        return None
    return next((h for h in hits if h.doc_id == lead.doc_id and h.chunk_id != lead.chunk_id
                 and _SUMS_OF_FINES.search(h.text or "") and states_figure(pq, [h])), None)


def schedule_line(schedule: SearchHit, citations: list[Citation]) -> tuple[str, Citation]:
    """"罚款的数额见《X》第N条：…[n]", numbered after the answer's own citations."""
    body = ARTICLE_PREFIX_RE.sub("", (schedule.text or "").strip(), count=1)
    sentences = [s.strip() for s in re.split(r"(?<=[。；])|\n", body) if _SUMS_OF_FINES.search(s)]
    quote = "".join(sentences)
    n = max((c.n for c in citations), default=0) + 1
    return (f"罚款的数额见{book_title(short_title(schedule.title))}{schedule.locator}：{quote}[{n}]",
            Citation(n, schedule, quote))
