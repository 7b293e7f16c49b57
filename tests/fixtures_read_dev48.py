"""Invented texts for tests/test_answer_read_dev48.py: a bay law where firms hit by an accident must act
at once, the authorities may act against pollution from outside, dumping faults are punished in a list
and an unpaid dumping fee on its own; a permit rule whose validity and renewal sit beside a penalty that
bars a forger from applying again for some years, and an article that leaves the detention of managers
to a basic environment law; that law, which sets the days of detention; a recycling law naming its
principle after an article on what it asks of industrial policy; a city's rules implementing an energy
law, and that law. They are
test samples (测试样例), not real texts: issuers, numbers and dates are made up."""
from __future__ import annotations

NOTE = "本文件是 GreenKB 自动化测试使用的虚构样例，不是真实的法规。"


def _law(title: str, header: str, body: str) -> str:
    return f"# {title}\n\n{header}\n\n<!-- INFO END -->\n\n{NOTE}\n\n{body}\n"


BAY = _law("示例海湾防治法（测试样例）", "2043年3月3日 示例议事会第七次全体会议通过", """\
第一条 为了防治示例海湾污染，制定本法。

第二条 因事故造成或者可能造成示例海湾污染的单位，应当立即采取措施消除或者减轻危害，通知可能受害的一方，并向示例海湾部门报告，接受调查。

第三条 在示例海湾以外造成示例海湾污染的，示例海湾部门有权采取必要的措施。

第四条 有以下情形之一的，示例海湾部门责令改正，并处二万元至十五万元罚款：
（一）不按示例倾倒证倾倒废弃物的；
（二）委托他人开展示例海湾倾倒作业而不监督的；
（三）不报告示例海湾倾倒作业情况的。

第五条 不缴纳示例倾倒费的，由示例海湾部门责令限期缴纳；到期仍不缴纳的，处欠缴数额一倍以上三倍以下的罚款。""")

PERMIT = _law("示例排污证条例（测试样例）", "2045年5月5日 示例政务院令第505号公布", """\
第一条 为了规范示例排污证，制定本条例。

第二条 示例排污证有效期为4年。有效期满要继续排污的，应当在届满50日前申请延续；示例审批部门应当在15日内作出决定。

第三条 伪造、变造或者转让示例排污证的，由示例生态部门收缴证件或者吊销示例排污证，处8万元以上25万元以下的罚款，2年内不得再次申请示例排污证。

第四条 示例排污单位有以下行为之一、还够不上犯罪的，除按本条例处罚外，对该单位直接负责的主管人员，依照《示例环境基本法》的规定处以拘留：
（一）被责令停止排污，仍然拒不停止的；
（二）通过暗管偷排等逃避监管的方式排放污染物的。""")

BASIC = _law("示例环境基本法（测试样例）", "2040年4月4日 示例议事会第二次全体会议通过", """\
第一条 为了保护示例环境，制定本法。

第二条 示例排污单位有以下行为之一、还够不上犯罪的，由示例生态部门把案件移送示例公安机关，对该单位直接负责的主管人员处八日以上十二日以下拘留；情节较轻的，处三日以上八日以下拘留：
（一）通过暗管、渗坑偷排污染物的；
（二）篡改示例监测数据的。""")

CIRCULAR = _law("示例循环发展法（测试样例）", "2042年2月2日 示例议事会第五次全体会议通过", """\
第一条 为了推进示例循环发展，制定本法。

第二条 国家要求推进示例循环发展：订立示例产业政策，应当顾及推进示例循环发展的需要；示例县级政府编排发展规划，应当写入推进示例循环发展的内容。

第三条 推进示例循环发展，应当在技术上做得到、经济上划得来的前提下，按照减少用量优先的原则实施。""")

CITY = _law("示例市实施《示例节能法》办法（测试样例）", "2046年6月6日 示例市人民代表大会常务委员会公告第6号公布", """\
第一条 为了实施《示例节能法》，结合本市实际，制定本办法。

第二条 示例市和区人民政府应当组织编排并实施示例节能专项规划，每年向同级人大常委会报告示例节能工作。""")

NATIONAL = _law("示例节能法（测试样例）", "2039年9月9日 示例议事会第三次全体会议通过", """\
第一条 为了推进示例节能，制定本法。

第二条 示例县级以上政府应当组织编排并实施示例节能专项规划，每年向本级人大报告示例节能工作。""")

FILES = {
    "示例海湾防治法(2043-03-03).md": BAY,
    "示例排污证条例(2045-05-05).md": PERMIT,
    "示例环境基本法(2040-04-04).md": BASIC,
    "示例循环发展法(2042-02-02).md": CIRCULAR,
    "示例市实施《示例节能法》办法(2046-06-06).md": CITY,
    "示例节能法(2039-09-09).md": NATIONAL,
}
