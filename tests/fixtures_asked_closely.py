"""Invented texts for tests/test_answer_asked_closely.py: a city's water-saving measures (a week held
in a month of the year), an emissions tax law (a reduced rate, no sharing of its revenue), a coast
law (a control zone with no figure, a dumping fee, officials' misconduct beside a firm's accident),
a recycling regulation (dated in its header and in its last article, which also repeals an older
text), a waste law (a list of conducts whose fines are set by item after the list; who is in charge
of building rubble beside who receives a plan), a water law's scope, a province's cleaner-production rules beside the national law, and a chemical
regulation in two versions whose production-quota article did not change.
They are test samples (测试样例), not real texts: issuers, numbers and dates are made up."""
from __future__ import annotations

NOTE = "本文件是 GreenKB 自动化测试使用的虚构样例，不是真实的法规。"


def _law(title: str, header: str, body: str) -> str:
    return f"# {title}\n\n{header}\n\n<!-- INFO END -->\n\n{NOTE}\n\n{body}\n"


CITY_WATER = _law("广州市示例节水办法（测试样例）", "2044年4月4日 广州市示例议事会第六次会议通过", """\
第一条 为了在本市节约用水，制定本办法。

第八条 市水务部门会同有关部门开展节水宣传教育，普及节水知识。本市每年9月举办示例节水宣传周。

第九条 用水单位应当安装合格的示例用水计量器具。""")

TAX = _law("示例排放税法（测试样例）", "2045年5月5日 示例议事会第八次会议通过", """\
第一条 为了减少示例排放，制定本法。

第十三条 纳税人所排示例污染物的浓度比示例排放标准低三成以上的，示例排放税按百分之七十五收取。

第十四条 示例排放税由示例税务机关依照本法征收管理。""")

COAST = _law("示例海岸保护法（测试样例）", "2046年6月6日 示例议事会第九次会议通过", """\
第一条 为了保护示例海岸，制定本法。

第二十条 示例交通部门可以划定示例船舶排放控制区。驶入控制区的船舶应当符合有关控制要求。

第三十一条 违反本法规定，不按规定上报示例倾倒情况的，由示例海洋部门责令改正，罚五千元至二万元。

第三十二条 未按照本法缴纳示例倾倒费的，由示例海洋部门责令其限期缴纳；逾期拒不缴纳的，对其处应缴示例倾倒费一到三倍的罚款。

第三十三条 造成示例海岸污染事故的单位，由示例海洋部门处以罚款；对其负责人中的公职人员依法给予处分。

第三十四条 负责示例海岸监管的人员滥用职权、玩忽职守，或者徇私舞弊，致使示例海岸受到污染的，依法给予处分。""")

RECYCLING = _law("示例旧车回收办法（测试样例）",
                 "2045年4月22日 示例政务院令第7号公布\n\n2045年6月1日 施行", """\
第一条 为了规范示例旧车回收，制定本办法。

第十条 回收企业应当如实登记回收的示例旧车。

第三十条 本办法自2045年6月1日起施行。2030年1月1日示例政务院公布的《示例旧车回收暂行办法》同时废止。""")

WASTE = _law("示例废料防治法（测试样例）", "2047年7月7日 示例议事会第十次会议通过", """\
第一条 为了防治示例废料污染，制定本法。

第二十条 县级以上示例环卫部门负责示例建筑垃圾污染防治工作，建立示例建筑垃圾全过程管理制度。

第二十一条 施工单位应当编制示例建筑垃圾处理方案，报示例环卫部门备案。

第四十条 产生示例废料的单位不得擅自倾倒、堆放示例废料。

第六十条 有下列行为之一的，由示例环保部门令其改正，并处罚款：
（一）没有设置示例废料识别标志的；
（二）擅自倾倒、堆放示例废料的；
（三）把示例废料交给没有许可证的单位处置的。
有前款第一项行为的，罚一万元至十万元；凡有前款第二项、第三项所列行为的，罚款为所需处置费用的三倍以上五倍以下。""")

WATER = _law("示例水体防治法（测试样例）", "2049年9月9日 示例议事会第十二次会议通过", """\
第一条 为了防治示例水体污染，制定本法。

第二条 本法适用于示例领域内的江河、湖泊、水库等地表水体和地下水体的污染防治。示例海洋的污染防治适用《示例海岸保护法》。

第二十条 禁止向示例水体排放油类和剧毒废液。""")

NATIONAL_CLEAN = _law("示例清洁生产促进法（测试样例）", "2040年2月2日 示例议事会第五次会议通过", """\
第一条 为了促进示例清洁生产，制定本法。

第二十条 国家设立的示例中小企业发展基金，要按需要拿出适当数额，支持中小企业搞清洁生产。

第二十一条 示例清洁生产审核费用可以列入企业经营成本。""")

PROVINCE_CLEAN = _law("山东省示例清洁生产条例（测试样例）", "2042年3月3日 山东省示例议事会第七次会议通过", """\
第一条 为了促进本省示例清洁生产，制定本条例。

第二十条 本省示例中小企业发展专项资金要安排适当资金，支持中小企业搞清洁生产。

第二十一条 本省鼓励金融机构为示例清洁生产项目提供信贷。""")


def _chemical(header: str, sixth: str) -> str:
    return _law("示例化学品配额条例（测试样例）", header, f"""\
第一条 为了管好示例化学品，制定本条例。

{sixth}

第十五条 禁止示例化学品的生产单位超出配额许可证写明的品种、数量、期限生产示例化学品；没有配额许可证的，禁止生产。

第二十条 本条例自公布之日起施行。""")


CHEMICAL_OLD = _chemical("2039年3月3日 示例政务院令第12号公布",
                         "第六条 示例环保部门会同有关部门公布限制生产示例化学品的名录。")
CHEMICAL_NEW = _chemical("2039年3月3日 示例政务院令第12号公布\n\n2050年12月12日 示例政务院令第30号修订",
                         "第六条 示例生态部门会同有关部门制定并公布禁止生产、使用示例化学品的名录。")

FILES = {
    "广州市示例节水办法(2044-04-04).md": CITY_WATER,
    "示例排放税法(2045-05-05).md": TAX,
    "示例海岸保护法(2046-06-06).md": COAST,
    "示例旧车回收办法(2045-04-22).md": RECYCLING,
    "示例废料防治法(2047-07-07).md": WASTE,
    "示例水体防治法(2049-09-09).md": WATER,
    "示例清洁生产促进法(2040-02-02).md": NATIONAL_CLEAN,
    "山东省示例清洁生产条例(2042-03-03).md": PROVINCE_CLEAN,
    "示例化学品配额条例(2039-03-03).md": CHEMICAL_OLD,
    "示例化学品配额条例(2050-12-12).md": CHEMICAL_NEW,
}
