"""Everyday words → the words Chinese legal and official texts use for the same thing.

A factory manager asks about 老板, 环保局, 叉车 and 偷电; the texts say 主要负责人, 生态环境主管
部门, 特种设备 and 窃电. The lexical retriever and the topic measures look for both. Entries are
general domain knowledge of Chinese administrative and industrial language, grouped by kind
(the tables are in kb.question.lexicon_data); an entry adds words, it never replaces what the
user wrote. (Entries were written from the domain; a few were added for misses of question sets
that had been read — 绕过, 作弊, 烧荒, 扔烟头, 不服 → 有异议 — and eval/questions/README.md says so
where it reports those sets, whose figures are then in-sample. Every legal word occurs in statute
text.)

The table is deliberately small. A blind-written table of 498 entries was measured against it
(issue 14 note): no change on the blind third set (dev3), one to two fewer right leads on each
development set, because added words also pull the dense query and the second stage towards
passages that merely share them (油漆 → 涂料 → the rules on coatings, not on storing them).

A key is found by substring, so a short key can sit inside a longer, different word: 法人
inside 执法人员, 业主 inside 行业主管部门, 出事 inside 提出事故. `NOT_INSIDE` lists, per key,
the longer words where it does not apply; those words are blanked out before the key is looked
for, so 执法人员和法人 still finds the second 法人.
"""
from __future__ import annotations

from kb.question.lexicon_data import GROUPS

__all__ = ["GROUPS", "LEXICON", "NOT_INSIDE", "SHORT_KEYS", "legal_words"]

LEXICON: dict[str, str] = {k: v for group in GROUPS.values() for k, v in group.items()}

# Keys are at least two characters; these older one-character keys are kept on purpose.
SHORT_KEYS = frozenset({"钱"})

# Key → longer words that contain it but mean something else.
NOT_INSIDE: dict[str, tuple[str, ...]] = {
    # People
    "法人": ("非法人", "执法人", "违法人", "司法人", "立法人", "合法人", "守法人", "方法人"),
    "员工": ("动员工", "人员工", "务员工", "船员工", "成员工", "会员工", "党员工", "委员工", "学员工",
             "队员工", "官员工"),
    "职工": ("本职工", "专职工", "兼职工", "履职工", "尽职工", "任职工"),
    "业主": ("业主管", "企业主", "事业主", "产业主", "专业主", "就业主", "作业主", "营业主"),
    # Nuisance, money, conduct
    "扰民": ("干扰民",),
    "补贴": ("反补贴",),
    "无证": ("无证明", "无证据", "无证券"),
    "没证": ("没证据", "没证明"),
    "没报": ("没报名", "没报销", "没报道"),
    "造假": ("制造假",),
    "年报": ("每年报", "当年报", "上年报", "逐年报", "按年报", "全年报", "本年报", "次年报", "同年报"),
    "出事": ("突出事", "提出事", "作出事", "做出事", "杰出事", "支出事", "指出事", "输出事", "超出事",
             "列出事"),
}


def _mentions(text: str, key: str) -> bool:
    """Whether `text` uses `key` itself, not only inside one of its NOT_INSIDE words."""
    for longer in NOT_INSIDE.get(key, ()):
        text = text.replace(longer, "|")
    return key in text


def glosses(text: str) -> list[tuple[str, list[str]]]:
    """(everyday word, the documents' words for it not already written) for each everyday word in
    `text`. Keys are matched case-blind for Latin letters (3c, voc)."""
    folded = text.upper()
    return [(everyday, [w for w in legal.split() if w not in text])
            for everyday, legal in LEXICON.items() if everyday in folded and _mentions(folded, everyday)]


def legal_words(text: str) -> list[str]:
    """The documents' words for the everyday words in `text` (not those already written)."""
    return list(dict.fromkeys(w for _, words in glosses(text) for w in words))
