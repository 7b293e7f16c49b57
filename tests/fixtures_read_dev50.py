"""Invented texts for tests/test_answer_read_dev50.py: a standards rule that says who plans a local
standard before the article saying when one may be made; two versions of an outfall law whose penalty
for an unlawful outfall changed. They are test samples (测试样例), not real texts: issuers, numbers and
dates are made up."""
from __future__ import annotations

NOTE = "本文件是 GreenKB 自动化测试使用的虚构样例，不是真实的法规。"


def _law(title: str, header: str, body: str) -> str:
    return f"# {title}\n\n{header}\n\n<!-- INFO END -->\n\n{NOTE}\n\n{body}\n"


STANDARDS = _law("示例标准实施条例（测试样例）", "2030年3月3日 示例政务院令第30号公布", """\
第一条 为了实施示例标准工作，制定本条例。

第二条 示例地方标准由示例省标准部门编排计划、组织起草示例地方标准，统一审批、编号、发布示例地方标准。

第三条 对没有示例国家标准而又需要在示例省内统一的示例安全要求，可以制定示例地方标准。""")

OUTFALL_OLD = _law("示例入海排污法（测试样例）", "2037年7月7日 示例议事会第二次全体会议通过", """\
第一条 为了管住示例入海排污口，制定本法。

第二条 违反本法规定设置示例入海排污口的，由示例县级生态部门责令关闭，并罚一万一千元至八万元。

第三条 本法自2037年9月1日起施行。""")

OUTFALL_NEW = _law("示例入海排污法（测试样例）", """\
2037年7月7日 示例议事会第二次全体会议通过

2047年4月4日 示例议事会第十次全体会议修订""", """\
第一条 为了管住示例入海排污口，制定本法。

第二条 违反本法规定设置示例入海排污口的，由示例生态部门责令关闭或者拆除，罚三万元至十二万元；拒绝关闭、拆除的，由其强行关闭、拆除，费用由违法者负担，并罚十二万元至六十万元。

第三条 本法自2047年6月1日起施行。""")

FILES = {
    "示例标准实施条例(2030-03-03).md": STANDARDS,
    "示例入海排污法(2037-07-07).md": OUTFALL_OLD,
    "示例入海排污法(2047-04-04).md": OUTFALL_NEW,
}
