"""Invented texts for tests/test_answer_credentials_and_terms.py: a rule on recycling old appliances
whose penalties punish working without a dismantling qualification, dismantling with banned methods
and keeping no records; a rule on storage yards whose penalty punishes running a yard without its
operating permit; a rule on collecting old appliances that defines dismantling and binds collectors
who dismantle to hold the qualification; two laws on village waste, one binding every level of
government alike, the other naming the level that organises its disposal. They are test samples
(测试样例), not real texts: issuers, numbers and dates are made up."""
from __future__ import annotations

from pathlib import Path

NOTE = "本文件是 GreenKB 自动化测试使用的虚构样例，不是真实的法规。"

RECYCLING_RULE = f"""# 示例旧器具回收拆解管理办法（测试样例）

2031年3月9日 示例省人民政府令第17号公布

<!-- INFO END -->

{NOTE}

第一条 为规范示例旧器具的回收和拆解，保护环境，制定本办法。

第二条 本办法所称示例旧器具，是指居民和单位淘汰不用的电视机、冰箱、洗衣机等家用器具。

第三条 从事示例旧器具拆解的单位，应当向设区的市示例环境局申领拆解资格。

第十八条 违反本办法，不具备示例旧器具拆解资格而擅自开展拆解业务的，由示例环境局责令其停业或者关闭，没收违法所得，另处6万元以上60万元以下罚款。

第十九条 违反本办法，使用已列入淘汰目录的工艺拆解示例旧器具的，由示例环境局责令限期改正；情节严重的，由设区的市示例环境局暂停乃至撤销其示例旧器具拆解资格。

第二十条 违反本办法，拆解单位没有建立示例旧器具拆解台账的，由示例环境局责令限期改正，处8000元以上3万元以下罚款。
"""

YARD_RULE = f"""# 示例堆场经营管理规定（测试样例）

2032年7月1日 示例市人民政府令第5号公布

<!-- INFO END -->

{NOTE}

第一条 为加强示例堆场经营管理，制定本规定。

第十二条 违反本规定，未取得示例堆场经营许可证擅自经营堆场的，由示例商务局没收其违法所得，另处2万元以上20万元以下罚款。
"""

VILLAGE_WASTE_LAW = f"""# 示例城乡废物防治法（测试样例）

2035年1月1日 示例人民代表大会常务委员会通过

<!-- INFO END -->

{NOTE}

第一条 为防治示例城乡废物污染，保障公众健康，维护生态安全，推进示例城乡废物的减量化、资源化和无害化，制定本法。

第二条 在示例地区从事城乡废物的产生、收集、贮存、运输、利用和处置活动，适用本法。

第三条 示例地区推行生活垃圾分类，分类工作由政府引导、居民参与，按各地情况逐步推进。

第四条 地方各级人民政府应当加强农村示例生活垃圾处置工作的组织和管理，改善农村人居环境。

第五条 县级以上人民政府应当统筹安排示例垃圾中转站的建设用地，提高示例垃圾的综合利用水平。
"""

ENVIRONMENT_LAW = f"""# 示例乡村环境法（测试样例）

2035年3月1日 示例人民代表大会常务委员会通过

<!-- INFO END -->

{NOTE}

第一条 为改善示例乡村的生态环境、减少污染、维护村民健康，制定本法。

第二条 示例乡村的大气、水、土壤和生物等环境要素的保护，适用本法。

第三条 各级人民政府每年列支专项经费，用于示例乡村环境综合整治和村庄饮用水水源保护。

第四条 各级人民政府及其农业部门应当指导农户科学施肥。县级人民政府负责组织农村示例生活废弃物的处置工作。
"""

COLLECTION_RULE = f"""# 示例旧器具回收经营规定（测试样例）

2031年9月1日 示例省商务厅公布

<!-- INFO END -->

{NOTE}

第一条 为规范示例旧器具的回收经营，制定本规定。

第二条 本规定所称示例旧器具的拆解活动，是指把示例旧器具拆开并从中回收材料的活动，不包括对器具进行维修、翻新后再次使用。

第三条 回收示例旧器具的经营者自行拆解的，应当先取得拆解资格；没有拆解资格的，应当把回收的示例旧器具交给有拆解资格的单位。
"""


def write_corpus(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "示例旧器具回收拆解管理办法(2031-03-09).md").write_text(RECYCLING_RULE, encoding="utf-8")
    (root / "示例堆场经营管理规定(2032-07-01).md").write_text(YARD_RULE, encoding="utf-8")
    (root / "示例旧器具回收经营规定(2031-09-01).md").write_text(COLLECTION_RULE, encoding="utf-8")
    (root / "示例城乡废物防治法(2035-01-01).md").write_text(VILLAGE_WASTE_LAW, encoding="utf-8")
    (root / "示例乡村环境法(2035-03-01).md").write_text(ENVIRONMENT_LAW, encoding="utf-8")
    return root
