"""Invented texts for tests/test_answer_notices_and_fines.py: a rule protecting pregnant workers
whose fine sits in an article that only names the rules it enforces, a notice with a document
number, and a law named in English. They are test samples (测试样例), not real texts: issuers,
numbers, dates and amounts are made up."""
from __future__ import annotations

from pathlib import Path

NOTE = "本文件是 GreenKB 自动化测试使用的虚构样例，不是真实的法规。"

WORKERS = f"""# 示例女职工劳动保护规定（测试样例）

2012年4月18日 示例国务院第9619号令公布

<!-- INFO END -->

{NOTE}

第五条 用人单位不得因为女职工怀孕、生育或者哺乳而降低她的工资、将她辞退，或者解除与她的劳动合同、聘用合同。

第六条 怀孕女职工不能适应原有劳动的，用人单位应当依据医疗机构出具的证明，减少其劳动量或者为其调换能够适应的岗位。

怀孕7个月以上的女职工，用人单位不得安排其延长劳动时间或者从事夜班劳动，并应当在劳动时间内给予适当的休息时间。

第七条 女职工生育的，享受90天产假，其中产前休假15天；难产的，产假增加15天。

第八条 怀孕女职工在工作时间内做产前检查的，检查时间算作劳动时间；用人单位不得安排怀孕女职工在夜间从事高处值守作业。

第九条 哺乳不满1周岁婴儿的女职工，用人单位不得安排其延长劳动时间或者从事夜班劳动。

第十条 女职工较多的用人单位，应当按照女职工的需要设置卫生室、孕妇休息室和哺乳室。

第十一条 用人单位应当将怀孕女职工不宜从事的劳动范围书面告知女职工，并合理安排怀孕女职工的班次，夜班劳动应当减少。

第十二条 用人单位安排怀孕女职工值夜班的，应当征得本人同意，并为其提供必要的休息条件。

第十三条 用人单位有违反本规定第六条第二款、第七条或者第九条第一款行为的，由县级以上示例人力资源社会保障行政部门责令其限期改正，并按每名受侵害的女职工800元以上4000元以下的标准计算罚款。

第十四条 女职工的合法权益受到用人单位侵害的，可以依法投诉、举报或者申诉，也可以向劳动人事争议调解仲裁机构申请调解、仲裁。
"""

NOTICE = f"""# 关于示例职工工时折算问题的通知（测试样例）

示例人社部发〔2026〕7号

<!-- INFO END -->

{NOTE}

各省、自治区、直辖市示例人力资源社会保障厅（局）：

一、工作日的计算

全年工作日为365天减去104天休息日和15天法定节假日，共246天。

二、日工资的折算

月计薪天数按（365天减104天）÷12个月计算，为21.75天。

示例人力资源社会保障部办公厅
"""

EMPLOYMENT = f"""# 示例就业促进法（测试样例）

2009年8月30日 示例人大常委会第十九次会议通过

2009年8月30日 示例主席令第70号公布

自2010年1月1日起施行

<!-- INFO END -->

{NOTE}

第一条 为了扩大就业，使就业与经济发展相协调，制定本法。

第六十九条 本法自2010年1月1日起施行。
"""


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "示例女职工劳动保护规定（测试样例）.md").write_text(WORKERS, encoding="utf-8")
    (folder / "关于示例职工工时折算问题的通知（测试样例）.md").write_text(NOTICE, encoding="utf-8")
    (folder / "示例就业促进法（测试样例）.md").write_text(EMPLOYMENT, encoding="utf-8")
    return folder
