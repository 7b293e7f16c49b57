"""Reading a question once: `read_question(question, aliases, history) -> ParsedQuestion`.

Search, answers, versions and abstention all take the `ParsedQuestion`; none of them reads the
question string again. It holds:

- what is asked (`asks`: an amount, a number, a date or deadline, who, a penalty, a list,
  whether a document is in force, what changed, a definition …) and, for a penalty question,
  the conduct it is about;
- the documents named: `documents` are normalised titles of *indexed* documents (by title or
  short name); `named` are the 《…》 names as written; `unindexed` those of them that no indexed
  document carries (a title merely mentioned inside another document does not count);
- article references, regions, years (all, those the question is about, those naming a
  version), standard numbers, version cues;
- its topical terms;
- the follow-up context taken from the conversation, when the question leaves it out.

A follow-up is read together with its context ("《节约能源法》第五十三条 那罚款是多少？"):
`raw` keeps what the user typed, `text` and every field read from it include the context.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any, Sequence

from kb.question.aliases import AliasTable, compact
from kb.question.follow_up import FollowUp, follow_up_context
from kb.question.english import documents as english_documents
from kb.question.english import gloss as english_gloss
from kb.question.english import places as english_places
from kb.question.english import subject_years as english_subject_years
from kb.question.english import version_years as english_version_years
from kb.question.sides import EACH_RE, compare_sides, text_level
from kb.question.choice import choice_options
from kb.question.figures import (DECIDER_RE, PEOPLE_UNITS, SHARE_UNIT, certificate_named, count_unit, fee_named,
                                figure_of, figure_unit, measured_named, term_named, share_asked, tax_named)
from kb.question.described import DescribedDocument, described_documents
from kb.question.lexicon import legal_words
from kb.question.document_asks import asks_document_dates, content_of_pattern
from kb.question.kinds import (
    ABOUT_THE_DOCUMENT_RE,
    DUTIES_ASKED_RE,
    KEEPING_ASKED_RE,
    ADVANCE_ASKED_RE,
    standard_number_asked,
    TARGET_ASKED_RE,
    revision_asked,
    duty_asked,
    incentive_asked,
    CATALOGUE_CONTENT_RE,
    DETAIL_RE,
    DOCUMENT_EVENTS,
    consequence_as_penalty,
    excluded_of,
    QUOTED_RE,
    SEVERITY_RE,
    Ask,
    asks_of,
    local_rule_places,
    focus_of,
    without_loose_counts,
    BATCH_RE,
)
from kb.question.standards_asked import StandardsAsk, standards_ask_of
from kb.question.versions_asked import (OLDER_VERSION_RE, is_change, OTHER_VERSIONS_RE, VERSION_BEFORE_RE, VERSION_PHRASE_RE,
                                        VERSION_YEAR_RE, subject_years, without_dated_description)
from kb.question.terms import content_terms, expand_terms
from kb.text.grammar import YEAR_RE, StandardRef, find_article_refs, find_standard_refs
from kb.text.normalize import fold, normalize_question
from kb.text.places import PROVINCES, regions_in
from kb.text.titles import title_key

_NAMED_RE = re.compile(r"《([^》]{2,60})》")
# A law or regulation named without 《》 at the start of a clause, followed by what it says
# (海域使用管理法对…, 按照XX条例规定…).
_UNBRACKETED_TITLE = re.compile(
    r"(?:^|[，,。？?；;、\s]|按照|依照|根据|依据)((?:中华人民共和国)?[\u4e00-\u9fff]{3,18}?(?:法|条例))"
    r"(?=对|里|中|规定|要求|第[一二三四五六七八九十百\d]+条|怎么规定|是怎么|关于|有关|明确|要罚|该罚|会罚|怎么罚|罚多少)"
)
_LEAD_IN = re.compile(r"^(?:按照|依照|根据|依据|按|依)")
# An implementing text named by its kind alone, beside the one law it implements (现行标准化法和1990年的实施条例)
_IMPLEMENTING_ALONE = re.compile(r"(?:的|年|和|与|跟|及|、|^)(实施条例|实施细则|实施办法)")
_NOT_A_TITLE = re.compile(r"[的了和是在把被给让我你他它这那么吗呢]|^.{0,2}(?:方|做|依|违|执|合|非|立|司|看|想|说|手|算|语|技|写)法$")
_PARTS = re.compile(r"(?<=[？?])")  # a question of two questions: …多少钱？由哪个部门罚？
_LATIN_RE = re.compile(r"[A-Za-z]")
# goods moved from one province to another (从江苏运到安徽): the texts call it 跨省 转移
_MOVED = re.compile(r"从[^，,。？?]{1,10}?(?:运|转移|转运|送|拉|卖|倒)[^，,。？?]{0,3}?(?:到|往|去|至)")
# a year right before a text's name names its version (按2017年海洋环境保护法, 2018年版的《…》)
# A topic set out first (关于建筑物与交通干线之间要留多远的防噪声距离，…)
_TOPIC_FIRST = re.compile(r"^\s*(?:关于|对于|就)[^，,。？?]{2,40}[，,]")
_BRACKETED_YEAR = re.compile(r"[（(]\s*((?:19|20)\d{2})\s*年?\s*(?:版|版本)?\s*[）)]")
_YEAR_BEFORE_TITLE = re.compile(r"((?:19|20)\d{2})年(?:版|的|版的)?《?$")
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
# A law named by its field (按国家水污染防治方面的规定): the law of that name, where one is indexed
# (水污染方面的违法举报: a pollution's field said without 国家 names its prevention law, read from the
# longest tail of the words before 方面 that names one)
_FIELD_OF_LAW = re.compile(r"([\u4e00-\u9fff]{2,12})方面")
_NATIONAL_FIELD = re.compile(r"(?:国家|全国)的?([\u4e00-\u9fff]{2,10})$")
# A sum said to be disputed (双方对赔多少有纠纷): what the dispute is about, not a figure asked
_DISPUTED_SUM = re.compile(r"(?:对|就|在)[^，,。？?]{0,10}?多少钱?(?:上)?有(?:纠纷|争议|分歧|异议)")
_ENGLISH_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
# What a penalty question says about the penalty itself, removed to leave the conduct. (责任人 standing
# alone asks who is punished — 责任人会受到什么处分; 土壤污染责任人 names the party of the conduct.)
_PENALTY_WORDS = re.compile(
    r"会|要|将|被|受到|面临|承担|怎么|如何|什么样?的?|哪些|多少钱?|罚款?|处罚|处分|法律责任|(?:^|(?<=[^\u4e00-\u9fff]))(?:相关|有关|直接)?责任人员?|责任(?!人)|后果|吗|呢|[？?。！!，,]"
)


@dataclass(frozen=True)
class ParsedQuestion:
    raw: str  # as typed
    text: str  # normalised (width, script, spaces), with the follow-up context in front
    asks: frozenset[Ask] = frozenset()
    documents: tuple[str, ...] = ()  # normalised titles of indexed documents named, in order
    named: tuple[str, ...] = ()  # 《…》 names as written
    unindexed: tuple[str, ...] = ()  # 《…》 names no indexed document carries (empty without a catalog)
    content_of: tuple[str, ...] = ()  # 《…》 names whose content is asked (《X》规定 / 按照《X》 / 《X》第N条)
    articles: tuple[str, ...] = ()  # 第五十三条 … (canonical locators)
    regions: tuple[str, ...] = ()
    local_rules: tuple[str, ...] = ()  # places whose own rules are asked about (上海市对…怎么规定)
    described: tuple[DescribedDocument, ...] = ()  # documents described without 《》 (示例省2026年度…通知)
    years: tuple[int, ...] = ()  # every year written
    subject_years: tuple[str, ...] = ()  # years the question is about (not a version's year)
    batches: tuple[str, ...] = ()  # batches of a list named by number (第七批)
    version_years: tuple[str, ...] = ()  # years naming a version: 2018年版, 2023年修订的
    version_before: tuple[str, ...] = ()  # years whose revision the version asked precedes (2023年修订之前的)
    standards: tuple[str, ...] = ()  # standard numbers named (36132 of GB/T 36132, 32151.5 of GB/T 32151.5)
    standard_refs: tuple[StandardRef, ...] = ()  # the same, typed: family, number, part, year
    standards_ask: StandardsAsk = StandardsAsk()  # which standards / of which status / replaced by what
    wants_old: bool = False  # asks for an older version (旧, 原来, 修订前)
    other_versions: bool = False  # looks at versions besides the one in force (新旧, 2017年版, 两版)
    document_dates: bool = False  # asks for the document's own dates (its header lines)
    terms: tuple[str, ...] = ()  # topical terms
    legal_terms: tuple[str, ...] = ()  # the documents' words for its everyday words (kb.question.lexicon)
    focus: tuple[str, ...] = ()  # what a date or consequence question is after (kinds.FOCUS_PATTERNS)
    quoted: tuple[str, ...] = ()  # words in quotation marks: what the question is about
    severity: bool = False  # asks how much stricter or milder a rule became
    figure: str = ""  # the figure the answer must state: amount | levy | period | quantity ('' for none)
    figure_loose: bool = False  # the figure is only one the asker gives loosely (放了好几个月), not one asked
    figure_unit: str = ""  # the unit it is asked in (多少吨 → 吨; a regex alternation, '' for none)
    count_unit: str = ""  # the unit of a count asked where no other figure is (至少派几个人 → 人|名)
    keeping: bool = False  # asks how long something is kept (保存几年)
    advance: bool = False  # asks a lead time before an event (要提前多少天申请)
    fee: str = ""  # the fee whose amount is asked (植被恢复费), which a sentence must name to state it
    tax: str = ""  # the tax whose amount is asked, or whether owed (耕地占用税), which a passage must name
    measured: str = ""  # the thing the figure asked is of (营业保证金, 车速), which a stating sentence names
    term: str = ""  # a period asked by its name (租期, 任期, 保护期), which a stating passage names
    excluded: tuple[str, ...] = ()  # kinds set aside (（不是金融机构）): a document titled by one is not its ground
    certificate: str = ""  # the certificate whose validity is asked (药品经营许可证), which a stating passage names
    target: bool = False  # asks a target (目标是多少), which a past result does not state
    about_document: bool = False  # asks a document's number, issuer or title (its header answers)
    revision: tuple[str, str] = ("", "")  # the latest or first revision asked, and its kind (kinds.revision_asked)
    standard_number: bool = False  # asks a standard's number (标准编号是多少), which only a passage writing one answers
    duty: str = ""  # a yes/no question about a duty: the duty asked (kinds.duty_asked)
    duties_asked: bool = False  # asks what the asker must do (要做什么, 有哪些义务), naming no duty
    decider: bool = False  # asks who decides or approves (谁说了算, 由谁批准), an authority
    incentive: str = ""  # an incentive asked about (补助, 优惠), which only a text granting one answers
    catalogue_content: bool = False  # asks what a catalogue/list holds (目录里有多少类, 在不在…名录里)
    details: bool = False  # asks the working details of a rule (分几步, 怎么操作, 怎么算, 每吨多少)
    conduct: str = ""  # penalty questions: the conduct asked about
    options: tuple[str, str] = ("", "")  # the two things an "A还是B？" question sets side by side
    language: str = "zh"  # zh | en (no Chinese characters)
    follow_up: FollowUp | None = None
    catalog_known: bool = False  # documents / unindexed were checked against the index's titles
    parts: tuple["ParsedQuestion", ...] = ()  # a question asking two things (…多少钱？由哪个部门罚？), each read
    sides: tuple["ParsedQuestion", ...] = ()  # the two sides of a comparison in one sentence (kb.question.sides)
    text_level: str = ""  # a side naming texts by level only (国家法律, 山东省条例): national | local

    @property
    def folded(self) -> str:
        """The question as the tokenizer sees it (case, width and numbers folded)."""
        return fold(self.text)

    @property
    def lexical_text(self) -> str:
        """What the lexical retriever searches for: the text with the documents' words for its
        everyday words."""
        glossed = self.legal_terms if self.language == "en" else ()  # kb.question.english
        return expand_terms(self.text, penalty=Ask.PENALTY in self.asks, glossed=glossed)

    @property
    def topic_text(self) -> str:
        """The text without the words that name a version (2023年修订后的, 2018年版, 现行)."""
        return VERSION_PHRASE_RE.sub(" ", self.text)

    @property
    def one_version_named(self) -> bool:
        """One version named by its year and nothing compared (按2018年版…): that version is asked,
        the others only follow it."""
        return len(set(self.version_years)) == 1 and not self.wants(Ask.COMPARE, Ask.CHANGE)

    def wants(self, *kinds: Ask) -> bool:
        return any(k in self.asks for k in kinds)

    def names_text_alone(self, side: ParsedQuestion) -> bool:
        """Whether `side`, one of the sides compared, names a text the other sides do not (和国家节能法
        相比 beside 北京的…要求): it asks what that text says on their topic."""
        return bool(side.documents) and not any(o.documents for o in self.sides if o is not side)


def _law_of_field(words: str, aliases: Any, endings: tuple[str, ...]) -> str | None:
    """The indexed law a field's name stands for (水污染 → 水污染防治法), tried from the longest tail of
    `words` (接到水污染 → 水污染) so the words before the field are not read as part of it."""
    for i in range(len(words) - 1):
        field = words[i:]
        for name in (field + e for e in endings + (("法",) if field.endswith("防治") else ())):
            resolved = aliases.resolve(name)
            if resolved:
                return resolved
    return None


def read_question(question: str, aliases: AliasTable | None = None,
                  history: Sequence[Any] | None = None) -> ParsedQuestion:
    """Read `question` once. `aliases`: the index's titles and short names (None: documents are
    not resolved); `history`: the conversation so far, for follow-ups."""
    raw = (question or "").strip()
    titles = aliases.display if aliases is not None else []
    follow = follow_up_context(raw, history, titles) if history else None
    text = consequence_as_penalty(normalize_question(f"{follow.context} {raw}" if follow else raw))
    if _CJK_RE.search(text):  # (旧版（2018年）条例: the year names the version as 2018年条例 does)
        text = _BRACKETED_YEAR.sub(r"\1年", text)
    excluded, text = excluded_of(text)

    articles: list[str] = []
    for ref in find_article_refs(text):
        if ref.locator not in articles:
            articles.append(ref.locator)
    named = [m.strip() for m in _NAMED_RE.findall(text) if m.strip()]
    documents: list[str] = []
    unindexed: list[str] = []
    unbracketed: list[str] = []
    dating: list[str] = []  # years naming the text right after them (按2017年海洋环境保护法)
    if aliases is not None:
        squeezed_text = compact(text)
        for title, start, _e in aliases.find(squeezed_text):
            if title not in documents:
                documents.append(title)
            dating += _YEAR_BEFORE_TITLE.findall(squeezed_text[max(0, start - 8) : start])
        for name in named:
            resolved = aliases.resolve(name)
            if resolved is None:
                unindexed.append(name)
            elif not any(resolved in d for d in documents):  # not a name nested in a longer title
                documents.append(resolved)
        laws = [d for d in documents if d.endswith("法")]
        for kind in _IMPLEMENTING_ALONE.findall(text) if len(laws) == 1 else ():
            resolved = aliases.resolve(laws[0] + kind)  # (现行标准化法和1990年的实施条例)
            if resolved and resolved not in documents:
                documents.append(resolved)
        for name in (_LEAD_IN.sub("", n) for n in _UNBRACKETED_TITLE.findall(text)):
            if _NOT_A_TITLE.search(name):
                continue
            # 海域使用管理法对…: a law named without 《》 whose text is asked; unindexed, it cannot
            # be answered from a text that only mentions it
            # (新旧两部噪声法: the name is the tail, 噪声法, which is indexed; 管道保护法 is a short
            # name of the indexed 石油天然气管道保护法)
            key = title_key(name)
            if not any(aliases.resolve(name[i:]) for i in range(len(name) - 2)) \
                    and not any(key in t or _short_name_of(key, t) for t in aliases.titles) \
                    and not any(name in d or d in name for d in documents) and name not in unindexed:
                unindexed.append(name)
                unbracketed.append(name)
        for words in _FIELD_OF_LAW.findall(text):  # 按国家水污染防治方面的规定 → 水污染防治法
            national = _NATIONAL_FIELD.search(words)
            resolved = _law_of_field(national.group(1), aliases, ("法", "防治法")) if national else \
                _law_of_field(words, aliases, ("防治法",))
            if resolved and not any(resolved in d for d in documents):
                documents.append(resolved)
    english = bool(_LATIN_RE.search(text)) and not _CJK_RE.search(text)
    if english and aliases is not None:  # the Electricity Law → 电力法
        documents += [t for t in english_documents(text, aliases.titles) if t not in documents]
    # an English question is read through the Chinese words for what it asks and names
    framing, glossed = english_gloss(text) if english else ([], [])
    undisputed = _DISPUTED_SUM.sub("有争议", text)  # (双方对赔多少有纠纷 asks no sum)
    undated = without_dated_description(undisputed)
    asks = asks_of(undated) | (asks_of(" ".join(framing + glossed)) if english else frozenset())
    # an English question's figure is read from its gloss (how much … subsidy → 多少 补贴)
    figure = figure_of(" ".join(framing + glossed)) if english else figure_of(undisputed)
    topic = _TOPIC_FIRST.match(undisputed)
    if figure and topic and is_change(text) and not figure_of(undisputed[topic.end():]):
        figure = ""  # (关于…要留多远的距离，新旧两法有何差别: the figure names the topic; the difference is asked)
    # (放了好几个月: a count the asker gives loosely still says which sentences answer, not what to refuse)
    figure_loose = bool(figure) and not english and not figure_of(without_loose_counts(text))
    standard_number = standard_number_asked(text)
    if standard_number and figure == "quantity":
        figure = ""  # 编号是多少 asks a standard's number, not a quantity
    folded = fold(text)
    regions = english_places(text) if english else regions_in(folded)
    pieces = [p.strip() for p in _PARTS.split(text) if len(p.strip(" ？?，,。")) >= 4]
    parts = _asks_carried(tuple(read_question(p, aliases) for p in pieces)) if len(pieces) >= 2 else ()
    split = (compare_sides(text) if (Ask.COMPARE in asks or EACH_RE.search(text)) and not parts and not english
             and len(documents) < 2 else None)
    sides = tuple(read_question(p, aliases) for p in split) if split else ()
    if len(sides) == 2 and bool(sides[0].documents) != bool(sides[1].documents):
        # one side names a text, the other the topic (北京的…能源计量方面的要求和国家节能法相比): the
        # side naming the text asks what that text says on the topic
        named_side, topic = (0, 1) if sides[0].documents else (1, 0)
        sides = tuple(read_question(f"{' '.join(sides[named_side].documents)} {sides[topic].raw}", aliases)
                      if n == named_side else s for n, s in enumerate(sides))
    levels = [text_level(s.raw, s.regions) for s in sides]
    if len(sides) == 2 and all(levels) and not any(s.documents for s in sides):
        # the national texts and a place's compared (山东省条例和国家法律的提法有什么不同): each side
        # asks what its texts say on the question's topic, told before the sides
        topic = text[: text.find(sides[0].raw.split("，")[0])].strip("，, ")
        sides = tuple(replace(read_question(f"{s.raw} {topic}", aliases), raw=s.raw, text_level=lv)
                      for s, lv in zip(sides, levels, strict=True))
    refs = tuple(find_standard_refs(text, any_case=True))
    # the unit of a count asked where no other figure is (a lead chosen for its number would hide
    # that the passage on the topic states none: 多少米内禁止挖掘 of a pipeline the texts do not
    # cover); a question of two parts counts in one of them only, which reads its own
    counted = (count_unit(" ".join(framing) if english else text)
               if Ask.NUMERIC in asks and not figure and not parts else "")
    unit = (figure_unit(" ".join(framing) if english else without_loose_counts(text), figure)
            if figure in ("period", "quantity") else "")
    if figure == "levy" and share_asked(text):
        unit = SHARE_UNIT  # 适用多少税率: a rate, not the sum of the bracket it is asked for
    if counted in PEOPLE_UNITS:
        # 至少要配几名技术人员: a count of people asked at the end is a figure a passage must state
        figure, unit = "quantity", counted
    before = VERSION_BEFORE_RE.findall(text)
    return ParsedQuestion(
        raw=raw,
        text=text,
        asks=asks,
        documents=tuple(documents),
        named=tuple(named),
        unindexed=tuple(unindexed),
        content_of=tuple(n for n in named if content_of_pattern(n).search(text)) + tuple(unbracketed),
        articles=tuple(articles),
        regions=tuple(regions),
        local_rules=tuple(local_rule_places(folded, regions)),
        described=tuple(described_documents(text)),
        # (the version before a year's revision was in force the year before it)
        # (an English question writes a year without 年: the 2017 version)
        years=tuple(int(y) - (y in before)
                    for y in (_ENGLISH_YEAR.findall(text) if english else YEAR_RE.findall(text))),
        batches=tuple(dict.fromkeys(BATCH_RE.findall(text))),
        subject_years=tuple(y for y in subject_years(text) + (english_subject_years(text) if english else [])
                            if y not in dating),
        version_years=tuple(y for y in dict.fromkeys(VERSION_YEAR_RE.findall(text) + dating
                                                     + (english_version_years(text) if english else []))
                            if y not in before),
        version_before=tuple(before),
        standards=tuple(r.number + (f".{r.part}" if r.part else "") for r in refs),
        standard_refs=refs,
        standards_ask=standards_ask_of(text),
        wants_old=bool(OLDER_VERSION_RE.search(text)),
        other_versions=bool(OTHER_VERSIONS_RE.search(text)) or Ask.CHANGE in asks,
        # an English question's framing says it as the Chinese words would (take effect → 施行)
        # (an English question's when-words are glossed apart from what it names: read as before)
        document_dates=asks_document_dates(undated + " " + " ".join(framing), loose=english),
        excluded=excluded,
        terms=tuple(content_terms(" ".join(glossed) if english else text)),
        legal_terms=tuple(dict.fromkeys(legal_words(text) + glossed + _moved_across(text, regions))),
        # (an English fine asked adds no 'consequence' focus: its gloss 罚款 处罚 is in every English
        # question naming a penalty, which a Chinese one asks in its own words)
        focus=focus_of(VERSION_PHRASE_RE.sub(" ", undated)) + tuple(
            f for f in focus_of(" ".join(framing)) if f in DOCUMENT_EVENTS),
        quoted=tuple(q.strip() for q in QUOTED_RE.findall(text) if q.strip()),
        severity=bool(SEVERITY_RE.search(text)),
        figure=figure,
        figure_loose=figure_loose,
        figure_unit=unit,
        count_unit=counted,
        keeping=bool(KEEPING_ASKED_RE.search(text)),
        advance=bool(ADVANCE_ASKED_RE.search(text)),
        fee=fee_named(text) if figure in ("amount", "levy", "quantity") else "",
        # (any figure of it — a sum, a rate, a deadline — and a yes/no question too: 能免车辆购置税吗 is
        # not answered by another tax's exemptions, nor 企业所得税汇算清缴 by the individual income tax's)
        tax=tax_named(text) if figure or Ask.YESNO in asks else "",
        # (a question of two parts: each part names its own thing)
        measured=measured_named(text) if figure in ("amount", "levy", "quantity") and not (english or parts) else "",
        term=term_named(text) if figure == "period" and not (english or parts) else "",
        certificate=certificate_named(text) if figure == "period" and not english else "",
        target=bool(TARGET_ASKED_RE.search(text)),
        about_document=bool(ABOUT_THE_DOCUMENT_RE.search(text + " " + " ".join(framing))),
        revision=revision_asked(text),
        duty=duty_asked(text) if not english else "",
        duties_asked=bool(DUTIES_ASKED_RE.search(text)),
        decider=bool(DECIDER_RE.search(text)),
        incentive=incentive_asked(text) if not (english or asks & {Ask.WHO, Ask.PENALTY, Ask.TIMELINE, Ask.DEADLINE}) else "",
        standard_number=standard_number,
        catalogue_content=bool(CATALOGUE_CONTENT_RE.search(text)) and not (asks & {Ask.WHO, Ask.PENALTY}),
        details=bool(DETAIL_RE.search(text)) and not (asks & {Ask.WHO, Ask.PENALTY}),
        conduct=_conduct(text) if Ask.PENALTY in asks else "",
        options=choice_options(text) if not english else ("", ""),
        language="en" if english else "zh",
        follow_up=follow,
        catalog_known=aliases is not None,
        parts=parts,
        sides=sides,
    )


def _short_name_of(key: str, title: str) -> bool:
    """Whether `key` (抗震条例) may be a short name of the indexed `title` (建设工程抗震管理条例): its
    characters occur in it in order, the kind of text (法, 条例) last."""
    rest = iter(title)
    return len(key) >= 3 and title.endswith(key[-1]) and all(ch in rest for ch in key)


# What a clause of a penalty question asks rather than describes (罚谁, 扣几分, 人社部门会怎么处理,
# 归哪个部门管): a clause of these words only says nothing of the conduct.
_ASKING_ONLY = re.compile(
    r"谁|钱|几分|扣分|分别|处理|处置|查处|归|管|由|哪个|哪一?级|部门|机关|最多|最高|最少|能|可以|还|又|样|有|[一-龥]{0,4}(?:部门|局)"
)


# The text a question goes by (按旧版海洋环境保护法, 依照2018年的条例, 新法) and the words that point back
# at the conduct (对这种情况, 罚得有多重): no part of the conduct.
_TEXT_GONE_BY = re.compile(
    r"(?:按照?|依照?|根据|依据)(?:(?:19|20)\d{2}年版?的?)?(?:旧版|新版|老版|现行)?的?[\u4e00-\u9fff]{1,12}?"
    r"(?:(?<![违非合依守执])法|条例|办法|细则)(?![律规人院定官庭])"
    r"|(?:新|旧|老)(?:版|法|条例)|(?:对|就)?(?:这种|这类|这样的?)(?:情况|情形|行为|做法|事)|(?:罚)?得?有?多(?:重|严)")


# 如果是改扩建却没采取措施呢: the same thing asked again of another case
_WHAT_ABOUT = re.compile(r"呢\s*[？?]?\s*$|^(?:那|那么)?(?:如果|要是|假如|若是|若)")


def _asks_carried(parts: tuple[ParsedQuestion, ...]) -> tuple[ParsedQuestion, ...]:
    """Parts that ask nothing of their own after a penalty asked (…会怎样？如果是改扩建却没采取措施
    呢？) ask the penalty of their own conduct. (After another ask — 建设费谁出？要是反过来…呢？ — the
    part is left to be answered by what it says.)"""
    out = list(parts)
    for i in range(1, len(out)):
        prev, part = out[i - 1], out[i]
        if part.asks or Ask.PENALTY not in prev.asks or not _WHAT_ABOUT.search(part.raw):
            continue
        out[i] = replace(part, asks=prev.asks, focus=prev.focus, conduct=_conduct(part.text))
    return tuple(out)


def _moved_across(text: str, regions: list[str]) -> list[str]:
    """The texts' words for goods moved from one province to another (从江苏运到安徽: 跨省 转移)."""
    return ["跨省", "转移"] if len(set(regions) & set(PROVINCES)) >= 2 and _MOVED.search(text) else []


def _conduct(text: str) -> str:
    """The conduct a penalty question is about: the question without its penalty words, and
    without its clauses that only ask (罚谁？罚多少？, 人社部门会怎么处理？)."""
    body = _TEXT_GONE_BY.sub(" ", re.sub(r"《[^》]*》", " ", text))
    kept = []
    for clause in re.split(r"[？?。！!，,；;]", body):
        words = _PENALTY_WORDS.sub(" ", clause)
        if len(re.sub(r"[^\u4e00-\u9fff]", "", _ASKING_ONLY.sub("", words))) >= 2:
            kept.append(words)
    if len(kept) >= 2 and _SCENE.match(kept[0]) and not _WRONG_DONE.search(kept[0]) \
            and any(_WRONG_DONE.search(k) for k in kept[1:]):
        kept = kept[1:]  # (我们在福建沿海做倾倒作业，倾倒费一直没交: the wrong is the second clause)
    return re.sub(r"\s+", " ", " ".join(kept)).strip()


# Who and where the asker is (我们在…做…, 我们是一家…, 本公司在…): the scene, not the conduct, when a
# later clause says the wrong done
_SCENE = re.compile(r"\s*(?:我们|我|本公司|本厂|我公司|我厂|我司)(?:公司|厂|单位|企业)?(?:是|在|做|从事|开了|经营)")
_WRONG_DONE = re.compile(r"没|未|不|偷|擅自|私自|违|超|拒|假|伪造|篡改|逃|漏|无证|非法|谎报|瞒报|拖欠|欠")
