"""Invented text for tests/test_answer_read_dev57.py: a report counting model factories nationwide and
in two provinces. It is a test sample (测试样例), not a real text: its issuer and figures are made up."""
from __future__ import annotations

NOTE = "本文件是 GreenKB 自动化测试使用的虚构样例，不是真实的法规。"

REPORT = f"""# 示例绿色工厂建设办法（测试样例）

2047年7月7日 示例部令第47号公布

<!-- INFO END -->

{NOTE}

第一条 为了推进示例绿色工厂建设，制定本办法。

第二条 截至2046年底，全国共有3120家工厂被评为示例绿色工厂，其中江苏、浙江两省各超过200家。

第三条 本办法自2047年10月1日起施行。
"""

FILES = {"示例绿色工厂建设办法(2047-07-07).md": REPORT}
