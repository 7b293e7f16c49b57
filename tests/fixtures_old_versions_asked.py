"""Invented texts for tests/test_answer_old_versions_asked.py: a resource-tax law whose last article
dates its entry into force and repeals the provisional regulation it replaces, and another tax law
whose last article stops a fee from the day it takes effect. They are test samples (测试样例), not real
texts: issuers, numbers and dates are made up."""
from __future__ import annotations

from pathlib import Path

NOTE = "本文件是 GreenKB 自动化测试使用的虚构样例，不是真实的法规。"

RESOURCE_TAX_LAW = f"""# 示例资源税法（测试样例）

2036年5月20日 示例人民代表大会常务委员会通过

<!-- INFO END -->

{NOTE}

第一条 在示例地区开采应税资源的企业和个人，是资源税的纳税人，须按本法缴纳资源税。

第二条 资源税各税目适用的税率，见本法所附《示例资源税税目税率表》。

第三条 纳税人开采应税资源用于连续生产的，移送使用时缴纳资源税。

第十九条 本法自2037年1月1日起施行。2030年3月3日示例政务院发布的《示例资源税暂行条例》同时废止。
"""

POLLUTION_TAX_LAW = f"""# 示例排放税法（测试样例）

2035年11月2日 示例人民代表大会常务委员会通过

<!-- INFO END -->

{NOTE}

第一条 向示例环境直接排放应税污染物的单位，为排放税的纳税人。

第二条 排放税按月计算，按季申报缴纳。

第三十条 自本法施行之日起，按照本法征收排放税，不再征收示例排污费。
"""


def write_corpus(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "示例资源税法(2036-05-20).md").write_text(RESOURCE_TAX_LAW, encoding="utf-8")
    (root / "示例排放税法(2035-11-02).md").write_text(POLLUTION_TAX_LAW, encoding="utf-8")
    return root
