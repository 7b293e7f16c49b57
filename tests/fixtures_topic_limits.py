"""Invented text for tests/test_answer_topic_limits.py: a rule on agency services that caps the fee
agents charge as a share of the entrusted sum, caps their liability as a share of their capital, and
says to whom commissions go without capping them. It is a test sample (测试样例), not a real text:
issuer, number and date are made up."""
from __future__ import annotations

from pathlib import Path

NOTE = "本文件是 GreenKB 自动化测试使用的虚构样例，不是真实的法规。"

AGENCY = f"""# 示例委托代理服务管理办法（测试样例）

2019年5月8日 示例省商务厅令第4号公布

<!-- INFO END -->

{NOTE}

第一条 为规范本省委托代理服务，保护委托人合法权益，制定本办法。

第二条 代理机构对每一项委托承担的赔付责任总额，不得超过其实缴资本的百分之十。

第三条 代理佣金只能支付给依法登记的代理机构，不得支付给其他单位或者个人。

第四条 代理机构向委托人收取的服务费，不得超过委托金额的百分之三。

第五条 本办法自2019年7月1日起施行。
"""


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "示例委托代理服务管理办法（测试样例）.md").write_text(AGENCY, encoding="utf-8")
    return folder
