"""Which passage an extractive answer leads with, when it is not search's first: a list of the
thing asked before a list of anything else (kb.answers.list_leads; the penalty rules are in
kb.answers.penalty_leads), the article saying who makes a list or approves what is asked about,
the clause that dates a text's entry into force before its header, the article stating a head
count asked, the article a lead excepts by number. Each rule looks a few passages down search's
order, within the first passage's document (kb.answers.lead_search).
"""
from __future__ import annotations

import re

from kb.answers.authority_leads import (DUTIES_OF_ASKED, IN_CHARGE_ASKED, LEVEL_ASKED, authority_lead, duties_of_body_lead,
                                       in_charge_lead, level_lead, recipient_lead)
from kb.answers.figure_stated import MEASURE_FIGURE_ASKED, measure_figure_said, names_tax, number_in_unit
from kb.answers.lead_search import (LEAD_LOOKAHEAD, LIST_LOOKAHEAD, first_part_document_lead, named_document_lead,
                                    next_of_same_document, saying_lead)
from kb.answers.list_leads import MAY_ASKED, VIOLATIONS_ASKED, list_lead, listed_nouns, topic_list_naming
from kb.answers.penalty_leads import (PAYING_OR_CONTESTING_ASKED, criminal_lead, party_lead, penalties_lead,
                                      sanction_asked, sanction_lead, sanctioner_lead)
from kb.answers.scoring import Scored
from kb.index.lexical import bigrams
from kb.question.figures import PEOPLE_UNITS
from kb.question.document_asks import ISSUER_ASKED_RE
from kb.question.kinds import CRIMINAL_ASKED, FOCUS_SOURCE, RECIPIENT_ASKED_RE, WHICH_AFTER_WHETHER, Ask
from kb.question.lexicon import legal_words
from kb.question.reading import ParsedQuestion
from kb.text.roles import Role, definition_of, roles
from kb.types import SearchHit

MULTIPLE_UNIT = "倍"  # a multiple asked (按几倍罚), as figure_unit gives it


def effective_lead(hits: list[SearchHit], quotable: list[int], first: int) -> int:
    """"From when does it apply" is answered by the clause that says so (本法自…起施行), not by a
    law's header, whose lines date its adoption and amendments: when search's first passage
    states no effective date and one of the next of the same document does, that one leads."""
    return saying_lead(hits, quotable, first, FOCUS_SOURCE["effective"], LEAD_LOOKAHEAD + 1)


# A passage that makes a class of those bound (下列用能单位为重点用能单位：…) and the duties of that class
# (重点用能单位应当设立能源管理岗位…), asked by someone who falls in it (我们厂一年用一万多吨标准煤，要设能源
# 管理岗位吗 / 要做什么): the first says the asker is one, the second what such a one must do.
_CLASS_MADE = re.compile(r"(?:下列|以下)[^。：:；]{0,12}?为([\u4e00-\u9fff]{2,12})[：:]")
DUTY_SHARE = 0.3  # share of the asked duty's character pairs the class's duty must hold


# When something may be done (什么情况下可以制定地方标准, 哪些情形下才能…): the text says 可以 + the act
CONDITION_ASKED = re.compile(r"(?:什么|哪些|何种|哪种)(?:样的)?(?:情况|情形|条件)下?(?:才)?(?:可以|能够|能|允许)"
                             r"(?P<act>[\u4e00-\u9fff]{2,6})")
# A principle, policy or system asked by name (按什么原则, 实行哪些制度): texts state it in that word.
PRINCIPLE_ASKED = re.compile(r"(?:什么|哪些|哪几[项个条种]?|何种)(?:样的)?(?P<noun>原则|方针|制度)")
_BINDS = re.compile(r"应当|必须")  # what binds someone: a duty
# The parties whose duties are asked (建设单位和设计单位分别有什么义务)
_PARTIES_NAMED = re.compile(r"(?:^|[，,、和与及跟])([\u4e00-\u9fff]{2,4}?(?:单位|企业|机构|经营者|生产者|销售者|使用者))"
                            r"(?=[和与及跟、，,]|分别|各自|都|要|应当|应该|有|的义务|的责任)")


def _parties_bound(question: str) -> re.Pattern[str]:
    """What binds the parties a duty question names (建设单位应当…), or any binding when it names none."""
    parties = list(dict.fromkeys(_PARTIES_NAMED.findall(question)))
    if not parties:
        return _BINDS
    return re.compile(rf"(?:{'|'.join(map(re.escape, parties))})[^。；，,]{{0,6}}?(?:应当|必须)")


def duty_of_class_lead(hits: list[SearchHit], quotable: list[int], first: int, duty: str) -> int:
    """When search's first passage only makes the class the asker is in, the passage of its
    document among search's that binds that class (…应当…) leads — the one that states `duty`, the
    duty asked, when one is asked."""
    m = _CLASS_MADE.search(hits[first].text or "")
    if not m:
        return first
    bound = re.compile(re.escape(m.group(1)) + r"(?:应当|必须|不得)")
    want = bigrams(duty) if duty else set()

    def fits(i: int) -> bool:
        text = hits[i].text or ""
        return bool(bound.search(text)) and (not want or len(want & bigrams(text)) / len(want) >= DUTY_SHARE)

    # (any passage search found: 应当 after the very class made is specific enough)
    return next_of_same_document(hits, quotable, first, fits, len(quotable))


# Who makes a list asked (地块名单是哪个部门负责编的, 目录由谁制定): the article saying who makes it
# (…名录由省级…部门会同…制定) answers, not one on what is done to the things listed.
MAKER_ASKED = re.compile(
    r"(?:名单|名录|目录|清单)[^。？?]{0,12}?(?:谁|哪个|哪些|哪一?级|哪家)[^，,。？?]{0,8}?(?:编|制定|定的|来定|确定|拟定|发布|公布)"
    r"|(?:谁|哪个|哪些|哪一?级|哪家)[^，,。？?]{0,8}?(?:编|制定|拟定|发布|公布)[^，,。？?]{0,12}(?:名单|名录|目录|清单)")
_MAKER_SAID = re.compile(r"(?:制定|编制|拟订|拟定|确定|发布|公布)[^。；，]{0,30}?(?:名录|目录|清单|名单)"
                         r"|(?:名录|目录|清单|名单)[^。；]{0,30}?由[^。；]{2,40}?(?:制定|编制|拟订|发布|公布)")


# Who makes or decides a thing asked (大气环境质量标准由谁来制定): the article where a body does it
# (…主管部门或者…人民政府制定大气环境质量标准) answers, not one on how it is done (制定标准，应当组织专家
# 审查) that names a body only as one consulted.
AGENT_ASKED = re.compile(r"(?P<thing>[\u4e00-\u9fff]{2,16}?)(?:是|要|应当|该|应该)?[由归](?:谁|哪个|哪些|哪一?层?级|哪家|什么)"
                         r"[^，,。？?]{0,8}?(?P<verb>制定|编制|拟定|拟订|划定|核定|审定|指定|确定|决定)")
_AGENT = r"(?:部门|政府|国务院|机关|机构|委员会)"


def agent_said(verb: str, thing: str) -> re.Pattern[str]:
    """A body as the one doing `verb` to `thing` (…部门制定大气质量标准, …委员会，负责国家标准的制定), or
    the thing put in a body's hands (行业标准由国务院有关行政主管部门编制计划)."""
    t, v = re.escape(thing), verb
    return re.compile(rf"{_AGENT}[^。；，,：:]{{0,10}}?{v}[^。；，,]{{0,4}}?{t}|{_AGENT}[^。；]{{0,20}}?负责{t}的?{v}"
                      rf"|{t}[由归][^。；，,]{{0,20}}?{_AGENT}")


# Whose approval is asked (需要哪一级政府点头, 由谁审批): a passage saying who approves (经省级人民政府批准)
# answers, not one where the same body plans or records something.
APPROVAL_ASKED = re.compile(r"(?:谁|哪个|哪些|哪一?级|哪家|什么)[^，,。？?]{0,8}?(?:批准|审批|核准|同意|点头|批)")
_APPROVAL_SAID = re.compile(r"批准|审批|核准|同意")


# Asked whether something costs a fee (要交仲裁费吗, 收不收费, 费用谁出): the passage on fees answers
# (仲裁不收费, 不得向当事人收取费用), not one on the procedure that shares the question's other words.
FEE_ASKED = re.compile(r"(?:交|缴|收|付|出|掏)[^，,。？?]{0,6}?费|费用|收费|要钱|花钱|收钱")
_FEE_SAID = re.compile(r"费|无偿|有偿")


def fee_lead(hits: list[SearchHit], quotable: list[int], first: int) -> int:
    """When search's first passage says nothing of a fee and one of the next of its document does,
    that one leads."""
    # (as far down as a list of the thing asked is looked for: a passage on fees is as particular)
    return saying_lead(hits, quotable, first, _FEE_SAID, LIST_LOOKAHEAD)


# Asked who interprets a text (由哪些部门负责解释, 解释权归谁): its clause naming the interpreter answers
# (本规定由…负责解释), not the article on who supervises what it governs.
INTERPRETER_ASKED = re.compile(r"负责解释|由(?:谁|哪个|哪些|哪家)[^，,。？?]{0,6}解释|解释权")
INTERPRETER_SAID = re.compile(r"负责解释|解释权|由[^。；，]{2,30}解释")


def interpreter_lead(hits: list[SearchHit], quotable: list[int], first: int) -> int:
    """When search's first passage names no interpreter and one of its document's does, that one
    leads (a text's 解释 clause stands near its end, far from the question's other words)."""
    return saying_lead(hits, quotable, first, INTERPRETER_SAID, len(quotable))


# A list of what a rule does not reach (哪些请求不受诉讼时效的限制, 哪些事情不能起诉, 哪些东西不受保护): the
# list a text sets apart (下列请求权不适用…, 不受理…对下列事项提起的诉讼, 本法不适用于：) answers it, not a
# list of what the rule does reach or of what stops it for a while (因下列障碍，不能行使请求权的).
EXCLUSION_ASKED = re.compile(r"哪些[^，,。？?]{0,12}(?:不受|不能|不可以|不属于|不适用|不在|不用|不需要?|不必|无需|免于|免予)")
_EXCLUSION_LISTED = re.compile(r"(?:不适用|不受理|不予受理|不属于|不受[^。；，]{0,8}(?:保护|限制))[^。；]{0,30}[：:]"
                               r"|下列[^。；：:]{0,20}(?:不适用|不受理|不属于|不需要|无需|不必|免于|免予)")


def exclusion_lead(hits: list[SearchHit], quotable: list[int], first: int) -> int:
    """When search's first passage sets nothing apart and one of its document's does, that one
    leads (a text's exclusions stand in one article, often far from the question's words)."""
    return saying_lead(hits, quotable, first, _EXCLUSION_LISTED, len(quotable))


def definition_lead(hits: list[SearchHit], quotable: list[int], first: int, quoted: tuple[str, ...]) -> int:
    """A term asked about in quotation marks (条例里说的“温室气体”指哪几种) is answered where its
    text defines it (温室气体，是指…): when search's first passage does not and one of the next of
    its document does, that one leads."""
    defined = [definition_of(q).pattern for q in quoted if 2 <= len(q) <= 12]
    if not defined:
        return first
    return saying_lead(hits, quotable, first, re.compile("|".join(defined)), LEAD_LOOKAHEAD)


# 溢油多少吨就算特别重大事故, 属于哪一类: what a thing counts as, which a definition says — and how
# much or how long (长期、中期预报各管多长时间): definitions often state it
CLASSED_ASKED = re.compile(r"算|属于|称为|叫做?|多少|几|多长|多久|多大|多高|多远|多重")


_DEFINED = re.compile(r"([\u4e00-\u9fff]{2,12})[，,]?(?:是指|指的是)")
_DEFINING = re.compile(r"^.*?(?:所称|用语的含义)")


def defined_and_named(text: str, pq: ParsedQuestion) -> int:
    """How many terms a passage defines (X，是指…) the question names outside the titles it names."""
    rest = pq.text
    for title in sorted(pq.documents, key=len, reverse=True):
        rest = rest.replace(title, "|")
    return len({_DEFINING.sub("", t) for t in _DEFINED.findall(text)} & {t for t in _words_in(rest)})


def _words_in(text: str) -> set[str]:
    """Every run of 2–12 CJK characters inside `text` (what a defined term is matched against)."""
    runs = re.findall(r"[\u4e00-\u9fff]+", text)
    return {r[i:j] for r in runs for i in range(len(r)) for j in range(i + 2, min(len(r), i + 12) + 1)}


def past_definition_lead(pq: ParsedQuestion, hits: list[SearchHit], quotable: list[int], first: int) -> int:
    """Not asked what a term means or covers (公共机构在用能管理上总的要求是什么), a passage that only
    defines the question's subject (本条例所称公共机构，是指…; every sentence a definition) names it and
    says nothing of it: the next passage of its document that is no definition leads."""
    sentences = [x for x in re.split(r"[。；;]", hits[first].text or "") if x.strip()]
    if not sentences or not all(Role.DEFINITION in roles(x) for x in sentences):
        return first  # (a scope article, 适用本条例 … 本条例所称燃气是指…, says whom the text binds)
    if Ask.COMPARE in pq.asks and defined_and_named(hits[first].text or "", pq) >= 2:
        return first  # (浓缩饲料和配合饲料有什么区别: two terms told apart by their definitions)
    return next_of_same_document(hits, quotable, first,
                                 lambda i: Role.DEFINITION not in roles(hits[i].text or ""), LEAD_LOOKAHEAD)


_LOOSE = set("的了是别其他个就要都只么些这那")  # a pair with one of these names nothing (别的, 的电)


def _option_marks(option: str, other: str) -> tuple[set[str], list[str]]:
    """What names an option in a passage: its character pairs the other option lacks (教育部门 against
    税务部门: 教育, 育部), and the texts' words for it (税务局 → 税务机关)."""
    own = {p for p in bigrams(option) - bigrams(other) if not _LOOSE.intersection(p)}
    return own, legal_words(option)


def choice_lead(hits: list[SearchHit], quotable: list[int], first: int, options: tuple[str, str]) -> int:
    """Asked to choose (税务局收还是海关收), the passage naming what is set side by side answers: when
    search's first passage names fewer of the options than one of the next passages of its document,
    that one leads."""
    marks = [_option_marks(options[0], options[1]), _option_marks(options[1], options[0])]

    def named(i: int) -> int:
        text = hits[i].text or ""
        pairs = bigrams(text)
        return sum(1 for own, words in marks if own & pairs or any(w in text for w in words))

    have = named(first)
    if have == len(marks):
        return first
    counts = {i: named(i) for i in quotable[:LEAD_LOOKAHEAD] if i != first and hits[i].doc_id == hits[first].doc_id}
    return max((i for i in counts if counts[i] > have), key=counts.__getitem__, default=first)


# Why a text was made (立法是为了什么, 宗旨, 初衷) is said by its purpose clause (为了…，制定本法), which
# search may rank below an article naming the text's aims as policy.
PURPOSE_ASKED = re.compile(r"目的|宗旨|初衷|立法意图|为了什么|为什么要?(?:制定|立|出台)")
# (…是为了达到哪些目的 asked of a thing the text defines is answered by its definition)
PURPOSE_OF_TEXT = re.compile(r"立法|制定|出台|颁布|这部|该法|本法|(?:法|条例|办法|规定)(?:的|是|要|立)")
_PURPOSE_SAID = re.compile(r"^(?:第[一二三四五六七八九十]+条\s*)?为了?[^。]{4,200}?(?:特)?制定本(?:法|条例|办法|规定|细则)", re.M)


# What answers a part of a two-part question, where it can be told by its words: a quantity in the
# unit asked (不得少于2人), an authority (主管部门, 人民政府).
_AUTHORITY_SAID = re.compile(r"部门|机关|机构|人民政府|委员会")


def _part_answered(part: ParsedQuestion) -> tuple[str, re.Pattern[str]] | None:
    if part.figure == "quantity" and part.figure_unit:
        return "quantity", number_in_unit(part.figure_unit)
    if part.asks == {Ask.WHO}:
        return "who", _AUTHORITY_SAID
    return None


def every_part_lead(pq: ParsedQuestion, hits: list[SearchHit], quotable: list[int], first: int) -> int:
    """Asked two different things that words can tell (谁负责检查？最少几个人？), a passage answering
    both leads over one answering only one (when it is of the first passage's document, a little
    further down). (Two ways of asking one thing, 解释权归谁？由哪个部门解释？, are left to the rules
    for that thing.)"""
    tests = [_part_answered(p) for p in pq.parts]
    if len(tests) < 2 or any(t is None for t in tests) or len({t[0] for t in tests if t}) < len(tests):
        return first

    def answers_all(i: int) -> bool:
        return all(t[1].search(hits[i].text or "") for t in tests if t is not None)

    return first if answers_all(first) else next_of_same_document(hits, quotable, first, answers_all, LIST_LOOKAHEAD)


def count_lead(hits: list[SearchHit], quotable: list[int], first: int, counted: re.Pattern[str]) -> int:
    """Asked how many people (最少要派几个人), a passage of the same document stating a number of
    them (检查人员不得少于2人) leads over the article on who inspects that search put first; asked a
    multiple (罚款按几倍计算), the penalty stating one (货值金额一倍以上三倍以下) over one that states none."""
    if counted.search(hits[first].text or ""):
        return first
    return next_of_same_document(hits, quotable, first, lambda i: bool(counted.search(hits[i].text or "")),
                                 LEAD_LOOKAHEAD + 1)


# An exception stated by another article's number (除本条例第十条规定的不需要申请…的情形外): asked
# whether one needs to (需要申请…吗), the article listing the exceptions answers for those it names.
_EXCEPTED_BY_NUMBER = re.compile(r"除(?:本(?:法|条例|办法|规定|细则))?(第[一二三四五六七八九十百零〇]+条)[^。；]{0,40}?(?:情形|情况|规定)外")


# A range of a fine the question itself states (哪些行为会被罚一万到十万元): the passage imposing that range
_RANGE_STATED = re.compile(r"([一二三四五六七八九十百千万\d.]+)元?(?:到|至|~|～|-)([一二三四五六七八九十百千万\d.]+)元")


def stated_range_lead(pq: ParsedQuestion, hits: list[SearchHit], quotable: list[int], first: int) -> int:
    """The passage of the first one's document imposing the range of a sum the question states
    (罚一万到十万元: 处一万元以上十万元以下的罚款), when the first imposes another."""
    m = _RANGE_STATED.search(pq.text)
    if not m:
        return first
    said = re.compile(rf"{re.escape(m.group(1))}元?以上{re.escape(m.group(2))}元?以下")
    if said.search(hits[first].text or ""):
        return first
    return next_of_same_document(hits, quotable, first, lambda i: bool(said.search(hits[i].text or "")), LEAD_LOOKAHEAD + 1)


def excepted_article_lead(pq: ParsedQuestion, hits: list[SearchHit], quotable: list[int], first: int) -> int:
    """The article a lead excepts by number, when it is among the next passages and names a word of
    the question the lead does not (维修 of a repairer asking whether it needs a permit)."""
    m = _EXCEPTED_BY_NUMBER.search(hits[first].text or "")
    if m is None:
        return first
    own = [t for t in pq.terms if len(t) >= 2 and t not in (hits[first].text or "")]
    return next_of_same_document(hits, quotable, first,
                                 lambda i: hits[i].locator == m.group(1) and any(t in (hits[i].text or "") for t in own),
                                 LEAD_LOOKAHEAD + 1)


def tax_lead(pq: ParsedQuestion, hits: list[SearchHit], quotable: list[int], first: int) -> int:
    """Asked whether a tax is due (要不要交资源税), a passage naming that tax (免征资源税) leads over one
    that does not (a coal law on using coal-bed gas), of whatever text, among the next few."""
    if names_tax(pq.tax, hits[first]):
        return first
    return next((i for i in quotable[:LEAD_LOOKAHEAD + 1] if names_tax(pq.tax, hits[i])), first)


def lead_for(pq: ParsedQuestion, hits: list[SearchHit], scored: Scored, quotable: list[int], first: int) -> int:
    """The passage an answer leads with, when search's second stage put `first` first: each rule
    above, where the question asks what it looks for, may hand the lead to a passage a little
    further down that says it."""
    if scored.qtypes == {"list"} or (scored.qtypes == {"list", "yesno"} and WHICH_AFTER_WHETHER.search(pq.text)):
        first = list_lead(hits, scored, quotable, first, listed_nouns(pq.text), topic_list_naming(pq.text, pq.terms),
                          may=bool(MAY_ASKED.search(pq.text)), violations=bool(VIOLATIONS_ASKED.search(pq.text)))
    if Ask.DEFINITION in pq.asks and pq.quoted:
        first = definition_lead(hits, quotable, first, pq.quoted)
    if not pq.asks & {Ask.DEFINITION, Ask.LIST} and not (pq.quoted or pq.figure or CLASSED_ASKED.search(pq.text)):
        first = past_definition_lead(pq, hits, quotable, first)
    if "effective" in pq.focus and Ask.TIMELINE in pq.asks and Ask.WHO not in pq.asks:
        first = effective_lead(hits, quotable, first)
    if Ask.PENALTY in pq.asks and not PAYING_OR_CONTESTING_ASKED.search(pq.text):
        first = sanction_lead(hits, quotable, first)
        first = party_lead(pq, hits, quotable, first)
        if CRIMINAL_ASKED.search(pq.text):
            first = criminal_lead(hits, quotable, first)
    if Ask.LIST in pq.asks and EXCLUSION_ASKED.search(pq.text):
        first = exclusion_lead(hits, quotable, first)
    if FEE_ASKED.search(pq.text) and pq.asks & {Ask.YESNO, Ask.WHO} and not (pq.figure or pq.parts):
        first = fee_lead(hits, quotable, first)
    if INTERPRETER_ASKED.search(pq.text) and Ask.WHO in pq.asks and Ask.PENALTY not in pq.asks:
        first = interpreter_lead(hits, quotable, first)
    if DUTIES_OF_ASKED.search(pq.text):
        first = duties_of_body_lead(pq, hits, quotable, first)
    if Ask.WHO in pq.asks:
        first = authority_lead(hits, quotable, first, pq.decider)
        if IN_CHARGE_ASKED.search(pq.text) and not pq.parts:
            first = in_charge_lead(pq, hits, quotable, first)
        sanction = sanction_asked(pq.text)
        if sanction:
            first = sanctioner_lead(hits, quotable, first, sanction)
        if APPROVAL_ASKED.search(pq.text) and not pq.parts:  # (a part asking something else may lead)
            first = saying_lead(hits, quotable, first, _APPROVAL_SAID, LEAD_LOOKAHEAD + 1)
        if MAKER_ASKED.search(pq.text):
            first = saying_lead(hits, quotable, first, _MAKER_SAID, LEAD_LOOKAHEAD + 1)
        agent = AGENT_ASKED.search(pq.text)
        thing = agent.group("thing").split("的")[-1] if agent else ""
        if len(thing) >= 2 and not pq.parts:  # (我们厂的排放标准由谁来制定: the thing is 排放标准)
            first = saying_lead(hits, quotable, first, agent_said(agent.group("verb"), thing), LEAD_LOOKAHEAD + 1)
        if LEVEL_ASKED.search(pq.text):
            first = level_lead(hits, scored, quotable, first, pq.text)
    condition = CONDITION_ASKED.search(pq.text)
    if condition and not pq.parts:  # (什么情况下可以制定地方标准: the article saying when it may be)
        said = re.compile("可以" + re.escape(condition.group("act")[:4]))
        first = saying_lead(hits, quotable, first, said, LEAD_LOOKAHEAD + 1)
    principle = PRINCIPLE_ASKED.search(pq.text)
    if principle and not pq.parts:  # (按什么原则推进: the article that names the principle)
        first = saying_lead(hits, quotable, first, re.compile(principle.group("noun")), LEAD_LOOKAHEAD + 1)
    measure = MEASURE_FIGURE_ASKED.search(pq.text)
    if measure and not pq.parts:
        first = saying_lead(hits, quotable, first, measure_figure_said(measure.group("verb")), LEAD_LOOKAHEAD + 1)
    if RECIPIENT_ASKED_RE.search(pq.text) and not pq.parts and pq.asks <= {Ask.WHO}:
        # (asked also how long or what, the passage answering that part may name no recipient)
        first = recipient_lead(hits, quotable, first)
    if pq.options[0]:
        first = choice_lead(hits, quotable, first, pq.options)
    if (Ask.YESNO in pq.asks and pq.duty) or pq.duties_asked:
        first = duty_of_class_lead(hits, quotable, first, pq.duty)
    if pq.duties_asked:
        # (储罐泄漏，要马上做什么: not a power of the authorities, 有权采取必要的措施, but 应当立即…;
        # 建设单位和设计单位分别有什么义务: those parties bound, not the governments)
        binds = _parties_bound(pq.text)
        if not binds.search(hits[first].text or ""):
            first = next_of_same_document(hits, quotable, first, lambda i: bool(binds.search(hits[i].text or "")),
                                          LEAD_LOOKAHEAD + 1)
    if (PURPOSE_ASKED.search(pq.text) and PURPOSE_OF_TEXT.search(pq.text)
            and not (pq.figure or pq.quoted or pq.asks & {Ask.PENALTY, Ask.WHO, Ask.DEFINITION})):
        first = saying_lead(hits, quotable, first, _PURPOSE_SAID, LEAD_LOOKAHEAD + 1)
    if Ask.YESNO in pq.asks and not pq.parts:
        first = excepted_article_lead(pq, hits, quotable, first)
        if pq.tax:
            first = tax_lead(pq, hits, quotable, first)
    if pq.parts:
        first = first_part_document_lead(pq, hits, quotable, first)
        first = every_part_lead(pq, hits, quotable, first)
        first = penalties_lead(pq, hits, quotable, first)
    elif pq.figure == "quantity" and pq.figure_unit in PEOPLE_UNITS + (MULTIPLE_UNIT,):
        first = count_lead(hits, quotable, first, number_in_unit(pq.figure_unit))
    first = named_document_lead(pq, hits, quotable, first)
    first = stated_range_lead(pq, hits, quotable, first)
    if ISSUER_ASKED_RE.search(pq.text):  # who issued the text: its header says
        first = next_of_same_document(hits, quotable, first, lambda i: hits[i].locator == "header",
                                      LEAD_LOOKAHEAD + 1)
    return first
