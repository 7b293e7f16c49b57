"""Invented texts for tests/test_answer_close_reading.py: a renewable-resources law with a purpose
clause and a revised header; an air law whose city-drawn no-burning zone is enforced by a penalty
that confiscates; a recycling law whose compulsory-recovery catalogue is only named; an energy law
that sets up reserves without sizing them, beside an import-approval rule with its deadlines; a sea
law with prohibitions and penalties that name the duties they enforce; an ozone regulation in two
versions; a carbon-trading regulation that converts allowances to tonnes but sets no threshold.
They are test samples (测试样例), not real texts: issuers, numbers and dates are made up."""
from __future__ import annotations

from pathlib import Path

NOTE = "本文件是 GreenKB 自动化测试使用的虚构样例，不是真实的法规。"


def _law(title: str, header: str, body: str) -> str:
    return f"# {title}\n\n{header}\n\n<!-- INFO END -->\n\n{NOTE}\n\n{body}\n"


RENEWABLE = _law("示例再生资源法（测试样例）", """\
2032年3月3日 示例议事会第六次全体会议通过

2037年8月8日 示例议事会第九次全体会议修订""", """\
第一条 为了推进示例再生资源的开发，扩大供给，调优结构，守护生态，制定本法。

第四条 国家把示例再生资源的开发放在能源发展的优先位置，设定开发总量目标，带动示例再生资源市场成长。

第五条 示例能源部门负责示例再生资源开发的统筹协调。

第二十条 本法自2037年12月1日起施行。""")

AIR = _law("示例大气保护法（测试样例）", "2033年5月5日 示例议事会第七次全体会议通过", """\
第一条 为了让示例城市的空气更干净，制定本法。

第二十条 城市政府可以划出并公布示例禁燃区。在示例禁燃区内，不许新建、扩建烧高污染燃料的设施；已建成的，须在城市政府规定的期限内改烧清洁能源。

第二十一条 示例设备的生产者须在规定期限内停止生产列入淘汰目录的设备，淘汰目录由示例工业部门确定。

第四十条 在示例禁燃区内新建、扩建烧高污染燃料的设施的，由县级以上示例生态部门没收该设施，罚款二万元以上二十万元以下。""")

RECYCLING = _law("示例循环利用法（测试样例）", "2034年6月6日 示例议事会第八次全体会议通过", """\
第一条 为了把示例资源用得更充分，制定本法。

第十五条 生产列入示例强制回收名录的产品的企业，须负责回收废弃的产品；名录和管理办法由示例发展部门制定。""")

ENERGY = _law("示例能源保障法（测试样例）", "2035年7月7日 示例议事会第十次全体会议通过", """\
第一条 为了保障示例能源供应，制定本法。

第二十条 国家建立示例能源储备制度，由政府储备和企业储备组成，储备的品种和规模由示例能源部门统筹确定。""")

PERMITS = _law("示例进出口审批办法（测试样例）", "2036年1月1日 示例政务院令第12号公布", """\
第一条 为了规范示例物质的进出口审批，制定本办法。

第八条 示例审批机构须在受理申请后20个工作日内审查完毕；批准的，发给审批单，审批单最长有效90日。""")

SEA = _law("示例海域环境法（测试样例）", "2038年3月3日 示例议事会第十二次全体会议通过", """\
第一条 为了守护示例海域，制定本法。

第十二条 禁止向示例海域排放油类、酸液和剧毒废液。

第十四条 禁止在海上焚烧废弃物，禁止在海上处置放射性废弃物。

第十八条 海洋工程建设项目的环保设施未经验收，或者验收不合格的，该项目不许投入使用。

第十九条 海洋工程建设项目不许使用放射性超标的材料，也不许使用容易溶出有毒有害物质的材料。

第三十条 违反本法第十八条的规定，示例海洋工程的环保设施没建成就投入使用的，由示例海洋部门命其停止使用，罚款五万元以上二十万元以下。

第三十一条 违反本法第十九条的规定，使用放射性超标或者容易溶出有毒有害物质的材料的，由示例海洋部门罚款五万元以下，并命其停止该项目运行。""")

OZONE_OLD = _law("示例臭氧物质条例（测试样例）", "2030年4月1日 示例政务院令第70号公布", """\
第一条 为了管好示例臭氧物质，制定本条例。

第九条 县级以上示例环境部门会同其他有关部门，按照本条例对示例臭氧物质的生产、销售、使用进行监督检查。

第十条 示例环境部门应当建立示例臭氧物质的数据信息系统。

第十一条 示例环境部门和其他部门开展监督检查时，检查人员不得少于2人，并须出示执法证件。""")

OZONE_NEW = _law("示例臭氧物质条例（测试样例）", "2030年4月1日 示例政务院令第70号公布\n\n2039年1月1日 示例政务院令第95号修订", """\
第一条 为了管好示例臭氧物质，制定本条例。

第九条 示例生态部门统一负责全国示例臭氧物质的监督管理。

第十条 示例生态部门应当建立示例臭氧物质的数据信息系统，收集和发布进出口数据。

第十一条 地方示例生态部门应当把监督检查中发现的违法行为逐级上报。

第十二条 地方示例生态部门对违反本条例的行为不予查处的，由其上级主管部门责令其依法查处，上级主管部门也可以直接查处。""")

CARBON = _law("示例碳交易条例（测试样例）", "2040年2月2日 示例政务院令第21号公布", """\
第一条 为了规范示例碳排放权交易，制定本条例。

第八条 示例重点排放单位的确定条件由示例生态部门会同有关部门制定；省级示例生态部门据此编制本地区重点排放单位名录。

第二十五条 本条例下列用语的含义：
（一）碳排放配额，是指分给重点排放单位在规定时期内的二氧化碳排放额度，1个单位配额相当于排放1吨二氧化碳当量。""")

FILES = {
    "示例再生资源法(2037-08-08).md": RENEWABLE,
    "示例大气保护法(2033-05-05).md": AIR,
    "示例循环利用法(2034-06-06).md": RECYCLING,
    "示例能源保障法(2035-07-07).md": ENERGY,
    "示例进出口审批办法(2036-01-01).md": PERMITS,
    "示例海域环境法(2038-03-03).md": SEA,
    "示例臭氧物质条例(2030-04-01).md": OZONE_OLD,
    "示例臭氧物质条例(2039-01-01).md": OZONE_NEW,
    "示例碳交易条例(2040-02-02).md": CARBON,
}


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in FILES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder
