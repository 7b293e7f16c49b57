"""Answers that rest on the duties register (kb.registers.duties): the penalty for a conduct, and
the consequence of breaking a duty.

* `penalty_answer` (a REGISTER_ANSWERS entry): a question about the penalty for a conduct
  (Ask.PENALTY, `pq.conduct`) is answered by the penalty clause whose conduct matches it — among
  the penalties of the retrieved articles and those enforcing the duties retrieved — quoted
  first, then the duty it enforces. It answers only when one clause clearly fits: the
  question's conduct words (weighted, rarer words heavier) are mostly in the clause
  (MATCH_MIN) and no clause of another article comes close (MARGIN); otherwise None, and the
  usual answer is given — a wrong lead is worse.
* The penalty first for an answer led by the rule a conduct breaks (`penalty_of_quoted_duty`,
  `penalty_by_conduct`, `penalty_of_named_article`, `penalty_by_reference`), and the rule a bare
  penalty names (`named_rule_lines`). What breaking a quoted duty costs is in
  kb.answers.duty_consequences.
"""
from __future__ import annotations

import logging
import math
import re
from typing import Any, Sequence

from kb.answers.catalog import Catalog
from kb.answers.figure_stated import FIGURES, MEASURE_FIGURE_ASKED, measure_figure_said
from kb.answers.quoting import item_sanction
from kb.answers.units import short_title
from kb.answers.version_answers import _status_warnings, _with_notes
from kb.index.lexical import normalize
from kb.question.kinds import CRIMINAL_ASKED, Ask
from kb.question.reading import ParsedQuestion
from kb.registers.duties import Duty, DutyRegister, Penalty
from kb.registers.penalties import dice, pairs
from kb.text.grammar import find_references
from kb.text.roles import SENTENCE_SAID, Role, conducts_of, opening_parties, roles
from kb.types import Answer, Citation, SearchHit
from kb.text.titles import book_title

log = logging.getLogger(__name__)

MATCH_MIN = 0.6  # weighted share of the question's conduct words the penalty clause must hold
MARGIN = 0.15  # the best clause must lead every clause of another article by this much
MIN_PAIRS = 3  # a conduct of fewer word pairs is too vague to pick a clause by
_ARTICLE_LABEL = re.compile(r"^第[零〇一二三四五六七八九十百千]+条(?:之[一二三四五六七八九十]+)?\s*")  # the label heading an article's text
REFERENCE_DEPTH = 3  # hits looked at for a duty enforced by a penalty that names it


def register_of(catalog: Catalog | None) -> DutyRegister | None:
    source = getattr(catalog, "source", None) if catalog is not None else None
    if source is None or not hasattr(source, "facts") or not hasattr(source, "versions"):
        return None
    try:
        return DutyRegister.of(source)
    except Exception:  # a broken register must not take answers down
        log.warning("duties register unavailable", exc_info=True)
        return None


def _hit_for(doc_id: str, locator: str, text: str, hits: Sequence[SearchHit], catalog: Catalog) -> SearchHit | None:
    """The chunk of the article that holds `text` (its first part when split): from the hits,
    else from the index."""
    def best(cands: list[SearchHit]) -> SearchHit | None:
        cands = [h for h in cands if h.doc_id == doc_id and h.locator == locator]
        probe = text[:30]
        return next((h for h in cands if probe and probe in h.text.replace("\n", "")), cands[0] if cands else None)

    found = best(list(hits))
    if found is None:
        try:
            found = best(sorted(catalog.index.chunks_of(doc_id), key=lambda h: h.chunk_index))
        except Exception:
            return None
        if found is not None and not found.status:
            found.status = catalog.status.get(doc_id, "")
    return found


# ---------------------------------------------------------------------- penalty questions
def _candidates(hits: Sequence[SearchHit], register: DutyRegister, allowed: set | None) -> list[Penalty]:
    out: list[Penalty] = []
    for h in hits:
        near = register.penalties_of(h.doc_id, h.locator)
        for duty in register.duties_of(h.doc_id, h.locator):
            near += register.penalties_for(duty)
        out += [p for p in near if p not in out and (allowed is None or p.doc_id in allowed)]
    return out


def _weights(units: Sequence[Penalty]) -> dict[str, float]:
    df: dict[str, int] = {}
    for u in units:
        for p in pairs(u.subject + u.conduct):
            df[p] = df.get(p, 0) + 1
    n = max(len(units), 1)
    return {p: math.log(1 + n / k) for p, k in df.items()}


def match_penalty(conduct: str, units: Sequence[Penalty]) -> tuple[Penalty, float] | None:
    """The penalty clause whose conduct the question describes, if one clearly does."""
    want = pairs(conduct)
    if len(want) < MIN_PAIRS or not units:
        return None
    weight = _weights(units)
    top = max(weight.values(), default=1.0)
    total = sum(weight.get(p, top) for p in want)
    scored = sorted(((sum(weight.get(p, top) for p in want & pairs(u.subject + u.conduct)) / total, u)
                     for u in units), key=lambda x: -x[0])
    best, unit = scored[0]
    rival = max((s for s, u in scored[1:] if (u.doc_id, u.locator) != (unit.doc_id, unit.locator)), default=0.0)
    if best < MATCH_MIN or best - rival < MARGIN:
        return None
    return unit, best


def penalty_answer(pq: ParsedQuestion, hits: list[SearchHit], catalog: Catalog | None,
                   warnings: list[str]) -> Answer | None:
    """Lead with the penalty whose conduct the question names, and cite the duty it enforces."""
    if Ask.PENALTY not in pq.asks or not pq.conduct or not hits or catalog is None:
        return None
    register = register_of(catalog)
    if register is None:
        return None
    candidates = _candidates(hits[:8], register, catalog.allowed)
    if CRIMINAL_ASKED.search(pq.text):  # criminal liability asked: a sentence, not a fine, answers
        candidates = [p for p in candidates if SENTENCE_SAID.search(p.text)] or candidates
    found = match_penalty(pq.conduct, candidates)
    if found is None:
        return None
    measure = MEASURE_FIGURE_ASKED.search(pq.text)
    if measure:  # (核减多少: a clause cutting 等量 does not say how much when another says 按…50%…的比例)
        said = measure_figure_said(measure.group("verb"))
        if not said.search(found[0].text) and any(said.search(p.text) for p in candidates):
            return None  # the search and the lead rules choose among them
    return _penalty_first(pq, found[0], hits, catalog, register, warnings)


def penalty_of_quoted_duty(pq: ParsedQuestion, answer: Any, catalog: Catalog | None,
                           warnings: list[str]) -> Answer | None:
    """A penalty question whose answer leads with a duty or a prohibition (the conduct asked
    about is described best by the rule it breaks): lead with the penalty that enforces that
    duty instead, and cite the duty after it. None when the lead is not a duty with a linked
    penalty of the same document."""
    citations = list(getattr(answer, "citations", None) or [])
    if Ask.PENALTY not in pq.asks or not citations or catalog is None:
        return None
    register = register_of(catalog)
    if register is None:
        return None
    lead = citations[0]
    if Role.PENALTY in roles(lead.hit.text or ""):
        # led by another conduct's penalty, though a duty the answer quotes is enforced by its own
        # (对…案件，有关使用单位应当在24小时内…报告 → 不按照规定时间报告…案件的 — not 故意输入计算机病毒的)
        lead = _duty_behind(pq, citations, register)
        if lead is None:
            return None
    naming = register.penalties_naming(lead.hit.doc_id, lead.hit.locator)
    linked = [p for duty in _quoted_duties(lead, register) for p in register.penalties_for(duty)]
    if not linked and not pq.parts:
        # a rule the register reads no duty in (价格应当符合下列要求 binds no one by name) is still
        # enforced by a penalty written for it alone (违反本规定第五条规定的) — not by one of a long
        # list of articles, whose duties would be cited in its place
        linked = [p for p in naming if len([r for r in find_references(p.text) if r.kind == "article"]) <= NAMED_FEW]
    units: list[Penalty] = []
    for p in linked:
        # (a clause of the 法律责任 chapter that sanctions nothing — 没收的…由海关依法统一处理 —
        # does not answer what a conduct costs)
        if p not in units and p.doc_id == lead.hit.doc_id and (catalog.allowed is None or p.doc_id in catalog.allowed) \
                and Role.PENALTY in roles(p.text):
            units.append(p)
    if not units:
        return None
    # A penalty that names the lead's article (违反本条例第八条规定的) enforces it for certain; one
    # linked by shared words may punish a neighbouring conduct. Among equals, an article of
    # several duties is enforced clause by clause: the penalty whose conduct is closest to the
    # first clause the answer quotes (the one that matched the question).
    first = pairs(re.split(r"(?<=[。；])", lead.quote or lead.hit.text)[0])

    def closeness(p: Penalty) -> tuple[bool, float]:
        return p in naming, dice(pairs(p.subject + p.conduct), first)

    best = max(units, key=closeness)  # max keeps the first of equals: the register's order
    return _penalty_first(pq, best, [c.hit for c in citations], catalog, register, warnings,
                          (lead.hit, _ARTICLE_LABEL.sub("", (lead.quote or lead.hit.text).strip())))


def _duty_behind(pq: ParsedQuestion, citations: list[Citation], register: DutyRegister) -> Citation | None:
    """The first quoted rule of the leading penalty's document whose duties the register links to
    penalties other than the one leading, whose conducts say the question's better than the
    leading one's do (None otherwise: the lead enforces a quoted duty, or fits the question as well)."""
    first = citations[0].hit
    asked = pairs(pq.conduct or pq.text)

    def fit(units: Sequence[Penalty]) -> float:
        return max((dice(pairs(p.subject + p.conduct), asked) for p in units), default=0.0)

    for c in citations[1:]:
        if c.hit.doc_id != first.doc_id or Role.PENALTY in roles(c.hit.text or ""):
            continue
        linked = [p for duty in _quoted_duties(c, register) for p in register.penalties_for(duty)]
        if not linked:
            continue
        if any(p.locator == first.locator for p in linked):
            return None
        return c if fit(linked) > fit(register.penalties_of(first.doc_id, first.locator)) else None
    return None


NAMED_FEW = 2  # articles a penalty names, at most, to stand for a rule the register reads no duty in
_OTHER_ASKS = frozenset({Ask.WHO, Ask.TIMELINE, Ask.DEADLINE, Ask.COMPARE})  # asked beside a penalty: not its lead
CONDUCT_MIN = 0.4  # Dice of word pairs between a lead's sentence and a penalty's conduct, to lead with it


def penalty_by_conduct(pq: ParsedQuestion, answer: Any, hits: Sequence[SearchHit], catalog: Catalog | None,
                       warnings: list[str]) -> Answer | None:
    """A penalty question whose answer leads with a rule that breaks the conduct asked about
    (达到报废标准的机动车不得上道路行驶), where the register links the rule to no penalty — it
    names no party the register reads (a vehicle, a foreigner), and the penalty names no article:
    lead with the penalty of the same document whose conduct says the rule's sentence in the
    same words (驾驶…已达到报废标准的机动车上道路行驶的), and cite the rule after it."""
    citations = list(getattr(answer, "citations", None) or [])
    if Ask.PENALTY not in pq.asks or pq.asks & _OTHER_ASKS or pq.parts or not citations or catalog is None:
        return None
    lead = citations[0]
    kinds = roles(lead.hit.text or "")
    if Role.PENALTY in kinds or not kinds & {Role.DUTY, Role.PROHIBITION}:
        return None  # only a rule that binds is broken by a conduct
    register = register_of(catalog)
    if register is None or register.penalties_of(lead.hit.doc_id, lead.hit.locator):
        # an article of the 法律责任 chapter (on who decides, on appeals) is read as a penalty unit
        # too: no rule to break, and it would match itself
        return None
    units = [p for p in register.penalties if p.doc_id == lead.hit.doc_id and p.conduct
             and (catalog.allowed is None or p.doc_id in catalog.allowed) and Role.PENALTY in roles(p.text)]
    sentences = [(x, pairs(x)) for x in re.split(r"(?<=[。；])", lead.quote or lead.hit.text or "")]
    sentences = [(x, own) for x, own in sentences if len(own) >= MIN_PAIRS]
    if not units or not sentences:
        return None
    # the closest (penalty, sentence of the rule) pair: max keeps the first of equals
    conducts = [(p, pairs(p.conduct)) for p in units]
    share, best, sentence = max(((dice(done, own), p, x) for p, done in conducts for x, own in sentences),
                                key=lambda t: t[0])
    if share < CONDUCT_MIN:
        return None
    return _penalty_first(pq, best, hits, catalog, register, warnings,
                          (lead.hit, _ARTICLE_LABEL.sub("", sentence.strip())))


def penalty_of_named_article(pq: ParsedQuestion, answer: Any, hits: Sequence[SearchHit], catalog: Catalog | None,
                             warnings: list[str]) -> Answer | None:
    """A penalty question naming the article broken (违反节能法第五十三条会被怎么罚): lead with the
    penalty the register links to that article — one enforcing its duty, or one naming it — when the
    answer leads with another. None when search found no such article or no penalty enforces it."""
    citations = list(getattr(answer, "citations", None) or [])
    if Ask.PENALTY not in pq.asks or len(pq.articles) != 1 or pq.parts or not citations or catalog is None:
        return None
    register = register_of(catalog)
    if register is None:
        return None
    named = [h for h in hits if h.locator == pq.articles[0] and Role.PENALTY not in roles(h.text or "")]
    if pq.documents:
        named = [h for h in named if any(d in normalize(h.title or "") for d in pq.documents)]
    if len({h.doc_id for h in named}) != 1:
        return None  # not found, or the same number in several documents
    rule = named[0]
    found = _enforcing(rule, register, catalog)
    if not found or any(p.locator == citations[0].hit.locator and p.doc_id == citations[0].hit.doc_id for p in found):
        return None
    return _penalty_first(pq, found[0], hits, catalog, register, warnings)


def penalty_by_reference(pq: ParsedQuestion, answer: Any, hits: Sequence[SearchHit], catalog: Catalog | None,
                         warnings: list[str]) -> Answer | None:
    """A penalty question whose answer leads with a penalty for a neighbouring conduct, while a
    duty or prohibition among the first hits describes the conduct asked about better and is
    enforced by a penalty that names it (违反本条例第八条规定的，处…): that penalty has no words of
    its own for the conduct, so search ranks it low. Lead with it, and cite the duty after it."""
    citations = list(getattr(answer, "citations", None) or [])
    if Ask.PENALTY not in pq.asks or pq.language != "zh" or not citations or catalog is None:
        return None
    want = pairs(pq.conduct)
    lead = citations[0].hit
    if len(want) < MIN_PAIRS or Role.PENALTY not in roles(lead.text or ""):
        return None
    register = register_of(catalog)
    if register is None:
        return None

    def share(text: str) -> float:
        return len(want & pairs(text)) / len(want)

    punished = max((share(c) for c in conducts_of(lead.text or "")), default=0.0)
    # the rules the lead names (违反本法第四十九条的规定，…处…) describe its conduct too: a duty
    # describing the asked conduct less well than they do gives no better penalty (only the 款
    # named count: 违反本法第三十八条第一款 does not punish what 第二款 forbids)
    named_best = 0.0
    named: dict[tuple[str, str], set[int]] = {}
    for p in register.penalties_of(lead.doc_id, lead.locator):
        for d, loc, paras, how, _c in p.enforces:
            if how == "reference":
                named.setdefault((d, loc), set()).update(paras or (0,))  # (0: the whole article)
    for h in hits[:REFERENCE_DEPTH]:
        paras = named.get((h.doc_id, h.locator))
        if paras is None:
            continue
        said = _paragraphs_named(h.text or "", () if 0 in paras else paras)
        named_best = max([named_best, *(share(s) for t in said for s in re.split(r"(?<=[。；])", t))])
    for h in hits[:REFERENCE_DEPTH]:
        if h.doc_id != lead.doc_id or Role.PENALTY in roles(h.text or ""):
            continue
        sentence = max(re.split(r"(?<=[。；])", h.text or ""), key=share)
        if share(sentence) <= punished or share(sentence) < named_best:
            continue
        naming = [p for p in register.penalties_naming(h.doc_id, h.locator)
                  if p.locator != lead.locator and (catalog.allowed is None or p.doc_id in catalog.allowed)]
        if naming:
            return _penalty_first(pq, paragraph_for(naming, pq.text), hits, catalog, register, warnings,
                                  (h, _ARTICLE_LABEL.sub("", sentence.strip())))
    return None


def paragraph_for(naming: Sequence[Penalty], question: str) -> Penalty:
    """Of the first article's penalty units among `naming`, the one opening with a kind of party
    the question names (one paragraph fines public bodies, the next 社会团体、企业 — asked by a firm,
    the second); the first when none or several do."""
    units = [u for u in naming if u.locator == naming[0].locator]
    return max(units, key=lambda u: any(w in question for w in opening_parties(u.text)))


def named_rule_lines(pq: ParsedQuestion, answer: Any, hits: Sequence[SearchHit],
                     catalog: Catalog | None) -> tuple[list[str], list[Citation]]:
    """For a penalty question whose answer leads with a penalty that only names the rule it
    enforces (违反本条例第八条规定的，处…) and does not quote that rule — alone, it does not say
    what conduct it punishes: "该条处罚的是违反以下规定的行为——《X》第Y条：…[n]", the rule's
    sentence closest to the question's conduct, numbered after the answer's own citations."""
    citations = list(getattr(answer, "citations", None) or [])
    if Ask.PENALTY not in pq.asks or not citations or catalog is None:
        return [], []
    lead = min(citations, key=lambda c: c.n)
    if Role.PENALTY not in roles(lead.hit.text or ""):
        return [], []
    register = register_of(catalog)
    if register is None:
        return [], []
    quoted = pairs(lead.quote or lead.hit.text)
    units = [u for u in register.penalties_of(lead.hit.doc_id, lead.hit.locator)
             if any(how == "reference" and d == u.doc_id for d, _l, _p, how, _c in u.enforces)]
    if not units:
        return [], []
    unit = max(units, key=lambda u: len(pairs(u.text) & quoted))
    if len(pairs(unit.text) & quoted) < len(pairs(unit.text)) / 2:  # the answer quotes another clause
        return [], []
    own = unit.conduct
    for ref in sorted(find_references(own), key=lambda r: -r.start):
        own = own[:ref.start] + own[ref.end:]
    if len(pairs(own)) >= MIN_PAIRS:  # the penalty names the conduct in words of its own
        return [], []
    named = [(loc, paras) for d, loc, paras, how, _c in unit.enforces if how == "reference" and d == unit.doc_id]
    cited = {(c.hit.doc_id, c.hit.locator) for c in citations}
    if any((unit.doc_id, loc) in cited for loc, _ in named):
        return [], []
    rule = _hit_for(unit.doc_id, named[0][0], "", hits, catalog)
    if rule is None:
        return [], []
    wanted = _paragraphs_named(rule.text or "", named[0][1])  # 第十八条第一款
    want = pairs(pq.conduct)
    sentences = [x.strip() for x in re.split(r"(?<=[。；])", "\n".join(wanted)) if x.strip()]
    if not sentences:
        return [], []
    sentence = max(sentences, key=lambda x: len(want & pairs(x)))
    n = max(c.n for c in citations) + 1
    line = f"该条处罚的是违反以下规定的行为——{book_title(short_title(rule.title))}{rule.locator}：{sentence}[{n}]"
    return [line], [Citation(n, rule, sentence)]


def _paragraphs_named(text: str, paras) -> list[str]:
    """The paragraphs (款) of an article's `text` that a penalty names (违反本条例第十八条第一款);
    all of them when it names none, or none that the text has."""
    paragraphs = _ARTICLE_LABEL.sub("", text.strip()).split("\n")
    return [paragraphs[i - 1] for i in paras if 0 < i <= len(paragraphs)] or paragraphs


def _penalty_first(pq: ParsedQuestion, unit: Penalty, hits: Sequence[SearchHit], catalog: Catalog,
                   register: DutyRegister, warnings: list[str],
                   basis: tuple[SearchHit, str] | None = None) -> Answer | None:
    """The penalty clause `unit` quoted first, then the duties it enforces (or `basis`, the
    passage and sentence of the rule it names, when the register read no duty there)."""
    lead_hit = _hit_for(unit.doc_id, unit.locator, unit.text, hits, catalog)
    if lead_hit is None:
        return None
    citations = [Citation(1, lead_hit, unit.text)]
    lines = [f"依据{book_title(short_title(lead_hit.title))}{unit.locator}：{unit.text}[1]"]
    # an item of a list whose lead says only 处以罚款: the sentence after the list sizes its fine
    # (有前款第三项、第四项行为之一，处所需处置费用三倍以上五倍以下的罚款)
    sized = item_sanction(lead_hit.text or "", unit.text) if unit.item else ""
    if sized:
        lines.append(f"该项行为的罚款：{sized}[1]")
    for part in pq.parts:  # (…怎么罚？相关责任人会被禁业多久？: the article's sentence stating the period)
        stated = _part_figure_sentence(part, lead_hit.text or "", unit.text)
        if stated and not any(stated in line for line in lines):  # (not the item's sum said already)
            citations.append(Citation(len(citations) + 1, lead_hit, stated))
            lines.append(f"关于“{part.raw.rstrip('？?。 ')}”：{stated}[{len(citations)}]")
    duties = [d for d in register.enforced_by(unit)]
    for duty in duties[:2]:
        h = _hit_for(duty.doc_id, duty.locator, duty.text, hits, catalog)
        if h is None:
            continue
        n = len(citations) + 1
        citations.append(Citation(n, h, duty.text))
        lines.append(f"该条处罚的是违反以下义务的行为——{book_title(short_title(h.title))}{duty.locator}：{duty.text}[{n}]")
    if basis is not None and len(citations) == 1:
        h, sentence = basis
        citations.append(Citation(2, h, sentence))
        lines.append(f"该条处罚的是违反以下规定的行为——{book_title(short_title(h.title))}{h.locator}：{sentence}[2]")
    return cited_answer(pq, lines, citations, catalog, warnings)


def _part_figure_sentence(part: ParsedQuestion, text: str, quoted: str) -> str:
    """The sentence of the lead article stating the figure a part of the question asks (5年内禁止从事…),
    when the quoted clause does not: the one saying most of the part's words ('' when none)."""
    stated = FIGURES.get(part.figure) if part.figure else None
    if stated is None or stated.search(quoted):
        return ""
    words = [w for w in (*part.terms, *part.legal_terms) if len(w) >= 2]
    said = [(sum(w in s for w in words), s) for s in re.split(r"(?<=[。；])", text) if stated.search(s) and s not in quoted]
    best = max(said, key=lambda x: x[0], default=(0, ""))
    return best[1].strip() if best[0] else ""


def cited_answer(pq: ParsedQuestion, lines: list[str], citations: list[Citation], catalog: Catalog,
                 warnings: list[str]) -> Answer:
    """An extractive answer of `lines` citing `citations`, with the notes and warnings on the status
    of the texts cited."""
    return Answer(question=pq.raw, text=_with_notes("\n".join(lines), citations, catalog), citations=citations,
                  abstained=False, mode="extractive", warnings=list(warnings) + _status_warnings(citations))


def _enforcing(rule: SearchHit, register: DutyRegister, catalog: Catalog) -> list[Penalty]:
    """The penalty clauses of a rule's own document that enforce it: those naming its article first
    (违反本规定第六条…的, for certain), then those the register links to its duties; only clauses that
    sanction something, of documents the filters let through."""
    linked = register.penalties_naming(rule.doc_id, rule.locator)
    linked += [p for d in register.duties_of(rule.doc_id, rule.locator) for p in register.penalties_for(d)]
    out: list[Penalty] = []
    for p in linked:
        if (p not in out and p.doc_id == rule.doc_id and Role.PENALTY in roles(p.text)
                and (catalog.allowed is None or p.doc_id in catalog.allowed)):
            out.append(p)
    return out


def _quoted_duties(citation: Citation, register: DutyRegister) -> list[Duty]:
    """The duties of the cited article whose words the answer quotes."""
    quote = pairs(citation.quote or citation.hit.text)
    out = []
    for d in register.duties_of(citation.hit.doc_id, citation.hit.locator):
        own = pairs(d.clause)
        if own and len(own & quote) / len(own) >= 0.6:
            out.append(d)
    return out
