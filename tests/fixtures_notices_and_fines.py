"""Invented texts for tests/test_answer_notices_and_fines.py: a rule protecting pregnant workers
whose fine sits in an article that only names the rules it enforces, a notice with a document
number, and a law named in English. They are test samples (测试样例), not real texts: issuers,
numbers, dates and amounts are made up."""
from __future__ import annotations

from pathlib import Path

NOTE = "本文件是 GreenKB 自动化测试使用的虚构样例，不是真实的法规。"

WORKERS = f"""# 示例女职工劳动保护规定（测试样例）

2012年4月18日 示例国务院令第619号公布

<!-- INFO END -->

{NOTE}

第五条 用人单位不得因女职工怀孕、生育、哺乳降低其工资、予以辞退、与其解除劳动合同或者聘用合同。

第六条 女职工在孕期不能适应原劳动的，用人单位应当根据医疗机构的证明，予以减轻劳动量或者安排其他能够适应的劳动。

对怀孕7个月以上的女职工，用人单位不得延长劳动时间或者安排夜班劳动，并应当在劳动时间内安排一定的休息时间。

第七条 女职工生育享受90天产假，其中产前可以休假15天；难产的，增加产假15天。

第八条 怀孕女职工在劳动时间内进行产前检查，所需时间计入劳动时间；对怀孕的女职工，用人单位不得安排其在夜间值守高处作业岗位。

第九条 对哺乳未满1周岁婴儿的女职工，用人单位不得延长劳动时间或者安排夜班劳动。

第十条 女职工比较多的用人单位应当根据女职工的需要，建立女职工卫生室、孕妇休息室、哺乳室等设施。

第十一条 用人单位应当将怀孕女职工不宜从事的劳动范围书面告知女职工，并合理安排怀孕女职工的班次，夜班劳动应当减少。

第十二条 用人单位安排怀孕女职工值夜班的，应当征得本人同意，并为其提供必要的休息条件。

第十三条 用人单位违反本规定第六条第二款、第七条、第九条第一款规定的，由县级以上人民政府示例人力资源社会保障行政部门责令限期改正，按照受侵害女职工每人800元以上4000元以下的标准计算，处以罚款。

第十四条 用人单位违反本规定，侵害女职工合法权益的，女职工可以依法投诉、举报、申诉，依法向劳动人事争议调解仲裁机构申请调解仲裁。
"""

NOTICE = f"""# 关于示例职工工时折算问题的通知（测试样例）

示例人社部发〔2026〕7号

<!-- INFO END -->

{NOTE}

各省、自治区、直辖市示例人力资源社会保障厅（局）：

一、制度工作时间的计算

年工作日：365天-104天（休息日）-15天（法定节假日）＝246天。

二、日工资的折算

月计薪天数＝（365天-104天）÷12月＝21.75天。

示例人力资源社会保障部办公厅
"""

EMPLOYMENT = f"""# 示例就业促进法（测试样例）

2009年8月30日 示例人民代表大会常务委员会第二十九次会议通过

2009年8月30日 示例主席令第70号公布

自2010年1月1日起施行

<!-- INFO END -->

{NOTE}

第一条 为了促进就业，促进经济发展与扩大就业相协调，制定本法。

第六十九条 本法自2010年1月1日起施行。
"""


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "示例女职工劳动保护规定（测试样例）.md").write_text(WORKERS, encoding="utf-8")
    (folder / "关于示例职工工时折算问题的通知（测试样例）.md").write_text(NOTICE, encoding="utf-8")
    (folder / "示例就业促进法（测试样例）.md").write_text(EMPLOYMENT, encoding="utf-8")
    return folder
