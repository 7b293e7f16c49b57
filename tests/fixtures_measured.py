"""Invented regulations for tests/test_answer_measured.py: figure questions whose figure is of a
thing the texts never count (a deposit, the lowest speed, dust per cubic metre, penalty points),
beside figures of other things. They are test samples (测试样例), not real texts: issuers, numbers
and amounts are made up."""
from __future__ import annotations

from pathlib import Path

NOTE = "本文件是 GreenKB 自动化测试使用的虚构样例，不是真实的法规。"

# registered capital in sums, no deposit of any kind
FORWARDING = f"""# 示例货运代理业管理规定（测试样例）

2016年4月2日 示例商务部令第7号公布

<!-- INFO END -->

{NOTE}

第一条 为了规范示例货运代理业，制定本规定。

第二条 货运代理企业的注册资本最低限额为三百万元人民币。

第三条 货运代理企业每设立一个分支机构，应当增加注册资本四十万元。

第四条 货运代理企业应当依法经营，接受示例商务主管部门的监督检查。
"""

# speeds and distances on a motorway, no lowest speed; points recorded, no number of them
ROADS = f"""# 示例道路通行条例（测试样例）

2017年6月9日 示例国务院令第21号公布

<!-- INFO END -->

{NOTE}

第一条 为了维护示例道路通行秩序，制定本条例。

第二条 机动车在高速公路上发生故障时，警告标志应当设置在来车方向一百六十米以外。

第三条 高速公路上，限速标志所示的最高时速不得高于一百一十公里。

第四条 公安机关交通管理部门对驾驶人的违法行为实行累积记分制度；累积记分达到规定分值的，扣留驾驶证，并对其进行道路交通安全法律知识教育。

第五条 对一年内无累积记分的驾驶人，可以延长驾驶证的审验期。
"""

# a clean zone named by its grade, its dust left to rules not given; lighting in a number
CLEAN_ROOMS = f"""# 示例制剂室质量规范（测试样例）

2015年8月3日 示例药品监督管理局令第4号公布

<!-- INFO END -->

{NOTE}

第一条 为了规范示例制剂的配制，制定本规范。

第二条 １００级洁净区内不得设地漏。

第三条 洁净室内空气的微生物数和尘粒数应当符合规定，并定期检测、记录。

第四条 洁净室的照度应当不低于２８０勒克斯。
"""

# a fee named with its verb in the question (要交闲置费), written 土地闲置费 in the text
LAND = f"""# 示例城市土地开发条例（测试样例）

2014年9月5日 示例人民代表大会常务委员会公告第3号公布

<!-- INFO END -->

{NOTE}

第一条 为了规范示例城市土地开发，制定本条例。

第二条 出让合同约定的动工日期过后满一年仍未动工的，可以按不高于出让金百分之十五的标准收取土地闲置费；满二年仍未动工的，可以无偿收回该土地的使用权。
"""


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "示例货运代理业管理规定（测试样例）.md").write_text(FORWARDING, encoding="utf-8")
    (folder / "示例道路通行条例（测试样例）.md").write_text(ROADS, encoding="utf-8")
    (folder / "示例制剂室质量规范（测试样例）.md").write_text(CLEAN_ROOMS, encoding="utf-8")
    (folder / "示例城市土地开发条例（测试样例）.md").write_text(LAND, encoding="utf-8")
    return folder
