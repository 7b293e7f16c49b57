"""文件库: every indexed document, upload + ingest, delete, re-index corpus/."""
from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from kb.interfaces import app_display as display
from kb.interfaces import app_support as sup
from kb.versions.graph import VersionGraph
from kb.settings import Settings, load_settings
from kb.text.titles import book_title

STATUS_CN = {"added": "新增", "updated": "更新", "unchanged": "未变", "failed": "失败", "removed": "移除"}


def run_ingest(paths: list[Path], settings: Settings, extra: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """Run the ingest in its own process (a bad file can never stall or kill the app), with a
    progress bar; returns a plain report kept in session state."""
    bar = st.progress(0.0, text="准备导入…")

    def progress(done: int, total: int, name: str) -> None:
        frac = done / total if total else 1.0
        label = f"正在导入 {name}（{done + 1}/{total}）" if name else f"已处理 {done}/{total} 个文件"
        bar.progress(min(max(frac, 0.0), 1.0), text=sup.md_escape(label, multiline=False))

    rows = list(extra or [])
    try:
        report = sup.ingest_in_subprocess(paths, settings, progress=progress)
    except Exception as exc:
        return {"error": sup.error_message(exc, "导入失败"), "rows": rows}
    finally:
        bar.empty()
        sup.refresh_searcher(settings)  # the next question must see the new index
    if report.error:
        return {"error": report.error, "rows": rows}
    for r in report.results:
        rows.append(
            {
                "文件": sup.strip_control(Path(r["path"]).name, False),
                "结果": STATUS_CN.get(r["status"], r["status"]),
                "片段数": r["chunks"],
                "标题": r["title"],
                "说明": "；".join(x for x in [r["reason"], *r.get("warnings", [])] if x),
            }
        )
    counts = "，".join(f"{STATUS_CN[s]} {report.count(s)}" for s in STATUS_CN if report.count(s))
    return {
        "message": f"导入完成：{counts or '没有文件'}；用时 {report.seconds:.1f} 秒。",
        "failed": bool(report.count("failed")) or any(r["结果"] == "失败" for r in rows),
        "notes": list(report.notes),
        "rows": rows,
    }


def show_report(report: dict[str, Any]) -> None:
    if report.get("error"):
        st.error(sup.md_escape(report["error"]))
    elif report.get("failed"):
        st.warning(sup.md_escape(report["message"] + " 部分文件失败，原因见下表。"))
    elif report.get("message"):
        st.success(sup.md_escape(report["message"]))
    for note in report.get("notes", []):
        st.info(sup.md_escape(note))
    if report.get("rows"):
        st.dataframe(report["rows"], hide_index=True, width="stretch")


def upload_section(settings: Settings) -> None:
    st.subheader("上传文件")
    limit = sup.max_upload_bytes(settings)
    st.caption(
        "支持 PDF、DOCX、HTML、Markdown、TXT；文件保存在 "
        + sup.md_escape(str(sup.uploads_dir(settings)), multiline=False)
        + (f"，单个文件不超过 {settings.max_file_mb:g} MB。" if limit else "。")
    )
    n = st.session_state.setdefault("uploader_n", 0)
    hint = f"或将文件拖放到这里 · 支持 {sup.ALLOWED_TYPES_CN}" + (f"，单个文件不超过 {settings.max_file_mb:g} MB" if limit else "")
    st.html(display.uploader_css("uploader-", hint))
    files = st.file_uploader(
        "选择要导入的文件（可多选）",
        accept_multiple_files=True,  # types are checked below: a Chinese reason instead of a MIME-type error
        key=f"uploader-{n}",
        max_upload_size=max(1, math.ceil(settings.max_file_mb)) if limit else None,
    )
    for f in files or []:
        ext = f.name.rpartition(".")[2].lower() if "." in f.name else ""
        if ext not in sup.ALLOWED_UPLOAD_TYPES:
            st.warning(sup.md_escape(f"{sup.strip_control(f.name, False)[:120]}：{sup.upload_type_message(ext)}"))
    if st.button("导入所选文件", type="primary", disabled=not files, key="do_upload"):
        saved: list[Path] = []
        rejected: list[dict[str, Any]] = []
        for f in files or []:
            try:
                kept = sup.save_upload(f.name, f.getvalue(), settings)
                saved.append(kept.path)
                if kept.renamed:
                    rejected.append({"文件": sup.strip_control(f.name, False)[:200], "结果": "改名保存", "片段数": 0,
                                     "标题": "", "说明": f"与已上传的文件同名，已另存为 {kept.path.name}"})
            except sup.UploadRejected as exc:
                rejected.append({"文件": sup.strip_control(f.name, False)[:200], "结果": "失败", "片段数": 0, "标题": "", "说明": str(exc)})
            except OSError as exc:
                rejected.append({"文件": sup.strip_control(f.name, False)[:200], "结果": "失败", "片段数": 0, "标题": "",
                                 "说明": f"无法保存：{exc.strerror or exc}"})
        if saved:
            # remove_missing only concerns folders; single files never remove other documents.
            report = run_ingest(saved, settings, extra=rejected)
        else:
            report = {"message": "没有可导入的文件。", "failed": True, "rows": rejected}
        st.session_state["report"] = report
        st.session_state["uploader_n"] = n + 1  # empties the uploader
        st.rerun()


def delete_section(settings: Settings, index, docs: dict) -> None:
    st.subheader("删除文件")
    by_id = sorted(docs.values(), key=lambda d: (d.title, d.file_name))
    choice = st.selectbox(
        "选择要从知识库删除的文件",
        [d.doc_id for d in by_id],
        index=None,
        format_func=lambda i: sup.strip_control(f"{docs[i].title}（{docs[i].file_name}）", False),
        key="del_choice",
        placeholder="选择文件",
    )
    confirm = st.checkbox("确认删除（上传的原文件也会一并删除）", key="del_confirm")
    if st.button("删除", disabled=not (choice and confirm), key="do_delete"):
        meta = docs[choice]
        try:
            removed_file = sup.delete_document(meta, settings, index)
        except Exception as exc:
            st.session_state["report"] = {"error": sup.error_message(exc, "删除失败")}
        else:
            msg = f"已删除{book_title(meta.title)}。"
            if not removed_file and meta.path:
                msg += "原文件不在 corpus/uploads/ 中，未删除；重新索引它所在的文件夹时会再次导入。"
            st.session_state["report"] = {"message": msg}
        sup.refresh_searcher(settings)
        st.session_state.pop("del_choice", None)
        st.session_state.pop("del_confirm", None)
        st.rerun()


def reindex_section(settings: Settings) -> None:
    st.subheader("重新索引")
    corpus = Path(settings.corpus_dir)
    st.caption(
        "扫描 "
        + sup.md_escape(str(corpus), multiline=False)
        + " 文件夹：新增或修改的文件会被导入，已删除的文件会从知识库移除，未变的文件跳过。"
    )
    if st.button("重新索引 corpus 文件夹", key="do_reindex"):
        if not corpus.is_dir():
            st.session_state["report"] = {"error": f"文件夹不存在：{corpus}"}
        else:
            st.session_state["report"] = run_ingest([corpus], settings)
        st.rerun()


def main() -> None:
    st.set_page_config(page_title="GreenKB 文件库", page_icon="📚", layout="wide")
    settings = load_settings()
    st.title("文件库")
    opened = sup.open_catalog(settings)
    if opened is None:
        return
    index, docs = opened

    report = st.session_state.pop("report", None)
    if report:
        show_report(report)

    if docs:
        statuses = VersionGraph.of_generation(index.generation(docs), docs).status
        st.caption(f"共 {len(docs)} 份文件，{sum(d.chunks for d in docs.values())} 个片段。")
        rows = sup.document_rows(docs.values(), statuses)
        widths = display.library_widths(rows)
        table = pd.DataFrame(rows).astype({"页数": "Int64", "片段数": "Int64"})  # no page count: blank, not None
        config = {c: st.column_config.Column(width=w) for c, w in widths.items()}
        config |= {"标题": st.column_config.Column(width=widths["标题"], pinned=True),
                   "页数": st.column_config.NumberColumn(format="%d", width=widths["页数"]),
                   "片段数": st.column_config.NumberColumn(format="%d", width=widths["片段数"])}
        st.dataframe(table, hide_index=True, width="stretch", column_order=display.LIBRARY_COLUMNS, column_config=config)
    else:
        st.info("知识库中还没有文件。在下方上传文件，或把文件放进 corpus/ 后运行 `python -m ingest corpus`。")

    upload_section(settings)
    if docs:
        delete_section(settings, index, docs)
    reindex_section(settings)


try:
    main()
except Exception as exc:  # never a traceback in front of the user
    st.error(sup.md_escape(sup.error_message(exc, "页面出错")))
