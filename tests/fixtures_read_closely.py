"""Invented texts for tests/test_answer_read_closely.py: a regulation on an ozone-like substance in
two versions (an exemption article that a later one refers to by number, a supervision chapter
whose head count is in a later article, a leak penalty renumbered by the revision); a coast law in
two versions whose sewage article changed beside other changed articles; a national energy law and
a city's measures implementing it, both on metering; a roll of green factories that counts all of
them and names the share of two industries.
They are test samples (测试样例), not real texts: issuers, numbers and dates are made up."""
from __future__ import annotations

NOTE = "本文件是 GreenKB 自动化测试使用的虚构样例，不是真实的法规。"


def _law(title: str, header: str, body: str) -> str:
    return f"# {title}\n\n{header}\n\n<!-- INFO END -->\n\n{NOTE}\n\n{body}\n"


def _substance(version: str, header: str, leak: str, chapter_four: str) -> str:
    return _law("示例冷媒物质管理条例（测试样例）", header, f"""\
第一条 为了管好示例冷媒物质，制定本条例。

第十条 示例冷媒物质的使用单位，应当按照本条例申请领取示例使用许可证。遇到下面几种情况，可以不申领：
（一）修理单位为了修理冷柜、冷库使用示例冷媒物质的；
（二）化验室为了化验少量使用示例冷媒物质的。

第十六条 领取示例使用许可证的单位，不得超出许可证写明的品种、数量和期限使用示例冷媒物质。除本条例第十条所列可以不申领示例使用许可证的情形外，没有许可证的，一律不得使用示例冷媒物质。

{chapter_four}

{leak}

第四十条 本条例自{version}起施行。""")


_OLD_SUPERVISION = """\
第二十五条 县级以上{a}依照本条例的规定，对示例冷媒物质的生产、使用和进出口进行监督检查。

第二十六条 {a}应当把监督检查中发现的违法行为登记在案，逐级上报。

第二十七条 {a}开展监督检查时，派出的检查人员至少2人，并要亮明执法证件。""".format(a="示例环保部门")

_NEW_SUPERVISION = """\
第二十四条 示例生态部门依照本条例的规定，对示例冷媒物质的生产、使用和进出口进行监督检查。

第二十五条 示例生态部门应当把监督检查中发现的违法行为登记在案，逐级上报至示例总署。

第二十六条 示例生态部门开展监督检查时，派出的检查人员至少2人，并要亮明执法证件。"""

SUBSTANCE_OLD = _substance(
    "2040年1月1日", "2039年3月3日 示例政务院令第12号公布",
    "第三十五条 使用单位没有采取措施防止示例冷媒物质泄漏的，由所在地示例环保部门责令限期改正，处5万元罚款。",
    _OLD_SUPERVISION)

SUBSTANCE_NEW = _substance(
    "2051年1月1日", "2039年3月3日 示例政务院令第12号公布\n\n2050年12月12日 示例政务院令第30号修订",
    "第三十四条 使用单位没有采取措施防止示例冷媒物质泄漏的，由示例总署令其改正，并罚5万元以上10万元以下。",
    _NEW_SUPERVISION)

_SEA_OLD = """\
第一条 为了守护示例海湾，制定本法。

第十九条 示例海湾的养殖区由示例渔业部门划定。

第三十四条 带有病原体的医疗污水和工厂废水，须先处理，达到国家排放标准以后才可以排进示例海湾。

第五十条 船舶必须配备示例防污设备。

第六十条 违反本法，船舶未配备示例防污设备的，处一万元罚款。"""

_SEA_NEW = """\
第一条 为了守护示例海湾，制定本法。

第十九条 示例海湾的养殖区由示例海洋部门会同示例渔业部门划定。

第三十六条 带有病原体的医疗污水和工厂废水，应当先处理，达到国家和地方排放标准以后才可以排进示例海湾。

第五十条 船舶应当配备示例防污设备，并保持设备正常运行。

第六十二条 违反本法，船舶没有配示例防污设备的，罚一万元到五万元。"""

SEA_OLD = _law("示例海湾保护法（测试样例）", "2041年4月4日 示例议事会第二次全体会议通过", _SEA_OLD)
SEA_NEW = _law("示例海湾保护法（测试样例）",
               "2041年4月4日 示例议事会第二次全体会议通过\n\n2052年5月5日 示例议事会第七次全体会议修订", _SEA_NEW)

ENERGY = _law("示例节能法（测试样例）", "2043年3月3日 示例议事会第十次全体会议通过", """\
第一条 为了节约示例能源，制定本法。

第二十条 用能单位应当制定节能计划，落实节能措施。

第二十七条 用能单位要管好能源计量，配齐经过检定合格的示例计量器具。用能单位还要建起示例能源消费统计制度，把各类能源的用量如实记清。

第三十条 示例节能部门对用能单位的节能工作进行监督检查。""")

CITY_ENERGY = _law("示例市实施《示例节能法》办法（测试样例）", "2044年4月4日 示例市人大常委会第六次会议通过", """\
第一条 为了实施《示例节能法》，结合本市实际，制定本办法。

第十条 本市推行示例节能服务，节能服务机构为用能单位提供节能诊断。

第二十五条 用能单位要管好能源计量，配齐经过检定合格的示例计量器具，把计量的原始数据记下来、汇总好。

第三十七条 新建建筑应当安装示例用热计量装置。

第四十九条 示例能源审计主要包括查阅能源计量记录、检查能源计量器具运行状况。""")

ROLL = _law("示例绿色工厂名册说明（测试样例）", "2046年6月6日 示例工信部门公布", """\
第一条 为了说明示例绿色工厂名册的编制情况，制定本说明。

第五条 截至2046年5月，示例名册共收录3000家工厂，分布在全国各地。

第六条 从行业看，示例名册中电子、机械两个行业的工厂合计占名册总数的四成以上。""")

FILES = {
    "示例冷媒物质管理条例(2039-03-03).md": SUBSTANCE_OLD,
    "示例冷媒物质管理条例(2050-12-12).md": SUBSTANCE_NEW,
    "示例海湾保护法(2041-04-04).md": SEA_OLD,
    "示例海湾保护法(2052-05-05).md": SEA_NEW,
    "示例节能法(2043-03-03).md": ENERGY,
    "示例市实施《示例节能法》办法(2044-04-04).md": CITY_ENERGY,
    "示例绿色工厂名册说明(2046-06-06).md": ROLL,
}
