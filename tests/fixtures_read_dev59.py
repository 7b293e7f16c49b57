"""Invented text for tests/test_answer_read_dev59.py: a building rule giving the warranty of insulation
works. It is a test sample (测试样例), not a real text: its issuer, numbers and dates are made up."""
from __future__ import annotations

NOTE = "本文件是 GreenKB 自动化测试使用的虚构样例，不是真实的法规。"

BUILDING = f"""# 示例建筑保温条例（测试样例）

2049年9月9日 示例政务院令第49号公布

<!-- INFO END -->

{NOTE}

第一条 为了保证示例建筑保温工程的质量，制定本条例。

第二条 在正常使用条件下，示例保温工程的最低保修期限为6年，从竣工验收合格那天算起。

第三条 本条例自2050年1月1日起施行。
"""

FILES = {"示例建筑保温条例(2049-09-09).md": BUILDING}
