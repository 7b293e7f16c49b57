"""Bad input through the real interface (`ingest.pipeline.run`, `python -m ingest`).

Every unreadable file becomes one failed file with a one-line Chinese reason; the other
files of the same run are indexed as usual; no traceback reaches the user. All document
texts are invented test samples (测试样例), not real policy.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

import fixtures_build as fb
from ingest.loaders import pdf as pdf_loader
from ingest.pipeline import run
from kb.settings import load_settings
from kb.index.store import Index

ROOT = Path(__file__).resolve().parents[1]
CJK_RE = re.compile(r"[\u4e00-\u9fff]")

GOOD_LAW = """# 示例省绿色制造促进条例（测试样例）

2030年1月1日 示例省第一届人民代表大会常务委员会第一次会议通过

## 第一章 总则

第一条 为了测试知识库对坏文件的处理，制定本条例。本条例为测试样例，不是真实文件。

第二条 示例单位应当推行清洁生产，提高资源利用效率。

## 第二章 附则

第三条 本条例自2030年3月1日起施行。
"""

ENCODED_TEXT = "示例节能管理办法（测试样例）\n第一条 为了测试编码检测，制定本办法。\n第二条 本办法自公布之日起施行。\n"
BIG5_TEXT = "示例節能管理辦法（測試樣例）\n第一條 為了測試編碼檢測，制定本辦法。\n第二條 本辦法自公布之日起施行。\n"

HOSTILE_TXT = (
    "示例通知（测试样例）\n"
    "第一条 正文里出现的代码 <script>alert('测试样例')</script> 与 <b onclick=\"x()\">标签</b> 原样保存。\n"
    "第二条 实体 &lt;i&gt; 与 {{模板}} 与 ${变量} 也原样保存。\n"
)
HOSTILE_HTML = (
    "<html><head><title>示例公告（测试样例）</title><script>var 真正的脚本 = 1;</script></head><body>"
    "<p>第一条 正文引用的代码 &lt;script&gt;alert(1)&lt;/script&gt; 是文字，应原样保存（测试样例）。</p>"
    "<p>第二条 本公告自发布之日起施行。</p></body></html>"
)
HOSTILE_MD = '# 示例规定（测试样例）\n\n第一条 内嵌 <div onclick="steal()">HTML片段</div> 按文字保存。\n'


def settings_for(tmp: Path, **kw):
    return load_settings(data_dir=tmp / "data", embed_model="none", **kw)


def chunk_records(settings) -> list[tuple[str, str, dict]]:
    return list(Index(settings).iter_chunks())


def texts_of(settings, file_name: str) -> str:
    return "\n".join(doc for _rid, doc, md in chunk_records(settings) if md["file_name"] == file_name)


def assert_one_line_reason(reason: str) -> None:
    assert reason and CJK_RE.search(reason), reason
    assert "\n" not in reason and "Traceback" not in reason, reason


# --------------------------------------------------------------------------- builders


def encrypted_pdf(source: Path, path: Path, user_password: str) -> Path:
    """AES-256 (needs the `cryptography` package) — what current PDF tools write."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(str(source)))
    writer.encrypt(user_password=user_password, owner_password="owner-测试", algorithm="AES-256")
    with path.open("wb") as fh:
        writer.write(fh)
    return path


def tables_only_docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    for rows in (
        [("条款", "内容"), ("第一条", "示例单位应当建立能源台账（测试样例）。"), ("第二条", "台账保存三年。")],
        [("指标", "限值", "单位"), ("单位产品综合能耗", "0.35", "吨标准煤/吨")],
    ):
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                table.cell(r, c).text = value
    body = document.element.body
    for p in list(body.iterchildren("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p")):
        body.remove(p)  # no paragraph at all: the document is only tables
    document.save(str(path))
    return path


def deep_html(depth: int) -> str:
    return ("<html><body>" + "<div>" * depth + "<p>第一条 深层嵌套中的正文（测试样例）。</p>" + "</div>" * depth
            + "<span>" * depth + "第二条 未闭合的深层标签（测试样例）。" + "</body></html>")


@pytest.fixture(scope="module")
def text_pdf(tmp_path_factory) -> Path:
    return fb.build_text_pdf(tmp_path_factory.mktemp("pdf") / "source.pdf").path


# --------------------------------------------------------------------------- one run, many bad files

EXPECTED_FAILURES = {
    "空文件.pdf": "文件为空",
    "空文件.txt": "文件为空",
    "截断.pdf": "截断",
    "加密有密码.pdf": "需要密码",
    "乱码.pdf": "PDF",
    "乱码.docx": "DOCX",
    "不是Word.docx": "DOCX",
    "旧版Word.docx": "旧版Word",
    "PDF头加乱码.pdf": "PDF",
    "超大.txt": "文件过大",
    "只有空白.txt": "没有",
}
EXPECTED_ADDED = {
    "好的条例.md", "加密空密码.pdf", "GB18030.txt", "UTF16带BOM.txt", "UTF16BE带BOM.txt", "Big5繁体.txt",
    "深层嵌套.html", "全是表格.docx", "脚本文字.txt", "脚本文字.html", "脚本文字.md", "长行.txt",
}


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory, text_pdf):
    tmp = tmp_path_factory.mktemp("bad")
    corpus = tmp / "corpus"
    corpus.mkdir()
    (corpus / "好的条例.md").write_text(GOOD_LAW, encoding="utf-8")
    (corpus / "空文件.pdf").write_bytes(b"")
    (corpus / "空文件.txt").write_bytes(b"")
    fb.build_truncated_pdf(text_pdf, corpus / "截断.pdf")
    encrypted_pdf(text_pdf, corpus / "加密有密码.pdf", "secret")
    encrypted_pdf(text_pdf, corpus / "加密空密码.pdf", "")
    (corpus / "乱码.pdf").write_bytes(os.urandom(4096))
    (corpus / "乱码.docx").write_bytes(os.urandom(4096))
    with zipfile.ZipFile(corpus / "不是Word.docx", "w") as zf:
        zf.writestr("readme.txt", "一个普通的ZIP文件（测试样例）")
    (corpus / "旧版Word.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(2048))
    (corpus / "PDF头加乱码.pdf").write_bytes(b"%PDF-1.7\n" + os.urandom(3000) + b"\n%%EOF\n")
    (corpus / "超大.txt").write_bytes(("第一条 超过大小上限的文件（测试样例）。\n" * 40000).encode("utf-8"))  # ~1.6 MB
    (corpus / "只有空白.txt").write_bytes(b" \n\t\r\n\xe3\x80\x80\n")  # spaces, tab, U+3000
    (corpus / "GB18030.txt").write_bytes(ENCODED_TEXT.encode("gb18030"))
    (corpus / "UTF16带BOM.txt").write_bytes(ENCODED_TEXT.encode("utf-16"))  # BOM + little endian
    (corpus / "UTF16BE带BOM.txt").write_bytes(b"\xfe\xff" + ENCODED_TEXT.encode("utf-16-be"))
    (corpus / "Big5繁体.txt").write_bytes(BIG5_TEXT.encode("big5"))
    (corpus / "深层嵌套.html").write_text(deep_html(20000), encoding="utf-8")
    tables_only_docx(corpus / "全是表格.docx")
    (corpus / "脚本文字.txt").write_text(HOSTILE_TXT, encoding="utf-8")
    (corpus / "脚本文字.html").write_text(HOSTILE_HTML, encoding="utf-8")
    (corpus / "脚本文字.md").write_text(HOSTILE_MD, encoding="utf-8")
    (corpus / "长行.txt").write_text("示例长行文件（测试样例）" + "节能管理工作应当持续推进，" * 2000, encoding="utf-8")
    settings = settings_for(tmp, max_file_mb=1.0)
    summary = run([corpus], settings)
    return summary, settings


def test_each_bad_file_fails_alone_with_a_one_line_reason(bad_run):
    summary, _settings = bad_run
    failed = {Path(r.path).name: r.reason for r in summary.failed}
    assert set(failed) == set(EXPECTED_FAILURES), failed
    for name, fragment in EXPECTED_FAILURES.items():
        assert_one_line_reason(failed[name])
        assert fragment in failed[name], (name, failed[name])
    added = {Path(r.path).name for r in summary.results if r.status == "added"}
    assert added == EXPECTED_ADDED


def test_the_good_files_are_indexed_in_full(bad_run):
    _summary, settings = bad_run
    law = texts_of(settings, "好的条例.md")
    for article in ("第一条", "第二条", "第三条"):
        assert article in law
    docs = {d.file_name for d in Index(settings).documents().values()}
    assert docs == EXPECTED_ADDED


def test_encrypted_pdf_with_empty_password_is_read(bad_run):
    _summary, settings = bad_run
    text = texts_of(settings, "加密空密码.pdf")
    assert "第七条" in text and "示例单位" in text


@pytest.mark.parametrize("name", ["GB18030.txt", "UTF16带BOM.txt", "UTF16BE带BOM.txt"])
def test_text_in_other_encodings_is_decoded(bad_run, name):
    _summary, settings = bad_run
    text = texts_of(settings, name)
    assert "第一条 为了测试编码检测，制定本办法。" in text
    assert "\ufffd" not in text


def test_big5_text_is_decoded_not_read_as_gb18030(bad_run):
    _summary, settings = bad_run
    text = re.sub(r"\s", "", texts_of(settings, "Big5繁体.txt"))
    # (traditional 第一條 is not an article marker for clean/structure: lines join, spaces go)
    assert "第一條為了測試編碼檢測，制定本辦法。" in text and "本辦法自公布之日起施行" in text


def test_deeply_nested_html_and_tables_only_docx(bad_run):
    _summary, settings = bad_run
    html = texts_of(settings, "深层嵌套.html")
    assert "第一条 深层嵌套中的正文（测试样例）。" in html and "第二条 未闭合的深层标签" in html
    docx = texts_of(settings, "全是表格.docx")
    assert "第一条 | 示例单位应当建立能源台账（测试样例）。" in docx
    assert "单位产品综合能耗 | 0.35 | 吨标准煤/吨" in docx


def test_script_and_markup_in_text_are_stored_verbatim(bad_run):
    _summary, settings = bad_run
    txt = texts_of(settings, "脚本文字.txt")
    assert "<script>alert('测试样例')</script>" in txt
    assert '<b onclick="x()">标签</b>' in txt and "&lt;i&gt;" in txt and "${变量}" in txt
    html = texts_of(settings, "脚本文字.html")
    assert "<script>alert(1)</script>" in html  # escaped in the page = text in the document
    assert "真正的脚本" not in html  # a real <script> element is page code, not text
    md = texts_of(settings, "脚本文字.md")
    assert '<div onclick="steal()">HTML片段</div>' in md


def test_oversized_file_message_names_the_limit(bad_run):
    summary, _settings = bad_run
    reason = next(r.reason for r in summary.failed if r.path.endswith("超大.txt"))
    assert "上限 1.0 MB" in reason


# --------------------------------------------------------------------------- long line, timed


@pytest.mark.slow  # ~10-15 s: 5 MB through parsing, 2500 chunks into Chroma and BM25
def test_five_megabyte_single_line_is_linear(tmp_path):
    """A 5 MB text file that is one line: ingest stays linear (no regex restarts per char)."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    line = "示例长行文件（测试样例）" + "节能管理工作应当持续推进，同时废止" * (5_000_000 // 51)
    (corpus / "五兆单行.txt").write_text(line, encoding="utf-8")
    assert (corpus / "五兆单行.txt").stat().st_size >= 5_000_000
    settings = settings_for(tmp_path)
    started = time.perf_counter()
    summary = run([corpus], settings)
    elapsed = time.perf_counter() - started
    assert summary.count("added") == 1, [r.reason for r in summary.failed]
    assert elapsed < 45, f"5 MB single line took {elapsed:.1f}s"
    stored = "".join(doc for _rid, doc, _md in sorted(chunk_records(settings), key=lambda r: r[2]["chunk_index"]))
    assert re.sub(r"\s", "", stored) == line  # nothing lost, nothing duplicated


# --------------------------------------------------------------------------- scanned PDFs (OCR)


def test_scanned_pdf_is_read_by_ocr_and_marked(tmp_path, monkeypatch):
    pytest.importorskip("rapidocr_onnxruntime")
    monkeypatch.delenv("GREENKB_OCR", raising=False)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    fb.build_scanned_pdf(corpus / "扫描件.pdf")
    (corpus / "好的条例.md").write_text(GOOD_LAW, encoding="utf-8")
    settings = settings_for(tmp_path)
    summary = run([corpus], settings)
    assert summary.count("added") == 2, [r.reason for r in summary.failed]
    scan = [(doc, md) for _rid, doc, md in chunk_records(settings) if md["file_name"] == "扫描件.pdf"]
    assert scan and all(md["ocr"] is True and md["page_start"] == 1 for _doc, md in scan)
    assert "2030" in "".join(doc for doc, _md in scan)
    assert not any(md["ocr"] for _rid, _doc, md in chunk_records(settings) if md["file_name"] == "好的条例.md")
    meta = next(d for d in Index(settings).documents().values() if d.file_name == "扫描件.pdf")
    assert meta.ocr_pages == [1]


def test_garbled_text_layer_is_read_by_ocr_instead(tmp_path, monkeypatch):
    """A text layer of unmapped glyphs (private-use code points, as from fonts without a
    ToUnicode map) is no text: the page goes to OCR rather than into the index as garbage."""
    pytest.importorskip("rapidocr_onnxruntime")
    from pypdf import PageObject

    monkeypatch.setenv("GREENKB_INGEST_WORKERS", "0")
    monkeypatch.delenv("GREENKB_OCR", raising=False)
    monkeypatch.setattr(PageObject, "extract_text", lambda self, *a, **k: "\ue001\ue002\ue003 \ue004\ue005\ue006\ue007\ue008\ue009\ue00a\ue00b\n" * 5)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    fb.build_scanned_pdf(corpus / "乱码文字层.pdf")
    settings = settings_for(tmp_path)
    summary = run([corpus], settings)
    assert summary.count("added") == 1, [r.reason for r in summary.failed]
    records = chunk_records(settings)
    text = "".join(doc for _rid, doc, _md in records)
    assert "2030" in text and "\ue001" not in text
    assert all(md["ocr"] is True for _rid, _doc, md in records)


@pytest.mark.parametrize("how, fragment", [("missing", "不可用"), ("disabled", "GREENKB_OCR=0")])
def test_scanned_pdf_without_ocr_says_it_needs_ocr(tmp_path, monkeypatch, how, fragment):
    monkeypatch.setenv("GREENKB_INGEST_WORKERS", "0")  # parse in this process: the patch applies
    if how == "missing":
        monkeypatch.delenv("GREENKB_OCR", raising=False)
        monkeypatch.setattr(pdf_loader, "_ocr_engine", lambda: None)  # as if rapidocr were not installed
    else:
        monkeypatch.setenv("GREENKB_OCR", "0")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    fb.build_scanned_pdf(corpus / "扫描件.pdf")
    (corpus / "好的条例.md").write_text(GOOD_LAW, encoding="utf-8")
    summary = run([corpus], settings_for(tmp_path))
    assert summary.count("added") == 1
    [failure] = summary.failed
    assert_one_line_reason(failure.reason)
    assert "需要OCR" in failure.reason and fragment in failure.reason, failure.reason


# --------------------------------------------------------------------------- odd file names


ODD_NAMES = [
    "emoji😀与\u202e翻转\u200b.md",  # emoji, right-to-left override, zero-width space
    "换\n行\t制表\x01控制.md",  # newline, tab and a control character inside the name
    "e\u0301组合字符 空格 .md",  # combining accent, spaces
    "全角　名称（一）【二】.md",
    "-以短横线开头.md",
]


def test_odd_unicode_and_control_chars_in_file_names(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i, name in enumerate(ODD_NAMES):
        (corpus / name).write_text(GOOD_LAW.replace("第三条", f"第三条 编号{i}。"), encoding="utf-8")
    gbk_name = os.fsencode(corpus) + b"/" + "示例GBK文件名.md".encode("gbk")  # bytes of an unpacked GBK zip
    with open(gbk_name, "wb") as fh:
        fh.write(GOOD_LAW.encode("utf-8"))
    settings = settings_for(tmp_path)
    summary = run([corpus], settings)
    added = {Path(r.path).name for r in summary.results if r.status == "added"}
    assert added == set(ODD_NAMES)
    [failure] = summary.failed
    assert_one_line_reason(failure.reason)
    assert "文件名" in failure.reason and "UTF-8" in failure.reason
    assert failure.path.endswith("示例GBK文件名.md")  # shown readable, as its GBK reading
    stored = {md["file_name"] for _rid, _doc, md in chunk_records(settings)}
    assert stored == set(ODD_NAMES)
    again = run([corpus], settings)  # and a re-run sees them as unchanged, not as new
    assert again.count("unchanged") == len(ODD_NAMES) and again.count("added") == 0


# --------------------------------------------------------------------------- the done-when check (CLI)


def _cli(args: list[str], env_extra: dict[str, str] | None = None, timeout: int = 180) -> subprocess.CompletedProcess:
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": os.environ.get("HOME", "/root"),
           "GREENKB_EMBED_MODEL": "none", **(env_extra or {})}
    return subprocess.run([sys.executable, "-m", "ingest", *args], cwd=ROOT, capture_output=True, text=True,
                          env=env, timeout=timeout)


def test_cli_done_when_bad_pdfs_beside_a_good_law(tmp_path, text_pdf):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "示例条例.md").write_text(GOOD_LAW, encoding="utf-8")
    (corpus / "空.pdf").write_bytes(b"")
    (corpus / "垃圾.pdf").write_bytes(os.urandom(5000))
    fb.build_truncated_pdf(text_pdf, corpus / "截断.pdf")
    encrypted_pdf(text_pdf, corpus / "有密码.pdf", "secret")
    data = tmp_path / "data"
    proc = _cli([str(corpus), "--data", str(data), "--quiet"])
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1, out
    assert "Traceback" not in out and "Error:" not in out.replace("错误：", "")
    assert "新增 1" in proc.stdout and "失败 4" in proc.stdout
    lines = proc.stdout.splitlines()
    for name, fragment in (("空.pdf", "文件为空"), ("垃圾.pdf", "PDF"), ("截断.pdf", "截断"), ("有密码.pdf", "密码")):
        [line] = [ln for ln in lines if name in ln]
        assert "失败" in line and fragment in line.split(name, 1)[1], line
    settings = load_settings(data_dir=data, embed_model="none")
    assert {d.file_name for d in Index(settings).documents().values()} == {"示例条例.md"}
    assert "第三条 本条例自2030年3月1日起施行。" in texts_of(settings, "示例条例.md")


def test_cli_data_folder_under_a_file_is_a_clear_error(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "示例条例.md").write_text(GOOD_LAW, encoding="utf-8")
    blocker = tmp_path / "一个文件"
    blocker.write_text("不是文件夹", encoding="utf-8")
    proc = _cli([str(corpus), "--data", str(blocker / "data"), "--quiet"])
    out = proc.stdout + proc.stderr
    assert proc.returncode == 2, out
    assert "Traceback" not in out
    assert "错误" in proc.stderr and "不是文件夹" in proc.stderr, proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_many_short_lines_clean_in_linear_time():
    """Wrapped lines without punctuation join into one paragraph; joining used to copy the
    paragraph once per line (quadratic: 80 000 such lines took 88 s, a 5 MB file hours)."""
    from ingest.clean import clean_document
    from ingest.types import LoadedDoc

    line = "示例节能管理工作应当持续推进示例节能管理工作应当持续推进示例节能管理\n"

    def seconds(n: int) -> float:
        started = time.perf_counter()
        clean = clean_document(LoadedDoc(pages=[line * n], paged=False, source_format="txt"))
        assert len(clean.text) == (len(line) - 1) * n
        return time.perf_counter() - started

    seconds(1000)  # warm-up
    small, large = seconds(5_000), seconds(40_000)
    assert large < 16 * small + 0.3, f"8x the lines took {large / small:.1f}x the time ({small:.2f}s → {large:.2f}s)"


def test_unreadable_source_file_fails_alone(tmp_path, monkeypatch):
    """No read permission on one file (simulated: tests run as root, where chmod stops nothing)."""
    monkeypatch.setenv("GREENKB_INGEST_WORKERS", "0")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "好的条例.md").write_text(GOOD_LAW, encoding="utf-8")
    locked = corpus / "无权限.md"
    locked.write_text(GOOD_LAW.replace("测试样例", "无权限的测试样例"), encoding="utf-8")
    real_open, real_read = Path.open, Path.read_bytes

    def guarded_open(self, *args, **kwargs):
        if self.name == locked.name:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    def guarded_read(self):
        if self.name == locked.name:
            raise PermissionError(13, "Permission denied", str(self))
        return real_read(self)

    monkeypatch.setattr(Path, "open", guarded_open)
    monkeypatch.setattr(Path, "read_bytes", guarded_read)
    summary = run([corpus], settings_for(tmp_path))
    [failure] = summary.failed
    assert failure.path.endswith("无权限.md")
    assert_one_line_reason(failure.reason)
    assert "无法读取" in failure.reason and ("Permission denied" in failure.reason or "权限" in failure.reason)
    assert summary.count("added") == 1
