"""`python -m kb docs --refs` and `python -m kb checklist` — references and compliance checklists
printed for a terminal, as JSON, Markdown or DOCX.

The registers (kb.registers) return typed results; everything a user reads is formatted here
or in kb.interfaces.export.
"""
from __future__ import annotations

import sys
from typing import Any

from kb.interfaces.cli import _emit
from kb.text.titles import book_title

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
        print(f"{book_title(title)}{u.locator}：{u.text} —— {u.reason}")
        if u.context:
            print(f"    {u.context}")
    return 0


# ---------------------------------------------------------------------- checklist
def checklist(settings: Any, profile_path: str, as_json: bool = False, docx_out: str | None = None,
              markdown: bool = False) -> int:
    """The compliance checklist of the profile at `profile_path`: printed for a terminal, as one
    JSON object (--json), as Markdown (--md) or written to a DOCX file (--docx OUT)."""
    from kb.interfaces import export
    from kb.registers.checklist import build_checklist
    from kb.registers.duties import DutyRegister
    from kb.registers.profile import ProfileError
    from kb.registers.references import IndexRegisters

    try:
        profile = _load_profile(profile_path)
    except ProfileError as exc:
        return _err(str(exc))
    regs = IndexRegisters.open(settings)
    if not regs.docs:
        return _err(EMPTY)
    cl = build_checklist(profile, DutyRegister.of(regs), regs.versions)
    if docx_out:
        from pathlib import Path

        out = Path(docx_out)
        if out.suffix.lower() != ".docx":
            return _err(f"--docx 的输出文件应以 .docx 结尾：{out}")
        try:
            out.write_bytes(export.checklist_docx(cl))
        except OSError as exc:
            return _err(f"无法写入 {out}：{exc.strerror or exc}")
        print(f"已写入 {out}：适用 {len(cl.applicable)} 项，需确认 {len(cl.to_confirm)} 项。")
        return 0
    if as_json:
        _emit(cl.to_dict())
        return 0
    if markdown:
        sys.stdout.write(export.checklist_markdown(cl))
        return 0
    print_checklist(cl)
    return 0


def _load_profile(path: str):
    from kb.registers.profile import Profile

    return Profile.load(path)


def print_checklist(cl: Any) -> None:
    from kb.interfaces.export import _item_blocks, _sections, profile_lines

    print(f"合规清单{('：' + cl.profile.name) if cl.profile.name else ''}")
    print("企业画像：" + "；".join(profile_lines(cl.profile)))
    for heading, groups in _sections(cl):
        print(f"\n{heading}")
        if not groups:
            print("  （无）")
        for doc_heading, items in groups:
            print(f"\n■ {doc_heading}")
            for item in items:
                print(f"  ● {item.locator}")
                for label, text in _item_blocks(item):
                    print(f"      {label}：{text}")
    if cl.left_out:
        print("\n未纳入的文件：")
        for t, r in cl.left_out:
            print(f"  {book_title(t)}：{r}")


def _err(msg: str) -> int:
    print(f"错误：{msg}", file=sys.stderr)
    return 2
