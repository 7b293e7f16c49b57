"""The dates of a version: when it was made, when it takes effect, when it was repealed.

Read from `DocumentMeta` (`date`, `effective_date`, `events`); ISO strings out, '' when unknown.
"""
from __future__ import annotations

import re
from datetime import date as Date

from kb.types import DocumentMeta

_ISO_RE = re.compile(r"(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})")
_VERSION_EVENTS = {"通过", "修订", "修正", "公布", "发布", "成文"}


def to_date(value: str | Date | None) -> Date | None:
    """'2023-10-24' / '2023年10月24日' -> date; None when absent or unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, Date):
        return value
    m = _ISO_RE.search(str(value))
    if not m:
        return None
    try:
        return Date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def version_date(doc: DocumentMeta) -> str:
    """ISO date of this version: `date`, else the latest adoption/amendment/publication
    event, else a date in the file name, else ''."""
    own = to_date(doc.date)
    if own:
        return own.isoformat()
    dated = [d for d in (to_date(e.date) for e in doc.events if e.kind in _VERSION_EVENTS) if d]
    if dated:
        return max(dated).isoformat()
    d = to_date(doc.file_name)
    return d.isoformat() if d else ""


def effective_date(doc: DocumentMeta) -> str:
    """ISO date the version takes effect: `effective_date`, else the 施行 event on or after
    the version date, else ''."""
    d = to_date(doc.effective_date)
    if d:
        return d.isoformat()
    vd = to_date(version_date(doc))
    cands = [c for c in (to_date(e.date) for e in doc.events if e.kind == "施行") if c and (vd is None or c >= vd)]
    return min(cands).isoformat() if cands else ""


def in_force_date(doc: DocumentMeta) -> Date | None:
    """When this version governs: its effective date, else its version date."""
    return to_date(effective_date(doc)) or to_date(version_date(doc))


def own_repeal_date(doc: DocumentMeta) -> Date | None:
    """The earliest 废止 event of the document itself."""
    dates = [d for d in (to_date(e.date) for e in doc.events if e.kind == "废止") if d]
    return min(dates) if dates else None


def origin_date(doc: DocumentMeta) -> Date | None:
    """The first date of the document's own history (adoption or first promulgation)."""
    dates = [d for d in (to_date(e.date) for e in doc.events if e.kind != "废止") if d]
    return min(dates) if dates else to_date(version_date(doc))


def version_sort_key(doc: DocumentMeta) -> tuple[str, str, str]:
    """Versions of one law sort oldest first by this key."""
    return (version_date(doc), effective_date(doc), doc.file_name)


def document_years(doc: DocumentMeta) -> set[str]:
    """The years of a document's own dates: its date, its effective date and its header events
    (通过, 修订, 公布 …)."""
    return {y for y in (doc.date[:4], doc.effective_date[:4], *(e.date[:4] for e in doc.events)) if y}



# A header line that adopts a text (…会议通过), not one passing a 决定 that amends it (…通过的《关于修改…的决定》修正).
# (…会议修订通过 revises the text: no second adoption)
_ADOPTED_LINE = re.compile(r"(?<!修订)(?<!修正)(?<!修改)通过(?:$|[，,；;（(])")


def own_chronology(lines: list[str]) -> list[str]:
    """A header's lines up to where another text's history starts: some published headers carry
    the promulgation lines of every text one 决定 amended (1999年…通过, 2010年…修订, 2019年…修正,
    then 1999年10月…通过 of another regulation). A second adoption, or a date earlier than an
    adoption or revision before it, starts another text's lines. (A 决定 amending the text may be
    listed first, before its adoption: its date is no bound.)"""
    out: list[str] = []
    adopted = False
    last: Date | None = None
    for line in lines:
        when = to_date(line)
        flat = re.sub(r"\s+", "", line)
        decision = "决定" in flat
        adopts = bool(_ADOPTED_LINE.search(flat)) and not decision
        if out and ((adopts and adopted) or (when is not None and last is not None and when < last)):
            break
        adopted = adopted or adopts
        if not decision:
            last = when or last
        out.append(line)
    return out
