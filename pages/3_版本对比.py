"""版本对比: two versions of a law side by side, article by article (kb.versions.diff)."""
from __future__ import annotations

import streamlit as st

from kb.interfaces import app_display as display
from kb.interfaces import app_support as sup
from kb.versions.diff import diff_documents
from kb.versions.graph import VersionGraph
from kb.settings import load_settings

STATUS_CN = {"changed": "修改", "added": "新增", "removed": "删除", "unchanged": "未变"}
ORDER_CN = {"substance": "实质性修改在前", "article": "按条文顺序"}
ALL = "__all__"
PAGE = 10  # entries a page: a long law's comparison stays a page one can read


def label(doc, family: bool, status: str = "") -> str:
    """A version picker's line. In one law's versions the title is the same for all: the date,
    status and file name tell them apart (and fit the picker)."""
    state = f" · {status}" if status else ""
    if family:
        return sup.strip_control(f"{doc.date or '日期不详'} 版{state} · {doc.file_name}", keep_newlines=False)
    return sup.strip_control(f"{doc.title}（{doc.date or '日期不详'}{state}）· {doc.file_name}", keep_newlines=False)


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
    same = mode == "family"
    # One picker a line: the whole label shows (two side by side cut it off).
    a = st.selectbox("旧版本", ids, index=default_a, format_func=lambda i: label(docs[i], same, graph.status.get(i, "")),
                     key=f"cmp_a_{mode}")
    b = st.selectbox("新版本", ids, index=default_b, format_func=lambda i: label(docs[i], same, graph.status.get(i, "")),
                     key=f"cmp_b_{mode}")
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

    chap_a, chap_b = display.chapters(index.chunks_of(a)), display.chapters(index.chunks_of(b))
    entries = result.entries()
    where = {id(e): display.entry_chapter(e, chap_a, chap_b) for e in entries}
    c1, c2, c3 = st.columns([2, 2, 1.4])
    kinds = c1.multiselect("显示", ["changed", "added", "removed", "unchanged"], default=["changed", "added", "removed"],
                           format_func=STATUS_CN.get, key="cmp_kinds", placeholder="选择条文类别")
    chapter_list = list(dict.fromkeys(where[id(e)] for e in entries))
    chapter = c2.selectbox("章节", [ALL] + chapter_list, format_func=lambda c: "全部章节" if c == ALL else c,
                           key=f"cmp_chapter_{a}_{b}")
    order = c3.radio("排序", ["substance", "article"], format_func=ORDER_CN.get, key="cmp_order")
    shown = [e for e in entries if e.status in kinds and (chapter == ALL or where[id(e)] == chapter)]
    shown = display.order_entries(shown, order)
    if not shown:
        st.caption("没有符合条件的条文。")
        return
    pages = (len(shown) + PAGE - 1) // PAGE
    page = 1
    if pages > 1:
        page = int(st.number_input(f"页码（共 {pages} 页，每页 {PAGE} 条，共 {len(shown)} 条）", min_value=1,
                                   max_value=pages, value=1, step=1, key=f"cmp_page_{a}_{b}_{chapter}_{order}"))
    st.html(display.DIFF_LEGEND)
    for e in shown[(page - 1) * PAGE : page * PAGE]:
        la, lb = sup.locator_label(e.locator_a), sup.locator_label(e.locator_b)
        place = la if la == lb or not lb else (lb if not la else f"{la} → {lb}")
        minor = e.status == "changed" and not display.substantive(e)
        head = f"{STATUS_CN[e.status]}{'（仅标点或序号）' if minor else ''}：{place}"
        if e.summary:
            head += f"　{e.summary}"
        with st.expander(sup.md_escape(head, multiline=False), expanded=e.status != "unchanged" and not minor):
            st.caption(sup.md_escape(where[id(e)], multiline=False))
            if e.status == "changed":
                st.html(display.ops_html([o.to_dict() for o in e.ops]))
            elif e.status == "added":
                st.html(display.whole_html(e.text_b, inserted=True))
            elif e.status == "removed":
                st.html(display.whole_html(e.text_a, inserted=False))
            else:
                st.caption("两版文字相同。")


try:
    main()
except Exception as exc:  # never a traceback in front of the user
    st.error(sup.md_escape(sup.error_message(exc, "页面出错")))
