"""PDF tables in the shapes real policy PDFs print them, built with reportlab at test time.

Every issuer, standard number, figure and company here is invented (示例省, 测试样例); nothing
is copied from a real document. The shapes are those real PDFs have and the other fixtures
lack: ruled cells wrapping onto two or three lines, a table running over a page break with
and without its header row repeated, a standards list of six short columns without rules,
and a table followed at once by a 注： line and body text.

    build_all(folder) -> dict[name, Path]
    TABLES[name]        # the rows (header first) each fixture prints
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

CJK_FONT = "STSong-Light"
FONT_SIZE = 10.5
LEADING = 14  # baseline to baseline inside a wrapped cell
PAD = 5  # cell padding above and below the text
RUNNING_HEADER = "示例省工业和信息化厅文件（测试样例）"

# ----------------------------------------------------------------------------- shapes

# T1: ruled, cells wrapping onto two and three lines in more than one column at once.
WRAPPED = [
    ("序号", "重点任务", "主要内容", "责任单位"),
    ("1", "绿色工厂培育", "新建省级绿色工厂200家，推动已创建绿色工厂开展对标提升", "示例省工业和信息化厅、各市工业和信息化局"),
    ("2", "工业节水增效", "规模以上工业用水重复利用率达到94%", "示例省水利厅"),
    ("3", "再生资源高值利用", "建成再生资源回收站点1200个，分拣中心30个，废钢利用量达到900万吨", "示例省商务厅、示例省发展和改革委员会"),
    ("4", "能效诊断服务", "每年为500家企业开展节能诊断", "示例省节能监察中心"),
]
WRAPPED_WIDTHS = (36, 96, 210, 150)

# T2 / T3: a long table over a page break; T2 repeats its header row on the next page.
LONG = [("序号", "企业名称", "所在地区", "行业", "完成时限")] + [
    (str(n), f"示例{name}有限公司", f"{area}区", trade, f"2024年{month}月底前")
    for n, (name, area, trade, month) in enumerate([
        ("甲钢铁", "甲", "钢铁", 3), ("乙水泥", "乙", "水泥", 4), ("丙化工", "丙", "化工", 5),
        ("丁纸业", "甲", "造纸", 6), ("戊印染", "乙", "印染", 7), ("己电镀", "丙", "电镀", 8),
        ("庚制药", "丁", "制药", 9), ("辛玻璃", "丁", "平板玻璃", 10), ("壬铝业", "戊", "有色金属", 11),
        ("癸焦化", "戊", "焦化", 12), ("子陶瓷", "甲", "建筑陶瓷", 3), ("丑石化", "乙", "石化", 4),
        ("寅铸造", "丙", "铸造", 5), ("卯铁合金", "丁", "铁合金", 6),
    ], start=1)
]
LONG_WIDTHS = (36, 150, 70, 80, 110)
LONG_ROWS_ON_FIRST_PAGE = 8

# T4: a standards list without rules: six columns of short codes and dates.
STANDARDS = [
    ("序号", "标准号", "标准名称", "状态", "实施日期", "代替标准"),
    ("1", "GB/T 99001-2023", "示例工业能效测试方法", "现行", "2024-03-01", "GB/T 99001-2015"),
    ("2", "GB 99002-2024", "示例产品能耗限额", "现行", "2025-01-01", "GB 99002-2016"),
    ("3", "GB/T 99003-2022", "示例节水评价导则", "废止", "2023-07-01", "—"),
    ("4", "DB99/T 1234-2023", "示例绿色工厂评价规范", "现行", "2023-12-01", "DB99/T 1234-2018"),
    ("5", "GB/T 99005-2024", "示例碳排放核算指南", "即将实施", "2025-06-01", "—"),
]
STANDARDS_XS = (60, 92, 200, 340, 380, 450)

# T5: figures with % and 万吨标准煤, then at once a 注： line and body text.
TARGETS = [
    ("指标", "2020年", "2025年目标", "属性"),
    ("单位工业增加值能耗下降", "—", "13.5%", "约束性"),
    ("工业能源消费总量", "6800万吨标准煤", "7300万吨标准煤", "预期性"),
    ("规模以上工业用水重复利用率", "91%", "94%", "预期性"),
]
TARGETS_WIDTHS = (170, 100, 110, 70)
TARGETS_NOTE = "注：能源消费总量按等价值计算，数据为测试样例。"
TARGETS_AFTER = "各市要对照上述指标制定年度计划，于每年3月底前报送上一年度完成情况。"

# T6: a ruled table whose 行业 cell is merged over two rows (written once, centred).
MERGED = [
    ("行业", "企业名称", "改造内容"),
    ("钢铁", "示例甲钢铁有限公司", "高炉煤气余压发电"),
    ("钢铁", "示例乙特钢有限公司", "电炉短流程改造"),
    ("水泥", "示例丙水泥有限公司", "窑炉余热利用"),
]
MERGED_WIDTHS = (70, 160, 170)

# T7: vertical rules, and horizontal ones only above and under the header and at the bottom:
# the rows between have no rule of their own.
OPEN_ROWS = [
    ("地区", "2025年目标", "责任单位"),
    ("甲区", "下降14%", "甲区工业和信息化局"),
    ("乙区", "下降13%", "乙区工业和信息化局"),
    ("丙区", "下降12.5%", "丙区工业和信息化局"),
]
OPEN_ROWS_WIDTHS = (80, 120, 180)

TABLES = {"merged": MERGED, "open_rows": OPEN_ROWS, "wrapped": WRAPPED, "long_repeat": LONG, "long_plain": LONG, "standards": STANDARDS, "targets": TARGETS}


@dataclass
class _Page:
    """A reportlab canvas with a running header, — N — page numbers and a y cursor."""

    pdf: object
    number: int = 1
    y: float = 740

    def start(self) -> None:
        self.pdf.setFont(CJK_FONT, 9)
        self.pdf.drawCentredString(297, 805, RUNNING_HEADER)
        self.pdf.setFont(CJK_FONT, FONT_SIZE)
        self.y = 740

    def end(self) -> None:
        self.pdf.setFont(CJK_FONT, 9)
        self.pdf.drawCentredString(297, 40, f"— {self.number} —")
        self.pdf.showPage()
        self.number += 1

    def text(self, line: str, x: float = 60) -> None:
        for i in range(0, len(line), 38):
            self.pdf.drawString(x, self.y, line[i : i + 38])
            self.y -= 20
        self.y -= 4


def _canvas(path: Path) -> _Page:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont(CJK_FONT))
    page = _Page(canvas.Canvas(str(path)))
    page.start()
    return page


def _wrap(cell: str, width: float) -> list[str]:
    """A cell's text cut into lines that fit `width` (CJK: one em a character)."""
    per = max(1, int((width - 6) // FONT_SIZE))
    return [cell[i : i + per] for i in range(0, len(cell), per)] or [""]


def _ruled_row(page: _Page, row: tuple[str, ...], widths: tuple[float, ...], x0: float = 60) -> None:
    """One ruled row, cells top-aligned and wrapped, borders drawn around every cell."""
    wrapped = [_wrap(c, w) for c, w in zip(row, widths, strict=True)]
    height = PAD * 2 + LEADING * max(len(w) for w in wrapped)
    top = page.y
    x = x0
    for lines, w in zip(wrapped, widths, strict=True):
        for k, line in enumerate(lines):
            page.pdf.drawString(x + 3, top - PAD - FONT_SIZE - k * LEADING, line)
        page.pdf.rect(x, top - height, w, height, stroke=1, fill=0)
        x += w
    page.y = top - height


def _head(page: _Page, title: str, lead: str, caption: str) -> None:
    page.pdf.drawCentredString(297, page.y, title)
    page.y -= 34
    page.text(lead)
    page.text("一、重点任务")
    page.text("（一）主要安排。具体安排见下表。本文件为测试样例，非真实文件。")
    page.pdf.drawCentredString(297, page.y, caption)
    page.y -= 22


def build_wrapped(path: Path) -> Path:
    page = _canvas(path)
    _head(page, "示例省工业绿色发展重点任务分工方案（测试样例）",
          "为落实工业绿色发展规划，制定本分工方案。", "表1 重点任务分工")
    for row in WRAPPED:
        _ruled_row(page, row, WRAPPED_WIDTHS)
    page.y -= 24
    page.text("二、保障措施")
    page.text("（一）加强统筹。各责任单位按分工抓好落实，每半年报送一次进展情况。")
    page.end()
    page.pdf.save()
    return path


def build_long(path: Path, repeat_header: bool) -> Path:
    """14 rows: 8 on page 1, the rest on page 2, with or without the header row again."""
    page = _canvas(path)
    _head(page, "示例市重点企业清洁生产审核名单（测试样例）",
          "根据清洁生产审核工作安排，现将重点企业名单公布如下。", "表1 重点企业清洁生产审核名单")
    page.y -= 120  # the table starts low on the page, as a real list after a long preamble
    for n, row in enumerate(LONG):
        if n == LONG_ROWS_ON_FIRST_PAGE + 1:
            page.end()
            page.start()
            if repeat_header:
                _ruled_row(page, LONG[0], LONG_WIDTHS)
        _ruled_row(page, row, LONG_WIDTHS)
    page.y -= 24
    page.text("二、工作要求")
    page.text("（一）按期完成。名单内企业应在完成时限前完成审核并报送评估验收申请。")
    page.end()
    page.pdf.save()
    return path


def build_standards(path: Path) -> Path:
    page = _canvas(path)
    _head(page, "示例省节能标准清单（测试样例）",
          "现将本省工业节能相关标准清单公布如下，供各单位参照执行。", "表1 工业节能标准清单")
    page.pdf.setFont(CJK_FONT, 9)
    for row in STANDARDS:
        for x, cell in zip(STANDARDS_XS, row, strict=True):
            page.pdf.drawString(x, page.y, cell)
        page.y -= 18
    page.pdf.setFont(CJK_FONT, FONT_SIZE)
    page.y -= 16
    page.text("二、执行要求")
    page.text("（一）标准更新。清单内标准被修订的，执行最新版本。")
    page.end()
    page.pdf.save()
    return path


def build_targets(path: Path) -> Path:
    page = _canvas(path)
    _head(page, "示例省工业节能主要指标（测试样例）",
          "为明确“十四五”工业节能目标，制定本指标表。", "表1 工业节能主要指标")
    for row in TARGETS:
        _ruled_row(page, row, TARGETS_WIDTHS)
    page.y -= 18  # the note right under the table, then body text at once
    page.text(TARGETS_NOTE)
    page.text(TARGETS_AFTER)
    page.end()
    page.pdf.save()
    return path


def build_merged(path: Path) -> Path:
    """Rows 1 and 2 share one 行业 cell: one box two rows high, its text centred in it."""
    page = _canvas(path)
    _head(page, "示例省重点企业节能改造项目表（测试样例）",
          "现将重点企业节能改造项目公布如下。", "表1 节能改造项目")
    _ruled_row(page, MERGED[0], MERGED_WIDTHS)
    height = PAD * 2 + LEADING
    top = page.y
    for k, row in enumerate(MERGED[1:3]):
        page.y = top - k * height
        _ruled_row(page, row[1:], MERGED_WIDTHS[1:], x0=60 + MERGED_WIDTHS[0])
    page.pdf.rect(60, top - 2 * height, MERGED_WIDTHS[0], 2 * height, stroke=1, fill=0)
    page.pdf.drawString(63, top - height - FONT_SIZE / 2 + 1, MERGED[1][0])
    page.y = top - 2 * height
    _ruled_row(page, MERGED[3], MERGED_WIDTHS)
    page.y -= 24
    page.text("二、工作要求")
    page.text("（一）按期完成。各企业于年底前完成改造。")
    page.end()
    page.pdf.save()
    return path


def build_open_rows(path: Path) -> Path:
    page = _canvas(path)
    _head(page, "示例省各区节能目标分解表（测试样例）",
          "现将各区单位工业增加值能耗下降目标分解如下。", "表1 各区节能目标")
    top = page.y
    row_h = 20
    xs = [60]
    for w in OPEN_ROWS_WIDTHS:
        xs.append(xs[-1] + w)
    bottom = top - row_h * len(OPEN_ROWS) - 4
    for y in (top, top - row_h, bottom):
        page.pdf.line(xs[0], y, xs[-1], y)
    for x in xs:
        page.pdf.line(x, top, x, bottom)
    for n, row in enumerate(OPEN_ROWS):
        for x, cell in zip(xs, row, strict=False):  # xs holds the right edge too: one more than cells
            page.pdf.drawString(x + 3, top - 15 - n * row_h, cell)
    page.y = bottom - 24
    page.text("二、工作要求")
    page.text("（一）分解落实。各区将目标分解到重点企业。")
    page.end()
    page.pdf.save()
    return path


def build_all(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return {
        "wrapped": build_wrapped(folder / "wrapped.pdf"),
        "long_repeat": build_long(folder / "long_repeat.pdf", repeat_header=True),
        "long_plain": build_long(folder / "long_plain.pdf", repeat_header=False),
        "standards": build_standards(folder / "standards.pdf"),
        "targets": build_targets(folder / "targets.pdf"),
        "merged": build_merged(folder / "merged.pdf"),
        "open_rows": build_open_rows(folder / "open_rows.pdf"),
    }
