"""The app's display helpers (kb.interfaces.app_display), titles in book-title marks and the
uploader's messages, without a browser (the browser test shows them on the pages)."""
from __future__ import annotations

import pandas as pd

from kb.interfaces import app_display as display
from kb.interfaces import app_support as sup
from kb.text.titles import book_title
from kb.versions.wordops import WordOp


def test_titles_holding_book_marks_are_not_doubled():
    assert book_title("北京市实施《中华人民共和国节约能源法》办法") == "《北京市实施〈中华人民共和国节约能源法〉办法》"
    assert book_title("《示例节能法》") == "《示例节能法》"  # already marked: kept, not doubled
    assert book_title(" 示例节能法 ") == "《示例节能法》"
    assert book_title("《示例法》和《示例条例》衔接办法") == "《〈示例法〉和〈示例条例〉衔接办法》"


def test_answers_show_a_nested_title_once():
    from kb.answers.extractive import compose
    from kb.question.reading import read_question
    from kb.types import SearchHit

    hit = SearchHit("c1", "d1", "示例.md", "示例市实施《示例节能法》办法（测试样例）", "地方性法规", "第三条", "第三条",
                    None, None, "2020-01-01", "第三条　示例单位应当每年报送能源利用状况报告。", 1, rank=1)
    text = compose(read_question("示例单位每年要报送什么？"), [hit]).text
    assert "《示例市实施〈示例节能法〉办法（测试样例）》" in text and "《示例市实施《" not in text


def test_library_keeps_status_pages_and_file_name_in_view_and_the_whole_number():
    rows = [{"文号": "示例环发〔2023〕123号"}, {"文号": ""}]
    widths = display.library_widths(rows)
    first = display.LIBRARY_COLUMNS[:display.LIBRARY_COLUMNS.index("文件名") + 1]
    assert {"状态", "文号", "页数", "文件名"} <= set(first)
    assert sum(widths[c] for c in first) <= 1000 + 60  # the main area of a 1280-pixel window
    assert widths["文号"] >= display.text_width("示例环发〔2023〕123号")


def test_timeline_chart_labels_every_row_with_distinct_marks():
    kinds = ["通过", "公布", "发布", "修正", "修订", "施行", "废止", "其他"]
    events = pd.DataFrame({"date": pd.to_datetime([f"20{10 + i}-01-01" for i in range(8)]),
                           "kind": kinds, "title": [f"示例法{i}（测试样例）" for i in range(8)]})
    spec = display.timeline_chart(events).to_dict()
    enc = spec["encoding"]
    assert enc["y"]["axis"]["labelOverlap"] is False  # no label dropped to make room
    assert spec["height"] >= display.ROW_PX * 8
    colours, shapes = enc["color"]["scale"]["range"], enc["shape"]["scale"]["range"]
    assert len(set(colours)) == len(kinds) and len(set(shapes)) == len(kinds)
    assert "stroke" not in shapes  # a shape that draws nothing when filled


def test_diff_marks_deletions_and_insertions_and_escapes_text():
    ops = [{"op": "equal", "a": "处", "b": "处"}, {"op": "replace", "a": "一万元", "b": "<b>二万元</b>"}]
    html = display.ops_html(ops)
    assert '<del style="text-decoration:line-through' in html and "一万元</del>" in html
    assert '<ins style="text-decoration:underline' in html and "&lt;b&gt;二万元&lt;/b&gt;</ins>" in html
    assert "<b>" not in html
    assert display.whole_html("新增的一条（测试样例）", inserted=True).count("<ins") == 1


class _Entry:
    def __init__(self, status, ops=(), text_a="", text_b="", locator_a="", locator_b=""):
        self.status, self.ops, self.text_a, self.text_b = status, list(ops), text_a, text_b
        self.locator_a, self.locator_b = locator_a, locator_b


def test_substantive_changes_come_first_and_chapters_are_read():
    punct = _Entry("changed", [WordOp("replace", "，", "；")], locator_a="第一条", locator_b="第一条")
    wording = _Entry("changed", [WordOp("replace", "一万元", "二万元")], locator_a="第二条", locator_b="第二条")
    added = _Entry("added", text_b="示例单位应当公布节能监察结果。", locator_b="第三条")
    assert not display.substantive(punct) and display.substantive(wording)
    assert display.order_entries([punct, wording, added]) == [added, wording, punct]
    assert display.order_entries([punct, wording, added], "article") == [punct, wording, added]
    assert display.chapter_of("第二章 监督管理 > 第十条") == "第二章 监督管理"
    assert display.entry_chapter(added, {}, {"第三条": "第二章 附则"}) == "第二章 附则"


def test_uploader_speaks_chinese_and_names_the_standards_page_for_a_spreadsheet():
    css = display.uploader_css("uploader-", "或将文件拖放到这里 · 支持 PDF")
    assert '[class*="st-key-uploader-"]' in css and 'content:"选择文件"' in css and "支持 PDF" in css
    assert "标准库" in sup.upload_type_message("xlsx") and "标准库" in sup.upload_type_message("csv")
    assert sup.upload_type_message("exe").startswith("不支持的文件类型 .exe：只接受 PDF")
