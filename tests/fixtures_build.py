"""Build loader/cleaner fixture files into a directory at test time.

All text here is invented for testing ("测试样例，非真实文件"); nothing is copied from a
real document. PDFs use reportlab's built-in CID font STSong-Light, which pypdf reads back
as proper Unicode (checked by `test_pdf_cid_font_round_trips`).
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path

FIXTURES_DIR = Path(__file__).resolve().parent / "fixtures"

PDF_HEADER = "示例市人民政府公报（测试样例）"
PDF_TITLE = "示例节能管理办法（测试样例，非真实文件）"
CJK_FONT = "STSong-Light"
CHARS_PER_LINE = 30

# Invented articles. 第三条 is long so that it can straddle a page break.
ARTICLES: list[tuple[str, str]] = [
    ("第一条", "为了加强示例单位的节能管理，提高能源利用效率，保护和改善环境，根据测试需要，制定本办法。"),
    ("第二条", "本办法适用于示例市行政区域内年综合能源消费量五千吨标准煤以上的示例单位。"),
    ("第三条", "示例单位应当建立节能目标责任制，设立能源管理岗位，配备能源计量器具，"
              "按照规定报送能源利用状况报告，并对报告内容的真实性负责；未按照规定报送的，"
              "由示例节能主管部门责令限期改正。"),
    ("第四条", "示例节能主管部门应当对示例单位的节能工作进行监督检查，检查结果向社会公布。"),
    ("第五条", "鼓励示例单位采用先进适用的节能技术、工艺和设备，淘汰落后的高耗能产品。"),
    ("第六条", "违反本办法规定，拒绝监督检查的，由示例节能主管部门处一万元以上五万元以下的罚款。"),
    ("第七条", "本办法自二〇三〇年一月一日起施行。"),
]
CROSSING_ARTICLE = "第三条"


def wrap(text: str, width: int = CHARS_PER_LINE) -> list[str]:
    """Hard-wrap like a PDF typesetter: fixed width, breaks anywhere (mid-sentence)."""
    return [text[i : i + width] for i in range(0, len(text), width)]


@dataclass
class PdfFixture:
    path: Path
    pages: list[list[str]]  # body lines per page, without header/footer
    article_pages: dict[str, int] = field(default_factory=dict)  # article → 1-based page where it starts


def _body_lines() -> list[str]:
    lines = [PDF_TITLE, "2030年1月1日 示例市人民政府令第1号公布", "第一章 总则"]
    for number, text in ARTICLES[:4]:
        lines += wrap(f"{number} {text}")
    lines.append("第二章 附则")
    for number, text in ARTICLES[4:]:
        lines += wrap(f"{number} {text}")
    return lines


def _paginate(lines: list[str]) -> list[list[str]]:
    """Three pages; page 1 ends after the second line of 第三条, so it crosses a page break."""
    start = next(i for i, ln in enumerate(lines) if ln.startswith(CROSSING_ARTICLE))
    first_break = start + 2
    rest = lines[first_break:]
    middle = (len(rest) + 1) // 2
    return [lines[:first_break], rest[:middle], rest[middle:]]


def build_text_pdf(path: Path) -> PdfFixture:
    """A 3-page Chinese PDF: running header, '— N —' footers, 第三条 crossing pages 1→2."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont(CJK_FONT))
    pages = _paginate(_body_lines())
    pdf = canvas.Canvas(str(path))
    for number, lines in enumerate(pages, start=1):
        pdf.setFont(CJK_FONT, 10)
        pdf.drawCentredString(297, 805, PDF_HEADER)
        pdf.setFont(CJK_FONT, 12)
        y = 760
        for line in lines:
            pdf.drawString(60, y, line)
            y -= 22
        pdf.drawCentredString(297, 40, f"— {number} —")
        pdf.showPage()
    pdf.save()
    article_pages: dict[str, int] = {}
    for page_no, lines in enumerate(pages, start=1):
        for line in lines:
            match = re.match(r"(第[一二三四五六七八九十]+条) ", line)
            if match:
                article_pages.setdefault(match.group(1), page_no)
    return PdfFixture(path=path, pages=pages, article_pages=article_pages)


def build_encrypted_pdf(source: Path, path: Path, user_password: str) -> Path:
    """Encrypt `source` (RC4-128: pypdf decrypts it without extra crypto packages)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(str(source)))
    writer.encrypt(user_password=user_password, owner_password="fixture-owner", algorithm="RC4-128")
    with path.open("wb") as fh:
        writer.write(fh)
    return path


def build_truncated_pdf(source: Path, path: Path) -> Path:
    data = source.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


SCANNED_TEXT = ("GreenKB scanned page 2030", "Article 7 energy audit")


def build_scanned_pdf(path: Path) -> Path:
    """One image-only page (no text layer): text drawn into a PIL image, placed with drawImage.

    Latin text, because the system may have no CJK raster font; RapidOCR's Chinese model
    reads Latin letters and digits too.
    """
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    font = ImageFont.load_default(size=48)
    image = Image.new("RGB", (1240, 400), "white")
    draw = ImageDraw.Draw(image)
    for i, text in enumerate(SCANNED_TEXT):
        draw.text((60, 60 + 110 * i), text, font=font, fill="black")
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    buf.seek(0)
    pdf = canvas.Canvas(str(path))
    pdf.drawImage(ImageReader(buf), 40, 500, width=520, height=168)
    pdf.showPage()
    pdf.save()
    return path


DOCX_TITLE = "示例循环利用管理办法（测试样例，非真实文件）"
DOCX_TABLE = [("项目", "限值", "单位"), ("综合能耗", "0.5", "吨标准煤/吨")]


def build_docx(path: Path) -> Path:
    """Title, two articles, a table, then a third article: the table sits between them."""
    import docx

    document = docx.Document()
    document.core_properties.title = ""
    document.add_heading(DOCX_TITLE, level=0)
    document.add_paragraph("第一条 为了测试表格位置，制定本办法。")
    document.add_paragraph("第二条 示例单位的能耗应当符合下表规定：")
    table = document.add_table(rows=len(DOCX_TABLE), cols=3)
    for r, row in enumerate(DOCX_TABLE):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph("第三条 本办法自2030年1月1日起施行。")
    document.save(str(path))
    return path


HTML_TITLE = "示例资源节约条例（测试样例，非真实文件）"


def gbk_html() -> str:
    """A GBK news-site page: nav, breadcrumb, share bar, script, article, footer."""
    return f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>{HTML_TITLE}_示例政府网</title>
<script>var tracker = "统计代码不应出现";</script>
<style>.nav {{ color: red }}</style></head>
<body>
<div class="nav"><a href="/">首页</a> &gt; <a href="/zc">政策法规</a></div>
<div id="breadcrumb">首页 &gt; 政策 &gt; 正文</div>
<div class="share-bar">分享到：微信 微博 【打印】【关闭窗口】</div>
<div class="main-content"><div class="TRS_Editor">
<h1>{HTML_TITLE}</h1>
<p>2030年1月1日 示例市人民政府令第2号公布</p>
<h2>第一章 总则</h2>
<p>第一条
为了节约资源，<b>保护</b>环境，制定本条例。</p>
<p>第二条 本条例适用于示例市。</p>
<table><tr><td>指标</td><td>数值</td></tr><tr><td>节水率</td><td>10%</td></tr></table>
<p>第三条 本条例自2030年3月1日起施行。</p>
</div></div>
<div class="print-tools">【打印本页】【关闭窗口】</div>
<div class="footer">主办单位：示例网站管理中心 版权所有 京ICP备00000000号 网站地图</div>
</body></html>"""


def build_gbk_html(path: Path) -> Path:
    path.write_bytes(gbk_html().encode("gbk"))
    return path


def fixture_text(name: str) -> str:
    """A hand-written fixture file from tests/fixtures (UTF-8)."""
    return (FIXTURES_DIR / name).read_text(encoding="utf-8")
