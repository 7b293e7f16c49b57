"""The dated events of each law's life: adoption, promulgation, amendments and revisions, entry
into force, repeal — read from `DocumentMeta.events` of its versions and from the repeal links of
the version graph; and the two tables of the app's 时间线 page.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from kb.versions.dates import effective_date, to_date, version_date
from kb.versions.graph import Family, VersionGraph
from kb.text.titles import book_title

# Order of events that share a date (a law is adopted, then promulgated, then in force).
EVENT_ORDER = {"通过": 0, "修订": 1, "修正": 1, "发布": 2, "公布": 2, "施行": 3, "废止": 4, "其他": 5}


@dataclass
class TimelineEvent:
    date: str  # ISO
    kind: str  # 通过 | 公布 | 发布 | 修订 | 修正 | 施行 | 废止 | 其他
    title: str  # the law's title (display)
    doc_id: str  # the document the event was read from
    family: str  # family key
    text: str = ""  # the source line
    file_name: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def event_sort_key(e: TimelineEvent) -> tuple[str, int, str]:
    return (e.date, EVENT_ORDER.get(e.kind, 9), e.family)


def family_events(graph: VersionGraph, f: Family) -> list[TimelineEvent]:
    """The events of one family, sorted by date. An event repeated in the headers of several
    versions appears once, cited from the newest version."""
    events: dict[tuple[str, str], TimelineEvent] = {}
    # Newest version first: its header carries the fullest history and the current title.
    for d in reversed(f.versions):
        for e in d.events:
            iso = to_date(e.date)
            if not iso:
                continue
            k = (iso.isoformat(), e.kind)
            if k not in events:
                events[k] = TimelineEvent(iso.isoformat(), e.kind, f.title, d.doc_id, f.key, e.text, d.file_name)
        eff = effective_date(d)
        if eff and (eff, "施行") not in events:
            events[(eff, "施行")] = TimelineEvent(eff, "施行", f.title, d.doc_id, f.key, "", d.file_name)
        vd = version_date(d)
        if vd and not any(k[0] == vd for k in events):
            events[(vd, "其他")] = TimelineEvent(vd, "其他", f.title, d.doc_id, f.key, "版本日期", d.file_name)
    if f.replaced_by_doc and f.replaced_by_doc in graph.docs:
        rep = graph.docs[f.replaced_by_doc]
        when = effective_date(rep) or version_date(rep)
        if when:
            events[(when, "废止")] = TimelineEvent(
                when, "废止", f.title, rep.doc_id, f.key, f"被{book_title(rep.title)}废止", rep.file_name
            )
    return sorted(events.values(), key=event_sort_key)


def timeline_events(graph: VersionGraph, family: str | None = None) -> list[TimelineEvent]:
    """Dated events of every family (or of the families `family`, a key or title, names),
    sorted by date. Repeals of documents outside the KB are listed under the repealing family
    ("废止", text names the repealed title)."""
    out: list[TimelineEvent] = []
    for f in graph.families_named(family) if family else graph.families:
        out.extend(family_events(graph, f))
        latest = f.latest
        for title in f.repeals_outside:
            when = effective_date(latest) or version_date(latest)
            if when:
                out.append(TimelineEvent(when, "废止", title.strip("《》"), latest.doc_id, f.key,
                                         f"{book_title(title)}同时废止", latest.file_name))
    return sorted(out, key=event_sort_key)


def timeline_frame(graph: VersionGraph, family: str | None = None):
    """Timeline as a pandas DataFrame for charts: columns date (datetime64), kind, title,
    family, doc_id, file_name, text, status (of the source document)."""
    import pandas as pd

    rows = [{**e.to_dict(), "status": graph.status.get(e.doc_id, "")} for e in timeline_events(graph, family)]
    cols = ["date", "kind", "title", "family", "doc_id", "file_name", "text", "status"]
    frame = pd.DataFrame(rows, columns=cols)
    frame["date"] = pd.to_datetime(frame["date"], errors="coerce")
    return frame


def versions_frame(graph: VersionGraph):
    """One row per document: family, title, file_name, doc_type, date, effective_date,
    status, replaced_by — the table of the app's version page."""
    import pandas as pd

    rows = [
        {
            "family": f.key,
            "title": d.title,
            "file_name": d.file_name,
            "doc_type": d.doc_type,
            "date": version_date(d),
            "effective_date": effective_date(d),
            "status": graph.status.get(d.doc_id, ""),
            "replaced_by": f.replaced_by or "",
            "doc_id": d.doc_id,
        }
        for f in graph.families
        for d in f.versions
    ]
    return pd.DataFrame(rows, columns=["family", "title", "file_name", "doc_type", "date",
                                       "effective_date", "status", "replaced_by", "doc_id"])
