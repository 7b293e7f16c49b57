"""Invented regulations for tests/test_answer_duties_fees.py: a duty of an operator outside energy
and pollution, and a fee set as a share of output, found on the dev18 question set once it was
read. They are test samples (测试样例), not real texts: issuers, numbers and amounts are made up."""
from __future__ import annotations

from pathlib import Path

NOTE = "本文件是 GreenKB 自动化测试使用的虚构样例，不是真实的法规。"

# a telecoms operator's duty, and the penalty that names its article
SERVICES = f"""# 示例无障碍服务条例（测试样例）

2023年6月1日 示例省人民政府令第90号公布

<!-- INFO END -->

{NOTE}

第一条 为了便利残疾人、老年人使用通信服务，制定本条例。

第二条 示例通信业务经营者在提供基础通信服务的过程中，应当向残疾人和老年人提供语音播报、大号字体或者人工服务。

第三条 示例公共场所的经营者应当为残疾人提供必要的无障碍设施。

第四条 违反本条例第二条规定的，示例通信主管部门应当要求其在限期内改正；到期仍不改正的，处一万元以上十万元以下罚款。
"""

# a fee levied as a share of the catch's output value
FISHERY = f"""# 示例渔业资源费办法（测试样例）

2011年1月1日 示例省人民政府令第12号公布

<!-- INFO END -->

{NOTE}

第一条 为了保护和增殖示例省的渔业资源，制定本办法。

第二条 在示例省管辖水域从事捕捞的单位和个人，应当缴纳渔业资源费。

第三条 渔业资源费的年征收金额，按照捕捞品种年平均产值的百分之一至百分之三计算；专项捕捞经济价值较高的品种的，按照年平均产值的百分之三至百分之五计算。

第四条 渔业资源费由示例省渔业主管部门征收，专款用于渔业资源的增殖和保护。
"""


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "示例无障碍服务条例（测试样例）.md").write_text(SERVICES, encoding="utf-8")
    (folder / "示例渔业资源费办法（测试样例）.md").write_text(FISHERY, encoding="utf-8")
    return folder
