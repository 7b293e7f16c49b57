"""How the app's pages lay out what they show: the document table's columns, the timeline
chart, the version comparison (strike-through deletions, underlined insertions, chapters,
substantive changes first) and the uploaders' Chinese text. Pure functions (no Streamlit
calls), tested without a browser; the pages call them.

Every piece of document text that goes into HTML here is escaped (html.escape) first.
"""
from __future__ import annotations

import html
import re
import unicodedata
from typing import Any, Iterable, Mapping, Sequence

# ---------------------------------------------------------------------------- document table
# What an official looks for first stays on screen (状态, 文号, 页数, 文件名); the rest follows.
LIBRARY_COLUMNS = ["标题", "状态", "文号", "类型", "版本日期", "页数", "文件名",
                   "发布机关", "施行日期", "地区", "片段数"]
_FIXED_WIDTHS = {"标题": 230, "状态": 76, "类型": 92, "版本日期": 92, "页数": 52, "发布机关": 180,
                 "施行日期": 92, "地区": 72, "片段数": 60}


def text_width(text: str, size: float = 14.0) -> int:
    """Pixels a line of `text` takes in the table's font (CJK full width, Latin about half)."""
    wide = sum(1 for ch in text if unicodedata.east_asian_width(ch) in ("W", "F"))
    return int(wide * size + (len(text) - wide) * size * 0.6)


def library_widths(rows: Sequence[Mapping[str, Any]]) -> dict[str, int]:
    """Column widths: 文号 as wide as the longest (never cut), 文件名 what is left of a
    1,000-pixel row for the columns before it, at least 180."""
    widths = dict(_FIXED_WIDTHS)
    longest = max((text_width(str(r.get("文号") or "")) for r in rows), default=0)
    widths["文号"] = max(60, min(longest + 28, 320))
    before = sum(widths[c] for c in LIBRARY_COLUMNS[:LIBRARY_COLUMNS.index("文件名")])
    widths["文件名"] = max(180, 1000 - before)
    return widths


# ---------------------------------------------------------------------------- timeline chart
# Okabe–Ito colours (told apart also with the common colour-vision deficiencies) and a shape
# per event kind, so no two kinds look alike.
EVENT_COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#000000", "#999933"]
EVENT_SHAPES = ["circle", "square", "triangle-up", "diamond", "cross", "triangle-down", "triangle-left", "triangle-right"]
EVENT_ORDER = ["通过", "公布", "发布", "修正", "修订", "施行", "废止", "其他"]
ROW_PX = 24  # per law: room for its label in the 12 px axis font


def event_kinds(kinds: Iterable[str]) -> list[str]:
    present = set(kinds)
    return [k for k in EVENT_ORDER if k in present] + sorted(present - set(EVENT_ORDER))


def timeline_chart(events: Any):
    """The 大事记 chart (altair): a row per law, every row labelled, a colour and a shape per event kind."""
    import altair as alt

    kinds = event_kinds(events["kind"].dropna().unique().tolist())
    n = len(kinds)
    colours = (EVENT_COLOURS * (n // len(EVENT_COLOURS) + 1))[:n]
    shapes = (EVENT_SHAPES * (n // len(EVENT_SHAPES) + 1))[:n]
    rows = events["title"].nunique()
    legend = alt.Legend(title="事件", orient="top", direction="horizontal", symbolSize=120)
    return (
        alt.Chart(events.dropna(subset=["date"]))
        .mark_point(filled=True, size=90, opacity=0.9)
        .encode(
            x=alt.X("date:T", title="日期", axis=alt.Axis(format="%Y", labelOverlap=True)),
            y=alt.Y("title:N", title=None, sort=None,
                    axis=alt.Axis(labelLimit=360, labelOverlap=False, labelFontSize=12, labelPadding=6)),
            color=alt.Color("kind:N", scale=alt.Scale(domain=kinds, range=colours), legend=legend),
            shape=alt.Shape("kind:N", scale=alt.Scale(domain=kinds, range=shapes), legend=legend),
            tooltip=[alt.Tooltip("date:T", title="日期", format="%Y-%m-%d"), alt.Tooltip("kind:N", title="事件"),
                     alt.Tooltip("title:N", title="法规")],
        )
        .properties(height=max(160, ROW_PX * rows))
    )


# ---------------------------------------------------------------------------- version comparison
_CHAPTER = re.compile(r"^第[一二三四五六七八九十百零〇\d]+章")
_TRIVIAL = re.compile(r"[\s\W\d_一二三四五六七八九十百零〇]+")  # punctuation, numbering, spaces


def chapter_of(heading_path: str) -> str:
    """The chapter of an article from its heading path ('第二章 监督管理 > 第十条' → '第二章 监督管理')."""
    for part in (heading_path or "").split(" > "):
        if _CHAPTER.match(part.strip()):
            return part.strip()
    return ""


def chapters(chunks: Iterable[Any]) -> dict[str, str]:
    """Article locator → its chapter, from a document's chunks."""
    out: dict[str, str] = {}
    for c in chunks:
        chap = chapter_of(getattr(c, "heading_path", ""))
        if chap and c.locator not in out:
            out[c.locator] = chap
    return out


def entry_chapter(entry: Any, chapters_a: Mapping[str, str], chapters_b: Mapping[str, str]) -> str:
    """The chapter an entry of the comparison sits in: in the new version, else in the old one."""
    return chapters_b.get(entry.locator_b, "") or chapters_a.get(entry.locator_a, "") or "（不在任何章中）"


def edited_chars(entry: Any) -> int:
    """Characters of wording the entry changes (punctuation, numbering and spaces aside)."""
    if entry.status == "added":
        return len(_TRIVIAL.sub("", entry.text_b))
    if entry.status == "removed":
        return len(_TRIVIAL.sub("", entry.text_a))
    if entry.status != "changed":
        return 0
    return sum(len(_TRIVIAL.sub("", op.a)) + len(_TRIVIAL.sub("", op.b)) for op in entry.ops if op.op != "equal")


def substantive(entry: Any) -> bool:
    """An added or removed article, or a change of wording — not of punctuation or numbering alone."""
    return edited_chars(entry) > 0


def order_entries(entries: Sequence[Any], by: str = "substance") -> list[Any]:
    """`by` "substance": substantive changes first, the largest first, then the rest in the new
    version's order; "article": the new version's order."""
    if by != "substance":
        return list(entries)
    ranked = sorted(enumerate(entries), key=lambda t: (not substantive(t[1]), -edited_chars(t[1]), t[0]))
    return [e for _, e in ranked]


DIFF_CSS = ("line-height:1.9;white-space:pre-wrap;")
DEL_CSS = "text-decoration:line-through;text-decoration-thickness:2px;color:#8a1c1c;background:#fde2e2;"
INS_CSS = "text-decoration:underline;text-decoration-thickness:2px;text-underline-offset:3px;color:#0b5d1e;background:#dcf5e3;"


def _del(text: str) -> str:
    return f'<del style="{DEL_CSS}" title="删去">{html.escape(text)}</del>'


def _ins(text: str) -> str:
    return f'<ins style="{INS_CSS}" title="增加">{html.escape(text)}</ins>'


def ops_html(ops: Sequence[Mapping[str, str]], context: int | None = None) -> str:
    """HTML of a word-level edit script: deletions struck through (<del>), insertions underlined
    (<ins>), so neither reads as the text in force by colour alone. With `context`, long
    unchanged runs are cut to that many characters on each side of an edit."""
    out: list[str] = []
    for k, op in enumerate(ops):
        kind, a, b = op.get("op", "equal"), op.get("a", ""), op.get("b", "")
        if kind == "equal":
            if context is not None and len(a) > 2 * context + 1:
                head = "" if k == 0 else a[:context]
                tail = "" if k == len(ops) - 1 else a[-context:]
                a = f"{head}…{tail}"
            out.append(html.escape(a))
            continue
        if a:
            out.append(_del(a))
        if b:
            out.append(_ins(b))
    return f'<div style="{DIFF_CSS}">{"".join(out)}</div>'


def whole_html(text: str, inserted: bool) -> str:
    """An added (underlined) or removed (struck-through) article."""
    return f'<div style="{DIFF_CSS}">{_ins(text) if inserted else _del(text)}</div>'


DIFF_LEGEND = (f'<div style="font-size:0.9rem">图例：{_del("删去的文字")}（删除线）　{_ins("增加的文字")}（下划线）</div>')


# ---------------------------------------------------------------------------- uploaders
def _css_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")


def uploader_css(key_prefix: str, hint: str) -> str:
    """A <style> making the uploaders whose key starts with `key_prefix` speak Chinese: the button
    reads 选择文件 and the drop zone gives `hint` (the allowed types) instead of Streamlit's English."""
    scope = f'[class*="st-key-{_css_text(key_prefix)}"]'
    return (
        "<style>"
        f'{scope} [data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p'
        "{font-size:0;}"
        f'{scope} [data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p::after'
        '{content:"选择文件";font-size:0.875rem;}'
        f'{scope} [data-testid="stFileUploaderDropzoneInstructions"] span{{font-size:0;}}'
        f'{scope} [data-testid="stFileUploaderDropzoneInstructions"] span::after'
        f'{{content:"{_css_text(hint)}";font-size:0.875rem;}}'
        "</style>"
    )
