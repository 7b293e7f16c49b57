"""Invented regulations for tests/test_answer_figures_sanctions.py: kinds of wrong answer found on
the dev16 question set once it was read. They are test samples (测试样例), not real texts:
issuers, numbers and amounts are made up."""
from __future__ import annotations

from pathlib import Path

NOTE = "本文件是 GreenKB 自动化测试使用的虚构样例，不是真实的法规。"

# a sanction with no fine (收缴许可证，停止其采伐) beside an article whose consequence has 责令
LOGGING = f"""# 示例林场作业办法（测试样例）

2012年3月5日 示例林业局令第8号发布

<!-- INFO END -->

{NOTE}

## 第一章 总则

第一条 为了规范示例林场的采伐作业和迹地清理，制定本办法。

第二条 林场完成采伐后，应当在三个月内清理采伐迹地，留在迹地上的枝丫和木材每公顷不得超过零点八立方米。

第三条 林场应当在采伐后的第二年内完成迹地更新造林。

## 第二章 罚则

第四条 无证砍伐林木的数量难以折算株数的，按砍伐的木材数量折算面积，责令限期补种相应面积的树木。

第五条 林场有下列行为之一，自检查之日起两个月内仍不纠正的，发证部门可以收缴其采伐许可证，停止其采伐作业，直到纠正为止：

（一）不按规定清理采伐迹地的；

（二）迹地上留下的木材超过规定数量的；

（三）未按期完成更新造林的。
"""

# a fee whose level the text leaves to other rules, and a fine sized as a share of it
DESIGN = f"""# 示例勘测设计条例（测试样例）

2015年6月1日 示例省人民政府令第33号公布

<!-- INFO END -->

{NOTE}

第一条 为了管理示例省的工程勘测设计活动，制定本条例。

第二条 工程勘测设计的发包方与承接方应当遵守示例省有关勘测费、设计费收取的管理规定。

第三条 设计单位应当按照合同约定的期限交付设计文件。

第四条 违反本条例规定，设计单位将承接的设计任务转包给他人的，责令改正，没收违法所得，处合同约定设计费百分之二十以上百分之四十以下的罚款。
"""

# how soon a penalty may be contested (no sum asked); farmland taken, with a slope in 度 but no sum
QUARANTINE = f"""# 示例口岸检疫处罚规定（测试样例）

2018年9月1日 示例检疫总局令第12号公布

<!-- INFO END -->

{NOTE}

第一条 为了规范示例口岸检疫机构的行政处罚，制定本规定。

第二条 当事人不服口岸检疫机构的处罚决定，可以自收到处罚通知起二十日内向上一级检疫机构申请复议。

第三条 复议机构应当在收到复议申请之日起四十五日内作出复议决定。

第四条 示例水库工程占了耕地，要按占一补一的原则补足；被占的是三十度以上的坡耕地的，不算入需要补足的数量。
"""


# the time to contest a fine, in a clause that names the fine
AIRWORTHINESS = f"""# 示例航空器适航规定（测试样例）

2007年3月1日 示例民航局令第3号公布

<!-- INFO END -->

{NOTE}

第一条 为了管理示例航空器的适航，制定本规定。

第二条 单位不服示例民航局罚款决定的，可以从收到罚款通知书那天起十五日内向示例民航局提请复议，或者向人民法院起诉。
"""


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "示例林场作业办法（测试样例）.md").write_text(LOGGING, encoding="utf-8")
    (folder / "示例勘测设计条例（测试样例）.md").write_text(DESIGN, encoding="utf-8")
    (folder / "示例口岸检疫处罚规定（测试样例）.md").write_text(QUARANTINE, encoding="utf-8")
    (folder / "示例航空器适航规定（测试样例）.md").write_text(AIRWORTHINESS, encoding="utf-8")
    return folder
