"""Exports a user downloads: a compliance checklist or a chat answer with its sources, as
Markdown or DOCX (python-docx). Every export keeps the citations — document, article, page and
status — so that what it says can be checked against the texts.

    checklist_markdown(checklist) / checklist_docx(checklist) -> str / bytes
    answer_markdown(record) / answer_docx(record)             -> str / bytes

An answer record is plain data (the app's chat turn or `answer_record(Answer)`): question,
answer text, warnings, and sources each with n, title, locator, pages, status, file_name, quote.
"""
from __future__ import annotations

import io
from datetime import date
from typing import Any, Iterable

from kb.registers.checklist import APPLIES, CHECK, Checklist, ChecklistItem
from kb.registers.profile import Profile
from kb.types import Answer
from kb.text.titles import book_title


# ---------------------------------------------------------------------- citations
def page_text(start: int | None, end: int | None) -> str:
    if not start:
        return ""
    return f"第{start}–{end}页" if end and end != start else f"第{start}页"


def citation(title: str, locator: str, pages: tuple[int | None, int | None], status: str, file_name: str) -> str:
    """《文件》第X条，第N页，现行有效（file）: the one form every export cites in."""
    bits = [f"{book_title(title)}{locator}"]
    if page_text(*pages):
        bits.append(page_text(*pages))
    if status:
        bits.append(status)
    return "，".join(bits) + (f"（{file_name}）" if file_name else "")


def profile_lines(p: Profile) -> list[str]:
    def flag(v: bool | None, unknown: str) -> str:
        return unknown if v is None else ("是" if v else "否")

    num = lambda v, unit: "未说明" if v is None else f"{v:,.0f} {unit}"  # noqa: E731
    return [
        f"行业：{p.industry or '未说明'}",
        f"地区：{p.region or '未说明（只看国家规定）'}",
        f"年综合能源消费：{num(p.energy_tce_per_year, '吨标准煤')}",
        f"年用水量：{num(p.water_m3_per_year, '立方米')}",
        f"排污许可：{ {'none': '无'}.get(p.permit or '', p.permit or '未说明') }",
        f"产品：{'、'.join(p.products) or '未说明'}",
        f"重点用能单位：{flag(p.key_energy_user, '未说明（由能耗门槛判断）')}",
        f"重点排污单位：{flag(p.key_pollutant_unit, '未说明')}",
        f"申报绿色工厂：{flag(p.applies_green_factory, '未说明')}",
    ] + ([f"已列入：{'、'.join(p.listed_in)}"] if p.listed_in else [])


# ---------------------------------------------------------------------- checklist as blocks
def _item_blocks(item: ChecklistItem) -> list[tuple[str, str]]:
    """(label, text) lines of one checklist item, in the order every format shows them."""
    duties = [d for d, x in item.duties if x.status == item.status] or [d for d, _ in item.duties]
    texts = list(dict.fromkeys(d.text for d in duties))
    out = [("义务", "".join(t if t.endswith(("。", "；", "：")) else t + "。" for t in texts))]
    if item.why:
        out.append(("为何适用", "；".join(item.why)))
    if item.check:
        out.append(("需确认" if item.status == CHECK else "另需确认", "；".join(item.check)))
    if item.when:
        out.append(("何时适用", "；".join(w if w.endswith(("时", "中")) else f"{w}时" for w in item.when)))
    if item.deadline or item.frequency:
        out.append(("期限或频次", "；".join(x for x in (item.deadline, item.frequency) if x)))
    if item.authority:
        out.append(("主管或报送部门", item.authority))
    if item.penalties:
        for p in item.penalties:
            extra = "；".join(x for x in (p.fines, f"由{p.authority}" if p.authority else "") if x)
            out.append(("违反的后果", f"{p.locator} {p.text}" + (f"（{extra}）" if extra else "")
                        + f" —— 出处：{citation(p.title, p.locator, p.pages, '', p.file_name)}"))
    else:
        out.append(("违反的后果", "本清单所列文件中未找到对应的罚则"))
    out.append(("出处", citation(item.title, item.locator, item.pages, item.doc_status, item.file_name)))
    return out


def _sections(cl: Checklist) -> Iterable[tuple[str, list[tuple[str, list[ChecklistItem]]]]]:
    yield f"一、适用的义务（{len(cl.applicable)} 项）", _by_doc(cl, APPLIES)
    yield f"二、需确认的义务（{len(cl.to_confirm)} 项）", _by_doc(cl, CHECK)


def _by_doc(cl: Checklist, status: str) -> list[tuple[str, list[ChecklistItem]]]:
    out = []
    for _doc_id, items in cl.grouped(status):
        first = items[0]
        bits = [b for b in (first.doc_type, first.level, first.date, first.doc_status) if b]
        out.append((f"{book_title(first.title)}（{'，'.join(bits)}）", items))
    return out


def _title(cl: Checklist) -> str:
    return "合规清单" + (f"：{cl.profile.name}" if cl.profile.name else "")


NOTE = "只列现行有效的文件；国家规定与本地区的地方规定并列，地方规定紧随其实施的国家法律。每项义务注明出处（文件、条、页码、状态）。"


def checklist_markdown(cl: Checklist, today: date | None = None) -> str:
    lines = [f"# {_title(cl)}", "", f"生成日期：{(today or date.today()).isoformat()}。{NOTE}", "", "## 企业画像", ""]
    lines += [f"- {x}" for x in profile_lines(cl.profile)]
    for heading, groups in _sections(cl):
        lines += ["", f"## {heading}"]
        if not groups:
            lines += ["", "（无）"]
        for doc_heading, items in groups:
            lines += ["", f"### {doc_heading}", ""]
            for item in items:
                lines.append(f"- **{item.locator}**")
                lines += [f"  - {label}：{_md(text)}" for label, text in _item_blocks(item)]
    if cl.left_out:
        lines += ["", "## 未纳入的文件", ""] + [f"- {book_title(t)}：{r}" for t, r in cl.left_out]
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    """Text as one Markdown list line (line breaks folded; a leading marker is not a list)."""
    return " ".join((text or "").split()).replace("*", "\\*").replace("_", "\\_")


_XML_BAD = dict.fromkeys(c for c in range(32) if c not in (9, 10, 13))


def _x(text: Any) -> str:
    """Text Word can hold (XML 1.0 forbids most control characters)."""
    return str(text or "").translate(_XML_BAD)


def _docx_document(title: str):
    from docx import Document
    from docx.oxml.ns import qn

    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "SimSun"
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "SimSun")
    doc.add_heading(_x(title), level=0)
    return doc


def _docx_bytes(doc) -> bytes:
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def checklist_docx(cl: Checklist, today: date | None = None) -> bytes:
    doc = _docx_document(_title(cl))
    doc.add_paragraph(_x(f"生成日期：{(today or date.today()).isoformat()}。{NOTE}"))
    doc.add_heading("企业画像", level=1)
    for x in profile_lines(cl.profile):
        doc.add_paragraph(_x(x), style="List Bullet")
    for heading, groups in _sections(cl):
        doc.add_heading(_x(heading), level=1)
        if not groups:
            doc.add_paragraph("（无）")
        for doc_heading, items in groups:
            doc.add_heading(_x(doc_heading), level=2)
            for item in items:
                doc.add_heading(_x(item.locator), level=3)
                for label, text in _item_blocks(item):
                    para = doc.add_paragraph(style="List Bullet")
                    para.add_run(f"{label}：").bold = True
                    para.add_run(_x(text))
    if cl.left_out:
        doc.add_heading("未纳入的文件", level=1)
        for t, r in cl.left_out:
            doc.add_paragraph(_x(f"{book_title(t)}：{r}"), style="List Bullet")
    return _docx_bytes(doc)


# ---------------------------------------------------------------------- answers
def answer_record(answer: Answer) -> dict[str, Any]:
    """The export record of an Answer (the app builds the same shape from its chat turn)."""
    return {
        "question": answer.question, "content": answer.text, "warnings": list(answer.warnings),
        "abstained": answer.abstained,
        "sources": [{"n": c.n, "title": c.hit.title, "locator": c.hit.locator,
                     "pages": page_text(c.hit.page_start, c.hit.page_end), "status": c.hit.status,
                     "file_name": c.hit.file_name, "quote": c.quote or c.hit.text} for c in answer.citations],
    }


def _source_line(s: dict[str, Any]) -> str:
    bits = [f"[{s.get('n', '')}] {book_title(str(s.get('title', '')))}{s.get('locator', '')}"]
    bits += [x for x in (s.get("pages", ""), s.get("status", "")) if x]
    return "，".join(bits) + (f"（{s['file_name']}）" if s.get("file_name") else "")


def answer_markdown(rec: dict[str, Any], today: date | None = None) -> str:
    lines = ["# 政策问答记录", "", f"日期：{(today or date.today()).isoformat()}", "",
             f"**问题**：{_md(rec.get('question', ''))}", "", "**回答**：", ""]
    lines += [_md(x) if x.strip() else "" for x in str(rec.get("content", "")).split("\n")]
    for w in rec.get("warnings") or []:
        lines += ["", f"> 注意：{_md(w)}"]
    sources = rec.get("sources") or []
    lines += ["", "## 来源", ""]
    if not sources:
        lines.append("（回答没有引用来源）")
    for s in sources:
        lines.append(f"- {_md(_source_line(s))}")
        if s.get("quote"):
            lines.append(f"  - 引用原文：{_md(s['quote'])}")
    return "\n".join(lines) + "\n"


def answer_docx(rec: dict[str, Any], today: date | None = None) -> bytes:
    doc = _docx_document("政策问答记录")
    doc.add_paragraph(f"日期：{(today or date.today()).isoformat()}")
    para = doc.add_paragraph()
    para.add_run("问题：").bold = True
    para.add_run(_x(rec.get("question", "")))
    doc.add_heading("回答", level=1)
    for line in str(rec.get("content", "")).split("\n"):
        if line.strip():
            doc.add_paragraph(_x(line))
    for w in rec.get("warnings") or []:
        doc.add_paragraph(_x(f"注意：{w}"))
    doc.add_heading("来源", level=1)
    sources = rec.get("sources") or []
    if not sources:
        doc.add_paragraph("（回答没有引用来源）")
    for s in sources:
        doc.add_paragraph(_x(_source_line(s)), style="List Bullet")
        if s.get("quote"):
            doc.add_paragraph(_x(f"引用原文：{s['quote']}"), style="List Bullet 2")
    return _docx_bytes(doc)
