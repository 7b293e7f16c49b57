"""时间线: the versions of each law in the knowledge base and the dated events of their lives."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from kb.interfaces import app_display as display
from kb.interfaces import app_support as sup
from kb.versions.graph import VersionGraph
from kb.versions.timeline import timeline_frame, versions_frame
from kb.settings import load_settings

ALL = "__all__"


def main() -> None:
    st.set_page_config(page_title="GreenKB 时间线", page_icon="🗓️", layout="wide")
    settings = load_settings()
    st.title("政策时间线")
    opened = sup.open_catalog(settings)
    if opened is None:
        return
    index, docs = opened
    if not docs:
        st.info(sup.EMPTY_STATE)
        return

    graph = VersionGraph.of_generation(index.generation(docs), docs)
    fams = graph.families
    titles = {f.key: f.title for f in fams}
    multi = [f.key for f in fams if f.linked]
    options = [ALL] + sorted(titles, key=lambda k: (k not in multi, titles[k]))
    family = st.selectbox(
        "法规（同一法规的各个版本归为一组）",
        options,
        format_func=lambda k: "全部文件" if k == ALL else sup.strip_control(
            titles[k] + ("（多个版本）" if k in multi else ""), keep_newlines=False
        ),
        key="tl_family",
    )
    chosen = None if family == ALL else family

    st.subheader("版本与状态")
    frame = versions_frame(graph)
    if chosen:
        keys = {chosen}
        fam = graph.family(chosen)
        keys.update(fam.replaces)
        if fam.replaced_by:
            keys.add(fam.replaced_by)
        frame = frame[frame["family"].isin(keys)]
    frame = frame.rename(
        columns={
            "title": "标题",
            "file_name": "文件名",
            "doc_type": "类型",
            "date": "版本日期",
            "effective_date": "施行日期",
            "status": "状态",
            "replaced_by": "被以下法规取代",
        }
    )
    if "被以下法规取代" in frame:
        frame["被以下法规取代"] = frame["被以下法规取代"].map(lambda k: titles.get(k, k) if k else "")
    st.dataframe(
        frame[["标题", "类型", "版本日期", "施行日期", "状态", "被以下法规取代", "文件名"]],
        hide_index=True,
        width="stretch",
    )

    st.subheader("大事记")
    events = timeline_frame(graph, chosen)
    if chosen:
        fam = graph.family(chosen)
        for other in list(fam.replaces) + ([fam.replaced_by] if fam.replaced_by else []):
            more = timeline_frame(graph, other)
            if len(more):
                events = more if not len(events) else pd.concat([events, more])
    if not len(events):
        st.caption("这些文件中没有读到日期（通过、公布、修订、施行、废止）。")
        return
    events = events.sort_values("date")
    kinds = sorted(events["kind"].dropna().unique().tolist())
    shown = st.multiselect("事件类型", kinds, default=kinds, key="tl_kinds")
    events = events[events["kind"].isin(shown)]
    if len(events):
        try:
            st.altair_chart(display.timeline_chart(events), width="stretch")
        except Exception:  # the table below holds the same events
            pass
    table = events.assign(日期=events["date"].dt.strftime("%Y-%m-%d")).rename(
        columns={"kind": "事件", "title": "法规", "text": "原文", "file_name": "文件名", "status": "状态"}
    )
    st.dataframe(table[["日期", "事件", "法规", "原文", "状态", "文件名"]], hide_index=True, width="stretch")


try:
    main()
except Exception as exc:  # never a traceback in front of the user
    st.error(sup.md_escape(sup.error_message(exc, "页面出错")))
