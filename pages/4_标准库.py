"""标准库: every standard the indexed documents cite or the imported catalogues list — a searchable
table with status badges and replacement chains; choosing a standard (a row, the selector, or the
link ?std=GB/T%2039001-2021) shows the source of each fact and the passages that cite it."""
from __future__ import annotations

import tempfile
from pathlib import Path

import streamlit as st

from kb.interfaces import app_display as display
from kb.interfaces import app_render as render
from kb.interfaces import app_support as sup
from kb.registers.standards import STATUSES, Standard, StandardsRegister
from kb.settings import load_settings
from kb.text.titles import book_title

BADGE = {"现行": "green", "即将实施": "blue", "废止": "red", "状态不详": "gray"}
CELL = {"现行": "background-color: #d3f0d8; color: #14532d", "即将实施": "background-color: #dbe8fb; color: #1e3a8a",
        "废止": "background-color: #fadcdc; color: #7f1d1d", "状态不详": "background-color: #ececec; color: #444"}
KINDS = ["全部", "国家标准", "行业标准", "地方标准", "团体标准", "国际标准"]
EMPTY = "标准库中还没有标准：在“文件库”导入文件，或在下方导入标准目录（CSV / XLSX）。"


def text(value: object) -> str:
    return render.strip_control(str(value or ""), keep_newlines=False)


def import_section(settings) -> None:
    from kb.index.store import Index
    from kb.registers.standards_catalogue import CatalogueError, describe, import_catalogue

    with st.expander("导入标准目录（CSV / XLSX，如全国标准信息公共服务平台导出的文件）"):
        st.caption("按列名识别：标准号、标准名称、标准状态、发布日期、实施日期、废止日期、代替标准、被代替标准。"
                   "再次导入同名文件会替换上次导入的内容。")
        n = st.session_state.setdefault("std_upload_n", 0)
        st.html(display.uploader_css("std_upload_", "或将文件拖放到这里 · 支持 CSV、XLSX 格式的标准目录"))
        up = st.file_uploader("选择标准目录文件", type=["csv", "xlsx"], key=f"std_upload_{n}")
        if up is not None and st.button("导入标准目录", key="std_import"):
            name = Path(up.name).name
            try:
                with tempfile.TemporaryDirectory() as tmp:
                    path = Path(tmp) / name
                    path.write_bytes(up.getvalue())
                    cat = import_catalogue(Index(settings), path)
                st.session_state["std_import_report"] = ("ok", "\n".join(describe(cat)))
            except CatalogueError as exc:
                st.session_state["std_import_report"] = ("error", str(exc))
            except Exception as exc:
                st.session_state["std_import_report"] = ("error", sup.error_message(exc, "导入失败"))
            st.session_state["std_upload_n"] = n + 1
            st.rerun()
    report = st.session_state.pop("std_import_report", None)
    if report:
        (st.success if report[0] == "ok" else st.error)(render.md_escape(report[1]))


def chain_label(reg: StandardsRegister, std: Standard) -> str:
    chain = reg.chain(std)
    return " → ".join(s.code for s in chain) if len(chain) > 1 else ""


def table(reg: StandardsRegister, chosen: list[Standard]):
    import pandas as pd

    rows = [{
        "状态": s.status,
        "标准号": s.code,
        "标准名称": text(s.name),
        "类别": s.ref.kind,
        "实施日期": s.date("implemented"),
        "废止日期": s.date("abolished"),
        "替代关系": chain_label(reg, s),
        "引用处": len({(c.chunk_id, c.locator) for c in s.cited}),
    } for s in chosen]
    frame = pd.DataFrame(rows, columns=["状态", "标准号", "标准名称", "类别", "实施日期", "废止日期", "替代关系", "引用处"])
    return frame.style.map(lambda v: CELL.get(v, ""), subset=["状态"])  # the status as a coloured badge


def detail(reg: StandardsRegister, std: Standard, index) -> None:
    color = BADGE[std.status]
    st.subheader(render.md_escape(f"{std.code} {std.name}".strip(), multiline=False))
    st.badge(std.status, color=color)
    src = f"（依据：{std.status_source.label}）" if std.status_source else ""
    st.markdown(render.md_escape(f"截至 {reg.today.isoformat()}：{std.status_basis}{src}"))
    chain = reg.chain(std)
    if len(chain) > 1:
        st.markdown("**替代关系**（从旧到新）")
        cols = st.columns(len(chain))
        for col, s in zip(cols, chain, strict=True):
            with col:
                label = f"{s.code}（{s.status}）"
                if s is std:
                    st.markdown(render.md_escape("▶ " + label, multiline=False))
                elif st.button(label, key=f"std_chain_{s.code}"):
                    choose(s.code)
    facts = []
    for attr, label in (("names", "名称"), ("statuses", "标注状态"), ("published", "发布日期"),
                        ("implemented", "实施日期"), ("abolished", "废止日期"), ("replaces", "代替"),
                        ("replaced_by", "被代替")):
        for f in getattr(std, attr):
            facts.append({"事项": label, "内容": text(f.value), "来源": text(f.source.label),
                          "原文": text(f.source.context)})
    if facts:
        st.markdown("**各项信息的来源**")
        st.dataframe(facts, hide_index=True, width="stretch")
    st.markdown(f"**引用该标准的段落**（{len(std.cited)} 处）" if std.cited else "**没有文件引用该标准**（信息来自标准目录或替代关系）")
    hits = index.get_chunks(list(dict.fromkeys(c.chunk_id for c in std.cited if c.chunk_id)))
    for c in std.cited:
        hit = hits.get(c.chunk_id)
        page = render.page_label(c.page_start, c.page_end)
        with st.expander(text(f"{book_title(c.title)}{c.locator if c.locator != 'header' else ''} {page}".strip())):
            st.caption(render.md_escape(f"文件：{c.file_name}；原文写作：{c.written}", multiline=False))
            passage = hit.text if hit is not None else c.context
            st.markdown(render.highlight_passage(passage, c.context or c.written))


def choose(code: str) -> None:
    st.session_state["std_selected"] = code
    st.query_params["std"] = code
    st.rerun()


def main() -> None:
    st.set_page_config(page_title="GreenKB 标准库", page_icon="📏", layout="wide")
    settings = load_settings()
    st.title("标准库")
    opened = sup.open_catalog(settings)
    if opened is None:
        return
    index, docs = opened
    import_section(settings)
    reg = StandardsRegister.load(index, settings.layout, docs)
    if not reg.standards:
        st.info(EMPTY)
        return
    counts = reg.counts()
    st.caption(render.md_escape("共 {} 项标准：".format(len(reg.standards)) + "，".join(
        f"{k} {v}" for k, v in counts.items() if v) + f"（状态截至 {reg.today.isoformat()}）", multiline=False))

    c1, c2, c3 = st.columns([3, 2, 2])
    query = c1.text_input("搜索标准号或名称", key="std_query", placeholder="如 GB/T 39001、绿色工厂")
    statuses = c2.multiselect("状态", list(STATUSES), key="std_status")
    kind = c3.selectbox("类别", KINDS, key="std_kind")
    chosen = [s for s in reg.select(family="" if kind == "全部" else kind, text=query.strip())
              if not statuses or s.status in statuses]
    event = st.dataframe(table(reg, chosen), hide_index=True, width="stretch", on_select="rerun",
                         selection_mode="single-row", key="std_table")
    if not chosen:
        st.info("没有符合条件的标准。")
        return
    # A standard is chosen by a row of the table, the selector, a chain button or ?std=…; the
    # latest of these wins (a row stays selected across reruns, so only a new row counts).
    picked = event.selection.rows if event is not None and hasattr(event, "selection") else []
    pick = chosen[picked[0]].code if picked and picked[0] < len(chosen) else None
    if pick and pick != st.session_state.get("std_last_pick"):
        st.session_state["std_selected"] = pick
    st.session_state["std_last_pick"] = pick
    wanted = st.session_state.get("std_selected") or st.query_params.get("std", "")
    codes = [s.code for s in chosen]
    if wanted in reg.standards and wanted not in codes:
        codes.insert(0, wanted)
    if wanted in codes and st.session_state.get("std_pick") != wanted:
        st.session_state["std_pick"] = wanted
    code = st.selectbox("查看标准", codes, key="std_pick",
                        on_change=lambda: st.session_state.update(std_selected=st.session_state["std_pick"]))
    if code != st.query_params.get("std"):
        st.query_params["std"] = code
    detail(reg, reg.standards[code], index)


try:
    main()
except Exception as exc:  # never a traceback in front of the user
    st.error(render.md_escape(sup.error_message(exc, "页面出错")))
