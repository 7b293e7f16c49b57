"""Extractive answers: the answer is made of sentences and clauses of the retrieved passages.

Nothing is rewritten. Passages are cut into units (kb.answers.units) and scored against the
read question (kb.answers.scoring); the best passages contribute their best units, verbatim,
each followed by the [n] of the passage it came from. When an article introduces a list
(下列…：), its items come along. A question asking for a number, a date, an authority or
yes/no gets one direct lead line first, itself a verbatim span of a source. Passages of a
second document are quoted only for a reason: the question names it, one implements the
other (a local 实施《X》办法), or the question compares versions.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from kb.answers.scoring import CUE_PATTERNS, Scored, score
from kb.answers.units import Unit, short_title
from kb.index.lexical import normalize
from kb.question.kinds import FOCUS_SOURCE, ISSUER_ASKED_RE, Ask
from kb.question.reading import ParsedQuestion
from kb.text.roles import Role, roles
from kb.types import Citation, SearchHit
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
        if scored.qtypes == {"list"}:
            first = _list_lead(hits, scored, quotable, first)
        if "effective" in pq.focus and Ask.TIMELINE in pq.asks and Ask.WHO not in pq.asks:
            first = _effective_lead(hits, quotable, first)
        if ISSUER_ASKED_RE.search(pq.text):  # who issued the text: its header says
            first = _next_of_same_document(hits, quotable, first, lambda i: hits[i].locator == "header",
                                           LEAD_LOOKAHEAD + 1)
        order = [first] + sorted((i for i in range(len(hits)) if i != first), key=lambda i: -cs[i])
    else:
        order = sorted(range(len(hits)), key=lambda i: -cs[i])
    main = order[0]
    main_doc = hits[main].doc_id
    multi_doc = "compare" in scored.qtypes or pq.other_versions
    chosen = [main]
    deliberate: set[int] = {main}  # passages of another document chosen for a reason
    for i in order[1:]:
        if len(chosen) >= max_chunks:
            break
        same_doc = hits[i].doc_id == main_doc
        if _caption_only(hits[i]) and not _caption_only(hits[main]):
            continue  # a bare title adds nothing to a passage with content
        other_version = not same_doc and hits[i].title == hits[main].title
        if other_version and not multi_doc:
            continue
        implements = not same_doc and not other_version and _other_doc_relevant(pq, hits[i], hits[main])
        need = 0.8 if same_doc else (0.45 if implements else 0.8 if multi_doc else 0.95)
        if cs[i] >= need * cs[main] and scored.units[i]:
            # another document must be quoted for a reason: a version / a local rule / a compare
            if not same_doc and not multi_doc and not implements:
                continue
            chosen.append(i)
            if not same_doc and hits[i].doc_id not in {hits[j].doc_id for j in chosen[:-1]}:
                deliberate.add(i)
    if "effective" in pq.focus and FROM_PROMULGATION.search(hits[main].text or ""):
        # in force from the day it was promulgated: that day is in the header
        header = next((i for i in quotable if hits[i].doc_id == main_doc and hits[i].locator == "header"), None)
        if header is not None and header not in chosen:
            chosen.append(header)
            deliberate.add(header)
    if len(pq.documents) >= 2:
        # a question naming several documents is about each: the best passage of each named one
        for i in sorted(quotable, key=lambda i: -cs[i]):
            have = {hits[j].doc_id for j in chosen}
            if hits[i].doc_id not in have and title_key(hits[i].title or "") in pq.documents:
                chosen.append(i)
                deliberate.add(i)
    global_best = max((u.score for i in chosen for u in scored.units[i]), default=0.0)
    out: list[tuple[int, list[Unit]]] = []
    for i in chosen:
        units = scored.units[i]
        if not units:
            continue
        keep = _pick_units(units, hits[i], primary=(i in deliberate), global_best=global_best)
        if hits[i].locator == "header" and pq.document_dates:
            # a header is the document's chronology: asked for a date, all of it but the title line
            keep = [u for u in units if title_key(u.text) != title_key(hits[i].title or "")][:HEADER_LINES]
        if keep:
            out.append((i, keep))
    # group by document, in order of each document's first (best) passage
    doc_order: list[str] = []
    for i, _ in out:
        if hits[i].doc_id not in doc_order:
            doc_order.append(hits[i].doc_id)
    out.sort(key=lambda p: (doc_order.index(hits[p[0]].doc_id), hits[p[0]].chunk_index if p[0] != main else -1))
    return out


# An effective clause that dates nothing itself (本条例自公布之日起施行).
FROM_PROMULGATION = re.compile(r"自(?:公布|发布|印发|颁布)之日起(?:施行|生效|执行|实施)")
HEADER_LINES = 12  # promulgation lines quoted at most (a law amended ten times has eleven)

LEAD_LOOKAHEAD = 3  # how far down search's order a question looks for the passage it asks for


# Three or more things named in one sentence (应当配备油水分离设施、含油污水处理设备、排油监控装置;
# 经过中间试验、环境释放和生产性试验三个阶段): a list too, though it has no 下列 or （一）.
_INLINE_LIST = re.compile(r"[^。；、，]{2,24}(?:、[^。；、，]{2,24}){2,}"
                          # (items of three characters or more: 时间、地点和种类 names attributes, not things)
                          r"|[^。；、，]{3,24}(?:、[^。；、，]{3,24})+?(?:和|及|以及|或者)[^。；、，和及或]{3,24}")


def _list_lead(hits: list[SearchHit], scored: Scored, quotable: list[int], first: int) -> int:
    """A question asking only for a list (哪些、哪几类) is answered by an enumeration: when search's
    first passage lists nothing (no 下列/包括/（一）, and its best sentence names no three things) and
    one of the next passages of the same document enumerates, that one leads — not a penalty's list
    of conducts (有下列行为之一的，…罚款), which answers no list but a penalty's."""
    if CUE_PATTERNS["list"].search(hits[first].text or ""):
        return first
    best = max(scored.units[first], key=lambda u: u.score, default=None)
    if best is not None and _INLINE_LIST.search(best.text.replace("省、自治区、直辖市", "省级")):
        return first  # the sentence that answers names the things one after another
    return _next_of_same_document(hits, quotable, first,
                                  lambda i: _enumerates(scored.units[i]) and Role.PENALTY not in roles(hits[i].text or ""),
                                  LEAD_LOOKAHEAD)


def _effective_lead(hits: list[SearchHit], quotable: list[int], first: int) -> int:
    """"From when does it apply" is answered by the clause that says so (本法自…起施行), not by a
    law's header, whose lines date its adoption and amendments: when search's first passage
    states no effective date and one of the next of the same document does, that one leads."""
    states = FOCUS_SOURCE["effective"]
    if states.search(hits[first].text or ""):
        return first
    return _next_of_same_document(hits, quotable, first, lambda i: bool(states.search(hits[i].text or "")),
                                  LEAD_LOOKAHEAD + 1)


def _next_of_same_document(hits: list[SearchHit], quotable: list[int], first: int,
                           fits: Callable[[int], bool], lookahead: int) -> int:
    """The first of search's next `lookahead` quotable passages that is of `first`'s document and
    `fits`, else `first`."""
    for i in quotable[:lookahead]:
        if i != first and hits[i].doc_id == hits[first].doc_id and fits(i):
            return i
    return first


def _enumerates(units: list[Unit]) -> bool:
    """A list intro (下列…：) followed by at least two of its items."""
    return any(u.kind == "intro" and sum(1 for x in units if x.intro == u.pos) >= 2 for u in units)


_CAPTION_MAX = 40
_SENTENCE_MARKS = re.compile(r"[。；，：:;,|？?！!]")


def _caption_only(h: SearchHit) -> bool:
    """A passage that is only a title (附件1 + XX汇总表, 表1 XX): short, no sentence or table cell.
    (A document's header is short too, but its lines date and number the document.)"""
    text = (h.text or "").strip()
    return bool(text) and h.locator != "header" and len(text) <= _CAPTION_MAX and not _SENTENCE_MARKS.search(text)


def _other_doc_relevant(pq: ParsedQuestion, other: SearchHit, main: SearchHit) -> bool:
    """A second document is worth quoting when the question names it, or when one of the two
    implements the other (a local 实施《X》办法 and the national X)."""
    q = pq.folded
    st = normalize(short_title(other.title))
    named = [normalize(short_title(n)) for n in pq.named]
    if st and any(n == st or (n in st and len(n) >= len(st) - 2) for n in named):
        return True
    if title_key(other.title or "") in pq.documents:  # named without 《》, resolved against the index
        return True
    if st and not named and st in q:
        return True
    a, b = normalize(short_title(main.title)), st
    place = _LOCAL.match(other.title or "")
    if place and normalize(place.group(1)) not in q:
        return False  # a local implementing rule answers questions about its place only
    refs_a = re.findall(r"《([^》]+)》", a)
    refs_b = re.findall(r"《([^》]+)》", b)
    if any(r and r in b for r in refs_a) or any(r and r in a for r in refs_b):
        return True
    return False


def _pick_units(units: list[Unit], hit: SearchHit, primary: bool, global_best: float) -> list[Unit]:
    total_len = sum(len(u.text) for u in units)
    best = max(u.score for u in units)
    if primary and total_len <= 400:
        keep = list(units)  # a short article is quoted whole: the answer is usually all of it
    else:
        floor = max(0.5 * best, 0.35 * global_best) if primary else max(0.6 * best, 0.6 * global_best)
        ranked = sorted(units, key=lambda u: -u.score)
        keep = [u for u in ranked[: (6 if primary else 3)] if u.score >= floor and u.score > 0.12]
        if not keep and primary:
            keep = ranked[:1]
        # a chosen list intro brings its items; a chosen item brings its intro
        by_pos = {u.pos: u for u in units}
        extra: list[Unit] = []
        for u in keep:
            if u.kind == "intro":
                extra += [x for x in units if x.intro == u.pos][:15]
            elif u.kind == "item" and u.intro is not None:
                extra.append(by_pos[u.intro])
        keep_pos = {u.pos for u in keep} | {u.pos for u in extra}
        keep = [u for u in units if u.pos in keep_pos]
    return keep


LEAD_TYPES = ("numeric", "timeline", "who", "penalty", "yesno")


# A header line recording a revision, and its year (2018年10月26日…第二次修正).
_DATED_REVISION = re.compile(r"((?:19|20)\d{2})\s*年[^。]*?(?:修正|修订)")


def _asked_revision(units: list[Unit], pq: ParsedQuestion | None) -> Unit | None:
    """For 最近一次修改 / 第一次修正: of the revision lines (of the kind named), the one with the
    latest or earliest year, whatever words it shares with the question."""
    pick, kind = pq.revision if pq is not None else ("", "")
    if not pick:
        return None
    dated = [(int(m.group(1)), u) for u in units
             if (m := _DATED_REVISION.search(u.text)) and kind in u.text]
    if not dated:
        return None
    return (max if pick == "latest" else min)(dated, key=lambda d: d[0])[1]


def lead_unit(scored: Scored, chosen: list[tuple[int, list[Unit]]], pq: ParsedQuestion | None = None) -> Unit | None:
    """The unit to put first for a question asking for a number/date/authority/yes-no."""
    wanted = [t for t in LEAD_TYPES if t in scored.qtypes]
    if not wanted or not chosen:
        return None
    cands = [u for _, us in chosen for u in us if u.kind != "item"]
    if not cands:
        return None
    revision = _asked_revision(cands, pq)
    if revision is not None:
        return revision
    # The lead rests on the main passage (the first chosen) when it says what is asked at all.
    main = chosen[0][0]
    own = [u for u in cands if u.hit == main and u.cues & set(wanted)]
    return max(own or cands, key=lambda u: (len(u.cues & set(wanted)), u.score, -u.hit, -u.pos))


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
    if lead is not None:
        h = hits[lead.hit]
        loc = h.locator if h.locator and h.locator not in ("¶", "header") else ""
        lead_text = lead.text.rstrip("：:") + "。" if lead.kind == "intro" else lead.text
        lines.append(f"依据{book_title(short_title(h.title))}{loc}：{_with_marker(lead_text, cite(lead))}")
    docs: list[str] = []
    for i, _ in chosen:
        if hits[i].doc_id not in docs:
            docs.append(hits[i].doc_id)
    several = len(docs) > 1
    if several:
        lines.append(f"以下规定涉及{len(docs)}份文件，按文件分列：")
    current_doc = None
    for i, units in chosen:
        h = hits[i]
        body_units = [
            u for u in units
            if several or not (lead is not None and lead.kind == "sent" and u.hit == lead.hit and u.pos == lead.pos)
        ]
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
_LOCAL = re.compile(r"^(.{2,8}?)(?:省|市|自治区|特别行政区)")


def _part_lines(pq: ParsedQuestion, hits: list[SearchHit], quotes: dict[int, list[str]], cite) -> list[str]:
    """For a question asking two things (多少钱？由哪个部门罚？), a line for each part whose answer
    the composition does not quote yet: the best sentence for that part, cited."""
    out: list[str] = []
    for part in pq.parts:
        scored = score(part, hits[:PART_PASSAGES])
        wanted = {t for t in LEAD_TYPES if t in scored.qtypes}
        cited_docs = {hits[i].doc_id for i in quotes}
        cands = [u for us in scored.units for u in us if u.kind != "intro" and (u.cues & wanted or not wanted)
                 and hits[u.hit].doc_id in cited_docs]  # a part is answered from the documents already cited
        if not cands:
            continue
        best = max(cands, key=lambda u: (len(u.cues & wanted), u.score, -u.hit, -u.pos))
        if best.score <= 0.2 or any(best.text in q or q in best.text for qs in quotes.values() for q in qs):
            continue  # nothing that answers it, or already quoted
        h = hits[best.hit]
        loc = _locator_label(h)
        asked = part.raw.rstrip("？?。 ")
        out.append(f"关于“{asked}”：依据{book_title(short_title(h.title))}{loc}：{_with_marker(best.text, cite(best))}")
    return out


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
