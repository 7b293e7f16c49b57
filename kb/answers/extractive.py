"""Extractive answers: the answer is made of sentences and clauses of the retrieved passages.

Nothing is rewritten. Passages are cut into units (kb.answers.units) and scored against the
read question (kb.answers.scoring); the best passages contribute their best units (which ones:
kb.answers.quoting), verbatim, each followed by the [n] of the passage it came from. When an article introduces a list
(下列…：), its items come along. A question asking for a number, a date, an authority or
yes/no gets one direct lead line first, itself a verbatim span of a source. Passages of a
second document are quoted only for a reason: the question names it, one implements the
other (a local 实施《X》办法), or the question compares versions.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kb.answers.leads import lead_for
from kb.answers.figure_stated import FIGURES, number_in_unit
from kb.answers.quoting import lead_types, lead_unit, pick_units
from kb.answers.scoring import Scored, score
from kb.answers.texts_named import LOCAL, named_by, of_level, other_doc_relevant
from kb.answers.units import Unit, short_title
from kb.question.figures import count_cue
from kb.question.reading import ParsedQuestion
from kb.question.sides import EACH_RE
from kb.types import Citation, SearchHit
from kb.versions.dates import own_chronology
from kb.text.titles import title_key, book_title


def doc_label(h: SearchHit) -> str:
    bits = [b for b in (h.date, h.status) if b]
    return book_title(short_title(h.title)) + (f"（{'，'.join(bits)}）" if bits else "")


def select(pq: ParsedQuestion, hits: list[SearchHit], scored: Scored, max_chunks: int = 3) -> list[tuple[int, list[Unit]]]:
    """The passages to quote, in the order to show them, each with the units to quote."""
    if not hits:
        return []
    cs = scored.chunk_scores
    # The lead passage is search's first when its second stage ranked the candidates by what
    # the question asks (kb.search.rerank); else the passage whose sentences answer best. The
    # others follow by how well their sentences answer.
    quotable = [i for i in range(len(hits)) if scored.units[i]]
    if not quotable:
        return []
    if hits[0].sources and "rerank" in hits[0].sources:
        first = quotable[0]  # search's best passage that has something to quote
        if _caption_only(hits[first]):
            # an annex or table title says nothing by itself: lead with the passage of the same
            # document whose sentences answer best, when search found one with content
            body = [i for i in quotable if hits[i].doc_id == hits[first].doc_id and not _caption_only(hits[i])]
            if body:
                first = max(body, key=lambda i: cs[i])
        first = lead_for(pq, hits, scored, quotable, first)
        order = [first] + sorted((i for i in range(len(hits)) if i != first), key=lambda i: -cs[i])
    else:
        order = sorted(range(len(hits)), key=lambda i: -cs[i])
    main = order[0]
    main_doc = hits[main].doc_id
    compare = "compare" in scored.qtypes
    chosen = [main]
    deliberate: set[int] = {main}  # passages of another document chosen for a reason
    for i in order[1:]:
        if len(chosen) >= max_chunks:
            break
        same_doc = hits[i].doc_id == main_doc
        if _caption_only(hits[i]) and not _caption_only(hits[main]):
            continue  # a bare title adds nothing to a passage with content
        other_version = not same_doc and hits[i].title == hits[main].title
        # (a question about the text's old version — 原来的, 修订前 — is about that text's versions,
        # not about another law the passages happen to share words with)
        versioned = other_version and bool(pq.other_versions)
        if other_version and not (compare or versioned):
            continue
        implements = not same_doc and not other_version and other_doc_relevant(pq, hits[i], hits[main])
        need = 0.8 if same_doc else (0.45 if implements else 0.8 if compare or versioned else 0.95)
        if cs[i] >= need * cs[main] and scored.units[i]:
            # another document must be quoted for a reason: a version / a local rule / a compare
            if not same_doc and not compare and not versioned and not implements:
                continue
            chosen.append(i)
            if not same_doc and hits[i].doc_id not in {hits[j].doc_id for j in chosen[:-1]}:
                deliberate.add(i)
    if ("effective" in pq.focus and FROM_PROMULGATION.search(hits[main].text or "")) or (
            HEADER_EVENTS.intersection(pq.focus) and hits[main].locator != "header"):
        # in force from the day it was promulgated, or passed / issued when (哪天通过的，什么时候施行):
        # that day is in the header
        header = next((i for i in quotable if hits[i].doc_id == main_doc and hits[i].locator == "header"), None)
        if header is not None and header not in chosen:
            chosen.append(header)
            deliberate.add(header)
    for i in restricting(hits, quotable, main):
        if i not in chosen:  # 不得依据本法第二十六条…解除: the lead's article does not hold for these cases
            chosen.append(i)
            deliberate.add(i)
    if len(pq.documents) >= 2:
        # a question naming several documents is about each: the best passage of each named one
        for i in sorted(quotable, key=lambda i: -cs[i]):
            have = {hits[j].doc_id for j in chosen}
            if hits[i].doc_id not in have and title_key(hits[i].title or "") in pq.documents:
                chosen.append(i)
                deliberate.add(i)
    global_best = max((u.score for i in chosen for u in scored.units[i]), default=0.0)
    out: list[tuple[int, list[Unit]]] = []
    counted = count_cue(pq.figure_unit)
    own_lines = _own_header_lines(hits, scored, chosen) if pq.document_dates else {}
    dated: set[tuple[str, str]] = set()
    for i in chosen:
        units = scored.units[i]
        if not units:
            continue
        keep = pick_units(units, hits[i], primary=(i in deliberate), global_best=global_best)
        if counted is not None:
            # a number asked in its unit (至少去几个人): a passage's sentence giving it is
            # quoted, though its list of measures outscores it (调查人员不得少于2人)
            keep += [u for u in units if u not in keep and u.kind == "sent" and counted.search(u.text)
                     and not any(counted.search(x.text) for x in keep)][:1]
            keep.sort(key=lambda u: u.pos)
        if hits[i].locator == "header":
            keep = [u for u in keep if not _foreign_line(hits[i], u.text)]
        if hits[i].locator == "header" and pq.document_dates:
            # a header is the document's chronology: asked for a date, all of it but the title line
            own = own_lines.get(hits[i].doc_id, set())
            first_said: dict[str, Unit] = {}
            for u in units:  # (a line said again further down is another text's: a 决定 amended several)
                if u.text in own and (hits[i].doc_id, u.text) not in dated:
                    first_said.setdefault(u.text, u)
            keep = list(first_said.values())[:HEADER_LINES]
            dated |= {(hits[i].doc_id, u.text) for u in keep}
        if keep:
            out.append((i, keep))
    # group by document, in order of each document's first (best) passage
    doc_order: list[str] = []
    for i, _ in out:
        if hits[i].doc_id not in doc_order:
            doc_order.append(hits[i].doc_id)
    # (a header in two chunks is read in its own order: its lines date the text from the first)
    out.sort(key=lambda p: (doc_order.index(hits[p[0]].doc_id),
                            hits[p[0]].chunk_index if p[0] != main or hits[main].locator == "header" else -1))
    return out


def restricting(hits: list[SearchHit], quotable: list[int], main: int) -> list[int]:
    """Passages of the lead's document that name the lead's article as not applying (用人单位不得
    依据本法第二十六条的规定解除劳动合同): what it allows is not allowed in their cases."""
    loc = hits[main].locator or ""
    if not loc.startswith("第") or not loc.endswith("条"):
        return []
    barred = re.compile(rf"(?:不得|不能|不予)(?:依据|依照|按照|根据|适用)[^。；：]*?(?<![一二三四五六七八九十百零〇]){loc}")
    return [i for i in quotable if i != main and hits[i].doc_id == hits[main].doc_id
            and barred.search(hits[i].text or "")]


def _own_header_lines(hits: list[SearchHit], scored: Scored, chosen: list[int]) -> dict[str, set[str]]:
    """doc_id → the lines of its header (its chunks among `chosen` read in order, the title line left
    out) that date the document itself, not another text a published header also carries."""
    by_doc: dict[str, list[int]] = {}
    for i in chosen:
        if hits[i].locator == "header":
            by_doc.setdefault(hits[i].doc_id, []).append(i)
    out: dict[str, set[str]] = {}
    for doc_id, idx in by_doc.items():
        lines = [u.text for i in sorted(idx, key=lambda i: hits[i].chunk_index) for u in scored.units[i]
                 if title_key(u.text) != title_key(hits[i].title or "") and not _foreign_line(hits[i], u.text)]
        out[doc_id] = set(own_chronology(list(dict.fromkeys(lines))))
    return out


# A national legislature's or State Council's act: no line of a local text's own history
_NATIONAL_ACT = re.compile(r"全国人民代表大会|国务院(?:令|第[一二三四五六七八九十百\d]+次常务会议)")


def another_version(h: SearchHit, part: ParsedQuestion, hits: list[SearchHit]) -> bool:
    """A passage of another version than the one the part names by its year (按2023年修订后的…),
    when search found that one too."""
    years = set(part.version_years)
    if not years or (h.date or "")[:4] in years:
        return False
    key = title_key(h.title or "")
    return any(title_key(x.title or "") == key and (x.date or "")[:4] in years for x in hits)


def _foreign_line(h: SearchHit, line: str) -> bool:
    """A header line that is not the document's own: a bracket alone, or a national act in the
    header of a province's text (a published header carrying the national law's lines)."""
    return not re.search(r"[\u4e00-\u9fff\d]", line) or bool(LOCAL.search(h.title or "") and _NATIONAL_ACT.search(line))


# An effective clause that dates nothing itself (本条例自公布之日起施行).
FROM_PROMULGATION = re.compile(r"自(?:公布|发布|印发|颁布)之日起(?:施行|生效|执行|实施)")
HEADER_EVENTS = {"adopted", "issued"}  # dated in a document's header only (通过, 公布 / 发布)
HEADER_LINES = 12  # promulgation lines quoted at most (a law amended ten times has eleven)

_CAPTION_MAX = 40
_SENTENCE_MARKS = re.compile(r"[。；，：:;,|？?！!]")


def _caption_only(h: SearchHit) -> bool:
    """A passage that is only a title (附件1 + XX汇总表, 表1 XX): short, no sentence or table cell.
    (A document's header is short too, but its lines date and number the document.)"""
    text = (h.text or "").strip()
    return bool(text) and h.locator != "header" and len(text) <= _CAPTION_MAX and not _SENTENCE_MARKS.search(text)


@dataclass
class Composition:
    text: str
    citations: list[Citation]
    used_hits: list[int]


def compose(pq: ParsedQuestion, hits: list[SearchHit]) -> Composition:
    scored = score(pq, hits)
    chosen = select(pq, hits, scored)
    if not chosen:
        return Composition("", [], [])
    numbers: dict[int, int] = {}  # hit index -> citation number
    quotes: dict[int, list[str]] = {}

    def cite(u: Unit) -> str:
        if u.hit not in numbers:
            numbers[u.hit] = len(numbers) + 1
            quotes[u.hit] = []
        if u.text not in quotes[u.hit]:
            quotes[u.hit].append(u.text)
        return f"[{numbers[u.hit]}]"

    lines: list[str] = []
    lead = lead_unit(scored, chosen, pq)
    if lead is not None and "compare" in scored.qtypes and len({hits[i].doc_id for i, _ in chosen}) > 1:
        lead = None  # comparing versions: the grouped passages speak, no single lead
    docs: list[str] = []
    for i, _ in chosen:
        if hits[i].doc_id not in docs:
            docs.append(hits[i].doc_id)
    several = len(docs) > 1
    # a list's intro leading, its items quoted next from the same passage: the items go right under
    # the lead line, not under the intro said a second time
    items = (_after_intro(chosen[0][1], lead)
             if lead is not None and lead.kind == "intro" and not several and chosen[0][0] == lead.hit else [])
    items_follow = bool(items)
    if lead is not None:
        h = hits[lead.hit]
        loc = h.locator if h.locator and h.locator not in ("¶", "header") else ""
        lead_text = lead.text.rstrip("：:") + "。" if lead.kind == "intro" and not items_follow else lead.text
        lines.append(f"依据{book_title(short_title(h.title))}{loc}：{_with_marker(lead_text, cite(lead))}")
    if several:
        lines.append(f"以下规定涉及{len(docs)}份文件，按文件分列：")
        if lead is None and len(pq.documents) > 1 and EACH_RE.search(pq.text):
            # what texts named side by side each say (环评法和建设项目环保管理条例分别…): in its order
            named = {t: n for n, t in enumerate(pq.documents)}
            chosen = sorted(chosen, key=lambda c: named.get(title_key(hits[c[0]].title or ""), len(named)))
    current_doc = None
    for i, units in chosen:
        h = hits[i]
        body_units = [
            u for u in units
            if several or not (lead is not None and lead.kind == "sent" and u.hit == lead.hit and u.pos == lead.pos)
        ]
        if items_follow and i == lead.hit:
            lines.append("  " + _render(items, cite))
            continue
        if not body_units:
            continue
        if several and h.doc_id != current_doc:
            lines.append(f"{doc_label(h)}：")
            current_doc = h.doc_id
        loc = _locator_label(h)
        prefix = f"{loc}：" if loc else ""
        if not several and (not lines or (lead is None and i == chosen[0][0])):
            prefix = f"{book_title(short_title(h.title))}{prefix or '：'}"
        lines.append(prefix + _render(body_units, cite))
    lines += _part_lines(pq, hits, quotes, cite)
    citations = [
        Citation(n=n, hit=hits[i], quote="".join(quotes[i])) for i, n in sorted(numbers.items(), key=lambda kv: kv[1])
    ]
    return Composition("\n".join(lines), citations, [i for i, _ in sorted(numbers.items(), key=lambda kv: kv[1])])


PART_PASSAGES = 4  # the best passages a part of a two-part question is answered from
PART_FIGURE_PASSAGES = 6  # …and a part asking a quantity in a unit, if one of them states it


# A part asked of the national rules (国家层面…由谁出台, 全国层面有没有…).
NATIONAL_PART = re.compile(r"(?:国家|全国|中央)(?:层面|一级|层级)|全国性")


def _part_lines(pq: ParsedQuestion, hits: list[SearchHit], quotes: dict[int, list[str]], cite) -> list[str]:
    """For a question asking two things (多少钱？由哪个部门罚？), or comparing two sides in one sentence
    (A和B有什么不同), a line for each part or side whose answer the composition does not quote yet:
    the best sentence for it, cited."""
    out: list[str] = []
    for n, part in enumerate(pq.parts or pq.sides):
        figure = _figure_in_unit(part) if not pq.sides else None
        # (a part asking a quantity looks a little further for a sentence stating one)
        scored = score(part, hits[:PART_FIGURE_PASSAGES if figure is not None else PART_PASSAGES])
        wanted = lead_types(scored.qtypes)
        # a part is answered from the documents already cited; a side of a comparison may be
        # another document's (设计单位 under one regulation, 规划编制单位 under a law)
        cited = {hits[i].doc_id for i in quotes}
        docs = cited | ({h.doc_id for h in hits[:PART_PASSAGES]} if pq.sides else named_by(part, hits[:PART_PASSAGES]))
        if pq.parts and not any(p.documents for p in pq.parts[:n + 1]) and any(p.documents for p in pq.parts[n + 1:]):
            # (…许可证归哪个部门审批？固废法对这张许可证又是怎么规定的: a part naming no text before
            # one that names a text is asked of whichever text search found for it; after it, of that
            # text — 依照《环境保护法》…？拘留期限是多少？)
            docs |= {h.doc_id for h in hits[:PART_PASSAGES]}
        national = not pq.sides and bool(NATIONAL_PART.search(part.text))
        if national:  # (国家层面…又由谁出台: asked of the national rules, whatever text is cited)
            docs |= {h.doc_id for h in hits[:PART_PASSAGES] if LOCAL.match(h.title or "") is None}
        # (a side may be answered by a list: 对受威胁区应当采取下列措施： and its items)
        # (a header's lines that date another text it carries answer no part: 2000年9月22日…通过 in the
        # header of a 办法 amended with seven other regulations)
        own = _own_header_lines(hits, scored, [i for i in range(len(scored.units)) if hits[i].locator == "header"])
        cands = [u for us in scored.units for u in us if (u.kind != "intro" or pq.sides)
                 and (u.cues & wanted or not wanted) and hits[u.hit].doc_id in docs
                 and not (hits[u.hit].locator == "header" and u.text not in own.get(hits[u.hit].doc_id, ()))
                 and not another_version(hits[u.hit], part, hits)]
        if not cands:
            continue
        named_side = bool(pq.sides) and (pq.names_text_alone(part) or bool(part.text_level))
        if named_side:
            # a side naming a text (和国家节能法相比), or texts by level (国家法律的提法), is answered by
            # that text's best sentence on the topic
            cands = [u for u in cands if (of_level(hits[u.hit], part) if part.text_level
                                          else title_key(hits[u.hit].title or "") in part.documents)]
            if not cands:
                continue
            best = max(cands, key=lambda u: (len(u.cues & wanted), u.score, -u.hit, -u.pos))
        elif pq.sides:
            # a side is told from the other by its own words (设计院 / 规划编制单位): the line must
            # say more of them than anything the answer quotes already, or as much from a document
            # already cited (对疫点应当采取下列措施 beside 划定疫点、疫区和受威胁区)
            own = _own_words(part, pq.sides[1 - n])
            # (a quote answers the side only if it states the figure asked: 审判员一人适用普通程序独任审理
            # names the ordinary procedure but not how long it takes)
            stated = FIGURES.get(part.figure)
            if stated is None:
                said = max((_share(own, q) for qs in quotes.values() for q in qs), default=0.0)
            else:  # (a list's intro and items are read together: 对负有责任的单位…处以罚款： （二）较大事故，处…)
                said = max((_share(own, "".join(qs)) for qs in quotes.values() if stated.search("".join(qs))),
                           default=0.0)
            says = {id(u): _side_share(own, u, hits) for u in cands}
            # (from another document, a sentence of the side's own best passage stating the figure
            # the side asks needs no more of its words than the quotes say: 提起环境损害赔偿诉讼的
            # 时效期间为三年 beside 因产品存在缺陷…时效期间为二年, asked of 环境污染 and 产品缺陷)
            cands = [u for u in cands if _side_fits(says[id(u)], said, hits[u.hit].doc_id in cited,
                                                    SIDE_SOURCE in hits[u.hit].sources
                                                    and bool(stated and stated.search(u.text)))]
            if not cands:
                continue
            if stated is not None:  # a side asking a figure is answered by a sentence stating one
                cands = [u for u in cands if stated.search(u.text)] or cands
            best = max(cands, key=lambda u: (says[id(u)], len(u.cues & wanted), u.score, -u.hit, -u.pos))
        else:
            if national:
                cands = [u for u in cands if LOCAL.match(hits[u.hit].title or "") is None] or cands
            if figure is not None:  # a part asking a quantity (最少要几个人) is answered by a sentence stating one
                cands = ([u for u in cands if figure.search(u.text)]
                         or [u for u in cands if u.hit < PART_PASSAGES])
                if not cands:
                    continue
            best = max(cands, key=lambda u: (len(u.cues & wanted), u.score, -u.hit, -u.pos))
        if best.score <= 0.2 or any(best.text in q or q in best.text for qs in quotes.values() for q in qs):
            continue  # nothing that answers it, or already quoted
        h = hits[best.hit]
        loc = _locator_label(h)
        asked = part.raw.rstrip("？?。 ")
        text = _with_marker(best.text, cite(best))
        whole = [u for u in scored.units[best.hit] if u.kind == "sent"] if named_side and best.kind == "sent" else []
        if whole and len("".join(u.text for u in whole)) <= SHORT_ARTICLE:
            # the named text's article on the topic, short enough to be compared whole
            text = "".join(_with_marker(u.text, cite(u)) for u in whole)
        if best.kind == "intro":
            items = [u for u in scored.units[best.hit] if u.intro == best.pos][:SIDE_ITEMS]
            text += "".join(f"\n  {_with_marker(u.text, cite(u))}" for u in items)
        out.append(f"关于“{asked}”：依据{book_title(short_title(h.title))}{loc}：{text}")
    return out


def _figure_in_unit(part: ParsedQuestion) -> re.Pattern[str] | None:
    """What states the quantity a part asks in a unit of its own (最少要几个人: 不得少于2人); None when
    it asks none. (Any sum or period is left to the scores: 处五万元以下的罚款 states a sum, not the
    one asked.)"""
    return number_in_unit(part.figure_unit) if part.figure == "quantity" and part.figure_unit else None


SIDE_ITEMS = 10  # items of a list quoted for a side of a comparison
SHORT_ARTICLE = 200  # characters: a named text's article this short is quoted whole for its side
SIDE_SOURCE = "side"  # marks the passage a side's own search put first (answer._each_side)
SIDE_NEW_DOCUMENT = 0.5  # share of a side's own words a document not cited yet must say more than
_PARAGRAPH_BEFORE = re.compile(r"(?:前款|前两款|上款)(?:所列|规定的?|所称)(?:违法)?(?:行为|情形)")


def _side_share(own: list[str], u: Unit, hits: list[SearchHit]) -> float:
    """The share of a side's own words a sentence says — with its passage's words when it speaks of
    the paragraph before (前款所列行为: the conduct that paragraph names)."""
    text = u.text + (hits[u.hit].text or "" if _PARAGRAPH_BEFORE.search(u.text) else "")
    return _share(own, text)


def _side_fits(share: float, said: float, cited: bool, states_figure: bool = False) -> bool:
    """Whether a sentence saying `share` of a side's own words answers that side, beside quotes that
    say `said` of them: more than they do, or as much from a document already cited; from another
    document, more than half of them too — unless it is the side's own best passage stating the
    figure the side asks (`states_figure`)."""
    if cited:
        return share > said or share == said > 0
    return share > said and (share > SIDE_NEW_DOCUMENT or states_figure)


def _own_words(side: ParsedQuestion, other: ParsedQuestion) -> list[str]:
    """The terms of one side of a comparison that the other side does not use."""
    return [t for t in side.terms if len(t) >= 2 and t not in other.text]


def _share(words: list[str], text: str) -> float:
    """The share of `words` (weighted by length, up to four characters) that `text` contains."""
    total = sum(min(len(w), 4) for w in words)
    return sum(min(len(w), 4) for w in words if w in text) / total if total else 0.0


def _locator_label(h: SearchHit) -> str:
    loc = (h.locator or "").strip()
    if not loc or loc.startswith("¶"):
        return ""
    if loc == "header":
        return "题注"
    if re.match(r"^\d+(\.\d+)*$", loc):
        return f"第{loc}节"
    return loc


def _with_marker(text: str, marker: str) -> str:
    """Put [n] at the end of a unit; a unit ending in ： gets it before the colon."""
    t = text.rstrip()
    if t.endswith(("：", ":")):
        return t[:-1] + marker + t[-1]
    if t.endswith("。"):
        return t + marker
    return t + marker


def _after_intro(units: list[Unit], intro: Unit) -> list[Unit]:
    """The units of a passage after its list intro `intro`, when the intro is its first unit quoted
    and its items come next ([] otherwise)."""
    if not units or units[0].kind != "intro" or units[0].pos != intro.pos:
        return []
    rest = units[1:]
    return rest if rest and rest[0].kind == "item" else []


def _render(units: list[Unit], cite) -> str:
    """Units in passage order; clauses of one sentence (…；…。) share one [n] at its end,
    list items go on their own lines."""
    out = ""
    run: list[Unit] = []

    def flush() -> None:
        nonlocal out, run
        if not run:
            return
        text = "".join(u.text for u in run)
        for u in run[:-1]:
            cite(u)  # record the quote
        piece = _with_marker(text, cite(run[-1]))
        if run[0].kind == "item" and out:
            out += "\n  " + piece
        else:
            out += piece
        run = []

    for u in units:
        if run:
            prev = run[-1]
            same_sentence = (
                u.kind == "sent" and prev.kind == "sent" and u.pos == prev.pos + 1 and prev.text.endswith(("；", ";", "，"))
            )
            if not same_sentence:
                flush()
        run.append(u)
    flush()
    return out
