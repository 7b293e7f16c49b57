"""What a question asks for, and which version of a document it is about — read from its wording.

Every cue a question can carry is spelled here once, but those of the figure it asks for and its
unit (kb.question.figures), of the standards it asks about (kb.question.standards_asked) and of the
documents it describes without 《》 (kb.question.described), and of the version it is about
(kb.question.versions_asked). `asks_of(text)` gives the kinds of answer a question wants (`Ask`).
"""
from __future__ import annotations

import re
import unicodedata
from enum import StrEnum
from typing import Sequence

from kb.question.versions_asked import is_change
from kb.text.normalize import fold


class Ask(StrEnum):
    """Kinds of answer a question wants. A question may want several (何时 + 改了什么)."""

    NUMERIC = "numeric"  # a number, a threshold, a ratio, a count (多少, 几, 比例)
    AMOUNT = "amount"  # a sum of money (罚多少, 多少钱, 金额)
    TIMELINE = "timeline"  # a date of the document or of an event (何时施行, 哪年通过)
    DEADLINE = "deadline"  # a period or time limit to act (多久, 期限, 几日内)
    WHO = "who"  # an authority or a party (谁, 哪个部门)
    PENALTY = "penalty"  # the consequence of a conduct (怎么罚, 法律责任)
    LIST = "list"  # several items (哪些, 包括, 条件)
    COMPARE = "compare"  # a comparison (区别, 相比)
    YESNO = "yesno"  # yes or no (是否, 能不能, …吗)
    STATUS = "status"  # whether a document is still in force (还有效吗, 废止了吗)
    CHANGE = "change"  # what changed between versions (修改了哪些, 比2017年版严了多少)
    DEFINITION = "definition"  # what a term means (是指, 什么是, 含义)


# A sentence under the criminal law asked (会被判刑吗, 判几年, 判多重, 会不会坐牢).
_SENTENCE_ASKED = r"判刑|判(?:几|多少)年|判多重|判多久|坐牢"

# 发布的 before a noun names a text by who issued it (行业协会发布的团体标准); 什么时候发布的？ asks when.
_NOT_NAMING_A_TEXT = r"(?!的[^？?。，,、；;！!\s])"

# Applied to the folded question (kb.text.normalize.fold), as the tokenizer sees it.
ASK_PATTERNS: dict[Ask, re.Pattern[str]] = {
    # 会被怎么处理 / 会有什么后果 after a conduct ask for its consequence; 怎么处理了 (a repealed law)
    # and 号牌怎么处理 (a procedure) do not.
    # (判几年, 判多重, 会被判刑吗: a sentence under the criminal law is a penalty too)
    Ask.PENALTY: re.compile(r"罚|处罚|处分|拘留|吊销|法律责任|担什么责任|承担.{0,4}责任|追究|" + _SENTENCE_ASKED +
                            r"|(?:会|能|将|可以|要)被?(?:怎么|如何|怎样)(?:处理|处置|办)|什么(?:样的)?后果|[由归]谁来?(?:处理|查处)|(?<!调)查处"
                            r"|(?:会|将|要|应当?|该)(?:受到|面临)(?:什么|哪些|何种|怎样)(?:样的)?(?:处理|惩处|惩罚|制裁)"
                            # a wrong done, then 怎么处理 (挪用了补贴资金，按…怎么处理)
                            r"|(?:挪用|截留|侵占|贪污|私分|骗取|冒领|虚报|伪造|篡改|擅自|私自|私下|违反|违规|非法|未经|无证"
                            r"|收受|索取|索要|收了[^，,。？?]{0,12}?送的"
                            r"|没(?:有)?经过?(?:批准|许可|同意|审批))"
                            r"[^？?]{0,40}?(?:怎么|如何|怎样)(?:处理|处置|处罚|办)"
                            # a duty left undone, then 该怎么处理 (没有及时办注销登记…，该怎么处理)
                            r"|(?:没有|未(?!来))[^？?]{2,40}?[，,](?:该|应该|应当|会|要)?(?:怎么|如何|怎样)(?:处理|处罚)"
                            # a duty left undone, then which body deals with it (没按规定报送数据，由哪一级部门处理)
                            r"|(?:没有?|未|不按)[^？?]{2,40}?[，,][^，,。？?]{0,4}由哪(?:一级|1级|个|些|一个|1个)[^，,。？?]{0,10}?"
                            r"(?:处理|查处|处罚)"
                            # a deed, then how an enforcing body deals with it (…转移危险废物的，海事部门怎么处理)
                            r"|[，,][^，,。？?]{0,10}?(?:部门|机关|机构|海事|公安|执法)(?:会|要|将|该|应当?)?"
                            r"(?:怎么|如何|怎样)(?:处理|处置|处罚|办)"
                            # someone's deed, then how it is dealt with (有人新建…项目，依法该怎么处理)
                            r"|(?:^|[，,])有(?:人|单位|企业|公司|工厂|厂家)[^？?]{2,60}?[，,][^，,。？?]{0,6}?"
                            r"(?:怎么|如何|怎样)(?:处理|处置|处罚|办)"
                            # how long one is barred after a wrong (多长时间内不能重新申请): a sanction's term
                            r"|(?:多久|多长时间|几年|多少年)(?:以?内|之内)?(?:都|还)?(?:不能|不得|不准|不许|不可以)(?:再|重新|再次)"
                            # told to correct and still not (到期也不改，由哪一级部门废止): what follows is a sanction
                            r"|(?:拒不|逾期不|到期(?:也|还|仍)?不|期满(?:也|还|仍)?不)改(?:正)?[^？?]{0,30}?(?:怎么|如何|怎样|谁|哪|什么)"),
    Ask.NUMERIC: re.compile(
        r"多少|多久|多长|多大|几年|几天|几个|几次|几倍|几项|几家|几种|几(?!乎)|期限|门槛|比例|幅度|最多|最少|至少|最长|最短|最晚|"
        r"百分之|时效(?!的?(?:限制|规定))|上限|下限|标准是"  # (不受诉讼时效的限制 asks no length)
    ),
    Ask.AMOUNT: re.compile(r"多少钱|罚多少|罚款.{0,6}(?:多少|幅度|数额|标准)|金额|数额(?!(?:特别)?(?:巨大|较大))|交多少|缴多少|多少元|多少万"),
    # (由哪几部分构成 asks what a thing is made of, not who)
    # 主管 asks who only as the thing asked about (主管部门是…, 归…主管), not inside a named recipient
    # (向节能主管部门报送什么材料 asks what).
    Ask.WHO: re.compile(r"谁|哪一?个部门|哪些部门|哪一级|哪级|哪一?个机关|哪一?个机构|什么部门|什么机关|哪几个部门|由哪(?!几个?(?:部分|项|类|种|方面)|些(?:部分|项|方面|内容))|向哪|报给|交给"
                        r"|主管(?:部门|机关|单位)?(?:是|为|在)|[归由][^，,。？?]{0,8}主管"),
    Ask.TIMELINE: re.compile(
        # (实施的 ends the question: 对…实施的临时管制 names a measure, not when it took effect)
        # (从哪天起算 asks where a period starts, not a date of a text)
        r"哪一?天(?!开始起?算|起算|算起)|何时|什么时候|哪年|哪一年|哪几年|施行|生效|实施的(?=[？?。，,]|$)|开始执行|开始实施|通过的|修正过|修订过|改过|(?:印发|发布|公布)"
        + _NOT_NAMING_A_TEXT + r"|日期"
    ),
    Ask.DEADLINE: re.compile(r"起算|算起|多久|多长时间|期限|时限|几(?:天|日|个月|年)之?内|之日起|截止|最晚|逾期|之前要|前报送|多少天|多少日"),
    Ask.LIST: re.compile(r"哪些|哪几|哪四|哪三|什么情况|哪类|条件|包括|内容|情形|渠道|分别"),
    Ask.COMPARE: re.compile(r"变化|区别|不同|不一样|相比|比较|新旧|前后|严了|跟以前|与以前|修订后.*修订前|老的.*新的"
                            r"|(?:是不是|是否)同一"
                            # (两部法的规定是否一致: whether two rules say the same)
                            r"|(?:是否|是不是)(?:一致|相同|一样)|(?:一致|相同|一样)(?:吗|不)"),
    Ask.YESNO: re.compile(r"吗[？?]?|是否|能不能|可不可以|算不算|有没有|要不要|需不需要|还需要.*吗"
                          r"|行不行|允不允许|准不准|让不让|合不合法|违不违法|合不合规"),
    Ask.STATUS: re.compile(
        # (已经失效、变质的商品: goods gone bad, not a text out of force)
        # (按已被废止的…法: a text described as repealed, not asked about)
        r"还有效|仍然有效|是否有效|有效吗|失效(?![、，,的和或]|变质)|废止了|被废止(?!的)|作废|还适用|还在执行|还能用|现行有效|是否现行|有效期"
        # (a text gone out of date, not 过期变质的商品 a shop sells)
        r"|过期(?:了|没|吗|作废)|是否过期|已经?过期"
    ),
    Ask.DEFINITION: re.compile(
        r"是指|指的是|指什么|什么是|什么叫|含义|定义|界定|概念|是什么意思|怎么理解"
        # (申请把这门手艺认定为… asks where to apply, not what the term means)
        r"|(?:^|(?<=[，,。？?]))(?![^，,。？?]*申请[^，,。？?]{0,16}认定为)[^，,。？?]*?认定为|(?:怎么|如何)认定|认定.{0,2}[“\"「]|认定的?(?:条件|标准)"
        # 法律上的湿地包不包括浅海: whether a thing falls under a term the law defines
        r"|法律上(?:的|说的|所说的|讲的|所称的?)[^，,。？?]{1,12}(?:包不包括|包括不包括|算不算|属不属于|是否包括|是否属于)"
        # 这家企业还算乡镇企业吗, 它们算不算受保护的古树: whether a thing falls under a term (not
        # whether a conduct is lawful: 算违法吗)
        r"|(?:算不算|还算|算是|属不属于|是否属于)(?!违|合法|犯罪|侵权)[^，,。？?]{2,14}?(?:吗|呢)?[？?]?$"
        # 这算不算…的“处理”: whether a thing falls under a term quoted, wherever the clause stands
        r"|(?:算不算|算是|属不属于|是否属于)(?!违|合法|犯罪|侵权)[^，,。？?]{0,14}?[“\"「][^”\"」]{1,10}[”\"」]"
        # 种子法里说的“主要农作物”具体是哪几种: what a quoted term of a law covers
        r"|(?:说的|所说的|讲的|所称的?)[“\"「][^”\"」]{1,12}[”\"」][^，,。？?]{0,4}(?:是|包括|指|有)(?:哪|什么)"
    ),
}

# To whom something is handed in (该向哪里递申请, 材料交给谁, 报到哪个部门): kb.answers.authority_leads.recipient_lead.
# (报到哪一级 asks how far up a report goes.)
RECIPIENT_ASKED_RE = re.compile(r"向(?:哪|谁)(?!一?级)|(?:交|报|递|送|寄)(?:到|给)(?:哪|谁)(?!一?级)|找(?:哪|谁)(?:个|些|家)?(?:部门|单位|机关|机构)?(?:申请|办理|投诉|举报|报)")
# What a question about dates or consequences is after, by name; answers look for the words
# the documents use for it (kb.answers.scoring.SOURCE_FOCUS).
FOCUS_PATTERNS: dict[str, re.Pattern[str]] = {
    # 实施 in a document's name (实施方案, 实施办法, 实施意见) is not a question about a date
    "effective": re.compile(r"施行|生效|实施(?!方案|办法|细则|意见|条例|计划)|执行|开始适用|起算"),
    "adopted": re.compile(r"通过"),
    "amended": re.compile(r"修正|修订|改过|修改|改了|改动"),
    "repealed": re.compile(r"废止|替代|取代|不再适用|怎么处理了"),
    "issued": re.compile(r"(?:印发|发布|公布|出台)" + _NOT_NAMING_A_TEXT),
    "consequence": re.compile(r"罚|处罚|责任|后果"),
    # 应急状态分哪几个等级, 分为哪些类别: the passage that divides (分为下列四级), not one that
    # only mentions the grades (确定应急状态等级)
    "grades": re.compile(r"分(?:为|成)?(?:哪)?几个?(?:级|类|种|档|等级|级别|档次|阶段|类别)"
                         r"|分(?:为|成)?哪些(?:级|类|种|档|等级|级别|档次|阶段|类别)"),
    # whether a text governs a case (也要按…条例管吗, 适用…规定吗, 受价格法管吗, 按什么规矩管): the
    # scope article (适用本条例, 不适用本法, 参照本条例执行), not a duty the case would then bear
    "scope": re.compile(
        r"(?:要|需要|得|用不用|要不要|需不需要|是否|也要|还要|也得|该不该)(?:遵守|按照?|依照|执行|适用|受)"
        r"[^，,。？?]{0,16}?(?:法|条例|办法|规定|细则)(?:管|约束|调整|办)(?:吗|呢)?"
        r"|(?:遵守|适用|适不适用)[^，,。？?哪什]{0,16}?(?:法|条例|办法|规定|细则)[^，,。？?]{0,2}(?:吗|呢|[？?])"
        r"|[归受][^，,。？?]{0,16}?(?:法|条例|办法|规定|细则)[^，,。？?]{0,2}管|(?:法|条例|办法|规定)(?:管不管|管得着)"
        r"|按什么(?:规矩|规定|办法|法规)(?:来)?管"
        # (水污染防治法管的是哪些水体, 近岸海域也归它管吗: what the text covers)
        r"|(?:法|条例|办法|规定|细则)(?:都)?管(?:的是|哪些|什么|得到|到哪)"
        r"|(?:也|还|都)?归(?:它|该法|本法|这部法|这个法|这部条例|该条例)管"),
}

DOCUMENT_EVENTS = ("effective", "adopted", "amended", "repealed", "issued")  # 何时施行 …: about the document

# 不公开…会怎样: what befalls a conduct not done or done wrongly — asked as its penalty, in the words
# the search and the second stage know (会受到什么处罚); at the end of the question, or of the first
# of two (一直拖着不报会怎样？要是…呢？).
_CONSEQUENCE_RE = re.compile(
    r"((?:不(?![同断久])|没|未(?!来)|拒不|拒绝|逾期|擅自|违规|违法|偷)[^。？?]{1,24}?)(?:会|将)(?:被)?(?:怎样|怎么样|如何|咋样)([？?。]|$)"
    # 在…区域新建…工厂，按2021年噪声法会怎样: a deed, then what a named law does about it
    r"|([^。？?]{2,40}?[，,](?:按照?|依照|根据|依据)[^。？?，,]{0,24}?(?:法|条例|办法|规定))(?:会|将)(?:被)?"
    r"(?:怎样|怎么样|如何|咋样)([？?。]|$)"
)


# A kind the question sets aside (国有重点大型企业（不是金融机构）的监事会; …，而不是个人): said to keep
# another text's namesake out, it names nothing to look for.
EXCLUDED_RE = re.compile(r"[（(](?:不是|不属于|并非|非|不含|不包括)([\u4e00-\u9fff]{2,10})[）)]|而不是([\u4e00-\u9fff]{2,8})(?=[，,。？?；;]|$)"
                         # a text set aside in the asker's words (除了按产品质量法等处罚以外，还有什么后果)
                         r"|除了(?:按照?|依照|依据|根据)?《?([\u4e00-\u9fff]{2,20}?(?:法|条例|办法))》?等?"
                         r"[^，,。？?]{0,6}?(?:以外|之外)")


def excluded_of(text: str) -> tuple[tuple[str, ...], str]:
    """The kinds a question sets aside, and its text without the words that set them aside."""
    words = tuple(next(g for g in groups if g) for groups in EXCLUDED_RE.findall(text))
    return words, (EXCLUDED_RE.sub("", text) if words else text)


def consequence_as_penalty(text: str) -> str:
    """The question with 会怎样 after a conduct read as 会受到什么处罚 (other questions unchanged).
    Not in the second question of two (归谁审查？审查不过会怎样？): there it follows the first's
    rule (a licence refused), which a penalty would push out of the lead."""
    m = _CONSEQUENCE_RE.search(text)
    if not m or re.search(r"[？?]", text[:m.start()]):
        return text
    deed, end = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    return f"{text[:m.start()]}{deed}会受到什么处罚{end}{text[m.end():]}"


# "严了多少", "宽了": how much stricter or milder a rule became (about its penalties).
SEVERITY_RE = re.compile(r"严了|宽了|重了|轻了|严格了|放宽了")


# A word the question puts in quotation marks (“夜间”) is what it is about.
QUOTED_RE = re.compile(r"[“\"「『‘]([^”\"」』’]{1,20})[”\"」』’]")

# The words a source uses for what such a question is after (施行 for "from when").
FOCUS_SOURCE: dict[str, re.Pattern[str]] = {
    "effective": re.compile(r"自[^。；，]{0,24}?起(?:施行|生效|实施|执行)|(?:施行|生效|实施)(?:日期|之日)|\d{4}年\d{1,2}月\d{1,2}日[^。；]{0,6}(?:施行|生效|实施)"),
    # (…会议通过的《关于修改…的决定》修正: a line dating an amendment, not the text's adoption)
    "adopted": re.compile(r"通过(?!的《[^》]*》[^。；\n]{0,8}?(?:修正|修订))"),
    "amended": re.compile(r"修正|修订|修改"),
    "repealed": re.compile(r"废止|同时废止"),
    # (国务院公布的《…》同时废止: another text's issuing, named in an article)
    "issued": re.compile(r"(?:印发|发布|公布)(?!的《)"),
    "consequence": re.compile(r"罚款|处.{0,12}罚|吊销|拘留|责令|赔偿责任|禁止.{0,8}从事"),
    # what befalls an official (依法给予处分): asked of officials instead of a firm's penalty
    "discipline": re.compile(r"处分|追究刑事责任"),
    "grades": re.compile(r"分为|分成|划分为|划分成|实行分级|分[一二三四五六七八九两\d]+(?:级|类|档|种)"),
    "scope": re.compile(r"适用本(?:法|条例|办法|规定|细则)|适用于|(?:参照|比照)(?:本|执行)|(?:依照|按照)本(?:法|条例|办法|规定)"
                        r"(?:的?(?:有关)?规定)?执行|另行规定|不属于本|本(?:法|条例|办法|规定|细则)(?:的)?(?:适用)?范围"),
}

# A batch of a list named by its number (第七批绿色工厂名单): only a passage naming that batch tells of it.
BATCH_RE = re.compile(r"第[一二三四五六七八九十百\d]+批")


# 放了好几个月, 找了好几家: a count the asker gives loosely, not one asked (几个月 is).
# (好几个月; 再过几年, 这几年: a time said loosely, not a count asked)
_LOOSE_COUNT_RE = re.compile(r"好几|(?:再|又)过几(?=年|天|个月)|(?<=[这那近])几(?=年|天)")


def without_loose_counts(text: str) -> str:
    """`text` with its loose counts (好几个月) told apart from counts asked (几个月), for the cues."""
    return _LOOSE_COUNT_RE.sub("若干", text)


_WHICH_ONES = re.compile(r"哪几")
# 会不会拿这些数据来处罚我们: whether something may ground a penalty (a rule on evidence), not the
# penalty for a conduct
_USED_TO_PUNISH = re.compile(r"(?:会不会|能不能|可不可以|可以|是否|能否)[^，,。？?]{0,12}(?:拿|用|以|作为|当作|当成)"
                             r"[^，,。？?]{0,14}?(?:来|去)?(?:处罚|罚)")
# Criminal liability asked (要承担什么刑事责任, 会被判几年): a passage imposing a sentence answers it, not
# an administrative penalty for the same conduct whose text only says 构成犯罪的，依法追究刑事责任.
CRIMINAL_ASKED = re.compile(r"刑事责任|什么罪|定罪|" + _SENTENCE_ASKED)

# 在…的处罚规定里算不算欺诈: penalty rules named as where to look, not a penalty asked
_PENALTY_RULES_AS_PLACE = re.compile(r"(?:行政)?处罚(?:的)?(?:规定|办法|条例|细则)(?=里|中|上|当中)")
# 对事故责任认定不服, 安全生产责任制, 责任险: 责任 in a name of a finding, a system or an
# insurance, not a liability asked about
_LIABILITY_AS_NAME = re.compile(r"责任(?:认定书?|制|险|区|保险)")


# 什么情况下可以不承担责任 / 免责 / 不予处罚: when one is spared, which a text's exemption says — not a penalty
_SPARED = re.compile(r"不(?:用|必|需要?)?(?:承担|担)[^，,。？?]{0,4}责任?|免责|免[予于](?:承担|处罚|追究)|不予(?:处罚|追究)")


# 政府对本地的大气环境质量要承担什么责任: answerable for a domain (…应当对…质量负责), a duty — not
# the liability for a wrong done
_ANSWERABLE_FOR = re.compile(r"对[^，,。？?]{0,20}?(?:质量|安全|工作|保护|治理|防治|管理)(?:要|应|应当|应该|需要|得)?"
                             r"(?:承担|担)(?:什么|哪些|怎样|何种)(?:样的)?责任")


def _without_penalty_context(folded: str) -> str:
    """The folded question without penalty words that ask no penalty (the patterns above)."""
    for pattern in (_PENALTY_RULES_AS_PLACE, _USED_TO_PUNISH, _LIABILITY_AS_NAME, _SPARED, _ANSWERABLE_FOR):
        folded = pattern.sub("，", folded)
    return folded

_APPEAL = re.compile(r"不服[^。？?]{0,12}(?:复议|起诉|诉讼|申诉)")
# 核对它是否写进了哪些内容: 是否 before 哪些 in one clause asks which things, not whether
WHICH_AFTER_WHETHER = re.compile(r"(?:是否|有没有)[^，,。？?]{0,8}?(?:哪些|哪几|哪一些)")


# Which older text a text repealed (它施行后哪个旧规定被废止了): its own clause says (…同时废止).
_WHICH_REPEALED = re.compile(r"哪(?:个|些|部|几部|几个|份)[^,，。？?]{0,10}?(?:被|同时|一并)?(?:废止|作废|不再执行)")


def asks_of(text: str) -> frozenset[Ask]:
    """The kinds of answer a question wants. `text`: the normalised question (the patterns of
    ASK_PATTERNS see it folded, as the tokenizer does; version words see it as written, since
    folding turns 两部 into 2部)."""
    folded = fold(text)
    # (folding writes 哪一级, 哪一年, 哪四类 as 哪1级, 哪1年, 哪4类, which the patterns — written as
    # people write — would miss: they read the text unfolded too)
    plain = unicodedata.normalize("NFKC", text).lower()
    kinds = {k for k, pat in ASK_PATTERNS.items() if pat.search(folded) or pat.search(plain)}
    if "几" in folded and re.search(r"哪几|几部|几个部门", folded):
        kinds.add(Ask.LIST)
        # 调到哪几个省市, 分哪几个等级 ask which ones, not how many
        if not ASK_PATTERNS[Ask.NUMERIC].search(_WHICH_ONES.sub("哪些", folded)):
            kinds.discard(Ask.NUMERIC)
    if Ask.PENALTY in kinds and not ASK_PATTERNS[Ask.PENALTY].search(_without_penalty_context(folded)):
        kinds.discard(Ask.PENALTY)
    if _USED_TO_PUNISH.search(folded):
        kinds.add(Ask.YESNO)  # 会不会拿…来处罚: whether it may
    if _APPEAL.search(folded):
        # 对罚款不服，多少天内可以申请复议 asks about the appeal, not the fine
        kinds -= {Ask.PENALTY, Ask.AMOUNT}
    if _WHICH_REPEALED.search(folded):
        # 它施行后哪个旧规定被废止了 asks what the text repealed, which its own clause says — not
        # whether it is in force
        kinds.discard(Ask.STATUS)
        kinds.add(Ask.LIST)
    if is_change(text):
        kinds.add(Ask.CHANGE)
    return frozenset(kinds)


# A question about what a catalogue, list or directory holds (目录里有多少类, 在不在…名录里),
# not about who makes it or what happens to the things in it.
CATALOGUE_CONTENT_RE = re.compile(
    # (…名录，…法要求它额外做哪些事: what the listed must do, not what the list holds)
    r"(?:目录|名录|清单)(?:里|中|内|上)?[，,]?[^，,。？?要做]{0,12}?(?:一共|共有|有多少|多少类|多少种|多少个|哪些|哪几|列了|归哪|有没有|包不包括|包括不包括)"
    r"|在不在[^，,。？?]{0,24}(?:目录|名录|清单)"
    # 被列入强制回收名录、生产企业必须回收的产品具体有哪些: the things a catalogue lists, asked after
    # what the listing entails
    r"|列入[^，,。？?]{0,16}?(?:目录|名录|清单)[^。？?]{0,30}?(?:具体)?(?:有|是|包括)(?:哪些|哪几)"
    r"|(?:目录|名录|清单)(?:里|中|内|上)?被?(?:列为|归为|定为|划为)"  # 在…名录里被列为第几类
    r"|(?:目录|名录|清单)(?:里|中|内|上)(?:属于|算|归)"  # 印刷厂在…名录里属于重点管理还是简化管理
    # 苯是不是列在高毒物品目录里, 锂电池是否属于必须检验的商品目录
    r"|(?:是否|是不是|有没有|算不算)(?:被)?(?:列入|纳入|列在|属于|在)[^，,。？?]{0,24}(?:目录|名录|清单)"
)


# A question after the working details of a rule (its steps, stages, procedure, how a price is
# set or computed), which laws usually leave to implementing rules (具体办法由国务院规定).
DETAIL_RE = re.compile(
    r"分几个?(?:阶段|步)|几个阶段|哪几个阶段|怎么操作|如何操作|具体(?:步骤|程序|流程|操作|做法)"
    r"|怎么拍卖|如何拍卖|起拍价|怎么计算|如何计算|怎么算|按(?:照)?什么办法(?:拨付|拨款|发放|分配|计算|计收|收取|征收)|每(?:立方米|千瓦时|度电|吨)[^，,。？?]{0,8}(?:多少|几分|几毛)"
)


# After a document's event the question goes on with a date word, a particle or a conjunction
# (哪天发布的, 施行时间, 通过以后, 施行和废止); with any other word it acts on that thing instead
# (发布管制命令, 实施无线电管制): the event is not the document's.
_EVENT_THEN = re.compile(r"[^\u4e00-\u9fff]|的|了|过|时|日|期|后|前|以|之|起|至|吗|呢|吧|啊|呀|和|与|及|或|、|并|还|是|于|到|出来|出台|生效|施行|实施|执行"
                         r"|多久|多长|几年|哪|什么|何|当天|当年|那天|那年|年份|月份|开始")


# Officials as the ones whose conduct is asked about (执法人员以权谋私会有什么后果): what befalls them is
# a disciplinary sanction, not a firm's fine.
OFFICIALS_RE = re.compile(r"执法人员|工作人员|公职人员|公务员|官员|干部|监管人员|监督管理人员|国家机关|执法者")
# …not officials a firm's conduct is done to (以不开门等方式阻挠环保执法人员进厂检查, 殴打执法人员)
_OFFICIALS_ACTED_ON = re.compile(r"(?:阻挠|阻碍|阻止|拒绝|妨碍|妨害|殴打|威胁|辱骂|刁难|不让|不配合)[^，,。？?]{0,6}?"
                                 r"(?:执法人员|工作人员|监管人员|监督管理人员|执法者)")


def focus_of(text: str) -> tuple[str, ...]:
    """The FOCUS_PATTERNS names a question is after (`text`: without its version phrase)."""
    folded = _without_penalty_context(fold(text))
    names = tuple(name for name, pat in FOCUS_PATTERNS.items()
                  if any(name not in DOCUMENT_EVENTS or _EVENT_THEN.match(folded, m.end()) or m.end() == len(folded)
                         for m in pat.finditer(folded)))
    if "consequence" in names and OFFICIALS_RE.search(_OFFICIALS_ACTED_ON.sub("", folded)):
        names = tuple("discipline" if n == "consequence" else n for n in names)
    return names


# A place asked about as the maker of a rule (上海市对…是怎么规定的, 浙江省2025年印发的…,
# 江苏的实施办法), not a place where the asker happens to be (我在广东开了家厂, 江苏一家化工厂).
_LOCAL_RULE_AFTER = re.compile(
    r"(?:省|市|自治区|特别行政区)?(?:人民政府|政府|当地|本地)?(?:\d{4}\s*年度?)?"
    r"(?:对|规定|要求|出台|印发|制定|发布|颁布|划定|确定的|公布的|的(?:地方性?)?(?:法规|规章|规定|标准|办法|细则|条例|政策|实施办法)"
    r"|(?:有没有|是否|有无)?(?:已经|已)?(?:决定|出台|制定)"  # 浙江省有没有决定…: what the place itself decided
    r"|地方性?(?:法规|规章|规定|标准)"
    # a local document named by its title without 《》 (按照上海市物业管理条例)
    r"|(?:省|市|自治区)[\u4e00-\u9fff]{2,20}?(?:条例|办法|实施细则|管理规定)"
    # 江苏省根据…条例制定的实施办法
    r"|(?:省|市|自治区)?[^，,。？?；;]{0,30}?(?:制定|出台|印发|颁布|发布)的(?:地方性?)?[^，,。？?；;]{0,6}?(?:办法|细则|规定|条例|标准|政策))"
)


def local_rule_places(text: str, places: Sequence[str]) -> list[str]:
    """The places among `places` whose own rules the question asks about (`text`: folded)."""
    out = []
    for place in places:
        for m in re.finditer(re.escape(place), text):
            if _LOCAL_RULE_AFTER.match(text, m.end()):
                out.append(place)
                break
    return out


# What a figure asked is about, where that decides which figure answers it: how long something is
# kept (保存几年: a keeping period, not another deadline of the same records), or a target (目标是
# 多少: not what was achieved before).
KEEPING_ASKED_RE = re.compile(r"保存|保留|留存|存档|归档|保管|留多久|存多久")
# A lead time asked (要提前多少天申请): a period before an event, which a time within which
# something is done (20个工作日内作出决定) does not state.
ADVANCE_ASKED_RE = re.compile(r"提前(?:多少|几|多久|多长)|(?:到期|届满|期满)(?:之|以)?前(?:多少|几|多久|多长)")
TARGET_ASKED_RE = re.compile(r"目标|要达到|要降到|要下降|要提高到|计划到|力争")
# A standard's number asked (国家标准编号是多少, 标准号是什么): only a passage that writes one answers.
STANDARD_NUMBER_ASKED_RE = re.compile(r"标准(?:的)?(?:编号|代号)|标准号|国标号")
# (没给强制性标准编号: numbering a standard is an act asked about, not its number; so is the rule for
# numbering them, 行业标准的代号、编号办法由谁规定)
_NUMBERING_A_STANDARD = re.compile(r"[给予][\u4e00-\u9fff]{0,3}?标准(?:的)?(?:编号|代号)"
                                   r"|标准(?:的)?(?:编号|代号)(?:[、和与及](?:编号|代号))?的?(?:办法|规则|方法|方式)")


def standard_number_asked(text: str) -> bool:
    """Whether a standard's number is asked (国家标准编号是多少), not the act of numbering one."""
    return bool(STANDARD_NUMBER_ASKED_RE.search(_NUMBERING_A_STANDARD.sub("", text)))
# A question about a document itself — its number, issuer or title — which its header answers.
ABOUT_THE_DOCUMENT_RE = re.compile(r"谁发的|哪个部门发|哪个单位发|发文|文号|字号|签发|哪个文件|什么文件|全称|标题")
# A yes/no question about a duty (是不是必须…, 有没有义务…, 要不要…, 必须…吗): what follows is the
# duty asked about, which the answer must state — not a neighbouring duty of the same subject.
# (要不要算在里面, 要不要计入 asks what a sum includes, not a duty.)
_DUTY_ASKED = re.compile(
    r"(?:是不是|是否)(?:[^，,。？?；;必一要需应得]{0,6}?(?:都|也|还))?(?:必须|一定要|一定得|要|需要|应当|得)"
    r"|有没有(?:义务|责任)|要不要(?!算|计入|计算在|包括|包含|列入)|需不需要|需要不需要"
    r"|(?:必须|一定要|有义务|有责任|(?<![主重只不想])(?:需要|要)(?![求点素件])|还得|都得)(?=[^，,。？?；;]{2,30}吗)"
)
_DUTY_END = re.compile(r"[，,。？?；;！!]")
# What the asker must do, asked without naming a duty (按节能法要做什么, 有哪些义务).
# (要马上做什么, 应当先做什么: when, said between, changes nothing)
DUTIES_ASKED_RE = re.compile(r"(?:要|该|应当?|得)(?:马上|立即|立刻|赶紧|赶快|先|首先|第一时间)?做(?:些)?什么"
                             # (法律要求我们第一时间做什么)
                             r"|(?:马上|立即|立刻|赶紧|赶快|首先|第一时间)(?:要|该|应当?|得)?做(?:些)?什么"
                             r"|有(?:哪些|什么)义务|要履行(?:哪些|什么)|要尽(?:哪些|什么)")


def duty_asked(text: str) -> str:
    """The duty a yes/no question asks about (给观众买公众责任险), '' for other questions."""
    m = _DUTY_ASKED.search(text)
    if not m:
        return ""
    rest = _DUTY_END.split(text[m.end():], maxsplit=1)[0]
    return re.sub(r"[吗呢呀啊]+$", "", rest).strip()


# An incentive asked about (有没有补助, 能享受哪些税收优惠, 奖励资金): only a text that grants one
# answers it; a duty to install the equipment the question would have subsidised does not.
INCENTIVE_ASKED_RE = re.compile(r"补贴|补助|奖补|奖励|扶持|优惠|减免|减半|免税|退税|贴息|专项资金|资金支持|政策支持"
                                r"|税前扣除|(?:抵扣|抵免|扣除)[^，,。？?]{0,4}(?:所得税|税款|应纳税)")


def incentive_asked(text: str) -> str:
    """The incentive a question asks about (补助), '' for none."""
    m = INCENTIVE_ASKED_RE.search(text)
    return m.group(0) if m else ""


# The latest or the first revision asked (最近一次修改, 第一次修正): (latest | first, 修正 | 修订 | '').
_LATEST_REVISION = re.compile(r"(?:最近|最后|最新|上)一次(?:的)?(?:修改|修正|修订|改)")
# when, or by which decree, the text now in force was revised (现行的X法是哪天修订的): its last
# revision — unless the question counts them (现行的X法修改过几次)
_CURRENT_REVISION = re.compile(r"(?:现行|目前|现在|当前)[^，,。？?；;]{0,24}?(?:修改|修正|修订)(?![^，,。？?；;]{0,3}(?:几|多少)次)")
_FIRST_REVISION = re.compile(r"(?:第一次|首次|最早一次)(?:的)?(?:修改|修正|修订|改)")


# (第二次修正是哪天: the revision of that rank, named so in the header)
# (not 第二次修订后的…法: a version named, its revision not asked about)
_NTH_REVISION = re.compile(r"(第[二三四五六七八九十]+次)(?:的)?(?:修改|修正|修订)(?!后|以后|之后|前|以前|之前)")


def revision_asked(text: str) -> tuple[str, str]:
    """('latest' | 'first' | an ordinal named — 第二次 — | '', the kind named: 修正 | 修订 | '' for
    修改 or 改)."""
    nth = _NTH_REVISION.search(text)
    pick = ("latest" if _LATEST_REVISION.search(text) or _CURRENT_REVISION.search(text)
            else "first" if _FIRST_REVISION.search(text) else nth.group(1) if nth else "")
    kind = "修正" if "修正" in text else "修订" if "修订" in text else ""
    return pick, kind if pick else ""
