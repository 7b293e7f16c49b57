"""A penalty that is another document's to state: 依照《中华人民共和国水法》第六十六条的规定处罚.

Many regulations punish a conduct by pointing at the law that sets the sanction. When that law
is not indexed, the knowledge base cannot say how much the fine is — the passage only says
where it is stated. An answer to 罚多少 must then say so instead of quoting the pointer as if it
answered; an answer to 怎么处罚 may quote it, with a note that the document it points at is not
indexed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from kb.text.titles import book_title

# 依照《X》(第N条)(的)(有关)规定(予以)处罚 — the sanction stated elsewhere
_REFERRAL = re.compile(
    r"(?:依照|按照|依据|根据)\s*《([^》]{2,40})》\s*((?:第[零〇一二三四五六七八九十百千]+条)?)"
    r"(?:的)?(?:有关|相关)?(?:规定)?(?:予以|给予|进行)?(?:处罚|处理|追究|执行|给予处罚|实施处罚)"
)


@dataclass(frozen=True)
class Referral:
    title: str  # as the passage writes it (中华人民共和国水法)
    article: str  # 第六十六条, or '' when the whole document is pointed at

    @property
    def phrase(self) -> str:
        return f"{book_title(self.title)}{self.article}"


def unindexed_referral(text: str, aliases: Any) -> Referral | None:
    """The first document `text` leaves its sanction to that the index does not hold (None when
    it points at none, or every one it points at is indexed, or there is no title table)."""
    if aliases is None or not hasattr(aliases, "resolve"):
        return None
    for m in _REFERRAL.finditer(text or ""):
        title = m.group(1).strip()
        if aliases.resolve(title) is None:
            return Referral(title, m.group(2))
    return None


def aliases_of(catalog: Any) -> Any:
    """The title table of the index behind `catalog` (None without a searcher)."""
    return getattr(getattr(catalog, "source", None), "aliases", None)
