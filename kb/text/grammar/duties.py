"""Duties and sanctions: obligation words, deadlines and frequencies, energy and water thresholds,
the authorities a duty is owed to, fines and their bounds; and the quantity reader.
"""
from __future__ import annotations

import re

from kb.text.grammar.fragments import NUM, number
from kb.text.numerals import CN_NUM_CHARS, to_halfwidth_digits

QTY = rf"[0-9０-９.]+[千万亿]?|[{CN_NUM_CHARS}]+"
"""A quantity as the sanctions and thresholds write it: 20万, 5千, 3.5万, 一万, 五千 (read: `quantity`)."""

OBLIGATION_RE = re.compile(r"应当|必须|不得|禁止|严禁")
"""The words that make a sentence a duty or a prohibition."""

FORBID_LEAD_RE = re.compile(r"^(?:禁止|严禁)")
"""A prohibition without a subject (禁止生产…): it binds everyone."""

DEADLINE_DUTY_RE = re.compile(rf"(?:于|在)每年{NUM}月(?:{NUM}日|底|末)?(?:之)?前[^，。；]{{0,30}}(?:报送|提交|报告|公布|公开|申报)")
"""A prescribed act with a deadline and no 应当 (…单位在每年3月底前向…报送…)."""

ENERGY_THRESHOLD_RE = re.compile(
    rf"年(?:综合)?能源消费(?:总)?量(?P<lo>{QTY})吨(?:标准煤)?以上(?:不满|不足|至)?(?:(?P<hi>{QTY})吨(?:标准煤)?(?:以下)?)?"
)
"""年综合能源消费总量五千吨以上不满一万吨标准煤 / …一万吨标准煤以上: groups lo, hi (tce)."""

WATER_THRESHOLD_RE = re.compile(rf"年(?:用|取)水(?:总)?量(?P<lo>{QTY})立方米以上")
"""年用水量十万立方米以上: group lo (m³)."""

FREQUENCY_RE = re.compile(rf"每(?:{NUM})?(?:个)?(?:年|季度|半年|月|周)(?:{NUM}次)?|定期")
"""每年 / 每季度 / 每三年 / 定期: how often a duty recurs."""

DEADLINE_RE = re.compile(
    rf"每年{NUM}月(?:{NUM}日|底|末)?(?:之)?前|(?:自|在)[^，。；、]{{0,16}}?之日起{NUM}(?:个工作|个)?日内"
    rf"|[^，。；、应当于]{{0,12}}届满{NUM}日前|(?:立即|及时)(?=[\u4e00-\u9fff])"
)
"""每年3月底前 / 自变更之日起30日内 / 有效期届满60日前 / 立即: by when a duty is due."""

AUTHORITY_TO_RE = re.compile(
    r"(?:向|报(?=[^，。；]{2,30}?备案))(?P<who>[^，。；向]{2,40}?(?:部门|机关|机构|人民政府|平台))(?:和[^，。；]{2,24}?部门)?"
)
"""向…部门报送 / 报…部门备案: the authority a duty is owed to."""

AUTHORITY_BY_RE = re.compile(r"由(?P<who>[^，。；由]{2,40}?(?:部门|机关|机构|人民政府|海关))")
"""由…部门责令 / 处: the authority that imposes a sanction."""

SANCTION_RE = re.compile(r"罚款|责令|吊销|没收|警告|拘留|处分|处罚|撤销|追究[^，。；]{0,12}责任|停产整治|停业|关闭|不予受理")
"""What a penalty clause imposes."""

FINE_RE = re.compile(r"处(?P<amount>[^，。；处]{1,40}?)的?罚款")
"""处一万元以上五万元以下罚款 / 处每次5千元以上2万元以下的罚款: group amount."""

FINE_BOUND_RE = re.compile(rf"(?P<n>{QTY})元(?P<side>以上|以下)")
"""One bound of a fine: 一万元以上 / 20万元以下."""

ESCALATION_RE = re.compile(r"^(?:逾期|拒不|情节严重|情节特别严重|造成|有违法所得|构成犯罪|并处|可以并处)")
"""A clause that continues a sanction (逾期不改正的，处…) rather than naming a new conduct."""



def quantity(text: str) -> float | None:
    """'20万' → 200000, '5千' → 5000, '3.5万' → 35000, '一万' → 10000, '五千' → 5000; None if unreadable."""
    t = to_halfwidth_digits((text or "").strip())
    m = re.fullmatch(r"([0-9.]+)([千万亿]?)", t)
    if m:
        try:
            return float(m.group(1)) * {"": 1, "千": 1e3, "万": 1e4, "亿": 1e8}[m.group(2)]
        except ValueError:
            return None
    n = number(t)
    return float(n) if n is not None else None
