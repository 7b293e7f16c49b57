"""Read a document's metadata from its own text: title, type, issuer, number, dates …

`extract(...)` returns a dict whose keys are `kb.types.DocumentMeta` fields (events as
`DateEvent`s). Everything is read from the header lines (promulgation, adoption,
amendment lines, doc number), the title and the closing articles; nothing is guessed from
outside knowledge. When the text is silent the value stays empty.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ingest import validity
from ingest.official import Layout, info_date, read_layout
from ingest.types import Section
from kb.text.grammar import (
    DATE_RE,
    DATE_DIGIT,
    DOC_NUMBER_RE,
    LEGAL_UNIT_START_RE,
    NUM,
    ORDER_NUMBER_RE,
    PAPER_SIGNS,
    date_iso,
    find_standard_refs,
    parse_date,
)
from kb.text.numerals import to_halfwidth_digits
from kb.types import DateEvent

PROVINCES = (
    "北京市", "天津市", "上海市", "重庆市", "河北省", "山西省", "辽宁省", "吉林省", "黑龙江省",
    "江苏省", "浙江省", "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省", "湖南省",
    "广东省", "海南省", "四川省", "贵州省", "云南省", "陕西省", "甘肃省", "青海省", "台湾省",
    "内蒙古自治区", "广西壮族自治区", "西藏自治区", "宁夏回族自治区", "新疆维吾尔自治区",
    "香港特别行政区", "澳门特别行政区",
)
# Words ending in 市 that are not place names (城市生活垃圾…, 超市…).
_NOT_CITIES = ("城市", "都市", "超市", "门市", "股市", "楼市", "夜市", "集市", "上市", "市场")
_CITY_RE = re.compile(r"^([\u4e00-\u9fff]{2,4}?(?:市|自治州))")
# Any "XX省" at the start: provinces not in the list above are typos or test samples.
_PROVINCE_RE = re.compile(r"^([\u4e00-\u9fff]{2,3}省)")
_CITY_EXTRA_RE = re.compile(r"^([\u4e00-\u9fff]{2,3})经济特区")

# Which event a date line records; the first keyword found (in this order) wins, so
# "…会议通过的《关于修改…的决定》修正" is an amendment, not an adoption.
EVENT_KEYWORDS: tuple[tuple[str, str], ...] = (
    ("修正", "修正"),
    ("修订", "修订"),
    ("废止", "废止"),
    ("公布", "公布"),
    ("发布", "发布"),
    ("印发", "发布"),
    ("施行", "施行"),
    ("实施", "施行"),
    ("通过", "通过"),
)
VERSION_KINDS = ("通过", "修订", "修正", "公布", "发布", "成文")

EFFECTIVE_RE = re.compile(
    r"本[\u4e00-\u9fff（）《》]{0,20}?自\s*(?P<date>[^，。；]{6,20}?日)\s*起\s*(?:施行|实施|执行|生效)"
)
EFFECTIVE_ON_PUBLISH_RE = re.compile(r"自(?:公布|发布|印发|颁布)之日起(?:施行|实施|执行|生效)")
PAPER_MARKERS_RE = re.compile(rf"(?m)^[^\S\n]*(?:\d{{1,2}}[^\S\n]+)?({PAPER_SIGNS})\b")
ISSUER_LINE_RE = re.compile(r"(?m)^\s*(?:发文机关|发布机关|制定机关|颁布机关)\s*[:：]\s*(\S+)")
_ISSUER_ABBREV = {
    "国发": "国务院",
    "国办发": "国务院办公厅",
    "国办函": "国务院办公厅",
    "工信部": "工业和信息化部",
    "工信厅": "工业和信息化部办公厅",
    "发改": "国家发展和改革委员会",
    "环发": "生态环境部",
    "环办": "生态环境部办公厅",
    "财建": "财政部",
    "建科": "住房和城乡建设部",
}
# An issuing body at the end of a notice, just before the date line.
_ORG_LINE_RE = re.compile(
    r"^[\u4e00-\u9fff、（）]{2,40}(?:部|委员会|局|署|总局|人民政府|办公厅|办公室|国务院|中心|协会)$"
)


def title_from(clean_text: str, file_name: str, title_hint: str = "") -> str:
    """Title hint, else a plausible first line, else the file stem minus "(YYYY-MM-DD)"."""
    if title_hint.strip():
        return _squash(title_hint.lstrip("#"))
    for line in clean_text.splitlines():
        t = _squash(line.lstrip("#"))
        if not t:
            continue
        if len(t) <= 80 and not DATE_RE.search(t) and not PAPER_MARKERS_RE.match(t) and not re.match(r"^[\d第（(]", t):
            return t
        break
    # Papers extracted from PDF often carry their title only in the English abstract block.
    m = re.search(r"(?m)^([A-Z][^\n]{10,200})\n\s*Abstract\s*[:：]", clean_text)
    if m:
        return _squash(m.group(1))
    stem = Path(file_name).stem
    return re.sub(r"\s*[（(]\d{4}-\d{2}-\d{2}[)）]\s*$", "", stem).strip()


def _squash(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def header_text(clean_text: str, sections: list[Section] | None) -> str:
    """The header lines (before the first article/chapter), from sections when given."""
    if sections:
        head = [s for s in sections if s.kind == "header"]
        if head:
            return clean_text[head[0].start : head[0].end]
        first = sections[0]
        return clean_text[: first.start] if first.start > 0 else clean_text[:600]
    m = LEGAL_UNIT_START_RE.search(clean_text)
    end = m.start() if m else min(len(clean_text), 1500)
    return clean_text[: min(end, 6000)]


def events_from_header(header: str) -> list[DateEvent]:
    """Dated events from promulgation/adoption/amendment lines, deduplicated, in text order.

    A line may hold several dates ("…通过 根据2020年…修正"): each date's kind is read from
    the text after it on its own line, and when that line has no keyword (a decision's
    title wrapped onto the next line) from the text up to the next date.
    """
    text = to_halfwidth_digits(header)
    matches = [m for m in DATE_RE.finditer(text)]
    events: list[DateEvent] = []
    seen: set[tuple[str, str]] = set()
    for k, m in enumerate(matches):
        iso = date_iso(m)
        if iso is None:
            continue
        next_start = matches[k + 1].start() if k + 1 < len(matches) else len(text)
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end == -1 else line_end
        kind = _event_kind(text[m.end() : min(line_end, next_start)])
        if kind is None:
            kind = _event_kind(text[m.end() : min(next_start, m.end() + 200)])
        if kind is None or (kind, iso) in seen:
            continue
        seen.add((kind, iso))
        line_start = text.rfind("\n", 0, m.start()) + 1
        events.append(DateEvent(kind, iso, text[line_start:line_end].strip()))
    return events


def _event_kind(segment: str) -> str | None:
    return next((kind for word, kind in EVENT_KEYWORDS if word in segment), None)


def effective_from_text(clean_text: str) -> tuple[str | None, bool, str]:
    """(date of 本法自…起施行, says 自公布之日起施行, sentence) from the closing articles."""
    text = to_halfwidth_digits(clean_text)
    # Closing provisions sit at the end; scanning only the tail avoids quoted dates
    # of other documents in the body.
    tail = text[-3000:]
    matches = list(EFFECTIVE_RE.finditer(tail))
    for m in reversed(matches):
        iso = parse_date(m.group("date"))
        if iso:
            return iso, False, m.group(0)
    m = EFFECTIVE_ON_PUBLISH_RE.search(tail)
    if m:
        return None, True, m.group(0)
    return None, False, ""


def closing_date_event(clean_text: str) -> DateEvent | None:
    """A date standing alone near the end (a notice's signature date) as 发布."""
    lines = [ln.strip() for ln in clean_text.splitlines() if ln.strip()]
    for line in reversed(lines[-12:]):
        m = DATE_RE.fullmatch(to_halfwidth_digits(line).strip("（）() "))
        if m and (iso := date_iso(m)):
            return DateEvent("发布", iso, line)
    return None


def region_from_title(title: str) -> str:
    """Province / municipality / city a local document belongs to, from its title."""
    t = title.strip()
    for p in PROVINCES:
        if t.startswith(p):
            return p
    m = _PROVINCE_RE.match(t)
    if m:
        return m.group(1)
    m = _CITY_RE.match(t)
    if m and not any(m.group(1).endswith(w) or w in m.group(1) for w in _NOT_CITIES):
        return m.group(1)
    m = _CITY_EXTRA_RE.match(t)
    if m:
        return m.group(1) + "市"
    return ""


def standards_in(text: str) -> list[str]:
    """All standard numbers (kb.text.grammar.find_standard_refs), canonical ("GB/T 36132-2018"),
    deduplicated in order."""
    out: list[str] = []
    for ref in find_standard_refs(text):
        if ref.code not in out:
            out.append(ref.code)
    return out


def _before_each(marker: str, text: str) -> Iterator[str]:
    """What `([^。；\n]*?)marker` would capture at each match, in linear time: that regex
    restarts at every position of a long line without 。；\n (quadratic on a 5 MB line)."""
    for m in re.finditer(r"[^。；\n]+", text):
        seg, pos = m.group(0), 0
        while (k := seg.find(marker, pos)) != -1:
            yield seg[pos:k]
            pos = k + len(marker)


def repeals_in(clean_text: str) -> list[str]:
    """Titles repealed by this document (…《X》同时废止 / …通过的X同时废止)."""
    out: list[str] = []
    for sentence in _before_each("同时废止", clean_text):
        titles = re.findall(r"《([^《》]+(?:《[^》]*》[^《》]*)?)》", sentence)
        if not titles:
            # Unquoted title: what follows the last 通过的 / 发布的 … before 同时废止.
            tail = re.split(r"(?:通过|发布|公布|印发|颁布|制定)的", sentence)[-1].strip(" ，,")
            titles = [tail] if 2 <= len(tail) <= 60 else []
        for t in titles:
            t = t.strip()
            if t and t not in out:
                out.append(t)
    return out


def order_issuer(m: re.Match) -> str:
    """The issuer named before 令, without the date it may be glued to ("…10日示例市人民政府")."""
    raw, before = m.group(1), m.string[: m.start(1)]
    raw = re.sub(rf"^.*{DATE_DIGIT}日", "", raw) or raw
    if raw.startswith("日") and re.search(rf"{DATE_DIGIT}$", before):
        raw = raw[1:]  # 日 closes the date; a real issuer such as 日照市 follows no digit
    return raw


def doc_number_in(header: str) -> str:
    """Document number: 工信部节〔2016〕225号, 国务院令第736号, 主席令第十六号 …"""
    text = to_halfwidth_digits(header)
    m = ORDER_NUMBER_RE.search(text)
    if m:
        return f"{order_issuer(m)}令第{m.group(2)}号"
    m = DOC_NUMBER_RE.search(text)
    if m:
        return f"{m.group(1)}〔{m.group(2)}〕{m.group(3)}号"
    return ""


def issuer_from(header: str, clean_text: str, doc_number: str, region: str) -> str:
    """The issuing body: a 发文机关 line, the adopting congress, a 令, a number's abbreviation."""
    m = ISSUER_LINE_RE.search(clean_text[:3000])
    if m:
        return m.group(1)
    h = to_halfwidth_digits(header)
    if "最高人民法院" in h:
        return "最高人民法院"
    if "最高人民检察院" in h:
        return "最高人民检察院"
    congress = list(re.finditer(
        rf"((?:[\u4e00-\u9fff]{{2,8}}?(?:省|市|自治区|州))?)第{NUM}届(全国)?人民代表大会(常务委员会)?", h
    ))
    if congress:
        # A local regulation's header may also quote the national law it implements;
        # the congress of the document's own region wins.
        own = [m for m in congress if region and region in m.group(1)]
        m = own[0] if own else congress[0]
        body = "人民代表大会" + (m.group(3) or "")
        if m.group(2):
            return "全国" + body
        # The lazy place group may include a char before the name ("日山东省").
        place = region if region and region in m.group(1) else (m.group(1) or region)
        return place + body if place else body
    if re.search(r"国务院令|国务院第\d+次常务会议|国务院常务会议", h):
        return "国务院"
    m = ORDER_NUMBER_RE.search(h)
    if m and m.group(1) != "主席":
        return order_issuer(m)
    for abbrev, full in sorted(_ISSUER_ABBREV.items(), key=lambda kv: -len(kv[0])):
        if doc_number.startswith(abbrev):
            return full
    # A notice signs off with its issuer on the line before the date.
    lines = [ln.strip() for ln in clean_text.splitlines() if ln.strip()][-8:]
    for k, line in enumerate(lines[:-1]):
        if _ORG_LINE_RE.match(line) and DATE_RE.search(to_halfwidth_digits(lines[k + 1])):
            return line
    return ""


def is_paper(clean_text: str) -> bool:
    """Two or more of 摘要 / 关键词 / 引言 / 参考文献 / Abstract at line starts."""
    found = {re.sub(r"\s+", "", m.group(1)).lower() for m in PAPER_MARKERS_RE.finditer(clean_text)}
    return len(found) >= 2


def doc_type_of(title: str, header: str, clean_text: str, issuer: str, doc_number: str, region: str) -> str:
    """One of kb.types.DOC_TYPES, from title shape first, then header and number."""
    # A trailing （试行） / （2023年修订） is not part of the title's shape.
    t = re.sub(r"[（(][^（）()]*[)）]$", "", title.replace(" ", ""))
    h = to_halfwidth_digits(header)
    kinds = {r.kind for r in find_standard_refs(t)}
    if "国家标准" in kinds:
        return "国家标准"
    if kinds - {"国际标准"}:
        return "行业标准"
    if is_paper(clean_text):
        return "论文/综述"
    if issuer in ("最高人民法院", "最高人民检察院") or re.match(r"^最高人民(?:法院|检察院)", t):
        return "司法解释"
    if region:
        if "人民代表大会" in h or "人民代表大会" in issuer or re.search(r"条例$", t):
            return "地方性法规"
        if "政府令" in h or re.search(r"(办法|规定|细则)$", t) and "人民政府" in (issuer + h):
            return "地方政府规章"
        if re.search(r"规划|纲要|行动方案", t):
            return "规划"
        if re.search(r"通知|意见|决定|公告|方案|办法|规定", t):
            return "规范性文件"
        return "其他"
    if re.match(r"^中华人民共和国.+法$", t) or (
        "全国人民代表大会" in h and re.search(r"(法|决定)$", t)
    ):
        return "法律"
    if "国务院令" in doc_number or re.search(r"国务院第?\d*次?常务会议通过", h) or (
        re.search(r"条例$", t) and not re.search(r"部|委员会|局", issuer)
    ):
        return "行政法规"
    if ORDER_NUMBER_RE.search(doc_number) and re.search(r"(办法|规定|细则|规则|条例)$", t):
        return "部门规章"
    if re.search(r"规划|纲要|行动方案", t):
        return "规划"
    if DOC_NUMBER_RE.search(doc_number) or re.search(r"(通知|意见|公告|通告|决定|指南|办法|方案)$", t):
        return "规范性文件"
    return "其他"


def official_type(title: str) -> str:
    """规划 / 实施方案 / 标准 from an official document's (or its enclosed document's) title."""
    t = re.sub(r"(?:[（(][^（）()]*[)）])+$", "", title.replace(" ", ""))
    if re.search(r"(?:规划|纲要)$", t):
        return "规划"
    if re.search(r"(?:实施方案|工作方案)$", t):
        return "实施方案"
    if re.search(r"标准体系|标准化.{0,6}(?:指南|方案)$|标准$", t) or re.match(r"^(?:DB\d{2}(?:/T)?|T/[A-Z]{2,10})\s*\d", t):
        return "标准"
    if re.search(r"(?:通知|意见|办法|决定|公告|通告|指南|细则|规定|方案|计划|要点)$", t):
        return "规范性文件"
    return ""


def _info_number(layout: Layout) -> str:
    return doc_number_in(layout.info.get("doc_number", ""))


def _official_events(layout: Layout, events: list[DateEvent]) -> list[DateEvent]:
    """The 成文日期 of the 落款 (or the information box) and the box's 发布日期, as events."""
    out = list(events)
    written = layout.signed or info_date(layout.info.get("written", "")) or ""
    if written and ("成文", written) not in {(e.kind, e.date) for e in out}:
        out.append(DateEvent("成文", written, "成文日期"))
    published = info_date(layout.info.get("published", "")) or ""
    if published and ("发布", published) not in {(e.kind, e.date) for e in out}:
        out.append(DateEvent("发布", published, "发布日期"))
    return out


def extract(
    clean_text: str, file_name: str, title_hint: str = "", sections: list[Section] | None = None
) -> dict:
    """Metadata fields of one document (keys as in kb.types.DocumentMeta)."""
    layout = read_layout(clean_text)
    official = layout.official
    title = title_from(clean_text, file_name, title_hint)
    if official and (layout.title or layout.info.get("title")):
        # An official document's title is where the layout puts it: not its 版头 line.
        title = _squash(layout.title or layout.info["title"])
    header = header_text(clean_text, sections)
    region = region_from_title(title)
    doc_number = (layout.doc_number or _info_number(layout)) if official else ""
    doc_number = doc_number or doc_number_in(header)
    issuer = (layout.issuer or layout.info.get("issuer", "")) if official else ""
    issuer = issuer or issuer_from(header, clean_text, doc_number, region)

    events = events_from_header(header)
    if official:
        events = _official_events(layout, events)
    eff, on_publish, eff_text = effective_from_text(clean_text)
    if eff and ("施行", eff) not in {(e.kind, e.date) for e in events}:
        events.append(DateEvent("施行", eff, eff_text))
    if not events and (closing := closing_date_event(clean_text)):
        events.append(closing)

    version = [e.date for e in events if e.kind in VERSION_KINDS]
    date = max(version) if version else ""
    m = re.search(r"[（(](\d{4}-\d{2}-\d{2})[)）]\s*$", Path(file_name).stem)
    if m and m.group(1) > date:
        # A file named for a later version than its header shows (amendment lines
        # missing from the header) is that version.
        date = m.group(1)
    effective = [e.date for e in events if e.kind == "施行"]
    effective_date = max(effective) if effective else ""
    if not effective_date and on_publish:
        published = [e.date for e in events if e.kind in ("公布", "发布")]
        effective_date = max(published) if published else date

    written = (layout.signed or info_date(layout.info.get("written", "")) or "") if official else ""
    if written:
        date = written  # 成文日期: not the 印发 line of the 版记, nor the web page's 发布日期
    elif official and not date:
        date = layout.cover_date  # a plan's cover date, perhaps only a month (2021-12)
    if official and len(layout.issuers) > 1 and title.startswith("".join(layout.issuers)):
        # joint issuers stand apart in a printed title (cleaning glued them): 示例省…厅 示例省…委员会关于…
        title = " ".join(layout.issuers) + title[len("".join(layout.issuers)):]
    doc_type = doc_type_of(title, header, clean_text, issuer, doc_number, region)
    if official:
        doc_type = official_type(layout.enclosed_title or title) or doc_type
    expires = validity.expiry(clean_text, effective_date, date) if official else ""
    return {
        "title": title,
        "doc_type": doc_type,
        "enclosed_title": layout.enclosed_title,
        "repeals_numbers": validity.repealed_numbers(clean_text) if official else [],
        "expires": expires,
        "period_end": validity.period_end(layout.enclosed_title or title, clean_text)
        if doc_type in ("规划", "实施方案") else "",
        "validity": layout.info.get("validity", ""),
        "subject": layout.info.get("subject", ""),
        "issuer": issuer,
        "doc_number": doc_number,
        "date": date,
        "effective_date": effective_date,
        "events": events,
        "region": region,
        "standards": standards_in(clean_text),
        "repeals": repeals_in(clean_text),
    }
