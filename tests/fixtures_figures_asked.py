"""Invented texts for tests/test_answer_figures_asked.py: tax rules that state shares, sums, dates and
periods, a cooperative's membership rule, and an unrelated exemption measured as a share. They are
test samples (测试样例), not real texts: issuers, numbers and rates are made up."""
from __future__ import annotations

from pathlib import Path

NOTE = "本文件是 GreenKB 自动化测试使用的虚构样例，不是真实的法规。"

# a deduction in a sum beside a bracket, a deduction measured as a share, monthly and quarterly
# prepayment, a day of the year, the month before
INCOME_TAX = f"""# 示例企业所得税条例（测试样例）

2019年5月6日 示例国务院令第88号公布

<!-- INFO END -->

{NOTE}

第二条 本条例所称全年应纳税所得额，是指纳税人每一纳税年度的收入额减除费用八万元后的余额。

第三条 创业投资企业投资于未上市的示例科技企业满2年的，可以按照其投资额的60%抵扣应纳税所得额。

第四条 纳税人取得经营所得的，企业所得税按年计算；纳税人应当在月度或者季度结束后十五日内报送申报表并预缴税款，在取得所得的下一年度三月三十一日以前完成汇算清缴。

第五条 纳税人以外币取得所得的，按照上一个月最后一日的人民币汇率中间价折合成人民币。
"""

# a share and a count in 个
COOPERATIVES = f"""# 示例农业合作社登记条例（测试样例）

2014年2月3日 示例国务院令第47号公布

<!-- INFO END -->

{NOTE}

第十四条 示例农业合作社的成员不得少于5名，农民成员所占比例至少为全体成员的75%。成员不足20人的，可以吸收1个企业成员；成员在20人以上的，企业成员不得超过全体成员的4%。
"""

# a rate of another tax, stated as a share
SHIP_TAX = f"""# 示例船舶吨位税办法（测试样例）

2018年3月1日 示例财政部令第909号公布

<!-- INFO END -->

{NOTE}

第六条 示例船舶吨位税的税率为百分之三。
"""


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "示例企业所得税条例（测试样例）.md").write_text(INCOME_TAX, encoding="utf-8")
    (folder / "示例农业合作社登记条例（测试样例）.md").write_text(COOPERATIVES, encoding="utf-8")
    (folder / "示例船舶吨位税办法（测试样例）.md").write_text(SHIP_TAX, encoding="utf-8")
    return folder
