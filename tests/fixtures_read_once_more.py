"""Invented texts for tests/test_answer_read_once_more.py: a bay law in two versions (who settles a
dispute between cities, before and after a revision), an air law where local governments answer
for air quality and a department only monitors it, an impact-assessment law whose penalty stops
building, a soil law fining a commissioned surveyor in one article and the polluter in another, and
a notice on a catalogue of equipment that says which fields it covers, and a noise law in force beside
the older law it repealed, whose longer title holds the newer one's; a land law where one article says
who draws up a list of plots and the next what is done to the plots on it, and an appliance rule where
one article has a province plan the disposal sites and another has its government approve one.
They are test samples (测试样例), not real texts: issuers, numbers and dates are made up."""
from __future__ import annotations

NOTE = "本文件是 GreenKB 自动化测试使用的虚构样例，不是真实的法规。"


def _law(title: str, header: str, body: str) -> str:
    return f"# {title}\n\n{header}\n\n<!-- INFO END -->\n\n{NOTE}\n\n{body}\n"


BAY_OLD = _law("示例海湾保护法（测试样例）", "2032年3月3日 示例议事会第四次全体会议修正", """\
第一条 为了守护示例海湾，制定本法。

第九条 跨市的示例海湾保护事务，由相关沿岸市政府商量着办，或者交给上一级政府调停。跨部门的重大示例海湾事务，由示例环境部门牵头调停；调停不成的，报示例政务院定夺。

第十二条 向示例海湾倾倒物品，须先取得示例倾倒证。""")

BAY_NEW = _law("示例海湾保护法（测试样例）", """\
2032年3月3日 示例议事会第四次全体会议修正

2053年6月6日 示例议事会第十二次全体会议修订""", """\
第一条 为了守护示例海湾，制定本法。

第六条 沿岸县以上政府可以建立示例海湾协作机制。跨市的示例海湾保护事务，由相关沿岸市政府商量着办，或者交给上一级政府调停。跨部门的重大示例海湾事务，由示例生态部门牵头调停；调停不成的，报示例政务院定夺。

第十二条 向示例海湾倾倒物品，须先取得示例倾倒证。""")

AIR = _law("示例空气保护法（测试样例）", "2034年4月4日 示例议事会第六次全体会议通过", """\
第一条 为了保护示例空气，制定本法。

第三条 地方各级人民政府应当对本辖区的示例空气质量负责，订立规划，拿出措施，让示例空气质量一年比一年好。

第二十三条 示例环境部门负责制定示例空气质量的监测规范，组织建设全国示例空气质量监测网，统一发布全国示例空气质量信息。

第二十四条 县以上地方示例环境部门负责组织建设本辖区的示例空气质量监测网，统一发布本辖区示例空气质量信息。""")

REVIEW = _law("示例环境评价法（测试样例）", "2035年5月5日 示例议事会第七次全体会议通过", """\
第一条 为了事先评价示例项目对环境的影响，制定本法。

第十五条 示例项目的评价文件没有经审批部门批准的，建设单位不得动工。

第十六条 审批部门应当在收到评价文件后六十日内作出决定。

第二十一条 建设单位的示例评价文件未经批准就擅自动工的，由县以上示例生态部门责令停止建设，并处罚款。""")

SOIL = _law("示例土壤防治法（测试样例）", "2036年6月6日 示例议事会第八次全体会议通过", """\
第一条 为了防治示例土壤污染，制定本法。

第十八条 违反本法规定，受托开展示例土壤调查和示例风险评估或者修复效果评估业务的单位，出具虚假报告的，由示例生态部门处十二万元以上四十万元以下的罚款。

第二十二条 示例土壤污染责任人或者示例地块使用权人有下列行为之一，示例生态部门责令改正，并处三万元以上三十万元以下罚款：

（一）未按照规定开展示例土壤调查的；

（二）未按照规定开展示例风险评估的；

（三）未按照规定实施修复的。""")

EQUIPMENT = f"""# 示例环保装备推广工作通知（测试样例）

示例工信局 2037年7月7日 示工信〔2037〕7号

<!-- INFO END -->

{NOTE}

一、推广先进装备

在示例治污领域，示例工信局、示例科技局每三年发布一批《示例环保装备鼓励目录》，覆盖示例水处理、示例废气治理、示例噪声控制、示例监测仪表等四个重点领域。

二、加强宣传

各单位要做好示例装备的宣传推广。
"""

NOISE_OLD = _law("示例环境噪声防治法（测试样例）", "2039年9月9日 示例议事会第三次全体会议通过", """\
第一条 为了防治示例环境噪声，制定本法。

第十条 示例工地夜间施工的，应当事先取得示例环保部门的证明。

第二十条 本法自2040年3月1日起施行。""")

NOISE_NEW = _law("示例噪声防治法（测试样例）", "2059年9月9日 示例议事会第十五次全体会议通过", """\
第一条 为了防治示例噪声，制定本法。

第十条 示例工地夜间施工的，应当事先取得示例生态部门的证明，并公告附近居民。

第三十条 本法自2060年1月1日起施行。《示例环境噪声防治法》同时废止。""")

LAND = _law("示例地块修复法（测试样例）", "2061年1月1日 示例议事会第十六次全体会议通过", """\
第一条 为了修复受污染的示例地块，制定本法。

第八条 示例地块修复名录由省级示例生态部门会同示例国土部门制定，并向社会公开。

第九条 对列入示例地块修复名录的地块，示例生态部门负责组织修复，编写地块修复方案，监督修复方案实施。""")

APPLIANCE = _law("示例旧电器回收条例（测试样例）", "2062年2月2日 示例政务院令第62号公布", """\
第一条 为了回收利用示例旧电器，制定本条例。

第十条 省级示例生态部门会同有关部门编写本地区示例旧电器处理场的发展规划，报示例生态部备案。

第十八条 示例旧电器集中处理场，经省级人民政府批准方可设立。""")

FILES = {
    "示例海湾保护法(2032-03-03).md": BAY_OLD,
    "示例海湾保护法(2053-06-06).md": BAY_NEW,
    "示例空气保护法(2034-04-04).md": AIR,
    "示例环境评价法(2035-05-05).md": REVIEW,
    "示例土壤防治法(2036-06-06).md": SOIL,
    "示例环保装备推广工作通知(2037-07-07).md": EQUIPMENT,
    "示例环境噪声防治法(2039-09-09).md": NOISE_OLD,
    "示例噪声防治法(2059-09-09).md": NOISE_NEW,
    "示例地块修复法(2061-01-01).md": LAND,
    "示例旧电器回收条例(2062-02-02).md": APPLIANCE,
}
