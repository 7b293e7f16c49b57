"""The versions of the laws in the knowledge base as one graph, built once per index generation.

* A **family** groups the documents that are versions of one law or regulation: their titles
  agree once normalised (`kb.text.titles.title_key`; local documents whose title lacks their
  region are kept apart by region). A document whose text says that it repeals another
  (`DocumentMeta.repeals`, e.g. 《中华人民共和国环境噪声污染防治法》同时废止) links that family to its
  own: `Family.replaced_by` / `Family.replaces`.
* Every document gets a **status** as of a day: 现行有效, 已被修订 (a newer version of the same
  family is in the KB and in force), 已废止 (repealed by a KB document whose effective date has
  arrived, or its own 废止 event has passed), 尚未施行 (own effective date ahead).
* The **lineage** of a law is its versions plus those of the laws it replaced, oldest first.

    graph = VersionGraph.build(index.documents())   # or Searcher.versions, built in _load()
    graph.status[doc_id]; graph.current_version(doc_id); graph.version_note(doc_id)

The graph is a pure function of the catalog and the day; `of_generation` shares one graph per
index generation between the searcher and the app's pages.
"""
from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from datetime import date as Date
from itertools import pairwise
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

from kb.text.titles import title_key, book_title
from kb.types import DocumentMeta
from kb.versions.dates import (
    effective_date,
    in_force_date,
    origin_date,
    own_repeal_date,
    to_date,
    version_date,
    version_sort_key,
)

STATUS_CURRENT = "现行有效"
STATUS_REVISED = "已被修订"
STATUS_REPEALED = "已废止"
STATUS_PENDING = "尚未施行"
STATUS_EXPIRED = "已失效"  # its own 有效期 has run out (有效期至… / 有效期N年), or its web page says 失效
STATUS_ENDED = "期满"  # a plan whose period (2021—2025年, “十四五”) has ended
STATUSES = (STATUS_CURRENT, STATUS_REVISED, STATUS_REPEALED, STATUS_PENDING, STATUS_EXPIRED, STATUS_ENDED)
OUTDATED = (STATUS_REVISED, STATUS_REPEALED, STATUS_PENDING, STATUS_EXPIRED, STATUS_ENDED)
# 有效性 values of a government web page's information box that end a document's validity.
_PAGE_REPEALED = ("废止", "已废止")
_PAGE_EXPIRED = ("失效", "已失效", "过期")


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

    @property
    def linked(self) -> bool:
        """More than one version, or a repeal link to another family of the KB."""
        return len(self.versions) > 1 or bool(self.replaced_by or self.replaces)

    def to_dict(self, status: Mapping[str, str] | None = None) -> dict[str, Any]:
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


def family_key_of(doc: DocumentMeta) -> str:
    """The key of the family `doc` belongs to: its normalised title (else file stem), with its
    region in front when the title lacks it (local documents of different regions share
    titles only when the title does not name the region)."""
    key = title_key(doc.title) or title_key(Path(doc.file_name).stem)
    if doc.region and doc.region not in key:
        key = f"{doc.region}·{key}"
    return key


def _predates(target: Family, repealer: DocumentMeta) -> bool:
    """True when every version of `target` is older than the repealing law itself."""
    origin = origin_date(repealer)
    latest = to_date(version_date(target.latest))
    return origin is None or latest is None or latest <= origin


def _families(docs: Mapping[str, DocumentMeta]) -> dict[str, Family]:
    """The families of `docs` by key (sorted); versions oldest first, repeal links set."""
    groups: dict[str, list[DocumentMeta]] = {}
    for d in docs.values():
        groups.setdefault(family_key_of(d), []).append(d)
    fams: dict[str, Family] = {}
    for key in sorted(groups):
        members = sorted(groups[key], key=version_sort_key)
        fams[key] = Family(key=key, title=members[-1].title or key, versions=members)
    repealers = sorted((d for d in docs.values() if d.repeals or d.repeals_numbers),
                       key=lambda d: (str(in_force_date(d) or ""), d.doc_id))
    by_number: dict[str, list[DocumentMeta]] = {}
    for d in docs.values():
        if d.doc_number:
            by_number.setdefault(number_key(d.doc_number), []).append(d)
    for d in repealers:
        own = family_key_of(d)
        linked: list[Family] = []
        for num in d.repeals_numbers:  # by 文号: 原《…》（示环发〔2022〕8号）同时废止
            for target_doc in by_number.get(number_key(num), []):
                target = fams[family_key_of(target_doc)]
                if target.key == own or not _predates(target, d):
                    continue
                _link(fams, own, target, d)
                linked.append(target)
        for title in d.repeals:
            if any(_abbreviates(title, t.title) for t in linked):
                continue  # the title of a document already linked by its 文号 (often shortened)
            rk = title_key(title)
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
            _link(fams, own, target, d)
    return fams


def _link(fams: Mapping[str, Family], own: str, target: Family, repealer: DocumentMeta) -> None:
    target.replaced_by = own
    target.replaced_by_doc = repealer.doc_id
    if target.key not in fams[own].replaces:
        fams[own].replaces.append(target.key)


def number_key(doc_number: str) -> str:
    """A 文号 compared without spacing and bracket style: 示环发〔2022〕8号 = 示环发[2022]8号."""
    return re.sub(r"[\s〔〕\[\]【】()（）]", "", doc_number)


def _abbreviates(short: str, title: str) -> bool:
    """《关于开展清洁生产审核工作的通知》 for 《示例市生态环境局关于开展工业企业清洁生产审核工作的通知》:
    every character of the short title appears, in order, in the full one."""
    chars = iter(title_key(title))
    return all(ch in chars for ch in title_key(short))


def _status(docs: Mapping[str, DocumentMeta], fams: Mapping[str, Family], now: Date) -> dict[str, str]:
    """doc_id -> 现行有效 | 已被修订 | 已废止 | 尚未施行 as of `now`.

    * 尚未施行: the document's own effective date is after `now`.
    * 已被修订: a newer version of its family is in the KB and already in force.
    * 已废止: its own 废止 event has passed, or its family is repealed by a KB document that
      is in force (the repealing law's effective date has arrived).
    * 现行有效: otherwise. An older version stays 现行有效 until the newer one takes effect.
    """
    out: dict[str, str] = {}

    def in_force(d: DocumentMeta) -> bool:
        start = in_force_date(d)
        return start is None or start <= now

    for f in fams.values():
        repealed_on: Date | None = None
        if f.replaced_by_doc and f.replaced_by_doc in docs:
            rep = docs[f.replaced_by_doc]
            if in_force(rep):
                repealed_on = in_force_date(rep) or now
        for pos, d in enumerate(f.versions):
            own_eff = to_date(effective_date(d))
            vd = version_date(d)
            newer_in_force = any(version_date(n) > vd and in_force(n) for n in f.versions[pos + 1 :])
            own_repeal = own_repeal_date(d)
            expires, ended = to_date(d.expires), to_date(d.period_end)
            if own_repeal and own_repeal <= now or d.validity in _PAGE_REPEALED:
                out[d.doc_id] = STATUS_REPEALED
            elif own_eff and own_eff > now:
                out[d.doc_id] = STATUS_PENDING
            elif newer_in_force:
                out[d.doc_id] = STATUS_REVISED
            elif repealed_on is not None:
                out[d.doc_id] = STATUS_REPEALED
            elif expires and expires < now or d.validity in _PAGE_EXPIRED:
                out[d.doc_id] = STATUS_EXPIRED
            elif ended and ended < now:
                out[d.doc_id] = STATUS_ENDED
            else:
                out[d.doc_id] = STATUS_CURRENT
    return out


def _predecessors(fams: Mapping[str, Family], f: Family, seen: set[str], chain: list[Family]) -> None:
    """Append to `chain` the families `f` replaced (recursively, oldest law first), then `f`."""
    if f.key in seen:
        return
    seen.add(f.key)
    for r in f.replaces:
        if r in fams:
            _predecessors(fams, fams[r], seen, chain)
    chain.append(f)


def _lineages(fams: Mapping[str, Family]) -> dict[str, tuple[DocumentMeta, ...]]:
    """Family key -> its versions and those of the families it replaced (recursively), oldest
    law first (环境噪声污染防治法 2018 → 噪声污染防治法 2021)."""
    out: dict[str, tuple[DocumentMeta, ...]] = {}
    for fam in fams.values():
        chain: list[Family] = []
        _predecessors(fams, fam, set(), chain)
        out[fam.key] = tuple(d for f in chain for d in f.versions)
    return out


def _title(d: DocumentMeta) -> str:
    return book_title(d.title or d.file_name)


_BUILT: dict[tuple[str, Date], "VersionGraph"] = {}
_BUILT_LOCK = threading.Lock()


@dataclass(frozen=True)
class VersionGraph:
    """Families, repeal links, lineages and the status of every document as of `today`."""

    docs: Mapping[str, DocumentMeta]
    today: Date
    families: tuple[Family, ...]  # sorted by key
    status: Mapping[str, str]  # doc_id -> 现行有效 | 已被修订 | 已废止 | 尚未施行
    _by_key: Mapping[str, Family] = field(repr=False)
    _by_doc: Mapping[str, Family] = field(repr=False)
    _lineage: Mapping[str, tuple[DocumentMeta, ...]] = field(repr=False)

    # ------------------------------------------------------------------ building
    @classmethod
    def build(cls, docs: Mapping[str, DocumentMeta], today: Date | None = None) -> "VersionGraph":
        """The graph of `docs` (a catalog: doc_id -> DocumentMeta), status as of `today`
        (default: the current day)."""
        fams = _families(docs)
        return cls._make(docs, today or Date.today(), fams, _lineages(fams))

    @classmethod
    def _make(cls, docs, today, fams, lineages) -> "VersionGraph":
        by_doc = {doc_id: f for f in fams.values() for doc_id in f.doc_ids}
        return cls(
            docs=docs,
            today=today,
            families=tuple(fams.values()),
            status=MappingProxyType(_status(docs, fams, today)),
            _by_key=MappingProxyType(fams),
            _by_doc=MappingProxyType(by_doc),
            _lineage=MappingProxyType(lineages),
        )

    @classmethod
    def of_generation(cls, generation: str, docs: Mapping[str, DocumentMeta], today: Date | None = None) -> "VersionGraph":
        """The graph of the index generation `generation` (whose catalog is `docs`), built once
        per process and day and shared by every caller (the searcher, the app's pages). A
        generation fixes every document's content, and the graph reads only what the content
        decides (titles, dates, events, repeals, region), so equal generations share a graph."""
        key = (generation, today or Date.today())
        with _BUILT_LOCK:
            graph = _BUILT.get(key)
        if graph is None:
            graph = cls.build(docs, key[1])
            with _BUILT_LOCK:
                if len(_BUILT) >= 8:
                    _BUILT.clear()
                _BUILT[key] = graph
        return graph

    def as_of(self, today: Date) -> "VersionGraph":
        """The same families with every status as of `today`."""
        if today == self.today:
            return self
        return self._make(self.docs, today, dict(self._by_key), self._lineage)

    # ------------------------------------------------------------------ lookups
    def family(self, ref: str) -> Family | None:
        """The family named by `ref`: a family key, a doc_id, or a title (any form
        `title_key` folds; a local family is found by its title without the region)."""
        if ref in self._by_key:
            return self._by_key[ref]
        if ref in self._by_doc:
            return self._by_doc[ref]
        k = title_key(ref)
        return self._by_key.get(k) or next((f for f in self.families if f.key.endswith("·" + k)), None)

    def families_named(self, ref: str) -> list[Family]:
        """Every family `ref` (a key or title) may name: the one of that key and the local
        families of that title in every region."""
        k = title_key(ref)
        return [f for f in self.families if f.key in (ref, k) or f.key.endswith("·" + k)]

    def family_of(self, doc_id: str) -> Family | None:
        return self._by_doc.get(doc_id)

    def title_of(self, key: str) -> str:
        """Display title of the family `key` (the key itself when unknown)."""
        f = self._by_key.get(key)
        return f.title if f is not None else key

    def lineage(self, family_or_doc: str) -> list[DocumentMeta]:
        """All versions of a law, oldest first, including the versions of families it replaced
        (环境噪声污染防治法 2018 → 噪声污染防治法 2021). Accepts a family key, title or doc_id."""
        fam = self.family(family_or_doc)
        return list(self._lineage[fam.key]) if fam is not None else []

    def comparable_pairs(self) -> list[tuple[str, DocumentMeta, DocumentMeta]]:
        """(family key, older, newer) for each consecutive pair of versions in every lineage —
        the comparisons worth offering (e.g. as the default choices of a 版本对比 page).
        A family with a repealed predecessor law gives a pair across the two laws."""
        out: list[tuple[str, DocumentMeta, DocumentMeta]] = []
        for f in self.families:
            if f.replaced_by:
                continue  # its versions appear in the lineage of the family that replaced it
            chain = self._lineage[f.key]
            out.extend((f.key, old, new) for old, new in pairwise(chain))
        return out

    # ------------------------------------------------------------------ in force
    def current_version(self, doc_id: str) -> DocumentMeta | None:
        """The document in force for the law `doc_id` belongs to.

        * 现行有效 → the document itself;
        * 已被修订 → the newest version of its family in force;
        * 已废止 → the version in force of the family that repealed it (following further
          replacements), or None when nothing in the KB replaces it;
        * 尚未施行 → the older version of its family still in force, or None.
        """
        if doc_id not in self.docs:
            return None
        if self.status[doc_id] == STATUS_CURRENT:
            return self.docs[doc_id]
        fam = self._by_doc.get(doc_id)
        seen: set[str] = set()
        while fam is not None and fam.key not in seen:
            seen.add(fam.key)
            current = [d for d in fam.versions if self.status[d.doc_id] == STATUS_CURRENT]
            if current:
                return current[-1]
            fam = self._by_key.get(fam.replaced_by) if fam.replaced_by else None
        return None

    def version_note(self, doc_id: str, status: str | None = None, cited: Mapping[str, int] | None = None) -> str:
        """What an answer citing `doc_id` must say about its version ('' when it is in force).

        '《中华人民共和国环境噪声污染防治法》已废止，现行为《中华人民共和国噪声污染防治法》（2021-12-24）。'
        '《…》已被修订，现行为《…》（2023-10-24）。'
        '《…》（2026-05-01）尚未施行，施行日期 2026-09-01；现行为《…》（2020-01-01）。'

        `status` defaults to the graph's; `cited` (doc_id -> citation number) puts the [n] of
        the current version after its title when the answer cites it too.
        """
        if doc_id not in self.docs:
            return ""
        status = status or self.status.get(doc_id, "")
        if status not in OUTDATED:
            return ""
        d = self.docs[doc_id]
        title = _title(d)
        cur = self.current_version(doc_id)
        cur_s = ""
        if cur is not None and cur.doc_id != doc_id:
            vd = version_date(cur)
            ref = f"[{cited[cur.doc_id]}]" if cited and cur.doc_id in cited else ""
            cur_s = f"现行为{_title(cur)}" + (f"（{vd}）" if vd else "") + ref
        if status == STATUS_PENDING:
            vd, eff = version_date(d), effective_date(d)
            out = title + (f"（{vd}）" if vd else "") + "尚未施行" + (f"，施行日期 {eff}" if eff else "")
            return out + (f"；{cur_s}。" if cur_s else "。")
        if status == STATUS_REPEALED and not cur_s:
            fam = self._by_doc.get(doc_id)
            if fam is not None and fam.replaced_by_doc and fam.replaced_by_doc in self.docs:
                return f"{title}已废止（被{_title(self.docs[fam.replaced_by_doc])}废止）。"
        if status in (STATUS_EXPIRED, STATUS_ENDED):
            return f"{title}{status}（{self.status_reason(doc_id)}）。"
        return f"{title}{status}" + (f"，{cur_s}。" if cur_s else "。")

    def status_reason(self, doc_id: str) -> str:
        """Why a document has its status, in a few words: 有效期至2025-12-31 / 规划期至2025-12-31 /
        被《…》（文号）废止 / 施行日期 2026-09-01; '' for a document in force without dates."""
        d = self.docs.get(doc_id)
        if d is None:
            return ""
        status = self.status.get(doc_id, "")
        fam = self._by_doc.get(doc_id)
        if status == STATUS_REPEALED:
            if fam is not None and fam.replaced_by_doc in self.docs:
                rep = self.docs[fam.replaced_by_doc]
                return f"被{_title(rep)}" + (f"（{rep.doc_number}）" if rep.doc_number else "") + "废止"
            if d.validity in _PAGE_REPEALED:
                return f"发布网页标注有效性：{d.validity}"
            repealed = own_repeal_date(d)
            return f"{repealed.isoformat()}废止" if repealed else ""
        if status == STATUS_EXPIRED:
            return f"有效期至{d.expires}" if d.expires else f"发布网页标注有效性：{d.validity}"
        if status == STATUS_ENDED:
            return f"规划期至{d.period_end}"
        if status == STATUS_PENDING:
            return f"施行日期 {effective_date(d)}"
        if status == STATUS_REVISED:
            cur = self.current_version(doc_id)
            return f"现行为{_title(cur)}" if cur is not None else ""
        parts = []
        if d.expires:
            parts.append(f"有效期至{d.expires}")
        if d.period_end:
            parts.append(f"规划期至{d.period_end}")
        return "，".join(parts)
