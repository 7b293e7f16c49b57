"""Deciding that the knowledge base holds no basis for an answer — and what an answer must say
about the ground it stands on.

Abstain ("已收录文件中未找到依据") when:
1. a document the question names in 《》 is not indexed (a title merely mentioned inside another
   document does not count), or a standard number / a year the question is about appears in
   none of the retrieved passages;
2. the question asks for a figure (a date, an amount, a period, a quantity) and none of the best
   passages states one of that kind — an amount that is a fine does not answer a question about
   a subsidy, no figure sizing a fine answers a question that asks no penalty (设计费百分之二十…
   的罚款 is not the share a fee is charged at), and a count asked in 家 or 个 is not answered by a
   number in 元 or 年 — or the passage
   the answer would lead with states none (kb.answers.figure_stated, `lead_lacks_figure`, checked
   once the answer is composed);
   (a penalty's figure the lead passage leaves to a document not indexed — 依照《X》的规定处罚 —
   is refused in kb.answers.answer, see kb.answers.referral);
   or it asks what a catalogue holds (是不是列在…名录里) and the passages only say who makes it; or it
   asks the working details of a rule (分几步, 怎么操作, 怎么算) and the best passage leaves them
   to implementing rules (具体办法由国务院规定) that are not indexed;
3. a yes/no question about a duty (是不是必须…, 需要…吗) would be answered by sentences that state
   another duty of the same subject — they share few of the duty's words — or only by a review
   paper, which imposes nothing (`duty_not_stated`); a question about an incentive (有没有补助)
   by sentences that grant none (`incentive_not_stated`); both checked once the answer is composed;
4. the best passages are about another topic: their best sentence is far from the question and
   they cover few of its terms (thresholds chosen by cross-validation over both development
   sets; with a keyword-only index, term and character overlap alone).
5. the question asks what a place itself rules (上海市对…是怎么规定的) and no document of that
   place is indexed, or none of its indexed documents is about the question.
Before these checks the passages are put in the order an answer stands on them
(kb.answers.ground: a document's body before its header, national rules before a local one).
Not abstaining, an answer may need a note: a place the question names has no local document
indexed, or none on this question (the national rules answer it, and another place's local rules
are set aside: they do not bind this one), or the question is in English (the sources are Chinese).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Sequence

from kb.answers.figure_stated import FIGURE_PASSAGES, figure_name, names_tax, squeezed, states_figure, where
from kb.answers.ground import lead_order, national
from kb.answers.units import about_topic, short_title
from kb.index.lexical import bigrams, normalize
from kb.question.described import DescribedDocument
from kb.question.versions_asked import subject_years
from kb.question.standards_asked import INDUSTRIES
from kb.question.lexicon import legal_words
from kb.question.reading import ParsedQuestion
from kb.text.grammar.standards import find_standard_refs
from kb.types import SearchHit
from kb.versions.dates import document_years
from kb.text.titles import book_title, title_key
from kb.text.numerals import int_to_cn

# Keyword-only indexes (no dense signals): term and character overlap of the best passages.
COVERAGE_MIN = 0.15
LOW_COVERAGE, LOW_BIGRAM = 0.30, 0.12
# With sentence vectors: the best sentence's cosine to the question and the term coverage of the
# best passages, both low. Set by `python -m eval abstention` (cross-validated over both sets).
SENTENCE_LOW = 0.80
SENTENCE_LOW_COVERAGE = 0.20
# Across languages e5's similarities run lower (English questions on Chinese texts: 0.80–0.86
# for answerable ones in the development sets).
SENTENCE_LOW_EN = 0.76
# Without the second stage: the best passage's vector far from the question (e5 band) and
# partial term coverage.
DENSE_LOW = 0.885
DENSE_LOW_COVERAGE = 0.65
@dataclass
class Decision:
    abstain: bool
    reason: str = ""
    signals: dict[str, float | str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # what the answer must say about its ground
    hits: list[SearchHit] | None = None  # the passages the answer may rest on (None: all of them)
    placeless: str = ""  # said first if the answer is refused later (a place with no local document)


def _evidence_text(h: SearchHit) -> str:
    return squeezed(f"{h.title} {h.file_name} {h.date} {h.heading_path} {h.text}")


def coverage(pq: ParsedQuestion, hits: list[SearchHit], top: int = 3) -> tuple[float, float]:
    """(best single-passage term coverage, bigram coverage) over the top passages."""
    terms = list(pq.terms)
    if not terms or not hits:
        return 0.0, 0.0
    weights = {t: min(len(t), 4) for t in terms}
    total = sum(weights.values())
    best_terms = 0.0
    for h in hits[:top]:
        ev = _evidence_text(h)
        c = sum(w for t, w in weights.items() if squeezed(t) in ev) / total
        best_terms = max(best_terms, c)
    qb = bigrams("".join(terms))
    best_bi = 0.0
    for h in hits[:top]:
        hb = bigrams(f"{h.title} {h.text}")
        if qb:
            best_bi = max(best_bi, len(qb & hb) / len(qb))
    return best_terms, best_bi


# A catalogue and then what it holds, in one sentence (目录包括…、…、…; 列入目录：（一）…) — not a
# catalogue merely mentioned inside an item of another list ("(一)危险废物，是指列入国家危险废物
# 名录…的废物" defines a word)
_CATALOGUE_ITEMS = re.compile(
    r"(?:目录|名录|清单)[^。]{0,30}?(?:(?:包括|包含|如下|下列|覆盖|涵盖)[^。]*?(?:[、，][^、，。]{1,20}){2,}|[：:]\s*[（(]一[）)])"
)


def lists_catalogue(hits: list[SearchHit]) -> bool:
    """Whether one of the best passages sets out what a catalogue holds, rather than only who
    makes and publishes it (…目录由国务院有关部门制定、调整并公布)."""
    return any(_CATALOGUE_ITEMS.search(sent) for h in hits[:FIGURE_PASSAGES]
               for sent in re.split(r"(?<=。)", h.text or ""))


# A yes/no question about a duty (是不是必须给观众买公众责任险) is answered only by a text that states
# that duty: when the sentences an answer would quote share few of its character pairs and of
# its characters, they state another duty of the same subject (the organiser's safety duties, the
# agency's own liability insurance) and would read as a yes. Both bounds were read off our own
# sets' yes/no questions (answered ones share ≥ 0.2 of the pairs or ≥ 0.6 of the characters).
DUTY_PAIRS_MIN = 0.2
DUTY_CHARS_MIN = 0.6
_DUTY_FILLER = set("的了个每里并来去再给为把被都也还吗呢呀啊是不")
# How a duty is done (专门写, 特别标明, 单独报) says nothing of which duty it is: left out before judging.
_DUTY_MANNER = re.compile(r"专门|特别|特意|特地|单独|另外|额外|一并|一定")


# Documents that report on rules but impose none (a review paper): a duty asked is not stated by them.
NOT_NORMATIVE = {"论文/综述"}


def duty_not_stated(pq: ParsedQuestion, quoted: str, doc_types: Sequence[str] = ()) -> str:
    """The reason to refuse a yes/no question about a duty whose answer would quote sentences
    (`quoted`, from documents of `doc_types`) that do not state it ('' otherwise). A question of
    two parts is refused only when every sentence quoted is a research paper's."""
    duty = pq.duty or next((p.duty for p in pq.parts if p.duty), "")
    if not duty:
        return ""
    if doc_types and all(t in NOT_NORMATIVE for t in doc_types):  # a paper reports, it imposes nothing
        return f"检索到的只有研究文献，所收法规和政策文件没有规定“{duty}”这项义务"
    if pq.parts:
        return ""
    done = _DUTY_MANNER.sub("", duty)  # what is to be done, without how
    chars = [c for c in re.sub(r"[^\u4e00-\u9fff]", "", done) if c not in _DUTY_FILLER]
    if len(chars) < 3 or any(w in quoted for w in legal_words(duty)):
        return ""  # too short to judge (要不要交), or said in the documents' own word (环保税: 环境保护税)
    pairs_asked = bigrams(done)
    pairs = len(pairs_asked & bigrams(quoted)) / (len(pairs_asked) or 1)
    share = sum(c in quoted for c in chars) / len(chars)
    if pairs >= DUTY_PAIRS_MIN or share >= DUTY_CHARS_MIN:
        return ""
    return f"检索到的条文没有规定“{duty}”这项义务"


# The words a text grants an incentive in.
_INCENTIVE_STATED = re.compile(
    r"补贴|补助|补偿|奖补|奖励|表彰|扶持|优惠|减免|免征|减征|减半|免于|免除|免税|退税|贴息|资金|支持|财政|税收"
)


# A tax benefit asked (税前扣除, 免税) is granted only in a tax's words: a budget line (列入财政预算)
# or a grant gives no deduction.
_TAX_INCENTIVE_STATED = re.compile(r"扣除|抵扣|抵免|免征|减征|减半|免税|退税|减免|税收优惠|优惠税率")


def incentive_not_stated(pq: ParsedQuestion, quoted: str) -> str:
    """The reason to refuse a question about an incentive (有没有补助) whose answer would quote
    sentences (`quoted`) that grant none ('' otherwise)."""
    if not pq.incentive:
        return ""
    # (a tax's benefit asked — 城市维护建设税减半征收 — is not granted by 税收征收管理法 named)
    stated = _TAX_INCENTIVE_STATED if "税" in pq.incentive or pq.tax else _INCENTIVE_STATED
    if stated.search(quoted):
        return ""
    return f"检索到的条文没有规定{pq.incentive}"


_DELEGATION = re.compile(
    r"(?:具体|实施|管理|试点|征收|分配)?(?:办法|细则|步骤|程序|规则|方案)[^。；]{0,12}?由([^。；，]{2,40}?)(规定|制定)"
)


# …的拨款办法，另行规定: the working details left for a text to come, by no one named
_LEFT_FOR_LATER = re.compile(r"(?:办法|细则|步骤|程序|规则|方案)[，,]?\s*另行(?:规定|制定|制订)")


def delegation(h: SearchHit) -> str:
    """'《X》第N条规定具体办法由Y规定' when the passage leaves the working details of its rule to
    rules made by someone else, else ''."""
    m = _DELEGATION.search(h.text or "")
    if m:
        return f"{where(h)}规定具体办法由{m.group(1)}{m.group(2)}"
    return f"{where(h)}写明具体办法另行规定" if _LEFT_FOR_LATER.search(h.text or "") else ""


REGION_PASSAGES = 5  # passages looked at for a national text when the question's place has none


_TABLE_ROW = re.compile(r"第\d+行$")
_COMPANY = re.compile(r"([\u4e00-\u9fff]{2,8})(?:股份有限公司|有限责任公司|有限公司|集团)")
_NOT_IN_NAME = re.compile(r"[里的中和与及在对把给是]")  # words around a name, not in it


def row_not_listed(pq: ParsedQuestion, hits: list[SearchHit]) -> str:
    """The industry or company a question asks about, when the best passages are rows of a
    table keyed by industries or companies and none of the rows retrieved is that one ('' when
    the question names none, or a row holds it). A table that lists 钢铁, 水泥 and 合成氨 answers
    nothing about 电解铝: its nearest rows would only lead the answer astray."""
    rows = [h for h in hits if _TABLE_ROW.search(h.locator or "") and " | " in (h.text or "")]
    if not hits or not _TABLE_ROW.search(hits[0].locator or "") or len(rows) < 2:
        return ""
    texts = [normalize(h.text) for h in rows]
    question = normalize(pq.text)
    for key, words in INDUSTRIES.items():
        asked = [w for w in words if w in question]
        if not asked:
            continue
        others = {k for k, ws in INDUSTRIES.items() if k != key and any(w in t for t in texts for w in ws)}
        if others and not any(w in t for t in texts for w in words):
            return asked[0]  # the rows are industries, this one is not among them
    for m in _COMPANY.finditer(question):
        core = _NOT_IN_NAME.split(m.group(1))[-1]
        if len(core) >= 2 and any(_COMPANY.search(t) for t in texts) and not any(core in t for t in texts):
            return core + m.group(0)[len(m.group(1)):]  # the rows are companies, this one is not listed
    return ""


# Two figures offered to choose from (65%还是75%, 三年还是五年 in digits)
_FIGURE = r"(\d+(?:\.\d+)?\s*(?:[%％]|万元|元|天|日|年|个月|吨|分贝))"
_FIGURE_CHOICE = re.compile(_FIGURE + r"\s*还是\s*" + _FIGURE)


# A figure a yes/no question puts forward (是不是规定7天内可以退货, 是否要求30日内报告)
_FIGURE_PROPOSED = re.compile(r"(?:是不是|是否|有没有)(?:规定|要求|说)?[^，,。？?]{0,16}?(?P<n>\d+)\s*(?P<unit>天|日|个月|年|小时|%|％)")
_SAME_UNIT = {"天": ("天", "日"), "日": ("日", "天"), "%": ("%", "％"), "％": ("％", "%")}


def _figure_forms(n: str, unit: str) -> list[str]:
    """How the texts may write a figure (7天: 7天, 7日, 七日, 七天)."""
    numbers = [n] + ([int_to_cn(int(n))] if n.isdigit() and int(n) < 10000 else [])
    units = _SAME_UNIT.get(unit, (unit,))
    return [squeezed(x + u) for x in numbers for u in units] + (["百分之" + int_to_cn(int(n))] if unit in "%％" and n.isdigit() else [])


def decide(pq: ParsedQuestion, hits: list[SearchHit], docs: dict[str, Any] | None = None) -> Decision:
    """Abstain or not (see the module docstring). `docs`: the catalog, to tell which places
    have local documents indexed (None: no place notes)."""
    if not hits:
        return Decision(True, "没有检索到相关段落")
    all_ev = " ".join(_evidence_text(h) for h in hits)
    cov, bi = coverage(pq, hits)
    signals: dict[str, float | str] = {"coverage": round(cov, 3), "bigram": round(bi, 3)}
    notes: list[str] = []
    placeless = ""  # a place with no local document: said again if the national texts do not answer either

    if pq.catalog_known:
        for name in pq.unindexed:
            # What the document itself says can only come from the document; who issued it,
            # when, how often — facts about it — may come from a text that reports on it.
            n = squeezed(short_title(name))
            if name in pq.content_of or not (n and n in all_ev):
                return Decision(True, f"知识库中没有收录{book_title(name)}", signals)
    else:  # without the catalog: a named document must at least appear in the passages
        for name in pq.named:
            n = squeezed(short_title(name))
            if n and n not in all_ev and squeezed(name) not in all_ev:
                return Decision(True, f"知识库中没有找到{book_title(name)}", signals)
    if docs is not None:
        for d in pq.described:
            if not any(describes(d, meta) for meta in docs.values()):
                return Decision(True, f"知识库中没有收录{d.phrase}", signals)
    for num in pq.standards:
        if num not in all_ev:
            return Decision(True, f"知识库中没有找到标准 {num}", signals)
    # a year the question is about must be in what the passages say, not in a document's own
    # dates (its header, its date field): a text revised in 2023 says nothing about 2023. A title
    # that is about the year (关于2024年度工业污染防治工作情况的报告) says it.
    # (read only when the question is about a year: most are not)
    if pq.subject_years:
        # (asked of a named text's own history — 2008年那次是修订还是修正 — its header says the year)
        said = " ".join([squeezed(h.text) for h in hits[:5] if h.locator != "header"
                         or (pq.document_dates and title_key(h.title or "") in pq.documents)]
                        + [y for h in hits[:5] for y in subject_years(h.title or "")])
        # …unless it dates the version of a document the question names (按1990年的标准化法实施条例):
        # then it says which text, not what the text is about
        dating = {h.date[:4] for h in hits if h.date and title_key(h.title or "") in pq.documents}
        if not pq.documents and hits[0].date:
            # …or the text it describes without its title (环保基本法2014年那一版): the one found first
            dating.add(hits[0].date[:4])
        for y in pq.subject_years:
            if y not in said and not (y in pq.version_years and y in dating):
                return Decision(True, f"检索到的文件中没有关于 {y} 年的内容", signals)
    choice = _FIGURE_CHOICE.search(pq.text)
    if choice and not any(squeezed(f) in all_ev for f in choice.groups()):
        # (节能率达到65%还是75%: a text stating neither does not choose)
        return Decision(True, f"检索到的条文没有提到{choice.group(1)}或{choice.group(2)}", signals)
    for r in pq.regions if pq.figure else ():
        # (四川有多少家国家级绿色工厂: a count of that place, which a national figure does not give)
        if re.search(rf"{re.escape(r)}(?:省|市|自治区)?(?:一共|总共|共)?有(?:多少|几)(?:家|个|座|处|项|所|批|名)", pq.text) \
                and r not in all_ev:
            return Decision(True, f"检索到的段落没有提到{r}的数字", signals)
    proposed = _FIGURE_PROPOSED.search(pq.text)
    if proposed and not any(f in all_ev for f in _figure_forms(proposed.group("n"), proposed.group("unit"))):
        # (是不是规定买东西7天内可以无理由退货: a figure the asker puts forward that no passage states)
        return Decision(True, f"检索到的条文没有提到{proposed.group('n')}{proposed.group('unit')}", signals)
    for batch in pq.batches:  # (第七批名单有多少家: a text counting up to the sixth says nothing of it)
        if not any(batch[1:] in squeezed(h.text) for h in hits[:5]):  # (前六批 tells of the sixth)
            return Decision(True, f"检索到的文件中没有提到{batch}", signals)
    if docs is not None:
        for r in pq.regions:
            own = {k for k, d in docs.items() if r in (d.region or "") or r in (d.title or "")}
            if own and not any(h.doc_id in own and about_topic(pq.terms, h.text, r) for h in hits[:REGION_PASSAGES]):
                # the place has local documents, none of them on this question
                if r in pq.local_rules:
                    return Decision(True, f"知识库中没有找到{r}关于这一问题的地方性文件，无法回答{r}本地的规定", signals)
                notes.append(f"知识库中没有找到{r}关于这一问题的地方性文件，以下依据全国性规定。")
                continue
            if not own:
                if r in pq.local_rules:  # what that place itself rules: only its own documents say
                    return Decision(True, f"知识库中没有收录{r}的地方性文件，无法回答{r}本地的规定", signals)
                if not any(national(h, docs) for h in hits[:REGION_PASSAGES]):
                    # only other places' local documents: they do not answer for this place
                    return Decision(True, f"知识库中没有收录{r}的地方性文件，检索到的只有其他地区的文件", signals)
                notes.append(f"知识库中没有收录{r}的地方性文件，以下依据全国性规定。")
                placeless = f"知识库中没有收录{r}的地方性文件；"
                # another place's local rule does not bind this one: the answer rests on the
                # national texts only (the note says so)
                hits = [h for h in hits if national(h, docs)]
                cov, bi = coverage(pq, hits)
    hits = lead_order(pq, hits, docs)  # which passage an answer stands on first (kb.answers.ground)

    def refuse(reason: str) -> Decision:  # a place without local documents is named again
        return Decision(True, placeless + reason, signals)

    if pq.catalogue_content and not lists_catalogue(hits):  # before the figure: the more telling reason
        return refuse("检索到的条文只规定了该目录（名录、清单）由谁制定、公布，目录本身没有收录")
    if pq.standard_number and not any(find_standard_refs(h.text or "", any_case=True) for h in hits[:FIGURE_PASSAGES]):
        return refuse("检索到的条文没有写明标准编号，所收文件中没有该标准")
    if pq.figure and not pq.figure_loose and not states_figure(pq, hits):
        return refuse(f"检索到的条文没有规定{figure_name(pq)}")
    # (a tax benefit asked, 能在企业所得税前扣除吗, is judged with its more telling reason once composed)
    if pq.tax and not pq.incentive and not any(names_tax(pq.tax, h) for h in hits[:FIGURE_PASSAGES]):
        return refuse(f"检索到的条文没有涉及{pq.tax}")  # another tax's exemptions say nothing of it
    delegated = delegation(hits[0]) if pq.details else ""
    if delegated:
        return refuse(f"{delegated}，所收文件中没有这些具体规定")
    missing = row_not_listed(pq, hits)
    if missing:
        return refuse(f"检索到的表格没有列出“{missing}”")
    sentence = max((h.sources.get("sentence", 0.0) for h in hits[:3] if h.sources), default=0.0)
    if sentence:  # the second stage compared the question with the passages' sentences
        signals["sentence"] = round(sentence, 4)
        low = SENTENCE_LOW_EN if pq.language == "en" else SENTENCE_LOW
        if sentence < low and cov < SENTENCE_LOW_COVERAGE:
            return refuse("检索到的段落与问题的主题相距较远")
    else:  # first-stage signals only: term overlap, and the best passage's vector
        if pq.language == "zh" and (cov < COVERAGE_MIN or (cov < LOW_COVERAGE and bi < LOW_BIGRAM)):
            return refuse("检索到的段落与问题的关键内容不符")
        dense = hits[0].sources.get("dense", 0.0) if hits[0].sources else 0.0
        if dense and dense < DENSE_LOW and cov < DENSE_LOW_COVERAGE and e5_like(hits):
            signals["dense"] = round(dense, 4)
            return refuse("检索到的段落与问题的主题相距较远")
    if pq.language == "en":
        notes.append("问题为英文；以下依据均为中文原文。")
    return Decision(False, "", signals, notes, hits, placeless)


def describes(d: DescribedDocument, meta: Any) -> bool:
    """Whether an indexed document fits a description without 《》: its place (when one is named)
    in its title, number, issuer or region, the year among its dates or in its title or number,
    and at least half (and two) of the subject's character pairs in its title."""
    named = f"{meta.title} {meta.doc_number} {meta.issuer} {meta.region}"
    if d.place and d.place not in named:
        return False
    if d.year not in document_years(meta) and d.year not in f"{meta.title} {meta.doc_number}":
        return False
    title = re.sub(r"[^\u4e00-\u9fff]", "", meta.title or "")
    shared = sum(1 for p in d.topic if p in title)
    return shared >= min(len(d.topic), max(2, (len(d.topic) + 1) // 2))


def e5_like(hits: list[SearchHit]) -> bool:
    """Dense scores in the e5 band (cosine similarities that never drop far below 0.8)."""
    ds = [h.sources.get("dense") for h in hits if h.sources and h.sources.get("dense")]
    return bool(ds) and min(ds) > 0.75
