"""Pure helpers of the app: escaping, highlighting, articles, follow-ups, uploads, filters."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given, settings as hsettings, strategies as st

from kb.interfaces import app_support as sup
from kb.settings import Settings
from kb.types import DocumentMeta, SearchHit

PUNCT = re.escape("".join(sorted(sup._ASCII_PUNCT)))


def unescape(md: str) -> str:
    """What a CommonMark renderer shows for md_escape output (escapes, ZWSP and hard breaks undone)."""
    text = md.replace("  \n", "\n")
    text = re.sub(rf"\\([{PUNCT}])", r"\1", text)
    return text.replace(sup._ZWSP, "")


def unescaped_specials(md: str) -> list[str]:
    """ASCII punctuation in `md` that is not backslash-escaped (would be Markdown syntax)."""
    out, i = [], 0
    while i < len(md):
        ch = md[i]
        if ch == "\\":
            i += 2
            continue
        if ch in sup._ASCII_PUNCT:
            out.append(ch)
        i += 1
    return out


# ------------------------------------------------------------------------------ escaping
@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "**粗体** _斜体_ `代码` [链接](javascript:alert(1)) ![图](x)",
        ":red[红色] :orange-background[高亮] :smile: :material/home:",
        "$x^2$ & &amp; &lt;b&gt; | 表格 | ~删除~ # 标题",
        "1. 编号\n- 列表\n> 引用\n---",
        "末尾反斜杠\\",
    ],
)
def test_md_escape_leaves_no_markdown_syntax(text):
    md = sup.md_escape(text)
    assert unescaped_specials(md) == []
    assert unescape(md) == text


def test_md_escape_breaks_autolinks_and_shortcodes():
    md = sup.md_escape("见 www.example.com 或 http://a.b，邮件 a@b.cn :smile:")
    assert "www." not in md.replace("\\", "")
    assert "://" not in md.replace("\\", "")
    assert unescape(md) == "见 www.example.com 或 http://a.b，邮件 a@b.cn :smile:"


def test_md_escape_control_characters_and_lines():
    assert sup.md_escape("a\x00b\x1bc\u202ed") == "abcd"
    assert sup.md_escape("第一款\n    第二款") == "第一款  \n第二款"
    assert sup.md_escape("标题\n第二行", multiline=False) == "标题 第二行"


@hsettings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80))
def test_md_escape_property(text):
    md = sup.md_escape(text, multiline=False)
    assert unescaped_specials(md) == []
    assert "\n" not in md


# ------------------------------------------------------------------------------ highlighting
ARTICLE = "第四条　重点用能单位未按照本办法第三条规定报送能源利用状况报告的，由市节能主管部门责令限期改正；\n逾期不改正的，处一万元以上五万元以下罚款。"


def test_find_quote_spans_exact_whitespace_and_sentences():
    quote = "逾期不改正的，处一万元以上五万元以下罚款。"
    (s, e), = sup.find_quote_spans(ARTICLE, quote)
    assert ARTICLE[s:e] == quote
    # whitespace differences (line break inside the quote)
    spans = sup.find_quote_spans(ARTICLE, "责令限期改正；逾期不改正的")
    assert len(spans) == 1 and "责令限期改正" in ARTICLE[spans[0][0] : spans[0][1]]
    # sentences joined with …
    spans = sup.find_quote_spans(ARTICLE, "由市节能主管部门责令限期改正；……处一万元以上五万元以下罚款。")
    assert len(spans) == 2
    assert sup.find_quote_spans(ARTICLE, "完全无关的句子") == []
    assert sup.find_quote_spans(ARTICLE, "") == []


def test_highlight_passage_marks_quote_and_keeps_text():
    md = sup.highlight_passage(ARTICLE, "逾期不改正的，处一万元以上五万元以下罚款。")
    assert ":orange-background[逾期不改正的，处一万元以上五万元以下罚款。]" in md
    assert md.startswith("第四条")
    plain = unescape(md.replace(":orange-background[", "").replace("罚款。]", "罚款。"))
    assert plain == ARTICLE


def test_highlight_cannot_break_out():
    text = "前文<b>x</b>。引用]句子[:red[x] <script>alert(1)</script>。后文。"
    md = sup.highlight_passage(text, "引用]句子[:red[x] <script>alert(1)</script>。")
    m = re.search(r":orange-background\[(.*)\]", md)
    assert m, md
    inner = m.group(1)
    assert unescaped_specials(inner) == []  # every ] [ < > : inside is escaped
    assert unescaped_specials(md.replace(m.group(0), "")) == []


def test_highlight_multiline_quote_wrapped_per_line():
    md = sup.highlight_passage(ARTICLE, "责令限期改正；\n逾期不改正的")
    assert md.count(":orange-background[") == 2
    assert "\n:orange-background[逾期不改正的]" in md


# ------------------------------------------------------------------------------ articles
def _hit(i: int, locator: str, text: str) -> SearchHit:
    return SearchHit(f"c{i}", "d", "f.txt", "办法", "地方政府规章", locator, locator, None, None, "", text, i)


def test_article_text_joins_chunks_of_one_article():
    chunks = [
        _hit(0, "header", "示例办法"),
        _hit(1, "第三条", "第三条 第一部分内容，很长的一句话。重复的尾句在这里出现。"),
        _hit(2, "第三条", "重复的尾句在这里出现。第二部分内容。"),
        _hit(3, "第四条", "第四条 罚款。"),
        _hit(4, "header", "附件"),
    ]
    text = sup.article_text(chunks[2], chunks)
    # the overlap is dropped and the parts joined as the comparison joins them (one rule)
    assert text == "第三条 第一部分内容，很长的一句话。重复的尾句在这里出现。第二部分内容。"
    assert sup.article_text(chunks[3], chunks) == "第四条 罚款。"
    assert sup.article_text(chunks[0], chunks) == "示例办法"  # not joined with the later "header"
    assert sup.article_text(_hit(9, "第九条", "孤立"), chunks) == "孤立"


# ------------------------------------------------------------------------------ filters
def test_filter_values():
    v = sup.filter_values(doc_types=["法律", ""], date_from=dt.date(2020, 1, 2), date_to="2010-01-01")
    assert v == {
        "doc_types": ["法律"],
        "regions": [],
        "date_from": "2010-01-01",
        "date_to": "2020-01-02",
        "file_names": [],
        "include_superseded": False,
        "issuers": [],
    }
    assert not sup.filters_active(sup.filter_values())
    assert sup.filters_active(v)
    assert sup.filters_active(sup.filter_values(issuers=["示例市生态环境局", ""]))


# ------------------------------------------------------------------------------ uploads
@pytest.mark.parametrize(
    "name,expected",
    [
        ("../../etc/passwd.txt", "passwd.txt"),
        ("/abs/path/a.pdf", "a.pdf"),
        ("C:\\Users\\x\\b.docx", "b.docx"),
        ("a\x00b\x1b\n.txt", "ab.txt"),
        (".hidden.md", "hidden.md"),
        ("~$临时.docx", "临时.docx"),
        ("report.PDF", "report.pdf"),
        ("e\u0301.htm", "\u00e9.htm"),
        ('a<b>:c|"d?.html', "a_b__c__d_.html"),
        ("节约能源法(2018-10-26).md", "节约能源法(2018-10-26).md"),
        ("  spaced   name .txt", "spaced name.txt"),
    ],
)
def test_sanitize_filename(name, expected):
    assert sup.sanitize_filename(name) == expected


@pytest.mark.parametrize("name", ["x.exe", "noext", "", "..", "../", "\u202etxt.exe", "a.tar.gz", "a.pdf.js"])
def test_sanitize_filename_rejects(name):
    with pytest.raises(sup.UploadRejected):
        sup.sanitize_filename(name)


def test_sanitize_very_long_unicode_name():
    safe = sup.sanitize_filename("节" * 300 + ".pdf")
    assert safe.endswith(".pdf") and len(safe.encode("utf-8")) <= sup.MAX_NAME_BYTES
    safe.encode("utf-8").decode("utf-8")
    safe = sup.sanitize_filename("😀" * 100 + "\u0000" * 10 + ".txt")
    assert safe.endswith(".txt") and len(safe.encode()) <= sup.MAX_NAME_BYTES


def _settings(tmp_path: Path, **kw) -> Settings:
    return Settings(data_dir=tmp_path / "data", corpus_dir=tmp_path / "corpus", **kw)


def test_save_upload_stays_in_uploads(tmp_path):
    s = _settings(tmp_path)
    saved = sup.save_upload("../../../evil.txt", "第一条 内容".encode(), s)
    assert saved.path == (tmp_path / "corpus" / "uploads" / "evil.txt").resolve()
    assert saved.path.read_text(encoding="utf-8") == "第一条 内容"
    assert not saved.replaced
    assert not (tmp_path / "evil.txt").exists()
    again = sup.save_upload("evil.txt", "第一条 内容".encode(), s)
    assert not again.replaced
    changed = sup.save_upload("evil.txt", "第一条 新内容".encode(), s)
    assert changed.replaced and changed.path.read_text(encoding="utf-8") == "第一条 新内容"
    assert [p.name for p in (tmp_path / "corpus" / "uploads").iterdir()] == ["evil.txt"]  # no temp files left


def test_save_upload_limits(tmp_path):
    s = _settings(tmp_path, max_file_mb=0.001)
    with pytest.raises(sup.UploadRejected, match="文件过大"):
        sup.save_upload("big.txt", b"x" * 2000, s)
    with pytest.raises(sup.UploadRejected, match="文件为空"):
        sup.save_upload("empty.txt", b"", s)
    with pytest.raises(sup.UploadRejected, match="不支持"):
        sup.save_upload("a.exe", b"MZ", s)


def test_save_upload_refuses_existing_symlink(tmp_path):
    s = _settings(tmp_path)
    target = tmp_path / "outside.txt"
    target.write_text("keep")
    up = tmp_path / "corpus" / "uploads"
    up.mkdir(parents=True)
    (up / "link.txt").symlink_to(target)
    with pytest.raises(sup.UploadRejected):
        sup.save_upload("link.txt", b"overwrite", s)
    assert target.read_text() == "keep"


class FakeIndex:
    def __init__(self):
        self.removed = []

    def remove_document(self, doc_id):
        self.removed.append(doc_id)


def test_delete_document_only_deletes_uploads(tmp_path):
    s = _settings(tmp_path)
    uploaded = sup.save_upload("a.txt", b"x", s).path
    outside = tmp_path / "corpus" / "b.txt"
    outside.write_bytes(b"y")
    link = uploaded.parent / "c.txt"
    link.symlink_to(outside)
    idx = FakeIndex()
    assert sup.delete_document(DocumentMeta("1", "a.txt", str(uploaded), "A"), s, idx) is True
    assert not uploaded.exists()
    assert sup.delete_document(DocumentMeta("2", "b.txt", str(outside), "B"), s, idx) is False
    assert outside.exists()
    assert sup.delete_document(DocumentMeta("3", "c.txt", str(link), "C"), s, idx) is False
    assert outside.exists()
    assert sup.delete_document(DocumentMeta("4", "d.txt", "", "D"), s, idx) is False
    assert idx.removed == ["1", "2", "3", "4"]


def test_document_rows():
    docs = [
        DocumentMeta("1", "b.txt", "/x/b.txt", "乙\x00办法", doc_type="地方政府规章", pages=None, chunks=3),
        DocumentMeta("2", "a.pdf", "/x/a.pdf", "甲法", doc_type="法律", pages=12, chunks=40, date="2018-10-26"),
    ]
    rows = sup.document_rows(docs, {"2": "现行有效"})
    assert [r["标题"] for r in rows] == ["甲法", "乙办法"]  # 法律 before 地方政府规章
    assert rows[0]["状态"] == "现行有效" and rows[0]["页数"] == 12 and rows[1]["页数"] is None
