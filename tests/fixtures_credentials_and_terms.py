"""Invented texts for tests/test_answer_credentials_and_terms.py: a rule on recycling old appliances
that defines dismantling and whose penalties punish working without a dismantling qualification,
dismantling with banned methods and keeping no records; a rule on storage yards whose penalty
punishes running a yard without its operating permit. They are test samples (测试样例), not real texts: issuers, numbers and dates are
made up."""
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

第四条 本办法所称示例旧器具的拆解活动，是指把示例旧器具拆开并从中回收材料的活动，不包括对器具进行维修、翻新后再次使用。

第五条 回收示例旧器具的经营者自行拆解的，应当先取得拆解资格；没有拆解资格的，应当把回收的示例旧器具交给有拆解资格的单位。

第十八条 违反本办法，不具备示例旧器具拆解资格而擅自开展拆解业务的，由示例环境局责令其停业或者关闭，没收违法所得，另处6万元以上60万元以下罚款。

第十九条 违反本办法，使用已列入淘汰目录的工艺拆解示例旧器具的，由示例环境局责令限期改正；情节严重的，由设区的市示例环境局暂停乃至撤销其示例旧器具拆解资格。

第二十条 违反本办法，拆解单位没有建立示例旧器具拆解台账的，由示例环境局责令限期改正，处8000元以上3万元以下罚款。
"""

YARD_RULE = f"""# 示例堆场经营管理规定（测试样例）

2032年7月1日 示例市人民政府令第5号公布

<!-- INFO END -->

{NOTE}

第一条 为加强示例堆场经营管理，制定本规定。

第十二条 违反本规定，未取得示例堆场经营许可证擅自经营堆场的，由示例商务局没收违法所得，处2万元以上20万元以下罚款。
"""


def write_corpus(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "示例旧器具回收拆解管理办法(2031-03-09).md").write_text(RECYCLING_RULE, encoding="utf-8")
    (root / "示例堆场经营管理规定(2032-07-01).md").write_text(YARD_RULE, encoding="utf-8")
    return root
