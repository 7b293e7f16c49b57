"""The chat page's extras around a cited source, kept out of app.py:

* `attach_links(sources, hits, searcher, index)`: each source entry gets the articles it is
  linked to — the articles it cites and that cite it (kb.registers.references), the penalties
  that enforce its duties and the duties its penalties enforce (kb.registers.duties) — each
  with its full text, so the source panel can open them (`render_links`);
* `answer_downloads(turn, key)`: the answer with its sources as DOCX and Markdown
  (kb.interfaces.export).

`link_entries` and `export_record` are pure and tested without a browser.
"""
from __future__ import annotations

import logging
from typing import Any, Sequence

from kb.interfaces import app_render as render
from kb.types import SearchHit
from kb.text.titles import book_title

log = logging.getLogger(__name__)

MAX_LINKS = 12
RELATIONS = ("本条引用", "被引用", "罚则", "所处罚的义务")


def link_entries(searcher: Any, hit: SearchHit) -> list[dict[str, Any]]:
    """The articles linked to the cited article of `hit`: (relation, doc_id, locator), no text."""
    from kb.registers.duties import DutyRegister
    from kb.registers.references import ReferenceGraph

    out: list[dict[str, Any]] = []

    def add(relation: str, doc_id: str, locator: str, via: str = "") -> None:
        if not locator or (doc_id, locator) == (hit.doc_id, hit.locator):
            return
        if any(e["doc_id"] == doc_id and e["locator"] == locator and e["relation"] == relation for e in out):
            return
        out.append({"relation": relation, "doc_id": doc_id, "locator": locator, "via": via})

    refs = ReferenceGraph.of(searcher)
    for ln in refs.cites(hit.doc_id, hit.locator):
        add("本条引用", ln.dst_doc, ln.dst_locator, ln.text)
    for ln in refs.cited_by(hit.doc_id, hit.locator):
        add("被引用", ln.src_doc, ln.src_locator, ln.text)
    duties = DutyRegister.of(searcher)
    for duty in duties.duties_of(hit.doc_id, hit.locator):
        for p in duties.penalties_for(duty):
            add("罚则", p.doc_id, p.locator)
    for p in duties.penalties_of(hit.doc_id, hit.locator):
        for duty in duties.enforced_by(p):
            add("所处罚的义务", duty.doc_id, duty.locator)
    return out[:MAX_LINKS]


def attach_links(sources: list[dict[str, Any]], hits: Sequence[SearchHit], searcher: Any, index: Any) -> None:
    """Add `links` (relation, title, locator, status, file_name, text) to each source entry."""
    docs = getattr(searcher, "docs", {}) or {}
    status = getattr(searcher, "status", {}) or {}
    chunks: dict[str, list[SearchHit]] = {}
    for src, hit in zip(sources, hits, strict=False):  # a caller may pass fewer hits than sources
        try:
            entries = link_entries(searcher, hit)
        except Exception:  # linked articles are a courtesy: never break an answer
            log.warning("linked articles unavailable for %s %s", hit.file_name, hit.locator, exc_info=True)
            entries = []
        links = []
        for e in entries:
            if e["doc_id"] not in chunks:
                try:
                    chunks[e["doc_id"]] = sorted(index.chunks_of(e["doc_id"]), key=lambda h: h.chunk_index)
                except Exception:
                    chunks[e["doc_id"]] = []
            part = next((c for c in chunks[e["doc_id"]] if c.locator == e["locator"]), None)
            if part is None:
                continue
            meta = docs.get(e["doc_id"])
            links.append({
                "relation": e["relation"], "title": meta.title if meta else part.title, "locator": e["locator"],
                "status": status.get(e["doc_id"], ""), "file_name": part.file_name,
                "text": render.article_text(part, chunks[e["doc_id"]]),
            })
        src["links"] = links


def render_links(src: dict[str, Any], key: str) -> None:
    """Inside a source's panel: its linked articles, each opening its text in a popover."""
    import streamlit as st

    links = src.get("links") or []
    if not links:
        return
    st.caption("关联条文（点击查看原文）")
    for relation in RELATIONS:
        group = [x for x in links if x["relation"] == relation]
        if not group:
            continue
        st.markdown(f"**{relation}**")
        cols = st.columns(min(len(group), 4))
        for i, x in enumerate(group):
            status = x.get("status") or ""
            flag = f" ⚠ {status}" if status and status != "现行有效" else ""
            label = render.md_escape(f"{book_title(x['title'])}{x['locator']}{flag}", multiline=False)
            with cols[i % len(cols)].popover(label, width="stretch", key=f"{key}-link-{relation}-{i}"):
                st.caption(render.md_escape(x.get("file_name", ""), multiline=False))
                st.markdown(render.md_escape(x["text"]))


def export_record(turn: dict[str, Any]) -> dict[str, Any]:
    """The export record (kb.interfaces.export) of an assistant turn of the chat."""
    return {
        "question": turn.get("question", ""), "content": turn.get("content", ""),
        "warnings": list(turn.get("warnings", [])), "abstained": turn.get("abstained", False),
        "sources": [{k: s.get(k, "") for k in ("n", "title", "locator", "pages", "status", "file_name", "quote")}
                    for s in turn.get("sources", [])],
    }


def answer_downloads(turn: dict[str, Any], key: str) -> None:
    """下载 DOCX / Markdown buttons for an answer with its sources."""
    import functools

    import streamlit as st

    from kb.interfaces import export

    rec = export_record(turn)
    left, right = st.columns(2)
    left.download_button(
        "下载回答（DOCX）", data=functools.partial(export.answer_docx, rec), file_name="问答记录.docx",
        mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document", key=f"{key}-docx",
        on_click="ignore", icon=":material/description:",
    )
    right.download_button(
        "下载回答（Markdown）", data=functools.partial(export.answer_markdown, rec), file_name="问答记录.md",
        mime="text/markdown", key=f"{key}-md", on_click="ignore", icon=":material/download:",
    )
