"""Invented regulations for tests/test_answer_when.py: a lead time asked (要提前多少天申请) where a
text gives only times within which an authority acts, and a year asked (在哪一年全部实施) where a
text names none — beside a lead time and a year the texts do give. They are test samples (测试样例),
not real texts: issuers, numbers and dates are made up."""
from __future__ import annotations

from pathlib import Path

NOTE = "本文件是 GreenKB 自动化测试使用的虚构样例，不是真实的法规。"

# licences with times within which the authority decides, no lead time for renewal; a scheme
# brought in step by step, no year
DEVICES = f"""# 示例康复器具监督条例（测试样例）

2019年3月8日 示例国务院令第45号公布

<!-- INFO END -->

{NOTE}

第一条 为了加强示例康复器具的监督管理，制定本条例。

第二条 从事示例康复器具生产的，应当向所在地示例药品监督管理部门申请生产许可。受理生产许可申请的部门应当自受理之日起20个工作日内作出决定。生产许可证有效期为5年。

第三条 受理部门作出准予许可决定的，应当自作出决定之日起10日内发给生产许可证。

第四条 国家根据示例康复器具的风险程度，分步实施康复器具追溯编码制度，具体办法由示例药品监督管理部门制定。
"""

# a lead time in days and a year by which a change is finished
BOILERS = f"""# 示例锅炉改造办法（测试样例）

2020年11月2日 示例生态环境部令第16号公布

<!-- INFO END -->

{NOTE}

第一条 为了推进示例燃煤锅炉改造，制定本办法。

第二条 锅炉使用登记证有效期届满需要延续的，使用单位应当在有效期届满45日前向原登记部门提出延续申请。

第三条 示例城区的燃煤锅炉应当在2030年前全部完成清洁能源改造。
"""


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "示例康复器具监督条例（测试样例）.md").write_text(DEVICES, encoding="utf-8")
    (folder / "示例锅炉改造办法（测试样例）.md").write_text(BOILERS, encoding="utf-8")
    return folder
