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

第一条 为了规范示例地区农机购置补贴资金的管理，制定本条例。

第二条 示例农机主管部门负责农机购置补贴资金的发放和监督。

第三条 农机购置补贴资金应当专款专用，按照公开、公正、及时的原则发放给购买农业机械的农民。

第四条 农机购置补贴的具体标准由示例农机主管部门会同示例财政部门确定。

第五条 县级农机主管部门不得挪作他用农机购置补贴资金，应当每年公布农机购置补贴资金的使用情况。

## 第二章 法律责任

第六条 违反本条例规定，截留、挪用补贴资金的，由上级主管部门责令限期归还被截留、挪用的资金，没收非法所得，对直接负责的主管人员和其他直接责任人员依法给予处分。

第七条 购买者以虚假材料骗取农机购置补贴资金的，由示例农机主管部门追回补贴资金，三年内不再给予补贴。
"""

# a time limit stated as a share of another (原时限的二分之一); a kind of product whose
# registration another document, not indexed, governs (适用《示例诊断试剂注册办法》)
REVIEW = f"""# 示例器械审评办法（测试样例）

2019年9月2日 示例监管局令第14号公布

<!-- INFO END -->

{NOTE}

第一条 为了规范示例器械注册的技术审评，制定本办法。

第二条 第二类示例器械注册申请的技术审评时限为60日。

第三条 技术审评需要申请人补充资料的，申请人应当在一年内一次提供。

第四条 因产品特性以及技术审评遇到特殊情况确需延长时限的，延长时限不得超过原时限的二分之一，经技术审评机构负责人批准后书面告知申请人。

第五条 按照示例器械管理的示例诊断试剂的注册与备案，适用《示例诊断试剂注册办法》。
"""

# a time limit to ask for a review of a finding of fault (事故责任认定), beside articles on what
# follows the review, which name its consequences (撤销, 重新认定)
ACCIDENT = f"""# 示例事故处理规定（测试样例）

2018年2月2日 示例公安机关令第46号公布

<!-- INFO END -->

{NOTE}

第一条 为了规范示例道路交通事故的处理，制定本规定。

第二条 示例交通管理部门应当自现场调查之日起十日内制作事故认定书，载明当事人的事故责任。

第三条 当事人对事故认定有异议的，可以自事故认定书送达之日起三日内，向上一级交通管理部门提出书面复核申请。同一事故的复核以一次为限。

第四条 上一级交通管理部门应当自受理复核申请之日起三十日内作出复核结论；认定事实不清的，撤销原事故认定，责令原办案单位重新调查、认定，原办案单位应当在十日内重新作出事故认定。

第五条 当事人对事故损害赔偿有争议的，可以自收到事故认定书之日起十日内申请调解。
"""
# a storage period named but never stated, beside a keeping period that is (保存期限不得少于3年)
GRAIN = f"""# 示例粮食储存条例（测试样例）

2021年2月15日 示例省人民政府令第40号公布

<!-- INFO END -->

{NOTE}

第一条 为了保证示例地区储存粮食的质量，制定本条例。

第二条 粮食储存企业应当定期进行粮食品质检验，品质达到轻度不宜存时应当及时出库。

第三条 正常储存年限内的粮食，出库前由粮食储存企业自行检验；超过正常储存年限的粮食，出库前应当由粮食质量检验机构检验。

第四条 粮食储存企业应当建立粮食经营台账，台账的保存期限不得少于3年。

第五条 粮食质量检验机构应当自收到检验申请之日起3个工作日内实施检验，并在检验完毕之日起5个工作日内出具检验报告。

第六条 粮食储存企业的储粮设施每年检修一次。
"""
# the conditions a farm must meet, beside the article on applying for the certificate and the
# penalty whose list of conducts names the certificate too
ANIMAL = f"""# 示例动物防疫条例（测试样例）

2021年1月22日 示例省人民代表大会常务委员会公告第8号公布

<!-- INFO END -->

{NOTE}

第一条 为了预防和控制示例地区的动物疫病，制定本条例。

第二条 动物饲养场、动物屠宰加工场所应当符合下列动物防疫条件：

（一）场所的位置与居民生活区、学校、医院的距离符合规定；

（二）有相应的污水、污物处理设施和清洗消毒设施；

（三）有与其规模相适应的执业兽医；

（四）有完善的隔离消毒、购销台账等动物防疫制度。

第三条 示例地区实行动物防疫条件审查制度。开办动物饲养场、动物屠宰加工场所，应当向示例农业主管部门提出申请，经审查合格的，发给动物防疫条件合格证。

第四条 违反本条例规定，有下列行为之一的，由示例农业主管部门责令改正，处三千元以上三万元以下罚款：

（一）开办动物饲养场、动物屠宰加工场所，未取得动物防疫条件合格证的；

（二）经营动物的集贸市场不具备防疫条件的；

（三）未建立购销台账的。
"""

# stages named in one sentence (A、B和C三个阶段), beside an article that enumerates (一)(二)(三)
TRIALS = f"""# 示例转基因试验办法（测试样例）

2017年10月7日 示例农业厅令第5号公布

<!-- INFO END -->

{NOTE}

第一条 为了规范示例地区转基因生物试验，制定本办法。

第二条 示例转基因生物试验，一般应当经过中间试验、环境释放和生产性试验三个阶段。

第三条 试验单位从上一试验阶段转入下一试验阶段的，应当向示例农业厅提交下列材料：

（一）上一试验阶段的试验报告；

（二）下一试验阶段的试验方案；

（三）安全防范措施。
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
