"""`python -m kb standards [--family F] [--status S] [--cited-by DOC] [--as-of DATE] [--json]` and
`python -m kb standards import|remove FILE` — the standards register printed for a terminal or as
JSON Lines, and the import of a standards catalogue (CSV / XLSX).

The domain (kb.registers.standards) returns typed records; everything a user reads is formatted here.
"""
from __future__ import annotations

import datetime as _dt
import sys
import unicodedata
from pathlib import Path
from typing import Any

from kb.interfaces.cli import _emit
from kb.registers.standards import STATUS_ABOLISHED, STATUSES, Standard, StandardsRegister

EMPTY = ("标准库中还没有标准：先导入文件（python -m ingest 文件夹），"
         "或导入标准目录（python -m kb standards import 文件.csv/xlsx）。")


def _clean(text: Any) -> str:
    """One line of text for a terminal: no control characters (escape codes in file names)."""
    return "".join(ch for ch in str(text) if unicodedata.category(ch) not in {"Cc", "Cf"} or ch == " ")


def main(args: Any, settings: Any) -> int:
    if args.action in ("import", "remove"):
        if not args.file:
            print(f"错误：请给出要{'导入' if args.action == 'import' else '移除'}的标准目录文件。", file=sys.stderr)
            return 2
        return import_file(settings, args.file, args.json) if args.action == "import" else remove(settings, args.file)
    try:
        as_of = _dt.date.fromisoformat(args.as_of) if args.as_of else None
    except ValueError:
        print(f"错误：日期“{_clean(args.as_of)}”的格式应为 YYYY-MM-DD。", file=sys.stderr)
        return 2
    return list_standards(settings, family=args.family or "", status=args.status or "", cited_by=args.cited_by,
                          search=args.search or "", as_json=args.json, today=as_of)


# ---------------------------------------------------------------------- list
def list_standards(settings: Any, family: str = "", status: str = "", cited_by: str | None = None, search: str = "",
                   as_json: bool = False, today: _dt.date | None = None) -> int:
    from kb.index.store import Index
    from kb.versions.resolve import resolve_document

    index = Index(settings)
    docs = index.documents()
    reg = StandardsRegister.load(index, settings.layout, docs, today)
    doc_ids = None
    if cited_by:
        try:
            doc_ids = [resolve_document(docs, cited_by).doc_id]
        except LookupError as exc:
            print(f"错误：{exc}", file=sys.stderr)
            return 2
    chosen = reg.select(family=family, status=status, cited_by=doc_ids, text=search)
    if as_json:
        for std in chosen:
            _emit(std.to_dict() | {"as_of": reg.today.isoformat(), "chain": [s.code for s in reg.chain(std)]})
        return 0
    if not reg.standards:
        print(EMPTY)
        return 0
    print(_summary(reg, index, chosen))
    for std in chosen:
        print_standard(std, reg)
    return 0


def _summary(reg: StandardsRegister, index: Any, chosen: list[Standard]) -> str:
    counts: dict[str, int] = dict.fromkeys(STATUSES, 0)
    for s in chosen:
        counts[s.status] += 1
    parts = "，".join(f"{k} {v}" for k, v in counts.items() if v)
    line = f"标准库：共 {len(chosen)} 项（{parts or '无'}），状态截至 {reg.today.isoformat()}。"
    if len(chosen) != len(reg.standards):
        line += f"（全部 {len(reg.standards)} 项中符合条件的）"
    manifests = index.catalogue_manifests()
    if manifests:
        line += "\n已导入标准目录：" + "、".join(f"{_clean(s)}（{m.get('rows', 0)} 条）" for s, m in sorted(manifests.items()))
    return line + "\n"


def print_standard(std: Standard, reg: StandardsRegister) -> None:
    print(f"{std.code}  {_clean(std.name) or '（名称不详）'}  [{std.ref.kind}]")
    basis = _clean(std.status_basis)
    src = f" —— {_clean(std.status_source.label)}" if std.status_source else ""
    print(f"    〔{std.status}〕 {basis}{src}")
    dates = "；".join(f"{label} {std.date(key)}" for key, label in (("published", "发布"), ("implemented", "实施"),
                                                                   ("abolished", "废止")) if std.date(key))
    if dates:
        print(f"    {dates}")
    chain = reg.chain(std)
    if len(chain) > 1:
        print("    替代关系：" + " → ".join(f"{s.code}〔{s.status}〕" if s is not std else f"[{s.code}]" for s in chain))
    if std.status == STATUS_ABOLISHED:
        succ = reg.successor(std)
        if succ is not None:
            print(f"    现行替代标准：{succ.code}")
    places = list(dict.fromkeys(_clean(s.label) for s in std.cited))
    if places:
        shown = "；".join(places[:5]) + (f" 等 {len(places)} 处" if len(places) > 5 else "")
        print(f"    引用：{shown}")
    print()


# ---------------------------------------------------------------------- import
def import_file(settings: Any, path: str, as_json: bool = False) -> int:
    from kb.index.store import Index
    from kb.registers.standards_catalogue import CatalogueError, describe, import_catalogue

    try:
        cat = import_catalogue(Index(settings), Path(path))
    except CatalogueError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    if as_json:
        _emit({"source": cat.source, "rows": len(cat.rows), "columns": cat.columns, "skipped": cat.skipped})
        return 0
    for line in describe(cat):
        print(_clean(line))
    return 0


def remove(settings: Any, name: str) -> int:
    from kb.index.store import Index

    source = Path(name).name
    if not Index(settings).remove_catalogue(source):
        print(f"错误：没有导入过名为“{_clean(source)}”的标准目录。", file=sys.stderr)
        return 2
    print(f"已移除标准目录“{_clean(source)}”。")
    return 0
