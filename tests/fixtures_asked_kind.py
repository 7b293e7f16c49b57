"""Invented texts for tests/test_answer_asked_kind.py: a payroll-statistics rule, a customs-valuation
rule, a procurement-review rule, a folk-craft rule, a specimen-export rule and an appliance-repair rule. They are test samples
(测试样例), not real texts: issuers, numbers and amounts are made up."""
from __future__ import annotations

from pathlib import Path

NOTE = "本文件是 GreenKB 自动化测试使用的虚构样例，不是真实的法规。"

PAYROLL = f"""# 示例劳务报酬统计规定（测试样例）

2011年3月9日 示例统计局令第4号发布

<!-- INFO END -->

{NOTE}

第二条 示例省内的企业、事业单位、国家机关和社会团体，在编制计划、开展统计和会计核算时计算劳务报酬总额，均按本规定办理。

第四条 劳务报酬总额由下列5个部分组成：
（一）基本报酬；
（二）绩效奖励；
（三）岗位津贴；
（四）延时工作报酬；
（五）特殊情形下发放的报酬。
"""

VALUATION = f"""# 示例口岸货物统计办法（测试样例）

2014年6月2日 示例口岸管理署令第15号发布

<!-- INFO END -->

{NOTE}

第六条 口岸统计的项目有：货物名称、数量、价格、收发货单位和运输方式。

第八条 运出口岸的货物，其价格按货款、运抵离境地点以前的运杂费和保险费合计统计；合计额中含有的出境关税，应当减除后再统计。
"""

REVIEW = f"""# 示例采购评审条例（测试样例）

2016年4月18日 示例人民代表大会常务委员会通过

<!-- INFO END -->

{NOTE}

第十一条 评审小组成员应当独立、公正地提出评审意见。评审小组成员不得私自会见供应商，不得接受供应商给予的钱物或者其他利益。

第十二条 供应商不得以给评审小组成员钱物的手段谋取成交。

第十三条 评审小组成员接受供应商钱物或者其他利益的，给予警告，没收其接受的钱物，可以并处二千元以上二万元以下罚款；情节严重时，取消其担任评审小组成员的资格。
"""

CRAFTS = f"""# 示例民间手艺保护办法（测试样例）

2012年9月27日 示例文化厅令第31号公布

<!-- INFO END -->

{NOTE}

第五条 示例省对民间手艺项目实行名录保护制度，列入名录的项目由示例文化厅确定并公布。

第七条 从事民间手艺的作坊和个人，可以向所在地县级文化主管部门提出列入名录的申请，县级文化主管部门初审后逐级报送示例文化厅。

第八条 申请把手艺列入保护名录的作坊和个人，应当按照示例省文化主管部门的规定，递交项目的传承谱系、代表作品和工艺说明等申请材料。
"""

SPECIMENS = f"""# 示例生物标本管理办法（测试样例）

2019年11月5日 示例科学技术厅令第8号公布

<!-- INFO END -->

{NOTE}

第二十条 将生物标本运送出境的，应当取得示例科学技术厅的批准。

第二十一条 对生物标本出境的申请，示例科学技术厅应当自受理之日起15个工作日内作出是否批准的决定。
"""

REPAIRS = f"""# 示例家电维修管理办法（测试样例）

2018年5月14日 示例商务厅令第12号公布

<!-- INFO END -->

{NOTE}

第六条 从事家电维修的经营者应当取得家电维修许可证。家电维修许可证有效期为3年。
"""


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for title, text in (("示例劳务报酬统计规定", PAYROLL), ("示例口岸货物统计办法", VALUATION),
                        ("示例采购评审条例", REVIEW), ("示例民间手艺保护办法", CRAFTS),
                        ("示例生物标本管理办法", SPECIMENS), ("示例家电维修管理办法", REPAIRS)):
        (folder / f"{title}（测试样例）.md").write_text(text, encoding="utf-8")
    return folder
