"""The role of a passage in a legal or official text: does it define a term, impose a duty,
prohibit, set a penalty, or say who decides and how?

A question about a penalty wants the article that sets the penalty for the conduct asked
about, a question about a term wants its definition, a "may we …" question wants the duty or
the prohibition — not a definition that merely contains the words. `roles(text)` gives the
roles a passage plays, read from the wording every Chinese legal text uses for them.
"""
from __future__ import annotations

import re
from enum import StrEnum


class Role(StrEnum):
    PENALTY = "penalty"  # 违反…的，由…责令改正，处…罚款
    DEFINITION = "definition"  # 本法所称…，是指…
    DUTY = "duty"  # …应当…
    PROHIBITION = "prohibition"  # 禁止… / 不得…
    PROCEDURE = "procedure"  # 由…审批 / 向…申请 / …之日起…日内
    AUTHORITY = "authority"  # …主管部门负责… / 由…确定


_SANCTION = re.compile(
    r"罚款|罚金|没收违法所得|吊销|暂扣|责令停产|责令停业|责令关闭|拘留|追究刑事责任|处分|停止营业|降低资质|取消.{0,6}资格"
    # sanctions without a fine (给予警告; 收缴林木采伐许可证，中止其采伐; 扣留职务证书; 取缔)
    r"|(?:给予|予以|处以?)警告|收缴[^。，；]{0,10}(?:许可证|证书|证件|执照)|扣留[^。，；]{0,6}(?:证书|执照|证件)|取缔"
)
# A criminal sentence (处五年以下有期徒刑或者拘役，并处罚金): what a question after criminal liability asks.
SENTENCE_SAID = re.compile(r"有期徒刑|拘役|无期徒刑|死刑|罚金")
_BREACH = re.compile(r"违反|有下列(?:行为|情形)之一|未(?:按照|依照|依法|取得|经|办理|进行|建立|设置|安装|报送)|擅自|拒不|不按|拒绝")
ROLE_PATTERNS: dict[Role, re.Pattern[str]] = {
    Role.DEFINITION: re.compile(r"(?:所称|本(?:法|条例|办法|规定)中)[^。；]{0,40}是指|[”\"]?是指[^。]{4,}|含义[是为：:]|下列用语的含义"),
    Role.DUTY: re.compile(r"应当|必须|有义务|负责"),
    Role.PROHIBITION: re.compile(r"禁止|不得|严禁"),
    Role.PROCEDURE: re.compile(r"申请|审批|批准|备案|登记|核准|许可证|之日起[^。]{0,8}日内|报送|提交"),
    Role.AUTHORITY: re.compile(r"主管部门|人民政府|负责.{0,12}(?:工作|管理|监督)|监督管理|由[^。，]{2,20}(?:确定|决定|认定|审批|批准)"),
}


# A sanction that follows the conduct it punishes in one sentence (…瞒报工资总额的，由…责令改正，并处…罚款;
# 销售失效、变质的产品的，责令停止销售…), or a pointer to the rule that punishes it
# (…不立即组织救援的，依照《…条例》的规定处罚). Many penalty articles name the conduct without 违反 or 未按照.
_SANCTION_AFTER_CONDUCT = re.compile(
    r"的[，,][^。]{0,120}?(?:" + _SANCTION.pattern + r")|的[，,][^。]{0,60}?依照[^。]{0,60}?规定(?:处罚|追究)"
    r"|依照下列规定处以?罚款"
)


def definition_of(term: str) -> re.Pattern[str]:
    """Where a passage defines `term` (X是指…, X，指的是…, 所称X), not another term of the same text."""
    t = re.escape(term)
    return re.compile(rf"{t}[，,]?[^。；，]{{0,8}}?(?:是指|指的是)|所称{t}")


def roles(text: str) -> frozenset[Role]:
    """The roles a passage plays. A penalty passage needs a sanction and a breach
    (违反…/有下列行为之一…/未按照…, or a conduct ending in 的， before the sanction) — a duty that
    mentions 罚款 in passing (罚款上缴国库) is not one."""
    found = {r for r, pat in ROLE_PATTERNS.items() if pat.search(text)}
    if (_SANCTION.search(text) and _BREACH.search(text)) or _SANCTION_AFTER_CONDUCT.search(text):
        found.add(Role.PENALTY)
    return frozenset(found)


def conducts_of(text: str) -> list[str]:
    """The conducts a penalty passage punishes, one per sentence: the text up to where the
    sanction begins (…未按照规定报送能源利用状况报告的，由…责令改正 → 未按照规定报送…), or the
    listed items of 有下列行为之一的 (each item is a conduct)."""
    out: list[str] = []
    for sent in re.split(r"(?<=。)", text):
        if not sent.strip():
            continue
        if re.search(r"下列(?:行为|情形)之一", sent):
            tail = re.split(r"[：:]", sent, maxsplit=1)
            items = tail[1] if len(tail) > 1 else ""
            out += [i for i in re.split(r"[（(][一二三四五六七八九十]+[）)]|；", items) if i.strip()]
            continue
        m = re.search(r"的[，,]\s*(?:由|处|责令|依照|依法|对|并处)", sent)
        out.append(sent[: m.start()] if m else sent)
    # items of a list that follows its intro in later lines (（一）…；（二）…)
    out += [ln for ln in re.findall(r"[（(][一二三四五六七八九十]+[）)]([^\n]+)", text) if ln not in out]
    return [c.strip() for c in out if c.strip()]
