"""GreenKB — the Streamlit app (`streamlit run app.py`): navigation and the 政策问答 (chat) page.

Other pages are the files in pages/ (1_文件库.py, …): each file there becomes a page named after
the file without its number prefix (a new page is just a new file). Settings come from
load_settings() (GREENKB_DATA_DIR, GREENKB_EMBED_MODEL, GREENKB_LLM_* …). Every piece of
document text and every file name is shown through kb.interfaces.app_render (md_escape / highlight_passage),
so it is rendered as literal text, never as Markdown, HTML or script.
"""
from __future__ import annotations

import datetime as dt
import functools
import mimetypes
import re
from pathlib import Path
from typing import Any

import streamlit as st

from kb.interfaces import app_render as render
from kb.interfaces import app_sources
from kb.interfaces import app_support as sup
from kb.interfaces import pdf_view
from kb.settings import Settings, load_settings
from kb.types import DOC_TYPES, DocumentMeta
from kb.text.titles import book_title

ROOT = Path(__file__).resolve().parent
PAGE_URLS = {"文件库": "library", "时间线": "timeline", "版本对比": "compare", "标准库": "standards",
             "合规清单": "checklist"}
PAGE_ICONS = {"文件库": ":material/folder_open:", "时间线": ":material/timeline:", "版本对比": ":material/compare:",
              "标准库": ":material/rule:", "合规清单": ":material/checklist:"}
MODE_LABELS = {"extractive": "摘录式（直接引用条文，不调用大模型）", "llm": "大模型生成（附引用）"}
EXAMPLE = "例如：重点用能单位每年要向节能主管部门报送什么材料？"


def load_documents(settings: Settings) -> dict[str, DocumentMeta]:
    from kb.index.store import Index

    return Index(settings).documents()


# ------------------------------------------------------------------------------ sidebar
def sidebar(settings: Settings, docs: dict[str, DocumentMeta]) -> tuple[str, int, dict[str, Any]]:
    with st.sidebar:
        st.header("问答设置")
        modes = ["extractive", "llm"] if settings.llm_configured else ["extractive"]
        if st.session_state.get("mode") not in modes:
            st.session_state["mode"] = "extractive"
        mode = st.radio("回答模式", modes, format_func=MODE_LABELS.get, key="mode")
        if not settings.llm_configured:
            st.caption("尚未配置大模型服务，目前只能使用摘录式回答（如需大模型生成，请联系管理员）。")
        k = st.slider("引用来源数量（检索段落数）", min_value=1, max_value=20, value=8, key="k")

        st.subheader("筛选")
        present = {d.doc_type for d in docs.values() if d.doc_type}
        types = [t for t in DOC_TYPES if t in present] + sorted(present - set(DOC_TYPES))
        doc_types = st.multiselect("文件类型", types, key="f_types", placeholder="全部类型")
        regions = st.multiselect(
            "地区", sorted({d.region for d in docs.values() if d.region}), key="f_regions", placeholder="全部地区"
        )
        issuers = st.multiselect(
            "发文机关", sorted({i for d in docs.values() for i in d.issuer.split("、") if i}), key="f_issuers",
            placeholder="全部发文机关",
        )
        lo, hi = dt.date(1949, 1, 1), dt.date(2100, 12, 31)
        date_from = st.date_input("版本日期不早于", value=None, min_value=lo, max_value=hi, key="f_from")
        date_to = st.date_input("版本日期不晚于", value=None, min_value=lo, max_value=hi, key="f_to")
        by_name = {d.file_name: d for d in docs.values()}
        names = sorted(by_name, key=lambda n: (by_name[n].title, n))
        file_names = st.multiselect(
            "只在这些文件中检索",
            names,
            format_func=lambda n: render.strip_control(f"{by_name[n].title}（{n}）", keep_newlines=False),
            key="f_docs",
            placeholder="全部文件",
        )
        include_superseded = st.checkbox("包括已被修订或废止的版本", key="f_all")
        st.divider()
        if st.button("清空对话", key="clear_chat", width="stretch"):
            st.session_state["history"] = []
    values = sup.filter_values(
        doc_types=doc_types,
        regions=regions,
        date_from=date_from,
        date_to=date_to,
        file_names=file_names,
        include_superseded=include_superseded,
        issuers=issuers,
    )
    return mode, int(k), values


# ------------------------------------------------------------------------------ answering
def _source_entry(c_n: int, hit, quote: str, docs: dict[str, DocumentMeta], articles: dict, index) -> dict[str, Any]:
    meta = docs.get(hit.doc_id)
    if hit.doc_id not in articles:
        try:
            articles[hit.doc_id] = index.chunks_of(hit.doc_id)
        except Exception:
            articles[hit.doc_id] = []
    chunks = articles[hit.doc_id]
    article = render.article_text(hit, chunks) if chunks else hit.text
    if not quote and article.strip() != hit.text.strip():
        quote = hit.text  # no quoted sentences: mark the cited passage inside its article
    return {
        "n": c_n,
        "doc_id": hit.doc_id,
        "title": hit.title or (meta.title if meta else ""),
        "doc_type": hit.doc_type or (meta.doc_type if meta else ""),
        "date": hit.date or (meta.date if meta else ""),
        "status": hit.status,
        "locator": render.locator_label(hit.locator),
        "heading_path": hit.heading_path,
        "pages": render.page_label(hit.page_start, hit.page_end),
        "file_name": hit.file_name,
        "path": meta.path if meta else "",
        "effective_date": meta.effective_date if meta else "",
        "quote": quote,
        "article": article,
        "passage": hit.text,
        "page_start": hit.page_start,
        "page_end": hit.page_end,
    }


def history_for_answer(history: list[dict[str, Any]]) -> list[dict[str, str]]:
    return [{"role": t["role"], "content": t.get("content", "")} for t in history if t.get("content")]


def ask(question: str, settings: Settings, docs: dict[str, DocumentMeta], mode: str, k: int, fvalues: dict) -> dict:
    """Answer one question; returns the assistant turn (plain data, kept in session state)."""
    from kb.answers.answer import answer

    history = st.session_state.setdefault("history", [])
    searcher = sup.cached_searcher(settings)
    pq = searcher.read(question, history)  # a follow-up takes its document from the conversation
    query = pq.text if pq.follow_up else ""
    filters = sup.build_filters(**fvalues)
    result = answer(pq, searcher, mode=mode, k=k, filters=filters, history=history_for_answer(history))
    from kb.index.store import Index

    index = Index(settings)
    articles: dict[str, list] = {}
    sources = [_source_entry(c.n, c.hit, c.quote, docs, articles, index) for c in result.citations]
    app_sources.attach_links(sources, [c.hit for c in result.citations], searcher, index)  # 关联条文
    related = []
    if not sources:
        related = [_source_entry(i, h, "", docs, articles, index) for i, h in enumerate(result.related, 1)]
    return {
        "role": "assistant",
        "question": question,
        "content": result.text,
        "query": query,
        "abstained": result.abstained,
        "mode": result.mode,
        "warnings": list(result.warnings),
        "sources": sources,
        "related": related,
        "cited": [(s["title"], s["locator"]) for s in sources],
    }


# ------------------------------------------------------------------------------ rendering
def _read_file(path: str) -> bytes:
    return Path(path).read_bytes()


def render_source(src: dict[str, Any], key: str, related: bool = False) -> None:
    status = src.get("status") or ""
    flag = f" ⚠ {status}" if status and status != "现行有效" else ""
    label = f"[{src['n']}] {book_title(src['title'])} {src['locator']} {src['pages']}{flag}".strip()
    with st.expander(render.md_escape(label, multiline=False)):
        facts = [
            ("文件", book_title(src["title"])),
            ("类型", src["doc_type"]),
            ("日期", src["date"]),
            ("施行日期", src.get("effective_date", "")),
            ("状态", status or "—"),
            ("位置", src["heading_path"] or src["locator"]),
            ("页码", src["pages"]),
            ("文件名", src["file_name"]),
        ]
        st.markdown("  \n".join(f"**{name}**：{render.md_escape(value, multiline=False)}" for name, value in facts if value))
        st.caption("条文原文" if related else "条文原文（底色标出的是回答引用的句子）")
        if related:
            st.markdown(render.md_escape(src["article"]))
        else:
            st.markdown(render.highlight_passage(src["article"], src["quote"] or ""))
            app_sources.render_links(src, key)
        if pdf_view.has_page(src):
            pdf_view.page_button(src, key)
        path = src.get("path") or ""
        if path and Path(path).is_file():
            st.download_button(
                "下载原文件",
                data=functools.partial(_read_file, path),
                file_name=Path(path).name,
                mime=mimetypes.guess_type(path)[0] or "application/octet-stream",
                key=key,
                on_click="ignore",
                icon=":material/download:",
            )
        elif path:
            st.caption("原文件已不在原位置，无法下载。")


def render_turn(turn: dict[str, Any], idx: int) -> None:
    if turn["role"] == "user":
        with st.chat_message("user"):
            st.markdown(render.md_escape(turn["content"]))
        return
    with st.chat_message("assistant"):
        if turn.get("error"):
            st.error(render.md_escape(turn["error"]))
            return
        if turn.get("query"):
            st.caption("结合上文检索：" + render.md_escape(turn["query"], multiline=False))
        st.markdown(render.md_escape(turn["content"]))
        for w in turn.get("warnings", []):
            st.warning(render.md_escape(w))
        if turn.get("sources"):
            st.markdown("**来源**")
            for src in turn["sources"]:
                render_source(src, key=f"dl-{idx}-{src['n']}")
        elif turn.get("related"):
            st.markdown("**相关段落（仅供参考，不构成依据）**")
            for src in turn["related"]:
                render_source(src, key=f"dl-r-{idx}-{src['n']}", related=True)
        app_sources.answer_downloads(turn, key=f"export-{idx}")


# ------------------------------------------------------------------------------ page
def chat_page() -> None:
    try:
        _chat()
    except Exception as exc:  # never a traceback in front of the user
        st.error(render.md_escape(sup.error_message(exc, "页面出错")))


def _chat() -> None:
    settings = load_settings()
    sup.prewarm(settings)
    st.title("绿色制造政策与标准知识库")
    try:
        docs = load_documents(settings)
    except Exception as exc:
        st.error(render.md_escape(sup.error_message(exc, "无法打开知识库")))
        return
    mode, k, fvalues = sidebar(settings, docs)
    if not docs:
        st.info(sup.EMPTY_STATE)
        st.caption("数据目录：" + render.md_escape(str(settings.data_dir), multiline=False))
        return
    st.caption(f"已收录 {len(docs)} 份文件。回答中的 [n] 对应下方来源，展开可查看条文原文。")
    if sup.filters_active(fvalues):
        st.caption("已启用筛选条件（见左侧）。")

    history = st.session_state.setdefault("history", [])
    for i, turn in enumerate(history):
        render_turn(turn, i)

    question = st.chat_input(EXAMPLE, key="question", max_chars=2000)
    if not question or not question.strip():
        # Load the models and indexes now, while the user types (cached for every session).
        try:
            sup.cached_searcher(settings)
        except Exception as exc:
            st.error(render.md_escape(sup.error_message(exc, "检索组件加载失败")))
        return
    question = question.strip()
    user_turn = {"role": "user", "content": question}
    render_turn(user_turn, len(history))
    with st.spinner("正在检索并组织回答…"):
        try:
            turn = ask(question, settings, docs, mode, k, fvalues)
        except Exception as exc:
            turn = {"role": "assistant", "content": "", "error": sup.error_message(exc, "回答问题时出错")}
    user_turn["query"] = turn.get("query", "")
    history.append(user_turn)
    history.append(turn)
    render_turn(turn, len(history) - 1)


def pages() -> list:
    found = [st.Page(chat_page, title="政策问答", icon=":material/chat:", default=True)]
    def order(p: Path) -> tuple[int, str]:
        m = re.match(r"\d+", p.stem)
        return (int(m.group()) if m else 10**6, p.stem)

    for f in sorted((ROOT / "pages").glob("*.py"), key=order):
        if f.name.startswith("_"):
            continue
        title = re.sub(r"^\d+_", "", f.stem)
        found.append(st.Page(f, title=title, icon=PAGE_ICONS.get(title), url_path=PAGE_URLS.get(title)))
    return found


st.set_page_config(page_title="GreenKB 绿色制造政策与标准知识库", page_icon="🌿", layout="wide")
st.navigation(pages()).run()
