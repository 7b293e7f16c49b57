"""Fixtures of the standards register, written at test time. Everything is invented (测试样例):
issuers (示例省), document numbers and every standard number (in realistic patterns: GB, GB/T,
YS/T, QB/T, YB/T, HJ, HJ/T, JC/T, DB99/T, T/SLXH, ISO). None of it is real policy.

- a standards guide (DOCX, a Word table: 标准编号 / 标准名称 / 状态 / 代替标准 / 实施日期);
- a notice citing industry standards (TXT: requirements per industry, one replaced standard);
- a catalogue CSV as exported from the national platform (标准号 / 标准名称 / 标准状态 / 发布日期 /
  实施日期 / 废止日期 / 代替标准 / 被代替标准), and a catalogue XLSX of another layout (a title line,
  then 标准编号 / 中文名称 / 状态 / 发布日期 / 实施日期 / 代替标准号, with Excel dates).

`EXPECTED` is the status of every standard on `TODAY`; `EXPECTED_EARLIER` on `EARLIER`.
"""
from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

TODAY = dt.date(2026, 11, 26)
EARLIER = dt.date(2026, 1, 15)  # before YS/T 3901-2025 and GB/T 39021-2025 took effect

GUIDE_NAME = "示例省绿色制造标准体系建设指南（测试样例）.docx"
GUIDE_TITLE = "示例省绿色制造标准体系建设指南（测试样例）"
GUIDE_TABLE = [
    ("序号", "标准编号", "标准名称", "状态", "代替标准", "实施日期"),
    ("1", "GB/T 39001-2021", "绿色工厂评价通则（测试样例）", "现行", "GB/T 39001-2017", "2021-06-01"),
    ("2", "YS/T 3901-2025", "示例有色金属行业绿色工厂评价要求", "即将实施", "", "2026-02-01"),
    ("3", "QB/T 39018—2024", "示例造纸行业绿色工厂评价要求", "现行", "QB/T 39018-2016", "2024-07-01"),
    ("4", "GB 39017-2010", "示例制浆造纸单位产品能源消耗限额", "现行", "", "2011-01-01"),
    ("5", "HJ 3902-2030", "示例造纸工业水污染物排放标准", "即将实施", "HJ/T 3902-2008", "2031-01-01"),
    ("6", "DB99/T 3903-2024", "示例省造纸企业绿色工厂评价细则", "现行", "", "2024-03-01"),
    ("7", "T/SLXH 3904-2025", "示例纺织行业绿色工厂评价规范", "现行", "", "2025-05-01"),
]

NOTICE_NAME = "示例省关于开展2026年度绿色工厂申报工作的通知（测试样例）.txt"
NOTICE_TITLE = "示例省工业和信息化厅关于开展2026年度绿色工厂申报工作的通知（测试样例）"
NOTICE = f"""{NOTICE_TITLE}

示工信节〔2026〕12号

各设区市工业和信息化局：

为做好2026年度绿色工厂申报工作，现将有关事项通知如下。本通知为测试样例，所列标准编号均为虚构。

一、申报条件

（一）申报企业应当符合GB/T 39001-2021《绿色工厂评价通则（测试样例）》的要求，并参照ISO 14001:2015和ISO 50001:2018建立管理体系。

二、行业要求

（一）造纸行业。申报企业应当满足QB/T 39018-2024《示例造纸行业绿色工厂评价要求》，单位产品能耗应当达到GB 39017-2010《示例制浆造纸单位产品能源消耗限额》的要求，水污染物排放执行HJ/T 3902-2008《示例造纸工业水污染物排放标准》。

（二）有色金属行业。申报企业应当满足YS/T 3901-2025《示例有色金属行业绿色工厂评价要求》。

（三）钢铁行业。申报企业应当满足YB/T 3905-2026《示例钢铁行业绿色工厂评价要求》。YB/T 3905-2019已被YB/T 3905-2026代替，新标准自2026年3月1日起实施。

三、其他事项

本通知自2026年1月1日起实施。

示例省工业和信息化厅（测试样例）
2025年12月20日
"""

CSV_NAME = "示例标准目录（测试样例）.csv"
CSV_HEADER = ("标准号", "标准名称", "英文名称", "标准状态", "发布日期", "实施日期", "废止日期", "代替标准", "被代替标准")
CSV_ROWS = [
    ("GB 39017-2010", "示例制浆造纸单位产品能源消耗限额", "", "废止", "2010-05-01", "2011-01-01", "2025-10-01", "",
     "GB 39017-2024"),
    ("GB 39017-2024", "示例制浆造纸单位产品能源消耗限额", "", "现行", "2024-12-01", "2025-10-01", "", "GB 39017-2010", ""),
    ("GB/T 39001-2017", "绿色工厂评价通则（测试样例）", "", "废止", "2017-05-01", "2017-12-01", "2021-06-01", "",
     "GB/T 39001-2021"),
    ("HJ/T 3902-2008", "示例造纸工业水污染物排放标准", "", "现行", "2008-01-01", "2008-08-01", "", "", "HJ 3902-2030"),
    ("GB/T 39021-2025", "示例造纸行业清洁生产评价指标体系", "", "即将实施", "2025-08-01", "2026-02-01", "", "", ""),
    ("GB 39020-2030", "示例纸制品能效限定值及能效等级", "", "即将实施", "2030-01-05", "2031-07-01", "", "GB 39020-2015", ""),
]

XLSX_NAME = "示例行业标准目录（测试样例）.xlsx"
XLSX_TITLE = "示例行业标准目录（测试样例，导出于2026年）"
XLSX_HEADER = ("序号", "标准编号", "中文名称", "状态", "发布日期", "实施日期", "代替标准号")
XLSX_ROWS = [
    (1, "JC/T 3906-2026", "示例水泥行业绿色工厂评价要求", "现行", dt.date(2025, 12, 1), dt.date(2026, 4, 1),
     "JC/T 3906-2018"),
    (2, "GB 39020-2015", "示例纸制品能效限定值及能效等级", "现行", dt.date(2015, 3, 1), dt.date(2016, 1, 1), ""),
    (3, "DB99/T 3903-2024", "示例省造纸企业绿色工厂评价细则", "现行", dt.date(2023, 12, 1), dt.date(2024, 3, 1), ""),
]

EXPECTED = {
    "GB/T 39001-2021": "现行", "GB/T 39001-2017": "废止",
    "YS/T 3901-2025": "现行",  # 即将实施 from 2026-02-01 in the guide: in force since
    "QB/T 39018-2024": "现行", "QB/T 39018-2016": "废止",
    "GB 39017-2010": "废止", "GB 39017-2024": "现行",  # the guide says 现行; the catalogue knows better
    "HJ 3902-2030": "即将实施", "HJ/T 3902-2008": "现行",
    "DB99/T 3903-2024": "现行", "T/SLXH 3904-2025": "现行",
    "YB/T 3905-2019": "废止", "YB/T 3905-2026": "现行",
    "ISO 14001:2015": "状态不详", "ISO 50001:2018": "状态不详",
    "GB/T 39021-2025": "现行", "GB 39020-2030": "即将实施", "GB 39020-2015": "现行",
    "JC/T 3906-2026": "现行", "JC/T 3906-2018": "废止",
}
EXPECTED_EARLIER = dict(EXPECTED, **{
    "YS/T 3901-2025": "即将实施", "GB/T 39021-2025": "即将实施",
    "YB/T 3905-2019": "状态不详", "YB/T 3905-2026": "即将实施",  # the new edition starts 2026-03-01
    "JC/T 3906-2026": "即将实施", "JC/T 3906-2018": "状态不详",
})
DOCUMENT_ONLY = {  # the statuses the two documents give alone, without any catalogue
    "GB/T 39001-2021": "现行", "GB/T 39001-2017": "废止", "YS/T 3901-2025": "现行",
    "QB/T 39018-2024": "现行", "QB/T 39018-2016": "废止", "GB 39017-2010": "现行",
    "HJ 3902-2030": "即将实施", "HJ/T 3902-2008": "状态不详", "DB99/T 3903-2024": "现行",
    "T/SLXH 3904-2025": "现行", "YB/T 3905-2019": "废止", "YB/T 3905-2026": "现行",
    "ISO 14001:2015": "状态不详", "ISO 50001:2018": "状态不详",
}


def write_guide(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph(GUIDE_TITLE)
    document.add_paragraph("示例省工业和信息化厅（测试样例）")
    document.add_paragraph("一、总体要求")
    document.add_paragraph("为推动示例省工业绿色发展，本指南列出绿色工厂评价相关标准。本指南为测试样例，标准编号均为虚构。")
    document.add_paragraph("二、重点标准")
    document.add_paragraph("表1 绿色工厂评价相关标准")
    table = document.add_table(rows=len(GUIDE_TABLE), cols=len(GUIDE_TABLE[0]))
    for r, row in enumerate(GUIDE_TABLE):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph("三、实施要求")
    document.add_paragraph("各地应组织企业对标上述标准开展绿色工厂创建。")
    document.add_paragraph("示例省工业和信息化厅（测试样例）")
    document.add_paragraph("2025年6月30日")
    document.save(str(path))
    return path


def write_notice(path: Path) -> Path:
    path.write_text(NOTICE, encoding="utf-8")
    return path


def write_corpus(folder: Path) -> Path:
    """The guide and the notice in `folder` (created)."""
    folder.mkdir(parents=True, exist_ok=True)
    write_guide(folder / GUIDE_NAME)
    write_notice(folder / NOTICE_NAME)
    return folder


def write_catalogue_csv(path: Path, rows: list[tuple] | None = None, encoding: str = "utf-8-sig") -> Path:
    with path.open("w", encoding=encoding, newline="") as fh:
        w = csv.writer(fh)
        w.writerow(CSV_HEADER)
        w.writerows(CSV_ROWS if rows is None else rows)
    return path


def write_catalogue_xlsx(path: Path) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "标准目录"
    sheet.append([XLSX_TITLE])
    sheet.append(list(XLSX_HEADER))
    for row in XLSX_ROWS:
        sheet.append(list(row))
    book.save(str(path))
    return path


def build_index(base: Path, catalogues: bool = True):
    """Ingest the guide and the notice into base/data (embed_model none: BM25 only) and import the
    two catalogues; returns the settings."""
    from ingest.pipeline import run
    from kb.index.store import Index
    from kb.registers.standards_catalogue import import_catalogue
    from kb.settings import Settings

    corpus = write_corpus(base / "corpus")
    settings = Settings(data_dir=base / "data", corpus_dir=corpus, embed_model="none")
    summary = run([corpus], settings)
    assert summary.count("added") == 2, summary
    if catalogues:
        index = Index(settings)
        import_catalogue(index, write_catalogue_csv(base / CSV_NAME))
        import_catalogue(index, write_catalogue_xlsx(base / XLSX_NAME))
    return settings
