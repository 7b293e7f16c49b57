"""Which units of a chosen passage are quoted, and which one the answer's lead line rests on.

A short passage the answer stands on is quoted whole; a longer one by its best units, a list's
intro with its items, a graver tier of a sanction with the clauses before it, and a listed
conduct with the sentence after the list that sets its fine. The lead unit answers the kind of
question asked (a number, a date, an authority, a penalty) from the main passage when it can.
"""
from __future__ import annotations

import re

from kb.answers.figure_stated import FIGURES
from kb.answers.scoring import Scored
from kb.answers.units import Unit, split_units
from kb.question.kinds import FOCUS_SOURCE
from kb.question.reading import ParsedQuestion
from kb.types import SearchHit


def pick_units(units: list[Unit], hit: SearchHit, primary: bool, global_best: float) -> list[Unit]:
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
        extra += [x for u in keep + extra for x in tier_base(units, u)]
        extra += [x for u in keep if u.kind == "item" for x in _sanction_of_item(units, u)]
        keep_pos = {u.pos for u in keep} | {u.pos for u in extra}
        keep = [u for u in units if u.pos in keep_pos]
    return keep


_ITEM_NUMBER = re.compile(r"^[（(]([一二三四五六七八九十]+)[）)]")


def _sanction_of_item(units: list[Unit], item: Unit) -> list[Unit]:
    """The sentence after a list that sets the sanction for `item` by its number (有前款第五项、第六项
    行为之一的，处一万元以上…): the list's intro says only 处以罚款."""
    named = _naming(item)
    if named is None:
        return []
    return [u for u in units if u.kind == "sent" and u.pos > item.pos and named.search(u.text)][:1]


def _naming(item: Unit) -> re.Pattern[str] | None:
    """What names `item` by its number in a sentence after the list (有前款第三项、第四项行为之一)."""
    m = _ITEM_NUMBER.match(item.text)
    return re.compile(rf"前款[^。；]*?(?<![一二三四五六七八九十])第{m.group(1)}项") if m else None


def item_sanction(text: str, listed: str) -> str:
    """The sentence of `text` after its list that sizes the sanction of the item `listed` ends with
    (a penalty register's unit: the list's lead and one item), or ''."""
    units = split_units(text)
    item = next((u for u in units if u.kind == "item" and listed.rstrip().endswith(u.text.strip())), None)
    found = _sanction_of_item(units, item) if item is not None else []
    if not found:
        return ""
    # (of a sentence sizing several groups of items, the clause naming this one)
    named = _naming(item)
    return next((c for c in re.split(r"(?<=；)", found[0].text) if named and named.search(c)), found[0].text)


# A graver tier of a sanction (情节严重的，处…; 拒不改正的，处…) reads only after the clauses of its
# sentence before it: who sanctions, for what, and the first tier.
_TIER_START = re.compile(r"^(?:情节(?:特别|较为)?严重|拒不改正|逾期(?:不|未|仍不|仍未)(?:改正|缴纳|履行|补办|拆除|停止)"
                         r"|造成(?:严重)?后果|再次|屡次|多次|构成犯罪)")


def tier_base(units: list[Unit], u: Unit) -> list[Unit]:
    """The clauses of `u`'s sentence before it, when `u` is a graver tier of a sanction."""
    if u.kind == "item" or not _TIER_START.match(u.text):
        return []
    by_pos = {x.pos: x for x in units}
    before: list[Unit] = []
    p = u.pos - 1
    while p in by_pos and by_pos[p].kind == "sent" and by_pos[p].text.endswith(("；", ";")):
        before.append(by_pos[p])
        p -= 1
    return before[::-1]


_DATE_FOCUS = ("effective", "adopted", "amended", "repealed", "issued")
LEAD_TYPES = ("numeric", "timeline", "who", "penalty", "yesno")


def lead_types(qtypes: set[str]) -> set[str]:
    """The kinds of answer a lead line is chosen for. 应当 / 不得 / 可以 mark nearly every sentence of
    a law, so a yes/no asked beside an authority or a figure (算不算…，由谁认定) is left to them."""
    wanted = {t for t in LEAD_TYPES if t in qtypes}
    return wanted - {"yesno"} if len(wanted) > 1 else wanted


# A header line recording a revision, and its year (2018年10月26日…第二次修正).
_DATED_REVISION = re.compile(r"((?:19|20)\d{2})\s*年[^。]*?(?:修正|修订)")


def _asked_revision(units: list[Unit], pq: ParsedQuestion | None) -> Unit | None:
    """For 最近一次修改 / 第一次修正 / 第二次修正: of the revision lines (of the kind named), the one
    with the latest or earliest year, or the one naming the revision's rank, whatever words it
    shares with the question."""
    pick, kind = pq.revision if pq is not None else ("", "")
    if not pick:
        return None
    if pick.startswith("第"):  # 第二次修正: the line naming that revision
        return next((u for u in units if pick + kind in u.text), None)
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
    dated = [FOCUS_SOURCE[f] for f in (pq.focus if pq is not None else ()) if f in _DATE_FOCUS]
    if dated:
        # 从哪天开始施行: the sentence that says it takes effect, not one dating a repeal beside it
        own = [u for u in own if any(p.search(u.text) for p in dated)] or own
    best = max(own or cands, key=lambda u: (len(u.cues & set(wanted)), u.score, -u.hit, -u.pos))
    quoted = [x for _, us in chosen for x in us if x.hit == best.hit]
    if "penalty" in wanted and best.kind == "intro" and not FIGURES["amount"].search(best.text):
        # 有下列行为之一的，…处以罚款： sets no sum; the sentence after the list that sizes the
        # fine of an item quoted (有前款第六项行为的，处…) answers the penalty asked
        best = next((s for u in quoted if u.kind == "item" for s in _sanction_of_item(quoted, u)), best)
    figure = FIGURES.get(pq.figure) if pq is not None and pq.figure else None
    if "numeric" in wanted and best.kind == "intro" and figure is not None and not figure.search(best.text):
        # 本法中下列用语的含义是： states no figure; the quoted item that states the one asked
        # (滨海湿地，是指…水深不超过六米…) answers it
        best = max((u for u in quoted if u.kind == "item" and u.intro == best.pos and figure.search(u.text)),
                   key=lambda u: u.score, default=best)
    base = tier_base(quoted, best)
    return base[0] if base else best  # a graver tier is led by its sentence's start
