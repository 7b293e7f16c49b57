"""Whether a passage states the figure a question asks for — a date, a year, a sum, a rate, a period,
how often, a quantity — of the thing asked (kb.question.figures reads which figure, unit and thing):
`states_figure` over the best passages (kb.answers.abstain.decide refuses when none does), and,
once an answer is composed, `lead_lacks_figure` / `parts_lack_figures` for the passage it would
lead with. A fine answers only a question about a penalty; a keeping period only one about keeping;
a lead time only one asking how early; a certificate's term only one about that certificate.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kb.index.lexical import bigrams, normalize
from kb.question.figures import PEOPLE_UNITS, SHARE_OF, SHARE_UNIT, TIERS_UNIT
from kb.question.kinds import Ask
from kb.question.standards_asked import INDUSTRIES
from kb.question.lexicon import legal_words
from kb.question.reading import ParsedQuestion
from kb.text.grammar import ARTICLE_PREFIX_RE, CN_NUMERAL
from kb.text.titles import book_title
from kb.answers.units import in_force, short_title
from kb.types import SearchHit


FIGURE_PASSAGES = 3  # how many of the best passages must hold the figure asked for
# Two versions' articles sharing this much of their character pairs say the same thing: the second
# is no further passage of the best ones (the 2018 and 2023 texts of one supervision article).
SAME_PASSAGE_PAIRS = 0.7


def best_distinct(hits: list[SearchHit], n: int = FIGURE_PASSAGES) -> list[SearchHit]:
    """The first `n` passages of `hits` that do not repeat, in another version of the same text,
    a passage before them."""
    out: list[SearchHit] = []
    kept: list[tuple[SearchHit, set[str]]] = []
    for h in hits:
        if len(out) == n:
            break
        pairs = bigrams(ARTICLE_PREFIX_RE.sub("", squeezed(h.text or ""), count=1))
        if any(k.title == h.title and k.doc_id != h.doc_id and pairs
               and len(pairs & kp) / len(pairs | kp) >= SAME_PASSAGE_PAIRS for k, kp in kept):
            continue
        kept.append((h, pairs))
        out.append(h)
    return out

# (免费, 不得收取费用: nothing to pay is an amount too)
_AMOUNT = re.compile(r"\d+(?:\.\d+)?\s*(?:万|亿)?元|[一二三四五六七八九十百千万两零〇]+(?:万|亿)?元|倍(?:以上|以下|至|到)"
                     r"|倍的?(?:罚款|罚金)"  # 价值3倍至5倍的罚款, 市场总价3倍的罚款
                     # a sum counted in months of a wage or a standard (月最低工资标准十二个月金额, 三个月工资)
                     rf"|(?:\d+|{CN_NUMERAL})个月(?:的)?(?:金额|工资|工资收入)"
                     r"|免费|免收|不(?:得|再)?收取[^。；，]{0,8}费")
# A tax, fee or fine may be stated as a share or multiple of its base (减征百分之三十,
# 年收入百分之四十, 违法所得五倍以下, 减半征收).
_LEVY = re.compile(_AMOUNT.pattern + r"|百分之|\d\s*%|减半|免征|免缴")
# (立即, 当日, 次日: a time stated without a number answers "how soon" too)
_PERIOD = re.compile(r"(?:\d+|[一二三四五六七八九十百两]+)\s*(?:个)?(?:年|月|日|天|小时|分钟|个工作日|周|星期)|之日起|日内|年内|月内|每年|每半年|半年|每个?季度?|每个?月|每(?:周|星期|旬)|届满"
                     r"|立即|当日|当天|次日|当场|即时"
                     # a limit stated as a share or multiple of another (不得超过原时限的二分之一)
                     r"|(?:时限|期限|期间)的?(?:[一二三四五六七八九十]+分之[一二三四五六七八九十]+|[一二两三四五]倍)")
# An interval: 每年, 每两年, 每隔3个月, 五年检验一次, 检验周期 (not a deadline: 3个工作日内)
_FREQUENCY = re.compile(r"每(?:隔)?\s*(?:\d+|[一二三四五六七八九十两半]+)?\s*个?(?:年|月|季度|季|周|星期|日|天|小时)"
                        # by the month or quarter (按月预缴, 分季预缴, 在月度或者季度终了后十五日内预缴)
                        r"|(?:按|分)(?:月|季|季度|年|次)(?!份)|月度或者季度|(?:月度|季度)终了"
                        r"|(?:\d+|[一二三四五六七八九十两半]+)\s*个?(?:年|月|季度|周|日|天)[^。；，,]{0,8}?一次|周期|间隔")
# Laws write their figures in Chinese numerals, in any unit of measure or count (三十五公顷,
# 一百株, 十八周岁): a numeral before one counts as an Arabic digit does.
_QUANTITY = re.compile(
    r"\d|[一二三四五六七八九十百千万两]+(?:万|亿)?(?:元|吨|年|日|个月|月|天|个|次|倍|项|家|种|小时|周|人|千瓦时|千瓦|兆瓦"
    r"|公顷|亩|平方公里|平方米|公里|千米|立方米|米|厘米|毫米|株|棵|千克|公斤|克|升|分贝|户|名|台|辆|艘|座|处|层"
    r"|周岁|岁|学时|份|批|宗|头|只|匹)|百分之"
    r"|[一二三四五六七八九十]+分之[一二三四五六七八九十]+"  # 二分之一, 三分之二
)
# a day of the calendar, or the end of a month or year (6月30日前, 每年3月底, 年底前)
_DATE = re.compile(
    rf"\d{{1,2}}\s*月\s*\d{{1,2}}\s*日|{CN_NUMERAL}月{CN_NUMERAL}日|(?:\d{{1,2}}|{CN_NUMERAL})月(?:底|末|份?(?:之|以)?前|份?(?:至|到|—|-))|年底|年末|月底|月末"
)
# a month of the year (每年6月, 三月至五月), or a date within one; not a number of months (6个月)
_MONTH = re.compile(_DATE.pattern + rf"|(?<![\d个])(?:1[0-2]|0?[1-9]|{CN_NUMERAL})\s*月(?!\s*\d)(?!份?\s*[\d一二三四五六七八九十]+\s*日)|(?:1[0-2]|0?[1-9]|{CN_NUMERAL})月份")
# A month told from an event (取得所有权的当月, 批准征收次月起) answers from which month something
# starts, not in which month of each year it is done (每年几月份申报).
_RELATIVE_MONTH = re.compile(_MONTH.pattern + r"|当月|次月|同月|上一?个?月|下一?个?月")
_FROM_WHICH_MONTH = re.compile(r"(?:从|自|由)(?:哪个|几)月|哪个月(?:开始|起)")
# a year (2025年, 二〇二五年底), not a year's worth (年度)
_YEAR = re.compile(r"(?:19|20)\d{2}\s*年(?!度)|(?:一九|二〇|二零)[〇零一二三四五六七八九]{2}年(?!度)")
_SHARE = re.compile(rf"百分之(?:\d|{CN_NUMERAL})|\d\s*[%％‰]|[一二三四五六七八九十]+成|半数|一半")
FIGURES = {"date": _DATE, "month": _MONTH, "year": _YEAR, "amount": _AMOUNT, "levy": _LEVY, "frequency": _FREQUENCY, "period": _PERIOD,
           "quantity": _QUANTITY}
FIGURE_NAMES = {"date": "具体日期", "month": "具体月份", "year": "具体年份", "amount": "具体数额", "levy": "具体数额或比例", "frequency": "具体周期（多久一次）",
                "period": "具体期限",
                "quantity": "具体数值"}

# A clause that sizes a fine (…处合同约定的设计费25%以上50%以下的罚款): its figure answers only a penalty asked.
# (Not any clause naming a fine: 在接到罚款通知书之日起十五日内…提请复议 states the time to contest it.)
_FINE_CLAUSE = re.compile(r"[^。；，,]*处[^。；，,]*(?:罚款|罚金)[^。；，,]*")
# A prison term (处五年以下有期徒刑, 处三年以上七年以下有期徒刑或者拘役): a period only a penalty asked is
# answered by — not how long records are kept.
_PRISON_CLAUSE = re.compile(r"[^。；，,]*(?:有期徒刑|拘役)[^。；，,]*")
# The price of a thing traded (配额多少钱一吨, 每吨多少钱, 成交价格): being handed out free (免费分配)
# is no price, as it is an answer to what a service costs (收费多少 — 不得收取费用).
_PRICE_ASKED = re.compile(r"多少钱一|每[^，,。？?]{0,3}多少钱|价格|价钱|单价|售价|市价")
_FREE = re.compile(r"免费|免收|不(?:得|再)?收取[^。；，]{0,8}费")
# A criminal fine (罚金) asked is not stated by an administrative one (罚款), nor the other way round.
_CRIMINAL_FINE = "罚金"
_GRADES_NAMED = re.compile(r"分为[^。；：]{1,30}、[^。；：]{1,30}")
_FINE = re.compile(r"罚款|罚金|处.{0,12}罚")
_NOT_A_QUANTITY = re.compile(
    r"(?:19|20)\d{2}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?"  # 2027年1月1日
    r"|[A-Z]{1,4}(?:/[A-Z])?\s*\d+(?:\.\d+)*(?:\s*[-—–]\s*\d{4})?"  # GB 39131-2026, HJ/T 3902-2008
    r"|第[一二三四五六七八九十百零〇\d]+[条款项章节]"  # 第十二条
)


def squeezed(s: str) -> str:
    """The text normalised (kb.index.lexical.normalize) and without whitespace, for containment."""
    return re.sub(r"\s+", "", normalize(s))


# How long records are kept is stated where keeping is (保存三年), not by another deadline of
# the same records (报送…一年内); how long goods may be kept, where they are stored (贮存…不得超过一年).
_KEEPING_SAID = re.compile(r"保存|保留|留存|存档|归档|保管|贮存|储存|存放|堆存")
# A term of validity is stated as one (有效期为5年, 有效期届满), not by another period naming the certificate.
_VALIDITY_SAID = re.compile(r"有效|期满|届满")
# A lead time is stated as one (提前30日, 届满6个月前, 进境前7日), not as a time within which
# something is done after an event (自受理之日起20个工作日内).
_ADVANCE_SAID = re.compile(rf"提前|前\s*(?:\d|{CN_NUMERAL})|(?:年|月|日|天|时|工作日|届满|之|以)前(?![款条项述])")


# A target asked (目标是多少, 要降到多少) is not stated by what was achieved before (“十三五”期间…累计
# 下降16%): a plan's record of the past answers nothing about its aims.
_PAST_RESULT = re.compile(r"期间[，,]|取得的成效|取得了|已经|已(?:完成|达到|建成|创建)|完成了|实现了")


_FRACTION = re.compile(rf"{CN_NUMERAL}分之{CN_NUMERAL}|\d+\s*/\s*\d+")
_SHARE_OR_FRACTION = re.compile(rf"{_SHARE.pattern}|{_FRACTION.pattern}")  # a share asked (多少比例)


def figure_name(pq: ParsedQuestion) -> str:
    """What the answer would have to state, in the words of a refusal (具体数额, 倍数 …)."""
    if pq.target:
        return "具体目标值"
    if pq.figure == "quantity" and pq.figure_unit == "倍":
        return "倍数"
    if pq.figure_unit == SHARE_UNIT:
        return "具体比例"
    return FIGURE_NAMES[pq.figure]


# Words of a question that say nothing of what a figure is of (要达到, 相当于, 规定, 多少).
_NO_TOPIC = {"达到", "相当", "当于", "相当于", "规定", "要求", "国家", "需要", "应当", "可以", "一般", "多少", "具体",
             "最少", "最多", "至少", "大概", "大约", "左右", "以上", "以下", "每次", "每年", "几个",
             "最长", "最短", "多久", "多长", "时间", "期限", "申请", "办理"}


TOPICAL_MIN = 3  # topical terms a question needs before a passage sharing none of them is set aside


def _topical_pairs(pq: ParsedQuestion) -> set[str]:
    """The character pairs of the question's topical terms; a passage sharing none of them is about
    something else (set() for English questions, short ones and penalty questions)."""
    topical = [t for t in pq.terms if len(t) >= 2 and t not in _NO_TOPIC]
    if pq.language != "zh" or len(topical) < TOPICAL_MIN or Ask.PENALTY in pq.asks:
        # (a part read alone, 具体能减多少, names too little to tell a topic — the whole question's
        # terms are read for it; a penalty names the conduct it punishes by the number of the rule
        # broken, 违反本规定第七条的…)
        return set()
    return set().union(*(bigrams(t) for t in topical))


def number_in_unit(unit: str) -> re.Pattern[str]:
    """A number in `unit` (a figure_unit alternation: 人|名 → 不得少于2人, 两个年度 as 两年)."""
    return re.compile(rf"(?:\d|{CN_NUMERAL})\s*个?(?:{unit})")


def states_figure(pq: ParsedQuestion, hits: list[SearchHit]) -> bool:
    """Whether one of the best passages states the kind of figure the question asks for. A fine
    answers only a question about a penalty; a period of keeping only a question about keeping."""
    pattern = _RELATIVE_MONTH if pq.figure == "month" and _FROM_WHICH_MONTH.search(pq.text) else FIGURES[pq.figure]
    keeping = pq.figure == "period" and not pq.parts and pq.keeping
    advance = pq.figure == "period" and not pq.parts and pq.advance
    in_unit = (_SHARE_OR_FRACTION if pq.figure_unit == SHARE_UNIT
               # (两个年度 counts years as 两年 does)
               else number_in_unit(pq.figure_unit) if pq.figure_unit else None)
    if in_unit is not None and pq.figure_unit in PEOPLE_UNITS:
        # 需要多少人同意 is answered by 三分之二以上成员 as well as by 五人
        in_unit = re.compile(rf"{in_unit.pattern}|{_FRACTION.pattern}|{_SHARE.pattern}")
    threshold = bool(_THRESHOLD_ASKED.search(pq.text))
    given = re.findall(r"\d+(?:\.\d+)?", pq.text.translate(_NARROW_DIGITS)) if pq.figure == "quantity" else []
    criminal_fine = pq.figure in ("amount", "levy") and _CRIMINAL_FINE in pq.text and "罚款" not in pq.text
    price = pq.figure == "amount" and bool(_PRICE_ASKED.search(pq.text))
    topical = _topical_pairs(pq)
    # what the term asked is of (冰箱…三包保修期): a passage stating the term of something else says nothing
    term_of = set().union(*(bigrams(t) for t in (*pq.terms, *pq.legal_terms)
                            if len(t) >= 2 and t not in _NO_TOPIC and not (set(t) & set(pq.term))),
                          set()) if pq.term and pq.language == "zh" else set()
    part_share = bool(pq.measured and SHARE_OF.search(pq.text))
    # a count of firms of an industry (钢铁行业的绿色工厂有多少家) is not stated by the count of all
    # firms beside the shares of other industries: the sentence or its text names the industry
    industry = (tuple(w for k in pq.standards_ask.industries for w in INDUSTRIES[k])
                if pq.figure == "quantity" and "家" in pq.figure_unit else ())
    for h in best_distinct(hits):
        if topical and not topical & bigrams(f"{h.title} {h.text}"):
            continue  # 20个工作日内完成审查 is no size of an oil reserve: the passage shares no word asked
        if pq.figure in ("amount", "levy") and Ask.PENALTY not in pq.asks and _FINE.search(h.text or ""):
            continue  # a passage about fines: its amounts are fines, or limits on them
        if pq.tax and not names_tax(pq.tax, h):
            continue  # another tax's rates (土地使用税每平方米…) do not state the tax asked
        if pq.term and not _names_term(pq.term, h):
            continue  # 决算期限最长不得超过1年 is not the longest lease (租期)
        if pq.term and term_of and not term_of & bigrams(f"{h.title} {h.heading_path} {h.text}"):
            continue  # 保温工程的最低保修期限为5年 is not a fridge's warranty (冰箱…保修期)
        if pq.certificate and not _names_certificate(pq.certificate, h):
            continue  # 船员适任证书的有效期 is not the training permit's
        # (a list introduced by the fee asked states its sums in items that do not name it again)
        fee_listed = bool(pq.fee) and _lists_of(pq.fee, h.text or "")
        for sent in re.split(r"(?<=[。；])|\n", in_force(h.text or "")):
            if Ask.PENALTY not in pq.asks:
                sent = _FINE_CLAUSE.sub(" ", sent)  # 处设计费25%以上50%以下的罚款 sizes a fine, not the fee asked
                if pq.figure == "period":
                    sent = _PRISON_CLAUSE.sub(" ", sent)  # 处五年以下有期徒刑 is no keeping period
            if price:
                sent = _FREE.sub(" ", sent)
            if criminal_fine and _CRIMINAL_FINE not in sent:
                continue  # 处十万元以上一百万元以下的罚款 is no 罚金
            if pq.figure == "period":
                sent = _DAY_OF_MONTH.sub(" ", sent)  # 次年三月三十一日前 is a day, 上一个月 a month: no period
                sent = _YEAR.sub(" ", sent)  # 2009年 is a year of the calendar, not a number of years
                if pq.certificate and not _VALIDITY_SAID.search(sent):
                    continue  # 吊销…证书未满五年 is a bar after revocation, not the certificate's term
            if pq.figure == "quantity":
                sent = _NOT_A_QUANTITY.sub(" ", sent)  # a date or a standard's number counts nothing
                sent = _without_numbers(sent.translate(_NARROW_DIGITS), given)  # 100级洁净区: the zone asked about
            if industry and not any(w in f"{h.title} {h.heading_path} {sent}" for w in industry):
                continue
            if pq.measured and not names_thing(pq.measured, sent, whole=part_share):
                continue  # 注册资本50万元 is not the deposit asked
            if pq.figure_unit == TIERS_UNIT and _GRADES_NAMED.search(sent):
                return True  # the grades named one by one (分为一般、较大和重大事故) count them
            if in_unit is not None and pq.figure == "quantity":
                # a number in the unit asked is the quantity, whatever units the pattern knows
                # (五十五分贝, 二十四学时); dates and standards' numbers were taken out above — and,
                # asked a threshold (排放多少吨以上的), a number bounding something (1万吨以上), not a
                # conversion (1个单位配额相当于1吨二氧化碳当量)
                if in_unit.search(sent) and (not threshold or _bounds(in_unit, sent)):
                    return True
                continue
            if not pattern.search(sent) or (in_unit is not None and not in_unit.search(sent)):
                continue
            if keeping and not _KEEPING_SAID.search(sent):
                continue
            if advance and not _ADVANCE_SAID.search(sent):
                continue
            if pq.fee and pq.fee not in re.sub(r"\s", "", sent) and not fee_listed:
                continue  # a fine or a tax in the same units is not the fee asked
            if pq.target and _PAST_RESULT.search(sent):
                continue
            return True
    return False


# (…多少吨的企业会被划进重点排放单位 asks a threshold too: the amount that puts one in a class)
_THRESHOLD_ASKED = re.compile(r"(?:多少|几)[^，,。？?]{0,12}?(?:以上|以下|以内|之上|之下)"
                              r"|(?:多少|几)[^，,。？?]{0,12}?的(?:企业|单位|项目|设施)[^，,。？?]{0,6}?"
                              r"(?:会被|要被|就会|就要|才会|才算|算|被)?(?:划进|划入|纳入|列入|列为|认定为|算作|算是)"
                              # (纳入门槛是年排放多少吨: the threshold named)
                              r"|门槛[^，,。？?]{0,12}?(?:多少|几)")
_BOUND_AFTER = re.compile(r"^[^，,。；;]{0,4}?(?:以上|以下|以内|之上|之下)")
_BOUND_BEFORE = re.compile(r"(?:超过|达到|不足|不满|不少于|不超过|不低于|低于|高于|大于|小于|满)[^，,。；;]{0,4}$")


def _bounds(number: re.Pattern[str], sent: str) -> bool:
    """Whether a number in the unit asked bounds something (1万吨以上, 超过5000吨)."""
    return any(_BOUND_AFTER.search(sent[m.end(): m.end() + 8]) or _BOUND_BEFORE.search(sent[max(0, m.start() - 8): m.start()])
               for m in number.finditer(sent))


def _lists_of(name: str, text: str) -> bool:
    """Whether a passage introduces a list with `name` (场地使用费…按下列标准计收：): its items state
    the figures of that thing without naming it again."""
    return any(name in re.sub(r"\s", "", intro) for intro in re.findall(r"[^。；\n]*[：:]", text))


# a day of a month (三月三十一日) or a month named (上一个月), which no period of months states
_DAY_OF_MONTH = re.compile(rf"(?:\d{{1,2}}|{CN_NUMERAL})\s*月\s*(?:\d{{1,2}}|{CN_NUMERAL})\s*日|[上下本]一?个?月")
_NARROW_DIGITS = str.maketrans("０１２３４５６７８９．", "0123456789.")


def _without_numbers(sent: str, numbers: list[str]) -> str:
    """The sentence without the numbers the question gives itself (the 100 of 100级洁净区, asked
    how much dust it may hold): they are what is asked about, not the figure asked."""
    for n in numbers:
        sent = re.sub(rf"(?<![\d.]){re.escape(n)}(?![\d.])", " ", sent)
    return sent


_CERTIFICATE_HEAD = re.compile(r"[\u4e00-\u9fff]{2}(?:许可证|证书|执照|证明|批件|证)$")


def names_tax(tax: str, h: SearchHit) -> bool:
    """Whether a passage is of the tax named (in its title, heading or text)."""
    return tax in squeezed(f"{h.title} {h.heading_path} {h.text}")


def _names_term(term: str, h: SearchHit) -> bool:
    """Whether a passage names a term asked by its name: in the question's word, the documents'
    words for it, or its stem (保护期 → 数据实施保护…自登记之日起6年内)."""
    said = squeezed(f"{h.heading_path} {in_force(h.text or '')}")
    return any(form in said for form in (*_name_forms(term), *((term[:-1],) if len(term) >= 3 else ())))


def _names_certificate(name: str, h: SearchHit) -> bool:
    """Whether a passage names a certificate: by its whole name or the documents' word for it, or by
    its head (生产许可证) in a document whose title or text holds the rest (饲料和饲料添加剂管理条例)."""
    said = squeezed(f"{h.title} {h.text}")
    if any(form in said for form in _name_forms(name)):
        return True
    head = _CERTIFICATE_HEAD.search(name)
    if head is None or head.group(0) not in squeezed(h.text):
        return False
    qualifier = name[: head.start()]
    return all(qualifier[i:i + 2] in said for i in range(len(qualifier) - 1)) if len(qualifier) >= 2 else qualifier in said


@lru_cache(maxsize=256)
def _name_forms(name: str) -> tuple[str, ...]:
    """A name and the documents' words for it (once per name: the lexicon is read whole)."""
    return (squeezed(name), *(squeezed(w) for w in legal_words(name)))


@lru_cache(maxsize=256)
def _thing_forms(thing: str) -> tuple[str, ...]:
    """The words a sentence may name a thing by: its name's forms, or the head of a compound."""
    return (*_name_forms(thing), *((thing[-2:],) if len(thing) >= 3 else ()))


def names_thing(thing: str, sent: str, whole: bool = False) -> bool:
    """Whether a sentence names the thing a figure is asked of: in the question's words, in the
    documents' words for them, or by the head of a compound (营业保证金 → 保证金, 专职认证人员 → 人员)
    — not by the head when `whole` (a part's share: 民营企业 is not any 企业)."""
    said = squeezed(sent)
    return any(form in said for form in (_name_forms(thing) if whole else _thing_forms(thing)))


def where(h: SearchHit) -> str:
    """《短标题》第N条 — the passage a reason points at (no locator for a header or a paragraph)."""
    return f"{book_title(short_title(h.title))}{h.locator if h.locator not in ('', '¶', 'header') else ''}"


def lead_lacks_figure(pq: ParsedQuestion, lead: SearchHit) -> str:
    """The reason to abstain when a figure question's answer would rest on a passage that states
    no figure of the kind asked, although a passage beside it does ('' otherwise): the distance a
    petrol station keeps from a pipeline is not the five metres within which trees may not be
    planted. A question of two parts is left alone: its figure may belong to the other part."""
    if not pq.figure or pq.parts or pq.figure_loose:
        return ""
    if states_figure(pq, [lead]):
        return _party_without_sum(pq, lead)
    return f"最相关的{where(lead)}没有规定{figure_name(pq)}"


def parts_lack_figures(pq: ParsedQuestion, lead: SearchHit, cited: list[SearchHit]) -> str:
    """The reason to refuse a question of two parts that each ask a figure (储存年限是几年？超过几
    年…？) when no passage the answer quotes states a figure of the kind either part asks ('' otherwise)."""
    if not pq.parts:
        return ""
    figured = [p for p in pq.parts if p.figure and not p.figure_loose]
    # (有没有设最高价？每吨大概多少钱？ or 全归地方还是分成？分成比例是多少？: whether there is one, or
    # which, then the figure — the figure decides; 如果没告诉我们呢 asks something else)
    whether = [p for p in pq.parts if p not in figured and (p.asks == {Ask.YESNO} or p.options[0])]
    if not figured or len(figured) + len(whether) < len(pq.parts):
        return ""
    if any(states_figure(p, [h]) for p in figured for h in cited):
        return ""
    return f"最相关的{where(lead)}没有规定{figure_name(figured[0])}"


# A fine asked for an individual (个人会被罚多少): the lead may state sums for organisations only
# (对单位处五万元以上五十万元以下的罚款，对个人依法处以罚款).
_INDIVIDUAL_ASKED = re.compile(r"个人|自然人")
_ORGANISATION_ASKED = re.compile(r"单位|企业|公司|厂")
_INDIVIDUAL_CLAUSE = re.compile(r"对(?:个人|自然人)[^。；，]*")


def _party_without_sum(pq: ParsedQuestion, lead: SearchHit) -> str:
    """The reason to refuse a fine asked for an individual whose clause in the lead states no sum
    ('' otherwise, and when the question also names an organisation)."""
    if pq.figure not in ("amount", "levy") or Ask.PENALTY not in pq.asks:
        return ""
    if not _INDIVIDUAL_ASKED.search(pq.text) or _ORGANISATION_ASKED.search(pq.text):
        return ""
    clause = _INDIVIDUAL_CLAUSE.search(lead.text or "")
    if clause is None or FIGURES[pq.figure].search(clause.group(0)):
        return ""
    return f"{where(lead)}对个人只规定“{clause.group(0)}”，没有规定{FIGURE_NAMES[pq.figure]}"


# How much of a measure is asked (配额会被核减多少, 能退还多少): the passage stating a figure with that measure
# (按照50%以上100%以下的比例核减) answers, not one naming the measure without one (等量核减). (A fine asked
# is left to the penalty rules.)
MEASURE_FIGURE_ASKED = re.compile(r"(?P<verb>核减|扣减|扣除|减征|减免|退还|退回|补贴|补助|奖励|赔偿|补偿|征收|收取)"
                                  r"(?:了|掉)?(?:多少|几成|几倍|百分之几|多大比例)")


def measure_figure_said(verb: str) -> re.Pattern[str]:
    """A figure in the clause of `verb` (…50%以上100%以下的比例核减, 核减…百分之二十)."""
    # (a share, a multiple or a sum — not the 一 of 下一年度)
    figure = rf"(?:\d\s*[%％]|百分之|{CN_NUMERAL}?倍|{CN_NUMERAL}成|(?:\d+(?:\.\d+)?|{CN_NUMERAL})\s*(?:万|亿)?元)"
    return re.compile(rf"{figure}[^。；，,]{{0,12}}?{verb}|{verb}[^。；，,]{{0,12}}?{figure}")

