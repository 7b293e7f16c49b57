"""The standards register: one record per standard (edition), merged from what the indexed
documents say (the "standards" facts, kb.registers.standards_extract) and from the catalogue
files the user imported (kb.registers.standards_catalogue), with the source of every fact.

    register = StandardsRegister.of_searcher(searcher)          # once per index generation
    register = StandardsRegister.load(index, layout)            # CLI and app pages, no embedder
    std = register.get("GB/T 36132-2018"); std.status; std.status_basis; std.cited
    register.find(read_standard("GB 17167"))                    # every edition of GB 17167

Status is evaluated against a day (`today`, by default the real one), by `status_of`:
1. an abolition date on or before today → 废止;
2. a replacement (stated, not inferred) in force by today → 废止;
3. a source marking it 废止 → 废止;
4. an implementation date after today → 即将实施;
5. a source marking it 现行 or 即将实施 → 现行 (即将实施 whose implementation date has passed is
   现行; so is a 废止 mark whose abolition or replacement date is still to come), or 即将实施
   without a date;
6. a newer edition of the same number in force (inferred replacement) → 废止;
7. an implementation date that has passed, nothing else known → 现行 (so stated: 据实施日期推定);
8. otherwise 状态不详 (a standard merely cited: the documents do not say).
Facts disagreeing are resolved by source: an imported catalogue before a document's table or its
own header, before a sentence; among documents the newer one.
"""
from __future__ import annotations

import datetime as _dt
import threading
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any, Iterable, Mapping

from kb.registers.standards_tables import STATUS_ABOLISHED, STATUS_CURRENT, STATUS_UPCOMING
from kb.text.grammar import StandardRef, read_standard
from kb.text.titles import book_title

STATUS_UNKNOWN = "状态不详"
STATUSES = (STATUS_CURRENT, STATUS_UPCOMING, STATUS_ABOLISHED, STATUS_UNKNOWN)
_RANK = {"catalogue": 3, "table": 2, "self": 2, "text": 1, "inferred": 0}


@dataclass(frozen=True)
class Source:
    """Where a fact was read: a place in an indexed document, or a row of an imported catalogue."""

    how: str  # catalogue | table | self | text | inferred
    doc_id: str = ""
    title: str = ""
    file_name: str = ""
    doc_date: str = ""
    locator: str = ""
    page_start: int | None = None
    page_end: int | None = None
    chunk_id: str = ""
    context: str = ""  # the row or sentence
    lead: str = ""  # what the place is about: the table's caption, the paragraph's first sentence
    heading_path: str = ""
    written: str = ""  # the number as the place writes it (GB 17167 for an undated citation)
    catalogue: str = ""  # the imported file's name
    row: int = 0

    @property
    def label(self) -> str:
        """《标题》二、（三） 第3页 / 标准目录“x.csv”第4行 / 推断."""
        if self.how == "catalogue":
            return f"标准目录“{self.catalogue}”第{self.row}行"
        if self.how == "inferred":
            return "同一标准号的其他版本（推断）"
        page = f" 第{self.page_start}页" if self.page_start else ""
        loc = f" {self.locator}" if self.locator and self.locator != "header" else ""
        return f"{book_title(self.title)}{loc}{page}"

    def to_dict(self) -> dict[str, Any]:
        d = {k: v for k, v in self.__dict__.items() if v not in ("", None, 0)}
        d["label"] = self.label
        return d


@dataclass(frozen=True)
class Fact:
    value: str
    source: Source


@dataclass
class Standard:
    """One edition of a standard (or a standard cited only without its year)."""

    ref: StandardRef
    names: list[Fact] = field(default_factory=list)
    statuses: list[Fact] = field(default_factory=list)  # as read: 现行 / 即将实施 / 废止
    published: list[Fact] = field(default_factory=list)
    implemented: list[Fact] = field(default_factory=list)
    abolished: list[Fact] = field(default_factory=list)
    replaces: list[Fact] = field(default_factory=list)  # codes
    replaced_by: list[Fact] = field(default_factory=list)
    cited: list[Source] = field(default_factory=list)  # places that require or list it
    mentioned: list[Source] = field(default_factory=list)  # every place it stands (cited or not)
    status: str = STATUS_UNKNOWN  # as of the register's day
    status_basis: str = ""  # why, in Chinese
    status_source: Source | None = None

    @property
    def code(self) -> str:
        return self.ref.code

    @property
    def name(self) -> str:
        f = best(self.names)
        return f.value if f else ""

    def date(self, which: str) -> str:
        f = best(getattr(self, which))
        return f.value if f else ""

    @property
    def cited_docs(self) -> list[str]:
        return list(dict.fromkeys(s.doc_id for s in self.cited if s.doc_id))

    def to_dict(self) -> dict[str, Any]:
        def facts(fs: list[Fact]) -> list[dict[str, Any]]:
            return [{"value": f.value, "source": f.source.to_dict()} for f in fs]

        return {
            "code": self.code, "base": self.ref.base, "family": self.ref.family, "kind": self.ref.kind,
            "number": self.ref.number, "part": self.ref.part, "year": self.ref.year, "name": self.name,
            "status": self.status, "status_basis": self.status_basis,
            "status_source": self.status_source.to_dict() if self.status_source else None,
            "published": self.date("published"), "implemented": self.date("implemented"),
            "abolished": self.date("abolished"),
            "replaces": _values(self.replaces), "replaced_by": _values(self.replaced_by),
            "facts": {k: facts(getattr(self, k)) for k in ("names", "statuses", "published", "implemented",
                                                         "abolished", "replaces", "replaced_by")},
            "cited": [s.to_dict() for s in self.cited],
        }


def best(facts: Iterable[Fact]) -> Fact | None:
    """The fact to believe: catalogue before table before sentence; among documents the newer."""
    ranked = sorted(facts, key=lambda f: (_RANK.get(f.source.how, 0), f.source.doc_date), reverse=True)
    return ranked[0] if ranked else None


def _values(facts: list[Fact]) -> list[str]:
    return list(dict.fromkeys(f.value for f in facts))


@dataclass
class StandardsRegister:
    today: _dt.date
    standards: dict[str, Standard]  # code → edition

    # ------------------------------------------------------------------ lookups
    def get(self, code: str) -> Standard | None:
        ref = read_standard(code)
        return self.standards.get(ref.code) if ref else None

    def editions(self, base: str) -> list[Standard]:
        """Every edition of one standard number, oldest first."""
        return sorted((s for s in self.standards.values() if s.ref.base == base), key=lambda s: s.ref.year)

    def find(self, ref: StandardRef) -> list[Standard]:
        """The edition a dated reference names; every edition of an undated one (oldest first)."""
        if ref.year:
            hit = self.standards.get(ref.code)
            return [hit] if hit else []
        return self.editions(ref.base)

    def successor(self, std: Standard) -> Standard | None:
        """The edition that replaced `std` and is not itself abolished (following the chain)."""
        seen = {std.code}
        cur = std
        while True:
            nxt = [self.standards[c] for c in _values(cur.replaced_by) if c in self.standards and c not in seen]
            if not nxt:
                return None if cur is std else cur
            cur = max(nxt, key=lambda s: (s.status != STATUS_ABOLISHED, s.ref.year))
            seen.add(cur.code)
            if cur.status != STATUS_ABOLISHED:
                return cur

    def chain(self, std: Standard) -> list[Standard]:
        """The replacement chain through `std`, oldest first (GB 1-2008 → GB 1-2016 → GB 1-2024)."""
        older: list[Standard] = []
        cur, seen = std, {std.code}
        while True:
            prev = [self.standards[c] for c in _values(cur.replaces) if c in self.standards and c not in seen]
            if not prev:
                break
            cur = max(prev, key=lambda s: s.ref.year)
            seen.add(cur.code)
            older.insert(0, cur)
        newer: list[Standard] = []
        cur = std
        while True:
            nxt = [self.standards[c] for c in _values(cur.replaced_by) if c in self.standards and c not in seen]
            if not nxt:
                break
            cur = min(nxt, key=lambda s: s.ref.year)
            seen.add(cur.code)
            newer.append(cur)
        return older + [std] + newer

    def select(self, family: str = "", status: str = "", cited_by: Iterable[str] | None = None,
               text: str = "") -> list[Standard]:
        """Standards of a family (GB/T, YS/T, GB for all national ones, 行业标准 …), a status, cited
        by one of the doc ids, or whose number or name contains `text`; sorted by number."""
        docs = set(cited_by) if cited_by is not None else None
        out = []
        for s in self.standards.values():
            if family and not family_matches(s.ref, family):
                continue
            if status and s.status != status:
                continue
            if docs is not None and not docs & set(s.cited_docs):
                continue
            if text and text.upper().replace(" ", "") not in (s.code + s.name).upper().replace(" ", ""):
                continue
            out.append(s)
        return sorted(out, key=sort_key)

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(STATUSES, 0)
        for s in self.standards.values():
            out[s.status] += 1
        return out

    # ------------------------------------------------------------------ building
    @classmethod
    def build(cls, facts: Mapping[str, list[dict]], docs: Mapping[str, Any],
              catalogue_rows: Iterable[dict] = (), today: _dt.date | None = None) -> "StandardsRegister":
        """The register from the documents' records (doc_id → records), their catalog records
        (doc_id → DocumentMeta), and the imported catalogue rows."""
        reg = cls(today or _dt.date.today(), {})
        for doc_id, records in facts.items():
            meta = docs.get(doc_id)
            if meta is None:
                continue
            for rec in records:
                src = Source(rec.get("how", "text"), doc_id, meta.title, meta.file_name, meta.date,
                             rec.get("locator", ""), rec.get("page_start"), rec.get("page_end"),
                             rec.get("chunk_id", ""), rec.get("context", ""), rec.get("lead", ""),
                             rec.get("heading_path", ""), rec.get("code", ""))
                reg._add(rec, src, cites=bool(rec.get("cites")))
        for row in catalogue_rows:
            reg._add(row, Source("catalogue", context=row.get("code", ""), written=row.get("code", ""),
                                 catalogue=row.get("source", ""), row=int(row.get("row") or 0)), cites=False)
        reg._fold_undated()
        reg._link_replacements()
        reg._share_names()
        reg.evaluate()
        return reg

    def _share_names(self) -> None:
        """An edition known only by its number takes the name of another edition of it (so marked)."""
        for std in self.standards.values():
            if not std.names:
                named = [best(s.names) for s in self.editions(std.ref.base) if s.names]
                if named and named[-1] is not None:
                    std.names.append(Fact(named[-1].value, Source("inferred")))

    def _edition(self, ref: StandardRef) -> Standard:
        std = self.standards.get(ref.code)
        if std is None:
            std = self.standards[ref.code] = Standard(StandardRef(ref.family, ref.number, ref.part, ref.year))
        return std

    def _add(self, rec: Mapping[str, Any], src: Source, cites: bool) -> None:
        ref = read_standard(str(rec.get("code") or ""))
        if ref is None:
            return
        std = self._edition(ref)
        if src.how != "catalogue":
            std.mentioned.append(src)
            if cites and not any((c.chunk_id, c.locator) == (src.chunk_id, src.locator) for c in std.cited):
                std.cited.append(src)  # one place per passage, however often it names the standard
        for key, attr in (("name", "names"), ("status", "statuses"), ("published", "published"),
                          ("implemented", "implemented"), ("abolished", "abolished")):
            if rec.get(key):
                getattr(std, attr).append(Fact(str(rec[key]), src))
        for key in ("replaces", "replaced_by"):
            for code in rec.get(key) or ():
                other = read_standard(code)
                if other is not None and other.code != ref.code:
                    self._edition(other)
                    getattr(std, key).append(Fact(other.code, src))

    def _fold_undated(self) -> None:
        """A citation without a year means the latest edition (the convention of normative
        references): undated entries join the newest dated edition of their number."""
        for code, std in list(self.standards.items()):
            if std.ref.year:
                continue
            dated = [s for s in self.editions(std.ref.base) if s.ref.year]
            if not dated:
                continue
            target = dated[-1]
            for attr in ("names", "cited", "mentioned"):
                getattr(target, attr).extend(getattr(std, attr))
            del self.standards[code]

    def _link_replacements(self) -> None:
        """Both directions of every replacement, oriented by the editions' years; consecutive
        editions of one number with no stated link are linked as inferred."""
        for std in self.standards.values():
            for f in list(std.replaces):
                self._link(std.code, f.value, f.source)
            for f in list(std.replaced_by):
                self._link(f.value, std.code, f.source)
        for base in {s.ref.base for s in self.standards.values()}:
            dated = [s for s in self.editions(base) if s.ref.year]
            for old, new in pairwise(dated):
                if old.ref.year != new.ref.year and not _values(old.replaced_by) and not _values(new.replaces):
                    self._link(new.code, old.code, Source("inferred"))

    def _link(self, new_code: str, old_code: str, src: Source) -> None:
        new, old = self.standards.get(new_code), self.standards.get(old_code)
        if new is None or old is None or new is old:
            return
        if new.ref.year and old.ref.year and new.ref.year < old.ref.year:
            new, old = old, new  # a column read the other way round: the newer edition replaces
        old.replaces = [f for f in old.replaces if f.value != new.code]  # the link read backwards
        new.replaced_by = [f for f in new.replaced_by if f.value != old.code]
        if not any(f.value == old.code and f.source == src for f in new.replaces):
            new.replaces.append(Fact(old.code, src))
        if not any(f.value == new.code and f.source == src for f in old.replaced_by):
            old.replaced_by.append(Fact(new.code, src))

    def evaluate(self, today: _dt.date | None = None) -> None:
        """Every standard's status as of `today` (default: the register's day)."""
        self.today = today or self.today
        day = self.today.isoformat()
        for std in sorted(self.standards.values(), key=lambda s: s.ref.year):  # older editions first
            std.status, std.status_basis, std.status_source = status_of(std, self, day)

    def as_of(self, today: _dt.date) -> "StandardsRegister":
        """The same standards with every status as of `today`."""
        import copy

        other = copy.copy(self)
        other.standards = {k: copy.copy(v) for k, v in self.standards.items()}
        other.evaluate(today)
        return other

    # ------------------------------------------------------------------ one per index generation
    @classmethod
    def load(cls, index: Any, layout: Any, docs: Mapping[str, Any] | None = None,
             today: _dt.date | None = None) -> "StandardsRegister":
        """The register of an index without a Searcher (CLI, app pages): the standards facts are
        read through the same cache the Searcher uses (DATA/registers.sqlite)."""
        from kb.registers.extracted import refresh
        from kb.registers.standards_extract import EXTRACTOR

        docs = index.documents() if docs is None else docs
        facts = refresh(index, layout, [EXTRACTOR], docs).get(EXTRACTOR.kind, {})
        return cls._cached((index.generation(docs), _stamp(index), today or _dt.date.today()),
                           lambda day: cls.build(facts, docs, index.catalogue_rows(), day))

    @classmethod
    def of_searcher(cls, searcher: Any, today: _dt.date | None = None) -> "StandardsRegister":
        """The register of a Searcher's index generation (its facts and docs), built once per
        generation, catalogue import and day."""
        index = searcher.index
        key = (getattr(searcher, "generation", ""), _stamp(index), today or _dt.date.today())
        return cls._cached(key, lambda day: cls.build(searcher.facts.get("standards", {}), searcher.docs,
                                                      index.catalogue_rows(), day))

    @classmethod
    def _cached(cls, key: tuple, make) -> "StandardsRegister":
        with _BUILT_LOCK:
            reg = _BUILT.get(key)
        if reg is None:
            reg = make(key[2])
            with _BUILT_LOCK:
                if len(_BUILT) >= 8:
                    _BUILT.clear()
                _BUILT[key] = reg
        return reg


_BUILT: dict[tuple, StandardsRegister] = {}
_BUILT_LOCK = threading.Lock()


def _stamp(index: Any) -> tuple:
    """Changes whenever a catalogue file is imported again or removed."""
    manifests = index.catalogue_manifests() if hasattr(index, "catalogue_manifests") else {}
    return tuple(sorted((s, m.get("import_id", "")) for s, m in manifests.items()))


def status_of(std: Standard, reg: StandardsRegister, day: str) -> tuple[str, str, Source | None]:
    """(status, basis, source) of `std` on `day` (ISO), by the rules in the module docstring."""
    ab, impl, st = best(std.abolished), best(std.implemented), best(std.statuses)
    if ab and ab.value <= day:
        return STATUS_ABOLISHED, f"{ab.value} 起废止", ab.source
    stated = [f for f in std.replaced_by if f.source.how != "inferred"]
    hit = _replacement_in_force(stated, reg, day, require_date=False)
    if hit:
        return hit
    later = _upcoming_replacement(stated, reg, day) + (f"，将于 {ab.value} 废止" if ab else "")
    if st and st.value == STATUS_ABOLISHED and not later:  # a 废止 mark whose date is still to come is not yet true
        return STATUS_ABOLISHED, "来源标注为废止", st.source
    if impl and impl.value > day:
        return STATUS_UPCOMING, f"{impl.value} 起实施", impl.source
    if st and st.value == STATUS_UPCOMING and not impl:
        return STATUS_UPCOMING, "来源标注为即将实施", st.source
    if st:
        if impl:
            note = "；来源标注为即将实施，实施日期已过" if st.value == STATUS_UPCOMING else ""
            return STATUS_CURRENT, f"{impl.value} 起实施{note}" + later, impl.source
        return STATUS_CURRENT, "来源标注为现行" + later, st.source
    hit = _replacement_in_force([f for f in std.replaced_by if f.source.how == "inferred"], reg, day, True)
    if hit:
        return hit
    if impl:
        return STATUS_CURRENT, f"{impl.value} 起实施，未见废止或代替信息（据实施日期推定）" + later, impl.source
    return STATUS_UNKNOWN, "知识库中没有该标准的状态信息", None


def _upcoming_replacement(links: list[Fact], reg: StandardsRegister, day: str) -> str:
    for f in links:
        new = reg.standards.get(f.value)
        impl = best(new.implemented) if new else None
        if impl and impl.value > day:
            return f"，将被 {f.value} 代替（{f.value} 自 {impl.value} 起实施）"
    return ""


def _replacement_in_force(links: list[Fact], reg: StandardsRegister, day: str,
                          require_date: bool) -> tuple[str, str, Source | None] | None:
    """废止 when a replacing edition is in force on `day`: its implementation date has passed, it is
    marked 现行, or (a stated replacement without a date) nothing says it is still to come."""
    for f in sorted(links, key=lambda f: _RANK.get(f.source.how, 0), reverse=True):
        new = reg.standards.get(f.value)
        impl = best(new.implemented) if new else None
        if impl and impl.value <= day:
            return STATUS_ABOLISHED, f"已被 {f.value} 代替（{f.value} 自 {impl.value} 起实施）", f.source
        st = best(new.statuses) if new else None
        if impl is None and (st.value == STATUS_CURRENT if st else not require_date):
            return STATUS_ABOLISHED, f"已被 {f.value} 代替", f.source
        if impl is None and not require_date and st.value != STATUS_UPCOMING:
            return STATUS_ABOLISHED, f"已被 {f.value} 代替", f.source
    return None


def family_matches(ref: StandardRef, wanted: str) -> bool:
    """--family GB/T (exactly), GB (GB, GB/T, GB/Z), HJ (HJ, HJ/T), DB (every local), T (every
    group), ISO, or a kind: 国家标准 / 行业标准 / 地方标准 / 团体标准 / 国际标准."""
    w = wanted.strip().upper().replace("／", "/")
    fam = ref.family.upper()
    if not w:
        return True
    if w == ref.kind or wanted.strip() == ref.kind:
        return True
    if fam == w:
        return True
    if w in ("DB", "T", "T/") and fam.startswith("DB" if w == "DB" else "T/"):
        return True
    return "/" not in w and fam.split("/")[0] == w


def sort_key(std: Standard) -> tuple:
    kinds = ("国家标准", "行业标准", "地方标准", "团体标准", "国际标准")
    num = int(std.ref.number) if std.ref.number.isdigit() else 0
    return (kinds.index(std.ref.kind), std.ref.family, num, std.ref.part, std.ref.year)
