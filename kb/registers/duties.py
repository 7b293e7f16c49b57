"""Duties as data: the obligation sentences of each document, with their subject, conditions,
deadline or frequency and authority, the penalty clauses that enforce them, and the
definitions of 重点用能单位 by energy thresholds.

* `DUTIES` (an Extractor, kept per document version) reads one document: every sentence with
  应当 / 必须 / 不得 / 禁止 (or a prescribed act with a deadline), cut at ；, outside the 法律责任
  chapter, becomes a duty record (kb.registers.conditions reads its subject and conditions); the
  penalty units of the document are read and linked to the duties they enforce
  (kb.registers.penalties), and "下列用能单位为重点用能单位：…" gives a definition.
* `DutyRegister` (typed, built once per index generation from `searcher.facts`) resolves the
  references a penalty makes to another document and answers: the duties of an article, the
  penalties that enforce a duty, the duties a penalty enforces, the rule for 重点用能单位.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Mapping

from kb.registers.conditions import SUBJECTS, Condition, alternatives_of, conditions_of, subject_of
from kb.registers.extracted import Extractor, Records
from kb.registers.penalties import agree, is_penalty_article, link_penalties, read_penalties
from kb.registers.per_generation import PerGeneration
from kb.registers.references import article_lines, code_digest, resolve_title
from kb.text import grammar as g
from kb.types import DocumentMeta, SearchHit
from kb.versions.articles import articles_from_hits
from kb.versions.graph import VersionGraph

_SENTENCE = re.compile(r"[^。]+。?")
_DEFINITION = re.compile(r"下列(?P<what>[^，。；：]{1,12}?)为(?P<term>[^，。；：]{2,12})[：:]\s*$")
_ALTERNATIVES = re.compile(r"(?:有)?下列(?:情形|行为)?之一|下列情形")
_NAMES_A_PARTY = re.compile("|".join(re.escape(w) for w, _ in SUBJECTS))
_CONTENT_SPEC = re.compile(r"(?:应当|必须)(?:包括|载明|记载|列明)")  # what a form or a report contains


# ---------------------------------------------------------------------- extraction
def _pages(chunks: list[SearchHit]) -> dict[str, list[int | None]]:
    out: dict[str, list[int | None]] = {}
    for c in chunks:
        if c.page_start is None:
            continue
        p = out.setdefault(c.locator, [c.page_start, c.page_end or c.page_start])
        p[0] = min(p[0], c.page_start)
        p[1] = max(p[1], c.page_end or c.page_start)
    return out


def _sentences(lines: list[Any]) -> list[tuple[Any, str, list[str]]]:
    """(line, sentence, items) for every sentence of the article's 款 (items belong to the
    sentence before them that ends with ：)."""
    out: list[tuple[Any, str, list[str]]] = []
    for ln in lines:
        if ln.item:
            if out and out[-1][0].paragraph == ln.paragraph and out[-1][1].rstrip().endswith(("：", ":")):
                out[-1][2].append(ln.text)
            continue
        for s in _SENTENCE.findall(ln.text):
            if s.strip():
                out.append((ln, s.strip(), []))
    return out


def _modal(clause: str) -> re.Match[str] | None:
    """The modal that binds the clause's subject: the first whose words before it name a party
    (对依法应当编制…的建设项目，建设单位应当… — the second), else the first."""
    found = list(g.OBLIGATION_RE.finditer(clause)) or list(g.DEADLINE_DUTY_RE.finditer(clause))
    return next((m for m in found if subject_of(clause[: m.start()])), found[0] if found else None)


def read_duties(locator: str, lines: list[Any], pages: list[int | None] | None,
                heading_path: str = "") -> list[dict[str, Any]]:
    """The duty records of one article (not of the 法律责任 chapter). A clause without a subject
    takes the one of the duty before it in the article (…排污单位应当…。污染物排放口位置…应当与
    排污许可证规定相符；已经建成的，不得投入生产)."""
    out: list[dict[str, Any]] = []
    carried, carried_conds = None, []
    for ln, sentence, items in _sentences(lines):
        for clause in re.split(r"(?<=；)", sentence):
            m = _modal(clause)
            if not m:
                continue
            head, obj = clause[: m.start()], clause[m.start():]
            if re.search(r"(?:可以|有权|不需要|无须)$", head) or _CONTENT_SPEC.match(obj):
                continue
            own = None
            if g.FORBID_LEAD_RE.match(clause.strip()):
                # 禁止… binds everyone, unless it goes on about the party of the 款 (公共机构采购…应当
                # 优先采购…。禁止采购国家明令淘汰的…)
                same = out and out[-1]["para"] == ln.paragraph and carried is not None and carried.kind != "anyone"
                subj = own = carried if same else subject_of("任何单位")
            else:
                subj = own = subject_of(head)
                if subj is None and not _NAMES_A_PARTY.search(head):  # 制定…排污单位范围…名录，应当: not the party's act
                    subj = carried
            alternatives: list[Condition] = []
            if subj is None and items and _ALTERNATIVES.search(head):  # 有下列情形之一的，申请…还应当提交…：（一）…排污单位…
                subj = next((s for s in (subject_of(re.split(r"[，,]", it)[-1] or it) or subject_of(it) for it in items) if s), None)
            if subj is None:
                continue
            conds = conditions_of(head, subj, obj)
            if own is None and subj is carried:  # the subject of the duty before, with its conditions
                conds = carried_conds + [c for c in conds if c not in carried_conds]
            carried, carried_conds = subj, conds
            if items and _ALTERNATIVES.search(head + obj):
                alternatives = alternatives_of(items, subj.kind)
                conds = [c for c in conds if not (c.kind == "unknown" and _ALTERNATIVES.search(c.text))]
            text = sentence + ("".join(items) if items else "")
            content = clause + ("".join(items) if items and not alternatives else "")
            deadline = g.DEADLINE_RE.search(clause)
            freq = g.FREQUENCY_RE.search(clause)
            who = g.AUTHORITY_TO_RE.search(obj) or g.AUTHORITY_TO_RE.search(clause)
            out.append({
                "type": "duty", "locator": locator, "para": ln.paragraph, "item": ln.item,
                "text": text, "clause": clause.strip(), "content": content, "subject": subj.word, "subject_kind": subj.kind,
                "modal": m.group(0) if m.re is g.OBLIGATION_RE else "期限",
                "conditions": [c.to_dict() for c in conds], "alternatives": [c.to_dict() for c in alternatives],
                "deadline": deadline.group(0) if deadline else "", "frequency": freq.group(0) if freq else "",
                "authority": who.group("who") if who else "", "pages": pages or [None, None],
                "transitional": "附则" in heading_path,
            })
    return out


def read_definitions(locator: str, lines: list[Any]) -> list[dict[str, Any]]:
    """下列用能单位为重点用能单位：（一）…一万吨标准煤以上…（二）…指定的…五千吨以上不满一万吨… →
    {term, alternatives: [{lo, hi, designated, text}]}."""
    out = []
    for i, ln in enumerate(lines):
        m = _DEFINITION.search(ln.text) if not ln.item else None
        if not m:
            continue
        alts = []
        for it in lines[i + 1:]:
            if not it.item or it.paragraph != ln.paragraph:
                break
            t = g.ENERGY_THRESHOLD_RE.search(it.text)
            if t:
                alts.append({"lo": g.quantity(t["lo"]), "hi": g.quantity(t["hi"]) if t["hi"] else None,
                             "designated": "指定" in it.text, "text": it.text})
        if alts:
            out.append({"type": "definition", "locator": locator, "term": m.group("term"), "alternatives": alts})
    return out


def extract_duties(meta: DocumentMeta, chunks: list[SearchHit]) -> Records:
    arts = articles_from_hits(chunks)
    pages = _pages(chunks)
    lines = {a.locator: article_lines(a.text) for a in arts}
    records: Records = []
    units = []
    for a in arts:
        in_chapter = is_penalty_article(a.heading_path, lines[a.locator])
        units += read_penalties(a.locator, lines[a.locator], in_chapter)
        if not in_chapter:
            records += read_duties(a.locator, lines[a.locator], pages.get(a.locator), a.heading_path)
        records += read_definitions(a.locator, lines[a.locator])
    duties = [r for r in records if r["type"] == "duty"]
    toc = {a.locator: max((ln.paragraph for ln in lines[a.locator]), default=0) for a in arts}
    link_penalties(units, duties, toc, [a.locator for a in arts])
    for u in units:
        rec = u.to_record()
        rec["pages"] = pages.get(u.locator, [None, None])
        records.append(rec)
    return records


DUTIES = Extractor("duties", "1." + code_digest(
    "kb.text.grammar", "kb.registers.references", "kb.registers.conditions", "kb.registers.penalties", __name__,
), extract_duties)


# ---------------------------------------------------------------------- the register
@dataclass(frozen=True)
class Duty:
    doc_id: str
    locator: str
    paragraph: int
    text: str  # the sentence (with its items)
    clause: str  # the part that binds the subject
    subject: str
    subject_kind: str
    modal: str
    conditions: tuple[Condition, ...] = ()
    alternatives: tuple[Condition, ...] = ()  # 有下列情形之一的: any one of them
    deadline: str = ""
    frequency: str = ""
    authority: str = ""
    pages: tuple[int | None, int | None] = (None, None)

    @property
    def key(self) -> tuple[str, str, int, str]:
        return (self.doc_id, self.locator, self.paragraph, self.clause)


@dataclass(frozen=True)
class Penalty:
    doc_id: str
    locator: str
    paragraph: int
    item: int
    text: str
    conduct: str
    sanction: str
    subject: str = ""
    authority: str = ""
    fines: tuple[dict[str, Any], ...] = ()
    pages: tuple[int | None, int | None] = (None, None)
    subject_kind: str = ""
    enforces: tuple[tuple[str, str, tuple[int, ...], str, str], ...] = ()  # (doc_id, locator, 款s, how, clause)

    @property
    def fine_text(self) -> str:
        return "；".join(f["text"] for f in self.fines)


@dataclass(frozen=True)
class KeyEnergyRule:
    """When a company is a 重点用能单位 (节约能源法 第五十二条 and the like)."""

    doc_id: str
    locator: str
    alternatives: tuple[dict[str, Any], ...]


_BUILT: PerGeneration["DutyRegister"] = PerGeneration()


@dataclass
class DutyRegister:
    duties: tuple[Duty, ...]
    penalties: tuple[Penalty, ...]
    rules: tuple[KeyEnergyRule, ...]
    docs: Mapping[str, DocumentMeta]
    _by_article: dict[tuple[str, str], list[Duty]] = field(default_factory=dict, repr=False)
    _enforcing: dict[tuple[str, str], list[tuple[Penalty, tuple[int, ...], str]]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for d in self.duties:
            self._by_article.setdefault((d.doc_id, d.locator), []).append(d)
        for p in self.penalties:
            for doc_id, loc, paras, _how, clause in p.enforces:
                self._enforcing.setdefault((doc_id, loc), []).append((p, paras, clause))

    def duties_of(self, doc_id: str, locator: str) -> list[Duty]:
        return list(self._by_article.get((doc_id, locator), []))

    def duties_of_doc(self, doc_id: str) -> list[Duty]:
        return [d for d in self.duties if d.doc_id == doc_id]

    def penalties_for(self, duty: Duty) -> list[Penalty]:
        """The penalty units that enforce `duty`: matched to its very clause by conduct, or naming
        its article or 款 — then only a penalty whose party may be the duty's (a fine on an
        approving authority does not enforce the builder's duty of the same 款)."""
        out: list[Penalty] = []
        for p, paras, clause in self._enforcing.get((duty.doc_id, duty.locator), []):
            if clause and clause != duty.clause:
                continue
            if paras and duty.paragraph not in paras:
                continue
            if not clause and not agree(p.subject_kind, duty.subject_kind):
                continue
            if p not in out:
                out.append(p)
        return out

    def penalties_naming(self, doc_id: str, locator: str) -> list[Penalty]:
        """The penalty units that name the article (违反本条例第八条规定的), whether or not the
        article holds a duty the register read (a bare 禁止… may hold none)."""
        out: list[Penalty] = []
        for p, _paras, _clause in self._enforcing.get((doc_id, locator), []):
            named = any(d == doc_id and loc == locator and how == "reference" for d, loc, _p, how, _c in p.enforces)
            if named and p not in out:
                out.append(p)
        return out

    def penalties_of(self, doc_id: str, locator: str) -> list[Penalty]:
        return [p for p in self.penalties if p.doc_id == doc_id and p.locator == locator]

    def enforced_by(self, penalty: Penalty) -> list[Duty]:
        """The duties `penalty` enforces (the converse of `penalties_for`)."""
        out: list[Duty] = []
        for doc_id, loc, _paras, _how, _clause in penalty.enforces:
            out += [d for d in self.duties_of(doc_id, loc) if d not in out and penalty in self.penalties_for(d)]
        return out

    def key_energy_rule(self, doc_id: str) -> KeyEnergyRule | None:
        """The document's own definition of 重点用能单位, else a national one."""
        own = [r for r in self.rules if r.doc_id == doc_id]
        national = [r for r in self.rules if r.doc_id in self.docs and not self.docs[r.doc_id].region]
        return (own or national or [None])[0]

    # ------------------------------------------------------------------ building
    @classmethod
    def of(cls, source: Any) -> "DutyRegister":
        """The register of a Searcher (or kb.registers.references.IndexRegisters), once per
        index generation and day."""
        return _BUILT.get(source, lambda: cls.build(source.facts.get(DUTIES.kind, {}), source.versions))

    @classmethod
    def build(cls, facts: Mapping[str, list[dict]], graph: VersionGraph) -> "DutyRegister":
        duties: list[Duty] = []
        penalties: list[Penalty] = []
        rules: list[KeyEnergyRule] = []
        for doc_id in sorted(facts):
            for r in facts[doc_id]:
                if r["type"] == "duty":
                    duties.append(Duty(
                        doc_id, r["locator"], r["para"], r["text"], r["clause"], r["subject"], r["subject_kind"],
                        r["modal"], tuple(Condition.from_dict(c) for c in r["conditions"]),
                        tuple(Condition.from_dict(c) for c in r["alternatives"]), r["deadline"], r["frequency"],
                        r["authority"], tuple(r.get("pages") or (None, None)),
                    ))
                elif r["type"] == "penalty":
                    enforces = [(doc_id, e["locator"], tuple(e["paragraphs"]), e["how"], e.get("clause", ""))
                                for e in r["enforces"]]
                    enforces += _other_documents(r, graph)
                    penalties.append(Penalty(
                        doc_id, r["locator"], r["para"], r["item"], r["text"], r["conduct"], r["sanction"],
                        r["subject"], r["authority"], tuple(r["fines"]), tuple(r.get("pages") or (None, None)),
                        r.get("subject_kind", ""), tuple(enforces),
                    ))
                elif r["type"] == "definition" and r["term"] == "重点用能单位":
                    rules.append(KeyEnergyRule(doc_id, r["locator"], tuple(r["alternatives"])))
        return cls(tuple(duties), tuple(penalties), tuple(rules), graph.docs)


def _other_documents(rec: dict, graph: VersionGraph) -> list[tuple[str, str, tuple[int, ...], str, str]]:
    """Links of a penalty to the articles of another indexed document its conduct names
    (违反《X》第Y条规定)."""
    out = []
    for r in rec.get("refs", []):
        if r["scope"] != "title" or r["kind"] != "article":
            continue
        doc = resolve_title(graph, r["title"])
        if doc is not None:
            out.append((doc.doc_id, g.article_label(*r["art"]), tuple(r["paras"]), "reference", ""))
    return out


