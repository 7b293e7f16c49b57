"""Invented texts for tests/test_answer_choices_and_versions.py: a fee regulation in which one article
names who collects the fee and another only how it is spent; a refrigerant regulation in two versions
(2031 and 2037) whose filing authority changed; a waste-collection measure with a storage limit and its
penalty; an energy-saving law and a province's rules implementing it, whose header lists its last amendment first; an audit regulation that sets a
first deadline but no interval; a review that counts three batches of a list; a building regulation that rates energy use but sets no star level; a permit regulation punishing\nan expired permit not renewed and, in another article, conduct under a permit. They are test samples
(测试样例), not real texts: issuers, numbers and dates are made up."""
from __future__ import annotations

from pathlib import Path

NOTE = "本文件是 GreenKB 自动化测试使用的虚构样例，不是真实的法规。"


def _law(title: str, header: str, body: str) -> str:
    return f"# {title}\n\n{header}\n\n<!-- INFO END -->\n\n{NOTE}\n\n{body}\n"


FEE = _law("示例培训附加费暂行规定（测试样例）", "2032年4月1日 示例政务院发布", """\
第一条 为筹集示例职业培训经费，制定本规定。

第二条 凡缴纳示例增值税的单位，都应当缴纳培训附加费。

第五条 培训附加费由示例税务机关负责征收，培训主管部门不得自行收取。

第八条 地方征收的培训附加费，按专项资金管理，交给培训主管部门统筹安排使用，用于改善职业培训设施。培训主管部门应当每年公布培训附加费的使用情况，培训附加费的分配方案由培训主管部门提出。""")

REFRIGERANT_OLD = _law("示例制冷剂管理条例（测试样例）", "2031年3月1日 示例政务院令第11号公布", """\
第一条 为加强示例制冷剂的管理，制定本条例。

第十七条 从事制冷设备维修的单位，应当向所在地县级人民政府生态环境主管部门备案。

第三十六条 维修单位不回收制冷剂的，由县级以上示例环境部门令其改正，罚款数额为2万元以上10万元以下。""")

REFRIGERANT_NEW = _law("示例制冷剂管理条例（测试样例）", "2031年3月1日 示例政务院令第11号公布\n2037年6月1日 示例政务院令第29号修订", """\
第一条 为加强示例制冷剂的管理，制定本条例。

第十七条 从事制冷设备维修的单位，应当向所在地设区的市级人民政府生态环境主管部门备案。

第三十六条 维修单位不回收制冷剂的，由县级以上示例环境部门令其改正，罚款数额为5万元以上20万元以下。""")

WASTE = _law("示例废矿油收集管理办法（测试样例）", "2033年9月9日 示例环境部令第7号公布", """\
第一条 为规范示例废矿油的收集，制定本办法。

第十二条 持有收集许可证的单位，应当及时将收集的废矿油转移给持有处置许可证的单位。

第二十七条 持有收集许可证的单位违反本办法第十二条规定，未及时转移废矿油的，由县级以上示例环境部门令其改正，罚款数额为1万元以上5万元以下，并可暂扣其收集许可证。""")

ENERGY_LAW = _law("示例节能法（测试样例）", "2030年1月5日 示例人民代表大会常务委员会通过", """\
第一条 为推进示例地区节约能源，制定本法。

第二条 本法所称节约能源，是指加强用能管理，降低能源消耗。""")

ENERGY_RULES = _law("示例省实施《示例节能法》办法（测试样例）",
                    "2038年1月1日 示例省人大常委会第九次会议通过的《关于修改〈示例省实施示例节能法办法〉的决定》修正\n"
                    "2031年7月8日 示例省人民代表大会常务委员会通过\n2036年2月2日 示例省人民代表大会常务委员会修订", """\
第一条 根据《示例节能法》，结合本省实际，制定本办法。

第二条 本省行政区域内的节能管理，适用本办法。""")

AUDIT = _law("示例清洁审计条例（测试样例）", "2034年5月5日 示例政务院令第40号公布", """\
第一条 为推进示例清洁审计，制定本条例。

第三十一条 实施强制性清洁审计的单位，应当自被确定之日起一年内完成审计，并向作出决定的部门报送审计报告。""")

BUILDINGS = _law("示例民用建筑节能条例（测试样例）", "2032年8月1日 示例政务院令第20号公布", """\
第一条 为加强示例民用建筑节能管理，制定本条例。

第二十一条 示例机关办公楼和大型公共楼宇的业主，应当每年测评楼宇的用能效率，并在显著位置标明结果。""")

PERMITS = _law("示例排放许可条例（测试样例）", "2033年3月3日 示例政务院令第31号公布", """\
第一条 为规范示例排放许可，制定本条例。

第十三条 排放单位有下列情形之一的，由示例环境部门令其改正，罚款数额为20万元以上100万元以下：
（一）未取得排放许可证排放污染物；
（二）排放许可证有效期届满未申请延续排放污染物。

第十五条 排放单位有下列情形之一的，由示例环境部门令其改正，罚款数额为5万元以上20万元以下：
（一）不按排放许可证的要求管控无组织排放的废气；
（二）特殊时段未按照排放许可证规定停止或者限制排放污染物；
（三）排放许可证载明的排放口以外照常排放污染物。""")

REVIEW = f"""# 示例绿色名单综述（测试样例）

{NOTE}

## 1 名单建设

截至2035年，示例部门已发布前三批示例绿色工厂名单，共计120家示例企业入选。
"""


def write_corpus(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    files = {
        "示例培训附加费暂行规定(2032-04-01).md": FEE,
        "示例制冷剂管理条例(2031-03-01).md": REFRIGERANT_OLD,
        "示例制冷剂管理条例(2037-06-01).md": REFRIGERANT_NEW,
        "示例废矿油收集管理办法(2033-09-09).md": WASTE,
        "示例节能法(2030-01-05).md": ENERGY_LAW,
        "示例省实施《示例节能法》办法(2036-02-02).md": ENERGY_RULES,
        "示例清洁审计条例(2034-05-05).md": AUDIT,
        "示例绿色名单综述.md": REVIEW,
        "示例民用建筑节能条例(2032-08-01).md": BUILDINGS,
        "示例排放许可条例(2033-03-03).md": PERMITS,
    }
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    return root
