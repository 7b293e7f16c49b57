"""Invented texts for tests/test_answer_events_and_fees.py: a radio-control rule, a rule on fees of
export firms, a science-funding rule, and a computer-security rule with two penalty articles. They
are test samples (测试样例), not real texts: issuers, numbers and amounts are made up."""
from __future__ import annotations

from pathlib import Path

NOTE = "本文件是 GreenKB 自动化测试使用的虚构样例，不是真实的法规。"

RADIO = f"""# 示例无线电管控规定（测试样例）

2010年8月31日 示例省人民政府令第7号公布

<!-- INFO END -->

{NOTE}

第一条 为了保障重大活动期间的无线电秩序，制定本规定。

第二条 决定实施无线电管控的机关应当在开始实施管控10日前发布管控命令；紧急情况下，可以在实施管控时发布。

第三条 本规定自公布之日起施行。
"""

FEES = f"""# 示例出口企业收费规定（测试样例）

1986年10月11日 示例省人民政府发布

<!-- INFO END -->

{NOTE}

第一条 出口企业的水电费按当地国营企业的标准计收。

第二条 出口企业的场地使用费，按下列标准计收：
（一）开发费和使用费综合计收的地区，为每年每平方米五元至二十元；
（二）企业自行开发场地的地区，使用费最高为每年每平方米三元。

第三条 各部门必须执行《示例关于制止乱收费的通知》，由市级人民政府制定具体办法，加强监督管理。
"""

FUNDING = f"""# 示例科研拨款暂行规定（测试样例）

1986年1月23日 示例省人民政府发布

<!-- INFO END -->

{NOTE}

第一条 科研单位的科研事业费，按照单位类别分别管理。

第二条 示例科学基金的拨款办法，另行规定。

第三条 企业委托科研单位进行技术开发的，费用由企业支付。
"""

SYSTEMS = f"""# 示例信息系统安全条例（测试样例）

2011年1月8日 示例省人民政府令第5号修订

<!-- INFO END -->

{NOTE}

## 第一章 安全保护

第一条 信息系统中发生的案件，有关使用单位应当在24小时内向当地公安机关报告。

## 第二章 法律责任

第二条 违反本条例的规定，有下列行为之一的，由公安机关处以警告或者停机整顿：

(一)违反信息系统安全等级保护制度，危害信息系统安全的；

(二)不按照规定时间报告信息系统中发生的案件的。

第三条 故意输入计算机病毒以及其他有害数据危害信息系统安全的，或者未经许可出售信息系统安全专用产品的，由公安机关处以警告或者对个人处以5000元以下的罚款、对单位处以1.5万元以下的罚款。
"""


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for title, text in (("示例无线电管控规定", RADIO), ("示例出口企业收费规定", FEES),
                        ("示例科研拨款暂行规定", FUNDING), ("示例信息系统安全条例", SYSTEMS)):
        (folder / f"{title}（测试样例）.md").write_text(text, encoding="utf-8")
    return folder
