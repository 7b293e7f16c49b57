"""Duties as data (kb.registers.duties) over invented documents: subject, conditions, deadline,
frequency, authority; penalties linked to the duty they enforce by reference, by 款, by range
and by matching conduct; the definition of 重点用能单位 by thresholds."""
from __future__ import annotations

import pytest

from tests.duties_index import CITY, build, doc_id, registers


@pytest.fixture(scope="module")
def reg(tmp_path_factory):
    from kb.registers.duties import DutyRegister

    regs = registers(build(tmp_path_factory.mktemp("duties")))
    return regs, DutyRegister.of(regs), doc_id(regs, CITY)


def _one(register, doc, locator, para=1):
    (d,) = [d for d in register.duties_of(doc, locator) if d.paragraph == para]
    return d


def test_duty_fields(reg):
    _, r, city = reg
    d = _one(r, city, "第三条")
    assert (d.subject, d.subject_kind, d.deadline, d.frequency, d.authority) == (
        "重点用能单位", "key_energy", "每年三月三十一日前", "每年", "市节能主管部门")
    designated = _one(r, city, "第三条", 2)
    assert [(c.kind, c.value) for c in designated.conditions] == [("key_energy", "designated")]
    assert designated.deadline == "在指定之日起六十日内"
    water = _one(r, city, "第五条")
    assert [(c.kind, c.lo) for c in water.conditions] == [("water", 50000.0)] and water.frequency == "每年"
    permit = _one(r, city, "第六条")
    assert [(c.kind, c.value) for c in permit.conditions] == [("permit", "重点管理")]
    assert permit.deadline == "自取得排污许可证之日起三十日内" and permit.authority == "市生态环境主管部门"
    assert _one(r, city, "第七条").subject_kind == "anyone"  # 禁止… binds everyone
    assert _one(r, city, "第四条", 2).frequency == "每月"
    assert r.duties_of(city, "第九条") == []  # the 法律责任 chapter holds penalties, not duties


def _penalties(r, duty):
    return sorted((p.locator, p.fine_text) for p in r.penalties_for(duty))


def test_penalties_by_reference_paragraph_range_and_conduct(reg):
    _, r, city = reg
    assert _penalties(r, _one(r, city, "第三条")) == [("第九条", "处一万元以上三万元以下罚款")]
    assert _penalties(r, _one(r, city, "第四条", 2)) == [("第十条", "处二千元以下罚款")]  # 第四条第二款 only
    assert _penalties(r, _one(r, city, "第四条", 1)) == [("第十一条", "处五千元以上一万元以下罚款")]  # by conduct
    assert _penalties(r, _one(r, city, "第五条")) == _penalties(r, _one(r, city, "第六条")) == [
        ("第十二条", "处二千元以上一万元以下罚款")]  # 第五条至第六条
    assert [p.locator for p in r.penalties_for(_one(r, city, "第七条"))] == ["第十三条"]
    (p9,) = r.penalties_of(city, "第九条")
    assert p9.authority == "市节能主管部门" and p9.fines[0]["lo"] == 10000 and p9.fines[0]["hi"] == 30000
    assert [(d.locator, d.paragraph) for d in r.enforced_by(p9)] == [("第三条", 1), ("第三条", 2)]


def test_key_energy_rule_from_the_definition(reg):
    _, r, city = reg
    rule = r.key_energy_rule(city)
    assert rule.locator == "第二条"
    assert [(a["lo"], a["hi"], a["designated"]) for a in rule.alternatives] == [(3000.0, None, False), (1000.0, 3000.0, True)]


@pytest.mark.parametrize("text, subject, kinds", [
    ("示例许可证有效期届满，排污单位需要继续向示例河排水的，", "排污单位", ["trigger", "trigger"]),
    ("对按排污许可简化管理的示例排污单位，审批部门", "部门", ["permit"]),
    ("年综合能源消费总量二千吨以上不满六千吨标准煤的用能单位，除示例部门指定的重点用能单位外，", "用能单位", ["key_energy", "energy"]),
    ("列入前款规定名单的企业，", "企业", ["listed"]),
    ("钢铁、水泥行业的企业，", "企业", ["industry"]),
    ("申报绿色工厂的企业，", "企业", ["green_factory"]),
    ("企业事业单位和其他生产经营者涉及示例保密事项的，其排污许可等", "企业事业单位和其他生产经营者", ["unknown"]),
    ("达不到示例节能标准的项目，建设单位", "建设单位", []),
    ("在示例省设立的小微企业扶持资金中，", None, ["trigger"]),  # where, not who
    # operators, units and holders of laws outside energy and pollution are parties too
    ("示例通信业务经营者提供基础通信服务时，", "经营者", ["unknown"]),
    ("因示例政策调整确需增加投资概算的，项目单位", "单位", []),
    ("示例船舶所有人", "所有人", []),
])
def test_subject_and_conditions(text, subject, kinds):
    from kb.registers.conditions import conditions_of, subject_of

    s = subject_of(text)
    assert (s.word if s else None) == subject
    assert sorted(c.kind for c in conditions_of(text, s)) == sorted(kinds)


def test_the_modal_that_binds_the_subject_and_parties_left_out_of_conduct_matching():
    from kb.registers.duties import read_duties
    from kb.registers.penalties import pairs
    from kb.registers.references import article_lines

    (d,) = read_duties("第五十六条", article_lines("对需要编写示例评估书的项目，建设单位应当在编写时听取周边居民的意见。"), None)
    assert (d["subject"], d["modal"]) == ("建设单位", "应当")
    (other,) = read_duties("第六条", article_lines("企业事业单位应当防止污染。\n公民应当爱护示例河。")[1:], None)
    assert other["subject_kind"] == "other"
    assert pairs("企业事业单位和其他生产经营者超标排放示例废水") == pairs("超标排放示例废水")


def test_a_conduct_breaking_two_clauses_of_one_paragraph_is_linked_to_it():
    """未对职工进行培训，分配职工上岗作业的 breaks both clauses of 必须对职工进行培训；未经培训的，不得
    上岗作业: neither clause alone holds enough of its words, the paragraph does. A long paragraph
    does not: it holds the words of many conducts together."""
    from kb.registers.penalties import PenaltyUnit, link_penalties

    def duty(locator, para, clause, text):
        return {"locator": locator, "para": para, "clause": clause, "text": text, "content": clause,
                "subject_kind": "enterprise", "transitional": False}

    text = "示例企业必须对职工进行安全教育、培训；未经安全教育、培训的，不得上岗作业。"
    duties = [duty("第六条", 1, "示例企业必须对职工进行安全教育、培训；", text),
              duty("第六条", 1, "未经安全教育、培训的，不得上岗作业。", text),
              duty("第七条", 1, "示例企业必须向职工发放劳动防护用品。", "示例企业必须向职工发放劳动防护用品。")]
    unit = PenaltyUnit("第二十条", 1, 1, "", "未对职工进行安全教育、培训，分配职工上岗作业的", "处罚款")
    link_penalties([unit], duties, {"第六条": 1, "第七条": 1, "第二十条": 1}, ["第六条", "第七条", "第二十条"])
    assert [(e["locator"], e["how"]) for e in unit.enforces] == [("第六条", "conduct")]
    # the same words spread over a paragraph of many clauses link nothing
    many = [duty("第八条", 1, c, "") for c in ("示例企业必须对职工进行安全教育；", "培训应当每年一次；",
                                            "职工应当遵守规程；", "分配任务应当书面记录；", "上岗前应当体检。")]
    unit = PenaltyUnit("第二十条", 1, 1, "", "未对职工进行安全教育、培训，分配职工上岗作业的", "处罚款")
    link_penalties([unit], many, {"第八条": 1, "第二十条": 1}, ["第八条", "第二十条"])
    assert unit.enforces == []
