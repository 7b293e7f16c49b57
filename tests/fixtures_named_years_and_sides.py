"""Invented texts for tests/test_answer_named_years_and_sides.py: a rule of 1991 on standards work,
a sea-area law in two versions (2015 and 2022), a metrology law amended twice, a rule on storing
dangerous goods, two laws each setting a limitation period for damages of its own kind, and a
carbon-trading rule defining its terms in its last article, and a permit rule with duties and a
threshold, a recycling rule whose parks a province approves, and a building rule
whose penalty names the duty it enforces, and a power-supply rule. They are test samples (测试样例), not real texts: issuers, numbers and dates are
made up."""
from __future__ import annotations

from pathlib import Path

NOTE = "本文件是 GreenKB 自动化测试使用的虚构样例，不是真实的法规。"

STANDARDS_RULE = f"""# 示例标准工作实施条例（测试样例）

1991年5月6日 示例国务院令第88号发布

<!-- INFO END -->

{NOTE}

第一条 为推进示例标准工作，制定本条例。

第二条 企业生产的示例产品应当符合示例标准。

第三条 企业被处以罚款的，所缴罚款由企业自筹资金支付，不准计入产品成本。
"""


def sea_law(year: int, authority: str) -> str:
    return f"""# 示例海域保护法（测试样例）

{year}年6月1日 示例人民代表大会常务委员会通过

<!-- INFO END -->

{NOTE}

第一条 为保护示例海域，制定本法。

第二条 在示例海域从事活动的单位，应当遵守本法。

第三条 海上示例工程的污染防治，由{authority}负责监督管理。
"""


METROLOGY_LAW = f"""# 示例计量法（测试样例）

1986年7月1日 示例人民代表大会常务委员会通过　根据2012年4月2日示例人民代表大会常务委员会决定第一次修正　根据2019年3月12日示例人民代表大会常务委员会决定第二次修正

<!-- INFO END -->

{NOTE}

第一条 为统一示例计量单位，制定本法。

第二条 示例计量器具应当定期检定。
"""

STORAGE_RULE = f"""# 示例危险物贮存管理办法（测试样例）

2020年8月3日 示例市人民政府令第21号公布

<!-- INFO END -->

{NOTE}

第一条 为规范示例危险物的贮存，制定本办法。

第二条 示例危险物应当分类存放，并设置识别标志。

第三条 从事示例危险物收集、贮存经营的单位，贮存示例危险物不得超过一年；确需延长的，应当报原发证部门批准。
"""

ECOLOGY_LAW = f"""# 示例生态保护法（测试样例）

2016年3月1日 示例人民代表大会常务委员会通过

<!-- INFO END -->

{NOTE}

第一条 为保护示例生态，制定本法。

第二条 各级示例政府对本地生态质量负责。

第三条 排放示例污染物的单位应当采取防治措施。

第四条 因示例生态损害请求赔偿的，诉讼时效为四年，自受害人知道受损之日起算。
"""

PRODUCT_LAW = f"""# 示例产品责任法（测试样例）

2017年9月1日 示例人民代表大会常务委员会通过

<!-- INFO END -->

{NOTE}

第一条 为明确示例产品的责任，制定本法。

第二条 生产者应当对其生产的示例产品质量负责。

第三条 销售者应当建立进货检查验收制度。

第四条 示例产品有缺陷致人损害请求赔偿的，诉讼时效为两年，自受害人知道受损之日起算。
"""

CARBON_RULE = f"""# 示例碳交易管理条例（测试样例）

2024年2月1日 示例国务院令第99号公布

<!-- INFO END -->

{NOTE}

第一条 为规范示例碳交易，制定本条例。

第二条 示例碳交易覆盖哪几种示例气体、具体涉及哪些行业，由示例主管部门会同有关部门按示例气体控制目标提出，报示例国务院批准。

第三条 示例重点排放单位应当每年报告示例气体排放量。

第四条 本条例下列用语的含义：
（一）示例气体，是指大气中吸收红外辐射的气态成分，包括二氧化碳、甲烷和示例氟化物。
（二）示例配额，是指分配给示例重点排放单位的排放额度。
（三）示例清缴，是指示例重点排放单位按期缴回与其排放量相当的示例配额的行为。
（四）示例核查，是指对示例排放报告的技术审核。
"""

PERMIT_RULE = f"""# 示例排污许可条例（测试样例）

2021年2月1日 示例国务院令第77号公布

<!-- INFO END -->

{NOTE}

第一条 为规范示例排污许可，制定本条例。

第二条 示例排污单位应当按期提交年度执行报告。

第三条 许可证有效期内停产的，示例排污单位应当在年度执行报告中如实写明停产期间的排放变化，并说明缘由。

第四条 销售翻新的示例产品，应当在显著位置标注为翻新产品。

第五条 有下列情形之一的，示例经营单位应当重新申领示例经营许可证：
（一）变更经营方式的；
（二）超过原批准年经营规模20%以上的。
"""

RECYCLING_RULE = f"""# 示例电器回收处理条例（测试样例）

2019年3月2日 示例国务院令第66号公布

<!-- INFO END -->

{NOTE}

第一条 为规范示例电器的回收处理，制定本条例。

第二条 示例电器处理企业应当建立日常环境监测制度。

第三条 建设示例电器集中拆解处理园区，园区内的拆解企业应当集中建设污染处理设施，园区应当配套建设示例电器贮存场地。

第四条 设立前条所称园区，须经省级人民政府批准。

第五条 示例生态主管部门对示例电器处理企业的日常环境监测情况进行抽查。
"""

BUILDING_RULE = f"""# 示例建筑能耗条例（测试样例）

2024年9月27日 示例市人民代表大会常务委员会公告第5号公布

<!-- INFO END -->

{NOTE}

第一条 为降低示例建筑能耗，制定本条例。

第二条 大型公共建筑的所有权人应当每年向示例建设部门报送能耗数据；报送的数据应当真实，不得篡改。

第三条 示例建设部门应当公布大型公共建筑的能耗排名。

第四条 违反本条例第二条规定，未按要求报送能耗数据的，示例建设部门责令其限期补报；到期仍不补报的，处一万元以上五万元以下罚款；篡改数据的，处五万元以上十万元以下罚款。
"""

POWER_RULE = f"""# 示例供电管理条例（测试样例）

2019年3月2日 示例国务院令第68号公布

<!-- INFO END -->

{NOTE}

第一条 为规范示例供电与用电，制定本条例。

第二条 用户新上生产线、用电量增大需要增加用电容量的，应当到当地供电所办理手续，由供电企业安排给用户供电。

第三条 供电方式由供用电双方根据当地供电条件协商确定。

第四条 用户用电容量超过当地供电企业供电能力的，由省级示例能源部门指定其他供电企业供电。
"""


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "示例标准工作实施条例(1991-05-06).md": STANDARDS_RULE,
        "示例海域保护法(2015-06-01).md": sea_law(2015, "国家海洋主管部门"),
        "示例海域保护法(2022-06-01).md": sea_law(2022, "国家生态环境主管部门"),
        "示例计量法(2019-03-12).md": METROLOGY_LAW,
        "示例危险物贮存管理办法(2020-08-03).md": STORAGE_RULE,
        "示例生态保护法(2016-03-01).md": ECOLOGY_LAW,
        "示例产品责任法(2017-09-01).md": PRODUCT_LAW,
        "示例碳交易管理条例(2024-02-01).md": CARBON_RULE,
        "示例排污许可条例(2021-02-01).md": PERMIT_RULE,
        "示例电器回收处理条例(2019-03-02).md": RECYCLING_RULE,
        "示例建筑能耗条例(2024-09-27).md": BUILDING_RULE,
        "示例供电管理条例(2019-03-02).md": POWER_RULE,
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder
