"""Chinese numerals <-> int (article references: the table in test_grammar.py)."""
from __future__ import annotations

import pytest

from kb.text.numerals import cn_to_int, int_to_cn


@pytest.mark.parametrize(
    "text, value",
    [
        ("〇", 0), ("零", 0), ("一", 1), ("十", 10), ("十一", 11), ("二十", 20), ("五十三", 53),
        ("一百", 100), ("一百零五", 105), ("一百一十", 110), ("二百零五", 205), ("二千零一", 2001),
        ("一千零一十", 1010), ("两万", 20000), ("两千", 2000), ("一万零五百", 10500),
        ("十万", 100000), ("一亿零五", 100000005), ("二〇二三", 2023), ("一九九七", 1997),
        ("53", 53), ("５３", 53), ("贰拾", 20),
    ],
)
def test_cn_to_int(text: str, value: int) -> None:
    assert cn_to_int(text) == value


@pytest.mark.parametrize(
    "value, text",
    [
        (0, "零"), (1, "一"), (10, "十"), (15, "十五"), (20, "二十"), (53, "五十三"), (100, "一百"),
        (105, "一百零五"), (110, "一百一十"), (115, "一百一十五"), (205, "二百零五"),
        (1000, "一千"), (1001, "一千零一"), (1010, "一千零一十"), (2001, "二千零一"),
        (10000, "一万"), (10500, "一万零五百"), (15000, "一万五千"), (100005, "十万零五"),
        (1010000, "一百零一万"),
    ],
)
def test_int_to_cn_legal_style(value: int, text: str) -> None:
    assert int_to_cn(value) == text


def test_round_trip_1_to_3000() -> None:
    for n in range(1, 3001):
        assert cn_to_int(int_to_cn(n)) == n, n


def test_round_trip_large() -> None:
    for n in (9999, 10001, 10010, 10100, 99999, 123456, 100000000, 120003400):
        assert cn_to_int(int_to_cn(n)) == n, n


@pytest.mark.parametrize("bad", ["", "abc", "第一", "十条"])
def test_cn_to_int_rejects_non_numerals(bad: str) -> None:
    with pytest.raises(ValueError):
        cn_to_int(bad)


def test_int_to_cn_rejects_negative() -> None:
    with pytest.raises(ValueError):
        int_to_cn(-1)
