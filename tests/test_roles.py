"""The role of a passage (kb.text.roles): which passages set a penalty, and which conducts they
punish. Search's second stage ranks a penalty question's candidates by it, and a penalty answer
that already leads with a penalty is not swapped for the penalty linked to a duty.

The passages are invented (示例, 测试样例); their shapes are those of real penalty articles.
"""
from __future__ import annotations

import pytest

from kb.text.roles import Role, conducts_of, roles

# (passage, is a penalty)
PENALTY_ROWS = [
    # the usual shape: a breach named, then the sanction
    ("第八条 违反本法第三条规定，未报送能源利用状况报告的，由示例节能主管部门责令限期补报，处一万元罚款。", True),
    ("第九条 有下列行为之一的，由示例县应急管理部门处十万元以上五十万元以下罚款：（一）谎报事故的；", True),
    # the conduct named without 违反 / 未按照: the sanction follows 的，
    ("第十条 示例单位的其他负责人未履行本法规定的管理职责的，责令限期改正，处一万元以上三万元以下的罚款。", True),
    ("第十一条 销售失效、变质的示例产品的，责令停止销售，没收违法销售的产品，并处货值金额二倍以下的罚款。", True),
    ("第十二条 无配额许可证生产示例物质的，由示例主管部门责令停止违法行为，没收用于违法生产的原料、违法生产的"
     "示例物质和违法所得，拆除、销毁用于违法生产的设备、设施，并处一百万元以上五百万元以下的罚款。", True),
    ("第十三条 示例单位的公职人员滥用职权、玩忽职守的，依法给予处分。", True),
    # a pointer to the rule that punishes it
    ("第十四条 示例单位发生事故，其主要负责人不立即组织救援的，依照《示例事故报告条例》的规定处罚。", True),
    # fines in steps, without 的，
    ("第十五条 发生事故，对负有责任的单位除要求其承担赔偿责任外，依照下列规定处以罚款：（一）发生一般事故，处十万元罚款；", True),
    # sanctions without a fine: a warning, a permit taken away
    ("第二十条 示例作业单位把作业设备借给他人使用的，由示例气象主管机构给予警告，可以暂停其作业资格。", True),
    ("第二十一条 示例林场有下列行为之一，自检查之日起两个月内仍不纠正的，发证部门可以收缴其采伐许可证，"
     "停止其采伐作业：（一）不按规定清理采伐迹地的；", True),
    # a warning sign is no warning given
    ("第二十二条 交通警察设点执勤，应当在距离执勤点二百米以外摆放发光或者反光的警告标志。", False),
    # 罚款 mentioned by a rule that punishes no conduct
    ("第十六条 罚款、没收的违法所得依法上缴国库。", False),
    ("第十七条 对单位的罚款，一律从其自有资金中支付，不得列入成本。", False),
    ("第十八条 示例主管部门在作出较大数额罚款的处罚决定前，应当告知当事人有要求举行听证的权利。", False),
    ("第十九条 重点用能单位应当每年报送能源利用状况报告。", False),
]


@pytest.mark.parametrize("text,penalty", PENALTY_ROWS, ids=[r[0][:5] for r in PENALTY_ROWS])
def test_a_penalty_is_a_sanction_after_the_conduct_it_punishes(text: str, penalty: bool) -> None:
    assert (Role.PENALTY in roles(text)) is penalty


def test_the_conduct_of_a_penalty_without_breach_words_is_what_comes_before_the_sanction() -> None:
    text = "第十条 示例单位的其他负责人未履行本法规定的管理职责的，责令限期改正，处一万元以上三万元以下的罚款。"
    assert conducts_of(text) == ["第十条 示例单位的其他负责人未履行本法规定的管理职责"]


def test_a_duty_that_names_its_penalty_plays_both_roles() -> None:
    text = "第二十条 示例单位应当在三十日内补报；逾期不补报的，处五千元罚款。"
    assert {Role.DUTY, Role.PENALTY} <= roles(text)
