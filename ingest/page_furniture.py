"""Page furniture of paged sources (PDF): page-number lines (— 1 —, 第1页 共5页, 1/5, Page 1 of 5)
and running headers/footers repeated at the top or bottom of many pages. `strip_page_furniture`
removes them before the lines are joined (ingest.clean)."""
from __future__ import annotations

import re
from collections import Counter

_DASHES = "—–\\-－―─~～_"
_PAGE_NUMBER_RES = (
    re.compile(rf"^[{_DASHES}]+\s*\d{{1,4}}\s*[{_DASHES}]+$"),  # — 1 —, - 1 -, -1-
    re.compile(r"^第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?$"),  # 第1页 共5页
    re.compile(r"^共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页$"),
    re.compile(r"^\d{1,4}\s*/\s*\d{1,4}$"),  # 1/5
    re.compile(r"(?i)^page\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?$"),  # Page 1 of 5
    re.compile(r"^[·•]\s*\d{1,4}\s*[·•]$"),
)
_BARE_NUMBER_RE = re.compile(r"^\d{1,4}$")
_EDGE = 2  # page numbers are looked for among the first/last 2 non-blank lines
_ZONE = 3  # running headers/footers among the first/last 3 non-blank lines
_SENTENCE_END = "。！？；!?;"


def is_page_number(line: str, at_edge: bool = False) -> bool:
    """A page-number line (— 1 —, 第1页 共5页, 1/5, Page 1 of 5); a bare number only at_edge."""
    line = line.strip()
    if any(r.match(line) for r in _PAGE_NUMBER_RES):
        return True
    return at_edge and bool(_BARE_NUMBER_RE.match(line))


def furniture_key(line: str) -> str:
    """Comparison key for running lines: no whitespace, every digit run → '#'."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", line))


def find_running_lines(pages: list[list[str]]) -> set[str]:
    """Keys of lines repeated at the top or bottom of many pages (≥3, or ≥half and ≥2).

    Lines ending a sentence are never furniture: short tails like "作。" often open pages.
    """
    counts: Counter[str] = Counter()
    for lines in pages:
        counts.update({furniture_key(lines[i]) for i in _zone_indexes(lines, _ZONE)})
    n = len(pages)
    return {
        key
        for key, count in counts.items()
        if count >= 2
        and (count >= 3 or 2 * count >= n)
        and len(key) >= 2
        and key.strip("#")
        and key[-1] not in _SENTENCE_END
    }


def strip_page_furniture(pages: list[list[str]]) -> tuple[list[list[str]], list[str]]:
    """Drop running headers/footers and page-number lines; return (pages, removed lines)."""
    running = find_running_lines([_without_page_numbers(p)[0] for p in pages])
    kept_pages: list[list[str]] = []
    removed: list[str] = []
    for lines in pages:
        lines, gone = _without_page_numbers(lines)
        removed += gone
        zone = set(_zone_indexes(lines, _ZONE))
        keep = []
        for i, line in enumerate(lines):
            if i in zone and furniture_key(line) in running:
                removed.append(line)
            else:
                keep.append(line)
        # a page number may sit beyond a header ("国务院公报" / "— 3 —"): second pass
        keep, gone = _without_page_numbers(keep)
        removed += gone
        kept_pages.append(keep)
    return kept_pages, removed


def _without_page_numbers(lines: list[str]) -> tuple[list[str], list[str]]:
    """Remove page-number lines among the first/last `_EDGE` non-blank lines of a page."""
    nonblank = [i for i, line in enumerate(lines) if line.strip()]
    if not nonblank:
        return lines, []
    edge = set(nonblank[:_EDGE] + nonblank[-_EDGE:])
    outer = {nonblank[0], nonblank[-1]}
    drop = {i for i in edge if is_page_number(lines[i], at_edge=i in outer)}
    return [ln for i, ln in enumerate(lines) if i not in drop], [lines[i] for i in sorted(drop)]


def _zone_indexes(lines: list[str], size: int) -> list[int]:
    nonblank = [i for i, line in enumerate(lines) if line.strip()]
    return sorted(set(nonblank[:size] + nonblank[-size:]))
