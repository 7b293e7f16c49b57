"""Invented texts for tests/test_answer_read_dev46.py: an air law where one article has a department
or a province make the air standard and a later one says how any standard is made (experts, views
asked of departments); a water law whose header dates its adoption, a revision and a correction; a
rule on old appliances (a 条例) where processors keep a monitoring system, beside a waste law with
only principles on taking appliances apart and a monitoring duty of refuse plants; a carbon rule
where one penalty cuts next year's allowance by a share and another by the amount not surrendered.
They are test samples (测试样例), not real texts: issuers, numbers and dates are made up."""
from __future__ import annotations

NOTE = "本文件是 GreenKB 自动化测试使用的虚构样例，不是真实的法规。"


def _law(title: str, header: str, body: str) -> str:
    return f"# {title}\n\n{header}\n\n<!-- INFO END -->\n\n{NOTE}\n\n{body}\n"


AIR = _law("示例大气防治法（测试样例）", "2036年6月6日 示例议事会第九次全体会议通过", """\
第一条 为了防治示例大气污染，制定本法。

第八条 示例生态部门或者示例省级政府制定示例大气质量标准，应当以守护居民健康为宗旨，兼顾示例经济条件。

第九条 示例生态部门或者示例省级政府制定示例大气排放标准，应当以示例大气质量标准为依据。

第十条 制定示例大气质量标准、示例大气排放标准，应当请专家审查把关，听取有关部门、示例行业组织和公众对示例大气质量标准的看法。

第十一条 示例大气质量标准应当定期评估，适时修订。""")

WATER = _law("示例水体防治法（测试样例）", """\
2031年3月3日 示例议事会第二次全体会议通过

2041年4月4日 示例议事会第七次全体会议修订

2051年5月5日 示例议事会第十三次全体会议《关于修改<示例水体防治法>的决定》第一次修正""", """\
第一条 为了防治示例水体污染，制定本法。

第五条 示例县级以上政府对本辖区的示例水体质量负责。""")

APPLIANCES = _law("示例旧电器处理条例（测试样例）", "2038年8月8日 示例政务院令第808号公布", """\
第一条 为了规范示例旧电器的处理，制定本条例。

第十六条 示例处理企业应当建立示例旧电器处理的日常环境监测制度，按月记录监测结果。

第十七条 示例处理企业应当建立示例旧电器数据信息管理系统。""")

WASTE = _law("示例固废防治法（测试样例）", "2037年7月7日 示例议事会第八次全体会议通过", """\
第一条 为了防治示例固体废物污染，制定本法。

第五十六条 示例垃圾处理单位应当安装监测设备，实时监测排放情况，公开排放数据。

第六十七条 国家对示例旧电器推行多种途径回收、集中统一处理的做法。拆解、利用示例旧电器，应当守规矩，设法不让拆解弄脏周边环境。""")

CARBON = _law("示例碳配额管理条例（测试样例）", "2044年4月4日 示例政务院令第444号公布", """\
第一条 为了管好示例碳配额，制定本条例。

第二十条 示例排放单位有下面情形之一的，由示例生态部门责令改正，处三十五万元以上一百五十万元以下罚款；还不改正的，按30%至60%的比例核减该单位下一年度的示例碳配额：

（一）篡改、伪造示例排放数据；

（二）不按规定报送示例排放报告。

第二十一条 示例排放单位没有按时足额上缴示例碳配额的，由示例生态部门责令改正，处未上缴的示例碳配额市场均价三倍以上五倍以下罚款；仍不改正的，按照未上缴的示例碳配额数量等量核减其下一年度示例碳配额，被处罚的示例排放单位仍不改正的，还可以责令停产整治。""")

FILES = {
    "示例大气防治法(2036-06-06).md": AIR,
    "示例水体防治法(2051-05-05).md": WATER,
    "示例旧电器处理条例(2038-08-08).md": APPLIANCES,
    "示例固废防治法(2037-07-07).md": WASTE,
    "示例碳配额管理条例(2044-04-04).md": CARBON,
}
