"""`python -m kb docs --refs` and `python -m kb checklist` — references and compliance checklists
printed for a terminal, as JSON, Markdown or DOCX.

The registers (kb.registers) return typed results; everything a user reads is formatted here
or in kb.interfaces.export.
"""
from __future__ import annotations

import sys
from typing import Any

from kb.interfaces.cli import _emit

EMPTY = "知识库中还没有文件。用 `python -m ingest 文件夹` 导入。"


# ---------------------------------------------------------------------- references
def refs(settings: Any, as_json: bool = False) -> int:
    """The references that lead nowhere in the KB (the cited document is not indexed or has no
    such article), after a count of those resolved."""
    from kb.registers.references import IndexRegisters, ReferenceGraph

    regs = IndexRegisters.open(settings)
    graph = ReferenceGraph.of(regs)
    docs = regs.docs
    if as_json:
        for u in graph.unresolved:
            d = docs.get(u.doc_id)
            _emit({"file_name": d.file_name if d else "", "title": d.title if d else "", "locator": u.locator,
                   "reference": u.text, "context": u.context, "reason": u.reason, "cited_title": u.title})
        return 0
    if not docs:
        print(EMPTY)
        return 0
    between = [ln for ln in graph.links if not ln.internal]
    print(f"条文引用：已解析为 {len(between)} 条条文之间的链接（另有 {len(graph.links) - len(between)} 条指向本条内的款、项），"
          f"{len(graph.unresolved)} 处无法解析。")
    if not graph.unresolved:
        return 0
    print("\n无法解析的引用（保留原文）：")
    for u in sorted(graph.unresolved, key=lambda u: (docs[u.doc_id].title if u.doc_id in docs else "", u.locator)):
        d = docs.get(u.doc_id)
        title = d.title if d else u.doc_id
        print(f"《{title}》{u.locator}：{u.text} —— {u.reason}")
        if u.context:
            print(f"    {u.context}")
    return 0


def _err(msg: str) -> int:
    print(f"错误：{msg}", file=sys.stderr)
    return 2
