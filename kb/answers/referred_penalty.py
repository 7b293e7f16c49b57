"""A penalty question whose lead article sends the party asked about to another indexed law: an
assessment law fines a builder who starts work before the assessment is approved, and adds that a
builder of a sea project who does so is punished under the sea law. Asked about a sea project, the
answer is the other law's penalty for the same conduct: it leads, and the referring sentence is
quoted after it, so that the reader sees why. So too for a sanction the question names that the
lead only refers to another indexed law for (依照《环境保护法》的规定按日连续处罚, asked from when
按日连续处罚 runs): that law's article setting it out leads (`sanction_referred`).

Only a referral to a whole document the index holds is followed (a document not indexed is said
so elsewhere: kb.answers.referral.elsewhere_note), only when the question names what the
referring sentence singles out (the sea project), and only to the penalties of that document for
the conducts the referring article lists (本条所列…行为).
"""
from __future__ import annotations

import logging
import re
from typing import Any, Sequence

from kb.answers.catalog import Catalog
from kb.answers.duty_answers import _hit_for, cited_answer, register_of
from kb.answers.units import short_title
from kb.question.kinds import Ask
from kb.question.reading import ParsedQuestion
from kb.registers.duties import Penalty
from kb.registers.penalties import dice, pairs
from kb.registers.references import ReferenceGraph
from kb.text.grammar import ARTICLE_PREFIX_RE
from kb.text.roles import Role, roles
from kb.text.titles import book_title
from kb.types import Answer, Citation, SearchHit

log = logging.getLogger(__name__)

_REFERRAL = re.compile(r"(?:依照|按照|依据)[^。；]{0,4}《")
# what every such sentence says of the conduct (有本条所列违法行为的): no word of the party singled out
_LISTED_CONDUCT = re.compile(r"有?(?:本条|本款|前款|前两款|前三款)(?:所列|规定的?)[^，。；]{0,6}?(?:行为|情形)的?")
SUBJECT_SHARE = 0.5  # of the pairs that single the referring sentence's subject out, the question names at least
SAME_CONDUCT = 0.4  # dice of a listed conduct and the target penalty's conduct, at least
UNITS_MAX = 2  # penalty units of the target article quoted


def _referring_lead(pq: ParsedQuestion, answer: Any, catalog: Catalog | None) -> tuple[SearchHit, Any, list] | None:
    """For a penalty question in Chinese: the answer's lead passage, the duties register, and the
    lead's references to other indexed documents the user's filters allow (None when any is missing)."""
    citations = list(getattr(answer, "citations", None) or [])
    if Ask.PENALTY not in pq.asks or pq.language != "zh" or not citations or catalog is None:
        return None
    lead = min(citations, key=lambda c: c.n).hit
    source = getattr(catalog, "source", None)
    register = register_of(catalog)
    if source is None or register is None:
        return None
    try:
        links = [ln for ln in ReferenceGraph.of(source).cites(lead.doc_id, lead.locator)
                 if ln.kind == "document" and ln.dst_doc != lead.doc_id and ln.dst_doc in catalog.docs
                 and (catalog.allowed is None or ln.dst_doc in catalog.allowed)]
    except Exception:  # a broken reference register must not take answers down
        log.warning("references unavailable", exc_info=True)
        return None
    return lead, register, links


def referred_answer(pq: ParsedQuestion, answer: Any, hits: Sequence[SearchHit], catalog: Catalog | None,
                    warnings: list[str]) -> Answer | None:
    """The answer led by another indexed law's article that the lead of `answer` refers to — for the
    party asked about (`penalty_referred`) or for the sanction the question names (`sanction_referred`);
    None when the lead refers nothing the question asks about to an indexed law."""
    referring = _referring_lead(pq, answer, catalog)
    if referring is None or catalog is None:
        return None
    return (penalty_referred(pq, referring, hits, catalog, warnings)
            or sanction_referred(pq, referring, hits, catalog, warnings))


def penalty_referred(pq: ParsedQuestion, referring: tuple[SearchHit, Any, list], hits: Sequence[SearchHit],
                     catalog: Catalog, warnings: list[str]) -> Answer | None:
    """The answer led by the penalty of the law the lead's article refers the asked party to."""
    lead, register, links = referring
    if Role.PENALTY not in roles(lead.text or ""):
        return None
    asked = pairs(" ".join([pq.text, *pq.legal_terms]))
    listed = [p for p in register.penalties_of(lead.doc_id, lead.locator)  # 本条所列违法行为
              if p.conduct and not _REFERRAL.search(p.text)]
    for ln in links:
        sentence = ln.context.strip()
        m = _REFERRAL.search(sentence)
        if m is None:
            continue
        rest = (lead.text or "").replace(sentence, "")
        singled = pairs(_LISTED_CONDUCT.sub("", sentence[: m.start()])) - pairs(rest)
        if not singled or len(singled & asked) / len(singled) < SUBJECT_SHARE:
            continue
        units = _same_conducts(register.penalties, ln.dst_doc, listed, asked)
        if units:
            return _compose(pq, units, (lead, sentence), hits, catalog, warnings)
    return None


# 依照《X》的规定按日连续处罚: the sanction named after the referral, which X's own article sets out
_SANCTION_NAMED = re.compile(r"《[^》]+》(?:第[^，。；《]{1,12}条)?的?(?:有关|相关)?规定([^，。；：]{4,12}?)(?=[，。；：:]|$)")
_NO_SANCTION_NAMED = re.compile(r"^(?:予以|给予|进行)?(?:处罚|处理|执行|办理|追究)")
_IMPOSING = re.compile(r"^(?:处以|予以|给予|处)")


def sanction_referred(pq: ParsedQuestion, referring: tuple[SearchHit, Any, list], hits: Sequence[SearchHit],
                      catalog: Catalog, warnings: list[str]) -> Answer | None:
    """The answer led by the article of another indexed law that sets out a sanction the question
    names, when the lead's article only refers to that law for it (…依照《环境保护法》的规定按日连续
    处罚, asked from when and by what sum 按日连续处罚 runs)."""
    lead, register, links = referring
    if Ask.YESNO in pq.asks and not (pq.figure or pq.asks & {Ask.NUMERIC, Ask.AMOUNT, Ask.TIMELINE, Ask.DEADLINE}):
        return None  # asked only whether it may be imposed (能按日连续处罚吗): the referring article says so
    asked = re.sub(r"\s", "", pq.text)
    for ln in links:
        named = re.search(r"《[^》]+》", ln.context)
        # (the register keeps the referring sentence clipped: read it whole from the passage)
        sentence = next((x for x in re.split(r"(?<=[。；])", lead.text or "") if named and named.group(0) in x), "")
        m = _SANCTION_NAMED.search(sentence.strip())
        if m is None or _NO_SANCTION_NAMED.match(m.group(1)):
            continue
        # (…的规定处以拘留, asked 会拘留多少天: the sanction is named without the verb imposing it)
        sanction = _IMPOSING.sub("", m.group(1))
        if len(sanction) < 2 or sanction not in asked:
            continue
        units = [p for p in register.penalties if p.doc_id == ln.dst_doc and sanction in re.sub(r"\s", "", p.text)]
        if units:
            sentence = ARTICLE_PREFIX_RE.sub("", sentence.strip(), count=1)
            return _compose(pq, units[:1], (lead, sentence), hits, catalog, warnings)
    return None


def _same_conducts(penalties: Sequence[Penalty], doc_id: str, listed: list[Penalty], asked: set[str]) -> list[Penalty]:
    """The target document's penalty units for the conducts the referring article lists (本条所列违法行为),
    of its one article that punishes most of them, those the question's words meet first."""
    found: dict[str, list[tuple[float, Penalty]]] = {}
    for own in listed:
        want = pairs(own.conduct)
        best = max(((dice(want, pairs(p.conduct or p.text)), p) for p in penalties if p.doc_id == doc_id),
                   key=lambda sp: sp[0], default=(0.0, None))
        if best[1] is not None and best[0] >= SAME_CONDUCT:
            found.setdefault(best[1].locator, []).append(best)
    if not found:
        return []
    article = max(found.values(), key=lambda ms: (len(ms), sum(s for s, _ in ms)))
    units = list({id(p): p for _s, p in article}.values())
    units.sort(key=lambda p: -len(asked & pairs(p.conduct or p.text)))
    order = {id(p): n for n, p in enumerate(penalties)}  # the register reads a text in order
    return sorted(units[:UNITS_MAX], key=lambda p: (p.paragraph, p.item, order[id(p)]))


def _compose(pq: ParsedQuestion, units: list[Penalty], referral: tuple[SearchHit, str], hits: Sequence[SearchHit],
             catalog: Catalog, warnings: list[str]) -> Answer | None:
    first = _hit_for(units[0].doc_id, units[0].locator, units[0].text, hits, catalog)
    if first is None:
        return None
    quote = "".join(p.text for p in units)
    citations = [Citation(1, first, quote)]
    lines = [f"依据{book_title(short_title(first.title))}{units[0].locator}：{quote}[1]"]
    src, sentence = referral
    citations.append(Citation(2, src, sentence))
    lines.append(f"{book_title(short_title(src.title))}{src.locator}规定：{sentence}[2]")
    return cited_answer(pq, lines, citations, catalog, warnings)
