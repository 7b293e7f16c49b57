"""Invented texts for tests/test_answer_asked_again.py: a general environment law (a daily fine for a
refusal to correct) and a waste law referring to it, a sea law with a long title readers shorten
(示例海洋环保法), two numbered amendments in its header, a definition with a depth and one article
fining two listed conducts, a national energy-saving law beside a city's measures implementing it,
and a standardisation law beside its older implementing regulation.
They are test samples (测试样例), not real texts: issuers, numbers and dates are made up."""
from __future__ import annotations

NOTE = "本文件是 GreenKB 自动化测试使用的虚构样例，不是真实的法规。"


def _law(title: str, header: str, body: str) -> str:
    return f"# {title}\n\n{header}\n\n<!-- INFO END -->\n\n{NOTE}\n\n{body}\n"


GENERAL = _law("示例环境保护法（测试样例）", "2031年1月1日 示例议事会第二次会议通过", """\
第一条 为了保护示例环境，制定本法。

第十条 排放示例污染物的单位被罚款并被要求改正，仍拒绝改正的，原处罚机关可以从要求改正的第二天起，按原罚款数额按日连续处罚。

第十一条 重点排污单位不公布示例环境信息的，示例环保部门应令其公布并处罚款，同时公告。""")

WASTE = _law("示例固体废料法（测试样例）", "2032年2月2日 示例议事会第三次会议通过", """\
第一条 为了防治示例固体废料污染，制定本法。

第八条 产生示例固体废料的单位应当建立管理台账，如实记录废料的种类和去向。

第二十条 单位违法排放示例固体废料，已被罚款并被要求改正的，原处罚机关应当进行复查；复查时仍在违法排放的，依照《示例环境保护法》相关规定按日连续处罚。""")

SEA = _law("示例海洋环境保护法（测试样例）",
           "2030年3月3日 示例议事会第一次会议通过\n\n"
           "2040年5月5日 示例议事会第九次会议决定第一次修正\n\n"
           "2050年8月8日 示例议事会第二十次会议决定第二次修正", """\
第一条 为了保护示例海洋环境，制定本法。

第十条 示例海水养殖户应当科学确定养殖密度，合理投饵，对养殖尾水进行自行监测。

第三十条 有下列情形之一的，示例海洋部门应令其改正并处罚款：

（一）超过示例排放标准向海洋排放污染物；

（二）没有示例倾倒许可证而向海洋倾倒废弃物。

属于第一项情形的，罚二万元至十万元；属于第二项情形的，罚三万元至二十万元。

第三十一条 违背示例倾倒许可证所定条件倾倒废弃物的，示例海洋部门给予警告，并罚三万元至二十万元。

第五十条 本法所用词语的意思如下：

（一）示例湿地，是指低潮时水深不超过八米的水域及其沿岸浸湿地带；

（二）示例海域，是指示例海岸以外的全部水域。""")

ENERGY = _law("示例节能法（测试样例）", "2033年3月3日 示例议事会第四次会议通过", """\
第一条 为了推动示例节能，制定本法。

第二十条 每年消耗能源折合一万吨标准煤以上的用能单位，属于示例重点用能单位。

第二十一条 管理示例重点用能单位节能的办法，由示例节能主管部门联合有关部门制定。""")

CITY_ENERGY = _law("北京市实施《示例节能法》办法（测试样例）", "2034年4月4日 北京市示例议事会第五次会议通过", """\
第一条 为了实施《示例节能法》，结合本市实际，制定本办法。

第十七条 市发改部门依国家规定管好示例重点用能单位的节能工作，每年6月底以前公布这些单位的能源利用情况。

第十八条 每年消耗能源折合五千吨以上、不足一万吨标准煤的用能单位，由市发改部门从中指定示例重点用能单位，并和统计部门一起公布名单。""")

STANDARDS = _law("示例标准化法（测试样例）", "2050年9月9日 示例议事会第十二次会议修订", """\
第一条 为了加强示例标准化工作，制定本法。

第五条 县级以上地方示例标准化主管部门统一管理本区域的标准化工作；有关主管部门分工管理本区域本行业的标准化工作。""")

STANDARDS_REGULATION = _law("示例标准化法实施条例（测试样例）", "2040年4月6日 示例政务院令第3号发布", """\
第一条 根据《示例标准化法》，制定本条例。

第九条 省级有关主管部门按分工管理本省本行业的标准化事务，承担以下职责：

（一）制定本行业的标准化工作计划；

（二）承担草拟示例地方标准的任务；

（三）对标准的实施进行监督检查。""")

FILES = {
    "示例环境保护法.md": GENERAL,
    "示例固体废料法.md": WASTE,
    "示例海洋环境保护法.md": SEA,
    "示例节能法.md": ENERGY,
    "北京市实施示例节能法办法.md": CITY_ENERGY,
    "示例标准化法.md": STANDARDS,
    "示例标准化法实施条例.md": STANDARDS_REGULATION,
}
