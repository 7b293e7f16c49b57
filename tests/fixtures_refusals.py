"""Invented regulations for tests/test_answer_refusals.py: near misses that were answered, found on
the dev17 question set once it was read. They are test samples (测试样例), not real texts: issuers,
numbers and amounts are made up."""
from __future__ import annotations

from pathlib import Path

NOTE = "本文件是 GreenKB 自动化测试使用的虚构样例，不是真实的法规。"

# a national text on owners' meetings (a figure in it), no local regulation of any place
PROPERTY = f"""# 示例物业服务条例（测试样例）

2018年3月1日 示例国务院令第9号公布

<!-- INFO END -->

{NOTE}

第一条 为了规范物业服务活动，制定本条例。

第二条 业主大会除按期举行的例会外，还可以开临时会；百分之二十以上的业主提出要求的，业主委员会须召集临时会。

第三条 业主大会可以当面讨论，也可以书面征询业主意见。
"""

# who makes a catalogue, not what it lists; a land-use tax with rates per square metre; a fee
# named in a definition only; a deadline in days beside a registration
MISC = f"""# 示例口岸与登记管理办法（测试样例）

2019年5月1日 示例国务院令第15号公布

<!-- INFO END -->

{NOTE}

第一条 为了管理示例口岸、示例登记和示例土地使用税，制定本办法。

第二条 人间传染的病原微生物名录由示例卫生主管部门商有关部门后制定、调整并予以公布。

第三条 土地使用税每平方米年税额如下：

（一）大城市一元五角至三十元；

（二）中等城市一元二角至二十四元。

第四条 本办法下列用语的含义：

（一）引航，是指引航员在示例港口引领船舶航行、靠泊、离泊的活动；

（二）口岸，是指经批准供国际航行船舶出入的示例港口。

第五条 布图设计登记后，在证据可能灭失的情况下，示例执法委员会可以先行登记保存，并在七日内作出处理决定。
"""


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "示例物业服务条例（测试样例）.md").write_text(PROPERTY, encoding="utf-8")
    (folder / "示例口岸与登记管理办法（测试样例）.md").write_text(MISC, encoding="utf-8")
    return folder
