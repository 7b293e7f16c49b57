"""Place names a question or a title may carry: provinces, province-level cities and the big
cities that make rules of their own."""
from __future__ import annotations

REGIONS: tuple[str, ...] = tuple(
    "北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 四川 贵州 "
    "云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门 深圳 广州 杭州 南京 苏州 成都 武汉 西安 青岛 厦门 "
    "宁波 大连 沈阳 长沙 郑州 济南 合肥 福州 昆明 南宁 哈尔滨 长春 石家庄 太原 南昌 贵阳 兰州 海口 银川 西宁 乌鲁木齐 "
    "拉萨 呼和浩特 东莞 佛山 无锡 温州 珠海 雄安".split()
)


def regions_in(text: str) -> list[str]:
    """The places named in `text` (already folded), longest names only (内蒙古, not 蒙古)."""
    found = [r for r in REGIONS if r in text]
    return [r for r in found if not any(r != o and r in o for o in found)]
