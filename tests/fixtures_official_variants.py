"""More shapes of real government documents, built at test time (测试样例, all invented).

Every issuer (示例省 / 示例市 offices), 文号, target and name here is invented for testing;
nothing is copied from a real document. The shapes are those real ones have and
tests/fixtures_official.py does not:

    v1  DOCX: the 文号 line first (no 版头), a title over two lines, three issuers signing on
        three lines, 成文日期 in Chinese numerals (二〇二五年三月十日)
    v2  TXT:  附件：1. … / 2. … listed before the 落款; 附件1 and 附件2 each with a title and a table
    v3  HTML: a government page with breadcrumb, 打印本页 / 关闭窗口 / 网站地图 noise and an info table
    v4  TXT:  a 实施方案 with four outline levels 一、 > （一） > 1. > （1） and 到2027年…下降15% targets
    v5  GBK TXT: 自2025年4月1日起施行，有效期3年 (expiry counted from the effective date)
    v6  TXT:  自发布之日起施行 with only the 落款 date
    v7  TXT:  one sentence repeals two notices by title and 文号; v7a and v7b are those notices
    v8  TXT:  an upward 报告: 文号 with 签发人 on its line, typed brackets and full-width digits
        (示环报［２０２５］３号), one superior body as 主送 (示例市人民政府：), a date with spaces
    v9  TXT:  a joint title broken after the issuers' names, 文号 with ﹝﹞, 附件1：title on one line

    build_all(folder) -> dict[name, Path]
    EXPECTED[name]
"""
from __future__ import annotations

from pathlib import Path

from fixtures_official import Expected

STATUS_DAY = "2026-11-26"

# ----------------------------------------------------------------------------- v1: DOCX
V1_TITLE = "示例省工业和信息化厅 示例省生态环境厅 示例省市场监督管理局关于开展工业产品绿色设计示范企业遴选工作的通知（测试样例）"
V1_ISSUERS = ("示例省工业和信息化厅", "示例省生态环境厅", "示例省市场监督管理局")


def build_v1(path: Path) -> Path:
    import docx

    d = docx.Document()
    d.core_properties.title = ""
    for line in (
        "示工信函〔2025〕7号",
        "示例省工业和信息化厅 示例省生态环境厅 示例省市场监督管理局关于开展",
        "工业产品绿色设计示范企业遴选工作的通知（测试样例）",
        "各市工业和信息化局、生态环境局、市场监督管理局：",
        "为推动工业产品绿色设计，现就开展示范企业遴选工作通知如下。本文件为测试样例，非真实文件。",
        "一、遴选范围",
        "（一）申报主体。在示例省内注册、具有独立法人资格的工业企业均可申报。",
        "（二）申报条件。企业近三年未发生较大及以上安全、环保、质量事故。",
        "二、工作程序",
        "（一）企业申报。申报企业于2025年5月31日前向所在市工业和信息化局提交申报材料。",
        "（二）市级推荐。各市于2025年6月30日前完成审核推荐。",
        "示例省工业和信息化厅",
        "示例省生态环境厅",
        "示例省市场监督管理局",
        "二〇二五年三月十日",
        "（此件公开发布）",
    ):
        d.add_paragraph(line)
    d.save(str(path))
    return path


# ----------------------------------------------------------------------------- v2: two annexes
V2_TITLE = "示例市工业和信息化局关于组织申报2025年度绿色工厂和绿色供应链管理企业的通知（测试样例）"
V2_TABLE1 = [("序号", "企业名称", "所在区", "联系人"), ("1", "示例子机械有限公司", "甲区", "张三"),
             ("2", "示例丑电子有限公司", "乙区", "李四")]
V2_TABLE2 = [("指标", "基准值", "评价要求"), ("单位产品综合能耗", "0.35吨标准煤", "低于行业平均水平"),
             ("工业用水重复利用率", "90%", "不低于基准值"), ("固体废物综合利用率", "85%", "不低于基准值")]


def _tabbed(rows) -> str:
    return "\n".join("\t".join(r) for r in rows)


def v2_text() -> str:
    return f"""示例市工业和信息化局文件
示工信发〔2025〕12号
示例市工业和信息化局关于组织申报2025年度绿色工厂和
绿色供应链管理企业的通知（测试样例）
各区工业和信息化局，各有关企业：
为加快构建绿色制造体系，现组织开展2025年度绿色工厂和绿色供应链管理企业申报工作。本文件为测试样例，非真实文件。
一、申报要求
（一）申报企业应按照附件2所列指标开展自评价，并填写附件1推荐汇总表。
（二）各区于2025年7月15日前报送推荐材料。
二、联系方式
市工业和信息化局节能与综合利用处，联系电话：0000-0000000（测试样例）。
附件：1. 2025年度绿色工厂推荐汇总表
      2. 绿色工厂评价指标
示例市工业和信息化局
2025年6月3日
附件1
2025年度绿色工厂推荐汇总表
{_tabbed(V2_TABLE1)}
附件2
绿色工厂评价指标
{_tabbed(V2_TABLE2)}
"""


def build_v2(path: Path) -> Path:
    path.write_text(v2_text(), encoding="utf-8")
    return path


# ----------------------------------------------------------------------------- v3: noisy web page
V3_TITLE = "示例市发展和改革委员会关于做好2025年节能监察工作的通知（测试样例）"


def v3_page() -> str:
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{V3_TITLE}_政策文件_示例市发展和改革委员会</title></head>
<body>
<div class="top"><a href="/">网站首页</a> | <a href="/map">网站地图</a> | <a href="/en">English</a> | 无障碍浏览</div>
<div class="menu"><ul><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li><li><a href="/bsfw">办事服务</a></li><li><a href="/hdjl">互动交流</a></li></ul></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; <a href="/zcwj">政策文件</a></div>
<table class="xxgk">
<tr><th>索引号</th><td>000000000/2025-00021</td><th>主题分类</th><td>节能</td></tr>
<tr><th>发文机关</th><td>示例市发展和改革委员会</td><th>发文字号</th><td>示发改环资〔2025〕21号</td></tr>
<tr><th>成文日期</th><td>2025-04-02</td><th>发布日期</th><td>2025-04-08</td></tr>
</table>
<div class="content">
<h1>{V3_TITLE}</h1>
<p>各区发展和改革局，市有关单位：</p>
<p>为加强节能监督管理，现就做好2025年节能监察工作通知如下。本文件为测试样例，非真实文件。</p>
<p>一、监察重点</p>
<p>（一）重点用能单位。年综合能源消费量1万吨标准煤以上的单位应当纳入年度监察计划。</p>
<p>（二）高耗能行业。重点检查钢铁、水泥、化工行业能耗限额标准执行情况。</p>
<p>二、工作要求</p>
<p>（一）各区于2025年11月30日前报送节能监察工作总结。</p>
<p style="text-align:right">示例市发展和改革委员会</p>
<p style="text-align:right">2025年4月2日</p>
</div>
<div class="tools"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a> 【字体：大 中 小】</div>
<div class="related">相关链接：<a href="/x">示例市人民政府</a> <a href="/y">示例省发展和改革委员会</a></div>
<div class="footer">网站地图 | 联系我们 | 主办单位：示例市发展和改革委员会 版权所有 示ICP备00000000号</div>
</body></html>"""


def build_v3(path: Path) -> Path:
    path.write_text(v3_page(), encoding="utf-8")
    return path


# ----------------------------------------------------------------------------- v4: four levels
V4_TITLE = "示例市工业领域碳达峰实施方案（测试样例）"


def v4_text() -> str:
    return f"""{V4_TITLE}
为贯彻落实碳达峰碳中和决策部署，制定本实施方案。本文件为测试样例，非真实文件。
一、主要目标
到2027年，全市规模以上工业单位增加值能耗较2022年下降15%，单位工业增加值二氧化碳排放下降18%。
二、重点任务
（一）调整产业结构。
1. 严控高耗能项目。新建高耗能项目须达到能效标杆水平。
2. 发展绿色低碳产业。
（1）培育新能源装备产业，到2027年产值达到500亿元。
（2）发展节能环保产业，到2027年产值达到300亿元。
（二）推进节能降碳。
1. 实施节能改造。到2027年完成重点企业节能改造100项。
三、保障措施
（一）加强组织领导。市工业和信息化局牵头建立工作推进机制。
示例市工业和信息化局
2025年2月18日
"""


def build_v4(path: Path) -> Path:
    path.write_text(v4_text(), encoding="utf-8")
    return path


# ----------------------------------------------------------------------------- v5: 有效期3年, GBK
V5_TITLE = "示例市工业和信息化局关于印发《示例市工业固体废物资源综合利用管理办法（测试样例）》的通知"
V5_ENCLOSED = "示例市工业固体废物资源综合利用管理办法（测试样例）"


def v5_text() -> str:
    return """示例市工业和信息化局关于印发《示例市工业固体废物
资源综合利用管理办法（测试样例）》的通知
示工信规〔2025〕2号
各区工业和信息化局：
现将《示例市工业固体废物资源综合利用管理办法（测试样例）》印发给你们，请遵照执行。本文件为测试样例，非真实文件。
示例市工业和信息化局
2025年3月5日
示例市工业固体废物资源综合利用管理办法（测试样例）
第一条 为提高工业固体废物综合利用水平，制定本办法。
第二条 产生工业固体废物的单位应当建立台账，如实记录产生、利用情况。
第三条 本办法自2025年4月1日起施行，有效期3年。
"""


def build_v5(path: Path) -> Path:
    path.write_bytes(v5_text().encode("gbk"))
    return path


# ----------------------------------------------------------------------------- v6: 自发布之日起施行
V6_TITLE = "示例市生态环境局关于加强工业企业挥发性有机物治理的通知（测试样例）"


def v6_text() -> str:
    return f"""示环发〔2025〕9号
{V6_TITLE}
各区生态环境分局：
为加强工业企业挥发性有机物治理，现将有关事项通知如下。本文件为测试样例，非真实文件。
一、涉挥发性有机物排放企业应当于2025年12月31日前完成治理设施升级改造。
二、本通知自发布之日起施行。
示例市生态环境局
2025年5月6日
"""


def build_v6(path: Path) -> Path:
    path.write_text(v6_text(), encoding="utf-8")
    return path


# ----------------------------------------------------------------------------- v7: repeal two
V7A_TITLE = "示例市生态环境局关于加强工业噪声污染防治的通知（测试样例）"
V7B_TITLE = "示例市生态环境局关于规范工业企业排污许可管理的通知（测试样例）"
V7_TITLE = "示例市生态环境局关于印发工业污染防治若干措施的通知（测试样例）"


def _old_notice(number: str, title: str, body: str, signed: str) -> str:
    return f"""{number}
{title}
各区生态环境分局：
{body}本文件为测试样例，非真实文件。
一、各区生态环境分局应当加强日常监管。
二、本通知自印发之日起施行。
示例市生态环境局
{signed}
"""


def v7a_text() -> str:
    return _old_notice("示环发〔2021〕3号", V7A_TITLE, "为加强工业噪声污染防治，现通知如下。", "2021年2月1日")


def v7b_text() -> str:
    return _old_notice("示环发〔2022〕5号", V7B_TITLE, "为规范排污许可管理，现通知如下。", "2022年3月1日")


def v7_text() -> str:
    return f"""示环发〔2025〕30号
{V7_TITLE}
各区生态环境分局：
为统筹推进工业污染防治，现将有关措施通知如下。本文件为测试样例，非真实文件。
一、工业企业应当按照排污许可证要求排放污染物。
二、工业企业应当采取有效措施降低工业噪声。
三、本通知自2025年7月1日起施行。《示例市生态环境局关于加强工业噪声污染防治的通知（测试样例）》（示环发〔2021〕3号）和《示例市生态环境局关于规范工业企业排污许可管理的通知（测试样例）》（示环发〔2022〕5号）同时废止。
示例市生态环境局
2025年6月10日
"""


# ----------------------------------------------------------------------------- v8: upward 报告
V8_TITLE = "示例市生态环境局关于2024年度工业污染防治工作情况的报告（测试样例）"


def v8_text() -> str:
    return f"""示例市生态环境局文件
示环报［２０２５］３号　　　　　　　　签发人：王某某
{V8_TITLE}
示例市人民政府：
现将2024年度工业污染防治工作情况报告如下。本文件为测试样例，非真实文件。
一、工作进展
全年完成工业企业污染治理项目120个，重点行业颗粒物排放量较上年下降8%。
二、下一步打算
2025年将完成钢铁行业超低排放改造。
　　　　　　　　　　　　示例市生态环境局
　　　　　　　　　　　　2025 年 1 月 5 日
（联系人：李某某，电话：0000-0000000）
"""


# ----------------------------------------------------------------------------- v9: joint title
V9_TITLE = "示例市生态环境局 示例市发展和改革委员会关于印发工业园区减污降碳协同增效工作要点的通知（测试样例）"


def v9_text() -> str:
    return """示环发﹝2025﹞40号
示例市生态环境局　　示例市发展和改革委员会
关于印发工业园区减污降碳协同增效工作要点的通知（测试样例）
各区生态环境分局、发展和改革局：
现将工业园区减污降碳协同增效工作要点印发给你们，请认真落实。本文件为测试样例，非真实文件。
附件：1．工作要点
　　　2．重点园区名单
示例市生态环境局　　　示例市发展和改革委员会
2025年8月1日
附件1：工业园区减污降碳协同增效工作要点
一、推进园区能源梯级利用，到2027年园区可再生能源使用比例达到20%。
二、推进园区污水集中处理设施提标改造。
附件2：重点园区名单
序号	园区名称	所在区
1	示例甲经济开发区	甲区
2	示例乙高新技术产业园	乙区
"""


def _writer(text_of):
    def build(path: Path) -> Path:
        path.write_text(text_of(), encoding="utf-8")
        return path

    return build


FILES = {
    "v1": "示例省绿色设计示范企业遴选通知（测试样例）.docx",
    "v2": "示例市绿色工厂申报通知（测试样例）.txt",
    "v3": "示例市节能监察通知（测试样例）.html",
    "v4": "示例市工业领域碳达峰实施方案（测试样例）.txt",
    "v5": "示例市工业固废综合利用管理办法通知（测试样例）.txt",
    "v6": "示例市挥发性有机物治理通知（测试样例）.txt",
    "v7": "示例市工业污染防治若干措施通知（测试样例）.txt",
    "v7a": "示例市工业噪声污染防治通知（测试样例）.txt",
    "v7b": "示例市排污许可管理通知（测试样例）.txt",
    "v8": "示例市工业污染防治工作情况报告（测试样例）.txt",
    "v9": "示例市园区减污降碳工作要点通知（测试样例）.txt",
}

EXPECTED: dict[str, Expected] = {
    "v1": Expected(FILES["v1"], V1_TITLE, "示工信函〔2025〕7号", "、".join(V1_ISSUERS), "2025-03-10", "规范性文件",
                   "现行有效", locators=("一、（一）", "一、（二）", "二、（二）", "落款")),
    "v2": Expected(FILES["v2"], V2_TITLE, "示工信发〔2025〕12号", "示例市工业和信息化局", "2025-06-03", "规范性文件",
                   "现行有效", locators=("一、（一）", "二、", "落款", "附件1 表1 第2行", "附件2 表1 第3行")),
    "v3": Expected(FILES["v3"], V3_TITLE, "示发改环资〔2025〕21号", "示例市发展和改革委员会", "2025-04-02", "规范性文件",
                   "现行有效", locators=("一、（一）", "一、（二）", "二、（一）", "落款")),
    "v4": Expected(FILES["v4"], V4_TITLE, "", "示例市工业和信息化局", "2025-02-18", "实施方案", "现行有效",
                   locators=("一、", "二、（一）1.", "二、（二）1.", "三、（一）")),
    "v5": Expected(FILES["v5"], V5_TITLE, "示工信规〔2025〕2号", "示例市工业和信息化局", "2025-03-05", "规范性文件",
                   "现行有效", expires="2028-03-31", enclosed_title=V5_ENCLOSED, locators=("落款", "附件", "第一条", "第三条")),
    "v6": Expected(FILES["v6"], V6_TITLE, "示环发〔2025〕9号", "示例市生态环境局", "2025-05-06", "规范性文件",
                   "现行有效", locators=("一、", "二、", "落款")),
    "v7": Expected(FILES["v7"], V7_TITLE, "示环发〔2025〕30号", "示例市生态环境局", "2025-06-10", "规范性文件",
                   "现行有效", locators=("一、", "三、", "落款")),
    "v7a": Expected(FILES["v7a"], V7A_TITLE, "示环发〔2021〕3号", "示例市生态环境局", "2021-02-01", "规范性文件",
                    "已废止", locators=("一、", "二、", "落款")),
    "v7b": Expected(FILES["v7b"], V7B_TITLE, "示环发〔2022〕5号", "示例市生态环境局", "2022-03-01", "规范性文件",
                    "已废止", locators=("一、", "二、", "落款")),
    "v8": Expected(FILES["v8"], V8_TITLE, "示环报〔2025〕3号", "示例市生态环境局", "2025-01-05", "其他",
                   "现行有效", locators=("一、", "二、", "落款")),
    "v9": Expected(FILES["v9"], V9_TITLE, "示环发〔2025〕40号", "示例市生态环境局、示例市发展和改革委员会", "2025-08-01",
                   "规范性文件", "现行有效", locators=("落款", "附件1 一、", "附件1 二、", "附件2 表1 第2行")),
}

BUILDERS = {"v1": build_v1, "v2": build_v2, "v3": build_v3, "v4": build_v4, "v5": build_v5, "v6": build_v6,
            "v7": _writer(v7_text), "v7a": _writer(v7a_text), "v7b": _writer(v7b_text), "v8": _writer(v8_text),
            "v9": _writer(v9_text)}


def build_all(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for key, builder in BUILDERS.items():
        path = folder / FILES[key]
        builder(path)
        out[key] = path
    return out
