"""Variant fixtures of the standards register: the ways real standards guides, green-factory
notices, standard texts, announcements and catalogues write numbers, tables and sentences that
tests/fixtures_standards.py does not cover. Everything is invented (测试样例): issuers, document
numbers, standard numbers (GB/T 391xx, JB/T 3914 …) and names; none of it is real policy. The ISO
numbers are the real designations the notices cite, with invented names.

- NOTICE (TXT): numbers written with an em dash, an en dash, a full-width slash, a space before
  the slash, a part number, a two-digit year (JB/T 3914-94: an edition of 1994), group standards
  with organisation codes (T/CSTE, T/CECA-G), local standards (DB37/T, DB11/ without T), ISO
  editions and a dual designation (GB/T 24001-2016/ISO 14001:2015: two standards, one name);
- STANDARD (TXT): a standard's own text, its number in the title: 本标准代替 A 和 B；…自…起实施;
- ANNOUNCEMENT (TXT): 以 A 代替 B；A 自…起实施，B 同时废止；A 代替 B，自…起实施;
- GUIDE (HTML): a standards table with its columns in another order (序号 / 状态 / 标准号 / 实施日期 /
  标准名称 / 代替标准号 / 发布日期), cells merged across rows (rowspan), and the statuses
  现行有效 / 即将实施 / 已废止 / 被代替;
- GUIDE_DOCX: the same kind of table in Word, cells merged vertically;
- CATALOGUE (CSV in GBK): a title line above the header, blank rows below it, Excel-style dates.
"""
from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

TODAY = dt.date(2026, 11, 26)

NOTICE_NAME = "示例市绿色制造名单推荐工作通知（测试样例）.txt"
NOTICE_TITLE = "示例市工业和信息化局关于组织开展2026年度绿色制造名单推荐工作的通知（测试样例）"
NOTICE = f"""{NOTICE_TITLE}

示工信〔2026〕30号

各区工业和信息化主管部门：

现将2026年度绿色制造名单推荐工作有关事项通知如下。本通知为测试样例，所列标准编号和名称均为虚构。

一、基本要求

（一）申报企业应当按照GB/T 39140—2024《示例绿色工厂评价导则》开展自评价，能源管理应当符合GB/T 39141–2023《示例能源管理体系实施指南》。

（二）企业应当建立环境管理体系和能源管理体系，符合GB/T 24001-2016/ISO 14001:2015《示例环境管理体系要求（测试样例）》和ISO 50001:2018的要求。

二、行业要求

（一）钢铁企业应当满足YB／T 39142-2025《示例钢铁行业绿色工厂评价要求》。

（二）机械企业应当满足GB /T 39143—2021《示例机械行业绿色工厂评价要求》，机床产品应当符合JB/T 3914-94《示例机床电气设备通用技术条件》。

（三）电子企业应当满足GB/T 39144.2-2020《示例电子产品绿色设计评价 第2部分：印制电路板》。

三、团体标准和地方标准

（一）鼓励企业采用T/CSTE 0391-2024《示例绿色供应链管理评价规范》、T/CECA-G 0392—2022《示例工厂碳排放核算指南》等团体标准。

（二）本市企业还应当符合DB37/T 3915-2023《示例工业企业节能诊断规范》和DB11/ 3916-2020《示例单位产品能源消耗限额》。

示例市工业和信息化局（测试样例）
2026年3月10日
"""

# code → (family, kind, number, part, year, name, the notice's locator)
NOTICE_STANDARDS = {
    "GB/T 39140-2024": ("GB/T", "国家标准", "39140", "", "2024", "示例绿色工厂评价导则", "一、（一）"),
    "GB/T 39141-2023": ("GB/T", "国家标准", "39141", "", "2023", "示例能源管理体系实施指南", "一、（一）"),
    "GB/T 24001-2016": ("GB/T", "国家标准", "24001", "", "2016", "示例环境管理体系要求（测试样例）", "一、（二）"),
    "ISO 14001:2015": ("ISO", "国际标准", "14001", "", "2015", "示例环境管理体系要求（测试样例）", "一、（二）"),
    "ISO 50001:2018": ("ISO", "国际标准", "50001", "", "2018", "", "一、（二）"),
    "YB/T 39142-2025": ("YB/T", "行业标准", "39142", "", "2025", "示例钢铁行业绿色工厂评价要求", "二、（一）"),
    "GB/T 39143-2021": ("GB/T", "国家标准", "39143", "", "2021", "示例机械行业绿色工厂评价要求", "二、（二）"),
    "JB/T 3914-1994": ("JB/T", "行业标准", "3914", "", "1994", "示例机床电气设备通用技术条件", "二、（二）"),
    "GB/T 39144.2-2020": ("GB/T", "国家标准", "39144", "2", "2020", "示例电子产品绿色设计评价 第2部分：印制电路板",
                          "二、（三）"),
    "T/CSTE 0391-2024": ("T/CSTE", "团体标准", "0391", "", "2024", "示例绿色供应链管理评价规范", "三、（一）"),
    "T/CECA-G 0392-2022": ("T/CECA-G", "团体标准", "0392", "", "2022", "示例工厂碳排放核算指南", "三、（一）"),
    "DB37/T 3915-2023": ("DB37/T", "地方标准", "3915", "", "2023", "示例工业企业节能诊断规范", "三、（二）"),
    "DB11/ 3916-2020": ("DB11", "地方标准", "3916", "", "2020", "示例单位产品能源消耗限额", "三、（二）"),
}

STANDARD_NAME = "GB／T 39120—2026 示例工业企业能源计量器具配备和管理通则（测试样例）.txt"
STANDARD_TITLE = "GB/T 39120-2026 示例工业企业能源计量器具配备和管理通则（测试样例）"
STANDARD = f"""{STANDARD_TITLE}

前言

本标准为测试样例，标准编号和内容均为虚构。

本标准代替GB/T 39120-2008和GB/T 39121-2010；与GB/T 39120-2008相比，除编辑性修改外主要技术变化如下：增加了能源计量器具的配备要求。

本标准由示例标准化技术委员会（测试样例）提出并归口。

本标准于2025年12月30日发布，自2026年7月1日起实施。

1 范围

本标准规定了工业企业能源计量器具配备和管理的基本要求（测试样例）。
"""

ANNOUNCEMENT_NAME = "示例标准化管理委员会公告2026年第5号（测试样例）.txt"
ANNOUNCEMENT_TITLE = "示例标准化管理委员会关于批准发布《示例水泥单位产品能源消耗限额》等3项国家标准的公告（测试样例）"
ANNOUNCEMENT = f"""{ANNOUNCEMENT_TITLE}

2026年第5号

示例标准化管理委员会批准《示例水泥单位产品能源消耗限额》等3项国家标准，现予以公布。本公告为测试样例，标准编号和名称均为虚构。

一、以GB 39131-2026《示例水泥单位产品能源消耗限额》代替GB 39131-2012，自2027年1月1日起实施。

二、GB/T 39132-2026《示例平板玻璃单位产品能耗评价》自2026年7月1日起实施，GB/T 39132-2015同时废止。

三、GB/T 39133-2026《示例陶瓷行业绿色工厂评价要求》代替GB/T 39133-2019，自2026年12月1日起实施。

示例标准化管理委员会（测试样例）
2026年4月20日
"""

GUIDE_NAME = "示例省工业领域标准体系建设指南（测试样例）.html"
GUIDE_TITLE = "示例省工业领域标准体系建设指南（测试样例）"
# (序号, 状态, 标准号, 实施日期, 标准名称, 代替标准号, 发布日期); None: a cell merged into the one above
GUIDE_HEADER = ("序号", "状态", "标准号", "实施日期", "标准名称", "代替标准号", "发布日期")
GUIDE_ROWS = [
    ("1", "现行有效", "GB/T 39150-2021", "2021-10-01", "示例绿色设计产品评价技术规范 纸制品", "GB/T 39150-2013",
     "2021-03-01"),
    ("2", "即将实施", "GB/T 39151-2026", "2027-03-01", "示例绿色设计产品评价技术规范 墙体材料", "", "2026-09-01"),
    ("3", None, "GB/T 39152-2026", None, "示例绿色设计产品评价技术规范 卫生陶瓷", "GB/T 39152-2018", None),
    ("4", "已废止", "GB/T 39153-2012", "2013-02-01", "示例工业锅炉能效测试方法", "", "2012-06-01"),
    ("5", "被代替", "HJ/T 3917-2006", "2006-12-01", "示例清洁生产标准 示例行业", "", "2006-08-01"),
]

GUIDE_DOCX_NAME = "示例市绿色工厂评价标准清单（测试样例）.docx"
GUIDE_DOCX_TITLE = "示例市绿色工厂评价标准清单（测试样例）"
GUIDE_DOCX_HEADER = ("序号", "标准名称", "标准号", "实施日期", "状态")
GUIDE_DOCX_ROWS = [
    ("1", "示例纺织行业绿色工厂评价要求", "FZ/T 3918-2025", "2026-01-01", "现行有效"),
    ("2", "示例印染行业绿色工厂评价要求", "FZ/T 3919-2025", None, None),
    ("3", "示例化纤行业绿色工厂评价要求", "FZ/T 3920-2026", "2027-05-01", "即将实施"),
]

CATALOGUE_NAME = "示例工业节能标准目录（测试样例）.csv"
CATALOGUE_TITLE = "示例工业节能标准目录（测试样例，2026年11月导出，共3项）"
CATALOGUE_HEADER = ("序号", "标准编号", "标准名称", "标准状态", "发布日期", "实施日期", "代替标准号")
CATALOGUE_ROWS = [
    ("1", "GB 39160-2026", "示例电动机能效限定值及能效等级", "即将实施", "2026/6/1", "2027/6/1", "GB 39160-2012"),
    ("2", "GB 39160-2012", "示例电动机能效限定值及能效等级", "现行", "2012/3/1", "2012/9/1", ""),
    ("3", "GB/T 39161-2025", "示例风机系统节能监测方法", "现行", "2025/2/1", "2025/9/1", "GB/T 39161-2009"),
]

# status of every standard the variant documents and the catalogue name, on TODAY
EXPECTED = {
    **{code: "状态不详" for code in NOTICE_STANDARDS},
    "GB/T 39120-2026": "现行", "GB/T 39120-2008": "废止", "GB/T 39121-2010": "废止",
    "GB 39131-2026": "即将实施", "GB 39131-2012": "状态不详",  # replaced only from 2027-01-01
    "GB/T 39132-2026": "现行", "GB/T 39132-2015": "废止",
    "GB/T 39133-2026": "即将实施", "GB/T 39133-2019": "状态不详",
    "GB/T 39150-2021": "现行", "GB/T 39150-2013": "废止",
    "GB/T 39151-2026": "即将实施", "GB/T 39152-2026": "即将实施", "GB/T 39152-2018": "状态不详",
    "GB/T 39153-2012": "废止", "HJ/T 3917-2006": "废止",
    "FZ/T 3918-2025": "现行", "FZ/T 3919-2025": "现行", "FZ/T 3920-2026": "即将实施",
    "GB 39160-2026": "即将实施", "GB 39160-2012": "现行",
    "GB/T 39161-2025": "现行", "GB/T 39161-2009": "废止",
}


def guide_html() -> str:
    """The guide as a government web page: the table's merged cells are <td rowspan>."""
    spans = {}  # (row, column) → rows the cell spans
    for c in range(len(GUIDE_HEADER)):
        for r, row in enumerate(GUIDE_ROWS):
            if row[c] is not None:
                n = 1
                while r + n < len(GUIDE_ROWS) and GUIDE_ROWS[r + n][c] is None:
                    n += 1
                spans[(r, c)] = n
    trs = ["<tr>" + "".join(f"<th>{h}</th>" for h in GUIDE_HEADER) + "</tr>"]
    for r, row in enumerate(GUIDE_ROWS):
        tds = []
        for c, value in enumerate(row):
            if value is None:
                continue
            span = f' rowspan="{spans[(r, c)]}"' if spans[(r, c)] > 1 else ""
            tds.append(f"<td{span}>{value}</td>")
        trs.append("<tr>" + "".join(tds) + "</tr>")
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{GUIDE_TITLE}</title></head>
<body><div class="article">
<h1>{GUIDE_TITLE}</h1>
<p>示例省工业和信息化厅（测试样例）</p>
<p>一、总体要求</p>
<p>为推进示例省工业领域标准体系建设，本指南列出重点标准。本指南为测试样例，标准编号和名称均为虚构。</p>
<p>二、重点标准</p>
<p>表1 绿色设计产品评价相关标准</p>
<table border="1">{"".join(trs)}</table>
<p>三、保障措施</p>
<p>各地应加强标准宣贯和实施。</p>
<p>示例省工业和信息化厅（测试样例）</p>
<p>2026年9月15日</p>
</div></body></html>
"""


def write_guide_docx(path: Path) -> Path:
    """The list in Word: a cell left None is merged with the one above (a vertical merge)."""
    import docx

    document = docx.Document()
    document.add_paragraph(GUIDE_DOCX_TITLE)
    document.add_paragraph("示例市工业和信息化局（测试样例）")
    document.add_paragraph("一、评价标准")
    document.add_paragraph("本清单为测试样例，标准编号和名称均为虚构。")
    document.add_paragraph("表1 绿色工厂评价标准清单")
    rows = [GUIDE_DOCX_HEADER, *GUIDE_DOCX_ROWS]
    table = document.add_table(rows=len(rows), cols=len(GUIDE_DOCX_HEADER))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is None:
                table.cell(r - 1, c).merge(table.cell(r, c))
            else:
                table.cell(r, c).text = value
    document.add_paragraph("二、其他事项")
    document.add_paragraph("各区应组织企业对标上述标准。")
    document.add_paragraph("示例市工业和信息化局（测试样例）")
    document.add_paragraph("2026年5月6日")
    document.save(str(path))
    return path


def write_catalogue(path: Path) -> Path:
    """The catalogue as exported in GBK: a title line, the header, two blank rows, the rows, a blank row."""
    width = len(CATALOGUE_HEADER)
    with path.open("w", encoding="gbk", newline="") as fh:
        w = csv.writer(fh)
        w.writerow([CATALOGUE_TITLE] + [""] * (width - 1))
        w.writerow(CATALOGUE_HEADER)
        w.writerow([""] * width)
        w.writerow([""] * width)
        w.writerows(CATALOGUE_ROWS)
        w.writerow([""] * width)
    return path


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / NOTICE_NAME).write_text(NOTICE, encoding="utf-8")
    (folder / STANDARD_NAME).write_text(STANDARD, encoding="utf-8")
    (folder / ANNOUNCEMENT_NAME).write_text(ANNOUNCEMENT, encoding="utf-8")
    (folder / GUIDE_NAME).write_text(guide_html(), encoding="utf-8")
    write_guide_docx(folder / GUIDE_DOCX_NAME)
    return folder


def build_index(base: Path, catalogue: bool = True):
    """Ingest the five variant documents into base/data (embed_model none: BM25 only) and import the
    GBK catalogue; returns the settings."""
    from ingest.pipeline import run
    from kb.index.store import Index
    from kb.registers.standards_catalogue import import_catalogue
    from kb.settings import Settings

    corpus = write_corpus(base / "corpus")
    settings = Settings(data_dir=base / "data", corpus_dir=corpus, embed_model="none")
    summary = run([corpus], settings)
    assert summary.count("added") == 5, summary
    if catalogue:
        import_catalogue(Index(settings), write_catalogue(base / CATALOGUE_NAME))
    return settings
