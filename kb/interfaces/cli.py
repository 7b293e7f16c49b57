"""`python -m kb search|ask|timeline|diff|docs …` — the query-time command line.

Models and indexes load once per run; `--batch FILE.jsonl` answers many questions
(`{"id", "question"}` a line) and prints one JSON result a line.
"""
from __future__ import annotations

import argparse
import json
import logging
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from kb.settings import Settings, SettingsError, load_settings


def _filters(args: argparse.Namespace):
    from kb.search.searcher import Filters

    return Filters(
        doc_types=args.type or [],
        regions=args.region or [],
        date_from=args.date_from or "",
        date_to=args.date_to or "",
        file_names=args.doc or [],
        include_superseded=getattr(args, "all_versions", False),
        issuers=args.issuer or [],
    )


@dataclass
class Line:
    """One question of a batch (or the single question on the command line). `error` is set
    when the line cannot be answered; `id` is the line's id as parsed (None when it has none
    or it cannot be echoed), `line` its 1-based line number: together they never collide."""

    id: Any
    question: str
    line: int | None = None
    error: str = ""


def _batch_lines(raw: bytes) -> Iterator[Line]:
    for n, data in enumerate(raw.split(b"\n"), 1):
        data = data.strip()
        if not data:
            continue
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield Line(None, "", n, f"第{n}行含有非UTF-8字节（位置 {exc.start}），无法读取")
            continue
        try:
            obj = json.loads(text, parse_constant=_reject_constant)
        except _BadConstant as exc:
            yield Line(None, "", n, f"第{n}行含有 JSON 不允许的值 {exc}")
            continue
        except ValueError:
            yield Line(None, "", n, f"第{n}行不是有效的 JSON")
            continue
        if not isinstance(obj, dict):
            yield Line(None, "", n, f"第{n}行应为 JSON 对象 {{\"id\", \"question\"}}")
            continue
        qid = obj.get("id")
        question = obj.get("question")
        if not isinstance(question, str):
            shown = "缺少 question" if question is None else f"question 应为文字，而不是 {type(question).__name__}"
            yield Line(qid, "", n, f"第{n}行{shown}")
            continue
        clean = _lone_surrogates(question)
        if not clean.strip():
            yield Line(qid, "", n, f"第{n}行的问题为空")
            continue
        yield Line(qid, clean, n)


class _BadConstant(ValueError):
    pass


def _reject_constant(name: str) -> Any:
    raise _BadConstant(name)


def _lone_surrogates(text: str) -> str:
    """A JSON string may hold a lone surrogate (\\ud800); it cannot be printed or indexed."""
    return "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in text)


def _questions(args: argparse.Namespace) -> Iterator[Line]:
    if args.batch:
        if args.batch == "-":
            raw = sys.stdin.buffer.read()
        else:
            with open(args.batch, "rb") as fh:
                raw = fh.read()
        yield from _batch_lines(raw)
    else:
        yield Line(None, _lone_surrogates(args.question))


# Characters a terminal acts on: C0/C1 controls, DEL, bidi overrides and isolates.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def safe_text(text: str) -> str:
    """Control characters shown as escapes (\\x1b), so a file name cannot drive the terminal."""
    return _UNSAFE.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", text)


def _emit(obj: dict[str, Any]) -> None:
    """One JSON line. Always valid: no NaN, lone surrogates escaped, terminal controls escaped."""
    try:
        line = json.dumps(obj, ensure_ascii=False, allow_nan=False)
        line.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: \\udXXX escapes keep the value exactly
        line = json.dumps(obj, ensure_ascii=True, allow_nan=False)
    except ValueError:  # NaN or infinity somewhere in the result: JSON has no such number
        line = json.dumps(_finite(obj), ensure_ascii=False)
    line = _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", line)
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def _finite(obj: Any) -> Any:
    if isinstance(obj, float) and (obj != obj or obj in (float("inf"), float("-inf"))):
        return None
    if isinstance(obj, dict):
        return {k: _finite(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_finite(v) for v in obj]
    return obj


class SafeStream:
    """A text stream that escapes terminal control characters (newlines and tabs pass)."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def write(self, text: str) -> int:
        return self.inner.write(safe_text(text))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


def _print_hits(hits) -> None:
    if not hits:
        print("没有找到相关段落。")
        return
    for h in hits:
        pages = f" 第{h.page_start}页" if h.page_start else ""
        status = f" 〔{h.status}〕" if h.status and h.status != "现行有效" else ""
        print(f"[{h.rank}] {h.title} {h.locator}{pages}{status}  ({h.file_name}, score {h.score:.3f})")
        text = h.text.replace("\n", " ")
        print(f"    {text[:160]}{'…' if len(text) > 160 else ''}")


def cmd_search(args: argparse.Namespace, settings: Settings) -> int:
    from kb.search.searcher import Searcher

    searcher = Searcher(settings)
    filters = _filters(args)
    for q in _questions(args):
        if q.error:
            _emit({"id": q.id, "line": q.line, "error": q.error, "results": []})
            continue
        try:
            hits = searcher.search(q.question, k=args.k, filters=filters)
        except Exception as exc:
            if not args.batch:
                raise
            _emit({"id": q.id, "line": q.line, "error": _line_error(exc, settings), "results": []})
            continue
        question = q.question
        if args.batch:
            _emit({"id": q.id, "line": q.line, "results": [h.to_result() for h in hits]})
        elif args.json:
            _emit({"question": question, "results": [h.to_result() for h in hits]})
        else:
            _print_hits(hits)
    return 0


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    from kb.answers.answer import answer
    from kb.text.titles import book_title
    from kb.search.searcher import Searcher

    searcher = Searcher(settings)
    filters = _filters(args)
    for q in _questions(args):
        if q.error:
            _emit({"id": q.id, "line": q.line, "error": q.error, "answer": "", "abstained": True, "mode": args.mode,
                   "citations": []})
            continue
        try:
            result = answer(q.question, searcher, mode=args.mode, k=args.k, filters=filters)
        except Exception as exc:
            if not args.batch:
                raise
            _emit({"id": q.id, "line": q.line, "error": _line_error(exc, settings), "answer": "", "abstained": True,
                   "mode": args.mode, "citations": []})
            continue
        if args.batch:
            _emit({**result.to_dict(), "id": q.id, "line": q.line})
        elif args.json:
            _emit(result.to_dict())
        else:
            print(result.text)
            for w in result.warnings:
                print(f"⚠ {w}")
            if result.citations:
                print("\n来源：")
                for c in result.citations:
                    pages = f" 第{c.hit.page_start}页" if c.hit.page_start else ""
                    status = f" 〔{c.hit.status}〕" if c.hit.status and c.hit.status != "现行有效" else ""
                    print(f"[{c.n}] {book_title(c.hit.title)}{c.hit.locator}{pages}{status}（{c.hit.file_name}）")
            elif result.related:
                print("\n相关段落（仅供参考，不构成依据）：")
                _print_hits(result.related)
    return 0


def _line_error(exc: Exception, settings: Settings | None = None) -> str:
    from kb.index.chroma_client import IndexError_, explain

    if isinstance(exc, IndexError_):
        return str(exc)
    return (explain(exc, settings) if settings else "") or f"处理失败（{type(exc).__name__}: {str(exc)[:160]}）"


def cmd_docs(args: argparse.Namespace, settings: Settings) -> int:
    from kb.index.store import Index

    if args.refs:
        from kb.interfaces import cli_checklist

        return cli_checklist.refs(settings, as_json=args.json)

    docs = sorted(Index(settings).documents().values(), key=lambda d: (d.title, d.date))
    if args.json:
        for d in docs:
            _emit(d.to_dict())
        return 0
    if not docs:
        print("知识库中还没有文件。用 `python -m ingest 文件夹` 导入。")
    for d in docs:
        print(f"{d.title}\t{d.doc_type}\t{d.date}\t{d.chunks}段\t{d.file_name}")
        for w in d.warnings:
            print(f"    注意：{w}")
    return 0


def cmd_timeline(args: argparse.Namespace, settings: Settings) -> int:
    from kb.interfaces import cli_versions

    return cli_versions.timeline(settings, as_json=args.json)


def cmd_diff(args: argparse.Namespace, settings: Settings) -> int:
    from kb.interfaces import cli_versions

    return cli_versions.diff(settings, args.file_a, args.file_b, as_json=args.json)


def cmd_standards(args: argparse.Namespace, settings: Settings) -> int:
    from kb.interfaces import cli_standards

    return cli_standards.main(args, settings)


def cmd_checklist(args: argparse.Namespace, settings: Settings) -> int:
    from kb.interfaces import cli_checklist

    return cli_checklist.checklist(settings, args.profile, as_json=args.json, docx_out=args.docx, markdown=args.md)


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    from kb.interfaces.api import serve

    return serve(settings, host=args.host, port=args.port)


READS_INDEX = {"search", "ask", "docs", "timeline", "diff", "checklist", "standards"}


def missing_index(args: argparse.Namespace, settings: Settings) -> str:
    """Why the command cannot run on this data folder ('' when it can): a command that reads the
    index never creates one (a mistyped --data would otherwise become an empty index). The server
    may start on an existing empty folder (documents are then uploaded to it)."""
    if settings.server_mode or args.command not in READS_INDEX | {"serve"}:
        return ""
    if args.command == "standards" and getattr(args, "action", None) == "import":
        return ""  # a catalogue may be imported before any document
    data = Path(settings.data_dir)
    if args.command == "serve":
        return "" if data.is_dir() else f"数据目录 {data} 不存在。请检查 --data 或数据目录设置，或先创建该文件夹。"
    if settings.layout.chroma.is_dir() or (data.exists() and not data.is_dir()):
        return ""  # (a file in the folder's place fails on its own, with its own message)
    where = f"数据目录 {data} 不存在" if not data.exists() else f"数据目录 {data} 中没有知识库"
    return f"{where}。请检查 --data 或数据目录设置；新建知识库请用 python -m ingest 文件夹 --data {data}。"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m kb", description="绿色制造政策与标准知识库 GreenKB")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data", type=Path, help="数据目录（默认 ./data 或 GREENKB_DATA_DIR）")
    common.add_argument("--json", action="store_true", help="输出 JSON")
    sub = parser.add_subparsers(dest="command", required=True)

    query = argparse.ArgumentParser(add_help=False)
    query.add_argument("question", nargs="?", default="", help="问题")
    query.add_argument("--batch", help="JSONL 文件（每行 {\"id\", \"question\"}），- 表示标准输入")
    query.add_argument("--k", type=int, default=None, help="返回的段落数")
    query.add_argument("--type", action="append", help="文件类型筛选，如 法律、规范性文件、规划、实施方案、标准（可重复）")
    query.add_argument("--region", action="append", help="地区筛选，如 北京市（可重复）")
    query.add_argument("--issuer", action="append", help="发文机关筛选，如 生态环境局（名称的一部分即可，可重复）")
    query.add_argument("--date-from", help="版本日期不早于 YYYY-MM-DD")
    query.add_argument("--date-to", help="版本日期不晚于 YYYY-MM-DD")
    query.add_argument("--doc", action="append", help="只在这些文件中检索（文件名或标题，可重复）")
    query.add_argument("--all-versions", action="store_true", help="包括已被修订或废止的版本")

    s = sub.add_parser("search", parents=[common, query], help="检索相关条文")
    s.set_defaults(func=cmd_search, default_k=10)
    a = sub.add_parser("ask", parents=[common, query], help="回答问题并给出引用")
    a.add_argument("--mode", choices=["extractive", "llm"], default=None, help="回答模式（默认 extractive；配置了 LLM 时可选 llm）")
    a.set_defaults(func=cmd_ask, default_k=8)
    d = sub.add_parser("docs", parents=[common], help="列出已导入的文件")
    d.add_argument("--refs", action="store_true", help="列出无法解析的条文引用（引用的文件未收录或没有该条）")
    d.set_defaults(func=cmd_docs)
    t = sub.add_parser("timeline", parents=[common], help="政策版本与时间线")
    t.set_defaults(func=cmd_timeline)
    c = sub.add_parser("checklist", parents=[common], help="按企业画像列出适用的义务（合规清单）")
    c.add_argument("--profile", required=True, help="企业画像文件（JSON 或 TOML）")
    c.add_argument("--docx", metavar="OUT", help="写入 DOCX 文件")
    c.add_argument("--md", action="store_true", help="输出 Markdown")
    c.set_defaults(func=cmd_checklist)
    f = sub.add_parser("diff", parents=[common], help="比较同一法规的两个版本")
    f.add_argument("file_a")
    f.add_argument("file_b")
    f.set_defaults(func=cmd_diff)
    st = sub.add_parser("standards", parents=[common], help="标准库：引用的标准、状态与替代关系；import 导入标准目录")
    st.add_argument("action", nargs="?", choices=["import", "remove"], help="import FILE：导入标准目录（CSV/XLSX）；remove FILE：移除")
    st.add_argument("file", nargs="?", help="标准目录文件")
    st.add_argument("--family", help="标准类别，如 GB/T、GB（含 GB/T、GB/Z）、YS/T、DB、T、ISO、行业标准")
    st.add_argument("--status", choices=["现行", "即将实施", "废止", "状态不详"], help="只列出该状态的标准")
    st.add_argument("--cited-by", help="只列出该文件引用的标准（文件名或标题）")
    st.add_argument("--search", help="标准号或名称中包含的文字")
    st.add_argument("--as-of", help="按该日期（YYYY-MM-DD）判断状态，默认今天")
    st.set_defaults(func=cmd_standards)
    sv = sub.add_parser("serve", parents=[common], help="启动 HTTP API（含兼容 OpenAI 的 /v1/chat/completions）")
    sv.add_argument("--host", default="127.0.0.1", help="监听地址（默认 127.0.0.1；其他地址需要先配置 API 密钥）")
    sv.add_argument("--port", type=int, default=8000, help="端口（默认 8000）")
    sv.set_defaults(func=cmd_serve)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    # Warnings and errors only. The handler's own level also holds back bm25s, which sets its
    # logger to DEBUG when imported (it used to be imported here just to quiet it: 0.3 s).
    handler = logging.StreamHandler()
    handler.setLevel(logging.WARNING)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s", handlers=[handler])
    if getattr(args, "k", 0) is None:
        args.k = args.default_k
    if args.command in {"search", "ask"} and not args.batch and not args.question.strip():
        parser.error("请给出问题，或用 --batch FILE.jsonl")
    if args.command == "ask" and args.mode is None:
        args.mode = "extractive"
    try:
        settings = load_settings(data_dir=args.data)
    except SettingsError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    problem = missing_index(args, settings)
    if problem:
        print(f"错误：{problem}", file=sys.stderr)
        return 2
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = SafeStream(out), SafeStream(err)  # names and titles never drive the terminal
    try:
        return args.func(args, settings)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a clear line for the user; details with GREENKB_DEBUG=1
        if settings.debug:
            raise
        from kb.index.chroma_client import IndexError_, explain

        msg = str(exc) if isinstance(exc, IndexError_) else (explain(exc, settings) or f"{type(exc).__name__}: {exc}")
        print(f"错误：{msg}", file=sys.stderr)
        return 2
    finally:
        sys.stdout, sys.stderr = out, err
