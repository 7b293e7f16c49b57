"""Place names a question or a title may carry: provinces, province-level cities and the big
cities that make rules of their own."""
from __future__ import annotations

PROVINCES: tuple[str, ...] = tuple(
    "北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 四川 贵州 "
    "云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门".split()
)
REGIONS: tuple[str, ...] = PROVINCES + tuple(
    "深圳 广州 杭州 南京 苏州 成都 武汉 西安 青岛 厦门 "
    "宁波 大连 沈阳 长沙 郑州 济南 合肥 福州 昆明 南宁 哈尔滨 长春 石家庄 太原 南昌 贵阳 兰州 海口 银川 西宁 乌鲁木齐 "
    "拉萨 呼和浩特 东莞 佛山 无锡 温州 珠海 雄安".split()
)


# Place → words that hold its name but mean something else (冲上海滩 is 冲上 + 海滩, 复合肥 a
# fertiliser, 入海口 an estuary, 把东西藏在… hides things).
NOT_PLACE: dict[str, tuple[str, ...]] = {
    "上海": ("冲上海", "拖上海", "推上海", "运上海", "搁上海", "开上海滩"),
    "合肥": ("复合肥", "混合肥", "配合肥"),
    "海口": ("入海口", "出海口", "河海口"),
    "西藏": ("东西藏",),
    "西安": ("东西安",),
    "成都": ("完成都", "形成都", "造成都", "构成都", "组成都", "变成都", "生成都", "达成都", "建成都", "改成都"),
    "福建": ("幸福建",),
    "河南": ("黄河南", "运河南"),
    "河北": ("黄河北", "运河北"),
    "江西": ("长江西",),
    "湖南": ("洞庭湖南", "太湖南"),
    "湖北": ("洞庭湖北", "太湖北"),
    "山西": ("太行山西",),
    "海南": ("沿海南", "近海南", "东海南", "黄海南"),
    "大连": ("大连续",),
    "雄安": ("英雄安",),
}


def regions_in(text: str) -> list[str]:
    """The places named in `text` (already folded), longest names only (内蒙古, not 蒙古)."""
    found = [r for r in REGIONS if r in text and _named(text, r)]
    return [r for r in found if not any(r != o and r in o for o in found)]


def _named(text: str, place: str) -> bool:
    for longer in NOT_PLACE.get(place, ()):
        text = text.replace(longer, "|")
    return place in text
