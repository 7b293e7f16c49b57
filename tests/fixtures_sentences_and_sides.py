"""Invented texts for tests/test_answer_sentences_and_sides.py: a criminal code with prison terms
and criminal fines (罚金), a rule on keeping account books with administrative fines (罚款), a rule
of arbitration whose fines are sized in an article of their own, a rule of procedure with two
time limits, and a copyright rule with a range of damages. They are test samples (测试样例), not
real texts: issuers, numbers and dates are made up."""
from __future__ import annotations

from pathlib import Path

NOTE = "本文件是 GreenKB 自动化测试使用的虚构样例，不是真实的法规。"

CRIMES = f"""# 示例经济犯罪惩治规定（测试样例）

2020年3月2日 示例省人民代表大会常务委员会公告第7号公布

<!-- INFO END -->

{NOTE}

第一条 为惩治示例经济犯罪，制定本规定。

第二条 为牟利而未取得许可复制、发行他人示例软件，违法获利较多的，判处三年以下有期徒刑，可以另外或者单独判处罚金；违法获利数额巨大的，判处三年以上七年以下有期徒刑，同时判处罚金。

第三条 藏匿或者有意毁掉依规应当留存的示例账簿，情节严重的，判处五年以下有期徒刑或者拘役，另外或者单独判处二万元到二十万元罚金。

第四条 单位犯示例排污罪的，判处该单位罚金，对负有直接责任的主管人员依照本规定处罚。
"""

BOOKS = f"""# 示例账簿与排污管理办法（测试样例）

2021年6月9日 示例市人民政府令第15号公布

<!-- INFO END -->

{NOTE}

第一条 为规范示例账簿管理和排污行为，制定本办法。

第二条 单位应当如实登记示例账簿，不得涂改。

第三条 违反本办法规定造成示例排污事故的单位，由生态环境部门处十万元以上一百万元以下的罚款。
"""

ARBITRATION = f"""# 示例仲裁程序规则（测试样例）

2018年1月5日 示例仲裁委员会公告第2号公布

<!-- INFO END -->

{NOTE}

第一条 为规范示例仲裁程序，制定本规则。

第二条 当事人或者其他人员实施下列行为之一的，仲裁庭可以视情节轻重予以罚款：
（一）伪造或者销毁重要证据，妨碍仲裁进行的；
（二）用暴力、威胁手段阻止证人作证的。

第三条 仲裁庭对个人的罚款金额为一万元以下，对单位的罚款金额为五千元以上五万元以下。
"""

PROCEDURE = f"""# 示例诉讼程序规定（测试样例）

2019年4月1日 示例省高级法院公告第3号公布

<!-- INFO END -->

{NOTE}

第一条 为规范示例诉讼程序，制定本规定。

第二条 按简易程序审理的案件，由审判员一人独任审理。基层法院审理事实清楚的案件，也可以由审判员一人按普通程序独任审理。

第三条 按普通程序审理的案件，应当自立案之日起六个月内审理完毕。

第四条 按简易程序审理的案件，应当自立案之日起三个月内审理完毕。

第五条 简易程序可以用电话、短信等简便方式通知当事人和证人。

第六条 简易程序审理的案件，当事人双方可以同时到基层法院请求解决纠纷。

第七条 法院在简易程序审理中发现案件不适合简易程序的，应当裁定改用普通程序。

第八条 简易程序的案件，当事人可以申请延长办结时间，但延长不得超过一个月。
"""

COPYRIGHT = f"""# 示例版权保护条例（测试样例）

2017年8月8日 示例省人民代表大会常务委员会公告第11号公布

<!-- INFO END -->

{NOTE}

第一条 为保护示例作品的版权，制定本条例。

第二条 侵犯版权的，侵权人应当按照权利人的实际损失给予赔偿。

第三条 权利人的实际损失和侵权人的违法所得难以计算的，由人民法院根据侵权情节，判决给予五百元以上五十万元以下的赔偿。
"""


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for title, text in (("示例经济犯罪惩治规定", CRIMES), ("示例账簿与排污管理办法", BOOKS),
                        ("示例仲裁程序规则", ARBITRATION), ("示例诉讼程序规定", PROCEDURE),
                        ("示例版权保护条例", COPYRIGHT)):
        (folder / f"{title}（测试样例）.md").write_text(text, encoding="utf-8")
    return folder
