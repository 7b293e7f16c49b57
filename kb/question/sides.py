"""The two sides of a comparison asked in one sentence (A和B有什么不同, A跟B罚款一样吗, A和B分别…):
each side is read as a question of its own, so that an answer can quote the passage on each.

    对受威胁区采取的措施和对疫点采取的措施有什么不同
        → 对受威胁区采取的措施 | 对疫点采取的措施
    没有许可就生产炸药，和没有许可就运输炸药，罚款幅度一样吗
        → 没有许可就生产炸药，罚款幅度 | 没有许可就运输炸药，罚款幅度
    走简易程序和一般调查程序，分别需要几名交警
        → 走简易程序，需要几名交警 | 一般调查程序，需要几名交警

A comparison of two versions or two named documents is not split here: other rules quote each.
"""
from __future__ import annotations

import re

from kb.index.lexical import bigrams
from kb.question.versions_asked import EARLIER_VERSION

# What the two sides are compared on; 各是 / 分别 keep what follows them (各是多少 → 是多少).
# (是不是同一个部门 compares on what follows it: 部门)
_DIFFERENCE = re.compile(r"(?:有什么|有何|有哪些|存在什么|有没有)?(?:不同|区别|差别|差异|异同)|(?:是不是|是否)?(?:一样|相同)"
                         r"|(?:是不是|是否|是)同一(?:个|家|级|种)?")
EACH_RE = re.compile(r"各自|各(?:是|为|有|要|需|需要|应当)|分别")
# How two sides are joined: after a comma first (…生产炸药，和没有许可就运输…), then plainly.
_JOINERS = ("，和", "，跟", "，与", "和", "跟", "与")
_CONTEXT_END = re.compile(r"[，,：:]")
_BOTH = re.compile(r"^(?:两者|二者|这两者|两种情况|两种|这两种)+")
_VERSIONS = re.compile(r"新旧|修订前|修订后|修改前|修改后|" + EARLIER_VERSION + r"|原来|老的|新的|旧版|新版")
MIN_SIDE = 3  # characters of a side


def compare_sides(text: str) -> tuple[str, str] | None:
    """The two sides as texts to read, or None when the question compares no two things in one
    sentence (or compares versions)."""
    text = text.replace(",", "，").replace("?", "？")  # a read question has its punctuation folded
    if _VERSIONS.search(text) or "？" in text.rstrip("？"):
        return None
    diff, each = _DIFFERENCE.search(text), EACH_RE.search(text)
    m = min((x for x in (diff, each) if x), key=lambda x: x.start(), default=None)
    if m is None or m.start() < 2 * MIN_SIDE:
        return None
    before = text[:m.start()]
    if m is diff:
        after = text[m.end():].rstrip("？。吗 ") if "同一" in m.group() else ""
    else:
        after = re.sub(r"^(?:各自|各|分别)", "", text[m.start():]).rstrip("？。 ")
    split: tuple[tuple[int, int], str, str, str] | None = None  # ((parallelism, -rank), left, right, shared)
    for rank, joiner in enumerate(_JOINERS):
        for j in (k.start() for k in re.finditer(re.escape(joiner), before)):
            left = _CONTEXT_END.split(before[:j])[-1]
            right, *rest = _CONTEXT_END.split(before[j + len(joiner):])
            shared = _BOTH.sub("", "，".join(c for c in rest if c))  # what both are compared on
            if len(left) < MIN_SIDE or len(right) < MIN_SIDE:
                continue
            # the sides of a comparison run in parallel (对受威胁区采取的措施 / 对疫点采取的措施)
            key = (len(bigrams(left) & bigrams(right)) + (2 if rank < 3 else 0), -rank)
            if split is None or key > split[0]:
                split = (key, left, right, shared)
        if split is not None and rank < 3:
            break  # a comma before the joiner marks the sides plainly
    if split is None:
        return None
    _, left, right, shared = split
    tail = shared + after if shared and after else shared or after  # 出结论的期限 + 是多少
    return (f"{left}，{tail}", f"{right}，{tail}") if tail else (left, right)


# A side naming texts by their level or place rather than a topic (山东省条例 / 国家法律的提法, 上位法):
# it asks what those texts say on the question's topic.
_SAID_OF_TEXT = re.compile(r"的?(?:提法|规定|说法|要求|写法|表述|条文|内容)$")
_TEXT_KIND = re.compile(r"的?(?:地方性)?(?:法律法规|法律|法规|条例|办法|规定|细则|文件|政策|上位法|法)$")
_NATIONAL = re.compile(r"^(?:国家|全国|中央|国家层面|国家级|全国性|上位)?(?:的)?$")
_PLACE_LEFT = re.compile(r"^(?:省|市|自治区|的|地方|本地|当地|本省|本市)*$")


def text_level(side: str, regions: tuple[str, ...]) -> str:
    """'national' or 'local' when `side` names texts only by their level or place (国家法律的提法,
    山东省条例), else ''."""
    side = side.strip("，,。？? ")
    rest = _SAID_OF_TEXT.sub("", side)
    if _TEXT_KIND.sub("", rest) == rest:
        rest = side  # (北京的规定: the 规定 is the kind of text)
    bare = _TEXT_KIND.sub("", rest)
    if bare == rest:
        return ""  # no kind of text named
    if _NATIONAL.match(bare) and (bare or rest.endswith("上位法")):
        return "national"
    for r in regions:
        bare = bare.replace(r, "")
    return "local" if regions and _PLACE_LEFT.match(bare) else ""

