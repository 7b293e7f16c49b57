"""Invented texts for tests/test_answer_read_dev52.py: a permit rule whose approval form is valid for a
set number of days. They are test samples (测试样例), not real texts: issuers, numbers and dates are made
up."""
from __future__ import annotations

NOTE = "本文件是 GreenKB 自动化测试使用的虚构样例，不是真实的法规。"

PERMITS = f"""# 示例进出口审批条例（测试样例）

2039年3月3日 示例政务院令第39号公布

<!-- INFO END -->

{NOTE}

第一条 为了规范示例物质的进出口，制定本条例。

第二条 示例进出口审批单的有效期最长为75日，不得跨年度使用。

第三条 本条例自2039年6月1日起施行。
"""

FILES = {"示例进出口审批条例(2039-03-03).md": PERMITS}
