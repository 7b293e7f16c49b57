"""Invented regulations whose promulgation lines (the header, 题注) answer the question, for
tests/test_answer_headers.py. They are test samples (测试样例), not real texts: issuers, decree
numbers and dates are made up."""
from __future__ import annotations

from pathlib import Path

NOTE = "本文件是 GreenKB 自动化测试使用的虚构样例，不是真实的法规。"

# in force from the day it was promulgated: the date is in the header only
FLOOD = f"""# 示例防汛条例（测试样例）

2011年3月4日 示例国务院第12次常务会议通过

2011年3月20日 示例国务院令第601号公布

<!-- INFO END -->

{NOTE}

第一条 为了做好示例地区的防汛工作，减轻洪涝灾害损失，制定本条例。

第二条 示例地区的防汛工作实行行政首长负责制。

第三条 示例防汛指挥机构负责组织、协调本行政区域的防汛工作。

第四条 汛期内，水库、闸坝的管理单位应当每日向防汛指挥机构报告水情。

第五条 本条例自公布之日起施行。
"""

# revised twice and amended once: the current text's revision is the last header line
GRAIN = f"""# 示例粮库法（测试样例）

2001年5月10日 示例立法机关第三次会议通过

2009年8月27日 示例立法机关第九次会议第一次修订

2013年6月29日 示例立法机关《关于修改〈示例粮库法〉等九部法律的决定》作第一次修正

2018年12月29日 示例立法机关第七次会议第二次修正

2022年4月9日 示例机关令第77号第二次修订

<!-- INFO END -->

{NOTE}

第一条 为了规范示例地区粮库的储存管理，保障粮食质量，制定本法。

第二条 粮库应当建立粮食出入库台账，台账保存不少于五年。

第三条 粮库储存的粮食，出库前应当经质量检验。

第四条 示例粮食主管部门负责粮库的监督检查。

第五条 本法自2022年6月1日起施行。
"""

# passed once, in force from a later day its last article names (and repealing an older rule)
TAX = f"""# 示例购置税法（测试样例）

2017年11月3日 示例立法机关第五十五次会议表决通过

<!-- INFO END -->

{NOTE}

第一条 在示例地区购置应税车辆的单位和个人，为购置税的纳税人。

第二条 购置税的税率为百分之八。

第三条 购置税由示例税务机关负责征收。

第四条 本法自2018年9月1日起施行。1999年6月2日公布的《示例购置税暂行条例》同时废止。
"""

# approved by one body, issued by another's decree; its articles have bodies approving plans
RESCUE = f"""# 示例航空搜救规定（测试样例）

1993年4月6日 示例国务院批准

1993年5月10日 示例民航总署令第117号发布

<!-- INFO END -->

{NOTE}

第一条 为了及时搜救遇险的航空器，制定本规定。

第二条 各地区管理局应当拟定搜救航空器的方案，经示例民航总署批准后，报有关省级人民政府备案。

第三条 搜救区内划分若干地区搜救区，具体范围由示例民航总署公布。

第四条 本规定自发布之日起施行。
"""

# a department rule issued jointly by two bodies; an article names both of them too
IMPORT = f"""# 示例进口办法（测试样例）

2005年9月1日 示例监管局、示例海关署第6号令公布

2006年1月2日 施行

<!-- INFO END -->

{NOTE}

第一条 为了规范示例货品的进口备案和口岸检验，制定本办法。

第二条 示例货品的进口备案、报关和口岸检验，适用本办法。

第三条 示例货品应当从允许进口的口岸进口。

第四条 示例监管局会同示例海关署制定、修订、公布进口货品目录。

第五条 进口单位应当在货品到港后五日内办理进口备案。

第六条 示例监管局和示例海关署联合发布进口货品口岸检验公告，公布允许进口的口岸名单。
"""


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "示例防汛条例（测试样例）.md").write_text(FLOOD, encoding="utf-8")
    (folder / "示例粮库法（测试样例）.md").write_text(GRAIN, encoding="utf-8")
    (folder / "示例进口办法（测试样例）.md").write_text(IMPORT, encoding="utf-8")
    (folder / "示例购置税法（测试样例）.md").write_text(TAX, encoding="utf-8")
    (folder / "示例航空搜救规定（测试样例）.md").write_text(RESCUE, encoding="utf-8")
    return folder
