"""A compliance checklist from an enterprise profile: every duty of the documents in force
that binds the company, grouped by document, with why it applies, when, to whom, what happens
if it is not met, and where it stands.

    profile = Profile.load("company.toml")            # kb.registers.profile; or Profile.from_dict({...})
    checklist = build_checklist(profile, DutyRegister.of(searcher), searcher.versions)
    checklist.applicable / checklist.to_confirm       # items (one per article)

A duty applies when its subject and every condition is met by a profile fact (which fact meets
which condition is the item's `why`); it is to be confirmed (需确认) when a condition is one the
profile does not decide (a listing, a designation, a product, or one the reader could not
type) — the item names it. Local documents count only for a company of their region; only
documents in force (VersionGraph status 现行有效) count at all.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterable

from kb.registers.conditions import ENTERPRISE_KINDS, Condition
from kb.registers.duties import Duty, DutyRegister, Penalty
from kb.registers.profile import PERMIT_HOLDERS, Profile
from kb.versions.graph import STATUS_CURRENT, VersionGraph
from kb.text.titles import book_title

APPLIES, CHECK, NO = "适用", "需确认", "不适用"


# ---------------------------------------------------------------------- deciding one duty
@dataclass
class Decision:
    status: str  # 适用 | 需确认 | 不适用
    why: list[str] = field(default_factory=list)  # which profile fact meets which condition
    check: list[str] = field(default_factory=list)  # what to confirm
    when: list[str] = field(default_factory=list)  # triggers: the duty binds when this happens


def _bare(text: str) -> str:
    """A condition as a phrase to ask about: 列入前款规定名单的 → 列入前款规定名单."""
    return text.strip("，,；; ").removesuffix("的")


def _fmt(x: float) -> str:
    return f"{x:,.0f}" if x == int(x) else f"{x:,.2f}"


def _verdict(ok: bool | None, why: str, check: str, d: Decision) -> bool:
    """Record one decided condition; False when it rules the duty out."""
    if ok is None:
        d.check.append(check)
    elif ok:
        d.why.append(why)
    return ok is not False


def _range(value: float | None, c: Condition) -> bool | None:
    if value is None:
        return None
    return (c.lo is None or value >= c.lo) and (c.hi is None or value < c.hi)


def _names_match(names: Iterable[str], text: str) -> bool:
    return any(n and (n in text or text in n) for n in names)


def decide_condition(c: Condition, p: Profile, d: Decision, rule: Any = None) -> bool:
    if c.kind == "energy":
        v = p.energy_tce_per_year
        return _verdict(_range(v, c), f"年综合能源消费 {_fmt(v or 0)} 吨标准煤，符合“{c.text}”",
                        f"年综合能源消费量是否满足“{c.text}”", d)
    if c.kind == "water":
        v = p.water_m3_per_year
        return _verdict(_range(v, c), f"年用水量 {_fmt(v or 0)} 立方米，符合“{c.text}”",
                        f"年用水量是否满足“{c.text}”", d)
    if c.kind == "permit":
        classes = {"许可": PERMIT_HOLDERS, "排污": (*PERMIT_HOLDERS, "登记管理")}.get(c.value, (c.value,))
        ok = None if p.permit is None else p.permit in classes
        want = {"许可": "实行排污许可管理（重点或简化管理）", "排污": "排放污染物（纳入排污许可或登记管理）"}.get(
            c.value, f"排污许可{c.value}")
        return _verdict(ok, f"排污许可类别为{p.permit}，属于“{want}”", f"是否{want}", d)
    if c.kind == "key_energy":
        ok = p.key_energy_user
        if ok is None and rule is not None and p.energy_tce_per_year is not None and not _designable(rule, p):
            ok = False  # no designation can reach a company of this consumption
        if c.negated:
            return _verdict(None if ok is None else not ok, "画像：不是（被指定的）重点用能单位",
                            "是否被指定为重点用能单位（指定的单位适用另一条规定）", d)
        return _verdict(ok, "画像：重点用能单位（已被指定）", "是否被指定为重点用能单位", d)
    if c.kind == "listed":
        ok = True if _names_match(p.listed_in, c.text) else None
        return _verdict(ok, f"画像：已{_bare(c.text)}", f"是否{_bare(c.text)}", d)
    if c.kind == "green_factory":
        return _verdict(p.applies_green_factory, "画像：申报绿色工厂", f"是否{_bare(c.text)}", d)
    if c.kind == "industry":
        names = [n for n in re.split(r"[、和及]", c.value) if n]
        ok = None if not p.industry else _names_match(names, p.industry)
        return _verdict(ok, f"行业为{p.industry}，属于“{c.value}”行业", f"是否属于{c.value}行业", d)
    if c.kind == "product":
        ok = True if p.products and _names_match(p.products, c.text) else None
        return _verdict(ok, f"产品（{'、'.join(p.products)}）属于“{_bare(c.text)}”", f"是否{_bare(c.text)}", d)
    if c.kind == "trigger":
        d.when.append(_bare(c.text))
        return True
    d.check.append(f"是否{_bare(c.text)}")
    return True


def _designable(rule: Any, p: Profile) -> bool:
    """The company's consumption lies in a range from which 重点用能单位 are designated."""
    x = p.energy_tce_per_year or 0
    return any(a["designated"] and x >= (a["lo"] or 0) and (a["hi"] is None or x < a["hi"]) for a in rule.alternatives)


def _key_energy(p: Profile, rule: Any, d: Decision, register_title: str) -> bool:
    if p.key_energy_user is not None:
        return _verdict(p.key_energy_user, "画像：重点用能单位", "", d)
    x = p.energy_tce_per_year
    if rule is None or x is None:
        d.check.append("是否为重点用能单位")
        return True
    where = f"（{register_title}{rule.locator}）"
    for alt in rule.alternatives:
        inside = x >= (alt["lo"] or 0) and (alt["hi"] is None or x < alt["hi"])
        if inside and not alt["designated"]:
            d.why.append(f"年综合能源消费 {_fmt(x)} 吨标准煤，属于重点用能单位{where}")
            return True
        if inside:
            d.check.append(f"是否被指定为重点用能单位：{alt['text'].strip('（）()一二三四五六七八九十；。')}{where}")
            return True
    return False


SUBJECT_WHY = {
    "anyone": "禁止性或普遍性规定，适用于任何单位",
    "enterprise": "主体为企业（{s}）",
    "builder": "主体为{s}：企业作为建设（或设计、施工、监理）单位实施项目时适用",
}


def decide(duty: Duty, p: Profile, register: DutyRegister) -> Decision:
    """Whether `duty` binds the company of profile `p`."""
    d = Decision(APPLIES)
    kind = duty.subject_kind
    ok = True
    if kind not in ENTERPRISE_KINDS:
        return Decision(NO)
    if kind in SUBJECT_WHY:
        d.why.append(SUBJECT_WHY[kind].format(s=duty.subject))
    elif kind == "energy_user":
        e = p.energy_tce_per_year
        if e is None:
            d.why.append("企业用能，属于用能单位")
        elif e > 0:
            d.why.append(f"年综合能源消费 {_fmt(e)} 吨标准煤，属于用能单位")
        else:
            ok = False
    elif kind == "key_energy" and not any(c.kind == "key_energy" and not c.negated for c in duty.conditions):
        rule = register.key_energy_rule(duty.doc_id)
        title = book_title(register.docs[rule.doc_id].title) if rule is not None and rule.doc_id in register.docs else ""
        ok = _key_energy(p, rule, d, title)
    elif kind == "permit_holder":
        ok = _verdict(None if p.permit is None else p.permit in PERMIT_HOLDERS,
                      f"排污许可类别为{p.permit}，属于排污单位", "是否实行排污许可管理（重点或简化管理）", d)
    elif kind == "key_pollutant":
        ok = _verdict(p.key_pollutant_unit, "画像：重点排污单位", "是否为重点排污单位", d)
    elif kind == "producer":
        ok = _verdict(True if p.products else None, f"生产产品：{'、'.join(p.products)}", f"是否为{duty.subject}", d)
    rule = register.key_energy_rule(duty.doc_id)
    for c in duty.conditions:
        ok = decide_condition(c, p, d, rule) and ok
    if duty.alternatives and ok:
        ok = _alternatives(duty.alternatives, p, d)
    if not ok:
        return Decision(NO)
    d.status = CHECK if d.check else APPLIES
    return d


def _alternatives(alts: Iterable[Condition], p: Profile, d: Decision) -> bool:
    """有下列情形之一的: applies if one applies, to be confirmed if one may."""
    tried = []
    for c in alts:
        one = Decision(APPLIES)
        if decide_condition(c, p, one) and not one.check:
            d.why += one.why
            d.when += one.when
            return True
        tried.append(one)
    maybe = _unique(c.removeprefix("是否") for one in tried for c in one.check)
    if maybe:
        d.check.append("是否有下列情形之一：" + "；".join(maybe))
        return True
    return False


# ---------------------------------------------------------------------- the checklist
@dataclass
class PenaltyEntry:
    doc_id: str
    file_name: str
    title: str
    locator: str
    text: str
    fines: str
    authority: str
    pages: tuple[int | None, int | None] = (None, None)

    def to_dict(self) -> dict[str, Any]:
        return {"file_name": self.file_name, "title": self.title, "locator": self.locator, "text": self.text,
                "fines": self.fines, "authority": self.authority, "page_start": self.pages[0],
                "page_end": self.pages[1]}


@dataclass
class ChecklistItem:
    """One article of one document: its duties that bind the company."""

    doc_id: str
    file_name: str
    title: str
    locator: str
    status: str  # 适用 | 需确认
    duties: list[tuple[Duty, Decision]]
    penalties: list[PenaltyEntry]
    doc_status: str
    level: str  # 国家 | 地方（北京市）
    doc_type: str = ""
    date: str = ""

    @property
    def pages(self) -> tuple[int | None, int | None]:
        starts = [d.pages[0] for d, _ in self.duties if d.pages[0] is not None]
        ends = [d.pages[1] for d, _ in self.duties if d.pages[1] is not None]
        return (min(starts) if starts else None, max(ends) if ends else None)

    def _listed(self) -> list[tuple[Duty, Decision]]:
        return [(d, x) for d, x in self.duties if x.status == self.status] or self.duties

    @property
    def why(self) -> list[str]:
        return _unique(w for _, x in self._listed() for w in x.why)

    @property
    def check(self) -> list[str]:
        return _unique(c for _, x in self.duties for c in x.check)

    @property
    def when(self) -> list[str]:
        return _unique(w for _, x in self._listed() for w in x.when)

    @property
    def deadline(self) -> str:
        return "；".join(_unique(d.deadline for d, _ in self._listed() if d.deadline))

    @property
    def frequency(self) -> str:
        return "；".join(_unique(d.frequency for d, _ in self._listed() if d.frequency))

    @property
    def authority(self) -> str:
        return "；".join(_unique(d.authority for d, _ in self._listed() if d.authority))

    def to_dict(self) -> dict[str, Any]:
        ps, pe = self.pages
        return {
            "file_name": self.file_name, "title": self.title, "locator": self.locator, "status": self.status,
            "level": self.level, "doc_status": self.doc_status, "doc_type": self.doc_type, "date": self.date,
            "page_start": ps, "page_end": pe,
            "duties": [{"text": d.text, "subject": d.subject, "status": x.status} for d, x in self.duties],
            "why": self.why, "to_check": self.check, "when": self.when, "deadline": self.deadline,
            "frequency": self.frequency, "authority": self.authority,
            "penalties": [p.to_dict() for p in self.penalties],
        }


@dataclass
class Checklist:
    profile: Profile
    items: list[ChecklistItem]
    documents: list[str]  # doc ids, in the order shown (a national law, then the local rules implementing it)
    left_out: list[tuple[str, str]]  # (document title, why it is not used)

    @property
    def applicable(self) -> list[ChecklistItem]:
        return [i for i in self.items if i.status == APPLIES]

    @property
    def to_confirm(self) -> list[ChecklistItem]:
        return [i for i in self.items if i.status == CHECK]

    def grouped(self, status: str) -> list[tuple[str, list[ChecklistItem]]]:
        """(doc_id, items of that status) per document, in the checklist's document order."""
        out = []
        for doc_id in self.documents:
            items = [i for i in self.items if i.doc_id == doc_id and i.status == status]
            if items:
                out.append((doc_id, items))
        return out

    def to_dict(self) -> dict[str, Any]:
        return {"profile": self.profile.to_dict(),
                "applicable": [i.to_dict() for i in self.applicable],
                "to_confirm": [i.to_dict() for i in self.to_confirm],
                "left_out": [{"title": t, "reason": r} for t, r in self.left_out]}


def _unique(xs: Iterable[str]) -> list[str]:
    out: list[str] = []
    for x in xs:
        if x and x not in out:
            out.append(x)
    return out


_REGION_SUFFIX = re.compile(r"(?:省|市|自治区|特别行政区)$")


def region_matches(doc_region: str, profile_region: str) -> bool:
    """Whether a local document of `doc_region` binds a company in `profile_region`: the same
    place (北京市 / 北京 — a suffix left out), or a place inside it (北京市海淀区, 示例省示例市).
    示例省 and 示例市 are different places."""
    a, b = (doc_region or "").strip(), (profile_region or "").strip()
    if not a or not b:
        return False
    if a in b:
        return True
    if bool(_REGION_SUFFIX.search(a)) and bool(_REGION_SUFFIX.search(b)):
        return False
    return _REGION_SUFFIX.sub("", a) == _REGION_SUFFIX.sub("", b)


def _penalty_entry(p: Penalty, register: DutyRegister) -> PenaltyEntry:
    doc = register.docs.get(p.doc_id)
    return PenaltyEntry(p.doc_id, doc.file_name if doc else "", doc.title if doc else "", p.locator, p.text,
                        p.fine_text, p.authority, p.pages)


def build_checklist(profile: Profile, register: DutyRegister, graph: VersionGraph) -> Checklist:
    """The checklist of `profile` over the documents of `register` in force."""
    docs = graph.docs
    usable: set[str] = set()
    left_out: list[tuple[str, str]] = []
    for doc_id, doc in docs.items():
        status = graph.status.get(doc_id, "")
        if not register.duties_of_doc(doc_id):
            continue
        if status != STATUS_CURRENT:
            left_out.append((f"{doc.title}（{doc.date or doc.file_name}）", f"{status}，只列现行有效的版本"))
        elif doc.region and not region_matches(doc.region, profile.region):
            left_out.append((doc.title, f"地方规定（{doc.region}），不适用于画像所在地区"))
        else:
            usable.add(doc_id)
    by_article: dict[tuple[str, str], list[tuple[Duty, Decision]]] = {}
    for duty in register.duties:
        if duty.doc_id not in usable or duty.subject_kind not in ENTERPRISE_KINDS:
            continue
        decision = decide(duty, profile, register)
        if decision.status != NO:
            by_article.setdefault((duty.doc_id, duty.locator), []).append((duty, decision))
    items = []
    for (doc_id, locator), pairs in by_article.items():
        doc = docs[doc_id]
        status = APPLIES if any(x.status == APPLIES for _, x in pairs) else CHECK
        pens: list[PenaltyEntry] = []
        seen: set[tuple] = set()
        for duty, _ in pairs:
            for p in register.penalties_for(duty):
                key = (p.doc_id, p.locator, p.paragraph, p.item)
                if key not in seen:
                    seen.add(key)
                    pens.append(_penalty_entry(p, register))
        level = f"地方（{doc.region}）" if doc.region else "国家"
        items.append(ChecklistItem(doc_id, doc.file_name, doc.title, locator, status, pairs, pens,
                                   graph.status.get(doc_id, ""), level, doc.doc_type, doc.date))
    order = _document_order([docs[d] for d in usable])
    position = {d: i for i, d in enumerate(order)}
    items.sort(key=lambda i: (position[i.doc_id], _article_key(i.locator)))
    return Checklist(profile, items, [d for d in order if any(i.doc_id == d for i in items)], sorted(left_out))


def _article_key(locator: str) -> tuple[int, int]:
    from kb.text.grammar import article_number

    try:
        return article_number(locator)
    except ValueError:
        return (10**6, 0)


def _document_order(docs: list[Any]) -> list[str]:
    """National documents by title, each followed by the local documents that implement it (a
    local title naming the national one: 北京市实施《中华人民共和国节约能源法》办法), then the
    other local documents — national and local rules side by side."""
    from kb.text.titles import title_key

    national = sorted((d for d in docs if not d.region), key=lambda d: d.title)
    local = sorted((d for d in docs if d.region), key=lambda d: (d.region, d.title))
    out: list[str] = []
    for n in national:
        out.append(n.doc_id)
        key = title_key(n.title)
        for loc in local:
            if loc.doc_id not in out and key and key in title_key(loc.title):
                out.append(loc.doc_id)
    out += [d.doc_id for d in local if d.doc_id not in out]
    return out
