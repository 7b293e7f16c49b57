"""Invented regulations for tests/test_answer_comparisons.py: comparisons asked in one sentence
and a question asking "who" twice, found on the dev16 question set once it was read. They are
test samples (测试样例), not real texts: issuers, numbers and amounts are made up."""
from __future__ import annotations

from pathlib import Path

NOTE = "本文件是 GreenKB 自动化测试使用的虚构样例，不是真实的法规。"

# measures for each zone in an article of its own, and an article naming all the zones
OUTBREAK = f"""# 示例畜禽疫情处置条例（测试样例）

2016年5月10日 示例省人民政府令第40号公布

<!-- INFO END -->

{NOTE}

第一条 为了及时处置示例省的重大畜禽疫情，制定本条例。

第二条 出现重大畜禽疫情的，县级兽医主管部门要马上划出疫点、疫区和受威胁区，并建议本级人民政府实施封锁。疫点、疫区和受威胁区的范围按照疫病种类划定。

第三条 对疫点应当采取下列措施：

（一）扑杀并销毁染疫畜禽；

（二）对畜禽排泄物和被污染的物品进行无害化处理；

（三）对被污染的场所进行严格消毒。

第四条 对受威胁区应当采取下列措施：

（一）对易感畜禽进行监测；

（二）对易感畜禽根据需要实施紧急免疫接种。

第五条 重大畜禽疫情由示例省兽医主管部门认定；必要时，由示例国家兽医主管部门认定。

第六条 重大畜禽疫情由示例国家兽医主管部门统一公布；其他单位和个人不得公布重大畜禽疫情。
"""

# the same misconduct punished in two documents, each for its own kind of firm
DESIGN = f"""# 示例工程设计管理条例（测试样例）

2017年8月1日 示例省人民政府令第52号公布

<!-- INFO END -->

{NOTE}

第一条 为了管理示例省的工程设计活动，制定本条例。

第二条 设计单位只能承接其资质等级允许范围内的设计任务。

第三条 违反本条例第二条规定，设计单位超越资质等级承揽设计任务的，责令停止违法行为，处合同约定设计费一倍以上二倍以下的罚款；有违法所得的，予以没收。
"""

PLANNING = f"""# 示例城乡规划编制办法（测试样例）

2018年2月1日 示例省人民政府令第61号公布

<!-- INFO END -->

{NOTE}

第一条 为了管理示例省的城乡规划编制工作，制定本办法。

第二条 城乡规划编制单位有下列行为之一的，责令限期改正，处合同约定的规划编制费三倍以上四倍以下的罚款：

（一）超出资质等级允许的范围承接城乡规划编制任务的；

（二）编制城乡规划不符合示例标准的。
"""


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "示例畜禽疫情处置条例（测试样例）.md").write_text(OUTBREAK, encoding="utf-8")
    (folder / "示例工程设计管理条例（测试样例）.md").write_text(DESIGN, encoding="utf-8")
    (folder / "示例城乡规划编制办法（测试样例）.md").write_text(PLANNING, encoding="utf-8")
    return folder
