"""Government documents beyond laws, built at test time: notices, a plan, a web page, a guide.

Every issuer, number, standard, target and company here is invented for testing
(示例省 / 示例市, 测试样例); nothing is copied from a real document. The shapes are those of
real ones (GB/T 9704 layout, a provincial plan with a table of contents and 专栏 tables, a
government web page with its information box, a GBK text file with a tab table, a notice that
repeals another by its 文号).

    build_all(folder) -> dict[name, Path]     # every fixture file
    EXPECTED[name]                            # what ingest must read from it
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

CJK_FONT = "STSong-Light"


@dataclass(frozen=True)
class Expected:
    file: str
    title: str
    doc_number: str
    issuer: str
    date: str
    doc_type: str
    status: str  # as of STATUS_DAY
    expires: str = ""
    enclosed_title: str = ""
    locators: tuple[str, ...] = ()  # locators that must exist


STATUS_DAY = "2026-11-26"

# ----------------------------------------------------------------------------- D1: DOCX
D1_TITLE = "示例省工业和信息化厅 示例省发展和改革委员会关于印发《示例省工业领域节能降碳实施方案（测试样例）》的通知"
D1_ENCLOSED = "示例省工业领域节能降碳实施方案（测试样例）"
D1_TABLE = [
    ("行业", "2025年能效目标", "责任单位"),
    ("钢铁", "能效标杆水平以上产能比例达到30%", "示例省冶金行业协会"),
    ("水泥", "单位熟料综合能耗下降3.7%", "示例省建材行业协会"),
    ("平板玻璃", "单位产品综合能耗下降4.2%", "示例省建材行业协会"),
    ("合成氨", "能效标杆水平以上产能比例达到25%", "示例省石化行业协会"),
]


def build_docx_notice(path: Path) -> Path:
    """Cover notice 印发 a 实施方案: 版头, 文号, joint sign-off before 附件, Word table, 版记."""
    import docx

    d = docx.Document()
    d.core_properties.title = ""
    for line in (
        "示例省工业和信息化厅文件",
        "示例省发展和改革委员会",
        "示工信节〔2023〕15号",
        "示例省工业和信息化厅 示例省发展和改革委员会关于印发",
        "《示例省工业领域节能降碳实施方案（测试样例）》的通知",
        "各市工业和信息化局、发展改革委，省直有关单位：",
        "现将《示例省工业领域节能降碳实施方案（测试样例）》印发给你们，请结合实际认真贯彻落实。本文件为测试样例，非真实文件。",
        "附件：示例省工业领域节能降碳实施方案（测试样例）",
        "示例省工业和信息化厅        示例省发展和改革委员会",
        "2023年3月15日",
        "（此件公开发布）",
        "附件",
        "示例省工业领域节能降碳实施方案（测试样例）",
        "一、总体要求",
        "（一）主要目标。到2025年，全省规模以上工业单位增加值能耗较2020年下降13.5%，重点行业能效标杆水平以上产能比例达到30%，"
        "工业领域二氧化碳排放增长得到有效控制。",
        "（二）基本原则。坚持统筹推进与分业施策相结合，坚持政府引导与市场主导相结合，坚持节能降碳与提质增效相结合。",
        "二、重点任务",
        "（一）推进重点行业节能改造。组织钢铁、水泥、平板玻璃、合成氨等重点行业开展能效对标，重点行业能效目标见表1。",
        "表1 重点行业能效目标",
    ):
        d.add_paragraph(line)
    table = d.add_table(rows=len(D1_TABLE), cols=3)
    for r, row in enumerate(D1_TABLE):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    for line in (
        "（二）推广节能低碳技术。每年发布示例省工业节能技术推荐目录，推动企业应用高效电机、余热余压利用等技术。",
        "三、保障措施",
        "（一）加强监测。各市工业和信息化局于每年1月15日前报送上一年度节能降碳工作进展情况。",
        "（二）强化考核。对未完成目标的市，由示例省工业和信息化厅进行约谈。",
        "本方案自印发之日起施行，有效期至2025年12月31日。",
        "抄送：示例省人民政府办公厅。",
        "示例省工业和信息化厅办公室        2023年3月16日印发",
    ):
        d.add_paragraph(line)
    d.save(str(path))
    return path


# ----------------------------------------------------------------------------- D2: PDF plan
D2_TITLE = "示例省“十四五”工业绿色发展规划（测试样例）"
D2_HEADER = "示例省工业和信息化厅（测试样例）"
BOX1 = [("工程", "主要内容", "完成时限"),
        ("绿色工厂培育工程", "新建省级绿色工厂200家", "2025年底前"),
        ("绿色园区提升工程", "创建省级绿色工业园区20个", "2024年底前"),
        ("绿色供应链工程", "培育绿色供应链管理企业50家", "2025年6月前")]
BOX2 = [("项目", "建设内容", "牵头单位"),
        ("工业固废综合利用基地", "年综合利用能力500万吨", "示例市甲区"),
        ("再生资源回收体系", "建成回收站点1200个", "示例市乙区")]

# (kind, content): "text" is wrapped, "table" rows drawn as cells, "break" starts a page
D2_FLOW: list[tuple[str, object]] = [
    ("center", D2_TITLE), ("center", "示工信规〔2021〕9号"), ("center", "二〇二一年十二月"), ("break", None),
    ("center", "目  录"),
    ("toc", ("一、发展基础", 3)), ("toc", ("二、总体要求", 3)), ("toc", ("三、主要任务", 4)), ("toc", ("四、保障措施", 5)),
    ("break", None),
    ("text", "为推动示例省工业绿色低碳转型，依据国家有关规划，制定本规划。规划期为2021—2025年。本文件为测试样例，非真实文件。"),
    ("text", "一、发展基础"),
    ("text", "（一）取得的成效。“十三五”期间，全省规模以上工业单位增加值能耗累计下降16%，创建绿色工厂120家。"),
    ("text", "（二）面临的形势。全省工业结构偏重、能源结构偏煤的状况尚未根本改变，绿色低碳转型任务艰巨。"),
    ("text", "二、总体要求"),
    ("text", "（一）指导思想。坚持生态优先、绿色发展，以减污降碳协同增效为总抓手，推动工业绿色低碳高质量发展。"),
    ("break", None),
    ("text", "（二）主要目标。到2025年，全省单位工业增加值二氧化碳排放较2020年下降18%，大宗工业固体废物综合利用率达到57%，"
             "绿色制造体系基本建成。"),
    ("text", "三、主要任务"),
    ("text", "（一）构建绿色制造体系。全面推行绿色设计，建设绿色工厂、绿色园区和绿色供应链。"),
    ("text", "专栏1 绿色制造体系建设重点工程"),
    ("table", BOX1),
    ("break", None),
    ("text", "（二）推进资源循环利用。提升工业固体废物综合利用水平，完善再生资源回收利用体系。"),
    ("text", "专栏2 资源循环利用重点项目"),
    ("table", BOX2),
    ("text", "四、保障措施"),
    ("text", "（一）加强组织领导。建立省级工业绿色发展工作协调机制，统筹推进规划实施。"),
    ("text", "（二）强化监督考核。各市于每年6月30日前报送规划实施情况，省工业和信息化厅组织开展中期评估。"),
    ("right", "示例省工业和信息化厅"),
    ("right", "二〇二一年十二月十日"),
]


@dataclass
class PdfPlan:
    path: Path
    heading_pages: dict[str, int] = field(default_factory=dict)  # "一、" / "二、（一）" → printed page


def build_pdf_plan(path: Path) -> PdfPlan:
    """A 5-page plan: cover, TOC with page numbers, body with 专栏 tables; header and — N —."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont(CJK_FONT))
    pdf = canvas.Canvas(str(path))
    plan = PdfPlan(path)
    page = 1
    y = 740
    top = ""

    def start_page() -> None:
        pdf.setFont(CJK_FONT, 9)
        pdf.drawCentredString(297, 805, D2_HEADER)
        pdf.setFont(CJK_FONT, 12)

    def end_page() -> None:
        nonlocal page, y
        pdf.setFont(CJK_FONT, 9)
        pdf.drawCentredString(297, 40, f"— {page} —")
        pdf.showPage()
        page += 1
        y = 740
        start_page()

    start_page()
    for kind, content in D2_FLOW:
        if kind == "break":
            end_page()
            continue
        if kind == "center":
            pdf.drawCentredString(297, y, str(content))
            y -= 30
        elif kind == "right":
            pdf.drawRightString(520, y, str(content))
            y -= 22
        elif kind == "toc":
            name, number = content  # type: ignore[misc]
            pdf.drawString(80, y, name)
            pdf.drawString(180, y, "·" * 40)
            pdf.drawRightString(520, y, str(number))
            y -= 22
        elif kind == "table":
            xs = (60, 200, 400)
            for row in content:  # type: ignore[union-attr]
                for x, cell in zip(xs, row, strict=True):
                    pdf.drawString(x, y, cell)
                y -= 20
            y -= 6
        else:
            text = str(content)
            m = re.match(r"([一二三四五六七八九十]+、)|(（[一二三四五六七八九十]+）)", text)
            if m and m.group(1):
                top = m.group(1)
                plan.heading_pages.setdefault(top, page)
            elif m and m.group(2):
                plan.heading_pages.setdefault(top + m.group(2), page)
            for i in range(0, len(text), 34):
                pdf.drawString(60, y, text[i : i + 34])
                y -= 20
            y -= 4
    pdf.setFont(CJK_FONT, 9)
    pdf.drawCentredString(297, 40, f"— {page} —")
    pdf.showPage()
    pdf.save()
    return plan


# ----------------------------------------------------------------------------- D3: web page
D3_TITLE = "示例市生态环境局关于开展工业企业清洁生产审核工作的通知（测试样例）"
D3_COMPANIES = [
    ("1", "示例甲钢铁有限公司", "甲区", "钢铁", "2022年10月31日"),
    ("2", "示例乙水泥股份有限公司", "乙区", "水泥", "2022年11月30日"),
    ("3", "示例丙化工有限公司", "丙区", "化工", "2022年12月15日"),
    ("4", "示例丁纸业有限公司", "甲区", "造纸", "2022年9月30日"),
    ("5", "示例戊印染有限公司", "乙区", "印染", "2022年12月31日"),
    ("6", "示例己电镀有限公司", "丙区", "电镀", "2022年11月15日"),
    ("7", "示例庚制药有限公司", "丁区", "制药", "2022年10月15日"),
    ("8", "示例辛玻璃有限公司", "丁区", "平板玻璃", "2022年12月20日"),
    ("9", "示例壬铝业有限公司", "戊区", "有色金属", "2022年11月20日"),
    ("10", "示例癸焦化有限公司", "戊区", "焦化", "2022年12月10日"),
]


def gov_page() -> str:
    rows = "".join(f"<tr>{''.join(f'<td>{c}</td>' for c in r)}</tr>" for r in D3_COMPANIES)
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{D3_TITLE}_示例市人民政府门户网站</title></head>
<body>
<div class="nav"><a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; 政策文件</div>
<div class="xxgk-info"><table>
<tr><td>索引号：</td><td>000000000/2022-00008</td><td>主题分类：</td><td>生态环境</td></tr>
<tr><td>发文机关：</td><td>示例市生态环境局</td><td>成文日期：</td><td>2022年06月01日</td></tr>
<tr><td>标题：</td><td colspan="3">{D3_TITLE}</td></tr>
<tr><td>发文字号：</td><td>示环发〔2022〕8号</td><td>发布日期：</td><td>2022年06月08日</td></tr>
<tr><td>有效性：</td><td>有效</td></tr>
</table></div>
<div class="article-content">
<h1>{D3_TITLE}</h1>
<p>各区生态环境分局，各有关企业：</p>
<p>为推动工业企业清洁生产，根据有关规定，现就开展2022年工业企业清洁生产审核工作通知如下。本文件为测试样例，非真实文件。</p>
<p>一、审核范围</p>
<p>（一）列入名单的企业。列入本通知附件名单的重点企业应当开展强制性清洁生产审核。</p>
<p>（二）自愿审核企业。鼓励其他工业企业自愿开展清洁生产审核。</p>
<p>二、工作要求</p>
<p>（一）按期完成。名单内企业应当在审核完成时限前完成审核并报送审核报告。</p>
<p>（二）加强指导。各区生态环境分局要加强对企业审核工作的指导和监督。</p>
<p>附件：2022年清洁生产审核重点企业名单</p>
<p style="text-align:right">示例市生态环境局</p>
<p style="text-align:right">2022年6月1日</p>
<p>附件</p>
<p>2022年清洁生产审核重点企业名单</p>
<table>
<tr><th>序号</th><th>企业名称</th><th>所在区</th><th>行业</th><th>审核完成时限</th></tr>
{rows}
</table>
</div>
<div class="footer">主办单位：示例市人民政府办公厅 版权所有</div>
</body></html>"""


def build_gov_page(path: Path) -> Path:
    path.write_text(gov_page(), encoding="utf-8")
    return path


# ----------------------------------------------------------------------------- D4: GBK TXT
D4_TITLE = "示例市工业和信息化局关于印发《示例市绿色制造标准体系建设指南（2024年版）（测试样例）》的通知"
D4_ENCLOSED = "示例市绿色制造标准体系建设指南（2024年版）（测试样例）"
D4_TABLE = [
    ("序号", "标准类别", "标准编号", "标准名称", "状态"),
    ("1", "绿色工厂", "DB99/T 9001-2024", "示例绿色工厂评价通则", "已发布"),
    ("2", "绿色产品", "DB99/T 9002-2024", "示例绿色产品评价 陶瓷砖", "制定中"),
    ("3", "绿色园区", "DB99/T 9003-2025", "示例绿色工业园区评价要求", "计划"),
    ("4", "能源管理", "T/SLX 0012-2024", "示例能源管理体系实施指南", "已发布"),
]


def gbk_txt() -> str:
    table = "\n".join("\t".join(r) for r in D4_TABLE)
    return f"""示例市工业和信息化局关于印发
《示例市绿色制造标准体系建设指南（2024年版）（测试样例）》的通知
示工信〔2024〕3号
各区工业和信息化主管部门，各有关单位：
现将《示例市绿色制造标准体系建设指南（2024年版）（测试样例）》印发给你们，请认真组织实施。本文件为测试样例，非真实文件。
附件：示例市绿色制造标准体系建设指南（2024年版）
示例市工业和信息化局
2024年5月20日
附件
示例市绿色制造标准体系建设指南（2024年版）（测试样例）
一、总体要求
到2026年，制修订绿色制造地方标准30项以上，基本建成覆盖绿色工厂、绿色产品、绿色园区的标准体系。
二、标准体系框架
（一）建设内容。标准体系由绿色工厂、绿色产品、绿色园区、能源管理四类标准组成，重点标准见下表。
{table}
（二）实施要求。各有关单位应于2024年12月31日前报送标准制修订计划。
三、组织实施
本指南有效期至2030年12月31日。
"""


def build_gbk_txt(path: Path) -> Path:
    path.write_bytes(gbk_txt().encode("gbk"))
    return path


# ----------------------------------------------------------------------------- D5: repeal by 文号
D5_TITLE = "示例市生态环境局关于进一步规范工业企业清洁生产审核工作的通知（测试样例）"


def repeal_notice() -> str:
    return f"""示例市生态环境局文件
示环发〔2024〕21号
{D5_TITLE}
各区生态环境分局，各有关企业：
为进一步规范工业企业清洁生产审核工作，现将有关事项通知如下。本文件为测试样例，非真实文件。
一、审核报告应当在审核完成后30日内报送所在区生态环境分局。
二、区生态环境分局应当在收到审核报告之日起20个工作日内完成评估。
三、本通知自2024年9月1日起施行，有效期5年。原《关于开展清洁生产审核工作的通知》（示环发〔2022〕8号）同时废止。
示例市生态环境局
二〇二四年八月二十日
抄送：示例市人民政府办公厅。
示例市生态环境局办公室 2024年8月21日印发
"""


def build_repeal_notice(path: Path) -> Path:
    path.write_text(repeal_notice(), encoding="utf-8")
    return path


FILES = {
    "d1": "示例省节能降碳实施方案通知（测试样例）.docx",
    "d2": "示例省十四五工业绿色发展规划（测试样例）.pdf",
    "d3": "示例市清洁生产审核通知（测试样例）.html",
    "d4": "示例市绿色制造标准体系建设指南（测试样例）.txt",
    "d5": "示例市清洁生产审核规范通知（测试样例）.txt",
}

EXPECTED: dict[str, Expected] = {
    "d1": Expected(FILES["d1"], D1_TITLE, "示工信节〔2023〕15号", "示例省工业和信息化厅、示例省发展和改革委员会",
                   "2023-03-15", "实施方案", "已失效", expires="2025-12-31", enclosed_title=D1_ENCLOSED,
                   locators=("附件 一、（一）", "附件 二、（一）", "附件 表1 第1行", "附件 三、（一）", "落款")),
    "d2": Expected(FILES["d2"], D2_TITLE, "示工信规〔2021〕9号", "示例省工业和信息化厅", "2021-12-10", "规划", "期满",
                   locators=("一、（一）", "二、（二）", "三、（一）", "专栏1 第1行", "专栏2 第2行", "四、（二）")),
    "d3": Expected(FILES["d3"], D3_TITLE, "示环发〔2022〕8号", "示例市生态环境局", "2022-06-01", "规范性文件", "已废止",
                   locators=("一、（一）", "二、（二）", "附件 表1 第3行", "附件 表1 第10行", "落款")),
    "d4": Expected(FILES["d4"], D4_TITLE, "示工信〔2024〕3号", "示例市工业和信息化局", "2024-05-20", "标准", "现行有效",
                   expires="2030-12-31", enclosed_title=D4_ENCLOSED,
                   locators=("附件 一、", "附件 二、（一）", "附件 二、（二）", "附件 表1 第2行")),
    "d5": Expected(FILES["d5"], D5_TITLE, "示环发〔2024〕21号", "示例市生态环境局", "2024-08-20", "规范性文件", "现行有效",
                   expires="2029-08-31", locators=("一、", "三、", "落款")),
}

BUILDERS = {"d1": build_docx_notice, "d2": build_pdf_plan, "d3": build_gov_page, "d4": build_gbk_txt,
            "d5": build_repeal_notice}


def build_all(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for key, builder in BUILDERS.items():
        path = folder / FILES[key]
        builder(path)
        out[key] = path
    return out
