"""Invented regulations for tests/test_answer_lists.py: list questions whose first passage lists
something else, found on the dev2, dev12, dev14 and dev15 question sets. They are test samples
(测试样例), not real texts: issuers and numbers are made up."""
from __future__ import annotations

from pathlib import Path

NOTE = "本文件是 GreenKB 自动化测试使用的虚构样例，不是真实的法规。"

# the kinds of firm named in one sentence; a list of documents to file in another article
PERMITS = f"""# 示例安全许可条例（测试样例）

2014年7月1日 示例省人民政府令第70号公布

<!-- INFO END -->

{NOTE}

第一条 为了加强示例省高危行业的安全许可管理，制定本条例。

第二条 示例省对采石企业、隧道施工企业和烟花生产企业实行安全许可制度。企业未取得安全许可证的，不得从事生产活动。

第三条 示例省应急管理厅负责安全许可证的颁发和管理。

第四条 企业开工生产前，应当向示例省应急管理厅申请领取安全许可证，并提供下列文件：

（一）安全生产责任制文件；

（二）主要负责人的安全考核合格证明；

（三）事故应急预案。

第五条 安全许可证的有效期为三年。
"""

# a rule about all building works in one article, the works that must be assessed listed in another
SEISMIC = f"""# 示例抗震评估条例（测试样例）

2019年3月1日 示例省人民政府令第88号公布

<!-- INFO END -->

{NOTE}

第一条 为了做好示例省建设工程的抗震评估工作，制定本条例。

第二条 新建、扩建、改建建设工程，凡是必须做抗震评估的，都应当执行示例省抗震评估技术规范，保证评估质量。

第三条 抗震评估单位应当对评估报告的真实性负责。

第四条 抗震评估报告由示例省地震局审定。

第五条 下列建设工程应当进行抗震评估：

（一）示例省重点建设工程；

（二）受地震破坏后可能引发水灾、火灾的建设工程；

（三）位于地震动参数区划分界线附近的新建、扩建、改建建设工程。
"""

WATER_AUDIT = f"""# 示例公共单位节水审查办法（测试样例）

2033年2月1日 示例省人民政府令第91号公布

<!-- INFO END -->

{NOTE}

第一条 为了推进示例省公共单位节约用水，制定本办法。

第七条 学校、医院等公共单位应当按照规定开展节水审查，对本单位供水管网、用水器具的运行及日常用水状况作出技术评价，根据审查结论采取节约用水措施。具体审查办法由示例省水利厅制定。

第八条 节水审查的内容包括：

（一）核对用水计量台账和水费单据；

（二）检查供水管网漏损和用水器具老化情况；

（三）评估用水定额执行情况和节水潜力。

第九条 公共单位未按照规定开展节水审查的，由示例省水利厅责令限期改正。
"""


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "示例安全许可条例（测试样例）.md").write_text(PERMITS, encoding="utf-8")
    (folder / "示例抗震评估条例（测试样例）.md").write_text(SEISMIC, encoding="utf-8")
    (folder / "示例公共单位节水审查办法（测试样例）.md").write_text(WATER_AUDIT, encoding="utf-8")
    return folder
