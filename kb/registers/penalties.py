"""Penalty clauses, and the duties each enforces.

A penalty unit is a clause that names a conduct and what it costs: a paragraph of a 法律责任
article (违反本法规定，…的，由…处…罚款), one item of a list of conducts (排污单位有下列行为之一的，
由…处…：（一）…), or a paragraph inside an ordinary article that fines the breach of the 款 before
it (前款规定的企业未建立…的，由…处…罚款). `read_penalties` reads them with their fines and the
authority; `link_penalties` records which duties of the same document each enforces:

* by reference — the conduct names the article (违反本法第十七条第二款规定, 违反前款规定,
  拒不落实本法第五十四条规定的…): exactly those 款 / 项, or the whole article;
* by conduct — otherwise the conduct is compared with the duties of the document: the share of
  its words (character pairs, boilerplate such as 违反本法规定 / 未按照规定 left out) that a duty
  holds. A link needs COVER_MIN of the conduct covered, subjects that agree, and to be
  (nearly) the best of the document; a conduct of a few generic words links nothing.

References to another document (违反《X》第Y条规定) are kept and resolved by the register.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any, Iterable

from kb.registers.conditions import ENTERPRISE_KINDS, SUBJECTS, subject_of
from kb.text.grammar import (
    AUTHORITY_BY_RE,
    ESCALATION_RE,
    FINE_BOUND_RE,
    FINE_RE,
    SANCTION_RE,
    article_label,
    find_references,
    quantity,
)

COVER_MIN = 0.6  # share of the conduct's word pairs a duty must hold to be linked by conduct
NEAR_BEST = 0.85  # of the duties covering a conduct, those this close to the best fit are linked
MIN_PAIRS = 4  # a conduct with fewer content pairs than this is too generic to match
MAX_TIES = 3  # more duties than this covering a conduct: it names none of them

_CONDUCT_END = re.compile(r"的，(?=由|处|依照|依法|责令|对|可以|给予)|[，,](?=由[^，。；]{2,40}?(?:部门|机关|机构|人民政府))")
_BOILER = re.compile(
    r"违反(?:本法|本条例|本办法|本规定|本细则)?(?:有关)?规定|(?:未|不)?(?:按照|依照|依法|按)(?:本法|本条例|本办法)?(?:有关)?规定"
    r"|本法|本条例|本办法|国家有关|有关|规定|或者|以及|并且|的|和|及|等|者|其|之一|行为|下列|未|不|没有|拒绝"
)
_PUNCT = re.compile(r"[^\u4e00-\u9fff]")
_PARTY = re.compile("|".join(re.escape(w) for w, _ in sorted(SUBJECTS, key=lambda s: -len(s[0]))))
_IN_ARTICLE_SANCTION = re.compile(r"罚款|处罚|处分|吊销|没收|拘留")


@dataclass
class PenaltyUnit:
    locator: str
    paragraph: int
    item: int
    text: str  # the paragraph or item as written (with the list's lead for an item)
    conduct: str  # what is punished
    sanction: str  # what it costs
    subject: str = ""
    subject_kind: str = ""
    authority: str = ""
    fines: list[dict[str, Any]] = field(default_factory=list)
    refs: list[dict[str, Any]] = field(default_factory=list)  # references named by the conduct
    enforces: list[dict[str, Any]] = field(default_factory=list)  # {locator, paragraphs, items, how, cover}

    def to_record(self) -> dict[str, Any]:
        return {"type": "penalty", "locator": self.locator, "para": self.paragraph, "item": self.item,
                "text": self.text, "conduct": self.conduct, "sanction": self.sanction, "subject": self.subject,
                "subject_kind": self.subject_kind, "authority": self.authority, "fines": self.fines,
                "refs": self.refs, "enforces": self.enforces}


def fines_of(text: str) -> list[dict[str, Any]]:
    """Every fine of a sanction: {text, lo, hi} (yuan; None where the text gives no bound)."""
    out = []
    for m in FINE_RE.finditer(text):
        amount = m.group("amount")
        bounds = {b["side"]: quantity(b["n"]) for b in FINE_BOUND_RE.finditer(amount)}
        out.append({"text": m.group(0), "lo": bounds.get("以上"), "hi": bounds.get("以下")})
    return out


def _split(text: str) -> tuple[str, str]:
    """(conduct, sanction) of a penalty clause."""
    m = _CONDUCT_END.search(text)
    if m:
        return text[: m.start()].strip("，, "), text[m.end():].strip()
    s = SANCTION_RE.search(text)
    return (text[: s.start()].rstrip("，, 由"), text[s.start():]) if s else (text, "")


def _unit(locator: str, para: int, item: int, text: str, conduct: str, sanction: str, lead: str = "") -> PenaltyUnit:
    lead_conduct = _split(lead)[0] if lead else ""
    subj = (subject_of(lead_conduct, first=True) if lead else None) or subject_of(conduct, first=True)
    who = AUTHORITY_BY_RE.search(sanction) or AUTHORITY_BY_RE.search(lead)
    refs = []
    for r in find_references(conduct):
        if r.kind == "document":
            continue
        refs.append({"kind": r.kind, "scope": r.scope, "title": r.title, "art": list(r.article),
                     "last": list(r.last), "paras": list(r.paragraphs), "items": list(r.items),
                     "unit": r.unit, "count": r.count, "verb": r.verb, "text": r.text})
    return PenaltyUnit(locator, para, item, text, conduct, sanction, subj.word if subj else "",
                       subj.kind if subj else "", who.group("who") if who else "", fines_of(sanction or lead), refs)


def is_penalty_article(heading_path: str, lines: Iterable[Any]) -> bool:
    """An article of the 法律责任 / 罚则 chapter."""
    return "法律责任" in heading_path or "罚则" in heading_path


def read_penalties(locator: str, lines: list[Any], in_chapter: bool) -> list[PenaltyUnit]:
    """The penalty units of one article (`lines`: kb.registers.references.Line). Outside the
    法律责任 chapter only a paragraph with a fine or a 处罚 that names a conduct counts."""
    out: list[PenaltyUnit] = []
    lead: Any = None
    for ln in lines:
        if ln.item:
            if lead is not None and lead.paragraph == ln.paragraph:
                _, lead_sanction = _split(lead.text)
                item = re.sub(r"^\s*[（(][^）)]{1,3}[）)]|^\s*\d+[.．、]", "", ln.text).strip("；;。 ")
                out.append(_unit(locator, ln.paragraph, ln.item, f"{lead.text}{ln.text}", item, lead_sanction, lead.text))
            continue
        lead = None
        text = ln.text
        if not SANCTION_RE.search(text) or (not in_chapter and not _IN_ARTICLE_SANCTION.search(text)):
            continue
        if text.rstrip().endswith(("：", ":")) and re.search(r"下列[^，。；]{0,6}之一", text):
            lead = ln  # the conducts follow as items
            continue
        for clause in _clauses(text):
            conduct, sanction = _split(clause)
            if not sanction or not conduct:
                continue
            out.append(_unit(locator, ln.paragraph, 0, clause, conduct, sanction))
    return out


def _clauses(text: str) -> list[str]:
    """A paragraph cut where a new conduct starts (…的，由…；对以上信息作虚假宣传的，由…): a 。/；
    followed by a clause that is not an escalation (逾期不改正的 / 情节严重的 …) of the one before."""
    parts = [p for p in re.split(r"(?<=[。；])", text) if p.strip()]
    out: list[str] = []
    for p in parts:
        if out and (ESCALATION_RE.match(p.strip()) or not _CONDUCT_END.search(p)):
            out[-1] += p
        else:
            out.append(p)
    return out


# ---------------------------------------------------------------------- linking
def pairs(text: str) -> set[str]:
    """The content word pairs of a conduct or a duty: boilerplate, the names of the parties
    (compared apart, by kind) and punctuation removed."""
    t = _PUNCT.sub(" ", _BOILER.sub(" ", _PARTY.sub(" ", text or "")))
    out: set[str] = set()
    for run in t.split():
        out.update(run[i: i + 2] for i in range(len(run) - 1))
    return out


def dice(a: set[str], b: set[str]) -> float:
    """How alike two sets of word pairs are (Dice: 0 nothing shared, 1 the same)."""
    return 2 * len(a & b) / ((len(a) + len(b)) or 1)


def agree(a: str, b: str) -> bool:
    """Subjects of a penalty and a duty that may be the same party: equal, one unnamed, or a
    company kind and 企业 / 任何单位 (never a company and a public body)."""
    if a == b or "" in (a, b):
        return True
    if a in ENTERPRISE_KINDS and b in ENTERPRISE_KINDS:
        return bool({"anyone", "enterprise"} & {a, b})
    return False


def link_penalties(units: list[PenaltyUnit], duties: list[dict[str, Any]], toc: dict[str, int],
                   order: list[str]) -> None:
    """Fill `enforces` of every unit (in place) from its references or its conduct.
    `duties`: the document's duty records; `toc`: its article locators → 款 counts; `order`:
    its article locators in order (for 前条)."""
    bags, weight = _weights(duties)
    for u in units:
        explicit = _by_reference(u, toc, order)
        if explicit:
            u.enforces = explicit
            continue
        u.enforces = _by_conduct(u, duties, bags, weight)


def _by_reference(u: PenaltyUnit, toc: dict[str, int], order: list[str]) -> list[dict[str, Any]]:
    out = []
    for r in u.refs:
        if r["scope"] == "title":
            continue  # another document: resolved by the register
        if r["kind"] == "relative":
            if r["unit"] == "款" and u.paragraph - r["count"] >= 1:
                out.append({"locator": u.locator, "paragraphs": list(range(u.paragraph - r["count"], u.paragraph)),
                            "items": [], "how": "reference"})
            elif r["unit"] == "条" and u.locator in order:
                pos = order.index(u.locator)
                out += [{"locator": loc, "paragraphs": [], "items": [], "how": "reference"}
                        for loc in order[max(0, pos - r["count"]): pos]]
            continue
        if r["kind"] == "range":
            a, b = article_label(*r["art"]), article_label(*r["last"])
            if a in order and b in order:
                out += [{"locator": loc, "paragraphs": [], "items": [], "how": "reference"}
                        for loc in order[order.index(a): order.index(b) + 1]]
            continue
        loc = article_label(*r["art"])
        if loc in toc:
            out.append({"locator": loc, "paragraphs": r["paras"], "items": r["items"], "how": "reference"})
    return out


_CONDUCT_TAIL = re.compile(r"[，,](?:情节|经|逾期|造成|致使|受到|被责令|拒不改正|尚不构成|构成)")
_ALTERNATIVE = re.compile(r"的[，,]|[，,]?或者(?=[^，。；]{4,})")


def conduct_parts(conduct: str) -> list[str]:
    """The conducts a penalty names, each alone: cut at …的， and at 或者 before a conduct of its
    own, without what follows it (，情节严重 / ，经限期治理逾期不治理 …)."""
    parts = []
    for p in _ALTERNATIVE.split(conduct):
        p = p[: m.start()] if (m := _CONDUCT_TAIL.search(p)) else p
        if p.strip():
            parts.append(p.strip())
    return parts or [conduct]


def _weights(duties: list[dict[str, Any]]) -> tuple[list[set[str]], dict[str, float]]:
    """Each duty's pairs, and the weight of a pair: rarer among the document's duties, heavier
    (能源 / 使用 / 符合 say little; 标识 / 台账 / 排放口 say which duty)."""
    bags = [pairs(d.get("content") or d["text"]) for d in duties]
    df: dict[str, int] = {}
    for bag in bags:
        for p in bag:
            df[p] = df.get(p, 0) + 1
    n = len(bags)
    return bags, {p: math.log(1 + n / k) for p, k in df.items()} | {"": math.log(1 + n)}


def _by_conduct(u: PenaltyUnit, duties: list[dict[str, Any]], bags: list[set[str]],
                weight: dict[str, float]) -> list[dict[str, Any]]:
    found: dict[tuple[str, int], float] = {}
    unseen = weight[""]
    for part in conduct_parts(u.conduct):
        want = pairs(part)
        if len(want) < MIN_PAIRS:
            continue
        total = sum(weight.get(p, unseen) for p in want)
        scored = []  # (share of the conduct the duty holds, F of that and the share of the duty the conduct holds)
        for d, bag in zip(duties, bags, strict=True):
            if not agree(u.subject_kind, d.get("subject_kind", "")) or (
                u.subject_kind == "permit_holder"
                and any(c.get("value") == "登记管理" for c in d.get("conditions", []))
            ):
                continue  # another party (an 排污单位 is not one that only files a 登记表)
            same = d["locator"] == u.locator
            if same and d["para"] >= u.paragraph:
                continue  # a paragraph enforces a duty before it, never itself
            shared = sum(weight.get(p, unseen) for p in want & bag)
            cover = shared / total
            own = shared / (sum(weight.get(p, unseen) for p in bag) or 1.0)
            scored.append((cover, 2 * cover * own / (cover + own) if shared else 0.0, d))
        if not scored:
            continue
        main = [x for x in scored if not x[2].get("transitional")]
        if any(c >= COVER_MIN for c, _, _ in main):
            scored = main  # a transitional rule (附则) only when no rule of the body fits
        fit = [x for x in scored if x[0] >= COVER_MIN]
        if not fit:
            fit = _paragraph_fit(want, scored, duties, bags, weight, total)
        if not fit or len(fit) > MAX_TIES:
            continue  # nothing close, or a conduct so generic that many duties hold it
        best = max(f for _, f, _ in fit)
        for cover, f, d in fit:
            if f >= NEAR_BEST * best:  # of the duties that hold the conduct, the one most about it
                key = (d["locator"], d["para"], d["clause"])
                found[key] = max(found.get(key, 0.0), cover)
    return [{"locator": loc, "paragraphs": [para], "items": [], "clause": clause, "how": "conduct",
             "cover": round(c, 2)} for (loc, para, clause), c in sorted(found.items(), key=lambda kv: -kv[1])]


def _paragraph_fit(want: set[str], scored: list, duties: list[dict[str, Any]], bags: list[set[str]],
                   weight: dict[str, float], total: float) -> list:
    """A conduct that breaks two clauses of one paragraph at once (未对职工进行安全教育、培训，分配职工
    上岗作业的 breaks 必须对职工进行安全教育、培训 and 未经…培训的，不得上岗作业): no clause holds
    COVER_MIN of it, the paragraph does. Its best-covering clause stands for it."""
    unseen = weight[""]
    groups: dict[tuple[str, int], set[str]] = {}
    size: dict[tuple[str, int], int] = {}
    allowed = {id(d) for _, _, d in scored}
    for d, bag in zip(duties, bags, strict=True):
        if id(d) in allowed:
            groups.setdefault((d["locator"], d["para"]), set()).update(bag)
            size[(d["locator"], d["para"])] = size.get((d["locator"], d["para"]), 0) + 1
    out = []
    for (loc, para), bag in groups.items():
        # two clauses at most: a long paragraph holds the words of many conducts together
        if size[(loc, para)] > 2 or sum(weight.get(p, unseen) for p in want & bag) / total < COVER_MIN:
            continue
        best = max((x for x in scored if x[2]["locator"] == loc and x[2]["para"] == para), key=lambda x: x[0])
        out.append(best)
    return out
