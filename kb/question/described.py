"""Documents a question describes without 《》, by place, year, subject and kind (示例省2026年度节能监察
工作通知, 工信部2024年公布的那批绿色工厂名单)."""
from __future__ import annotations

import re
from dataclasses import dataclass

@dataclass(frozen=True)
class DescribedDocument:
    """A document the question describes without 《》 by its year and kind, and perhaps its place
    and subject (示例省2026年度节能监察工作通知, 工信部2024年公布的那批绿色工厂名单)."""

    phrase: str
    place: str  # '' when none is named
    year: str
    topic: frozenset[str]  # the subject's character pairs, without filler (那份, 印发的, 工作 …)


_DESCRIBED_RE = re.compile(
    r"((?:[\u4e00-\u9fff]{2,6}?(?:省|市|自治区|县|区))?(20\d{2})年(?:度)?的?([\u4e00-\u9fff“”\"]{2,24}?)(?:工作)?"
    r"(通知|实施方案|行动方案|方案|规划|意见|名单|公告|办法|计划|要点|指南))"
)
_DESCRIBED_PLACE = re.compile(r"[\u4e00-\u9fff]{2,6}?(?:省|市|自治区|县|区)(?=20\d{2})")
_DESCRIBED_FILLER = re.compile(r"印发的?|发布的?|公布的?|出台的?|发的|那份|那个|那批|这份|这个|关于|开展|组织|加强|做好|进一步|工作|有关|的")


def described_documents(text: str) -> list[DescribedDocument]:
    """The documents `text` describes by place, year, subject and kind (…通知 / …方案 / …名单)."""
    out = []
    for m in _DESCRIBED_RE.finditer(text):
        place = _DESCRIBED_PLACE.match(m.group(1))
        topic = re.sub(r"[^\u4e00-\u9fff]", "", _DESCRIBED_FILLER.sub("", m.group(3)))
        pairs = frozenset(topic[i : i + 2] for i in range(len(topic) - 1))
        if pairs:
            out.append(DescribedDocument(m.group(1), place.group(0) if place else "", m.group(2), pairs))
    return out
