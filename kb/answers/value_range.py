"""A question that states a value of its own asks which rule that value falls under.

一个60公顷的填海项目要报哪一级审批, 一艘800总吨的小船要不要投保, 350岁的古树属于几级保护: the
texts answer with ranges (50公顷以上的填海工程, 1000总吨以下, 300年以上不满500年), and search ranks the
passage that names the topic above the one whose range holds the value. Among the first passages,
the one with a range in the question's unit that holds its value leads.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kb.question.kinds import Ask
from kb.question.reading import ParsedQuestion
from kb.text.grammar import QTY, quantity
from kb.text.numerals import to_halfwidth_digits
from kb.types import SearchHit

LOOKAHEAD = 3  # passages after the first that may take the lead

# Units of a size or an age a question states of its case, and the unit a text writes for the same
# measure (350岁 → 300年以上). Not sums of money (a fine's range is no class: 货值一万五千元 is not
# "一万元以上五万元以下罚款") nor periods (三年有效期内 is the story, not the value asked about).
_UNITS = ("平方公里", "平方米", "立方米", "公顷", "千瓦", "公里", "总吨", "亩", "吨", "米", "岁", "人", "株")
_SAME = {"岁": "年"}
_VALUE_RE = re.compile(rf"({QTY})\s*({'|'.join(_UNITS)})")  # QTY: the amounts `quantity` reads
_TEXT_VALUE_RE = re.compile(rf"({QTY})\s*({'|'.join(_UNITS + ('年',))})")
_LOWER_BEFORE = re.compile(r"(?:超过|高于|大于|满|达到|在)$")
_UPPER_BEFORE = re.compile(r"(?:不满|不足|未满|低于|少于|小于|不超过|不到)$")
_LOWER_AFTER = re.compile(r"^(?:以上|及以上|或者以上|起)")
_UPPER_AFTER = re.compile(r"^(?:以下|以内|及以下|之内)")
_CLAUSES = re.compile(r"[。；;，,\n]")


@dataclass(frozen=True)
class Value:
    amount: float
    unit: str


def _unit(u: str) -> str:
    return _SAME.get(u, u)


def stated_value(question: str) -> Value | None:
    """The one value the question states of its own case (not a range it quotes: 50公顷以上)."""
    text = to_halfwidth_digits(question or "")
    found: list[Value] = []
    for m in _VALUE_RE.finditer(text):
        after = text[m.end(): m.end() + 3]
        before = text[max(0, m.start() - 2): m.start()]
        if _LOWER_AFTER.match(after) or _UPPER_AFTER.match(after) or _UPPER_BEFORE.search(before):
            return None  # the question quotes a range: it asks about that rule, not where a value falls
        amount = quantity(m.group(1))
        if amount is not None:
            found.append(Value(amount, _unit(m.group(2))))
    return found[0] if len(found) == 1 else None


def holds(value: Value, text: str) -> bool | None:
    """True when a clause of `text` bounds the value's unit and the value meets every bound of
    that clause; False when the text bounds the unit but no clause holds the value; None when it
    states no bound in that unit."""
    bounded = False
    for clause in _CLAUSES.split(to_halfwidth_digits(text or "")):
        bounds: list[tuple[str, float]] = []
        for m in _TEXT_VALUE_RE.finditer(clause):
            if _unit(m.group(2)) != value.unit:
                continue
            amount = quantity(m.group(1))
            if amount is None:
                continue
            before, after = clause[max(0, m.start() - 3): m.start()], clause[m.end(): m.end() + 4]
            if _UPPER_BEFORE.search(before) or _UPPER_AFTER.match(after):
                bounds.append(("max", amount))
            elif _LOWER_BEFORE.search(before) or _LOWER_AFTER.match(after):
                bounds.append(("min", amount))
        if not bounds:
            continue
        bounded = True
        if all(value.amount >= b if kind == "min" else value.amount <= b for kind, b in bounds):
            return True
    return False if bounded else None


# What a question about where its value falls asks: who decides for a case of that size, whether
# a rule reaches it, how two cases compare, which grade it is in. (一年耗能超过一万吨标煤，要报送什么
# 材料 states its size only to say it is covered: it asks for the duty.)
_WHERE_IT_FALLS = (Ask.WHO, Ask.YESNO, Ask.COMPARE)
_GRADE_RE = re.compile(r"几级|哪一级|哪级|哪个等级|什么等级|属于哪")


def value_first(pq: ParsedQuestion, hits: list[SearchHit]) -> list[SearchHit]:
    """`hits` with the first passage whose range holds the question's value moved to the front,
    when the first passage has no range that holds it."""
    if not (pq.asks & set(_WHERE_IT_FALLS) or _GRADE_RE.search(pq.text)):
        return hits
    value = stated_value(pq.raw)
    if value is None or len(hits) < 2 or holds(value, hits[0].text) is True:
        return hits
    for i, h in enumerate(hits[1: LOOKAHEAD + 1], start=1):
        if holds(value, h.text) is True:
            return [h] + hits[:i] + hits[i + 1:]
    return hits
