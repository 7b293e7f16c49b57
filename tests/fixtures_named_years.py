"""Invented texts for tests/test_answer_named_years.py: a rule of 1991 on standards work,
a sea-area law in two versions (2015 and 2022), a metrology law amended twice, a rule on storing
dangerous goods. They are test samples (测试样例), not real texts: issuers, numbers and dates are
made up."""
from __future__ import annotations

from pathlib import Path

NOTE = "本文件是 GreenKB 自动化测试使用的虚构样例，不是真实的法规。"

STANDARDS_RULE = f"""# 示例标准工作实施条例（测试样例）

1991年5月6日 示例国务院令第88号发布

<!-- INFO END -->

{NOTE}

第一条 为推进示例标准工作，制定本条例。

第二条 企业生产的示例产品应当符合示例标准。

第三条 企业被处以罚款的，所缴罚款由企业自筹资金支付，不准计入产品成本。
"""


def sea_law(year: int, authority: str) -> str:
    return f"""# 示例海域保护法（测试样例）

{year}年6月1日 示例人民代表大会常务委员会通过

<!-- INFO END -->

{NOTE}

第一条 为保护示例海域，制定本法。

第二条 在示例海域从事活动的单位，应当遵守本法。

第三条 海上示例工程的污染防治，由{authority}负责监督管理。
"""


METROLOGY_LAW = f"""# 示例计量法（测试样例）

1986年7月1日 示例人民代表大会常务委员会通过　根据2012年4月2日示例人民代表大会常务委员会决定第一次修正　根据2019年3月12日示例人民代表大会常务委员会决定第二次修正

<!-- INFO END -->

{NOTE}

第一条 为统一示例计量单位，制定本法。

第二条 示例计量器具应当定期检定。
"""

STORAGE_RULE = f"""# 示例危险物贮存管理办法（测试样例）

2020年8月3日 示例市人民政府令第21号公布

<!-- INFO END -->

{NOTE}

第一条 为规范示例危险物的贮存，制定本办法。

第二条 示例危险物应当分类存放，并设置识别标志。

第三条 从事示例危险物收集、贮存经营的单位，贮存示例危险物不得超过一年；确需延长的，应当报原发证部门批准。
"""





def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "示例标准工作实施条例(1991-05-06).md": STANDARDS_RULE,
        "示例海域保护法(2015-06-01).md": sea_law(2015, "国家海洋主管部门"),
        "示例海域保护法(2022-06-01).md": sea_law(2022, "国家生态环境主管部门"),
        "示例计量法(2019-03-12).md": METROLOGY_LAW,
        "示例危险物贮存管理办法(2020-08-03).md": STORAGE_RULE,
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder
