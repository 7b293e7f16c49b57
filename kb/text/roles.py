"""The role of a passage in a legal or official text: does it define a term, impose a duty,
prohibit, set a penalty, or say who decides and how?

A question about a penalty wants the article that sets the penalty for the conduct asked
about, a question about a term wants its definition, a "may we …" question wants the duty or
the prohibition — not a definition that merely contains the words. `roles(text)` gives the
roles a passage plays, read from the wording every Chinese legal text uses for them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
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
    # (…所称废弃电器电子产品的处理活动，是指: the term at the end of the name defined)
    return re.compile(rf"{t}[，,]?[^。；，]{{0,8}}?[，,]?(?:是指|指的是)|所称{t}")


def roles(text: str) -> frozenset[Role]:
    """The roles a passage plays. A penalty passage needs a sanction and a breach
    (违反…/有下列行为之一…/未按照…, or a conduct ending in 的， before the sanction) — a duty that
    mentions 罚款 in passing (罚款上缴国库) is not one."""
    found = {r for r, pat in ROLE_PATTERNS.items() if pat.search(text)}
    if (_SANCTION.search(text) and _BREACH.search(text)) or _SANCTION_AFTER_CONDUCT.search(text):
        found.add(Role.PENALTY)
    return frozenset(found)


# A credential a conduct lacks — the commonest conduct a penalty punishes (未取得…处理资格擅自从事…,
# 未经批准…, 无证…), which a question words its own way (没有拿到处理资格, 没办过什么许可, 没证). Each
# noun is of a kind: a question without a permit meets a penalty for acting without a permit, not
# one for acting without an approval.
_CREDENTIAL_KIND = {
    "资格": "qualification", "资质": "qualification",
    "许可证": "permit", "许可": "permit", "执照": "permit", "证照": "permit", "证书": "permit", "证": "permit",
    "批准": "approval", "批复": "approval", "批文": "approval", "审批": "approval",
    "备案": "filing", "登记": "filing",
}
_LACKING = re.compile(
    r"(?:没有|没|未经|未|无|不具备|不具有)(?:依法|按照?规定|按照国家规定)?"
    r"(?:拿到|取得|办理|办|申请|申领|领取|领|持有|获得)?(?:过|到)?(?:什么|任何|相关|相应|有效)?"
    # (未按照倾倒许可证的规定倾倒: breaking the credential's terms, not lacking it)
    r"(?!按照|依照|按|依|遵守|执行|履行|违反)([^，。；！？、,.;!?]{0,24}?)(" + "|".join(sorted(_CREDENTIAL_KIND, key=len, reverse=True)) + ")"
)


@dataclass(frozen=True)
class Lacked:
    """A credential a conduct lacks: its kind and the words naming it (处理 of 处理资格)."""

    kind: str
    name: str


def credentials_lacked(text: str) -> list[Lacked]:
    """The credentials `text` says are lacking (未取得…许可证, 没有拿到…资格)."""
    return [Lacked(_CREDENTIAL_KIND[m.group(2)], m.group(1).strip("的《》“”")) for m in _LACKING.finditer(text)]


def lacks_same_credential(asked: list[Lacked], conduct: str) -> bool:
    """Whether `conduct` is acting without a credential of the kind and name asked (没有拿到处理资格
    meets 未取得废弃电器电子产品处理资格, not 未取得经营许可证)."""
    named = [w for w in asked if len(w.name) >= 2]  # 没办过什么许可 says too little: any permit of any law
    for have in credentials_lacked(conduct):
        for want in named:
            name = _bigrams(want.name)
            if want.kind == have.kind and len(name & _bigrams(have.name)) * 2 >= len(name):
                return True
    return False


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


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


# The kinds of party a clause may open with (社会团体、企业制定的标准…; 国务院有关行政主管部门…).
_PARTY = re.compile(r"企业|公司|单位|机构|经营者|生产者|销售者|个人|社会团体|主管部门|人民政府|机关")


def opening_parties(text: str) -> set[str]:
    """The kinds of party the first clause of `text` names."""
    return set(_PARTY.findall(re.split(r"[，,；;。]", text, maxsplit=1)[0]))


# The parties a penalty article opens with, by name (重点排放单位有下列情形之一的, 技术服务机构出具…的,
# 土壤污染责任人或者土地使用权人有下列行为之一的 — both; 受委托从事…、…评估活动的单位).
_PARTY_NAME = (r"[\u4e00-\u9fff][\u4e00-\u9fff、]{0,47}?"
               r"(?:单位|机构|企业|经营者|生产者|销售者|公司|个人|责任人|使用权人)")
_OPENING_PARTY = re.compile(
    r"^(?:第[一二三四五六七八九十百零〇\d]+条\s*)?(?:违反本(?:法|条例|办法|规定)(?:的)?规定[，,])?"
    rf"({_PARTY_NAME})(?:或者({_PARTY_NAME}))?[，,]?"
    r"(?=有下列|未|不|违反|出具|在|擅自|拒|将|从事|使用|伪造|篡改|弄虚作假)")


def opening_parties_named(text: str) -> tuple[str, ...]:
    """The parties an article's text opens with, by name (() when it opens otherwise); a heading
    before the article's label is skipped."""
    m = _OPENING_PARTY.match(re.sub(r"^.*?(?=第[一二三四五六七八九十百零〇\d]+条)", "", text.lstrip(), count=1))
    return tuple(g for g in m.groups() if g) if m else ()
