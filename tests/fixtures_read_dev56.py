"""Invented texts for tests/test_answer_read_dev56.py: a standards regulation listing the duties of the
national and of the provincial departments, an energy law and a cleaner-production law on buying
energy-saving goods, a product law without a cooling-off period, a public-building rule without a temperature, and
a city's green-building rule that repealed an older one. They are test samples (测试样例), not real texts:
issuers, numbers and dates are made up."""
from __future__ import annotations

NOTE = "本文件是 GreenKB 自动化测试使用的虚构样例，不是真实的法规。"


def _text(title: str, header: str, body: str) -> str:
    return f"# {title}\n\n{header}\n\n<!-- INFO END -->\n\n{NOTE}\n\n{body}\n"


STANDARDS = _text("示例标准化条例（测试样例）", "2041年4月6日 示例政务院令第41号发布", """\
第一条 为了加强示例标准化工作，制定本条例。

第二条 国务院有关主管部门按分工管理本行业的示例标准化工作，履行下列职责：
（一）编制本行业的示例标准化工作规划；
（二）组织制定示例行业标准。

第三条 省级有关主管部门按分工管理本省本行业的标准化事务，履行下列职责：
（一）承担草拟示例地方标准的任务；
（二）监督检查示例标准的实施。

第四条 国务院示例标准化主管部门统一监督全国示例标准的实施。省级有关主管部门按分工监督本省本行业示例标准的实施。

第五条 本条例自2041年9月1日起施行。""")

ENERGY = _text("示例节能法（测试样例）", "2042年2月2日 示例议事会第42号公布", """\
第一条 为了节约示例能源，制定本法。

第二条 公共机构购买示例用能产品，应当优先选购列入示例节能产品政府采购名录的产品。该名录由省级以上政府的采购监督管理部门制定和公布。

第三条 本法自2042年6月1日起施行。""")

CLEANER = _text("示例清洁生产法（测试样例）", "2043年3月3日 示例议事会第43号公布", """\
第一条 为了促进示例清洁生产，制定本法。

第二条 各级人民政府在采购中应当优先采购节能、节水以及废物再生利用类的示例产品。

第三条 本法自2043年7月1日起施行。""")

PRODUCTS = _text("示例产品质量法（测试样例）", "2044年4月4日 示例议事会第44号公布", """\
第一条 为了加强示例产品质量的监督管理，制定本法。

第二条 售出的示例产品达不到应有使用性能且事先没有说明的，销售者应当负责修理、调换或者退货。

第三条 本法自2044年8月1日起施行。""")

OFFICES = _text("示例公共机构节能条例（测试样例）", "2045年5月5日 示例政务院令第45号公布", """\
第一条 为了推动示例公共机构节能，制定本条例。

第二条 示例公共机构应当执行国家关于空调温度控制的规定，多利用自然通风。

第三条 本条例自2045年9月1日起施行。""")

CITY = _text("示例市绿色建筑条例（测试样例）", "2046年6月6日 示例市人民代表大会常委会第6次会议通过", """\
第一条 为了推进示例市绿色建筑发展，制定本条例。

第二条 示例市新建民用建筑应当按照绿色建筑标准建设。

第三条 本条例自2046年10月1日起施行。2031年1月1日示例市人民代表大会常委会通过的《示例市建筑节能条例》同时废止。""")

FILES = {
    "示例标准化条例(2041-04-06).md": STANDARDS,
    "示例节能法(2042-02-02).md": ENERGY,
    "示例清洁生产法(2043-03-03).md": CLEANER,
    "示例产品质量法(2044-04-04).md": PRODUCTS,
    "示例公共机构节能条例(2045-05-05).md": OFFICES,
    "示例市绿色建筑条例(2046-06-06).md": CITY,
}
