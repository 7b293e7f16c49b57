"""Standards catalogue files the user imports: CSV or XLSX as exported from the national standards
information platform (标准号 / 标准名称 / 标准状态 / 发布日期 / 实施日期 / 废止日期 / 代替标准 /
被代替标准 …). Columns are found by their header (kb.registers.standards_tables.HEADERS) in the
first rows of the file; a file without a standard-number column gets one clear Chinese message.

`read_catalogue(path)` returns the rows as register values; `import_catalogue(index, path)`
stores them in the index (kb.index.store.Index.write_catalogue), replacing an earlier import of
the same file name.
"""
from __future__ import annotations

import csv
import hashlib
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from kb.registers.standards_tables import DATE_FIELDS, HEADERS, header_map, row_values

HEADER_ROWS = 10  # a header is looked for in the first rows (exports may start with a title line)
MAX_BYTES = 50 * 1024 * 1024


class CatalogueError(ValueError):
    """A catalogue file that cannot be imported; the message is one Chinese line."""


@dataclass
class CatalogueFile:
    source: str  # the file name: an import of the same name replaces this one
    rows: list[dict[str, Any]]
    columns: dict[str, str]  # field → header as written
    skipped: list[str] = field(default_factory=list)  # why rows were left out ("第5行：…")
    file_hash: str = ""


def read_catalogue(path: str | Path) -> CatalogueFile:
    """The rows of a CSV or XLSX standards catalogue. Raises CatalogueError."""
    p = Path(path)
    if not p.is_file():
        raise CatalogueError(f"找不到文件：{p}")
    suffix = p.suffix.lower()
    if suffix == ".xls":
        raise CatalogueError("不支持旧版 Excel（.xls）文件：请在 Excel 中另存为 .xlsx 或 CSV 后再导入。")
    if suffix not in (".csv", ".xlsx", ".txt", ".tsv"):
        raise CatalogueError(f"不支持的文件类型“{p.suffix or '无扩展名'}”：标准目录请用 CSV 或 XLSX 文件。")
    data = p.read_bytes()
    if len(data) > MAX_BYTES:
        raise CatalogueError(f"文件过大（{len(data) // 1024 // 1024} MB）：标准目录不应超过 {MAX_BYTES // 1024 // 1024} MB。")
    table = _xlsx_rows(data) if suffix == ".xlsx" else _csv_rows(data)
    out = _read_table(p.name, table)
    out.file_hash = hashlib.sha1(data).hexdigest()
    return out


def import_catalogue(index: Any, path: str | Path) -> CatalogueFile:
    """Read `path` and store its rows in `index`, replacing an earlier import of the same name."""
    cat = read_catalogue(path)
    index.write_catalogue(cat.source, cat.rows, cat.file_hash)
    return cat


# ---------------------------------------------------------------------------- file formats
def _csv_rows(data: bytes) -> list[list[Any]]:
    for enc in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes any byte string
        raise CatalogueError("无法识别 CSV 文件的编码（应为 UTF-8 或 GBK）。")
    if "\x00" in text:
        raise CatalogueError("文件不是文本格式的 CSV（含二进制内容）：请导出为 CSV 或 XLSX。")
    sample = text[:8192]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",\t;|，")
    except csv.Error:
        dialect = csv.excel_tab if sample.count("\t") > sample.count(",") else csv.excel
    return [row for row in csv.reader(io.StringIO(text), dialect)]


def _xlsx_rows(data: bytes) -> list[list[Any]]:
    try:
        import openpyxl
    except ImportError as exc:  # pragma: no cover - pinned in requirements.txt
        raise CatalogueError("读取 XLSX 需要 openpyxl：pip install -r requirements.txt") from exc
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise CatalogueError("无法读取 XLSX 文件：文件已损坏或不是 Excel 工作簿。") from exc
    try:
        for sheet in book.worksheets:  # the first sheet with a standards header
            rows = [list(r) for r in sheet.iter_rows(values_only=True)]
            if _find_header(rows) is not None:
                return rows
        return [list(r) for r in book.worksheets[0].iter_rows(values_only=True)] if book.worksheets else []
    finally:
        book.close()


# ---------------------------------------------------------------------------- rows
def _cell(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _find_header(rows: list[list[Any]]) -> tuple[int, dict[int, str]] | None:
    for i, row in enumerate(rows[:HEADER_ROWS]):
        cols = header_map([_cell(c) for c in row])
        if cols:
            return i, cols
    return None


def _read_table(source: str, rows: list[list[Any]]) -> CatalogueFile:
    if not any(any(_cell(c) for c in r) for r in rows):
        raise CatalogueError(f"文件“{source}”是空的：没有可导入的行。")
    found = _find_header(rows)
    if found is None:
        seen = next(([_cell(c) for c in r if _cell(c)] for r in rows if any(_cell(c) for c in r)), [])
        wanted = "、".join(w[0] for w in HEADERS.values())
        raise CatalogueError(
            f"无法识别标准目录的格式：前 {HEADER_ROWS} 行中没有找到“标准号”列和其他标准信息列"
            f"（应有 {wanted} 等列名；文件第一行是：{'、'.join(seen[:8]) or '空'}）。"
        )
    at, cols = found
    header = [_cell(c) for c in rows[at]]
    out = CatalogueFile(source, [], {f: header[i] for i, f in cols.items()})
    for n, row in enumerate(rows[at + 1 :], start=at + 2):
        if not any(_cell(c) for c in row):
            continue
        fields = {f: row[i] for i, f in cols.items() if i < len(row)}
        values = row_values({k: v if k in DATE_FIELDS else _cell(v) for k, v in fields.items()})
        if not values:
            out.skipped.append(f"第{n}行：标准号“{_cell(fields.get('code'))[:30]}”无法识别")
            continue
        out.rows.append({**values, "row": n})
    if not out.rows:
        raise CatalogueError(f"文件“{source}”中没有可识别的标准号（共跳过 {len(out.skipped)} 行）。")
    return out


def describe(cat: CatalogueFile) -> Iterable[str]:
    """What an import did, in lines for the user."""
    yield f"已导入标准目录“{cat.source}”：{len(cat.rows)} 条标准（识别的列：{'、'.join(cat.columns.values())}）。"
    if cat.skipped:
        yield f"跳过 {len(cat.skipped)} 行：" + "；".join(cat.skipped[:5]) + ("……" if len(cat.skipped) > 5 else "")
