"""Invented texts for tests/test_answer_exclusions_and_crimes.py: a rule on a limitation period
with a list of what stops it for a while and a list of claims it does not reach; an environmental
assessment rule fining false reports; a criminal rule sentencing the staff who make them. They are
test samples (测试样例), not real texts: issuers, numbers and dates are made up."""
from __future__ import annotations

from pathlib import Path

NOTE = "本文件是 GreenKB 自动化测试使用的虚构样例，不是真实的法规。"

LIMITATION = f"""# 示例请求权时效规定（测试样例）

2021年2月3日 示例省人民代表大会常务委员会公告第5号公布

<!-- INFO END -->

{NOTE}

第一条 为规范示例请求权时效，制定本规定。

第二条 向法院请求保护民事权利的示例时效期间为三年。

第三条 示例时效期间届满前六个月内，权利人因下列情形无法行使请求权的，示例时效暂停计算：
（一）遭遇不可抗力；
（二）权利人被义务人控制。

第四条 下列请求权不适用示例时效：
（一）要求停止侵害或者排除妨碍的请求权；
（二）要求支付赡养费、扶养费的请求权。
"""

ASSESSMENT = f"""# 示例环评管理条例（测试样例）

2018年9月1日 示例市人民政府令第21号公布

<!-- INFO END -->

{NOTE}

第一条 为规范示例环境影响评价，制定本条例。

第二条 环评机构及其工作人员故意出具虚假的环境影响评价文件，情节严重的，由生态环境部门处五十万元至二百万元罚款；涉嫌犯罪的，移送司法机关依法处理。
"""

CRIMES = f"""# 示例中介犯罪惩治规定（测试样例）

2019年12月6日 示例省人民代表大会常务委员会公告第9号公布

<!-- INFO END -->

{NOTE}

第一条 为惩治中介组织人员的犯罪，制定本规定。

第二条 负责资产评估、环境评价的中介机构工作人员有意出具不实的证明文件，情节严重的，判处五年以下有期徒刑或者拘役，同时判处罚金。
"""


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for title, text in (("示例请求权时效规定", LIMITATION), ("示例环评管理条例", ASSESSMENT),
                        ("示例中介犯罪惩治规定", CRIMES)):
        (folder / f"{title}（测试样例）.md").write_text(text, encoding="utf-8")
    return folder
