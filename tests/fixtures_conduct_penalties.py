"""Invented regulations for tests/test_answer_conduct_penalties.py: a rule with no party the
duties register reads (a vehicle, a foreigner, an aircraft) and the penalty that enforces it
without naming its article. They are test samples (测试样例), not real texts: issuers, numbers and
amounts are made up."""
from __future__ import annotations

from pathlib import Path

NOTE = "本文件是 GreenKB 自动化测试使用的虚构样例，不是真实的法规。"

FILMING = f"""# 示例珍禽保护实施条例（测试样例）

2012年7月1日 示例国务院令第31号公布

<!-- INFO END -->

{NOTE}

## 第一章 总则

第一条 为了保护示例珍禽，制定本条例。

## 第二章 保护管理

第二条 外国人在示例地区对重点保护珍禽进行野外考察或者在野外拍摄电影、录像的，必须向省级林业主管部门提出申请，经其审核后，报示例林业主管部门批准。

第三条 在示例珍禽繁殖期内，任何单位和个人不得进入核心繁殖区。

## 第三章 法律责任

第四条 外国人未经批准在示例地区对重点保护珍禽进行野外考察或者在野外拍摄电影、录像的，由林业主管部门没收考察、拍摄的资料，可以并处三万元以下罚款。

第五条 在繁殖期内进入核心繁殖区的，由林业主管部门责令离开，可以并处五百元以下罚款。
"""

# the rule's subject is a vehicle, not a party; the penalty names no article
VEHICLES = f"""# 示例道路车辆条例（测试样例）

2013年2月8日 示例国务院令第33号公布

<!-- INFO END -->

{NOTE}

## 第一章 车辆

第一条 国家实行机动车强制报废制度。达到报废标准的机动车不得上道路行驶。

第二条 机动车应当按照规定定期进行安全技术检验。

## 第二章 法律责任

第三条 驾驶已达到报废标准的机动车上道路行驶的，予以收缴，强制报废；对驾驶人处三百元以上一千五百元以下罚款。

第四条 未按照规定定期进行安全技术检验的，处一百元以上五百元以下罚款。
"""

# the question's words are the rule's, not the penalty's (证书上没允许的活 — 适航证规定的活动类别)
AIRCRAFT = f"""# 示例航空器适航条例（测试样例）

2010年5月6日 示例国务院令第29号公布

<!-- INFO END -->

{NOTE}

第一条 为了保障示例航空器的飞行安全，制定本条例。

第二条 民用航空器必须具有适航证，方可飞行。

适航证上应当写明该民用航空器可以从事的活动类别、证书有效期和安全所需的其他限制。

第三条 航空器的维修单位应当取得维修许可证。

第四条 使用民用航空器从事飞行的单位或者个人有下列情形之一的，示例航空局有权责令其停止飞行，并处以二万元以下罚款，情形如下：

一、民用航空器未取得适航证的；

二、超越适航证规定范围使用民用航空器的。

第五条 维修单位未取得维修许可证从事维修的，处以一万元以下罚款。
"""

# a duty's second paragraph shares words with a clause of the 法律责任 chapter that sanctions
# nothing (没收的货物由海关统一处理); the penalty is one item of a long list
CUSTOMS = f"""# 示例关务法（测试样例）

2011年9月9日 示例立法机关第八次会议表决通过

<!-- INFO END -->

{NOTE}

## 第一章 监管

第一条 为了规范示例关务监管，制定本法。

第二条 海关监管货物，非经示例关务机关许可，任何人不得开拆、提取、交付、运出、调包、改装或者转让。

人民法院判决、裁定或者有关的行政执法部门决定处理海关监管的货物的，应当责令当事人办结关务手续。

## 第二章 法律责任

第三条 有下列行为之一的，可以处以罚款；有违法所得的，一并没收：

（一）运输工具绕开设有关务机关的地点进出境的；

（二）进出境运输工具到达或者停留，不告知示例关务机关的；

（三）进出口货物、物品向示例关务机关申报不实的；

（四）拒绝示例关务机关检查、查验运输工具或者货物的；

（五）运输工具未获同意就装卸货物或者上下旅客的；

（六）在设立关务机关的地点停留的运输工具未经同意，擅自驶离的；

（七）进出境运输工具未办结手续，擅自兼营或者改营境内运输的；

（八）非经示例关务机关许可，擅自把海关监管货物开拆、提取、交付、运出、调包、改装或者转让的；

（九）擅自开启或者损毁关务封志的；

（十）经营海关监管货物的运输、储存业务，有关货物灭失或者有关记录不真实的。

第四条 人民法院判决没收或者示例关务机关决定没收的货物和违法所得，统一由示例关务机关处理，价款全部上缴国库。
"""


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "示例珍禽保护实施条例（测试样例）.md").write_text(FILMING, encoding="utf-8")
    (folder / "示例道路车辆条例（测试样例）.md").write_text(VEHICLES, encoding="utf-8")
    (folder / "示例航空器适航条例（测试样例）.md").write_text(AIRCRAFT, encoding="utf-8")
    (folder / "示例关务法（测试样例）.md").write_text(CUSTOMS, encoding="utf-8")
    return folder
