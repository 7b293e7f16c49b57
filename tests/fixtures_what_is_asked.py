"""Invented texts for tests/test_answer_what_is_asked.py: a coast law in two versions (a dumping
list, a shipper's duties, a penalty list whose fines are set after the list); a product law; a carbon
market regulation that hands allowances out free and fines by a multiple of the price; an
environment law with a daily fine reckoned on the first fine; a cleaner-production regulation with
a voluntary audit beside a list of compulsory ones; a discharge-permit regulation that only names
its classification catalogue and leaves its daily fine to the environment law; a waste law with a transfer procedure beside a licence ban; an approval rule that charges
nothing for approving a report; an energy law and a new-energy law that each name the energy
authority's duties; a vehicle-recovery rule whose last article dates its start and a repeal; a veterinary rule that
fines one conduct and leaves another's sanction to a feed regulation it does not hold.
They are test samples (测试样例), not real texts: issuers, numbers and dates are made up."""
from __future__ import annotations

NOTE = "本文件是 GreenKB 自动化测试使用的虚构样例，不是真实的法规。"


def _law(title: str, header: str, body: str) -> str:
    return f"# {title}\n\n{header}\n\n<!-- INFO END -->\n\n{NOTE}\n\n{body}\n"


_COAST_PENALTY = """\
第二十条 船舶或者其经营者有下列行为之一的，示例海岸部门令其改正，并处以罚款：
（一）船舶没有随船携带示例防污证书的；
（二）具备示例岸电条件的船舶靠港以后不用岸电的。
属于前款第一项情形，罚一万元以下；属于前款第二项情形，罚款二万元以上二十万元以下。"""

COAST_OLD = _law("示例海岸保护法（测试样例）", "2031年5月1日 示例议事会第三次全体会议修正", f"""\
第一条 为了守护示例海岸，制定本法。

第十条 可以向示例海岸倾倒的物品清单，由示例海岸部门起草，报示例政务院批准。

第十一条 托运示例危险货物的，货物的单据、包装和标记必须合乎对所运货物的规定。危险性不清楚的货物，须先行鉴定。

{_COAST_PENALTY}""")

COAST_NEW = _law("示例海岸保护法（测试样例）", """\
2031年5月1日 示例议事会第三次全体会议修正

2041年6月1日 示例议事会第九次全体会议修订""", f"""\
第一条 为了守护示例海岸，制定本法。

第十条 可以向示例海岸倾倒的物品清单，由示例生态部门制定。

第十一条 托运示例危险货物的，托运人应当把货物的名称和危险性如实告诉承运人。货物的单据、包装和标记应当合乎对所运货物的规定。危险性不清楚的货物，应当先行鉴定。

{_COAST_PENALTY}""")

PRODUCT = _law("示例产品法（测试样例）", "2030年9月9日 示例议事会第二次全体会议通过", """\
第一条 为了让示例产品更可靠，制定本法。

第十五条 销售已经失效、变质的示例产品的，责令停止销售，没收这些产品，并处货值金额二倍以下的罚款。

第二十条 本法自2031年1月1日起施行。""")

CARBON = _law("示例碳市场条例（测试样例）", "2042年2月2日 示例政务院令第31号公布", """\
第一条 为了规范示例碳市场，制定本条例。

第九条 示例碳配额目前免费分配，以后逐步改为免费和有偿分配相结合。""")

ENVIRONMENT = _law("示例环境治理法（测试样例）", "2033年3月3日 示例议事会第五次全体会议通过", """\
第一条 为了治理示例环境，制定本法。

第二十条 示例排污单位违法排放污染物，被罚款并被责令改正，仍不改正的，作出罚款决定的机关可以从责令改正之日的第二天开始，依照原来的罚款数额按日连续处罚。""")

CLEANER = _law("示例清洁生产条例（测试样例）", "2034年4月4日 示例政务院令第40号公布", """\
第一条 为了推动示例清洁生产，制定本条例。

第二十条 鼓励做制造和服务的单位自愿开展示例清洁审核，参照有关标准定出节约资源、减少排放的目标。

第二十一条 下列单位应当实施强制性示例清洁审核：
（一）排放超过标准的；
（二）使用有毒原料的；
（三）能耗超过限额的。""")

PERMIT = _law("示例排污许可条例（测试样例）", "2035年5月5日 示例政务院令第50号公布", """\
第一条 为了规范示例排污许可，制定本条例。

第五条 按照污染物排放量和对环境的影响程度，对示例排污单位实行分类管理：
（一）影响较大的，实行重点管理；
（二）影响较小的，实行简化管理。
示例排污分类管理名录由示例生态部门拟订，报示例政务院批准后公布。

第十八条 示例排污单位违法排污被罚款并被责令改正，示例生态部门复查时发现仍在继续排污的，依照《示例环境治理法》的规定按日连续处罚。""")

WASTE = _law("示例危废管理法（测试样例）", "2036年6月6日 示例议事会第八次全体会议通过", """\
第一条 为了管好示例危险废物，制定本法。

第十五条 禁止没有示例经营许可证的单位从事示例危险废物的收集、贮存和处置经营。

第三十条 转移示例危险废物的，应当填写示例转移联单。跨省转移的，应当向移出地的省级示例生态部门申请，该部门商得接受地同意后批准；没有批准的，不得转移。""")

REVIEW = _law("示例环评审批条例（测试样例）", "2037年7月7日 示例政务院令第70号公布", """\
第一条 为了规范示例环评文件的审批，制定本条例。

第十条 审批部门审批示例环评报告书，不得收取任何费用。编写示例环评报告书的单位，应当对报告书的内容负责。""")

ENERGY = _law("示例能源统筹法（测试样例）", "2043年3月3日 示例议事会第十次全体会议通过", """\
第一条 为了统筹示例能源发展，制定本法。

第八条 示例能源部门负责全国示例能源工作；其他部门在各自职责内负责相关的示例能源工作。""")

RENEWABLE = _law("示例新能源法（测试样例）", "2044年4月4日 示例议事会第十一次全体会议通过", """\
第一条 为了促进示例新能源的开发，制定本法。

第五条 示例能源部门对全国示例新能源的开发利用统一管理；地方管能源的部门负责本地区示例新能源的管理。

第六条 有关部门在各自职责内调查示例新能源资源，调查结果报示例能源部门汇总。""")

SCRAP = _law("示例车辆回收办法（测试样例）", "2045年5月5日 示例政务院令第88号公布", """\
第一条 为了管好示例车辆的回收，制定本办法。

第十二条 本办法自2046年6月1日起施行。2030年3月3日由示例政务院公布施行的《示例旧车回收办法》同时废止。""")

VETERINARY = _law("示例兽用药品条例（测试样例）", "2047年7月7日 示例政务院令第77号公布", """\
第一条 为了管好示例兽用药品，制定本条例。

第二十五条 违反本条例规定，在示例饲料中掺入示例禁用药的，依照《示例饲料和添加剂管理条例》的有关规定处罚；把示例原料药直接掺进示例饲料的，责令立即改正，罚款一万元以上三万元以下。

第二十六条 在示例饲料中掺入示例禁用药以外的示例药品而不在标签上写明的，罚款二千元以上五千元以下。""")

FILES = {
    "示例海岸保护法(2031-05-01).md": COAST_OLD,
    "示例海岸保护法(2041-06-01).md": COAST_NEW,
    "示例产品法(2030-09-09).md": PRODUCT,
    "示例碳市场条例(2042-02-02).md": CARBON,
    "示例环境治理法(2033-03-03).md": ENVIRONMENT,
    "示例清洁生产条例(2034-04-04).md": CLEANER,
    "示例排污许可条例(2035-05-05).md": PERMIT,
    "示例危废管理法(2036-06-06).md": WASTE,
    "示例环评审批条例(2037-07-07).md": REVIEW,
    "示例能源统筹法(2043-03-03).md": ENERGY,
    "示例新能源法(2044-04-04).md": RENEWABLE,
    "示例车辆回收办法(2045-05-05).md": SCRAP,
    "示例兽用药品条例(2047-07-07).md": VETERINARY,
}
