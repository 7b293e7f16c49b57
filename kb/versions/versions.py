"""Versions of one law in the knowledge base: families, status, timeline, comparison.

* A **family** groups the documents that are versions of one law or regulation: their
  titles agree once normalised (`family_key`: without 中华人民共和国, 《》, whitespace, a
  trailing (2018-12-29) or （2023年修订）). A document whose text says that it repeals another
  (`DocumentMeta.repeals`, e.g. 《中华人民共和国环境噪声污染防治法》同时废止) links that
  family to its own: `Family.replaced_by` / `Family.replaces`.
* Every document gets a **status** (`status_map`): 现行有效, 已被修订 (a newer version of the
  same family is in the KB and in force), 已废止 (repealed by a KB document whose effective
  date has arrived, or its own 废止 event has passed), 尚未施行 (own effective date ahead).
* The **timeline** (`timeline_events`, `timeline_frame`) lists adoption, promulgation,
  amendments/revisions, entry into force and repeal from `DocumentMeta.events`.
* **Comparison** of two versions is in `kb.diff`; `change_summary` picks the changes a
  question is about, for the answer module to cite. `is_change_question` tells such
  questions apart.

Everything except the two CLI entry points and `change_summary` is a pure function of the
catalog (`Index.documents()`), so search, answers and the app call them freely.
"""
from __future__ import annotations

import json
import math
import re
import sys
import unicodedata
from dataclasses import asdict, dataclass, field
from datetime import date as Date
from pathlib import Path
from typing import Any, Iterable, Sequence

from kb.types import DocumentMeta, SearchHit

STATUS_CURRENT = "现行有效"
STATUS_REVISED = "已被修订"
STATUS_REPEALED = "已废止"
STATUS_PENDING = "尚未施行"
STATUSES = (STATUS_CURRENT, STATUS_REVISED, STATUS_REPEALED, STATUS_PENDING)

# Order of events that share a date (a law is adopted, then promulgated, then in force).
EVENT_ORDER = {"通过": 0, "修订": 1, "修正": 1, "发布": 2, "公布": 2, "施行": 3, "废止": 4, "其他": 5}

_ISO_RE = re.compile(r"(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})")
_TRAILING = [
    re.compile(r"[（(]\s*\d{4}\s*[-./年]\s*\d{1,2}\s*[-./月]\s*\d{1,2}\s*日?\s*[）)]\s*$"),  # (2018-12-29)
    re.compile(r"[（(〔\[]\s*(?:\d{4}\s*年?)?\s*(?:第[一二三四五六七八九十\d]+次)?\s*(?:修订|修正|修改|版)(?:本|稿)?\s*[）)〕\]]\s*$"),
    re.compile(r"[（(]\s*\d{4}\s*年?\s*[）)]\s*$"),  # (2023)
]
_PREFIXES = ("中华人民共和国",)


# ---------------------------------------------------------------------- titles & dates
def family_key(title: str) -> str:
    """Normalised title shared by all versions of one law.

    '《中华人民共和国海洋环境保护法》（2023年修订）' -> '海洋环境保护法';
    '噪声污染防治法(2021-12-24)' -> '噪声污染防治法'.
    """
    t = unicodedata.normalize("NFKC", title or "")
    t = re.sub(r"\.(md|markdown|txt|pdf|docx|html?|)$", "", t, flags=re.I)
    t = re.sub(r"\s+", "", t)
    t = t.replace("《", "").replace("》", "").replace("<", "").replace(">", "").replace("〈", "").replace("〉", "")
    changed = True
    while changed:
        changed = False
        for rx in _TRAILING:
            new = rx.sub("", t)
            if new != t:
                t, changed = new, True
    for p in _PREFIXES:
        if t.startswith(p) and len(t) > len(p):
            t = t[len(p):]
    return t


def to_date(value: str | Date | None) -> Date | None:
    """'2023-10-24' / '2023年10月24日' -> date; None when absent or unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, Date):
        return value
    m = _ISO_RE.search(str(value))
    if not m:
        return None
    try:
        return Date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def version_date(doc: DocumentMeta) -> str:
    """ISO date of this version: `date`, else the latest adoption/amendment/publication
    event, else a date in the file name, else ''."""
    if to_date(doc.date):
        return to_date(doc.date).isoformat()
    dated = [to_date(e.date) for e in doc.events if e.kind in {"通过", "修订", "修正", "公布", "发布"}]
    dated = [d for d in dated if d]
    if dated:
        return max(dated).isoformat()
    d = to_date(doc.file_name)
    return d.isoformat() if d else ""


def effective_date(doc: DocumentMeta) -> str:
    """ISO date the version takes effect: `effective_date`, else the 施行 event on or after
    the version date, else ''."""
    d = to_date(doc.effective_date)
    if d:
        return d.isoformat()
    vd = to_date(version_date(doc))
    cands = [to_date(e.date) for e in doc.events if e.kind == "施行"]
    cands = [c for c in cands if c and (vd is None or c >= vd)]
    return min(cands).isoformat() if cands else ""


def _in_force_date(doc: DocumentMeta) -> Date | None:
    """When this version governs: its effective date, else its version date."""
    return to_date(effective_date(doc)) or to_date(version_date(doc))


def _own_repeal_date(doc: DocumentMeta) -> Date | None:
    dates = [to_date(e.date) for e in doc.events if e.kind == "废止"]
    dates = [d for d in dates if d]
    return min(dates) if dates else None


# ---------------------------------------------------------------------- families
@dataclass
class Family:
    key: str
    title: str  # display title (the newest version's)
    versions: list[DocumentMeta] = field(default_factory=list)  # oldest first
    replaced_by: str | None = None  # key of the family that repeals this one
    replaced_by_doc: str | None = None  # doc_id of the repealing document
    replaces: list[str] = field(default_factory=list)  # keys of families this one repeals
    repeals_outside: list[str] = field(default_factory=list)  # repealed titles not in the KB

    @property
    def doc_ids(self) -> list[str]:
        return [d.doc_id for d in self.versions]

    @property
    def latest(self) -> DocumentMeta:
        return self.versions[-1]

    def to_dict(self, status: dict[str, str] | None = None) -> dict[str, Any]:
        return {
            "family": self.key,
            "title": self.title,
            "replaced_by": self.replaced_by,
            "replaced_by_doc": self.replaced_by_doc,
            "replaces": list(self.replaces),
            "repeals_outside_kb": list(self.repeals_outside),
            "versions": [
                {
                    "doc_id": d.doc_id,
                    "title": d.title,
                    "file_name": d.file_name,
                    "doc_type": d.doc_type,
                    "date": version_date(d),
                    "effective_date": effective_date(d),
                    "status": (status or {}).get(d.doc_id, ""),
                }
                for d in self.versions
            ],
        }


def _version_sort_key(doc: DocumentMeta) -> tuple[str, str, str]:
    return (version_date(doc), effective_date(doc), doc.file_name)


def _key_of(doc: DocumentMeta) -> str:
    key = family_key(doc.title)
    if not key:
        key = family_key(Path(doc.file_name).stem)
    # Local documents of different regions share titles only when the title lacks the
    # region; keep them apart then.
    if doc.region and doc.region not in key:
        key = f"{doc.region}·{key}"
    return key


def _origin_date(doc: DocumentMeta) -> Date | None:
    """The first date of the document's own history (adoption or first promulgation)."""
    dates = [to_date(e.date) for e in doc.events if e.kind != "废止"]
    dates = [d for d in dates if d]
    return min(dates) if dates else to_date(version_date(doc))


def _predates(target: "Family", repealer: DocumentMeta) -> bool:
    """True when every version of `target` is older than the repealing law itself."""
    origin = _origin_date(repealer)
    latest = to_date(version_date(target.latest))
    return origin is None or latest is None or latest <= origin


def families(docs: dict[str, DocumentMeta]) -> list[Family]:
    """The families of `docs`, sorted by title; versions oldest first, links set."""
    groups: dict[str, list[DocumentMeta]] = {}
    for d in docs.values():
        groups.setdefault(_key_of(d), []).append(d)
    fams: dict[str, Family] = {}
    for key, members in groups.items():
        members.sort(key=_version_sort_key)
        fams[key] = Family(key=key, title=members[-1].title or key, versions=members)
    # Repeals: link the repealed family to the repealing document's family.
    repealers = sorted(
        (d for d in docs.values() if d.repeals), key=lambda d: (str(_in_force_date(d) or ""), d.doc_id)
    )
    for d in repealers:
        own = _key_of(d)
        for title in d.repeals:
            rk = family_key(title)
            target = fams.get(rk)
            if target is None and d.region:
                target = fams.get(f"{d.region}·{rk}")
            if target is not None and target.key == own:
                continue  # "本法…同时废止" of an older version of itself: plain revision
            if target is not None and not _predates(target, d):
                # The KB holds a later law of the same name (反间谍法 2014 repeals the 1993
                # 国家安全法; the KB's 国家安全法 is the 2015 one): not what was repealed.
                target = None
            if target is None:
                if title not in fams[own].repeals_outside:
                    fams[own].repeals_outside.append(title)
                continue
            target.replaced_by = own
            target.replaced_by_doc = d.doc_id
            if target.key not in fams[own].replaces:
                fams[own].replaces.append(target.key)
    return sorted(fams.values(), key=lambda f: f.key)


def family_of(docs: dict[str, DocumentMeta], doc_id: str) -> Family | None:
    for f in families(docs):
        if doc_id in f.doc_ids:
            return f
    return None


# ---------------------------------------------------------------------- status
def _today(today: Date | None) -> Date:
    return today or Date.today()


def status_map(docs: dict[str, DocumentMeta], today: Date | None = None) -> dict[str, str]:
    """doc_id -> 现行有效 | 已被修订 | 已废止 | 尚未施行, as of `today` (default: now).

    * 尚未施行: the document's own effective date is after today.
    * 已被修订: a newer version of its family is in the KB and already in force.
    * 已废止: its own 废止 event has passed, or its family is repealed by a KB document that
      is in force (the repealing law's effective date has arrived).
    * 现行有效: otherwise. An older version stays 现行有效 until the newer one takes effect.
    """
    now = _today(today)
    fams = families(docs)
    out: dict[str, str] = {}

    def in_force(d: DocumentMeta) -> bool:
        start = _in_force_date(d)
        return start is None or start <= now

    for f in fams:
        repealed_on: Date | None = None
        if f.replaced_by_doc and f.replaced_by_doc in docs:
            rep = docs[f.replaced_by_doc]
            if in_force(rep):
                repealed_on = _in_force_date(rep) or now
        for pos, d in enumerate(f.versions):
            own_eff = to_date(effective_date(d))
            vd = version_date(d)
            newer_in_force = any(
                version_date(n) > vd and in_force(n) for n in f.versions[pos + 1 :]
            )
            own_repeal = _own_repeal_date(d)
            if own_repeal and own_repeal <= now:
                out[d.doc_id] = STATUS_REPEALED
            elif own_eff and own_eff > now:
                out[d.doc_id] = STATUS_PENDING
            elif newer_in_force:
                out[d.doc_id] = STATUS_REVISED
            elif repealed_on is not None:
                out[d.doc_id] = STATUS_REPEALED
            else:
                out[d.doc_id] = STATUS_CURRENT
    return out


def current_version(
    docs: dict[str, DocumentMeta], doc_id: str, today: Date | None = None
) -> DocumentMeta | None:
    """The document in force now for the law `doc_id` belongs to.

    * 现行有效 → the document itself;
    * 已被修订 → the newest version of its family in force;
    * 已废止 → the version in force of the family that repealed it (following further
      replacements), or None when nothing in the KB replaces it;
    * 尚未施行 → the older version of its family still in force, or None.
    """
    if doc_id not in docs:
        return None
    status = status_map(docs, today)
    fams = {f.key: f for f in families(docs)}
    fam = next((f for f in fams.values() if doc_id in f.doc_ids), None)
    if status[doc_id] == STATUS_CURRENT:
        return docs[doc_id]
    seen: set[str] = set()
    while fam is not None and fam.key not in seen:
        seen.add(fam.key)
        current = [d for d in fam.versions if status[d.doc_id] == STATUS_CURRENT]
        if current:
            return current[-1]
        fam = fams.get(fam.replaced_by) if fam.replaced_by else None
    return None


def version_note(
    docs: dict[str, DocumentMeta],
    doc_id: str,
    status: str | None = None,
    today: Date | None = None,
    cited: dict[str, int] | None = None,
) -> str:
    """What an answer citing `doc_id` must say about its version ('' when it is in force).

    '《中华人民共和国环境噪声污染防治法》已废止，现行为《中华人民共和国噪声污染防治法》（2021-12-24）。'
    '《…》已被修订，现行为《…》（2023-10-24）。'
    '《…》（2026-05-01）尚未施行，施行日期 2026-09-01；现行为《…》（2020-01-01）。'

    `status` defaults to `status_map(docs, today)`; `cited` (doc_id -> citation number) puts
    the [n] of the current version after its title when the answer cites it too.
    """
    if doc_id not in docs:
        return ""
    status = status or status_map(docs, today).get(doc_id, "")
    if status not in (STATUS_REVISED, STATUS_REPEALED, STATUS_PENDING):
        return ""
    d = docs[doc_id]
    title = f"《{(d.title or d.file_name).strip('《》')}》"
    cur = current_version(docs, doc_id, today)
    cur_s = ""
    if cur is not None and cur.doc_id != doc_id:
        vd = version_date(cur)
        ref = f"[{cited[cur.doc_id]}]" if cited and cur.doc_id in cited else ""
        cur_s = f"现行为《{(cur.title or cur.file_name).strip('《》')}》" + (f"（{vd}）" if vd else "") + ref
    if status == STATUS_PENDING:
        vd, eff = version_date(d), effective_date(d)
        out = f"{title}" + (f"（{vd}）" if vd else "") + "尚未施行" + (f"，施行日期 {eff}" if eff else "")
        return out + (f"；{cur_s}。" if cur_s else "。")
    if status == STATUS_REPEALED and not cur_s:
        fam = next((f for f in families(docs) if doc_id in f.doc_ids), None)
        if fam is not None and fam.replaced_by_doc and fam.replaced_by_doc in docs:
            rep = docs[fam.replaced_by_doc]
            return f"{title}已废止（被《{(rep.title or rep.file_name).strip('《》')}》废止）。"
    return f"{title}{status}" + (f"，{cur_s}。" if cur_s else "。")


def versions_for_question(docs: dict[str, DocumentMeta], family: str, question: str) -> str | list[str]:
    """What to hand `change_summary` for a change question about `family`: the two
    versions whose years the question names (2017年版 … 2023年修订后); for one year, the
    revision of that year and its predecessor (2017年修订后…) or that version and the latest
    (与2017年版相比，现行…); else the family key (its two newest versions)."""
    chain = lineage(docs, family)
    years = list(dict.fromkeys(re.findall(r"((?:19|20)\d{2})\s*年", unicodedata.normalize("NFKC", question or ""))))
    picked: list[str] = []
    for y in years:
        for d in chain:
            if version_date(d)[:4] == y and d.doc_id not in picked:
                picked.append(d.doc_id)
                break
    if len(picked) >= 2:
        return picked[:2]
    if len(picked) == 1:
        year = version_date(docs[picked[0]])[:4]
        revision = re.search(year + r"\s*年\s*(?:第[一二三四五六七八九十\d]+次)?(?:修订|修正|修改)", question or "")
        if not revision and chain and chain[-1].doc_id != picked[0]:
            return [picked[0], chain[-1].doc_id]  # 与2017年版相比，现行…: that version and the latest
        return picked[0]  # 2017年修订后…: what that revision changed
    return family


def annotate_hits(hits: Iterable[SearchHit], docs: dict[str, DocumentMeta], today: Date | None = None) -> None:
    """Fill `hit.status` for search results in place."""
    status = status_map(docs, today)
    for h in hits:
        h.status = status.get(h.doc_id, "")


# ---------------------------------------------------------------------- timeline
@dataclass
class TimelineEvent:
    date: str  # ISO
    kind: str  # 通过 | 公布 | 发布 | 修订 | 修正 | 施行 | 废止 | 其他
    title: str  # the law's title (display)
    doc_id: str  # the document the event was read from
    family: str  # family key
    text: str = ""  # the source line
    file_name: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _family_events(f: Family, docs: dict[str, DocumentMeta]) -> list[TimelineEvent]:
    events: dict[tuple[str, str], TimelineEvent] = {}
    # Newest version first: its header carries the fullest history and the current title.
    for d in reversed(f.versions):
        for e in d.events:
            iso = to_date(e.date)
            if not iso:
                continue
            k = (iso.isoformat(), e.kind)
            if k not in events:
                events[k] = TimelineEvent(iso.isoformat(), e.kind, f.title, d.doc_id, f.key, e.text, d.file_name)
        eff = effective_date(d)
        if eff and (eff, "施行") not in events:
            events[(eff, "施行")] = TimelineEvent(eff, "施行", f.title, d.doc_id, f.key, "", d.file_name)
        vd = version_date(d)
        if vd and not any(k[0] == vd for k in events):
            events[(vd, "其他")] = TimelineEvent(vd, "其他", f.title, d.doc_id, f.key, "版本日期", d.file_name)
    if f.replaced_by_doc and f.replaced_by_doc in docs:
        rep = docs[f.replaced_by_doc]
        when = effective_date(rep) or version_date(rep)
        if when:
            events[(when, "废止")] = TimelineEvent(
                when, "废止", f.title, rep.doc_id, f.key, f"被《{rep.title}》废止", rep.file_name
            )
    return list(events.values())


def _event_sort(e: TimelineEvent) -> tuple[str, int, str]:
    return (e.date, EVENT_ORDER.get(e.kind, 9), e.family)


def timeline_events(docs: dict[str, DocumentMeta], family: str | None = None) -> list[TimelineEvent]:
    """Dated events of every family (or of `family`, a key or title), sorted by date.

    Events repeated in the headers of several versions appear once (cited from the newest
    version). Repeals of documents outside the KB are listed under the repealing family
    ("废止", text names the repealed title).
    """
    want = family_key(family) if family else None
    out: list[TimelineEvent] = []
    for f in families(docs):
        if want and f.key != want and not f.key.endswith("·" + want):
            continue
        out.extend(_family_events(f, docs))
        latest = f.latest
        for title in f.repeals_outside:
            when = effective_date(latest) or version_date(latest)
            if when:
                out.append(TimelineEvent(when, "废止", title.strip("《》"), latest.doc_id, f.key,
                                         f"《{title.strip('《》')}》同时废止", latest.file_name))
    return sorted(out, key=_event_sort)


def timeline_frame(docs: dict[str, DocumentMeta], family: str | None = None, today: Date | None = None):
    """Timeline as a pandas DataFrame for charts: columns date (datetime64), kind, title,
    family, doc_id, file_name, text, status (of the source document)."""
    import pandas as pd

    status = status_map(docs, today)
    rows = [{**e.to_dict(), "status": status.get(e.doc_id, "")} for e in timeline_events(docs, family)]
    cols = ["date", "kind", "title", "family", "doc_id", "file_name", "text", "status"]
    frame = pd.DataFrame(rows, columns=cols)
    frame["date"] = pd.to_datetime(frame["date"], errors="coerce")
    return frame


def versions_frame(docs: dict[str, DocumentMeta], today: Date | None = None):
    """One row per document: family, title, file_name, doc_type, date, effective_date,
    status, replaced_by — the table of the app's version page."""
    import pandas as pd

    status = status_map(docs, today)
    rows = []
    for f in families(docs):
        for d in f.versions:
            rows.append({
                "family": f.key,
                "title": d.title,
                "file_name": d.file_name,
                "doc_type": d.doc_type,
                "date": version_date(d),
                "effective_date": effective_date(d),
                "status": status.get(d.doc_id, ""),
                "replaced_by": f.replaced_by or "",
                "doc_id": d.doc_id,
            })
    return pd.DataFrame(rows, columns=["family", "title", "file_name", "doc_type", "date",
                                       "effective_date", "status", "replaced_by", "doc_id"])


# ---------------------------------------------------------------------- questions
_CHANGE_CUES = re.compile(
    r"(有什么|有何|有哪些|哪些|什么)(变化|不同|区别|差异|差别|调整|改动|变动|修改|改变)"
    r"|不一样|不同之处|变化|区别|差异|差别|改动|变动"
    r"|修改了|改了哪些|改了什么|删去了|删除了哪些|新增了|增加了哪些"
    r"|相比|对比|比较|比起|新旧|前后"
    r"|比.{1,20}?(严|宽|高|低|多|少|重|轻|大|小|长|短)了"
    r"|(跟|和|与|同).{1,30}?比"
)
_VERSION_CUES = re.compile(
    r"\d{4}\s*年?\s*(版|修订|修正|修改)?|版本|修订|修正|修改|新法|旧法|新版|旧版|老版|以前|之前|原来|原先|现行|新的|旧的|老的|新旧|前后|两版|两部"
)


def is_change_question(question: str) -> bool:
    """True when the question asks how a law changed between versions.

    Needs a change cue (变化, 不同, 区别, 相比, 比…严了, 修改了哪些, 新旧…) and a version cue
    (a year, 修订, 新/旧, 以前, 现行…). '2023年修订后…是从什么时候开始执行的' (a timeline
    question) is not one: 修订 alone is not a change cue.
    """
    q = unicodedata.normalize("NFKC", question or "")
    if "新旧" in q or re.search(r"修改了哪些|改了哪些|改了什么|有哪些(修改|变化|改动)", q):
        return True
    return bool(_CHANGE_CUES.search(q) and _VERSION_CUES.search(q))


@dataclass
class ChangeItem:
    """One change between two versions, ready to cite."""

    status: str  # changed | added | removed | unchanged
    doc_a: str  # doc_id of the old version ('' for added)
    doc_b: str  # doc_id of the new version ('' for removed)
    locator_a: str
    locator_b: str
    text: str  # short Chinese description
    score: float = 0.0  # relevance to the question
    hit_a: SearchHit | None = None  # chunk of the old article (the one holding quote_a)
    hit_b: SearchHit | None = None  # chunk of the new article (the one holding quote_b)
    quote_a: str = ""  # the old clause the question is about ('' without topical words)
    quote_b: str = ""  # the new clause

    @property
    def pair(self) -> tuple[str, str]:
        return (self.locator_a, self.locator_b)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["hit_a"] = self.hit_a.to_result() if self.hit_a else None
        d["hit_b"] = self.hit_b.to_result() if self.hit_b else None
        return d


def lineage(docs: dict[str, DocumentMeta], family_or_doc: str) -> list[DocumentMeta]:
    """All versions of a law, oldest first, including the versions of families it replaced
    (环境噪声污染防治法 2018 → 噪声污染防治法 2021). Accepts a family key, title or doc_id."""
    fams = {f.key: f for f in families(docs)}
    fam = None
    if family_or_doc in docs:
        fam = next((f for f in fams.values() if family_or_doc in f.doc_ids), None)
    if fam is None:
        k = family_key(family_or_doc)
        fam = fams.get(k) or next((f for f in fams.values() if f.key.endswith("·" + k)), None)
    if fam is None:
        return []
    chain: list[Family] = []
    seen: set[str] = set()

    def back(f: Family) -> None:
        if f.key in seen:
            return
        seen.add(f.key)
        for r in f.replaces:
            if r in fams:
                back(fams[r])
        chain.append(f)

    back(fam)
    return [d for f in chain for d in f.versions]


def comparable_pairs(docs: dict[str, DocumentMeta]) -> list[tuple[str, DocumentMeta, DocumentMeta]]:
    """(family key, older, newer) for each consecutive pair of versions in every lineage —
    the comparisons worth offering (e.g. as the default choices of a 版本对比 page).
    A family with a repealed predecessor law gives a pair across the two laws."""
    out: list[tuple[str, DocumentMeta, DocumentMeta]] = []
    for f in families(docs):
        if f.replaced_by:
            continue  # its versions appear in the lineage of the family that replaced it
        chain = lineage(docs, f.key)
        for old, new in zip(chain, chain[1:]):
            out.append((f.key, old, new))
    return out


def family_for_question(
    docs: dict[str, DocumentMeta], question: str, hits: Sequence[SearchHit] = ()
) -> str | None:
    """The family key of the law a change question is about, for `change_summary`.

    Only laws with more than one version in the KB count (a repealed predecessor law
    counts, and leads to the law that replaced it). The longest family key named in the
    question wins; else the family of the best-ranked hit in `hits` that has versions;
    else None."""
    q = re.sub(r"\s+", "", unicodedata.normalize("NFKC", question or ""))
    multi: dict[str, str] = {}  # key of any family in a multi-version lineage -> lineage head
    for f in families(docs):
        chain = lineage(docs, f.key)
        if len(chain) > 1 or f.replaced_by:
            head = f.key
            if f.replaced_by:
                head = f.replaced_by
            multi[f.key] = head
    if not multi:
        return None
    named = [k for k in multi if k in q]
    if named:
        return multi[max(named, key=len)]
    # Short names: 噪声法 for 噪声污染防治法, 海洋环保法 for 海洋环境保护法.
    short = set()
    for k in multi:
        m = re.search(r"(法|条例|办法|规定|细则|决定)$", k)
        if m and len(k) > len(m.group(0)) + 2:
            if re.search(re.escape(k[:2]) + r"[\u4e00-\u9fff]{0,6}?" + m.group(0), q):
                short.add(multi[k])
    if len(short) == 1:
        return short.pop()
    for h in hits:
        fam = _key_of(docs[h.doc_id]) if h.doc_id in docs else None
        if fam in multi:
            return multi[fam]
    return None


_QUESTION_STOP = frozenset(
    "什么 哪些 怎么 怎样 如何 多少 几 变化 不同 区别 差异 差别 不一样 一样 修订 修订后 修正 修改 改了 新旧 前后 相比 "
    "比较 对比 比起 以前 之前 原来 原先 现在 现行 规定 版本 年版 版 新 旧 老 两部 两版 内容 有什么 有何 哪 了 后 时 "
    "当年 如今 法律 法规 条例 本法 条文 哪条 方面 上 中 里 严 宽 高 低 多 少 跟 和 与 同 比 对 是 都 还 又 "
    "新版 旧版 老版 新法 旧法 部".split()
)
# Everyday words of questions -> the words laws use.
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "钱": ("费", "缴纳"), "交钱": ("缴纳",), "交": ("缴纳",), "罚": ("罚款",), "罚多少": ("罚款",),
    "排污": ("排放",), "多久": ("期限",), "期限": ("日内",), "谁": ("主管部门",), "哪个部门": ("主管部门",),
}
_DEFINE_RE = re.compile(r"界定|定义|含义|是指|指的是|指什么|认定|概念")


class _Relevance:
    """IDF-weighted overlap of the question's content words with article texts."""

    def __init__(self, question: str, titles: Sequence[str], texts: Sequence[str]):
        from kb.index import lexical

        q = unicodedata.normalize("NFKC", question or "")
        q = re.sub(r"《[^》]*》", " ", q)
        for t in titles:
            for form in (t, family_key(t)):
                if form:
                    q = q.replace(form, " ")
        q = re.sub(r"\d{4}\s*年", " ", q)
        # Quoted words (“夜间”) are what the question is about.
        self.quoted = [_norm(x) for x in re.findall(r"[“\"「『‘]([^”\"」』’]{1,20})[”\"」』’]", q)]
        self.defining = bool(_DEFINE_RE.search(q))
        raw = list(dict.fromkeys(lexical.tokenize(q)))
        terms: list[str] = []
        for t in raw:
            for alt in _SYNONYMS.get(t, ()):
                terms.append(alt)
            if t in _QUESTION_STOP or t.isdigit() or len(t) < 2:
                continue
            terms.append(t)
        terms.extend(x for x in self.quoted if x)
        self.asked = list(dict.fromkeys(terms))  # the topic words, before checking the texts
        if self.defining:
            terms.append("是指")
        bodies = [_norm(t) for t in texts]
        n = max(len(bodies), 1)
        # Phrases of the question the articles use word for word (社会生活噪声, 使用配额许可证):
        # word tokens alone let an article that has each word somewhere win.
        bare = [_bare(b) for b in bodies]
        self.phrases = set(_phrases(q, bare))
        terms.extend(sorted(self.phrases))
        # A question about penalties (罚多少, 严了多少) is about the penalty clauses, however
        # common 罚款 is among the articles.
        penalty = bool(re.search(r"罚|处罚|严了|宽了|重了|轻了|法律责任", q))
        if penalty:
            terms.append("罚款")
        self.weights: dict[str, float] = {}
        for t in dict.fromkeys(terms):
            df = sum(1 for b, nb in zip(bodies, bare) if t in b or (t in self.phrases and t in nb))
            if df == 0:
                continue  # a word no article has cannot tell articles apart
            w = math.log((n + 1) / (df + 0.5))
            self.weights[t] = w * (3.0 if t in self.quoted else 1.0)
        if penalty and "罚款" in self.weights and len(self.weights) > 1:
            others = [w for t, w in self.weights.items() if t != "罚款"]
            self.weights["罚款"] = max(self.weights["罚款"], sum(others) / len(others))
        self.total = sum(self.weights.values()) or 1.0

    def __bool__(self) -> bool:
        return bool(self.weights)

    def __call__(self, *texts: str) -> float:
        body = _norm("".join(texts))
        bare = _bare(body)
        score = sum(w for t, w in self.weights.items() if t in body or (t in self.phrases and t in bare)) / self.total
        if self.defining:
            # A definition of the quoted word: 本法所称噪声污染，是指… / （二）夜间，是指…
            for x in self.quoted:
                if x and re.search(re.escape(x) + r"[”\"」』]?[，,:：]?是指", body):
                    score += 1.0
                    break
        return score


_PHRASE_SPLIT = re.compile(
    r"[^\u4e00-\u9fff]+|有什么|有哪些|有何|什么|哪些|怎么|如何|是否|多少|变化|不同|区别|差异|不一样|规定|方面|相比|"
    r"比较|修订|修正|修改|新旧|前后|以前|原来|现在|现行|条件|要求|内容|[的对跟和与比在了吗呢]"
)


def _bare(text: str) -> str:
    """Text without punctuation and spaces (a phrase of the question may span a comma)."""
    return re.sub(r"[^\u4e00-\u9fff0-9a-z]", "", text)


def _phrases(question: str, bodies: Sequence[str], min_len: int = 4, max_len: int = 12) -> list[str]:
    """Runs of the question (split at question words and particles) of 4+ characters that
    occur in some article: the longest first, no two overlapping."""
    out: list[str] = []
    if not bodies:
        return out
    for run in _PHRASE_SPLIT.split(_norm(question)):
        taken: list[tuple[int, int]] = []
        for size in range(min(len(run), max_len), min_len - 1, -1):
            for i in range(0, len(run) - size + 1):
                if any(i < b and a < i + size for a, b in taken):
                    continue
                cand = run[i : i + size]
                if any(cand in b for b in bodies):
                    taken.append((i, i + size))
                    out.append(cand)
    return out


def topic_terms(question: str, titles: Sequence[str] = ()) -> list[str]:
    """The words of a change question that name its topic (law titles, years and question
    words removed): [] for '2023年修订后的海洋环境保护法修改了哪些内容？'."""
    return list(_Relevance(question, titles, []).asked)


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).lower()


def change_pair(
    docs: dict[str, DocumentMeta], family_or_doc_ids: str | Sequence[str]
) -> tuple[DocumentMeta, DocumentMeta] | None:
    """(old, new): the two versions `change_summary` compares for `family_or_doc_ids`."""
    ids = [family_or_doc_ids] if isinstance(family_or_doc_ids, str) else list(family_or_doc_ids)
    pair: list[DocumentMeta]
    if len(ids) >= 2 and all(i in docs for i in ids[:2]):
        pair = sorted([docs[ids[0]], docs[ids[1]]], key=_version_sort_key)
    else:
        chain = lineage(docs, ids[0]) if ids else []
        if ids and ids[0] in docs:
            # One doc: compare with its predecessor (or successor when it is the oldest).
            pos = next(n for n, d in enumerate(chain) if d.doc_id == ids[0])
            pair = chain[max(0, pos - 1) : max(0, pos - 1) + 2]
        else:
            pair = chain[-2:]
    if len(pair) < 2:
        return None
    return pair[0], pair[1]


def change_summary(
    index: Any,
    family_or_doc_ids: str | Sequence[str],
    question: str = "",
    k: int = 5,
    include_unchanged: bool = True,
) -> list[ChangeItem]:
    """The changes between two versions that a question is about, most relevant first.

    `family_or_doc_ids`: a family key or title (the two newest versions of its lineage are
    compared, a repealed predecessor law included), one doc_id (it and its predecessor), or
    two doc_ids (old, new; order fixed by version date). Relevance is the overlap of the
    question's character bigrams (law titles, years and question words removed) with the
    old and new article texts; with no topical words the changed articles come in article
    order. Each item carries the first chunk of both articles (`hit_a`, `hit_b`) to cite.
    """
    from kb.versions import diff as kdiff

    docs = index.documents()
    pair = change_pair(docs, family_or_doc_ids)
    if pair is None:
        return []
    old, new = pair
    res = kdiff.diff_documents(index, old, new)
    arts_a = kdiff.articles_from_hits(index.chunks_of(old.doc_id))
    arts_b = kdiff.articles_from_hits(index.chunks_of(new.doc_id))
    rel = _Relevance(question, [old.title, new.title], [x.text for x in arts_a + arts_b])
    terms = bool(rel)

    hits_a: dict[str, list[SearchHit]] = {}
    hits_b: dict[str, list[SearchHit]] = {}
    for h in index.chunks_of(old.doc_id):
        hits_a.setdefault(h.locator, []).append(h)
    for h in index.chunks_of(new.doc_id):
        hits_b.setdefault(h.locator, []).append(h)
    label_a, label_b = _version_label(old), _version_label(new)
    def quote(text: str) -> str:
        """The clause of `text` the question is most about ('' without topical words)."""
        if not terms:
            return ""
        parts = [p.strip() for p in re.split(r"(?<=[。；])|\n", text) if p.strip()]
        best = max(parts, key=lambda p: rel(p), default="")
        return _clip(best, 120) if best and rel(best) > 0 else ""

    def hit(chunks: dict[str, list[SearchHit]], loc: str, q: str) -> SearchHit | None:
        parts = chunks.get(loc) or []
        probe = _norm(q.rstrip("…"))
        for h in parts:
            if probe and probe in _norm(h.text):
                return h
        return parts[0] if parts else None

    items: list[ChangeItem] = []
    for e in res.changed:
        changed_text = "".join(o.a + o.b for o in e.ops if o.op != "equal")
        qa, qb = quote(e.text_a), quote(e.text_b)
        # The whole pair, what changed, and the two quoted clauses (a pair whose clauses are
        # about the topic beats a long article that mentions every word somewhere).
        score = rel(e.text_a, e.text_b) + 0.5 * rel(changed_text) + 0.25 * (rel(qa) + rel(qb))
        head = f"{label_a}{e.locator_a} → {label_b}{e.locator_b}"
        text = f"{head}：{e.summary}"
        if qa and qb and _norm(qa) != _norm(qb):
            text = f"{head}：原为「{qa}」，现为「{qb}」"
        items.append(ChangeItem(
            "changed", old.doc_id, new.doc_id, e.locator_a, e.locator_b, text, score,
            hit(hits_a, e.locator_a, qa), hit(hits_b, e.locator_b, qb), qa, qb,
        ))
    for e in res.added:
        qb = quote(e.text_b)
        items.append(ChangeItem(
            "added", "", new.doc_id, "", e.locator_b,
            f"{label_b}新增{e.locator_b}：「{qb or _clip(e.text_b)}」",
            rel(e.text_b) * 1.2 + 0.25 * rel(qb), None, hit(hits_b, e.locator_b, qb), "", qb,
        ))
    for e in res.removed:
        qa = quote(e.text_a)
        items.append(ChangeItem(
            "removed", old.doc_id, "", e.locator_a, "",
            f"{label_a}{e.locator_a}在{label_b}中已删去：「{qa or _clip(e.text_a)}」",
            rel(e.text_a) * 1.2 + 0.25 * rel(qa), hit(hits_a, e.locator_a, qa), None, qa, "",
        ))
    if include_unchanged and terms:
        texts_a = {a.locator: a.text for a in arts_a}
        for e in res.unchanged:
            s = rel(texts_a.get(e.locator_a, "")) * 0.6
            renum = f"（条号改为{e.locator_b}）" if e.locator_a != e.locator_b else ""
            items.append(ChangeItem(
                "unchanged", old.doc_id, new.doc_id, e.locator_a, e.locator_b,
                f"{label_a}{e.locator_a}在{label_b}中内容未变{renum}", s,
                hit(hits_a, e.locator_a, ""), hit(hits_b, e.locator_b, ""),
            ))
    if terms:
        items = [i for i in items if i.score > 0]
        items.sort(key=lambda i: -i.score)
    else:
        items = [i for i in items if i.status == "changed"]
    return items[:k]


def _clip(s: str, n: int = 60) -> str:
    s = s.replace("\n", " ").strip()
    return s if len(s) <= n else s[:n] + "…"


def _version_label(d: DocumentMeta) -> str:
    vd = version_date(d)
    return f"{vd[:4]}年版" if vd else f"《{d.title}》"


# ---------------------------------------------------------------------- CLI
def resolve_document(docs: dict[str, DocumentMeta], ref: str) -> DocumentMeta:
    """A document by doc_id, file name, path, title or file stem. Raises LookupError
    with a Chinese message (listing candidates when ambiguous)."""
    ref = ref.strip()
    if ref in docs:
        return docs[ref]
    name = Path(ref).name
    m = re.search(r"(19|20)\d{2}", ref)
    year = m.group(0) if m else ""
    rest = re.sub(r"[（(]?\s*(19|20)\d{2}\s*(年版|年修订|年修正|年|版)?\s*[)）]?", "", ref)
    rest = re.sub(r"^(修订|修正)?(后|前)?的", "", rest.strip())
    tests = [
        lambda d: d.file_name == name,
        lambda d: d.path and Path(d.path).resolve() == Path(ref).expanduser().resolve(),
        lambda d: Path(d.file_name).stem == name,
        lambda d: d.title == ref.strip("《》"),
        lambda d: family_key(d.title) == family_key(ref),
        # "海洋环境保护法 2017" / "2023年修订的海洋环境保护法": title plus a year.
        lambda d: bool(year) and family_key(d.title) == family_key(rest) and version_date(d)[:4] == year,
    ]
    for test in tests:
        found = [d for d in docs.values() if test(d)]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            names = "、".join(sorted(d.file_name for d in found))
            raise LookupError(f"“{ref}”对应多个文件：{names}。请给出文件名。")
    raise LookupError(f"知识库中没有找到“{ref}”。用 `python -m kb docs` 查看已导入的文件。")


def _emit(obj: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")


def cli_timeline(settings: Any, as_json: bool = False, today: Date | None = None) -> int:
    from kb.index.store import Index

    docs = Index(settings).documents()
    status = status_map(docs, today)
    fams = families(docs)
    if as_json:
        for f in fams:
            obj = f.to_dict(status)
            obj["events"] = [e.to_dict() for e in _sorted(_family_events(f, docs))]
            _emit(obj)
        return 0
    if not docs:
        print("知识库中还没有文件。用 `python -m ingest 文件夹` 导入。")
        return 0
    multi = [f for f in fams if len(f.versions) > 1 or f.replaced_by or f.replaces]
    print(f"共 {len(docs)} 个文件，{len(fams)} 部法规/文件；其中 {len(multi)} 部有多个版本或替代关系。\n")
    for f in sorted(fams, key=lambda f: (not (len(f.versions) > 1 or f.replaced_by or f.replaces), f.key)):
        extra = f"（{len(f.versions)} 个版本）" if len(f.versions) > 1 else ""
        print(f"■ {f.title}{extra}")
        for d in f.versions:
            eff = effective_date(d)
            eff_s = f"，{eff} 起施行" if eff else ""
            print(f"    {version_date(d) or '日期不详'}  〔{status[d.doc_id]}〕{eff_s}  {d.file_name}")
        if f.replaced_by:
            print(f"    → 已被《{_family_title(fams, f.replaced_by)}》废止并取代")
        for r in f.replaces:
            print(f"    ← 取代并废止《{_family_title(fams, r)}》")
        for t in f.repeals_outside:
            print(f"    ← 同时废止《{t.strip('《》')}》（不在知识库中）")
        evs = _sorted(_family_events(f, docs))
        if evs:
            print("    时间线：" + "；".join(f"{e.date} {e.kind}" for e in evs if e.kind != "其他"))
        print()
    return 0


def _sorted(events: list[TimelineEvent]) -> list[TimelineEvent]:
    return sorted(events, key=_event_sort)


def _family_title(fams: list[Family], key: str) -> str:
    return next((f.title for f in fams if f.key == key), key)


def cli_diff(settings: Any, file_a: str, file_b: str, as_json: bool = False) -> int:
    from kb.versions import diff as kdiff
    from kb.index.store import Index

    index = Index(settings)
    docs = index.documents()
    try:
        a = resolve_document(docs, file_a)
        b = resolve_document(docs, file_b)
    except LookupError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    if a.doc_id == b.doc_id:
        print("错误：两个参数指向同一个文件。", file=sys.stderr)
        return 2
    res = kdiff.diff_documents(index, a, b)
    if as_json:
        _emit(res.to_dict())
        return 0
    c = res.counts
    print(f"旧：《{a.title}》 {version_date(a)}  {a.file_name}")
    print(f"新：《{b.title}》 {version_date(b)}  {b.file_name}")
    if b.doc_id not in {d.doc_id for d in lineage(docs, a.doc_id)} and a.doc_id not in {
        d.doc_id for d in lineage(docs, b.doc_id)
    }:
        print("注意：两个文件不属于同一法规的不同版本，按条文内容比较。")
    if version_date(a) and version_date(b) and version_date(a) > version_date(b):
        print("注意：第一个文件的版本比第二个新，以下按“第一个 → 第二个”比较。")
    print(
        f"\n条文 {c['articles_a']} → {c['articles_b']}：新增 {c['added']} 条，删除 {c['removed']} 条，"
        f"修改 {c['changed']} 条，未变 {c['unchanged']} 条（其中 {c['renumbered']} 条条号变化）。\n"
    )
    from kb.versions.wordops import render_ops_text

    for e in res.entries():
        s = e.status
        if s == "changed":
            moved = "（位置移动）" if e.moved else ""
            print(f"【修改】{e.locator_a} → {e.locator_b}{moved}  相似度 {e.similarity:.2f}")
            print(f"    {render_ops_text(e.ops)}")
        elif s == "added":
            print(f"【新增】{e.locator_b}  {_clip(e.text_b, 80)}")
        elif s == "removed":
            print(f"【删除】{e.locator_a}  {_clip(e.text_a, 80)}")
        elif e.locator_a != e.locator_b:
            print(f"【未变】{e.locator_a} → {e.locator_b}")
    print("\n说明：[-…-] 为删去的文字，{+…+} 为增加的文字。")
    return 0
