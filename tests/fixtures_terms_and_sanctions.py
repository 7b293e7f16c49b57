"""Invented texts for tests/test_answer_terms_and_sanctions.py: a rule on a public body's assets, a
law on state-run factories (with a provision struck out by an amendment), an auctioneers' rule, a
co-operatives' rule, a balance-reporting rule approved by one body and issued by another, and a
pricing rule with an article on collecting fines. They are test samples (测试样例), not real texts:
issuers, numbers and amounts are made up."""
from __future__ import annotations

from pathlib import Path

NOTE = "本文件是 GreenKB 自动化测试使用的虚构样例，不是真实的法规。"

ASSETS = f"""# 示例公共机构资产管理条例（测试样例）

2021年3月1日 示例省人民政府令第88号公布

<!-- INFO END -->

{NOTE}

第一条 公共机构出租房屋、场地等资产，应当按照规定报经同级财政部门批准，出租收入按照规定上缴。

第二条 公共机构自建取得的资产，验收合格后要及时交付，交付后办结财务决算的时限最长为1年。

第三条 公共机构出借的设备，出借期限最长不得超过2年。
"""

FACTORIES = f"""# 示例公营工厂法（测试样例）

1990年4月13日 示例人民代表大会通过
2012年8月27日 示例人民代表大会常务委员会修正

<!-- INFO END -->

{NOTE}

第二条 公营工厂是依法自主经营、自负盈亏的生产经营单位。

公营工厂实行厂长每届任期五年的制度。（2012年8月27日删除）

第三条 公营工厂的厂长由工厂职工代表大会选举产生。
"""

AUCTIONS = f"""# 示例拍卖人员管理办法（测试样例）

2015年4月24日 示例商务厅令第6号公布

<!-- INFO END -->

{NOTE}

第十二条 被吊销拍卖员资格证书未满五年的，不得担任拍卖员。

第十三条 拍卖员应当具备下列条件：
（一）熟悉拍卖业务；
（二）从事拍卖工作满两年。
"""

COOPERATIVES = f"""# 示例农户合作社条例（测试样例）

2017年12月27日 示例省人民代表大会常务委员会通过

<!-- INFO END -->

{NOTE}

第一条 农户合作社可以依章程从本年度盈余里提留公积金，用来弥补亏损、扩大经营。

第二条 按交易额向成员返还的盈余，合计至少占可分配盈余的百分之六十；余下部分依成员出资额和公积金份额分给成员。
"""

BALANCES = f"""# 示例对外收支申报办法（测试样例）

1995年8月30日示例省人民政府批准
1995年9月14日示例省金融管理局发布

<!-- INFO END -->

{NOTE}

第二条 对外收支申报的范围为本省居民与境外居民之间的一切经济交易，以及本省居民持有的境外金融资产和负债。

第五条 示例省外汇管理处组织对外收支申报工作并监督检查，汇总、发布对外收支情况，起草本办法的操作细则，印制申报表格。
"""

PRICING = f"""# 示例商品标价条例（测试样例）

1988年9月11日 示例省人民政府发布

<!-- INFO END -->

{NOTE}

第一条 经营者不得有下列价格违法行为：
（一）不按规定明码标价；
（二）在标价之外加价出售商品。

第二条 对有前条行为之一的，价格检查所应当根据情节按照下列规定处罚：
（一）通报批评；
（二）没收非法所得；
（三）处以五千元以下罚款。

第三条 对拒缴罚款或者非法所得的，价格检查所可以商请其开户银行直接扣划；没有银行账户的，可以变卖其商品抵缴。
"""


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for title, text in (("示例公共机构资产管理条例", ASSETS), ("示例公营工厂法", FACTORIES),
                        ("示例拍卖人员管理办法", AUCTIONS), ("示例农户合作社条例", COOPERATIVES),
                        ("示例对外收支申报办法", BALANCES), ("示例商品标价条例", PRICING)):
        (folder / f"{title}（测试样例）.md").write_text(text, encoding="utf-8")
    return folder
