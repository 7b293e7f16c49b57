"""Invented texts for tests/test_answer_sides_and_kinds.py: a partnership rule, two supervisory-board
rules (enterprises, financial institutions), a cable-protection rule and a soil rule. They are test
samples (测试样例), not real texts: issuers, numbers and amounts are made up."""
from __future__ import annotations

from pathlib import Path

NOTE = "本文件是 GreenKB 自动化测试使用的虚构样例，不是真实的法规。"

PARTNERS = f"""# 示例合伙商号条例（测试样例）

2008年8月27日 示例省人民代表大会常务委员会通过

<!-- INFO END -->

{NOTE}

第一条 新入伙的普通合伙人，与原有合伙人权利相同、责任相同；对入伙前商号欠下的债务，负无限连带责任。

第二条 新入伙的有限合伙人对入伙前商号欠下的债务，只在自己认缴的出资范围内负责。

第三条 合伙人退伙的，应当与其他合伙人结算财产份额。
"""

BOARDS = f"""# 示例国有企业监事会条例（测试样例）

2000年3月15日 示例省人民政府令第12号公布

<!-- INFO END -->

{NOTE}

第一条 省属重点大型企业的监事会由省人民政府派出，对企业的资产保值增值状况实施监督。

第二条 监事会每年通常到企业例行检查1至2次，必要时还可以专项检查。
"""

BANK_BOARDS = f"""# 示例重点金融机构监事会条例（测试样例）

2000年3月15日 示例省人民政府令第13号公布

<!-- INFO END -->

{NOTE}

第一条 省属重点金融机构的监事会由省人民政府派出，对金融机构的资产质量实施监督。

第二条 监事会每年通常对省属重点金融机构例行检查两次，必要时还可以专项检查。
"""

CABLES = f"""# 示例通信线路保护规定（测试样例）

1985年9月20日 示例省人民政府发布

<!-- INFO END -->

{NOTE}

第一条 为保护通信线路的安全畅通，制定本规定。

第二条 地下电缆两侧各一米以内，禁止建房、搭棚；两侧各三米以内，禁止挖沙、取土。
"""

SOIL = f"""# 示例土壤保护条例（测试样例）

2018年8月31日 示例省人民代表大会常务委员会通过

<!-- INFO END -->

{NOTE}

第一条 鼓励在建筑、通信、电力、交通等领域的建设工程中采用新材料，防止土壤污染。

第二条 禁止向农用地排放含重金属的污水。
"""


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for title, text in (("示例合伙商号条例", PARTNERS), ("示例国有企业监事会条例", BOARDS),
                        ("示例重点金融机构监事会条例", BANK_BOARDS), ("示例通信线路保护规定", CABLES),
                        ("示例土壤保护条例", SOIL)):
        (folder / f"{title}（测试样例）.md").write_text(text, encoding="utf-8")
    return folder
