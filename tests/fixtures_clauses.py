"""Invented regulations for tests/test_answer_clauses.py: a sanction in tiers (警告；拒不改正的，
处…；情节严重的，处…), an article barring another's use for some people (不得依据本规定第五条…),
a list of who does not enjoy a right, rates whose rule of use is asked, a bribe named in everyday
words, and exemptions from two taxes. They are test samples (测试样例), not real texts: issuers, numbers and amounts are made up."""
from __future__ import annotations

from pathlib import Path

NOTE = "本文件是 GreenKB 自动化测试使用的虚构样例，不是真实的法规。"

# one long sentence of tiers, cut at its semicolons; a duty the first item breaks
CLINICS = f"""# 示例诊疗器具使用条例（测试样例）

2018年5月4日 示例国务院令第61号公布

<!-- INFO END -->

{NOTE}

第一条 为了规范示例诊疗器具的使用，制定本条例。

第二条 一次性使用的诊疗器具不得重复使用，使用过的应当按照规定销毁并记录。

第九条 有下列行为之一的，由县级以上示例卫生主管部门责令其改正并予以警告；拒不改正的，处2万元以上6万元以下罚款；情节严重的，处6万元以上20万元以下罚款，并可以责令暂停有关诊疗器具的使用，直到由原发证机关吊销其执业许可证，依法责令有关责任人员在3个月以上6个月以下的期限内暂停执业，直到由原发证机关吊销其执业证书，对违法单位负有责任的法定代表人、主要负责人和其他直接责任人员，没收其在违法行为期间从本单位取得的收入，并处该收入30%以上2倍以下的罚款，依法给予处分：

（一）使用单位重复使用一次性使用的诊疗器具，或者未按照规定销毁使用过的一次性诊疗器具；

（二）使用单位未按照规定记录大型诊疗器具的使用信息；

（三）使用单位发现诊疗器具有安全隐患却没有马上停用、通知维修，或者继续使用维修后仍达不到安全要求的诊疗器具；

（四）使用单位违规使用大型诊疗设备，不能保障诊疗质量安全；

（五）使用单位未按照规定对重复使用的诊疗器具进行清洗、消毒和灭菌处理。

第十条 本条例自2018年7月1日起施行。
"""

# ending a contract on notice, and who may not be let go that way; a leave not enjoyed
STAFF = f"""# 示例职工聘用规定（测试样例）

2015年3月9日 示例人力资源部令第12号公布

<!-- INFO END -->

{NOTE}

第五条 有下列情形之一的，聘用单位可以解除聘用合同，但是应当提前三十日以书面形式通知职工本人：

（一）职工患病，医疗期满后不能从事原工作的；

（二）职工不能胜任工作，经过培训仍不能胜任工作的。

第六条 职工解除聘用合同，应当提前三十日以书面形式通知聘用单位。

第八条 职工有下列情形之一的，聘用单位不得依据本规定第五条的规定解除聘用合同：

（一）在规定的医疗期内的；

（二）女职工在孕期、产期、哺乳期内的。

第十一条 职工连续工作满1年的，享受带薪休养假5天。

第十二条 职工有下列情形之一的，不享受当年的带薪休养假：

（一）请事假累计20天以上的；

（二）请病假累计2个月以上的。

聘用单位确因工作需要不能安排职工休带薪休养假的，经职工本人同意，可以不安排。

第十三条 聘用单位根据工作的具体情况，统筹安排职工带薪休养假。
"""

# rates and how they apply when a provisional rate is set; a bribe to doctors punished; one tax
# exempted, another not mentioned
TRADE = f"""# 示例进出口税率条例（测试样例）

2017年8月21日 示例国务院令第77号公布

<!-- INFO END -->

{NOTE}

第三条 进口货物设置甲类税率、乙类税率和普通税率。

第四条 适用甲类税率的进口货物设有临时税率的，执行临时税率；适用乙类税率的进口货物设有临时税率的，在两者之间从低适用税率；按普通税率征税的进口货物，一律不执行临时税率。

第五条 药品经营企业在药品购销中给予使用其药品的医疗机构的医师、药师财物或者回扣的，由示例市场监督管理部门没收违法所得，并处十五万元以上一百万元以下的罚款。

第六条 药品经营企业未按照规定保存购销记录的，由示例药品监督管理部门责令改正，处一万元以上三万元以下的罚款。

第七条 因品质原因退运的出口货物，原状复运进境的，不征收进口关税。

第八条 纯电动的示例内河船舶，免征船舶吨税。
"""


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "示例诊疗器具使用条例（测试样例）.md").write_text(CLINICS, encoding="utf-8")
    (folder / "示例职工聘用规定（测试样例）.md").write_text(STAFF, encoding="utf-8")
    (folder / "示例进出口税率条例（测试样例）.md").write_text(TRADE, encoding="utf-8")
    return folder
