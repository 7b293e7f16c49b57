"""Invented texts for tests/test_answer_interpreters.py: a rule on recommendation algorithms with a
closing clause naming who interprets it, and a rule protecting an old city wall. They are test
samples (测试样例), not real texts: issuers, numbers and dates are made up."""
from __future__ import annotations

from pathlib import Path

NOTE = "本文件是 GreenKB 自动化测试使用的虚构样例，不是真实的法规。"

ALGORITHMS = f"""# 示例推荐算法服务管理规定（测试样例）

2021年12月31日 示例省网信办令第9号公布

<!-- INFO END -->

{NOTE}

第一条 为规范本省推荐算法服务，制定本规定。

第二条 省网信部门统筹协调全省推荐算法服务的治理和监督管理；电信、公安、市场监管部门按照各自职责负责相关监督管理工作。

第三条 推荐算法服务提供者应当定期审核、评估其算法机制。

第四条 本规定由示例省网信办会同省通信管理局、省公安厅负责解释。

第五条 本规定自2022年3月1日起施行。
"""

WALL = f"""# 示例古城墙保护条例（测试样例）

2006年9月20日示例市人民代表大会常务委员会通过
2006年10月11日示例市人民代表大会常务委员会公告第12号公布
2006年12月1日施行

<!-- INFO END -->

{NOTE}

第一条 为了保护本市古城墙，制定本条例。

第二条 任何单位和个人不得在古城墙上刻划、涂污。
"""


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for title, text in (("示例推荐算法服务管理规定", ALGORITHMS), ("示例古城墙保护条例", WALL)):
        (folder / f"{title}（测试样例）.md").write_text(text, encoding="utf-8")
    return folder
