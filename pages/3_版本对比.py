"""版本对比: two versions of a law side by side, article by article (kb.versions.diff)."""
from __future__ import annotations

import streamlit as st

from kb.interfaces import app_support as sup
from kb.versions.diff import diff_documents
from kb.versions.graph import VersionGraph
from kb.settings import load_settings

STATUS_CN = {"changed": "修改", "added": "新增", "removed": "删除", "unchanged": "未变"}


def label(doc) -> str:
    return sup.strip_control(f"{doc.title}（{doc.date or '日期不详'}，{doc.file_name}）", keep_newlines=False)


def main() -> None:
    st.set_page_config(page_title="GreenKB 版本对比", page_icon="🔍", layout="wide")
    settings = load_settings()
    st.title("版本对比")
    opened = sup.open_catalog(settings)
    if opened is None:
        return
    index, docs = opened
    if len(docs) < 2:
        st.info("版本对比需要知识库中至少有两份文件。" if docs else sup.EMPTY_STATE)
        return

    graph = VersionGraph.of_generation(index.generation(docs), docs)
    fams = graph.families
    # Families with several versions (or a repealed predecessor) come first.
    lineages = {}
    for f in fams:
        line = graph.lineage(f.key)
        if len(line) > 1:
            lineages[f.key] = line
    mode_opts = ["family", "any"] if lineages else ["any"]
    mode = st.radio(
        "比较",
        mode_opts,
        format_func={"family": "同一法规的两个版本", "any": "任意两份文件"}.get,
        horizontal=True,
        key="cmp_mode",
    )
    if mode == "family":
        fam_titles = {f.key: f.title for f in fams}
        key = st.selectbox(
            "法规",
            sorted(lineages, key=lambda k: fam_titles[k]),
            format_func=lambda k: sup.strip_control(f"{fam_titles[k]}（{len(lineages[k])} 个版本）", False),
            key="cmp_family",
        )
        pool = lineages[key]
        default_a, default_b = len(pool) - 2, len(pool) - 1
    else:
        pool = sorted(docs.values(), key=lambda d: (d.title, d.date))
        default_a, default_b = 0, 1
    ids = [d.doc_id for d in pool]
    c1, c2 = st.columns(2)
    a = c1.selectbox("旧版本", ids, index=default_a, format_func=lambda i: label(docs[i]), key=f"cmp_a_{mode}")
    b = c2.selectbox("新版本", ids, index=default_b, format_func=lambda i: label(docs[i]), key=f"cmp_b_{mode}")
    if a == b:
        st.warning("请选择两份不同的文件。")
        return
    with st.spinner("正在逐条比较…"):
        result = diff_documents(index, a, b)
    n = result.counts
    m = st.columns(5)
    m[0].metric("修改的条文", n["changed"])
    m[1].metric("新增的条文", n["added"])
    m[2].metric("删除的条文", n["removed"])
    m[3].metric("未变的条文", n["unchanged"])
    m[4].metric("条号变化", n["renumbered"])

    kinds = st.multiselect(
        "显示",
        ["changed", "added", "removed", "unchanged"],
        default=["changed", "added", "removed"],
        format_func=STATUS_CN.get,
        key="cmp_kinds",
    )
    entries = [e for e in result.entries() if e.status in kinds]
    if not entries:
        st.caption("没有符合条件的条文。")
        return
    st.caption("红色为删去的文字，绿色为增加的文字。")
    for e in entries[:300]:
        la, lb = sup.locator_label(e.locator_a), sup.locator_label(e.locator_b)
        where = la if la == lb or not lb else (lb if not la else f"{la} → {lb}")
        head = f"{STATUS_CN[e.status]}：{where}"
        if e.summary:
            head += f"　{e.summary}"
        with st.expander(sup.md_escape(head, multiline=False), expanded=e.status != "unchanged" and len(entries) <= 30):
            if e.status == "changed":
                st.markdown(sup.render_ops([o.to_dict() for o in e.ops]))
            elif e.status == "added":
                st.markdown(sup.render_segments([(e.text_b, "green-background")]))
            elif e.status == "removed":
                st.markdown(sup.render_segments([(e.text_a, "red-background")]))
            else:
                st.caption("两版文字相同。")
    if len(entries) > 300:
        st.caption(f"只显示前 300 条（共 {len(entries)} 条）。")


try:
    main()
except Exception as exc:  # never a traceback in front of the user
    st.error(sup.md_escape(sup.error_message(exc, "页面出错")))
