"""Invented texts for tests/test_answer_read_dev51.py: a basic environment law whose article puts the
sorting of household refuse on local governments, beside a waste law with an article on refuse sites and
recycling points; a building rule that asks for the mandatory energy standard without stating a saving
rate. They are test samples (测试样例), not real texts: issuers, numbers and dates are made up."""
from __future__ import annotations

NOTE = "本文件是 GreenKB 自动化测试使用的虚构样例，不是真实的法规。"


def _law(title: str, header: str, body: str) -> str:
    return f"# {title}\n\n{header}\n\n<!-- INFO END -->\n\n{NOTE}\n\n{body}\n"


BASIC = _law("示例环境基本法（测试样例）", "2034年4月4日 示例议事会第三次全体会议通过", """\
第一条 为了保护示例环境，制定本法。

第二条 示例地方各级政府应当采取措施，组织把示例生活废弃物分类处置、回收利用。""")

WASTE = _law("示例固废法（测试样例）", "2036年6月6日 示例议事会第七次全体会议通过", """\
第一条 为了防治示例固废污染，制定本法。

第二条 推动示例生活垃圾分类处置和回收利用，示例县级以上政府有关部门应当统筹安排示例生活垃圾回收利用网点，推动示例生活垃圾的分类处置和回收利用。""")

BUILDING = _law("示例建筑节能条例（测试样例）", "2038年8月8日 示例政务院令第88号公布", """\
第一条 为了推进示例建筑节能，制定本条例。

第二条 示例设计单位应当按照示例建筑节能强制性标准设计新建示例居住建筑。""")

FILES = {
    "示例环境基本法(2034-04-04).md": BASIC,
    "示例固废法(2036-06-06).md": WASTE,
    "示例建筑节能条例(2038-08-08).md": BUILDING,
}
