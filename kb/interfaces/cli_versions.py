"""`python -m kb timeline|diff` — versions and comparisons printed for a terminal or as JSON Lines.

The domain (kb.versions) returns typed results; everything a user reads is formatted here.
"""
from __future__ import annotations

import sys
from datetime import date as Date
from typing import Any

from kb.interfaces.cli import _emit
from kb.versions.changes import clip
from kb.versions.dates import effective_date, version_date
from kb.versions.diff import ADDED, CHANGED, REMOVED, DiffResult, diff_documents
from kb.versions.graph import Family, VersionGraph
from kb.versions.resolve import resolve_document
from kb.versions.timeline import family_events
from kb.versions.wordops import render_ops_text
from kb.text.titles import book_title

EMPTY = "知识库中还没有文件。用 `python -m ingest 文件夹` 导入。"


# ---------------------------------------------------------------------- timeline
def timeline(settings: Any, as_json: bool = False, today: Date | None = None) -> int:
    from kb.index.store import Index

    graph = VersionGraph.build(Index(settings).documents(), today)
    if as_json:
        for f in graph.families:
            obj = f.to_dict(graph.status)
            obj["events"] = [e.to_dict() for e in family_events(graph, f)]
            _emit(obj)
        return 0
    if not graph.docs:
        print(EMPTY)
        return 0
    print_timeline(graph)
    return 0


def print_timeline(graph: VersionGraph) -> None:
    """Laws with several versions or repeal links first, then the others, by family key."""
    fams = graph.families
    multi = [f for f in fams if f.linked]
    print(f"共 {len(graph.docs)} 个文件，{len(fams)} 部法规/文件；其中 {len(multi)} 部有多个版本或替代关系。\n")
    for f in sorted(fams, key=lambda f: (not f.linked, f.key)):
        _print_family(graph, f)


def _print_family(graph: VersionGraph, f: Family) -> None:
    extra = f"（{len(f.versions)} 个版本）" if len(f.versions) > 1 else ""
    print(f"■ {f.title}{extra}")
    for d in f.versions:
        eff = effective_date(d)
        eff_s = f"，{eff} 起施行" if eff else ""
        print(f"    {version_date(d) or '日期不详'}  〔{graph.status[d.doc_id]}〕{eff_s}  {d.file_name}")
    if f.replaced_by:
        print(f"    → 已被{book_title(graph.title_of(f.replaced_by))}废止并取代")
    for r in f.replaces:
        print(f"    ← 取代并废止{book_title(graph.title_of(r))}")
    for t in f.repeals_outside:
        print(f"    ← 同时废止{book_title(t)}（不在知识库中）")
    evs = family_events(graph, f)
    if evs:
        print("    时间线：" + "；".join(f"{e.date} {e.kind}" for e in evs if e.kind != "其他"))
    print()


# ---------------------------------------------------------------------- diff
def diff(settings: Any, file_a: str, file_b: str, as_json: bool = False) -> int:
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
    res = diff_documents(index, a, b)
    if as_json:
        _emit(res.to_dict())
        return 0
    graph = VersionGraph.build(docs)
    print(f"旧：{book_title(a.title)} {version_date(a)}  {a.file_name}")
    print(f"新：{book_title(b.title)} {version_date(b)}  {b.file_name}")
    if b.doc_id not in {d.doc_id for d in graph.lineage(a.doc_id)} and a.doc_id not in {
        d.doc_id for d in graph.lineage(b.doc_id)
    }:
        print("注意：两个文件不属于同一法规的不同版本，按条文内容比较。")
    if version_date(a) and version_date(b) and version_date(a) > version_date(b):
        print("注意：第一个文件的版本比第二个新，以下按“第一个 → 第二个”比较。")
    print_diff(res)
    return 0


def print_diff(res: DiffResult) -> None:
    """Counts, then one line per article that is not plainly unchanged, in the new order."""
    c = res.counts
    print(
        f"\n条文 {c['articles_a']} → {c['articles_b']}：新增 {c['added']} 条，删除 {c['removed']} 条，"
        f"修改 {c['changed']} 条，未变 {c['unchanged']} 条（其中 {c['renumbered']} 条条号变化）。\n"
    )
    for e in res.entries():
        if e.status == CHANGED:
            moved = "（位置移动）" if e.moved else ""
            print(f"【修改】{e.locator_a} → {e.locator_b}{moved}  相似度 {e.similarity:.2f}")
            print(f"    {render_ops_text(e.ops)}")
        elif e.status == ADDED:
            print(f"【新增】{e.locator_b}  {clip(e.text_b, 80)}")
        elif e.status == REMOVED:
            print(f"【删除】{e.locator_a}  {clip(e.text_a, 80)}")
        elif e.locator_a != e.locator_b:
            print(f"【未变】{e.locator_a} → {e.locator_b}")
    print("\n说明：[-…-] 为删去的文字，{+…+} 为增加的文字。")
