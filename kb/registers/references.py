"""Cross-references between articles: read per document (`REFERENCES`, an Extractor), resolved
against the indexed documents once per index generation (`ReferenceGraph`).

A document's references are read from its own text (kb.text.grammar.find_references): 本法第X条
(第Y款)(第Z项), 前款 / 前两款 / 前条 / 前项, 第X条至第Y条, 《其他法》第X条, 依照《其他法》的规定,
with the verb that governs each (违反 / 依照 / 未按照 …). Whether a reference leads anywhere
depends on what else is indexed (《中华人民共和国环境保护法》第六十三条 resolves only when that
law is in the KB), so resolution happens when the graph is built from `searcher.facts`:

    refs = ReferenceGraph.of(searcher)          # or of(catalog.source); built once per generation
    refs.cites(doc_id, "第八十三条")            # links out of an article
    refs.cited_by(doc_id, "第五十四条")         # links into it
    refs.unresolved                             # kept as text, listed by `kb docs --refs`
    refs.unresolved_in(doc_id)                  # those of one document

A link goes from an article (doc_id + locator, with the 款 / 项 it stands in) to an article of
the same or another document (with the 款 / 项 it names), or to a whole document
(依照《X》的规定). A document cited by title resolves to the version of its law in force.
"""
from __future__ import annotations

import hashlib
import importlib
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

from kb.registers.extracted import Extractor, Records
from kb.registers.per_generation import PerGeneration
from kb.text.grammar import BREACH_VERBS, ITEM_START_RE, article_label, find_references
from kb.types import DocumentMeta, SearchHit
from kb.versions.articles import articles_from_hits
from kb.versions.graph import VersionGraph
from kb.text.titles import book_title

log = logging.getLogger(__name__)

_SENTENCE_END = re.compile(r"(?<=[。；;！？])")
CONTEXT_CHARS = 90


# ---------------------------------------------------------------------- articles as lines
@dataclass(frozen=True)
class Line:
    """One line of an article: its 款 (paragraph, from 1) and 项 (item, 0 for the 款's own text)."""

    paragraph: int
    item: int
    text: str


def article_lines(text: str) -> list[Line]:
    """The lines of an article body (heading stripped) numbered as 款 and 项: a line opening with
    an item marker （一） / 1. is an item of the 款 before it; any other line starts a 款."""
    out: list[Line] = []
    para, item = 0, 0
    for raw in (text or "").split("\n"):
        line = raw.strip()
        if not line:
            continue
        if ITEM_START_RE.match(line) and para:
            item += 1
        else:
            para, item = para + 1, 0
        out.append(Line(para or 1, item, line))
    return out


def sentence_around(line: str, start: int, end: int) -> str:
    """The sentence (to 。 or ；) of `line` holding [start, end), clipped to CONTEXT_CHARS."""
    a = max((m.start() for m in _SENTENCE_END.finditer(line, 0, start)), default=0)
    m = _SENTENCE_END.search(line, end)
    b = m.start() if m else len(line)
    s = line[a:b].strip()
    return s if len(s) <= CONTEXT_CHARS else s[:CONTEXT_CHARS] + "…"


# ---------------------------------------------------------------------- extraction
def extract_references(meta: DocumentMeta, chunks: list[SearchHit]) -> Records:
    """One 'articles' record (the document's article locators in order, with their 款 counts)
    and one 'ref' record per reference found in an article's text."""
    arts = articles_from_hits(chunks)
    lines = {a.locator: article_lines(a.text) for a in arts}
    out: Records = [{
        "type": "articles",
        "locators": [a.locator for a in arts],
        "paragraphs": [max((ln.paragraph for ln in lines[a.locator]), default=0) for a in arts],
    }]
    for a in arts:
        for ln in lines[a.locator]:
            for r in find_references(ln.text):
                if r.kind == "relative" and not r.count:
                    continue  # 本条 / 本款: the unit itself, no link
                out.append({
                    "type": "ref", "from": a.locator, "para": ln.paragraph, "item": ln.item,
                    "kind": r.kind, "scope": r.scope, "title": r.title,
                    "art": list(r.article), "last": list(r.last),
                    "paras": list(r.paragraphs), "items": list(r.items),
                    "unit": r.unit, "count": r.count, "verb": r.verb, "text": r.text,
                    "context": sentence_around(ln.text, r.start, r.end),
                })
    return out


def code_digest(*modules: str) -> str:
    """A short digest of the source of the modules an extractor reads with (the grammar, the
    readers): part of its version, so that kept records are read again whenever the code that
    made them changes."""
    h = hashlib.sha1()
    for name in modules:
        path = Path(importlib.import_module(name).__file__ or "")
        # a package is all its modules (kb.text.grammar is __init__ plus references, articles …)
        files = sorted(path.parent.glob("*.py")) if path.name == "__init__.py" else [path]
        for f in files:
            h.update(f.read_bytes())
    return h.hexdigest()[:10]


REFERENCES = Extractor("references", "1." + code_digest("kb.text.grammar", __name__), extract_references)


# ---------------------------------------------------------------------- resolution
@dataclass(frozen=True)
class Link:
    """A resolved reference: from an article (and the 款 / 项 it stands in) to an article of
    the same or another document (and the 款 / 项 it names), or to a whole document."""

    src_doc: str
    src_locator: str
    src_paragraph: int
    src_item: int
    dst_doc: str
    dst_locator: str  # '' for a whole document (依照《X》的规定)
    dst_paragraphs: tuple[int, ...] = ()
    dst_items: tuple[int, ...] = ()
    kind: str = "article"  # article | range | relative | document
    verb: str = ""
    text: str = ""  # the reference as written
    context: str = ""  # the sentence it stands in

    @property
    def breach(self) -> bool:
        return self.verb in BREACH_VERBS

    @property
    def internal(self) -> bool:
        """A reference inside one article (前款, 前项): no link between articles."""
        return self.src_doc == self.dst_doc and self.src_locator == self.dst_locator


@dataclass(frozen=True)
class Unresolved:
    doc_id: str
    locator: str
    text: str
    context: str
    reason: str  # Chinese, for `kb docs --refs`
    title: str = ""


@dataclass
class _Toc:
    locators: list[str]
    paragraphs: dict[str, int]
    position: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.position = {loc: i for i, loc in enumerate(self.locators)}


def _toc(recs: Iterable[dict]) -> _Toc:
    for r in recs:
        if r.get("type") == "articles":
            return _Toc(list(r["locators"]), dict(zip(r["locators"], r["paragraphs"], strict=True)))
    return _Toc([], {})


def resolve_title(graph: VersionGraph, title: str) -> DocumentMeta | None:
    """The indexed document a cited title names: the version of its law in force (else the
    newest version)."""
    fam = graph.family(title)
    if fam is None:
        return None
    return graph.current_version(fam.latest.doc_id) or fam.latest


_BUILT: PerGeneration["ReferenceGraph"] = PerGeneration()


class ReferenceGraph:
    """Every reference of the indexed documents, resolved: links (cites / cited_by per article,
    by doc_id + locator) and the references that lead nowhere in the KB."""

    def __init__(self, links: list[Link], unresolved: list[Unresolved], docs: Mapping[str, DocumentMeta]):
        self.links = tuple(links)
        self.unresolved = tuple(unresolved)
        self.docs = docs
        self._out: dict[tuple[str, str], list[Link]] = {}
        self._in: dict[tuple[str, str], list[Link]] = {}
        self._unresolved_in: dict[str, list[Unresolved]] = {}
        for ln in self.links:
            self._out.setdefault((ln.src_doc, ln.src_locator), []).append(ln)
            self._in.setdefault((ln.dst_doc, ln.dst_locator), []).append(ln)
        for u in self.unresolved:
            self._unresolved_in.setdefault(u.doc_id, []).append(u)

    def cites(self, doc_id: str, locator: str, internal: bool = False) -> list[Link]:
        """Links out of the article `locator` of `doc_id` (`internal`: with 前款 / 前项)."""
        return [ln for ln in self._out.get((doc_id, locator), []) if internal or not ln.internal]

    def unresolved_in(self, doc_id: str) -> list[Unresolved]:
        """The references of a document that lead nowhere in the KB (another document not indexed …)."""
        return self._unresolved_in.get(doc_id, [])

    def cited_by(self, doc_id: str, locator: str, internal: bool = False) -> list[Link]:
        """Links into the article (a whole-document link has locator '')."""
        return [ln for ln in self._in.get((doc_id, locator), []) if internal or not ln.internal]

    # ------------------------------------------------------------------ building
    @classmethod
    def of(cls, source: Any) -> "ReferenceGraph":
        """The graph of a Searcher (or anything with generation, versions and facts), built once
        per index generation and day."""
        return _BUILT.get(source, lambda: cls.build(source.facts.get(REFERENCES.kind, {}), source.versions))

    @classmethod
    def build(cls, facts: Mapping[str, list[dict]], graph: VersionGraph) -> "ReferenceGraph":
        """Resolve the 'ref' records of every document (doc_id → records of REFERENCES)."""
        tocs = {doc_id: _toc(recs) for doc_id, recs in facts.items()}
        links: list[Link] = []
        unresolved: list[Unresolved] = []
        for doc_id in sorted(facts):
            for rec in facts[doc_id]:
                if rec.get("type") != "ref":
                    continue
                got = _resolve(doc_id, rec, tocs, graph)
                if isinstance(got, str):
                    unresolved.append(Unresolved(doc_id, rec["from"], rec["text"], rec.get("context", ""), got,
                                                 rec.get("title", "")))
                else:
                    links.extend(got)
        return cls(links, unresolved, graph.docs)


def _resolve(doc_id: str, rec: dict, tocs: Mapping[str, _Toc], graph: VersionGraph) -> list[Link] | str:
    """The links of one reference record, or why it leads nowhere (a Chinese reason)."""
    target = doc_id
    if rec["scope"] == "title":
        doc = resolve_title(graph, rec["title"])
        if doc is None:
            return f"{book_title(rec['title'])}未收录"
        target = doc.doc_id
    toc = tocs.get(target) or _Toc([], {})

    def link(locator: str, paras: tuple[int, ...] = (), items: tuple[int, ...] = ()) -> Link:
        return Link(doc_id, rec["from"], rec["para"], rec["item"], target, locator, paras, items, rec["kind"],
                    rec.get("verb", ""), rec["text"], rec.get("context", ""))

    kind = rec["kind"]
    if kind == "document":
        return [link("")]
    if kind == "relative":
        return _relative(rec, toc, link)
    if kind == "range":
        a, b = article_label(*rec["art"]), article_label(*rec["last"])
        if a not in toc.position or b not in toc.position or toc.position[a] > toc.position[b]:
            return f"{_where(rec, graph, target)}中没有{rec['text']}"
        return [link(loc) for loc in toc.locators[toc.position[a]: toc.position[b] + 1]]
    loc = article_label(*rec["art"])
    if loc not in toc.position:
        return f"{_where(rec, graph, target)}中没有{loc}"
    have = toc.paragraphs.get(loc, 0)
    if any(p > have for p in rec["paras"]):
        return f"{_where(rec, graph, target)}{loc}没有{rec['text'][len(loc):] or '该款'}"
    return [link(loc, tuple(rec["paras"]), tuple(rec["items"]))]


def _where(rec: dict, graph: VersionGraph, target: str) -> str:
    if rec["scope"] == "title":
        return book_title(rec["title"])
    d = graph.docs.get(target)
    return book_title(d.title) if d is not None else "本文件"


def _relative(rec: dict, toc: _Toc, link) -> list[Link] | str:
    here, n, unit = rec["from"], rec["count"], rec["unit"]
    if unit == "条":
        pos = toc.position.get(here)
        if pos is None or pos - n < 0:
            return f"{rec['text']}：{here}之前没有{n}条"
        return [link(loc) for loc in toc.locators[pos - n: pos]]
    if unit == "款":  # the 款 before the one the reference stands in (in its text or its items)
        if rec["para"] - n < 1:
            return f"{rec['text']}：{here}第{rec['para']}款之前没有{n}款"
        return [link(here, tuple(range(rec["para"] - n, rec["para"])))]
    # 前项: items of the same 款 before this one
    if rec["item"] - n < 1:
        return f"{rec['text']}：{here}第{rec['para']}款中之前没有可指的项"
    return [link(here, (rec["para"],), tuple(range(rec["item"] - n, rec["item"])))]


# ---------------------------------------------------------------------- without a searcher
@dataclass
class IndexRegisters:
    """The registers of a data folder without a Searcher (no embedder loaded): what the CLI's
    `docs --refs` and `checklist` need. Has the Searcher's generation / versions / facts."""

    index: Any
    docs: dict[str, DocumentMeta]
    generation: str
    versions: VersionGraph
    facts: dict[str, dict[str, list[dict]]]

    @classmethod
    def open(cls, settings: Any) -> "IndexRegisters":
        from kb.index.store import Index
        from kb.registers import EXTRACTORS
        from kb.registers.extracted import refresh

        index = Index(settings)
        docs = index.documents()
        generation = index.generation(docs)
        facts = refresh(index, settings.layout, EXTRACTORS, docs)
        return cls(index, docs, generation, VersionGraph.of_generation(generation, docs), facts)
