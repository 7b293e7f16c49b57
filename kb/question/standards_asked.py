"""What a question asks about standards: which ones (要满足哪些标准), which a document cites, of
which status (废止, 即将实施, 现行), what replaced one, for which industry or purpose."""
from __future__ import annotations

import re
from dataclasses import dataclass

# "Which standards": 要满足哪些标准, 执行什么标准, 标准有哪些, 适用的国家标准 ….
STANDARDS_LIST_RE = re.compile(
    r"(?:哪些|什么|哪几项?|哪个|何种)[^，,。？?]{0,8}?标准"
    r"|标准(?:有哪些|是哪些|是什么|有什么|清单|目录)"
    r"|(?:满足|执行|符合|达到|适用|对标|参照|依据|遵守|引用)(?:哪些|什么|哪几项?)[^，,。？?]{0,8}?标准"
)
# "Which standards does this document cite": 《…》引用了哪些标准, 涉及哪些标准.
CITED_STANDARDS_RE = re.compile(r"(?:引用|涉及|提到|列出|列了|包括|包含|规定)了?(?:哪些|什么|哪几项?)[^，,。？?]{0,6}?标准")
# The status a list of standards is asked by (哪些标准已经废止 / 即将实施 / 现行有效).
STANDARD_STATUS_PATTERNS: dict[str, re.Pattern[str]] = {
    "废止": re.compile(r"废止|作废|失效|被代替|被替代|不再有效|过期"),
    "即将实施": re.compile(r"即将实施|将要实施|尚未实施|未实施|待实施|即将生效|还没实施|还未实施"),
    "现行": re.compile(r"现行有效|现行的|现行标准|有效的标准|仍然有效"),
}
# What replaced a standard, or what it replaces.
REPLACEMENT_RE = re.compile(r"代替|替代|取代|新版|最新版|新标准|换成|被什么")

# Industries a question names, with the words documents use for them.
INDUSTRIES: dict[str, tuple[str, ...]] = {
    "造纸": ("造纸", "制浆", "纸业", "纸制品", "纸浆"),
    "钢铁": ("钢铁", "炼钢", "炼铁", "黑色金属", "焦化"),
    "有色金属": ("有色金属", "有色", "电解铝", "铝冶炼", "铜冶炼", "铅锌"),
    "水泥": ("水泥",),
    "建材": ("建材", "建筑材料", "平板玻璃", "陶瓷"),
    "石化化工": ("石化", "化工", "石油化工", "化学原料"),
    "纺织": ("纺织", "印染", "化纤"),
    "电子": ("电子", "电子信息", "半导体", "电器"),
    "机械": ("机械", "装备制造"),
    "汽车": ("汽车",),
    "轻工": ("轻工", "食品", "家用电器"),
    "医药": ("医药", "制药"),
    "电力": ("电力", "火电", "发电"),
    "数据中心": ("数据中心",),
}
# What a standard is needed for (申报绿色工厂, 清洁生产审核 …), with the words documents use.
PURPOSES: dict[str, tuple[str, ...]] = {
    "绿色工厂": ("绿色工厂",),
    "绿色设计产品": ("绿色设计产品", "绿色产品"),
    "绿色供应链": ("绿色供应链",),
    "绿色园区": ("绿色园区", "绿色工业园区"),
    "清洁生产": ("清洁生产",),
    "能耗限额": ("能耗限额", "能源消耗限额", "单位产品能耗", "能效"),
    "污染物排放": ("排放标准", "污染物排放"),
    "碳排放": ("碳排放", "温室气体", "碳足迹"),
}


@dataclass(frozen=True)
class StandardsAsk:
    """What a question asks about standards (the numbers it names are ParsedQuestion.standard_refs)."""

    which: bool = False  # asks which standards (apply, are listed)
    cited: bool = False  # asks which standards a document cites (《…》引用了哪些标准)
    status: str = ""  # 废止 | 即将实施 | 现行: the standards of that status are asked for
    replacement: bool = False  # what replaced a standard (被什么代替)
    industries: tuple[str, ...] = ()  # keys of INDUSTRIES
    purposes: tuple[str, ...] = ()  # keys of PURPOSES


def _named(text: str, vocab: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    return tuple(key for key, words in vocab.items() if any(w in text for w in words))


def standards_ask_of(text: str) -> StandardsAsk:
    """The standards facet of a question (`text`: normalised, as written)."""
    which = bool(STANDARDS_LIST_RE.search(text))
    status = ""
    if which or "标准" in text:
        status = next((s for s, pat in STANDARD_STATUS_PATTERNS.items() if pat.search(text)), "")
    return StandardsAsk(which, bool(CITED_STANDARDS_RE.search(text)), status, bool(REPLACEMENT_RE.search(text)),
                        _named(text, INDUSTRIES), _named(text, PURPOSES))
