"""Invented laws for the answer-quality tests (tests/test_answer_quality.py). They are test samples
(测试样例), not real law texts: issuers, numbers and amounts are made up. Articles are numbered
without gaps, as real laws are (the structure parser follows the numbering)."""
from __future__ import annotations

from pathlib import Path

NOTE = "本文件是 GreenKB 自动化测试使用的虚构样例，不是真实的法律。"

ENERGY = f"""# 示例节能法（测试样例）

2015年6月1日 示例立法机关第一次会议通过

<!-- INFO END -->

{NOTE}

## 第一章 总则

第一条 为了让示例地区的单位少用能源、用好能源，制定本法。

第二条 本法所称能源，是指示例地区使用的煤、油、气、电以及可以转化利用的其他资源。本法所称用能设备，是指锅炉、电机、窑炉这类消耗能源的设备。

## 第二章 节能管理

第三条 重点用能单位应当在每年三月三十一日以前，向示例节能主管部门报送上一年度的能源利用状况报告。

第四条 用能单位应当建立能源计量制度，配齐检定合格的计量器具并正常使用。

第五条 禁止使用国家明令淘汰的用能设备和生产工艺。

第六条 国家鼓励用能单位开展节能技术改造。节能技术改造补助的具体办法由示例节能主管部门制定。

第七条 固定资产投资项目的节能审查，由示例节能主管部门负责。

## 第三章 法律责任

第八条 重点用能单位没有依照本法第三条报送能源利用状况报告的，由示例节能主管部门责令在规定期限内补报；逾期仍未补报的，处一万元以上五万元以下罚款。

第九条 用能单位未按照本法第四条建立能源计量制度的，由示例计量主管部门责令在规定期限内建立；逾期仍未建立的，处五千元以上二万元以下罚款。

第十条 仍在使用国家明令淘汰的用能设备的，由示例节能主管部门责令停用，并没收这些设备；情节严重的，另处十万元以上三十万元以下罚款。

第十一条 本法自2015年10月1日起施行。
"""

WATER = f"""# 示例水法（测试样例）

2016年3月1日 示例立法机关第二次会议通过

<!-- INFO END -->

{NOTE}

第一条 为了管好、用好示例地区的水，制定本法。

第二条 在示例地区从河里、湖里或者井里取水的单位和个人，应当先申请取水许可证。

第三条 取水许可证由示例县的水行政主管部门审批发放。

第四条 取水单位应当依照《示例水资源条例》的规定缴纳水资源费。

第五条 取水单位应当在开始取水前和示例供水站签订取水协议，供水站没有正当理由不得拒绝签订。

第六条 取水协议应当写明下列事项：
（一）取水地点和取水方式；
（二）每月取水数量；
（三）水资源费的结算办法；
（四）违反协议的责任。

第七条 示例节水器具目录由示例县的水行政主管部门制定、调整并公布。

第八条 灌溉面积在二十公顷以上的取水单位，应当安装取水计量设施。

第九条 本法自2016年7月1日起施行。
"""


TAX = f"""# 示例矿产税法（测试样例）

2018年8月1日 示例立法机关第三次会议通过

<!-- INFO END -->

{NOTE}

第一条 在示例区域开采应税矿产品的单位和个人，应当缴纳矿产税。

第二条 矿产税按所附税率表征收。税率表只给出一个幅度的，具体税率由示例省人民政府在幅度以内拟定，交示例省人民代表大会常务委员会决定。

第三条 开采衰竭期矿山的矿产品，矿产税减征百分之三十。

第四条 对本法施行前已经设立的示例矿区，应当参照本法的规定完善管理。

第五条 本法自2019年1月1日起施行。
"""


# A regulation whose header is one short line with no punctuation (the fixture note closes its
# last article instead).
DECREE = """# 示例危废条例（测试样例）

2003年6月16日 示例机关令第38号公布

<!-- INFO END -->

第一条 示例地区产生危险废物的单位，应当登记危险废物的种类和数量。

第二条 登记资料至少保存3年。

第三条 本条例自公布之日起施行。（本文件是 GreenKB 自动化测试使用的虚构样例，不是真实的法规。）
"""


# A local rule of a real place with invented content: it binds its own place only.
LOCAL = f"""# 北京市示例节能办法（测试样例）

2019年5月1日 示例市立法机关通过

<!-- INFO END -->

{NOTE}

第一条 为了在本市实施示例节能法，制定本办法。

第二条 本市重点用能单位应当在每年二月二十八日以前，向市节能主管部门报送上一年度的能源利用状况报告和节能措施说明。

第三条 本办法自2019年7月1日起施行。
"""


# A short review paper with an English title and abstract at its end, as journal papers have.
PAPER = """示例地区节能管理研究综述（测试样例）

1 引言
本文是 GreenKB 自动化测试使用的虚构样例。示例地区近年来推进节能管理，本文梳理其做法。

2 主要做法
示例地区要求重点用能单位按年度报送能源利用情况，并开展节能技术改造。

3 发展趋势
部分示例企业每年发布节能白皮书，介绍本企业的节能成效。

 A Review of Energy Conservation Management in an Invented Region (Test Fixture)
Abstract: This invented review describes how key energy-using units in an invented region report their energy use every year, how investment projects are reviewed for energy conservation, and which department is responsible for the review.
Keywords: energy conservation; review; fixture
"""


# A regulation on accidents: several articles share the topic (reporting, rescue, evidence), and
# its penalties are in articles of their own, one of them naming the prohibition it enforces.
ACCIDENT = f"""# 示例事故报告条例（测试样例）

2021年3月2日 示例机关令第7号公布

2023年5月6日 示例机关令第9号修改

<!-- INFO END -->

{NOTE}

第一条 为了规范示例地区生产安全事故的报告和调查处理，制定本条例。

第二条 事故分为一般事故、较大事故和重大事故。造成3人以上死亡的，为重大事故。

第三条 出了事故，在场的人要马上告诉本单位负责人；负责人知道后，应当于1小时内报告示例县应急管理部门。

第四条 事故报告应当包括事故发生的时间、地点、伤亡人数和已经采取的措施。

第五条 单位负责人得知出了事故，要马上按预案组织救人，不让事态变大。

第六条 重大事故由示例省人民政府负责调查；一般事故由示例县人民政府负责调查。

第七条 调查组从出事那天算起，60日内交出调查报告。

第八条 在事故调查期间，禁止转移、隐匿有关证据，禁止破坏事故现场。

第九条 事故发生单位有下列行为之一的，由示例县应急管理部门处十万元以上五十万元以下罚款：（一）谎报或者瞒报事故的；（二）伪造事故现场的；（三）转移、隐匿资金、财产的。

第十条 事故发生单位主要负责人不立即组织事故抢救的，由示例县应急管理部门处上一年年收入百分之四十的罚款。

第十一条 违反本条例第八条规定的，由示例县应急管理部门处五万元以上二十万元以下罚款。

第十二条 本条例自2021年5月1日起施行。
"""


# A regulation that grades an activity without saying into how many grades, names the grades of
# accidents one by one, states a time and a price without a number (立即, 不得收取任何费用), a
# time in minutes and a frequency (每个季度).
GAS = f"""# 示例燃气条例（测试样例）

2020年1月8日 示例机关令第12号公布

2022年3月1日 示例机关令第15号《关于修改〈示例燃气条例〉的决定》第一次修订

2024年5月1日 示例机关令第18号第二次修订

<!-- INFO END -->

{NOTE}

第一条 为了管好示例地区的燃气经营和使用，制定本条例。

第二条 个人不得经营管道燃气。个人经营瓶装燃气，按照示例省人民政府的规定办理。

第三条 燃气经营者应当取得燃气经营许可证。燃气经营许可证由示例县燃气管理部门发放。

第四条 举办大型燃气器具展示活动，应当按照活动的规模和场地确定安全等级，实行分级管理。

第五条 燃气事故分为一般燃气事故、较大燃气事故和重大燃气事故。

第六条 没有燃气经营许可证却经营燃气的，示例县燃气管理部门责令其停止经营，并处五万元以上五十万元以下罚款。

第七条 燃气经营者发现燃气泄漏的，应当立即报告示例县燃气管理部门。

第八条 燃气经营者为用户安装燃气计量表，不得收取任何费用。

第九条 燃气抢修人员接到抢修通知后，应当在三十分钟内到达现场。

第十条 示例县燃气管理部门应当每个季度至少组织一次燃气安全检查。

第十一条 本条例自2020年3月1日起施行。
"""


# A regulation that punishes one conduct by pointing at a law the corpus does not hold
# (《示例河道法》 is invented and never written), another with a fine of its own, leaves a list to
# a department, and says how its fines are appealed (in words a city-appearance appeal shares).
LAKE = f"""# 示例湖泊条例（测试样例）

2020年9月1日 示例机关令第21号公布

<!-- INFO END -->

{NOTE}

第一条 为了保护示例湖，制定本条例。

第二条 禁止在示例湖岸线内围湖造地。

第三条 禁止向示例湖倾倒垃圾、渣土。

第四条 示例湖禁捕鱼类名录由示例县渔业主管部门制定并公布。

第五条 违反本条例第二条规定，在示例湖岸线内围湖造地的，依照《示例河道法》第三十条的规定处罚。

第六条 违反本条例第三条规定，向示例湖倾倒垃圾、渣土的，由示例县水行政主管部门责令清除，处二千元以上一万元以下罚款。

第七条 示例湖的禁捕期由示例县人民政府根据本地实际确定并公布。

第八条 示例湖的水质应当符合国家规定的地表水环境质量标准。示例湖巡护员应当年满十八周岁。

第九条 向示例湖排放油污的，由示例县生态环境部门责令改正，处以罚款。

第十条 在示例湖用电鱼、炸鱼的方法捕鱼的，由示例县渔业主管部门没收渔具，对单位处一万元以上五万元以下罚款，对个人依法处以罚款。

第十一条 被罚款或者被没收渔具的一方有异议的，可以在拿到处罚决定书后十五日内请示例县人民政府复议。

第十二条 本条例自2020年12月1日起施行。
"""


# A figure asked with two units (多长时间内降到多少度): the time is in hours, the temperature in ℃;
# a fine stated as a multiple (货值金额二倍至五倍的罚款).
DAIRY = f"""# 示例乳品条例（测试样例）

2019年4月1日 示例机关令第30号公布

<!-- INFO END -->

{NOTE}

第一条 为了保证示例地区生鲜乳的质量，制定本条例。

第二条 生鲜乳挤出后应当在2小时内降温至0—4℃。

第三条 生鲜乳收购站必须逐批检测收购的生鲜乳。

第四条 本条例适用于示例地区生鲜乳的生产和收购。个人自养自用奶畜所产的生鲜乳，不适用本条例。

第五条 生鲜乳收购站应当配备冷藏罐、检测仪器、清洗设备和消毒设施。

第六条 生鲜乳收购站有下列情形之一的，由示例县畜牧部门责令改正，处一千元以上五千元以下罚款：
（一）未逐批检测收购的生鲜乳的；
（二）收购的生鲜乳未按规定降温冷藏的。

第七条 收购掺假生鲜乳的，由示例县畜牧部门没收违法收购的生鲜乳，并处货值金额二倍至五倍的罚款。

第八条 本条例自2019年6月1日起施行。
"""


# A regulation on city appearance: an appeal's time limit beside the fines it follows, a count of
# inspectors beside an inspection frequency, grades named one after another beside an article that
# only mentions them, fines stated as sums (no multiple of anything), two terms defined in
# articles of their own, a buffer of no stated width, a vote by a share of members, a fee
# whose amount is not stated beside a fine per square metre, and a duty that names a defined
# term twice.
TOWN = f"""# 示例市容条例（测试样例）

2021年8月9日 示例机关令第40号公布

<!-- INFO END -->

{NOTE}

第一条 为了管好示例市的市容，制定本条例。

第二条 示例市容管理部门应当确定市容责任区的等级，并向社会公布。

第三条 市容责任区分为一类区、二类区和三类区。

第四条 示例市容管理部门对临街商户的市容检查每年至少开展一次。

第五条 示例市容管理部门开展市容检查时，检查人员不得少于两名，并应当出示执法证件。

第六条 未经批准在建筑物外墙张贴宣传品的，由示例市容管理部门责令清除，处五百元以上二千元以下罚款。

第七条 当事人对市容管理部门的处罚决定有异议的，可以在拿到决定书后十五日内申请行政复议。

第八条 本条例所称临街商户，是指在示例市街道两侧开设门面或者摆设摊点，从事商品销售、餐饮等经营活动的单位和个人。

第九条 本条例所称宣传品，是指标语、招贴、海报和传单。

第十条 示例市容管理部门可以在市容责任区外围划定一定范围的缓冲带。

第十一条 市容责任区等级的调整，应当经示例市容委员会三分之二以上委员同意。

第十二条 临时占用城市道路设摊的，应当按照规定缴纳道路占用补偿费。

第十三条 未经批准占用城市道路设摊的，由示例市容管理部门责令改正，处每平方米二十元的罚款。

第十四条 小区内和街道两侧的临街商户，应当保持门前整洁；临街商户不得在门前堆放杂物。

第十五条 本条例自2021年10月1日起施行。
"""


# A regulation punishing two neighbouring conducts in the law's own words (盗伐, 滥伐), which a
# question puts in everyday ones (偷砍, 乱砍; 没办手续就钻进), and a survey whose results it does not
# hold.
FOREST = f"""# 示例林木条例（测试样例）

2022年2月1日 示例机关令第44号公布

<!-- INFO END -->

{NOTE}

第一条 为了保护示例县的林木，制定本条例。

第二条 采伐林木应当申请采伐许可证，按照许可证的规定进行采伐。

第三条 滥伐林木的，由示例县林业主管部门责令补种滥伐株数三倍的树木，并处滥伐林木价值二倍至三倍的罚款。

第四条 盗伐林木的，由示例县林业主管部门责令补种盗伐株数十倍的树木，没收盗伐的林木，并处盗伐林木价值五倍至十倍的罚款。

第五条 示例县林业主管部门每五年组织一次林木资源调查，调查结果向社会公布。

第六条 在示例林区防火区内野外用火、露营烧烤的，由示例县林业主管部门责令停止，处二百元以上二千元以下罚款。

第七条 未经批准进入示例林区防火区的，由示例县林业主管部门责令离开，处一百元以上五百元以下罚款。

第八条 本条例自2022年3月1日起施行。
"""


# A law whose title words (固体废物污染环境防治) fill every article: its short effective clause
# (本法自…起施行) ranks low against a question made mostly of the title.
WASTE = f"""# 示例固体废物污染环境防治法（测试样例）

2021年1月5日 示例立法机关第五次会议通过

<!-- INFO END -->

{NOTE}

第一条 本法规定示例地区固体废物污染环境防治的基本要求。

第二条 示例地区的工厂、商户和居民，都应当配合固体废物污染环境防治工作。

第三条 示例地区的固体废物污染环境防治，按照少产生、多回收、再安全填埋的顺序进行。

第四条 示例县生态环境主管部门牵头做好本县固体废物污染环境防治工作。

第五条 示例工厂应当按月记下产生的固体废物数量，作为固体废物污染环境防治的依据。

第六条 居民发现固体废物污染环境的，可以拨打示例县固体废物污染环境防治热线反映。

第七条 示例县每年制定固体废物污染环境防治工作计划。

第八条 运送固体废物的车辆应当盖好篷布，免得固体废物沿路洒落污染环境。

第九条 在示例河岸边堆弃固体废物，属于本法禁止的固体废物污染环境行为。

第十条 示例县生态环境主管部门每个季度公开一次固体废物污染环境防治情况。

第十一条 固体废物污染环境防治的实施细则由示例县人民政府另行规定。

第十二条 本法自2021年7月1日起施行。
"""


# A law (its title, invented, has no 示例 so that an English name can cover it) whose penalty for
# billing by the meter shares the words of metering, and a regulation
# under it that lists the ways of taking power unmetered in a prohibition and punishes them in
# an article that only names that prohibition (违反本条例第四条规定的).
POWER_LAW = f"""# 供电法（测试样例）

2016年4月9日 示例立法机关通过

<!-- INFO END -->

{NOTE}

第一条 为了让示例地区的供电和用电有章可循，制定本法。

第二条 示例供电公司按照核定的电价和用电计量装置记下的读数向用户收电费。

第三条 违反本法第二条规定，示例供电公司不按核定电价或者不按用电计量装置记下的读数向用户收取电费的，由示例价格部门给予警告，责令把多收的电费退给用户。

第四条 本法自2016年7月1日起施行。
"""

POWER_RULES = f"""# 示例用电秩序条例（测试样例）

2018年2月3日 示例机关令第21号公布

<!-- INFO END -->

{NOTE}

第一条 为了维护示例地区的用电秩序，根据《供电法（测试样例）》，制定本条例。

第二条 用户新装电表，应当向示例供电公司提出申请。

第三条 用户应当按月交清电费。

第四条 不准偷用电能。下列做法都属于偷用电能：（一）私自从公用线路上搭线取电；（二）绕越示例供电公司的用电计量装置取电；（三）私自拆开用电计量装置的封条取电。

第五条 违反本条例第四条规定的，由示例县电力管理部门责令停止，追回电费，并处应交电费三倍以下罚款。

第六条 本条例自2018年5月1日起施行。
"""


# A regulation whose duties name the activities a question describes, whose scope article leaves
# one place out (不适用本条例) and lets another follow it (参照本条例执行), and which says what its
# reported data may not ground (不得作为…处罚的依据) beside a penalty for false data, and which sets
# who approves a new route by the boat's size (三十人以上 / 不满三十人) after an article on the route.
BOATS = f"""# 示例游船管理条例（测试样例）

2022年3月5日 示例机关令第33号公布

<!-- INFO END -->

{NOTE}

第一条 为了管好示例湖区的游船，制定本条例。

第二条 在示例湖区经营游船的单位，应当为每条游船配足救生衣。

第三条 游船驾驶人员应当持有示例县交通部门发放的驾驶证。

第四条 游船每次载客不得超过核定人数。

第五条 组织游船灯光表演的单位，应当遵守下列规定：（一）提前十日向示例县交通部门报告表演的时间和路线；（二）表演期间游船不得超载；（三）表演场地应当配备救护人员。

第六条 在室内水域行驶的游船不适用本条例。示例水库里的游船参照本条例执行。

第七条 示例县交通部门收到的游船客流数据，只用于安排水上安全管理，不得作为处罚游船经营单位的依据。

第八条 游船经营单位谎报客流数据的，由示例县交通部门责令改正，处一万元以下罚款。

第九条 游船经营单位想开一条新的游船航线，应当报交通部门批准；交通部门应当自收到申请之日起二十日内作出决定。

第十条 核定载客三十人以上的游船，其航线由示例市交通部门批准；核定载客不满三十人的，由示例县交通部门批准。

第十一条 本条例自2022年6月1日起施行。
"""


def _discharge(year: int) -> str:
    amended = "2019年4月2日 示例立法机关修正" if year == 2019 else "2023年6月28日 示例立法机关修订"
    fine = "一万元以上五万元以下" if year == 2019 else "五万元以上二十万元以下"
    start = "2010年3月1日" if year == 2019 else "2023年9月1日"
    return f"""# 示例排污法（测试样例）

2010年1月5日 示例立法机关通过

{amended}

<!-- INFO END -->

{NOTE}

第一条 为了管住示例地区的排污，制定本法。

第二条 排污单位应当按照排污许可证写明的要求排放污染物。

第三条 排污单位没有排污许可证就排放污染物的，由示例生态环境部门责令改正，处{fine}罚款。

第四条 本法自{start}起施行。
"""


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "示例节能法（测试样例）.md").write_text(ENERGY, encoding="utf-8")
    (folder / "示例水法（测试样例）.md").write_text(WATER, encoding="utf-8")
    (folder / "示例矿产税法（测试样例）.md").write_text(TAX, encoding="utf-8")
    (folder / "北京市示例节能办法（测试样例）.md").write_text(LOCAL, encoding="utf-8")
    (folder / "示例节能研究综述（测试样例）.txt").write_text(PAPER, encoding="utf-8")
    (folder / "示例危废条例（测试样例）.md").write_text(DECREE, encoding="utf-8")
    (folder / "示例事故报告条例（测试样例）.md").write_text(ACCIDENT, encoding="utf-8")
    (folder / "示例燃气条例（测试样例）.md").write_text(GAS, encoding="utf-8")
    (folder / "示例湖泊条例（测试样例）.md").write_text(LAKE, encoding="utf-8")
    (folder / "示例乳品条例（测试样例）.md").write_text(DAIRY, encoding="utf-8")
    (folder / "示例市容条例（测试样例）.md").write_text(TOWN, encoding="utf-8")
    (folder / "示例林木条例（测试样例）.md").write_text(FOREST, encoding="utf-8")
    (folder / "示例固体废物污染环境防治法（测试样例）.md").write_text(WASTE, encoding="utf-8")
    (folder / "供电法（测试样例）.md").write_text(POWER_LAW, encoding="utf-8")
    (folder / "示例用电秩序条例（测试样例）.md").write_text(POWER_RULES, encoding="utf-8")
    (folder / "示例游船管理条例（测试样例）.md").write_text(BOATS, encoding="utf-8")
    for year in (2019, 2023):
        (folder / f"示例排污法({year}).md").write_text(_discharge(year), encoding="utf-8")
    return folder
