"""Invented regulations for tests/test_answer_held_out.py: the kinds of wrong answer found on the
dev13 and dev14 question sets once they were read. They are test samples (测试样例), not real
texts: issuers, numbers and amounts are made up."""
from __future__ import annotations

from pathlib import Path

NOTE = "本文件是 GreenKB 自动化测试使用的虚构样例，不是真实的法规。"

# a misuse of funds punished in one article, the funds' rule in another that shares its words
SUBSIDY = f"""# 示例农机补贴条例（测试样例）

2016年4月1日 示例省人民政府令第21号公布

<!-- INFO END -->

{NOTE}

## 第一章 总则

第一条 为了管好示例地区的农机购置补贴资金，制定本条例。

第二条 示例农机主管部门负责农机购置补贴资金的发放和监督。

第三条 农机购置补贴资金应当专款专用，按照公开、公正、及时的原则发放给购买农业机械的农民。

第四条 农机购置补贴的具体标准由示例农机主管部门会同示例财政部门确定。

第五条 县级农机主管部门不得挪作他用农机购置补贴资金，应当每年公布农机购置补贴资金的使用情况。

## 第二章 法律责任

第六条 违反本条例规定，截留、挪用补贴资金的，由上级主管部门责令限期归还所占用的款项，收缴其违法所得，负有领导责任的人员和经办人员由所在单位依法处分。

第七条 购机人提交假材料领取补贴的，示例农机主管部门收回已发补贴，三年内不再受理其补贴申请。
"""

# a time limit stated as a share of another (原时限的二分之一); a kind of product whose
# registration another document, not indexed, governs (适用《示例诊断试剂注册办法》)
REVIEW = f"""# 示例器械审评办法（测试样例）

2019年9月2日 示例监管局令第14号公布

<!-- INFO END -->

{NOTE}

第一条 为了规范示例器械注册的技术审评，制定本办法。

第二条 第二类示例器械的注册申请，技术审评应在60日内审完。

第三条 审评中要求补交资料的，申请人须在一年内一次交齐。

第四条 审评遇有特殊情形需要多用时间的，可以延长，延长部分最多为原时限的二分之一，由审评机构负责人签批并书面通知申请人。

第五条 纳入示例器械管理的示例诊断试剂，其注册和备案事项适用《示例诊断试剂注册办法》。
"""

# a time limit to ask for a review of a finding of fault (事故责任认定), beside articles on what
# follows the review, which name its consequences (撤销, 重新认定)
ACCIDENT = f"""# 示例事故处理规定（测试样例）

2018年2月2日 示例公安机关令第46号公布

<!-- INFO END -->

{NOTE}

第一条 为了让示例地区的道路交通事故处理有章可循，制定本规定。

第二条 示例交通管理部门在勘查现场后十日内出具事故认定书，写明各方应负的事故责任。

第三条 当事人对事故认定有异议的，可以在收到事故认定书后三日内，书面请求上一级交通管理部门复核。一起事故只能复核一次。

第四条 上一级交通管理部门收下复核请求后三十日内给出复核结论；原认定事实不清的，撤销该认定，责令原办案单位另行调查，原办案单位在十日内重新出具事故认定，对认定错误的责任人员依法处理。

第五条 各方对赔偿数额谈不拢的，可以在拿到事故认定书后十日内请求调解。
"""
# a storage period named but never stated, beside a keeping period that is (保存期限不得少于3年)
GRAIN = f"""# 示例粮食储存条例（测试样例）

2021年2月15日 示例省人民政府令第40号公布

<!-- INFO END -->

{NOTE}

第一条 为了守住示例地区库存粮食的质量，制定本条例。

第二条 储粮企业要定期查验库存粮食的品质，出现不宜继续存放迹象的，尽快安排出库。

第三条 未超出正常储存年限的粮食，出库前由储粮企业自己检验；已超出正常储存年限的粮食，出库前交由粮食质量检验机构检验。

第四条 储粮企业要记粮食经营台账，台账至少留存3年。

第五条 粮食质量检验机构接到送检申请后3个工作日内开始检验，检完后5个工作日内出报告。

第六条 储粮企业的仓房和烘干设施每年检修一次。
"""
# the conditions a farm must meet, beside the article on applying for the certificate and the
# penalty whose list of conducts names the certificate too
ANIMAL = f"""# 示例动物防疫条例（测试样例）

2021年1月22日 示例省人民代表大会常务委员会公告第8号公布

<!-- INFO END -->

{NOTE}

第一条 为了防住示例地区的牲畜疫病，制定本条例。

第二条 养殖场、屠宰场要具备下列动物防疫条件：

（一）选址离村镇住户、学校和医院足够远；

（二）配有粪污处理和冲洗消毒的设施；

（三）按养殖规模配备兽医；

（四）订有隔离、消毒、进出栏登记等防疫制度。

第三条 新办养殖场、屠宰场，须向示例农业主管部门申请审查，审查通过后领取动物防疫条件合格证。

第四条 有下列情形之一的，示例农业主管部门令其改正，并处三千元至三万元罚款：

（一）养殖场、屠宰场没有领取动物防疫条件合格证就开办的；

（二）牲畜交易市场缺少防疫设施的；

（三）不做进出栏登记的。
"""

# stages named in one sentence (A、B和C三个阶段), beside an article that enumerates (一)(二)(三)
TRIALS = f"""# 示例转基因试验办法（测试样例）

2017年10月7日 示例农业厅令第5号公布

<!-- INFO END -->

{NOTE}

第一条 为了管好示例地区的转基因作物试验，制定本办法。

第二条 示例转基因生物的试验通常分小区试验、扩区试验和示范种植试验三个阶段进行。

第三条 进入后一阶段前，试验单位要向示例农业厅交齐下列材料：

（一）前一阶段的总结报告；

（二）后一阶段的实施方案；

（三）防止扩散的安全措施。
"""


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "示例农机补贴条例（测试样例）.md").write_text(SUBSIDY, encoding="utf-8")
    (folder / "示例器械审评办法（测试样例）.md").write_text(REVIEW, encoding="utf-8")
    (folder / "示例事故处理规定（测试样例）.md").write_text(ACCIDENT, encoding="utf-8")
    (folder / "示例粮食储存条例（测试样例）.md").write_text(GRAIN, encoding="utf-8")
    (folder / "示例动物防疫条例（测试样例）.md").write_text(ANIMAL, encoding="utf-8")
    (folder / "示例转基因试验办法（测试样例）.md").write_text(TRIALS, encoding="utf-8")
    return folder
