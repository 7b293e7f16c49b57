"""The two things a question asks to choose between (税务局收还是海关收, 归记者还是归报社): the passage
that names what the question sets side by side answers it, not one on the topic alone."""
from __future__ import annotations

import re

_CLAUSE_END = re.compile(r"[，,。？?；;！!]")
# the words that lead into an option (是 / 由 / 交给 / 找 …), read off the tail of the first one and
# the head of the second
_INTO = r"(?:是|由|归|给|到|找|向|按|在|交给|交到|报给|报到|送到|属于|算)"
_INTO_TAIL = re.compile(rf".*{_INTO}(?=[\u4e00-\u9fff]+$)")
_INTO_HEAD = re.compile(rf"^(?:只能|只可以|只有|只|能|可以|直接|还得|必须|该|应该|应当|要|得|需要)*{_INTO}?")
OPTION_MAX = 10  # characters: a longer stretch is a clause, not a thing to choose


def choice_options(text: str) -> tuple[str, str]:
    """The two options of an "A还是B？" question, each with the words both share after it (税务局收,
    海关收); ("", "") when it asks no choice. 还是 followed by a clause that goes on (改正后还是不动，…) or
    ends in 吗 (还是…吗) says "still", not "or"."""
    k = text.find("还是")
    if k < 0:
        return ("", "")
    after = text[k + 2:]
    end = _CLAUSE_END.search(after)
    if end and end.group() not in "？?":
        return ("", "")
    right = after[: end.start()] if end else after
    clauses = _CLAUSE_END.split(text[:k])
    # (…是到注册地的税务局交，还是到…: the first option is the clause before the comma)
    left = clauses[-1] or (clauses[-2] if len(clauses) > 1 else "")
    if not left or not right or right.endswith(("吗", "么", "嘛")):
        return ("", "")
    shared = 0
    while shared < min(len(left), len(right)) and left[-1 - shared] == right[-1 - shared]:
        shared += 1
    tail = left[len(left) - shared:]
    a = _INTO_TAIL.sub("", left[: len(left) - shared])
    b = _INTO_HEAD.sub("", right[: len(right) - shared])
    if not (1 <= len(a) <= OPTION_MAX and 1 <= len(b) <= OPTION_MAX) or a == b:
        return ("", "")
    return (a + tail, b + tail)
