"""Everyday words → the words Chinese legal and official texts use for the same thing.

A factory manager asks about 老板, 环保局, 叉车 and 偷电; the texts say 主要负责人, 生态环境主管
部门, 特种设备 and 窃电. The lexical retriever and the topic measures look for both. Entries are
general domain knowledge of Chinese administrative and industrial language, grouped by kind
(the tables are in kb.question.lexicon_data); an entry adds words, it never replaces what the
user wrote. (Entries were written from the domain, not from any question set, so that the
measured figures stay honest; every legal word was checked to occur in statute text.)

A key is found by substring, so a short key can sit inside a longer, different word: 行车 (an
overhead crane) inside 自行车, 行标 (行业标准) inside 执行标准, 业主 inside 行业主管部门.
`NOT_INSIDE` lists, per key, the longer words where it does not apply; those words are blanked
out before the key is looked for, so 自行车和行车 still finds the second 行车.
"""
from __future__ import annotations

from kb.question.lexicon_data import (
    ACTORS, AIR_NOISE, ASKING, AUTHORITIES, CHEMICALS_FIRE, COAL_MINES, CONDUCT, EIA_PERMITS,
    ENERGY_POWER, GROUPS, OCCUPATIONAL_HEALTH, PENALTIES, SPECIAL_EQUIPMENT, STANDARDS_QUALITY,
    TAX_FEES, TERMS, THINGS, TIME, WASTE_SOIL, WATER, WORK_SAFETY,
)

__all__ = [
    "ACTORS", "AIR_NOISE", "ASKING", "AUTHORITIES", "CHEMICALS_FIRE", "COAL_MINES", "CONDUCT",
    "EIA_PERMITS", "ENERGY_POWER", "GROUPS", "LEXICON", "NOT_INSIDE", "OCCUPATIONAL_HEALTH",
    "PENALTIES", "SHORT_KEYS", "SPECIAL_EQUIPMENT", "STANDARDS_QUALITY", "TAX_FEES", "TERMS",
    "THINGS", "TIME", "WASTE_SOIL", "WATER", "WORK_SAFETY", "legal_words",
]

LEXICON: dict[str, str] = {k: v for group in GROUPS.values() for k, v in group.items()}

# Keys are at least two characters; these older one-character keys are kept on purpose.
SHORT_KEYS = frozenset({"钱"})

# Key → longer words that contain it but mean something else.
NOT_INSIDE: dict[str, tuple[str, ...]] = {
    # Things and equipment
    "行车": ("自行车", "运行车", "银行车", "进行车", "执行车", "通行车", "步行车", "人行车", "试行车",
             "发行车", "旅行车", "单行车", "逆行车", "路行车", "行车道", "行车证", "行车记录", "行车路线",
             "行车速度", "行车事故", "行车瞭"),
    "天车": ("天车间", "天车辆", "天车主", "天车票"),
    "电工": ("电工程", "电工作", "电工业", "电工具"),
    "外包": ("外包装",),
    "体检": ("尸体检", "具体检", "整体检", "主体检", "个体检", "团体检", "液体检", "气体检", "水体检",
             "载体检", "物体检", "实体检", "媒体检"),
    "自检": ("来自检", "各自检", "亲自检", "独自检", "擅自检"),
    "水井": ("污水井", "雨水井", "排水井", "注水井", "废水井", "渗水井"),
    "抽水": ("抽水蓄能",),
    "断电": ("判断电", "截断电", "中断电", "诊断电", "垄断电", "间断电", "切断电"),
    "煤气": ("高炉煤气", "焦炉煤气", "转炉煤气"),
    "液化气": ("液化气体",),
    "风电": ("通风电", "排风电", "吹风电"),
    "新能源": ("新能源汽车", "新能源车"),
    "违章": ("违章建", "违章搭", "违章加建", "违章停", "违章驾驶", "违章通行"),
    "安全科": ("安全科学", "安全科技", "安全科普"),
    # Standards and quality
    "行标": ("执行标", "进行标", "现行标", "实行标", "通行标", "履行标", "银行标", "发行标", "运行标",
             "试行标", "施行标", "行标志", "行标识"),
    "国标": ("全国标", "共和国标", "美国标", "英国标", "德国标", "法国标", "外国标", "各国标", "本国标",
             "他国标", "韩国标"),
    "地标": ("产地标", "用地标", "地标明", "地标示", "地标注", "实地标", "湿地标", "基地标", "场地标",
             "工地标", "土地标", "占地标", "绿地标", "耕地标", "林地标", "草地标", "地标建筑", "地标性",
             "地标志", "地标识", "地标记"),
    "强标": ("加强标", "增强标"),
    "能效": ("节能效益", "性能效", "功能效", "智能效"),
    "能评": ("性能评", "功能评", "效能评", "智能评", "技能评", "职能评", "动能评"),
    "质检": ("水质检", "素质检", "纸质检", "体质检", "土质检", "地质检", "气质检", "性质检", "实质检",
             "物质检", "介质检"),
    "强检": ("加强检", "增强检"),
    "送检": ("移送检",),
    # People
    "法人": ("非法人", "执法人", "违法人", "司法人", "立法人", "合法人", "守法人", "方法人"),
    "员工": ("动员工", "人员工", "务员工", "船员工", "成员工", "会员工", "党员工", "委员工", "学员工",
             "队员工", "官员工"),
    "职工": ("本职工", "专职工", "兼职工", "履职工", "尽职工", "任职工"),
    "业主": ("业主管", "企业主", "事业主", "产业主", "专业主", "就业主", "作业主", "营业主"),
    "企业主": ("企业主要", "企业主管", "企业主体", "企业主张"),
    "临时工": ("临时工作",),
    "群众": ("群众性",),
    "区政府": ("行政区政府", "自治区政府", "地区政府"),
    "市政府": ("直辖市政府",),
    # Waste, water, air
    "垃圾": ("垃圾短信", "垃圾邮件", "垃圾信息"),
    "洋垃圾": ("海洋垃圾",),
    "废品": ("废品率",),
    "联单": ("互联单",),
    "存放": ("贮存放",),
    "扰民": ("干扰民",),
    # Money, conduct, penalties, time
    "交税": ("交税务", "提交税"),
    "少交": ("减少交",),
    "补贴": ("反补贴",),
    "换证": ("交换证", "偷换证", "转换证"),
    "办证": ("办证券",),
    "无证": ("无证明", "无证据", "无证券"),
    "没证": ("没证据", "没证明"),
    "没报": ("没报名", "没报销", "没报道"),
    "造假": ("制造假",),
    "出事": ("突出事", "提出事", "作出事", "做出事", "杰出事", "支出事", "指出事", "输出事", "超出事",
             "列出事"),
    "罚单": ("罚单位",),
    "罚没": ("罚没有",),
    "关停": ("有关停", "相关停", "机关停"),
    "过期": ("超过期", "通过期", "经过期", "越过期"),
    "年报": ("每年报", "当年报", "上年报", "去年报", "今年报", "明年报", "逐年报"),
}


def _mentions(text: str, key: str) -> bool:
    """Whether `text` uses `key` itself, not only inside one of its NOT_INSIDE words."""
    for longer in NOT_INSIDE.get(key, ()):
        text = text.replace(longer, "|")
    return key in text


def legal_words(text: str) -> list[str]:
    """The documents' words for the everyday words in `text` (not those already written).

    Keys are matched case-blind for Latin letters (3c, voc)."""
    folded = text.upper()
    out: list[str] = []
    for everyday, legal in LEXICON.items():
        if everyday in folded and _mentions(folded, everyday):
            for w in legal.split():
                if w not in text and w not in out:
                    out.append(w)
    return out
