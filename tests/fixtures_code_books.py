"""Invented texts for tests/test_code_books.py: three books of one code (its general part among them), each a file headed by the
code's title and then the book's (# 示例民事法典（测试样例） / # 合同编), numbering their articles on
from the code's earlier books, as a civil code's books do. They are test samples (测试样例), not
real texts: issuer, numbers and dates are made up."""
from __future__ import annotations

from pathlib import Path

NOTE = "本文件是 GreenKB 自动化测试使用的虚构样例，不是真实的法规。"

GENERAL = f"""# 示例民事法典（测试样例）

# 总则

2020年5月28日 示例省人民代表大会通过

<!-- INFO END -->

{NOTE}

第一条 为了保护示例民事主体的合法权益，制定本法典。

第二条 示例民事主体在民事活动中的法律地位一律平等。
"""

CONTRACTS = f"""# 示例民事法典（测试样例）

# 合同编

2020年5月28日 示例省人民代表大会通过

<!-- INFO END -->

{NOTE}

## 第一章 一般规定

第四百六十三条 本编调整因示例合同产生的民事关系。

第四百六十四条 示例合同是民事主体之间设立、变更、终止民事法律关系的协议。

第四百六十五条 当事人一方不履行示例合同义务的，应当承担继续履行、采取补救措施或者赔偿损失等违约责任。
"""

TORTS = f"""# 示例民事法典（测试样例）

# 侵权责任编

2020年5月28日 示例省人民代表大会通过

<!-- INFO END -->

{NOTE}

## 第一章 一般规定

第一千一百六十四条 本编调整因侵害示例民事权益产生的民事关系。

第一千一百六十五条 行为人因过错侵害他人示例民事权益造成损害的，应当承担侵权责任。
"""


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "示例总则.md").write_text(GENERAL, encoding="utf-8")
    (folder / "示例合同编.md").write_text(CONTRACTS, encoding="utf-8")
    (folder / "示例侵权责任编.md").write_text(TORTS, encoding="utf-8")
    return folder
