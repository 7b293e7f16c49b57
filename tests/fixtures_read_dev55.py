"""Invented texts for tests/test_answer_read_dev55.py: a city's rules implementing a law whose header goes
on with other texts' histories, a building rule binding builders and designers beside a clause on
governments, a noise law with two ranges of fines, and a waste law whose officials are corrected by the
government above. They are test samples (测试样例), not real texts: issuers, numbers and dates are made up."""
from __future__ import annotations

NOTE = "本文件是 GreenKB 自动化测试使用的虚构样例，不是真实的法规。"


def _text(title: str, header: str, body: str) -> str:
    return f"# {title}\n\n{header}\n\n<!-- INFO END -->\n\n{NOTE}\n\n{body}\n"


CITY = _text("示例市实施《示例节能法》办法（测试样例）", """\
2031年3月1日 示例市第九届人民代表大会常委会第四次会议通过

2036年6月2日 示例市第十届人民代表大会常委会第八次会议修订

2044年9月3日 示例市第十二届人民代表大会常委会第六次会议所通过的《关于修改〈示例市实施示例节能法办法〉等五部法规的决定》修正

2032年5月7日 示例市第九届人民代表大会常委会第九次会议通过

2044年9月3日 示例市第十二届人民代表大会常委会第六次会议所通过的《关于修改〈示例市实施示例节能法办法〉等五部法规的决定》修正""", """\
第一条 为了实施《示例节能法》，结合本市实际，制定本办法。

第二条 示例市用能单位应当建立节能管理制度。""")

BUILDING = _text("示例建筑节能条例（测试样例）", "2043年2月2日 示例政务院令第43号公布", """\
第一条 为了推进示例建筑节能，制定本条例。

第二条 国家支持新建示例建筑采用太阳能等可再生能源。日照条件好的地区，当地人民政府应当采取有效措施，鼓励单位安装示例太阳能热水系统。

第三条 示例建筑有条件利用可再生能源的，建设单位应当选用适合的可再生能源，用于采暖和热水；设计单位应当依照可再生能源利用的相关标准做设计。

第四条 本条例自2043年5月1日起施行。""")

NOISE = _text("示例噪声法（测试样例）", "2044年4月4日 示例议事会第44号公布", """\
第一条 为了防治示例噪声污染，制定本法。

第二条 违反本法规定，在示例噪声敏感区域新建排放噪声的工厂的，由示例生态部门责令停止，另罚十万元至五十万元。

第三条 违反本法规定，施工单位施工噪声超过示例排放标准的，由工程所在地政府指定的部门责令改正，并处一万元以上十万元以下罚款。

第四条 本法自2044年8月1日起施行。""")

WASTE = _text("示例固废法（测试样例）", "2045年5月5日 示例议事会第45号公布", """\
第一条 为了防治示例固体废物污染，制定本法。

第二条 有下列情形之一，示例生态部门可以查封、扣押违法处置的示例固体废物和相关设施：
（一）证据可能灭失的；
（二）可能严重污染环境的。

第三条 示例生态部门有下列违法行为之一的，由同级人民政府或者上一级政府的有关部门责令限期改正，对负有直接责任的领导依法给予处分：
（一）对违法行为进行包庇的；
（二）未依法查封、扣押的。

第四条 本法自2045年9月1日起施行。""")

FILES = {
    "示例市实施《示例节能法》办法(2044-09-03).md": CITY,
    "示例建筑节能条例(2043-02-02).md": BUILDING,
    "示例噪声法(2044-04-04).md": NOISE,
    "示例固废法(2045-05-05).md": WASTE,
}
