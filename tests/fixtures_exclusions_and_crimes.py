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

第三条 在示例时效期间的最后六个月内，因下列障碍，不能行使请求权的，示例时效中止：
（一）不可抗力；
（二）权利人被义务人控制。

第四条 下列请求权不适用示例时效的规定：
（一）请求停止侵害、排除妨碍；
（二）请求支付赡养费、扶养费。
"""

ASSESSMENT = f"""# 示例环评管理条例（测试样例）

2018年9月1日 示例市人民政府令第21号公布

<!-- INFO END -->

{NOTE}

第一条 为规范示例环境影响评价，制定本条例。

第二条 编制单位出具虚假环境影响评价文件的，由生态环境部门处五十万元以上二百万元以下的罚款；构成犯罪的，依法追究刑事责任。
"""

CRIMES = f"""# 示例中介犯罪惩治规定（测试样例）

2019年12月6日 示例省人民代表大会常务委员会公告第9号公布

<!-- INFO END -->

{NOTE}

第一条 为惩治中介组织人员的犯罪，制定本规定。

第二条 承担资产评估、环境评价职责的中介组织人员故意提供虚假证明文件，情节严重的，处五年以下有期徒刑或者拘役，并处罚金。
"""


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for title, text in (("示例请求权时效规定", LIMITATION), ("示例环评管理条例", ASSESSMENT),
                        ("示例中介犯罪惩治规定", CRIMES)):
        (folder / f"{title}（测试样例）.md").write_text(text, encoding="utf-8")
    return folder
