"""Answers to "what changed between the versions" questions, built from the comparison of two
versions (items from kb.versions change_summary): a lead line naming both versions, then for
each change the question is about 'old clause [n]；new clause [m]', verbatim from the two
articles.
"""
from __future__ import annotations

import re
import unicodedata

from kb.answers.extractive import Composition
from kb.answers.units import Unit, split_units
from kb.types import Citation, SearchHit


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or "")).rstrip("…")


def _units_for_quote(units: list[Unit], quote: str) -> list[Unit]:
    """The units of a passage that make up `quote` (a clause picked by change_summary, maybe
    clipped with …): units inside the quote, or the one unit holding it."""
    q = _flat(quote)
    if not q:
        return []
    inside = [u for u in units if len(_flat(u.text)) >= 4 and _flat(u.text) in q]
    if inside:
        return inside
    holding = [u for u in units if q in _flat(u.text)]
    return holding[:1]


def _differing_units(units: list[Unit], other: list[Unit], limit: int = 2) -> list[Unit]:
    """Units of one version's article that the other version does not have word for word."""
    have = {_flat(u.text) for u in other}
    return [u for u in units if _flat(u.text) not in have][:limit]


SHORT_ARTICLE = 200  # characters (without spaces): an article this short is quoted whole when it changed


def _short(units: list[Unit]) -> bool:
    return 0 < sum(len(_flat(u.text)) for u in units) <= SHORT_ARTICLE


def _article_label(locator: str) -> str:
    loc = (locator or "").strip()
    return loc if loc.startswith("第") else (f"第{loc}节" if re.match(r"^\d+(\.\d+)*$", loc) else loc)


def _rewritten_counterpart(items: list, picked: list) -> object | None:
    """An old article on the topic that no new article pairs with, and a new one on the topic that
    no old article pairs with, are most often one rule rewritten (and, across a repeal, always two
    laws' rules on one matter): when only the old one is picked, the best new one on the topic too."""
    if not any(i.status == "removed" for i in picked) or any(i.status in ("added", "changed") for i in picked):
        return None
    added = [i for i in items if i.status == "added" and i.score > 0 and i not in picked]
    return max(added, key=lambda i: i.score) if added else None


def compose_changes(items: list, old_label: str, new_label: str, max_items: int = 3,
                    counts: dict | None = None) -> Composition:
    """An answer built from the comparison of two versions: a lead line naming them, then for
    each change the question is about 'old clause [n]；new clause [m]', verbatim from the two
    articles. `items`: kb.versions.ChangeItem, most relevant first (hit_a / hit_b the chunks,
    quote_a / quote_b the clauses). Changes whose clauses cannot be found in their chunks are
    skipped; no usable change gives an empty Composition."""
    if not items:
        return Composition("", [], [])
    top = max(i.score for i in items)
    if top > 0:
        # (an unchanged pair first was put there as the topic's, asked whether it changed:
        # kb.answers.version_answers.searched_first)
        picked = [i for n, i in enumerate(items) if (n == 0 and i.status == "unchanged") or i.score >= 0.6 * top][:max_items]
    else:  # no topic words: the changed articles in order
        picked = [i for i in items if i.status == "changed"][: max(max_items, 5)]
    counterpart = _rewritten_counterpart(items, picked)
    if counterpart is not None:
        picked.append(counterpart)
    # an old article and a new one on the topic, neither paired: say so, not "deleted" and "added"
    rewritten = any(i.status == "removed" for i in picked) and any(i.status == "added" for i in picked)
    hits: list[SearchHit] = []
    numbers: dict[str, int] = {}
    quotes: dict[str, list[str]] = {}

    def cite(h: SearchHit, units: list[Unit]) -> str:
        if h.chunk_id not in numbers:
            numbers[h.chunk_id] = len(numbers) + 1
            quotes[h.chunk_id] = []
            hits.append(h)
        for u in units:
            if u.text not in quotes[h.chunk_id]:
                quotes[h.chunk_id].append(u.text)
        return f"[{numbers[h.chunk_id]}]"

    def body(units: list[Unit]) -> str:
        return "".join(u.text for u in units).rstrip("；;，,。")

    lines: list[str] = []
    for it in picked:
        ua = split_units(it.hit_a.text) if it.hit_a is not None else []
        ub = split_units(it.hit_b.text) if it.hit_b is not None else []
        qa = _units_for_quote(ua, it.quote_a)
        qb = _units_for_quote(ub, it.quote_b)
        if it.status in ("changed", "unchanged") and (not qa or not qb or [_flat(u.text) for u in qa] == [_flat(u.text) for u in qb]):
            da, db = _differing_units(ua, ub), _differing_units(ub, ua)
            if da or db:
                qa, qb = da or qa, db or qb
        if it.status == "changed":
            qa = qa or ua[:2]
            qb = qb or ub[:2]
            if _short(ua) and _short(ub):
                qa, qb = ua, ub  # two short articles read whole: a change is seldom in one clause only
            if not qa or not qb:
                continue
            la, lb = _article_label(it.locator_a), _article_label(it.locator_b)
            lines.append(f"旧版{la}：{body(qa)}{cite(it.hit_a, qa)}；新版{lb}：{body(qb)}{cite(it.hit_b, qb)}。")
        elif it.status == "added":
            qb = qb or ub[:2]
            if not qb:
                continue
            label = (f"新版{_article_label(it.locator_b)}（旧版未见逐条对应的条文）" if rewritten
                     else f"新版新增{_article_label(it.locator_b)}")
            lines.append(f"{label}：{body(qb)}{cite(it.hit_b, qb)}。")
        elif it.status == "removed":
            qa = qa or ua[:2]
            if not qa:
                continue
            gone = "新版未见逐条对应的条文" if rewritten else "新版已删去"
            lines.append(f"旧版{_article_label(it.locator_a)}（{gone}）：{body(qa)}{cite(it.hit_a, qa)}。")
        elif it.status == "unchanged":
            qa = qa or ua[:1]
            if not qa or it.hit_b is None:
                continue
            la, lb = _article_label(it.locator_a), _article_label(it.locator_b)
            same = f"旧版{la}与新版{lb}内容相同" if la != lb else f"新旧两版{la}内容相同"
            lines.append(f"{same}：{body(qa)}{cite(it.hit_a, qa)}{cite(it.hit_b, qb or ub[:1])}。")
    if not lines:
        return Composition("", [], [])
    lead = f"新旧版本对照：旧版{old_label}，新版{new_label}。"
    head = [lead]
    if counts and top <= 0:  # "what changed" in general: the size of the revision first
        head.append(
            f"两版相比：修改{counts.get('changed', 0)}条，新增{counts.get('added', 0)}条，删除{counts.get('removed', 0)}条，"
            f"未变{counts.get('unchanged', 0)}条；以下先列罚则、数额和期限、义务方面的修改，机构名称等文字调整在后"
            + ("：" if len(lines) >= counts.get("changed", 0) else f"（共列{len(lines)}处）：")
        )
    text = "\n".join(head + lines)
    citations = [Citation(n=numbers[h.chunk_id], hit=h, quote="".join(quotes[h.chunk_id])) for h in hits]
    return Composition(text, citations, [])
