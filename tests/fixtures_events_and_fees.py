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

第二条 出口企业缴纳场地使用费，按照以下标准：
（一）开发费与使用费合并收取的，每平方米每年五元至二十元；
（二）场地由企业自己开发的，使用费每平方米每年不超过三元。

第三条 各部门都要落实《示例关于制止乱收费的通知》，具体办法由市级人民政府订立。
"""

FUNDING = f"""# 示例科研拨款暂行规定（测试样例）

1986年1月23日 示例省人民政府发布

<!-- INFO END -->

{NOTE}

第一条 科研单位的科研事业费，按照单位类别分别管理。

第二条 示例科学基金如何拨款，其办法另行规定。

第三条 企业委托科研单位进行技术开发的，费用由企业支付。
"""

SYSTEMS = f"""# 示例信息系统安全条例（测试样例）

2011年1月8日 示例省人民政府令第5号修订

<!-- INFO END -->

{NOTE}

## 第一章 安全保护

第一条 使用单位应当于24小时内向所在地公安机关报告信息系统内出现的案件。

## 第二章 法律责任

第二条 有下列情形之一的，由公安机关给予警告或者责令停机整顿：

(一)不执行安全等级保护制度，危及信息系统安全的；

(二)未在规定时间内报告信息系统内出现的案件的。

第三条 蓄意向信息系统植入病毒等有害数据，或者无许可销售安全专用产品的，由公安机关给予警告，对个人可以罚款5000元以下，对单位可以罚款1.5万元以下。
"""


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for title, text in (("示例无线电管控规定", RADIO), ("示例出口企业收费规定", FEES),
                        ("示例科研拨款暂行规定", FUNDING), ("示例信息系统安全条例", SYSTEMS)):
        (folder / f"{title}（测试样例）.md").write_text(text, encoding="utf-8")
    return folder
