"""The layout of an official document (GB/T 9704 党政机关公文格式), read from its clean text.

    layout = read_layout(clean_text) -> Layout

A 公文 is read as its readers read it, top to bottom:

    版头      发文机关标志 (示例省工业和信息化厅文件, or the issuers' names), 文号 X〔YYYY〕N号
    标题      …关于…的通知/意见/办法/规划, possibly over two lines; a cover notice that 印发
              another document names it: both titles are kept (`title`, `enclosed_title`)
    主送机关  各市工业和信息化局：
    正文      …
    附件说明  附件：1．… 2．…
    落款      issuer(s) and 成文日期 (2023年3月15日 or 二〇二三年三月十五日)
    附件      附件1 and its own title, 1…n
    版记      抄送：… / …办公室 2023年3月16日印发 (furniture: not content, not metadata)

Government web pages put an information box above the text (发文机关, 成文日期, 发布日期,
文号, 主题分类, 有效性); the HTML loader writes it as "标签：值" lines, read here as metadata.
Every part is optional: a law or a paper simply yields an empty `Layout`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from kb.text.grammar import ANNEX_RE, DATE_RE, DOC_NUMBER_RE, date_iso
from kb.text.numerals import to_halfwidth_digits

# Info-box labels of government web pages, and the field each fills.
INFO_LABELS = {
    "索引号": "index_no", "主题分类": "subject", "主题词": "keywords", "发文机关": "issuer", "发布机构": "issuer",
    "成文日期": "written", "发布日期": "published", "发文字号": "doc_number", "文号": "doc_number",
    "标题": "title", "有效性": "validity", "时效": "validity", "生效日期": "effective", "废止日期": "repealed",
    "失效日期": "expires", "文种": "kind",
}
INFO_LINE_RE = re.compile(r"^(" + "|".join(sorted(INFO_LABELS, key=len, reverse=True)) + r")\s*[:：]\s*(.*)$")
# Issuing bodies: what an issuer's name ends with.
ORG_SUFFIX = r"(?:人民代表大会常务委员会|人民政府办公厅|人民政府办公室|委员会|人民政府|办公厅|办公室|总局|厅|委|局|部|署|院|中心|协会|联合会|政府)"
# One quantifier then the suffix: no nested repetition, so no catastrophic backtracking on a long
# line (several names glued together still match; split_issuers parts them).
ORG_LINE_RE = re.compile(rf"^[\u4e00-\u9fff（）()]{{1,80}}{ORG_SUFFIX}$")
BANNER_RE = re.compile(rf"^([\u4e00-\u9fff（）()\s]{{1,80}}{ORG_SUFFIX})\s*文件$")
TITLE_END_RE = re.compile(
    r"(?:通知|意见|办法|规划|方案|决定|公告|通告|指南|函|批复|报告|纲要|细则|规定|规则|标准|要点|计划|意见书|条例|答复)"
    r"(?:[（(][^（）()]{1,20}[）)])*$"
)
ENCLOSED_RE = re.compile(r"(?:印发|转发|发布|颁布)\s*《(.+)》\s*的(?:通知|通告|公告|函)")
MONTH_RE = re.compile(r"^(?P<y>[0-9]{4}|[〇零○一二三四五六七八九]{4})\s*年\s*(?P<m>[0-9]{1,2}|[一二三四五六七八九十]{1,2})\s*月$")
NOTE_RE = re.compile(r"^[（(]\s*此件.{0,20}[）)]$|^[（(]\s*联系人.*[）)]$")
COPY_RE = re.compile(r"^(?:抄送|抄报|分送|发送)\s*[:：]")
PRINTED_RE = re.compile(r"^.{2,40}?\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印\s*发$")
# 主送机关: 各市…： / several bodies …、…： / one superior body alone (a 请示 or 报告 to 示例市人民政府：).
ADDRESSEE_RE = re.compile(
    r"^(?:各|[\u4e00-\u9fff]{2,30}(?:局|厅|委|部|政府|单位|公司|院|会)[，、])[^。；]{0,100}[：:]$"
    rf"|^[\u4e00-\u9fff（）]{{2,40}}{ORG_SUFFIX}[：:]$"
)
HEAD_LINES = 14  # the 版头 and title are among the first lines


@dataclass
class Line:
    start: int
    end: int  # offset of the line's end (without the newline)
    text: str  # stripped


@dataclass
class Layout:
    banner: list[str] = field(default_factory=list)
    doc_number: str = ""
    title: str = ""
    enclosed_title: str = ""
    addressee: str = ""
    issuers: list[str] = field(default_factory=list)
    signed: str = ""  # 成文日期, ISO
    signoff: tuple[int, int] | None = None  # offsets of the 落款 (issuer lines … date, notes)
    furniture: tuple[int, int] | None = None  # offsets of the 版记 (抄送 … 印发)
    info: dict[str, str] = field(default_factory=dict)  # information-box fields (INFO_LABELS values)
    head_end: int = 0  # offset just past the 版头 / title / 主送 lines
    cover_date: str = ""  # a date under the title (a plan's cover: 二〇二一年十二月 → 2021-12)

    @property
    def issuer(self) -> str:
        return "、".join(self.issuers)

    @property
    def official(self) -> bool:
        """Laid out as a 公文 (or published with an information box), not a law or a paper."""
        return bool(self.doc_number or self.banner or self.addressee or self.signoff or self.info)


def lines_of(text: str) -> list[Line]:
    out: list[Line] = []
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            out.append(Line(pos + lead, pos + lead + len(stripped), stripped))
        pos += len(raw) + 1
    return out


def full_date(text: str) -> str:
    """ISO date when `text` is a date alone (2023年3月15日, 二〇二三年三月十五日), else ''."""
    if len(text) > 30:
        return ""
    t = to_halfwidth_digits(text).strip("（）() ").replace(" ", "")
    m = DATE_RE.fullmatch(t)
    return (date_iso(m) or "") if m else ""


NUMERIC_DATE_RE = re.compile(r"((?:19|20)\d{2})\s*[-/.．]\s*(\d{1,2})\s*[-/.．]\s*(\d{1,2})")


def info_date(value: str) -> str:
    """ISO date of an information-box value: 2025年4月2日, or the numeric forms web pages
    print (2025-04-02, 2025/4/2, 2025.04.02); '' when it holds none."""
    iso = full_date(value)
    if iso:
        return iso
    m = NUMERIC_DATE_RE.search(to_halfwidth_digits(value))
    if not m:
        return ""
    y, mo, d = (int(g) for g in m.groups())
    return f"{y:04d}-{mo:02d}-{d:02d}" if 1 <= mo <= 12 and 1 <= d <= 31 else ""


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def read_layout(text: str) -> Layout:
    lines = lines_of(text)
    layout = Layout()
    if not lines:
        return layout
    body_from = _read_info(lines, layout)
    _read_head(lines, body_from, layout)
    _read_furniture(lines, layout)
    _read_signoff(lines, layout)
    return layout


def _read_info(lines: list[Line], layout: Layout) -> int:
    """Information-box lines among the first lines; returns the index after the last one."""
    last = -1
    for i, ln in enumerate(lines[:30]):
        m = INFO_LINE_RE.match(ln.text)
        if not m:
            continue
        key, value = INFO_LABELS[m.group(1)], m.group(2).strip(" |")
        if value and key not in layout.info:
            layout.info[key] = value
        last = i
    return last + 1 if len(layout.info) >= 2 else 0


def _read_head(lines: list[Line], first: int, layout: Layout) -> None:
    """版头 (banner, 文号), title (one or more lines), 主送 among the first lines."""
    i = first
    n = min(len(lines), first + HEAD_LINES)
    title_lines: list[Line] = []
    while i < n:
        t = lines[i].text
        flat = _squash(t)
        if not title_lines and _banner_like(flat, layout):
            layout.banner.append(t)
        elif is_number_line(t):
            if not layout.doc_number:
                layout.doc_number = _number(t)
            if title_lines:
                break_after = i
                layout.head_end = lines[break_after].end
        elif title_lines and (ADDRESSEE_RE.match(t) or t.endswith(("：", ":")) and len(t) <= 120 and "。" not in t):
            layout.addressee = t.rstrip("：:")
            layout.head_end = lines[i].end
            break
        elif full_date(t) or month_date(t):
            if title_lines:
                layout.head_end = lines[i].end
                layout.cover_date = layout.cover_date or full_date(t) or month_date(t)
        elif _title_like(t, title_lines):
            title_lines.append(lines[i])
            layout.head_end = lines[i].end
        else:
            break
        i += 1
    title = "".join(_squash_title(ln.text) for ln in title_lines)
    if title and TITLE_END_RE.search(title):
        layout.title = title
        m = ENCLOSED_RE.search(title)
        if m:
            layout.enclosed_title = m.group(1)


def _banner_like(flat: str, layout: Layout) -> bool:
    """A 发文机关标志 line: …文件, or issuers' names alone. The 版头 is above the 文号: names below
    it open the title (示例市生态环境局 示例市发展和改革委员会 / 关于…的通知)."""
    if len(flat) > 80:
        return False
    if BANNER_RE.match(flat):
        return True
    return not layout.doc_number and len(flat) <= 40 and bool(ORG_LINE_RE.match(flat)) and not TITLE_END_RE.search(flat)


def _squash_title(text: str) -> str:
    """Title text without layout spaces between CJK, keeping one between two issuers' names."""
    return re.sub(r"\s+", " ", text).strip()


def _title_like(text: str, so_far: list[Line]) -> bool:
    """A line of the title: no sentence punctuation; the title is at most three lines."""
    if len(so_far) >= 3 or len(text) > 80 or re.search(r"[。；;！？]", text) or text.endswith(("：", ":")):
        return False
    if so_far and TITLE_END_RE.search("".join(_squash(s.text) for s in so_far)):
        return False  # the title is complete
    return True


def is_number_line(text: str) -> bool:
    """A line that is a 文号 (示工信节〔2023〕15号), perhaps with a few words around it."""
    if len(text) > 60 or "号" not in text:
        return False
    m = DOC_NUMBER_RE.search(to_halfwidth_digits(text))
    return bool(m) and len(_squash(text)) <= len(m.group(0)) + 12 and not text.endswith("。")


def _number(text: str) -> str:
    m = DOC_NUMBER_RE.search(to_halfwidth_digits(text))
    return f"{m.group(1)}〔{m.group(2)}〕{m.group(3)}号" if m else ""


def _read_furniture(lines: list[Line], layout: Layout) -> None:
    """The 版记 at the end: from the first 抄送 / …印发 line of the last lines to the end."""
    tail = lines[-6:]
    for ln in tail:
        if COPY_RE.match(ln.text) or PRINTED_RE.match(ln.text):
            layout.furniture = (ln.start, lines[-1].end)
            return


def _read_signoff(lines: list[Line], layout: Layout) -> None:
    """落款: issuer line(s) then the 成文日期, before the annexes (or the end / 版记)."""
    limit = layout.furniture[0] if layout.furniture else lines[-1].end + 1
    head_end = layout.head_end
    for k, ln in enumerate(lines):
        if ln.start >= limit:
            break
        if ln.start < head_end:
            continue
        iso = full_date(ln.text) or month_date(ln.text)  # 二〇二一年十一月: a month is all some give
        if not iso:
            continue
        issuers, first = _issuers_above(lines, k, layout)
        if not issuers:
            continue
        if not _ends_body(lines, k, limit, layout):
            continue
        end = ln.end
        if k + 1 < len(lines) and NOTE_RE.match(lines[k + 1].text) and lines[k + 1].start < limit:
            end = lines[k + 1].end
        layout.issuers, layout.signed = issuers, iso
        layout.signoff = (lines[first].start, end)
        return


def _ends_body(lines: list[Line], k: int, limit: int, layout: Layout) -> bool:
    """The date closes the body: the end, a note, the 版记, an annex or the document the
    notice 印发 follows."""
    rest = [ln for ln in lines[k + 1 :] if ln.start < limit]
    if not rest:
        return True
    nxt = rest[0].text
    return bool(NOTE_RE.match(nxt) or ANNEX_RE.match(nxt)) or opens_enclosed(nxt, layout)


def opens_enclosed(text: str, layout: Layout) -> bool:
    """`text` is (the first line of) the enclosed document's title: many cover notices print
    the document they 印发 right after the 落款, without an 附件 line."""
    enclosed, line = _squash(layout.enclosed_title), _squash(text)
    return bool(enclosed) and len(line) >= min(8, len(enclosed)) and enclosed.startswith(line)


def _issuers_above(lines: list[Line], k: int, layout: Layout) -> tuple[list[str], int]:
    """The issuer names on the 1–3 lines above the date line k, and the first line's index."""
    names: list[str] = []
    first = k
    for j in range(k - 1, max(-1, k - 4), -1):
        flat = _squash(lines[j].text)
        if len(flat) > 80 or not ORG_LINE_RE.match(flat):
            break
        names = split_issuers(lines[j].text, layout) + names
        first = j
    return names, first


def split_issuers(line: str, layout: Layout | None = None) -> list[str]:
    """Issuer names on one sign-off line: spaced apart, or glued by cleaning.

    Glued names are split with the names the 版头 and title already gave, else before each
    repetition of the first name's region (示例省…厅示例省…委员会)."""
    parts = [p for p in re.split(r"\s{2,}|\s(?=[\u4e00-\u9fff])", line.strip()) if p]
    if len(parts) > 1 and all(ORG_LINE_RE.match(p) for p in parts):
        return parts
    flat = _squash(line)
    known = _split_known(flat, _known_issuers(layout) if layout else [])
    if len(known) > 1:
        return known
    # A single "known" name may itself be the glued names of a title's prefix: the region
    # repeated inside it still parts them.
    return _split_at_region(flat) or known or [flat]


def _split_known(flat: str, known: list[str]) -> list[str]:
    """`flat` read as a run of the known names, else []."""
    out: list[str] = []
    rest = flat
    while rest:
        hit = next((name for name in sorted(known, key=len, reverse=True) if rest.startswith(name)), None)
        if hit is None:
            return []
        out.append(hit)
        rest = rest[len(hit) :]
    return out


def _split_at_region(flat: str) -> list[str]:
    """示例省…厅示例省…委员会 → its names, cut before each repetition of the first name's region."""
    m = re.match(r"^(国家|中华人民共和国|[\u4e00-\u9fff]{2,6}?(?:省|市|自治区|自治州|县|区))", flat)
    if not m:
        return []
    starts = [x.start() for x in re.finditer(re.escape(m.group(1)), flat)]
    pieces = [flat[a:b] for a, b in pairwise([*starts, len(flat)])]
    return pieces if len(pieces) > 1 and all(ORG_LINE_RE.match(p) for p in pieces) else []


def _known_issuers(layout: Layout) -> list[str]:
    """Issuer names the 版头, the information box or the title's prefix spell out, in that order
    of trust (the title's prefix may itself be several names glued by cleaning)."""
    names: list[str] = []
    for b in layout.banner:
        m = BANNER_RE.match(_squash(b))
        text = m.group(1) if m else b
        names += [p for p in re.split(r"\s+", text.strip()) if p]
    if layout.info.get("issuer"):
        names += re.split(r"[\s、，,]+", layout.info["issuer"])
    if not names and "关于" in layout.title:
        names += [p for p in re.split(r"[\s、]+", layout.title.split("关于", 1)[0]) if p]
    return [_squash(n) for n in names if ORG_LINE_RE.match(_squash(n))]


def month_date(text: str) -> str:
    """'二〇二一年十二月' / '2021年12月' → '2021-12', else ''."""
    from kb.text.numerals import cn_to_int

    if len(text) > 24:
        return ""
    m = MONTH_RE.match(to_halfwidth_digits(text).replace(" ", ""))
    if not m:
        return ""
    try:
        y, mo = cn_to_int(m.group("y")), cn_to_int(m.group("m"))
    except ValueError:
        return ""
    return f"{y:04d}-{mo:02d}" if 1900 <= y <= 2100 and 1 <= mo <= 12 else ""
