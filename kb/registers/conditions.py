"""Who a duty binds and under which conditions, read from the words before its 应当 / 不得.

    subject_of("示例许可证有效期届满，排污单位需要继续向示例河排水的，")   # → Subject(排污单位, permit_holder)
    conditions_of("年综合能源消费总量一千吨标准煤以上的")             # → [Condition(energy, lo=1000)]

A subject is one of SUBJECTS (重点用能单位, 排污单位, 企业, 生产者, 建设单位, 任何单位 …) with the
kind the checklist decides it by, or a body the checklist leaves out (人民政府, 部门, 公共机构,
电网企业 …). A condition is typed: a threshold (energy, water), the permit class, a
designation or a listing (名单 / 名录 / 目录), an industry, a product, the green-factory
application, a trigger (an event that sets the duty off: 变更, 届满, 新建 …) or, when none of
these, `unknown` — kept as text, to be confirmed.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from kb.text.grammar import ENERGY_THRESHOLD_RE, WATER_THRESHOLD_RE, quantity

# (words, kind): kinds an enterprise can be; OTHER and GOVERNMENT bind no company of a profile.
ENTERPRISE_KINDS = ("anyone", "enterprise", "energy_user", "key_energy", "permit_holder", "key_pollutant",
                    "producer", "builder")
SUBJECTS: tuple[tuple[str, str], ...] = (
    ("任何单位", "anyone"),
    ("重点用能单位", "key_energy"),
    ("重点排污单位", "key_pollutant"),
    ("能源生产经营单位", "other"),
    ("企业事业单位和其他生产经营者", "enterprise"),
    ("企业事业单位", "enterprise"),
    ("其他生产经营者", "enterprise"),
    ("生产经营者", "enterprise"),
    ("用能单位", "energy_user"),
    ("排污单位", "permit_holder"),
    ("电网企业", "other"), ("房地产开发企业", "other"), ("服务性企业", "other"), ("石油销售企业", "other"),
    ("供热单位", "other"), ("节能服务机构", "other"), ("技术机构", "other"), ("认证机构", "other"),
    ("检验机构", "other"), ("审查机构", "other"), ("农业生产者", "other"), ("公共机构", "other"),
    ("所有权人", "other"), ("使用权人", "other"), ("新闻媒体", "other"), ("行业协会", "other"),
    ("社会组织", "other"), ("公民", "other"),
    ("生产者", "producer"), ("进口商", "producer"), ("进口者", "producer"), ("销售者", "producer"),
    ("生产企业", "producer"), ("生产单位", "producer"),
    ("建设单位", "builder"), ("设计单位", "builder"), ("施工单位", "builder"), ("监理单位", "builder"),
    ("工业企业", "enterprise"), ("企业", "enterprise"),
    # any operator, unit or holder a law outside energy and pollution binds (电信业务经营者, 项目单位,
    # 设立单位, 船舶所有人): without them its duties, and the penalties enforcing them, go unread
    ("经营者", "other"), ("经营人", "other"), ("单位", "other"), ("所有人", "other"), ("承包者", "other"),
    ("申请人", "other"), ("承运人", "other"),
    ("人民政府", "government"), ("国务院", "government"), ("部门", "government"), ("机关", "government"),
    ("机构", "government"), ("海关", "government"),
)
_SUBJECT_RE = re.compile("|".join(re.escape(w) for w, _ in sorted(SUBJECTS, key=lambda s: -len(s[0]))))
_KIND = dict(SUBJECTS)
_OBJECT_MARK = re.compile(r"(?:对|向|由|会同|与|为|经|给|按照|依照)$")
_CLAUSE_SPLIT = re.compile(r"[，,]")
_ADVERBIAL = re.compile(r"^在[^，,]*(?:中|内|时|前|后|期间)$")

# Words of conditions, by kind (checked in this order).
PERMIT_WORDS: tuple[tuple[str, str], ...] = (
    ("排污许可重点管理", "重点管理"), ("排污许可简化管理", "简化管理"), ("排污登记表", "登记管理"), ("排污登记", "登记管理"),
    ("实行排污许可管理", "许可"),
    ("影响程度较大", "重点管理"), ("影响程度都较小", "简化管理"), ("影响程度都很小", "登记管理"),
)
LISTED_RE = re.compile(r"列入[^，。；]{0,30}?(?:名单|名录|目录)")
INDUSTRY_RE = re.compile(r"(?P<names>[\u4e00-\u9fff、和及]{2,30}?)行业")
PRODUCT_RE = re.compile(r"生产[^，。；]{0,40}?产品|产品的生产")
TRIGGER_RE = re.compile(
    r"新建|改建|扩建|技术改造|节能改造|变更|变动|届满|发现|发生|终止|停产|停业|需要继续|过程中|申请|拆除|闲置|转让|开工|竣工|"
    r"建成|投入生产|投入使用|销售房屋"
)
ALTERNATIVES_RE = re.compile(r"(?:有)?下列(?:情形|行为|条件)?之一|下列情形")
EXCEPT_RE = re.compile(r"除(?P<what>[^，。；]{2,40}?)外")


@dataclass(frozen=True)
class Subject:
    word: str
    kind: str  # ENTERPRISE_KINDS, other or government

    @property
    def enterprise(self) -> bool:
        return self.kind in ENTERPRISE_KINDS


@dataclass(frozen=True)
class Condition:
    """One condition of a duty. kind: energy | water (lo ≤ x < hi), permit (value), key_energy
    (designated / negated), key_pollutant, listed, industry (value: the names), product,
    green_factory, trigger, unknown."""

    kind: str
    text: str
    lo: float | None = None
    hi: float | None = None
    value: str = ""
    negated: bool = False

    PERMIT_HOLDERS = ("重点管理", "简化管理")  # value 许可: either of them

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v not in (None, "", False)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Condition":
        return cls(**d)


def subject_of(head: str, first: bool = False) -> Subject | None:
    """The subject of a duty from the words before its modal: the last clause that names one
    (`first`: the first — for a penalty's conduct, …单位未按照规定设立…，并报…部门备案);
    in a clause, the first name not marked as an object (对…, 向…), unless a later one is the
    noun a 的-clause describes (市发展改革部门指定的重点用能单位 → 重点用能单位). 除…外 is left out."""
    clauses = _CLAUSE_SPLIT.split(EXCEPT_RE.sub("", head))
    order = clauses if first else list(reversed(clauses))
    # A clause ending in 的 / 时 is a condition (发现排污单位…超过…的): its names are the
    # subject only when no other clause names one.
    for only_main in (True, False):
        for clause in order:
            if only_main and clause.rstrip().endswith(("的", "时")):
                continue
            if _ADVERBIAL.match(clause.strip()):
                continue  # 在…基金中 / 在排污许可证有效期内: where or when, not who
            found = [m for m in _SUBJECT_RE.finditer(clause) if not _object_marked(clause, m.start())]
            if not found:
                continue
            pick = found[0]
            for later in found[1:]:
                if "的" in clause[pick.end(): later.start()]:
                    pick = later
            return Subject(pick.group(0), _KIND[pick.group(0)])
    return None


def _object_marked(clause: str, start: int) -> bool:
    before = clause[:start]
    return bool(_OBJECT_MARK.search(before)) or bool(re.match(r"^(?:对|向|由|会同|与|制定|编制|公布)", before))


def _threshold(kind: str, m: re.Match[str], text: str) -> Condition:
    lo = quantity(m.group("lo"))
    hi = quantity(m.group("hi")) if "hi" in m.groupdict() and m.group("hi") else None
    return Condition(kind, text, lo=lo, hi=hi)


_EMITS = re.compile(r"^(?:依法)?排放污染物的$")
_WHILE = re.compile(r"^在[^，,]*(?:时|中)$")


def condition_of(text: str, subject_kind: str = "") -> Condition:
    """The typed reading of one condition clause (…的, …时)."""
    t = text.strip("，,；; ")
    if _EMITS.match(t):  # 排放污染物的企业: any permit class (重点 / 简化管理 or 登记)
        return Condition("permit", t, value="排污")
    if _WHILE.match(t):  # 在执行…标准的同时 / 在…过程中: when, not whether
        return Condition("trigger", t)
    if m := ENERGY_THRESHOLD_RE.search(t):
        return _threshold("energy", m, t)
    if m := WATER_THRESHOLD_RE.search(t):
        return _threshold("water", m, t)
    for word, cls in PERMIT_WORDS:
        if word in t:
            return Condition("permit", t, value=cls)
    if LISTED_RE.search(t):
        return Condition("listed", t)
    if "指定" in t and subject_kind == "key_energy":
        return Condition("key_energy", t, value="designated")
    if "绿色工厂" in t:
        return Condition("green_factory", t)
    if m := INDUSTRY_RE.search(t):
        return Condition("industry", t, value=m.group("names"))
    if PRODUCT_RE.search(t):
        return Condition("product", t)
    if TRIGGER_RE.search(t):
        return Condition("trigger", t)
    return Condition("unknown", t)


def conditions_of(head: str, subject: Subject | None, obj: str = "") -> list[Condition]:
    """The conditions in the words before a duty's modal (`head`) and in its object (`obj`:
    only a listing, 列入…目录的产品, or the permit class, 填报排污登记表, is read there).

    Read: the 的-clause right before the subject (…以上的用能单位), clauses after it ending in 的 /
    时 (排污单位变更名称…的), earlier clauses only when they are a threshold or a trigger
    (排污许可证有效期届满，…) — an earlier 的-clause names what the duty is about, not who (不符合
    强制性节能标准的项目，建设单位不得…) — and 除…外 exceptions about 重点用能单位."""
    out: list[Condition] = []
    kind = subject.kind if subject else ""
    clauses = [c for c in _CLAUSE_SPLIT.split(head)]
    at = next((i for i in range(len(clauses) - 1, -1, -1) if subject and subject.word in clauses[i]), None)
    for i, clause in enumerate(clauses):
        for ex in EXCEPT_RE.finditer(clause):
            if "重点用能单位" in ex.group("what"):
                out.append(Condition("key_energy", ex.group(0), value="designated" if "指定" in ex.group(0) else "",
                                     negated=True))
        clause = EXCEPT_RE.sub("", clause).strip()
        if not clause:
            continue
        if at is not None and i == at:
            pos = clause.find(subject.word)
            pre, post = clause[:pos], clause[pos + len(subject.word):]
            pre = re.sub(r"^(?:对|在)", "", pre)
            if pre.endswith("的") and len(pre) > 1:
                out.append(_as_trigger(condition_of(pre, kind), kind))
            if post.rstrip().endswith(("的", "时")) and len(post.strip()) > 1:
                out.append(_as_trigger(condition_of(post, kind), kind))
        elif at is not None and i > at:
            if clause.endswith(("的", "时")):
                out.append(_as_trigger(condition_of(clause, kind), kind))
        else:
            c = condition_of(clause, kind)
            if c.kind in ("energy", "water", "permit", "trigger") and (c.kind != "trigger" or not clause.endswith("的")):
                out.append(c)
    if obj:
        if m := LISTED_RE.search(obj):
            out.append(Condition("listed", m.group(0)))
        for word, cls in PERMIT_WORDS[2:4]:
            if word in obj and not any(c.kind == "permit" for c in out):
                out.append(Condition("permit", word, value=cls))
    permits = [c for c in out if c.kind == "permit"]
    if permits:  # 污染物产生量…都很小的 describes the permit class; keep one reading of it
        out = [c for c in out if c.kind != "permit"] + permits[:1]
    return out


def _as_trigger(c: Condition, subject_kind: str) -> Condition:
    """What qualifies a 建设单位 (固定资产投资项目的建设单位) is the project it builds: the
    duty binds the company when it builds one."""
    if subject_kind == "builder" and c.kind == "unknown":
        return Condition("trigger", c.text)
    return c


def alternatives_of(items: list[str], subject_kind: str = "") -> list[Condition]:
    """For 有下列情形之一的: the condition each item names (its words up to the first comma)."""
    out = []
    for it in items:
        body = re.sub(r"^\s*[（(][^）)]{1,3}[）)]|^\s*\d+[.．、]", "", it).strip()
        head = _CLAUSE_SPLIT.split(body)[0].rstrip("；;。.")
        out.append(condition_of(head, subject_kind))
    return out
