"""The typed core of GreenKB: documents, chunks, search hits, citations and answers.

Everything that crosses a module boundary is one of these dataclasses. Ingest produces
`DocumentMeta` + `Chunk`s; the index stores them; `kb` turns them into `SearchHit`s and
`Answer`s with `Citation`s.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

# Document types, as a user sees them (Chinese is the vocabulary of the domain).
DOC_TYPES = (
    "法律",
    "行政法规",
    "部门规章",
    "地方性法规",
    "地方政府规章",
    "司法解释",
    "规范性文件",
    "实施方案",
    "国家标准",
    "行业标准",
    "标准",
    "规划",
    "论文/综述",
    "其他",
)


@dataclass
class DateEvent:
    """One dated event in a document's life, read from its own text."""

    kind: str  # 通过 | 公布 | 修订 | 修正 | 成文 | 发布 | 施行 | 废止 | 其他
    date: str  # ISO yyyy-mm-dd
    text: str = ""  # the line it was read from


@dataclass
class DocumentMeta:
    doc_id: str
    file_name: str
    path: str
    title: str
    doc_type: str = "其他"
    issuer: str = ""
    doc_number: str = ""
    date: str = ""  # version date (latest adoption/amendment/publication), ISO
    effective_date: str = ""  # 自…起施行, ISO
    events: list[DateEvent] = field(default_factory=list)
    region: str = ""  # 省/市 for local documents
    standards: list[str] = field(default_factory=list)  # GB/T 36132-2018 …
    repeals: list[str] = field(default_factory=list)  # titles this document repeals
    # Official documents (通知, 规划, 实施方案 …); empty for laws and papers. Indexes built before
    # these fields existed load with the defaults (from_dict ignores what it does not know).
    enclosed_title: str = ""  # the document a cover notice 印发 (《…实施方案》)
    repeals_numbers: list[str] = field(default_factory=list)  # 文号 of documents this one repeals
    expires: str = ""  # ISO: 有效期至…, or 有效期N年 counted from the effective date
    period_end: str = ""  # ISO: last day of a plan's period (2021—2025年 → 2025-12-31)
    validity: str = ""  # 有效性 as the publishing web page states it (有效 / 失效 / 废止)
    subject: str = ""  # 主题分类 of the web page's information box
    pages: int | None = None
    chunks: int = 0
    content_hash: str = ""
    source_format: str = ""  # pdf | docx | html | md | txt
    ocr_pages: list[int] = field(default_factory=list)
    ingested_at: str = ""
    warnings: list[str] = field(default_factory=list)  # what the ingest noticed: bad bytes, OCR caps, injected text
    source_path: str = ""  # where the ingest found it (a link's own path; `path` is the file it resolves to)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "DocumentMeta":
        d = dict(d)
        d["events"] = [DateEvent(**e) for e in d.get("events", [])]
        known = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in d.items() if k in known})


@dataclass
class Chunk:
    """The unit of citation: a passage and exactly where it sits in its document."""

    doc_id: str
    chunk_index: int
    text: str
    locator: str  # 第五十三条 | header | 1.3 | 一、（二） | 附件 | ¶3
    heading_path: str  # 第六章 法律责任 > 第七十三条
    page_start: int | None = None
    page_end: int | None = None
    kind: str = "article"  # header | article | section | item | paragraph | preamble | annex
    ocr: bool = False


@dataclass
class SearchHit:
    chunk_id: str
    doc_id: str
    file_name: str
    title: str
    doc_type: str
    locator: str
    heading_path: str
    page_start: int | None
    page_end: int | None
    date: str
    text: str
    chunk_index: int
    score: float = 0.0
    rank: int = 0
    status: str = ""  # 现行有效 | 已被修订 | 已废止 | 尚未施行 (filled by kb.versions)
    sources: dict[str, float] = field(default_factory=dict)  # per-retriever scores

    def to_result(self) -> dict[str, Any]:
        """The JSON shape of one search result (see `python -m kb search --json`)."""
        return {
            "rank": self.rank,
            "score": round(float(self.score), 6),
            "file_name": self.file_name,
            "title": self.title,
            "doc_type": self.doc_type,
            "locator": self.locator,
            "heading_path": self.heading_path,
            "page_start": self.page_start,
            "page_end": self.page_end,
            "date": self.date,
            "status": self.status,
            "text": self.text,
        }


@dataclass
class Citation:
    n: int
    hit: SearchHit
    quote: str = ""  # the sentences actually used from the passage

    def to_dict(self) -> dict[str, Any]:
        h = self.hit
        return {
            "n": self.n,
            "file_name": h.file_name,
            "title": h.title,
            "locator": h.locator,
            "heading_path": h.heading_path,
            "page_start": h.page_start,
            "page_end": h.page_end,
            "date": h.date,
            "status": h.status,
            "text": h.text,
            "quote": self.quote,
        }


@dataclass
class Answer:
    question: str
    text: str
    citations: list[Citation] = field(default_factory=list)
    abstained: bool = False
    mode: str = "extractive"  # extractive | llm
    warnings: list[str] = field(default_factory=list)
    related: list[SearchHit] = field(default_factory=list)  # shown when abstaining, not cited

    def to_dict(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "answer": self.text,
            "abstained": self.abstained,
            "mode": self.mode,
            "warnings": list(self.warnings),
            "citations": [c.to_dict() for c in self.citations],
            "related": [h.to_result() for h in self.related],
        }
