"""Invented texts for tests/test_answer_asked_precisely.py: seafarers' certificates and repatriation,
re-examination of village health workers, a cosmetics licence, a local construction tax and a
printing rule — figures stated beside the ones asked. They are test samples (测试样例), not real
texts: issuers, numbers and amounts are made up."""
from __future__ import annotations

from pathlib import Path

NOTE = "本文件是 GreenKB 自动化测试使用的虚构样例，不是真实的法规。"

SEAFARERS = f"""# 示例海员条例（测试样例）

2023年7月20日 示例国务院令第76号公布

<!-- INFO END -->

{NOTE}

第七条 参加航行值班的海员适任证书的有效期不超过5年。

第八条 海员培训机构应当取得海员培训许可证，并按照许可的项目、规模和条件开展培训；培训机构应当建立培训档案，如实记录参训海员的培训时间、内容和考核结果，并接受示例海事管理机构的监督检查。

第九条 海员用人单位应当支付海员的遣返费用。遣返费用包括海员乘坐交通工具的费用、旅途中合理的食宿费用、医疗费用和30公斤行李的运输费用；海员用人单位不得要求海员预付遣返费用，也不得从海员工资中扣除。
"""

HEALTH_WORKERS = f"""# 示例村卫生员管理条例（测试样例）

2003年8月5日 示例国务院令第38号公布

<!-- INFO END -->

{NOTE}

第十六条 县级卫生主管部门应当自受理再注册申请之日起15日内完成审核。

第三十六条 村卫生员经考核不合格的，可以在6个月之内申请再次考核。
"""

COSMETICS = f"""# 示例美容用品条例（测试样例）

2019年3月2日 示例国务院令第952号公布

<!-- INFO END -->

{NOTE}

第五条 对美容用品生产企业实行美容用品生产许可证制度。美容用品生产许可证有效期五年。
"""

CITY_TAX = f"""# 示例城市维护建设税法（测试样例）

2020年8月11日 示例人民代表大会常务委员会通过

<!-- INFO END -->

{NOTE}

第九条 城市维护建设税的征收管理，由税务机关按照本法和《示例税收征收管理法》执行。
"""

PRINTING = f"""# 示例印刷业条例（测试样例）

2020年11月29日 示例国务院令第73号公布

<!-- INFO END -->

{NOTE}

第二十二条 印刷企业完成出版物印刷后，应当将一份委托印刷的出版物样本保存2年备查。
"""


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for title, text in (("示例海员条例", SEAFARERS), ("示例村卫生员管理条例", HEALTH_WORKERS),
                        ("示例美容用品条例", COSMETICS), ("示例城市维护建设税法", CITY_TAX),
                        ("示例印刷业条例", PRINTING)):
        (folder / f"{title}（测试样例）.md").write_text(text, encoding="utf-8")
    return folder
