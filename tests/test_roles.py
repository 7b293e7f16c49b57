"""What role a passage plays (kb.text.roles): a penalty needs a sanction and a breach; a conduct
the statute names by itself (盗用示例能源的，由…责令…) is a breach too. Invented sentences."""
from __future__ import annotations

import pytest

from kb.text.roles import Role, roles


@pytest.mark.parametrize("text, penalty", [
    ("违反本条例第八条规定的，由示例县应急管理部门处五万元以上二十万元以下罚款。", True),
    ("盗用热能的，由示例县供热主管部门责令停止违法行为，追缴热费，并处应交热费三倍以下的罚款。", True),
    ("伪造示例证书的，由示例市场监管部门没收违法所得，处一万元以下罚款。", True),
    ("排污单位应当按时缴纳示例排污费，罚款收入全部上缴财政。", False),  # mentions 罚款 in passing
    ("重大事故由示例省人民政府负责调查，由调查组提出处理意见。", False),
    ("示例热费由用户按月缴纳，由供热企业开具票据。", False),
])
def test_penalty_role(text, penalty):
    assert (Role.PENALTY in roles(text)) is penalty, roles(text)
