"""Invented texts for tests/test_answer_companies_and_fees.py: a company rule, an investment-advice
rule approved by one body and issued by another, a labour-arbitration rule and a dumping-fee rule.
They are test samples (测试样例), not real texts: issuers, numbers and amounts are made up."""
from __future__ import annotations

from pathlib import Path

NOTE = "本文件是 GreenKB 自动化测试使用的虚构样例，不是真实的法规。"

COMPANIES = f"""# 示例公司治理条例（测试样例）

2023年12月29日 示例省人民代表大会常务委员会通过

<!-- INFO END -->

{NOTE}

第一条 有限公司股东会作出修改公司章程的决议，须有持三分之二以上表决权的股东同意。

第二条 股份公司股东会作出修改公司章程的决议，须经到会股东所持表决权的三分之二以上同意。

第三条 上市公司设独立董事，其具体管理办法由省证券监管部门另定。

第四条 外国公司违反本条例，未经批准擅自在本省设立分支机构的，由登记机关责令其改正或者予以关闭，并可以罚款五万元至二十万元。
"""

ADVICE = f"""# 示例投资咨询管理暂行办法（测试样例）

1997年11月30日示例省人民政府批准
1997年12月25日示例省证券委员会发布

<!-- INFO END -->

{NOTE}

第一条 从事投资咨询业务的机构，应当取得从业资格。

第二条 想取得从业资格的机构，先向所在地证券管理办公室递交申请，再由省证券委员会审批。
"""

ARBITRATION = f"""# 示例劳动仲裁条例（测试样例）

2007年12月29日 示例省人民代表大会常务委员会通过

<!-- INFO END -->

{NOTE}

第一条 劳动仲裁委员会受理申请后，应当在五日内把申请书副本送交被申请人。

第二条 被申请人收到申请书副本后，应当在十日内提交答辩书。

第三条 劳动仲裁一律不收费，仲裁委员会的经费由财政保障。

第四条 讨要劳动报酬、数额不超过当地最低月工资十二个月金额的争议，仲裁裁决为终局裁决。
"""

DUMPING = f"""# 示例海域倾倒管理办法（测试样例）

2023年10月24日 示例省人民政府令第3号公布

<!-- INFO END -->

{NOTE}

第一条 未按规定缴纳倾倒费的，由海洋主管部门责令限期缴纳；到期仍不缴纳的，罚应缴费用一至三倍，情节严重的责令停业、关闭。
"""


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for title, text in (("示例公司治理条例", COMPANIES), ("示例投资咨询管理暂行办法", ADVICE),
                        ("示例劳动仲裁条例", ARBITRATION), ("示例海域倾倒管理办法", DUMPING)):
        (folder / f"{title}（测试样例）.md").write_text(text, encoding="utf-8")
    return folder
