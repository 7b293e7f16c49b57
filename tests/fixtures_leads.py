"""Invented regulations for tests/test_answer_leads.py: answers that led with the wrong article or
were refused, found on the dev17 and dev14 question sets once they were read. They are test samples
(测试样例), not real texts: issuers and numbers are made up."""
from __future__ import annotations

from pathlib import Path

NOTE = "本文件是 GreenKB 自动化测试使用的虚构样例，不是真实的法规。"

# the zones' extent left to a provincial government; the inspecting authorities named in one
# article, another article pointing at it
GUARD = f"""# 示例枢纽与口岸管理办法（测试样例）

2013年9月1日 示例国务院令第30号公布

<!-- INFO END -->

{NOTE}

第一条 为了维护示例枢纽和示例口岸的安全，制定本办法。

第二条 国际航行船舶进出示例口岸时，船舶和船上的人员、货物由本办法第三条规定的机关负责检查；法律另有规定的，从其规定。

第三条 示例港务监督机构、示例边防检查机关、示例海关和示例卫生检疫机关是对船舶实施检查的机关。

第四条 示例枢纽安全保卫区分为陆域安全保卫区和水域安全保卫区，实行分区管理，具体范围的划定和调整由示例省人民政府确定并公布。
"""

# two procedures, each with its own number of officers
PROCEDURE = f"""# 示例事故处理规定（测试样例）

2017年7月1日 示例公安部令第4号公布

<!-- INFO END -->

{NOTE}

第一条 为了规范示例道路交通事故的处理，制定本规定。

第二条 适用简易程序处理事故的，可以由一名交通警察处理。

第三条 适用一般调查程序处理事故的，应当由两名以上交通警察调查，并制作调查记录。

第四条 当事人对处理结果有异议的，可以在三日内申请复核。
"""

# the ships exempt from a tax listed in one article; others about the taxed ships
TONNAGE = f"""# 示例船舶吨费办法（测试样例）

2018年10月1日 示例国务院令第41号公布

<!-- INFO END -->

{NOTE}

第一条 自境外港口进入示例境内港口的船舶（以下称应缴船舶），应当依照本办法缴纳船舶吨费。

第二条 应缴船舶在进入港口办理入境手续时，应当向示例海关申报缴费，领取吨费执照。

第三条 下列船舶免缴船舶吨费：

（一）应缴费额在人民币五十元以下的船舶；

（二）捕捞、养殖渔船；

（三）警用船舶。

第四条 应缴船舶到达港口前，可以向示例海关提供担保。下列财产可以用于担保：

（一）人民币；

（二）汇票、本票。
"""

# who decides a duty: only one article names anyone; the others say when it may be levied
DUTIES = f"""# 示例反倾销措施办法（测试样例）

2015年3月2日 示例国务院令第19号公布

<!-- INFO END -->

{NOTE}

第一条 为了规范示例反倾销措施，制定本办法。

第二条 终裁认定倾销成立并因此损害国内产业的，可以征收反倾销税；征收时应当顾及公共利益。

第三条 终裁认定存在实质损害、且此前已采取临时反倾销措施的，对临时措施实施期间可以追溯征收反倾销税。

第四条 征收反倾销税，由示例商务厅提出建议，示例关税委员会根据其建议作出决定，由示例商务厅予以公告。

第五条 反倾销税的税额以终裁认定的倾销幅度为上限。
"""

# one article makes a class of those bound (下列…为重点耗能企业：…), others bind that class
ENERGY = f"""# 示例节能管理条例（测试样例）

2016年8月8日 示例国务院令第41号公布

<!-- INFO END -->

{NOTE}

第一条 为了推动示例地区的节能工作，制定本条例。

第二条 示例地区对重点耗能企业实行分级节能管理。下列企业为重点耗能企业：

（一）年耗能量折合八千吨标准煤以上的企业；

（二）示例节能主管部门指定的年耗能量折合四千吨标准煤以上的企业。

第三条 重点耗能企业应当每年三月底前向示例节能主管部门报送上一年度的耗能情况报告。

第四条 重点耗能企业应当设置节能管理岗位，聘任具有中级以上职称的人员为节能管理负责人。

第五条 示例节能主管部门应当公布节能先进企业名单。
"""


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "示例枢纽与口岸管理办法（测试样例）.md").write_text(GUARD, encoding="utf-8")
    (folder / "示例事故处理规定（测试样例）.md").write_text(PROCEDURE, encoding="utf-8")
    (folder / "示例船舶吨费办法（测试样例）.md").write_text(TONNAGE, encoding="utf-8")
    (folder / "示例反倾销措施办法（测试样例）.md").write_text(DUTIES, encoding="utf-8")
    (folder / "示例节能管理条例（测试样例）.md").write_text(ENERGY, encoding="utf-8")
    return folder
