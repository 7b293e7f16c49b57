"""What figure a question asks for, and in which unit: an amount, a levy (an amount or a rate), a
period, a date, a year or a quantity (`figure_of`); the unit named after 多少/几 (`figure_unit`,
`count_unit`); the fee whose amount is asked (`fee_named`); the thing a figure is of
(`measured_named`). An answer must state a figure of that kind, of that thing (kb.answers.abstain);
search prefers a passage counting in the unit asked (kb.search.rerank).
"""
from __future__ import annotations

import re

from kb.text.grammar import CN_NUMERAL


# How many grades, classes or stages a scheme has (分几级, 一共分几个阶段): counted only in them.
_TIERS_ASKED = r"(?:分|共|有)(?:为|成)?几个?(?:级|类|种|档|等级|级别|档次|阶段|步)"
TIERS_UNIT = "个?(?:级|类|种|档|等级|级别|档次|阶段|步)"

# A figure the answer must state: money, a quantity or a period. ("哪几类" asks for a list, not
# a figure; "几" alone is too loose to say.)
FIGURE_PATTERNS: dict[str, re.Pattern[str]] = {
    # a day of the calendar (几月几号前, 最晚哪天) — before "period", whose 几日 it contains
    "date": re.compile(r"几月几[号日]|几号(?:之|以)?前|哪一?天(?:之|以)?前|(?:最晚|最迟|截止到?)(?:是|在|到)?哪一?天"),
    # a month of the year (几月份, 几月到几月, 哪几个月): 每年6月 answers it, as no day need be
    "month": re.compile(r"几月份?(?:到|至)几月|哪几个月|几月份|哪个月份?|几月(?!几)"),
    # (数额巨大, 数额较大: a condition of the conduct, not a sum asked; 按什么金额 asks the basis a sum
    # is reckoned on, which 按照原处罚数额 answers)
    "amount": re.compile(r"几分钱|几毛钱|几块钱|多少块钱|多少钱|罚[^，,。？?]{0,6}多少|每(?:平方米|立方米|亩|吨|公顷)[^，,。？?]{0,3}(?:收|交|缴|付|罚)多少|多少[^，,。？?]{0,4}(?:资金|经费|费用|补助|补贴|奖补|奖励|奖金|扶持|罚款|罚金)|(?<!谈好)(?<!商定)(?<!确定)(?<!什么)(?<!哪个)(?<!哪种)(?<!啥)(?:金额|数额)(?!(?:特别)?(?:巨大|较大))(?![^，,。？?]{0,2}后)|多少元|多少万|交多少|缴多少|罚款(?:怎么|如何)(?:算|计算)|税率|费率|价格是多少|贵多少|便宜多少|补贴多少|奖励多少"
                         # a fee, a price, a deposit asked (申请费是多少, 服务费一般收多少), not a count of it
                         # (引航费按什么标准收: the fee's rate or sum)
                         r"|(?:(?<!浪)费|费用|价格|电价|水价|租金)[^，,。？?]{0,4}?按(?:什么|哪个|啥)标准"
                         # (咨询机构一般按什么标准收费: the verb after the standard)
                         r"|按(?:什么|哪个|啥)标准(?:收|交|缴|付|计)(?:费|钱|取)"
                         # (有没有设定最低成交价格？是多少？: the price asked in the next breath)
                         r"|价格[？?，,]\s*(?:是|为|大概|一般)?多少(?!吨|度|立方|千瓦|人|个|次|天|日|年|月)"
                         # (要按什么价格付给车主: the price asked)
                         r"|(?:按|以)(?:什么|多少|哪种|何种|啥)(?:样的)?价(?:格|钱)?(?:付|收|买|卖|购|计|结算|支付|收购)"
                         r"|(?:(?<!浪)费|费用|价格|电价|水价|租金|押金|保证金)(?:标准)?[^，,。？?]{0,4}?(?:是|要|收|交|缴|付)?多少(?!吨|度|立方|千瓦|人|个|次|天|日|年|月|项|种|公斤|千克|克|米|公里|千米|升|平方|小时|分钟|周|批|台|辆|亩|公顷)"),
    # a year asked of a measure (在哪一年全部实施, 执行到哪一年截止) — not of a document's own
    # dates (哪一年发布的: its header answers), see figure_of
    "year": re.compile(r"哪一?年(?!度|级)|哪个年份|什么年份"),
    # how often (多久要做一次, 几年检验一次, 每隔多久): an interval, which a deadline (3个工作日内) does not
    # answer — before "period", whose 多久 it contains
    # (多久之内可以申请再考一次: a period within which, not an interval)
    "frequency": re.compile(r"(?:多久|多长时间|几年|几个月|多少年)(?![之以]?内)(?:要|得|需要|应当|就|才)?[^，,。？?]{0,8}?(?<!再)(?<!再[\u4e00-\u9fff])一次"
                            r"|每隔多久|间隔多久|间隔多长时间|周期是多"
                            # (隔几年要再做一次: 隔 makes it an interval, 再 notwithstanding)
                            r"|隔(?:多久|多长时间|几年|几个月|多少年)[^，,。？?]{0,8}?一次"),
    # (那几年, 这几天: a time referred to, not a period asked)
    "period": re.compile(r"多久|多长时间|期(?:限)?(?:是|为|有)?多长(?=[？?]|$)|(?<![那这近])几(?:天|日)|多少天|多少日|(?:多少|几)个?工作日|几个月|多少个月|(?<![那这近哪])(?<!再过)(?<!又过)几年|多少年|(?:多少|几)(?:个小时|小时|分钟)|期限(?:是|为|有)?多|有效期(?:是|为|有)?多"
                         r"|还是每(?:年|季度|半年|月|周)"),  # 每季度报一次还是每年报一次
    "quantity": re.compile(r"多少(?!钱|元|万|天|日|年|个月|个?小时|分钟)|几倍|几成|几星|几度|百分之几|几分之几|比例是|什么比例|多大比例|占比|上限|下限|门槛是|多大"
                           # 划多宽, 离岸多远, 控制在什么范围: a measure, which a passage states in numbers
                           r"|多宽|多深|多远|多厚|多粗|多高(?!兴)|(?:控制|保持|维持|限制)在(?:什么|多少|哪个)范围"
                           r"|" + _TIERS_ASKED),
}


# "按多少税率执行由谁来定" asks who decides a figure, not the figure.
# (需要哪一级政府点头: the body named between the asking word and the verb)
DECIDER_RE = re.compile(r"(?:由|归)?(?:谁|哪个部门|哪一级|哪级|什么部门|什么机关)(?:人民政府|政府|部门|机关)?(?:来)?"
                        r"(?:定|决定|确定|规定|核定|批准|说了算|划定|划分|制定|审定|点头|安排|指定)")


# How much of a tax, fee or fine: the documents may answer with a rate (减征百分之三十).
# (a fee too: 渔业资源费一年收多少 is answered by 产值的3%至5% — but not one asked per unit of land or
# goods, 每平方米收多少, which only a sum answers)
_LEVY_RE = re.compile(r"税|费率|罚")
_FEE_RE = re.compile(r"(?<!浪)费(?!用)")
_PER_UNIT_RE = re.compile(r"每(?:平方米|立方米|亩|吨|公顷|千瓦时|度|件|辆|艘|人|次)")
_MONEY_RE = re.compile(r"多少钱|多少元|多少万|资金|经费|补助|补贴|奖励|奖金")


# A yes/no question (…也受价格法管吗？) that names a rate or a price as its subject asks no figure.
_YES_NO_RE = re.compile(r"吗[？?]?$|是否|是不是|能不能|可不可以|算不算")
_DOCUMENT_EVENT_RE = re.compile(r"发布|公布|通过|修改|修正|修订|印发|颁布|制定|出台|施行|生效")
# A rule asked (两者都设了暂定税率时，适用规则有什么不同) names a rate as its subject, not as the figure asked.
_RULE_ASKED_RE = re.compile(r"规则|原则|(?:怎么|如何|怎样)适用|有什么不同|有何不同|什么区别|有何区别|有什么区别")
_MULTIPLE_ASKED = re.compile(r"(?:多少|几)倍")
_HOW_MUCH_RE = re.compile(r"多少|几|多久|多长|多大|多高|多远|多重")


def figure_of(text: str) -> str:
    """The figure a question asks for: date | month | year | amount | levy (an amount or a rate) | frequency |
    period | quantity, or ''."""
    if DECIDER_RE.search(text):
        return ""
    if _MULTIPLE_ASKED.search(text):
        return "quantity"  # 罚款是货值的多少倍: only a multiple answers it, not a sum in 元
    if (_YES_NO_RE.search(text) or _RULE_ASKED_RE.search(text)) and not _HOW_MUCH_RE.search(text):
        return ""
    name = next((name for name, pat in FIGURE_PATTERNS.items() if pat.search(text)), "")
    if name == "year" and _DOCUMENT_EVENT_RE.search(text):
        return ""
    levy = _LEVY_RE.search(text) or (_FEE_RE.search(text) and not _PER_UNIT_RE.search(text))
    if name == "amount" and levy and not _MONEY_RE.search(text):
        return "levy"
    return name


# The unit a figure question names right after 多少/几 (多少吨配额, 几个工业污染源, 提前几天):
# a passage answers it only with a number in that unit (or its synonym), not with any number.
_UNIT_ASKED = re.compile(
    r"(?<![哪那这近])(?:多少|几)\s*(个工作日|工作日|个月|个小时|分钟|千瓦时|岁|立方米|平方米|平方公里|公顷|公里|千米|厘米|毫米|小时|学时|课时|分贝|个人|毫升|毫克|千克|公斤|个|家|吨|度|人|名|次|倍|台|辆|亩|天|日|年|周|批|项|米|种|类|级|升|克|株|棵|星|分(?!钱))"
)
UNIT_WORDS: dict[str, str] = {
    "岁": "岁|周岁", "株": "株|棵", "棵": "棵|株",
    "个": "个|人|名|家|项|种|类|座|台|户",  # 个 counts anything: 几个 is answered by 2人 or 3家
    "家": "家|个",  # (几家企业 is answered by 1个企业)
    "个工作日": "个?工作日", "工作日": "个?工作日", "个月": "个月|月", "千瓦时": "千瓦时|度", "度": "度|千瓦时|℃",
    "个人": "人|名", "人": "人|名", "名": "名|人", "学时": "学时|课时", "课时": "课时|学时", "分贝": "分贝|dB",
    "公里": "公里|千米", "千米": "千米|公里", "天": "天|日|个?工作日", "日": "日|天|个?工作日", "周": "周|星期", "个小时": "个?小时", "小时": "个?小时", "公斤": "公斤|千克", "千克": "千克|公斤", "毫克": "毫克|mg",
}


# A share asked (百分之多少, 百分之几, 多少%): only a share answers it.
# (按多少比例收取, 分成比例是多少: a proportion asked is a share too)
_SHARE_ASKED = re.compile(r"百分之(?:多少|几)|几分之几|多少\s*[%％]|百分比是多少|比例(?:是|为|有|定为|大概是)?多少|多少(?:的)?比例|什么比例|比例是几"
                          # a rate of tax asked (税率是多少, 适用多少税率, 征收率): a share answers it, not a sum
                          r"|(?:税率|征收率)(?:是|为|大概是|一般是)?(?:多少|几)|多少(?:的)?(?:税率|征收率)"
                          # (下浮多少个百分点)
                          r"|(?:多少|几)个?百分点"
                          # a change against a base (比2020年下降多少): written as a share, 下降13.5%
                          r"|比[^，,。？?]{1,12}?(?:下降|降低|减少|提高|提升|增长|上升)了?多少(?![吨元万千米度个天年台辆])")
SHARE_UNIT = "百分之"


_TIME_UNITS = ("个工作日", "工作日", "个月", "个小时", "小时", "分钟", "天", "日", "年", "周")


def share_asked(text: str) -> bool:
    """Whether a share is asked (百分之多少, 多少比例, 税率是多少): only a share answers it."""
    return bool(_SHARE_ASKED.search(text))


def figure_unit(text: str, figure: str = "quantity") -> str:
    """The unit words (a regex alternation) of the figure asked for, or '' when none is named
    (SHARE_UNIT for a share, which is written before its number: 百分之三十). A period is
    counted only in a unit of time: 多长时间内降到多少度 asks the time in hours, whatever 度 says."""
    if _SHARE_ASKED.search(text):
        return SHARE_UNIT
    if re.search(_TIERS_ASKED, text):
        return TIERS_UNIT
    m = _UNIT_ASKED.search(text)
    if m and figure == "period" and m.group(1) not in _TIME_UNITS:
        return ""
    return UNIT_WORDS.get(m.group(1), m.group(1)) if m else ""


PEOPLE_UNITS = ("人|名", "名|人")  # a count of people, as figure_unit gives it (几个人, 几名)


def count_unit(text: str) -> str:
    """The unit of a count asked in the clause a question ends on (至少要派几个人？, 一共修正了几次？),
    as figure_unit gives it; '' for a count that only describes (转卖给几家企业用，会被怎么处罚)."""
    for m in _UNIT_ASKED.finditer(text):
        if re.match(r"[^，,。；;？?]*(?:[？?]|$)", text[m.end():]):  # in the clause that asks
            return figure_unit(text[m.start():])
    return ""


def count_cue(unit: str) -> re.Pattern[str] | None:
    """A number in the unit a question names (至少派几个人 → 两名, not 每年一次), or None when it
    names none, or a share or tiers (written otherwise: 百分之三十, 分为一类、二类)."""
    if not unit or unit in (SHARE_UNIT, TIERS_UNIT):
        return None
    # 第一次修正, 第二十四次会议 count nothing
    return re.compile(rf"(?<![第\d〇零一二三四五六七八九十百千万两])(?:\d+|{CN_NUMERAL})\s*(?:{unit})")


# A fee named in a question asking how much (森林植被恢复费每平方米收多少, 耕地开垦费交多少): only a
# sentence naming that fee states it, not a fine or a tax of the same land in the same units.
_FEE_NAMED_RE = re.compile(r"[\u4e00-\u9fff]{0,3}(?:恢复|开垦|复垦|补偿|使用|治理|处理|处置|排污|资源|闲置|检测|检验"
                           r"|服务|管理|建设|登记|认证|审查|评审|鉴定|安置|咨询|设计|编制|评估|评价|代理|监测|中介|培训|考试|审核)费(?!用|率)")


# A tax named in a question asking how much (耕地占用税每平方米交多少) or whether it is owed (能免车辆
# 购置税吗): only a passage of that tax answers, not another tax on land in the same units, nor
# another tax's exemptions. (相关税费, 有关税收 name no customs duty)
_TAX_NAMED_RE = re.compile(r"(?:耕地占用|城镇土地使用|土地使用|土地增值|车船|船舶吨|资源|环境保护|房产|契|印花|烟叶|增值"
                           r"|消费|企业所得|个人所得|城市维护建设|车辆购置|(?<![相有])关)税")


def tax_named(text: str) -> str:
    """The tax a question names ('' for none)."""
    m = _TAX_NAMED_RE.search(text)
    return m.group(0) if m else ""


_PAYING = re.compile(r"^.*(?:交(?!通)|缴|收|付|多少|几|按照?|依照?)")


def fee_named(text: str) -> str:
    """The fee a question names, by its last five characters ('' for none)."""
    m = _FEE_NAMED_RE.search(text)
    # (要交闲置费, 按设计费的…: the verb before a fee is no part of its name, which the texts write 土地闲置费)
    return _PAYING.sub("", m.group(0)[-5:]) if m else ""


# The thing a figure is of, named right after 多少 (交多少营业保证金) or right before it (最低车速是多少,
# 尘粒数上限是多少): a sentence states the figure asked only if it names that thing — 注册资本50万元
# is not the deposit asked, 一百五十米 not the lowest speed. Only a noun is taken: a clause whose
# words before 多少 are a verb (会被罚多少, 最快能开多少) names no thing.
_AFTER_HOW_MANY = re.compile(r"(?:多少|几)(?:个|项|种|份)?([\u4e00-\u9fff]{2,6})(?=[？?，,。；;]|$)")
_BEFORE_HOW_MANY = re.compile(
    r"([\u4e00-\u9fff]{2,12}?)(?:最多|最少|最高|最低|最长|最短|一般|大概|大约|通常|总共|一共|至少)?"
    r"(?:要|得|需要)?(?:是|为|有|达到|定为|规定为)?多少(?=[？?，,。；;]|$|才?算|就算|时|的时候)")
_BEFORE_CUT = re.compile(r".*[的里在上中对把给和与及之]")  # the noun after the last linking word
_MODIFIERS = re.compile(r"^(?:最多|最少|最高|最低|最长|最短|最大|最小|每年|每月|每天|一般|大概|至少|法定)+(?:能|可以|要|得)?")
_GENERIC_TAIL = re.compile(r"(?:上限|下限|标准|数额|金额|数量|数目|数字|限额|幅度|范围|区间|比例|比重)+$")
# words that make the phrase a verb or a clause, not a thing (会被罚, 要交, 能开, 分别, 算醉酒)
_NOT_A_THING = re.compile(r"[罚被会能要查算到让给来去做开交收加降调占考留按拿离往扣满过分各应该得需还可就才了]")
# 比2020年低多少, 比批准的规模多出多少: how much lower or more, no thing
_COMPARATIVE = re.compile(r"(?:[低高少多大小快慢长短贵严宽深远重轻]|超)出?$")
_UNIT_FIRST = set("个家吨度人名次倍台辆亩天日年周批项米种类级升克株棵元万分块毛钱月公平立千毫厘百亿")
# (units of a count: 分几个等级 counts grades, which a text names one by one — 分为一类区、二类区…)
_NOT_NAMED = {"时间", "期限", "罚款", "费用", "比例", "税额", "税率", "费率", "编号", "令号", "文号",
              "等级", "级别", "档次", "阶段", "类别", "批次", "种类", "步骤"}


# nouns holding a character _NOT_A_THING reads as a verb (所得税, 委员会, 收入)
_NOUNS_WITH_VERB_CHARS = re.compile(r"所得|委员会|协会|学会|商会|收入|收益|交通|开发区|分公司|子公司|分成|分配")


_VERB_BEFORE_OF = re.compile(r"[定订设给发批收规办提出]的$")

# The thing set first and its limit asked after a comma (保险公司给代理人的佣金，最高不能超过保费的百分之几;
# 向商户收的手续费，费率最高不能超过多少): the limit is that thing's — 危险单位…的百分之十 is not it.
_TOPIC_THEN_LIMIT = re.compile(
    r"[\u4e00-\u9fff]*的([\u4e00-\u9fff]{2,8})[，,](?:费率|比例|数额|金额|标准)?(?:最高|最多|最低|最少|上限|下限)"
    r"(?:不能|不得|不可以|可以|能|要)?(?:超过|低于|高于|达到)?[\u4e00-\u9fff]{0,6}?(?:多少|百分之几|几成)(?=[？?，,。；;]|$)")


def _verbal(phrase: str) -> bool:
    return bool(_NOT_A_THING.search(_NOUNS_WITH_VERB_CHARS.sub("", phrase)))


# A term asked by its name (租期最长几年, 厂长每届任期是几年, 保护期有几年): only a sentence naming that term
# states it — 决算期限最长不得超过1年 is not the longest lease. Words for any period or for a moment
# (期限, 期间, 到期, 逾期) name no term of their own; a certificate's 有效期 is read by `certificate_named`.
_TERM_ASKED = re.compile(r"([\u4e00-\u9fff]{1,3}期)(?:限)?(?:是|为|有|最长|最短|至少|最少|最多|起码|一般|通常|能|可以|不能|不得|不|要|都|大概|大约|超过)*"
                         r"(?:多少|几|多久|多长)")
_NOT_A_TERM = re.compile(r"(?:期限|期间|日期|时期|星期|周期|到期|逾期|预期|近期|长期|短期|定期|初期|后期|前期|同期|"
                         r"末期|中期|当期|按期|如期|限期|延期|过期|有效期|效期)$")


_TERM_QUALIFIER = re.compile(r"^(?:一次|每次|每届|每一届|本届|首次)")


def term_named(text: str) -> str:
    """The term a period question names (租期, 任期, 保护期; '' for none)."""
    m = _TERM_ASKED.search(text)
    if not m:
        return ""
    term = _TERM_QUALIFIER.sub("", _BEFORE_CUT.sub("", m.group(1)))
    return term if len(term) >= 2 and not _NOT_A_TERM.search(term) else ""


# A share of something divided asked (收入在中央和地方之间按什么比例分成): only a passage dividing it
# states that share — not a rate of reduction (减按百分之七十五征收) in the same text.
_DIVIDED_BY_SHARE = re.compile(r"(?:按|以)(?:什么|多少|多大|何种|怎样的?|哪种)的?比例(?:来|进行)?"
                               r"(分成|分配|分担|划分|负担|返还|留成|共享|分享|出资)")


# The part whose share is asked (国家级绿色工厂中民营企业占多大比例), the rate whose change is
# asked (贷款利率最多能下浮多少个百分点): only a sentence naming it states that share.
SHARE_OF = re.compile(r"([\u4e00-\u9fff]{2,16}?)占(?:了)?(?:多大|多少)(?:的)?(?:比例|比重|份额)"
                       r"|([\u4e00-\u9fff]{2,10}?)(?:最多|最少|最高|最低|一般)?(?:能|可以|要|会)?"
                       r"(?:上浮|下浮|上调|下调|降低|提高|优惠)(?:多少|几)个?百分点")


def measured_named(text: str) -> str:
    """The thing the figure asked is of ('' when the question names none, or names it with a verb)."""
    divided = _DIVIDED_BY_SHARE.search(text)
    if divided:
        return divided.group(1)
    share_of = SHARE_OF.search(text)
    if share_of:
        thing = _BEFORE_CUT.sub("", share_of.group(1) or share_of.group(2))
        if len(thing) >= 2 and thing not in _NOT_NAMED and not _verbal(thing):
            return thing
    for clause in re.split(r"[？?。；;！!]", text):
        m = _TOPIC_THEN_LIMIT.search(clause)
        if m:
            thing = _BEFORE_CUT.sub("", m.group(1))
            if len(thing) >= 2 and thing not in _NOT_NAMED and not _verbal(thing):
                return thing
        m = _AFTER_HOW_MANY.search(clause)
        if m and m.group(1)[0] not in _UNIT_FIRST and m.group(1) not in _NOT_NAMED and not _verbal(m.group(1)):
            return m.group(1)
        m = _BEFORE_HOW_MANY.search(clause)
        if not m:
            continue
        # (the generic tail first: the 上 of 上限 is no linking word)
        phrase = _GENERIC_TAIL.sub("", m.group(1))
        if phrase.endswith("的") and not _VERB_BEFORE_OF.search(phrase):
            # (公积金的比例上限: the thing is what comes before the generic words and their 的 — not
            # a doer and its verb, 国家定的幅度)
            phrase = phrase[:-1]
        thing = _GENERIC_TAIL.sub("", _MODIFIERS.sub("", _BEFORE_CUT.sub("", phrase)))
        if (len(thing) >= 2 and thing not in _NOT_NAMED and not _verbal(thing)
                and not _COMPARATIVE.search(thing)):
            return thing
    return ""


# A certificate whose term of validity is asked (药品经营许可证的有效期是几年): only a passage naming
# that certificate states its term — not one of another certificate of the same kind (放射性药品经营
# 企业许可证, 船员适任证书), which the head of the name (许可证, 证书) would let through.
_CERTIFICATE_VALIDITY = re.compile(r"([\u4e00-\u9fff]{2,16}?(?:许可证|证书|执照|证明|批件|证))[，,]?的?有效期")
_CERTIFICATE_CUT = re.compile(r".*[的里在上中对把给和与及之办领发]")


# Anything else whose term of validity is asked (家电的三包有效期): named by two characters or more, it
# too is stated only by a passage naming it — not by a licence's term.
_VALIDITY_OF = re.compile(r"([\u4e00-\u9fff]{2,16}?)[，,]?的?有效期")
_GENERIC_VALIDITY_NAME = re.compile(r"^(?:这个|那个|这些|那些|它的?|其|该|本|有关|相关|规定|法定|证件|文件|证照|许可|批准|登记|注册|多长|多久)$")


def certificate_named(text: str) -> str:
    """The certificate or other thing whose validity a question asks about ('' for none, or a name
    too short to tell one certificate from another)."""
    m = _CERTIFICATE_VALIDITY.search(text)
    if m:
        name = _CERTIFICATE_CUT.sub("", m.group(1))
        return name if len(name) >= 4 else ""
    m = _VALIDITY_OF.search(text)
    name = _CERTIFICATE_CUT.sub("", m.group(1)) if m else ""
    return name if len(name) >= 2 and not _GENERIC_VALIDITY_NAME.match(name) else ""
