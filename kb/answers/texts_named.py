"""Which texts a question, or a part or side of it, names: by title (a shorter title inside a longer
one named is not named), by place (山东的地方条例), by level (国家法律) or by kind (行政法规) — and
whether a second document is worth quoting beside the lead's."""
from __future__ import annotations

import re

from kb.answers.units import short_title
from kb.index.lexical import normalize
from kb.question.reading import ParsedQuestion
from kb.text.titles import title_key
from kb.types import SearchHit

# A local text's title opens with its place (山东省…条例, 北京市实施…办法).
LOCAL = re.compile(r"^(.{2,8}?)(?:省|市|自治区|特别行政区)")


def other_doc_relevant(pq: ParsedQuestion, other: SearchHit, main: SearchHit) -> bool:
    """A second document is worth quoting when the question names it, or when one of the two
    implements the other (a local 实施《X》办法 and the national X)."""
    q = pq.folded
    st = normalize(short_title(other.title))
    named = [normalize(short_title(n)) for n in pq.named]
    if st and any(n == st or (n in st and len(n) >= len(st) - 2) for n in named):
        return True
    if title_key(other.title or "") in pq.documents:  # named without 《》, resolved against the index
        return True
    if st and not named and st in q and not any(st in d and st != d for d in map(normalize, pq.documents)):
        return True  # (噪声污染防治法 is in 环境噪声污染防治法, which names another text)
    a, b = normalize(short_title(main.title)), st
    place = LOCAL.match(other.title or "")
    if place and normalize(place.group(1)) not in q:
        return False  # a local implementing rule answers questions about its place only
    refs_a = re.findall(r"《([^》]+)》", a)
    refs_b = re.findall(r"《([^》]+)》", b)
    if any(r and r in b for r in refs_a) or any(r and r in a for r in refs_b):
        return True
    return False


def of_level(h: SearchHit, side: ParsedQuestion) -> bool:
    """Whether `h` is of the texts a side names by level (国家法律: a national text; 山东省条例: a text
    of that place), told by the title's place."""
    place = LOCAL.match(h.title or "")
    if side.text_level == "national":
        return place is None
    return place is not None and any(r in place.group(1) for r in side.regions)


def named_by(part: ParsedQuestion, hits: list[SearchHit]) -> set[str]:
    """The documents among `hits` a part of a question names, by title or by its place (山东的地方条例
    …？国家清洁生产促进法…？: each part is answered from its own text)."""
    out: set[str] = set()
    kinds = [title for named, title in _KIND_NAMED if named.search(part.text)] if not part.documents else []
    for h in hits:
        title = title_key(h.title or "")
        place = LOCAL.match(h.title or "")
        if any(d in title for d in part.documents) or (place and any(r in place.group(1) for r in part.regions)):
            out.add(h.doc_id)
        elif place is None and any(k.search(title) for k in kinds):
            out.add(h.doc_id)
    return out


# A part naming texts by their kind only (行政法规对处理企业有什么要求): the national texts of that kind.
_KIND_NAMED = ((re.compile(r"行政法规"), re.compile(r"条例$")),
               (re.compile(r"规章"), re.compile(r"(?:办法|规定|细则)$")))
