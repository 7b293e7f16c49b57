"""Passages cut into units an answer can quote: sentences (…。), list intros (…：), list items
(（一）…), and — inside a very long sentence — clauses (…；).

Display normalisation only: hard line breaks inside a sentence (PDF extraction) are joined and
spaces next to Chinese characters dropped. Figures, amounts, deadlines and authorities are
never touched.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from kb.answers.hostile import strip_hostile
from kb.index.lexical import normalize
from kb.text.grammar import ARTICLE_PREFIX_RE, HEADING_ONLY_RE, ITEM_START_RE, STRUCK_OUT_RE

_CJK = r"\u4e00-\u9fff"


def clean_display(text: str) -> str:
    """Join hard-wrapped lines and drop spaces next to Chinese characters; keep all else."""
    t = text.replace("\u3000", " ")
    t = re.sub(rf"(?<=[{_CJK}，。、；：（）“”《》！？\d%％])\s+(?=[{_CJK}，。、；：（）“”《》！？])", "", t)
    t = re.sub(rf"(?<=[{_CJK}，。、；：（）“”《》])\s+(?=[\dA-Za-z])", "", t)
    t = re.sub(rf"(?<=[\dA-Za-z%％])\s+(?=[{_CJK}，。、；：（）])", "", t)
    t = re.sub(r"\s+", " ", t)
    return t.strip()


def _logical_lines(text: str, keep_lines: bool = False) -> list[str]:
    """Lines of a passage with hard wraps undone: a line continues unless it ends a sentence
    or the next one starts a list item. Chapter headings are dropped (the locator says where)."""
    raw = [ln.strip() for ln in text.replace("\r", "").split("\n")]
    raw = [ln for ln in raw if ln and not HEADING_ONLY_RE.match(ln)]
    if keep_lines:
        return raw
    out: list[str] = []
    for ln in raw:
        if out and (" | " in ln or " | " in out[-1]):
            out[-1] = out[-1] + "；" + ln  # a table chunk: caption, header and row as one unit, kept apart
        elif out and not re.search(r"[。！？；：!?;:]$", out[-1]) and not ITEM_START_RE.match(ln) and not ARTICLE_PREFIX_RE.match(ln):
            out[-1] = out[-1] + "\n" + ln  # clean_display decides whether a space survives
        else:
            out.append(ln)
    return out


@dataclass
class Unit:
    hit: int  # index into the hits list
    pos: int  # order inside the passage
    text: str  # display text (verbatim, whitespace-normalised)
    kind: str = "sent"  # sent | item | intro
    intro: int | None = None  # pos of the intro unit a list item belongs to
    score: float = 0.0
    cues: set[str] = field(default_factory=set)


LONG_SENTENCE = 220  # longer sentences are cut at ；


def _parts(line: str) -> list[str]:
    """Sentences (…。), list intros (…：) and, inside a very long sentence, clauses (…；)."""
    out: list[str] = []
    for sent in re.findall(r"[^。！？!?：:]+[。！？!?：:]*", line):
        if len(sent) > LONG_SENTENCE:
            out += re.findall(r"[^；;]+[；;]*", sent)
        else:
            out.append(sent)
    return out


def in_force(text: str) -> str:
    """The text without the provisions a later amendment struck out (STRUCK_OUT_RE)."""
    return "\n".join(line for line in text.split("\n") if not STRUCK_OUT_RE.search(line))


def split_units(text: str, hit_index: int = 0, header: bool = False) -> list[Unit]:
    units: list[Unit] = []
    current_intro: int | None = None
    text = strip_hostile(text)[0]  # text addressed to the reader or the model is never an answer
    for line in _logical_lines(text, keep_lines=header):
        line = clean_display(line)
        line = ARTICLE_PREFIX_RE.sub("", line, count=1)
        if not line or STRUCK_OUT_RE.search(line):
            continue  # a provision struck out by a later amendment is no longer the law
        is_item = bool(ITEM_START_RE.match(line))
        if not is_item:
            current_intro = None
        if header:  # promulgation lines: one event a line
            units.append(Unit(hit_index, len(units), line, "sent"))
            continue
        parts = _parts(line)
        for pi, part in enumerate(parts):
            part = part.strip()
            if not part or not re.search(rf"[{_CJK}0-9A-Za-z]", part):
                continue
            pos = len(units)
            if is_item:
                # an item line stays one unit: (一) … ； is the natural clause
                if pi > 0:
                    units[-1].text += part
                    continue
                units.append(Unit(hit_index, pos, part, "item", current_intro))
                continue
            is_intro = part.endswith(("：", ":")) and bool(re.search(r"下列|以下|如下|包括|之一|情形|规定", part)) or (
                part.endswith(("：", ":")) and pi == len(parts) - 1
            )
            units.append(Unit(hit_index, pos, part, "intro" if is_intro else "sent"))
            if is_intro:
                current_intro = pos
    return units


def short_title(title: str) -> str:
    t = title.strip()
    if t and not re.search(rf"[{_CJK}]", t):
        return f"文献 {t}"  # an untitled file: its name is all we have
    for p in ("中华人民共和国",):
        if t.startswith(p) and len(t) > len(p) + 1:
            t = t[len(p) :]
    return t


def about_topic(terms: tuple[str, ...] | list[str], text: str, place: str) -> bool:
    """Whether a place's local rule `text` holds one of the question's topical terms besides the
    place itself (Beijing's energy rules are found by 北京 alone for a question on fireworks)."""
    body = normalize(text)
    names = [place + suffix for suffix in ("", "市", "省", "自治区")]  # and the pieces of 上海市 (海市)
    return any(len(t) >= 2 and not any(t in n or n in t for n in names) and normalize(t) in body for t in terms)
