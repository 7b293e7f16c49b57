"""One comparable form of document titles (kb.text.titles.title_key), for search and versions.

Titles of invented documents (示例…) or forms of real law titles; no document text.
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings as hsettings, strategies as st

from kb.text.titles import strip_version_notes, title_key


@pytest.mark.parametrize("title, key", [
    # what versions always folded (family keys)
    ("《中华人民共和国海洋环境保护法》", "海洋环境保护法"),
    ("中华人民共和国海洋环境保护法（2023年修订）", "海洋环境保护法"),
    ("海洋环境保护法(2017-11-04)", "海洋环境保护法"),
    ("海洋环境保护法(2017-11-04).md", "海洋环境保护法"),
    ("消耗臭氧层物质管理条例 (修订)", "消耗臭氧层物质管理条例"),
    (" 中华人民共和国 噪声污染防治法 ", "噪声污染防治法"),
    ("示例条例〔2020年第二次修正〕", "示例条例"),
    ("示例条例（2019）", "示例条例"),
    ("中华人民共和国", "中华人民共和国"),  # nothing else left: kept
    # what search always folded (norm_title)
    ("中华人民共和国节约能源法", "节约能源法"),
    ("《中华人民共和国节约能源法》(2018年修正)", "节约能源法"),
    ("北京市实施《中华人民共和国节约能源法》办法", "北京市实施节约能源法办法"),
    ("示例节能办法（试行）(2019-01-01)", "示例节能办法"),
    ("示例产业目录（2019年本）", "示例产业目录"),
    ("关于“示例”的通知", "关于示例的通知"),
    ("示例產品質量法", "示例产品质量法"),  # traditional characters
    # an ordinal or a draft names another document: kept
    ("示例法院关于适用《示例法》若干问题的解释（一）(2001-01-01)", "示例法院关于适用示例法若干问题的解释(一)"),
    ("示例节水工艺目录（第二批）", "示例节水工艺目录(第二批)"),
    ("示例标准（第1部分）", "示例标准(第1部分)"),
    ("示例管理办法（征求意见稿）", "示例管理办法(征求意见稿)"),
    ("示例条例（修订草案）", "示例条例(修订草案)"),
    ("", ""),
])
def test_title_key(title, key):
    assert title_key(title) == key


def test_versions_and_ordinals():
    one = title_key("示例法院关于适用《示例法》若干问题的解释（一）(2001-01-01)")
    two = title_key("示例法院关于适用《示例法》若干问题的解释（二）(2011-01-01)")
    assert one != two
    assert title_key("示例节能办法（试行）(2019-01-01)") == title_key("示例节能办法(2023-01-01)")
    assert title_key("示例目录（第一批）") != title_key("示例目录（第二批）")
    assert title_key("示例办法（征求意见稿）") != title_key("示例办法")
    # a file name and the title inside the file agree
    assert title_key("示例循环利用法(2023-10-24).md") == title_key("中华人民共和国示例循环利用法")


def test_strip_version_notes_keeps_a_title_that_is_only_a_note():
    assert strip_version_notes("(2023年修订)") == "(2023年修订)"
    assert strip_version_notes("示例法(2023年修订)(2024-01-01)") == "示例法"


PIECES = ["示例", "法", "条例", "中华人民共和国", "《", "》", "（", "）", "(", ")", "2023", "年", "修订", "试行",
          "一", "二", "第", "批", "征求意见稿", "-", "01", " ", "“", "”", "·"]


@hsettings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=10).map("".join))
def test_title_key_is_idempotent(title):
    assert title_key(title_key(title)) == title_key(title)
