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

第二条 参加示例民事活动的各方地位平等，不分高低。
"""

CONTRACTS = f"""# 示例民事法典（测试样例）

# 合同编

2020年5月28日 示例省人民代表大会通过

<!-- INFO END -->

{NOTE}

## 第一章 通用规则

第四百六十三条 本编适用于因示例合同引起的纠纷。

第四百六十四条 示例合同是当事人之间设立、变更或者终止权利义务的约定。

第四百六十五条 当事人一方不履行示例合同义务的，须按约继续履行，或者采取补救措施、赔偿对方损失，承担违约责任。
"""

TORTS = f"""# 示例民事法典（测试样例）

# 侵权责任编

2020年5月28日 示例省人民代表大会通过

<!-- INFO END -->

{NOTE}

## 第一章 通用规则

第一千一百六十四条 本编适用于侵害示例民事权益引起的纠纷。

第一千一百六十五条 有过错的人因此侵害他人示例民事权益、造成损害的，须承担侵权责任。
"""


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "示例总则.md").write_text(GENERAL, encoding="utf-8")
    (folder / "示例合同编.md").write_text(CONTRACTS, encoding="utf-8")
    (folder / "示例侵权责任编.md").write_text(TORTS, encoding="utf-8")
    return folder
