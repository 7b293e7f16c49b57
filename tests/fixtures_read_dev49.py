"""Invented texts for tests/test_answer_read_dev49.py: a goods quality law that punishes selling goods
gone bad and says when it took effect; a dust law that fines a builder's open dust and lets the body
that fined keep fining day by day when it is not corrected; a province's regulation whose header holds the
national law's history, and a city's rules whose header goes on with other texts' histories. They are test samples (测试样例), not real
texts: issuers, numbers and dates are made up."""
from __future__ import annotations

NOTE = "本文件是 GreenKB 自动化测试使用的虚构样例，不是真实的法规。"


def _law(title: str, header: str, body: str) -> str:
    return f"# {title}\n\n{header}\n\n<!-- INFO END -->\n\n{NOTE}\n\n{body}\n"


GOODS = _law("示例商品质量法（测试样例）", "2038年8月8日 示例议事会第六次全体会议通过", """\
第一条 为了保障示例商品的质量，制定本法。

第二条 出售已经失效、变质的示例商品的，责令停止出售，没收这些商品，并按所售商品货值金额三倍以内罚款；情节重的，吊销示例经营执照。

第三条 本法自2039年1月1日起施行。""")

DUST = _law("示例扬尘防治法（测试样例）", "2041年4月4日 示例议事会第九次全体会议通过", """\
第一条 为了防治示例扬尘，制定本法。

第二条 示例施工单位未给工地设围挡、未覆盖渣土的，由示例住建部门责令改正，罚一万二千元至九万元；仍不改正的，令其停工整治。

第三条 示例经营者因示例扬尘被罚款并被责令改正，拒不改正的，作出罚款决定的示例机关可以自责令改正次日起，按原罚款数额按日连续处罚。""")

# A province's regulation as some published copies carry it: the header holds the national law's
# history, the regulation's own follows in brackets before its first article.
PROVINCE = """# 示例省清洁促进条例（测试样例）

2031年6月9日 经第七届全国人民代表大会常委会第八次会议通过

2041年2月9日 经第九届全国人民代表大会常委会第五次会议《关于修改〈示例清洁促进法〉的决定》修正

<!-- INFO END -->

（

2040年7月3日示例省第九届人民代表大会常委会第六次会议通过 根据2050年11月7日示例省第十届人民代表大会常委会第四次会议《关于修改〈示例省清洁促进条例〉等五件地方性法规的决定》修正）

第一条 为了推进示例省清洁生产，制定本条例。本条例为测试样例。

第二条 示例省各单位应当推行清洁生产。
"""

# A city's rules whose header goes on with the histories of the other texts one 决定 amended.
CITY = """# 示例市节水办法（测试样例）

2033年3月3日 示例市第八届人民代表大会常委会第二次会议通过

2045年5月5日 示例市第十届人民代表大会常委会第三次会议所通过的《关于修改〈示例市节水办法〉等三部地方性法规决定》修正

2034年4月4日 示例市第八届人民代表大会常委会第五次会议通过

2045年5月5日 示例市第十届人民代表大会常委会第三次会议所通过的《关于修改〈示例市节水办法〉等三部地方性法规决定》修正

<!-- INFO END -->

第一条 为了节约示例市用水，制定本办法。本办法为测试样例。

第二条 示例市用水单位应当安装节水器具。
"""

FILES = {
    "示例商品质量法(2038-08-08).md": GOODS,
    "示例扬尘防治法(2041-04-04).md": DUST,
    "示例省清洁促进条例(2050-11-07).md": PROVINCE,
    "示例市节水办法(2045-05-05).md": CITY,
}
