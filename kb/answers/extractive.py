"""Extractive answers: the answer is made of sentences and clauses of the retrieved passages.

Nothing is rewritten. A passage is cut into units (sentences ending 。！？, clauses ending ；
or ：, and list items such as （一）…); units are scored against the question (term overlap on
jieba tokens and character bigrams, plus cues for the kind of question: penalties, numbers,
authorities, dates, lists); the best passages contribute their best units, verbatim, each
followed by the [n] of the passage it came from. When an article introduces a list (下列…：),
its items come along. A question asking for a number, a date, an authority or yes/no gets one
direct lead line first, itself a verbatim span of a source.

Display normalisation only: hard line breaks inside a sentence (PDF extraction) are joined and
spaces next to Chinese characters dropped. Figures, amounts, deadlines and authorities are
never touched.
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field

from kb.index.lexical import normalize, tokenize
from kb.types import Citation, SearchHit

# ---------------------------------------------------------------------------------------------
# Question types and the cues that make a unit answer them

QTYPE_PATTERNS: dict[str, re.Pattern[str]] = {
    "penalty": re.compile(r"罚|处罚|处分|拘留|吊销|法律责任|担.{0,2}责任|承担什么|追究"),
    "numeric": re.compile(
        r"多少|多久|多长|多大|几年|几天|几个|几次|几倍|几项|几家|几种|几|期限|门槛|比例|幅度|最多|最少|至少|最长|最短|最晚|"
        r"百分之|时效|上限|下限|标准是"
    ),
    "who": re.compile(r"谁|哪个部门|哪些部门|哪一级|哪级|哪个机关|哪个机构|什么部门|什么机关|哪几个部门|由哪|向哪|报给|交给|主管"),
    "timeline": re.compile(r"哪天|哪一天|何时|什么时候|哪年|哪一年|施行|生效|实施的|开始执行|开始实施|通过的|修正过|修订过|改过|印发|发布|公布|日期"),
    "list": re.compile(r"哪些|哪几|哪四|哪三|什么情况|哪类|条件|包括|内容|情形|渠道|分别"),
    "compare": re.compile(r"变化|区别|不同|不一样|相比|比较|新旧|前后|严了|跟以前|与以前|修订后.*修订前|老的.*新的"),
    "yesno": re.compile(r"吗[？?]?|是否|能不能|可不可以|算不算|有没有|要不要|需不需要|还需要.*吗"),
}

CUE_PATTERNS: dict[str, re.Pattern[str]] = {
    "penalty": re.compile(r"罚款|罚金|处.{0,12}罚|责令|吊销|拘留|没收|赔偿责任|禁止.{0,8}从事|处分|追究"),
    "numeric": re.compile(
        r"\d|[一二三四五六七八九十两百千万]+(?:万元|元|吨|年|日|个月|月|天|个|次|倍|项|家|种|小时|周)|百分之|%|％|之日起"
    ),
    "who": re.compile(r"部门|机关|机构|人民政府|主管|负责|批准|委员会|国务院|派出"),
    "timeline": re.compile(r"施行|通过|修订|修正|废止|公布|印发|发布|\d{4}\s*年|[〇零一二三四五六七八九]{4}年|年\d{1,2}月|月\d{1,2}日"),
    "list": re.compile(r"下列|以下.{0,6}[：:]|包括|[（(][一二三四五六七八九十]+[）)]|如下"),
    "compare": re.compile(r"修订|修正|废止|原|改为"),
    "yesno": re.compile(r"不得|应当|可以|不属于|属于|免征|不缴纳|禁止|不需要|视为"),
}

# Words of a question that say nothing about its topic.
GENERIC_TERMS = frozenset(
    "企业 单位 公司 我们 我国 国家 规定 法律 要求 情况 问题 具体 相关 有关 现在 现行 按照 依照 根据 以前 之后 以后 "
    "时候 可以 需要 应该 必须 还 就 都 又 该 怎样 怎么办 怎么 会 被 给 哪 多 一 个 分别 什么 哪些 哪个 哪几 多少 "
    "是不是 能不能 有没有 吗 呢 里 中 上 下 时 后 前 再 这 那 这些 那些 这个 那个 一下 到底 目前 为止 一共 常说 "
    "规定了 里面 方面 具体要 主要 如果 要是 的话 出现 发现 导致 受到 面临 法 条例 办法 规定 文件 "
    # words that frame a question rather than name its topic
    "新旧 两部 两版 前后 变化 区别 不同 不一样 比较 相比 界定 定义 含义 意思 指的是 具体指 是指 怎么样 怎么处理 "
    "处罚 怎么罚 罚多少 责任 承担 多久 多长 时间 期限 哪天 哪一天 开始 什么时候 何时 部门 哪个部门 谁 负责 "
    "情形 情况下 条件 内容 包括 哪几个 哪几项 几次 分别是 一共 总共 大概 大约 能否 可否 算不算 行不行".split()
)

ITEM_RE = re.compile(r"^\s*(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、|\d{1,2}[.、)）](?!\d))")
LOCATOR_PREFIX_RE = re.compile(r"^\s*第[一二三四五六七八九十百零〇0-9]+条(?:之[一二三四五六七八九十]+)?\s*")
_UNIT_END = "。！？；：!?;:"
_CJK = r"\u4e00-\u9fff"


# What a timeline question asks for, and the word a source uses for it.
TIMELINE_FOCUS = (
    (re.compile(r"施行|生效|实施|执行|开始适用|起算"), re.compile(r"施行|生效")),
    (re.compile(r"通过"), re.compile(r"通过")),
    (re.compile(r"修正|修订|改过|修改"), re.compile(r"修正|修订|修改")),
    (re.compile(r"废止|替代|取代|不再适用|怎么处理了"), re.compile(r"废止|同时废止")),
    (re.compile(r"印发|发布|公布|出台"), re.compile(r"印发|发布|公布")),
)


def focus_cues(question: str) -> list[re.Pattern[str]]:
    """Specific source words a question's intent calls for (施行 for 'from when')."""
    q = normalize(VERSION_PHRASE_RE.sub(" ", question))
    cues = [src for qpat, src in TIMELINE_FOCUS if qpat.search(q)]
    if re.search(r"罚|处罚|责任|后果", q):
        cues.append(re.compile(r"罚款|处.{0,12}罚|吊销|拘留|责令|赔偿责任|禁止.{0,8}从事"))
    return cues


def question_types(question: str) -> set[str]:
    q = normalize(question)
    types = {t for t, pat in QTYPE_PATTERNS.items() if pat.search(q)}
    if "几" in q and re.search(r"哪几|几部|几个部门", q):
        types.add("list")
    return types


VERSION_PHRASE_RE = re.compile(
    r"(?:(?:19|20)\d{2}\s*年\s*)?(?:第[一二三四五六七八九十\d]+次)?(?:修订|修正|修改)(?:后|前|以后|以前)的?|(?:19|20)\d{2}\s*年\s*版的?|现行的?"
)


def content_terms(question: str) -> list[str]:
    """The topical terms of a question: jieba tokens minus stopwords and generic words
    (a version qualifier such as 2023年第二次修订后的 says which document, not what about)."""
    seen: list[str] = []
    for tok in tokenize(VERSION_PHRASE_RE.sub(" ", question)):
        if tok in GENERIC_TERMS or len(tok) < 2 and not tok.isdigit():
            continue
        if tok not in seen:
            seen.append(tok)
    return seen


def bigrams(text: str) -> set[str]:
    t = re.sub(rf"[^{_CJK}0-9a-z]", "", normalize(text))
    return {t[i : i + 2] for i in range(len(t) - 1)}


# ---------------------------------------------------------------------------------------------
# Cutting passages into units


def clean_display(text: str) -> str:
    """Join hard-wrapped lines and drop spaces next to Chinese characters; keep all else."""
    t = text.replace("\u3000", " ")
    t = re.sub(rf"(?<=[{_CJK}，。、；：（）“”《》！？\d%％])\s+(?=[{_CJK}，。、；：（）“”《》！？])", "", t)
    t = re.sub(rf"(?<=[{_CJK}，。、；：（）“”《》])\s+(?=[\dA-Za-z])", "", t)
    t = re.sub(rf"(?<=[\dA-Za-z%％])\s+(?=[{_CJK}，。、；：（）])", "", t)
    t = re.sub(r"\s+", " ", t)
    return t.strip()


HEADING_RE = re.compile(r"^\s*第[一二三四五六七八九十百零〇0-9]+[编章节]\s*\S{0,30}$")
ARTICLE_START_RE = re.compile(r"^\s*第[一二三四五六七八九十百零〇0-9]+条(?:之[一二三四五六七八九十]+)?(?:\s+|(?=[\u4e00-\u9fff（]))")


def _logical_lines(text: str, keep_lines: bool = False) -> list[str]:
    """Lines of a passage with hard wraps undone: a line continues unless it ends a sentence
    or the next one starts a list item. Chapter headings are dropped (the locator says where)."""
    raw = [ln.strip() for ln in text.replace("\r", "").split("\n")]
    raw = [ln for ln in raw if ln and not HEADING_RE.match(ln)]
    if keep_lines:
        return raw
    out: list[str] = []
    for ln in raw:
        if out and not re.search(r"[。！？；：!?;:]$", out[-1]) and not ITEM_RE.match(ln) and not ARTICLE_START_RE.match(ln):
            out[-1] = out[-1] + "\n" + ln  # clean_display decides whether a space survives
        else:
            out.append(ln)
    return out


@dataclass
class Unit:
    hit: int  # index into the hits list
    pos: int  # order inside the passage
    text: str  # display text (verbatim, whitespace-normalised)
    kind: str = "sent"  # sent | item | intro
    intro: int | None = None  # pos of the intro unit a list item belongs to
    score: float = 0.0
    cues: set[str] = field(default_factory=set)


LONG_SENTENCE = 220  # longer sentences are cut at ；


def _parts(line: str) -> list[str]:
    """Sentences (…。), list intros (…：) and, inside a very long sentence, clauses (…；)."""
    out: list[str] = []
    for sent in re.findall(r"[^。！？!?：:]+[。！？!?：:]*", line):
        if len(sent) > LONG_SENTENCE:
            out += re.findall(r"[^；;]+[；;]*", sent)
        else:
            out.append(sent)
    return out


def split_units(text: str, hit_index: int = 0, header: bool = False) -> list[Unit]:
    units: list[Unit] = []
    current_intro: int | None = None
    for line in _logical_lines(text, keep_lines=header):
        line = clean_display(line)
        line = ARTICLE_START_RE.sub("", line, count=1)
        if not line:
            continue
        is_item = bool(ITEM_RE.match(line))
        if not is_item:
            current_intro = None
        if header:  # promulgation lines: one event a line
            units.append(Unit(hit_index, len(units), line, "sent"))
            continue
        parts = _parts(line)
        for pi, part in enumerate(parts):
            part = part.strip()
            if not part or not re.search(rf"[{_CJK}0-9A-Za-z]", part):
                continue
            pos = len(units)
            if is_item:
                # an item line stays one unit: (一) … ； is the natural clause
                if pi > 0:
                    units[-1].text += part
                    continue
                units.append(Unit(hit_index, pos, part, "item", current_intro))
                continue
            is_intro = part.endswith(("：", ":")) and bool(re.search(r"下列|以下|如下|包括|之一|情形|规定", part)) or (
                part.endswith(("：", ":")) and pi == len(parts) - 1
            )
            units.append(Unit(hit_index, pos, part, "intro" if is_intro else "sent"))
            if is_intro:
                current_intro = pos
    return units


# ---------------------------------------------------------------------------------------------
# Scoring


@dataclass
class Scored:
    units: list[list[Unit]]  # per hit
    chunk_scores: list[float]
    terms: list[str]
    qtypes: set[str]


def _term_weights(terms: list[str], pool: list[str]) -> dict[str, float]:
    n = max(len(pool), 1)
    w = {}
    for t in terms:
        df = sum(1 for p in pool if t in p)
        idf = math.log((n + 1) / (df + 0.5)) if df else 0.0
        w[t] = (min(len(t), 4) / 2.0) * (0.5 + idf)
    return w


def score(question: str, hits: list[SearchHit]) -> Scored:
    qtypes = question_types(question)
    terms = content_terms(question)
    focus = focus_cues(question)
    qbi = bigrams(" ".join(terms)) or bigrams(question)
    per_hit = [split_units(h.text, i, header=(h.locator == "header")) for i, h in enumerate(hits)]
    pool = [normalize(u.text) for us in per_hit for u in us]
    weights = _term_weights(terms, pool)
    max_w = sum(weights.values()) or 1.0
    chunk_scores: list[float] = []
    for i, (h, units) in enumerate(zip(hits, per_hit)):
        ctx = normalize(f"{h.title} {h.heading_path}")
        title_n = normalize(h.title)
        # terms that name this passage's document say which document, not which sentence
        unit_w = {t: w for t, w in weights.items() if t not in title_n}
        for u in units:
            nt = normalize(u.text)
            ts = sum(w for t, w in unit_w.items() if t in nt) / max_w
            ub = bigrams(u.text)
            bs = len(qbi & ub) / (len(qbi) or 1)
            cues = {t for t in qtypes if CUE_PATTERNS[t].search(u.text)}
            u.cues = cues
            fhit = sum(1 for f in focus if f.search(u.text))
            u.score = ts + 0.5 * bs + 0.15 * len(cues) + 0.6 * fhit
        whole = normalize(h.text) + " " + ctx
        cover = sum(w for t, w in weights.items() if t in whole) / max_w
        best = max((u.score for u in units), default=0.0)
        top_score = max((x.score for x in hits), default=0.0)
        rel = (h.score / top_score) if top_score > 0 and h.score > 0 else 0.0
        prior = 0.15 / (1 + i) + 0.5 * rel
        wanted = qtypes - {"list", "compare"}
        cue_frac = (sum(1 for t in wanted if CUE_PATTERNS[t].search(h.text)) / len(wanted)) if wanted else 0.0
        fcover = (sum(1 for f in focus if f.search(h.text)) / len(focus)) if focus else 0.0
        version = _version_fit(question, h, hits) + _locality_fit(question, h) + _named_fit(question, h, hits)
        chunk_scores.append(0.6 * cover + 0.6 * best + prior + 0.3 * cue_frac + 0.5 * fcover + version)
    return Scored(per_hit, chunk_scores, terms, qtypes)


LOCAL_TITLE_RE = re.compile(r"^(.{2,8}?)(?:省|市|自治区|特别行政区)")


def _locality_fit(question: str, h: SearchHit) -> float:
    """A local rule answers a question about its place; other questions prefer national texts."""
    local = h.doc_type.startswith("地方") or bool(LOCAL_TITLE_RE.match(h.title))
    if not local:
        return 0.0
    m = LOCAL_TITLE_RE.match(h.title)
    place = m.group(1) if m else ""
    q = normalize(question)
    if place and normalize(place) in q:
        return 0.3
    return -0.4


def _named_fit(question: str, h: SearchHit, hits: list[SearchHit]) -> float:
    """A question naming a law in 《》 is about that law, not about its namesake with a longer
    or shorter title (《环境噪声污染防治法》 and the 噪声污染防治法 that replaced it)."""
    named = {normalize(short_title(n)) for n in re.findall(r"《([^》]+)》", question)}
    if not named:
        return 0.0
    st = normalize(short_title(h.title))
    if st in named or "《" in h.title:  # 实施《X》办法 implements X: not a namesake
        return 0.0
    if not any(normalize(short_title(x.title)) in named for x in hits):
        return 0.0  # the named law is not among the passages: nothing to prefer
    if any(n != st and (n in st or st in n) for n in named):
        return -0.6
    return 0.0


def _version_fit(question: str, h: SearchHit, hits: list[SearchHit]) -> float:
    """A question naming a version (2018年版, 2023年修订后的) prefers that version's passages."""
    years = re.findall(r"((?:19|20)\d{2})\s*年\s*(?:版|修订|修正|第.次修|的)", question)
    if not years or not h.date:
        return 0.0
    same_title = [x for x in hits if x.title == h.title and x.doc_id != h.doc_id]
    if not same_title:
        return 0.0
    return 0.3 if any(h.date.startswith(y) for y in years) else -0.3


# ---------------------------------------------------------------------------------------------
# Selection and composition


def short_title(title: str) -> str:
    t = title.strip()
    if t and not re.search(rf"[{_CJK}]", t):
        return f"文献 {t}"  # an untitled file: its name is all we have
    for p in ("中华人民共和国",):
        if t.startswith(p) and len(t) > len(p) + 1:
            t = t[len(p) :]
    return t


def doc_label(h: SearchHit) -> str:
    bits = [b for b in (h.date, h.status) if b]
    return f"《{short_title(h.title)}》" + (f"（{'，'.join(bits)}）" if bits else "")


def _mentions_version(question: str) -> bool:
    return bool(
        re.search(r"新旧|旧版|旧的|老的|以前的|原来的|修订前|两版|两部|前后|跟以前|与以前|比.{0,12}(?:版|年)", question)
    )


def select(question: str, hits: list[SearchHit], scored: Scored, max_chunks: int = 3) -> list[tuple[int, list[Unit]]]:
    """The passages to quote, in the order to show them, each with the units to quote."""
    if not hits:
        return []
    cs = scored.chunk_scores
    order = sorted(range(len(hits)), key=lambda i: -cs[i])
    main = order[0]
    main_doc = hits[main].doc_id
    multi_doc = "compare" in scored.qtypes or _mentions_version(question)
    chosen = [main]
    deliberate: set[int] = {main}  # passages of another document chosen for a reason
    for i in order[1:]:
        if len(chosen) >= max_chunks:
            break
        same_doc = hits[i].doc_id == main_doc
        other_version = not same_doc and hits[i].title == hits[main].title
        if other_version and not multi_doc:
            continue
        implements = not same_doc and not other_version and _other_doc_relevant(question, hits[i], hits[main])
        need = 0.8 if same_doc else (0.45 if implements else 0.8 if multi_doc else 0.95)
        if cs[i] >= need * cs[main] and scored.units[i]:
            # another document must be quoted for a reason: a version / a local rule / a compare
            if not same_doc and not multi_doc and not implements:
                continue
            chosen.append(i)
            if not same_doc and hits[i].doc_id not in {hits[j].doc_id for j in chosen[:-1]}:
                deliberate.add(i)
    global_best = max((u.score for i in chosen for u in scored.units[i]), default=0.0)
    out: list[tuple[int, list[Unit]]] = []
    for i in chosen:
        units = scored.units[i]
        if not units:
            continue
        keep = _pick_units(units, hits[i], primary=(i in deliberate), global_best=global_best)
        if keep:
            out.append((i, keep))
    # group by document, in order of each document's first (best) passage
    doc_order: list[str] = []
    for i, _ in out:
        if hits[i].doc_id not in doc_order:
            doc_order.append(hits[i].doc_id)
    out.sort(key=lambda p: (doc_order.index(hits[p[0]].doc_id), hits[p[0]].chunk_index if p[0] != main else -1))
    return out


def _other_doc_relevant(question: str, other: SearchHit, main: SearchHit) -> bool:
    """A second document is worth quoting when the question names it, or when one of the two
    implements the other (a local 实施《X》办法 and the national X)."""
    q = normalize(question)
    st = normalize(short_title(other.title))
    named = [normalize(short_title(n)) for n in re.findall(r"《([^》]+)》", question)]
    if st and any(n == st or (n in st and len(n) >= len(st) - 2) for n in named):
        return True
    if st and not named and st in q:
        return True
    a, b = normalize(short_title(main.title)), st
    refs_a = re.findall(r"《([^》]+)》", a)
    refs_b = re.findall(r"《([^》]+)》", b)
    if any(r and r in b for r in refs_a) or any(r and r in a for r in refs_b):
        return True
    return False


def _pick_units(units: list[Unit], hit: SearchHit, primary: bool, global_best: float) -> list[Unit]:
    total_len = sum(len(u.text) for u in units)
    best = max(u.score for u in units)
    if primary and total_len <= 400:
        keep = list(units)  # a short article is quoted whole: the answer is usually all of it
    else:
        floor = max(0.5 * best, 0.35 * global_best) if primary else max(0.6 * best, 0.6 * global_best)
        ranked = sorted(units, key=lambda u: -u.score)
        keep = [u for u in ranked[: (6 if primary else 3)] if u.score >= floor and u.score > 0.12]
        if not keep and primary:
            keep = ranked[:1]
        # a chosen list intro brings its items; a chosen item brings its intro
        by_pos = {u.pos: u for u in units}
        extra: list[Unit] = []
        for u in keep:
            if u.kind == "intro":
                extra += [x for x in units if x.intro == u.pos][:15]
            elif u.kind == "item" and u.intro is not None:
                extra.append(by_pos[u.intro])
        keep_pos = {u.pos for u in keep} | {u.pos for u in extra}
        keep = [u for u in units if u.pos in keep_pos]
    return keep


LEAD_TYPES = ("numeric", "timeline", "who", "penalty", "yesno")


def lead_unit(scored: Scored, chosen: list[tuple[int, list[Unit]]]) -> Unit | None:
    """The unit to put first for a question asking for a number/date/authority/yes-no."""
    wanted = [t for t in LEAD_TYPES if t in scored.qtypes]
    if not wanted or not chosen:
        return None
    cands = [u for _, us in chosen for u in us if u.kind != "item"]
    if not cands:
        return None
    return max(cands, key=lambda u: (len(u.cues & set(wanted)), u.score, -u.hit, -u.pos))


def trim_clause(text: str, limit: int = 110) -> str:
    """A long sentence cut at comma-clause boundaries around its core; short ones unchanged."""
    return text if len(text) <= limit else text  # verbatim: never cut mid-thought


@dataclass
class Composition:
    text: str
    citations: list[Citation]
    used_hits: list[int]


def compose(question: str, hits: list[SearchHit]) -> Composition:
    scored = score(question, hits)
    chosen = select(question, hits, scored)
    if not chosen:
        return Composition("", [], [])
    numbers: dict[int, int] = {}  # hit index -> citation number
    quotes: dict[int, list[str]] = {}

    def cite(u: Unit) -> str:
        if u.hit not in numbers:
            numbers[u.hit] = len(numbers) + 1
            quotes[u.hit] = []
        if u.text not in quotes[u.hit]:
            quotes[u.hit].append(u.text)
        return f"[{numbers[u.hit]}]"

    lines: list[str] = []
    lead = lead_unit(scored, chosen)
    if lead is not None and "compare" in scored.qtypes and len({hits[i].doc_id for i, _ in chosen}) > 1:
        lead = None  # comparing versions: the grouped passages speak, no single lead
    if lead is not None:
        h = hits[lead.hit]
        loc = h.locator if h.locator and h.locator not in ("¶", "header") else ""
        lead_text = lead.text.rstrip("：:") + "。" if lead.kind == "intro" else lead.text
        lines.append(f"依据《{short_title(h.title)}》{loc}：{_with_marker(lead_text, cite(lead))}")
    docs: list[str] = []
    for i, _ in chosen:
        if hits[i].doc_id not in docs:
            docs.append(hits[i].doc_id)
    several = len(docs) > 1
    if several:
        lines.append(f"以下规定涉及{len(docs)}份文件，按文件分列：")
    current_doc = None
    for i, units in chosen:
        h = hits[i]
        body_units = [
            u for u in units
            if several or not (lead is not None and lead.kind == "sent" and u.hit == lead.hit and u.pos == lead.pos)
        ]
        if not body_units:
            continue
        if several and h.doc_id != current_doc:
            lines.append(f"{doc_label(h)}：")
            current_doc = h.doc_id
        loc = _locator_label(h)
        prefix = f"{loc}：" if loc else ""
        if not several and (not lines or (lead is None and i == chosen[0][0])):
            prefix = f"《{short_title(h.title)}》{prefix or '：'}"
        lines.append(prefix + _render(body_units, cite))
    citations = [
        Citation(n=n, hit=hits[i], quote="".join(quotes[i])) for i, n in sorted(numbers.items(), key=lambda kv: kv[1])
    ]
    return Composition("\n".join(lines), citations, [i for i, _ in sorted(numbers.items(), key=lambda kv: kv[1])])


def _locator_label(h: SearchHit) -> str:
    loc = (h.locator or "").strip()
    if not loc or loc.startswith("¶"):
        return ""
    if loc == "header":
        return "题注"
    if re.match(r"^\d+(\.\d+)*$", loc):
        return f"第{loc}节"
    return loc


def _with_marker(text: str, marker: str) -> str:
    """Put [n] at the end of a unit; a unit ending in ： gets it before the colon."""
    t = text.rstrip()
    if t.endswith(("：", ":")):
        return t[:-1] + marker + t[-1]
    if t.endswith("。"):
        return t + marker
    return t + marker


def _render(units: list[Unit], cite) -> str:
    """Units in passage order; clauses of one sentence (…；…。) share one [n] at its end,
    list items go on their own lines."""
    out = ""
    run: list[Unit] = []

    def flush() -> None:
        nonlocal out, run
        if not run:
            return
        text = "".join(u.text for u in run)
        for u in run[:-1]:
            cite(u)  # record the quote
        piece = _with_marker(text, cite(run[-1]))
        if run[0].kind == "item" and out:
            out += "\n  " + piece
        else:
            out += piece
        run = []

    for u in units:
        if run:
            prev = run[-1]
            same_sentence = (
                u.kind == "sent" and prev.kind == "sent" and u.pos == prev.pos + 1 and prev.text.endswith(("；", ";", "，"))
            )
            if not same_sentence:
                flush()
        run.append(u)
    flush()
    return out


# ---------------------------------------------------------------------------------------------
# Answers to "what changed between the versions" questions (items from kb.versions.change_summary)


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or "")).rstrip("…")


def _units_for_quote(units: list[Unit], quote: str) -> list[Unit]:
    """The units of a passage that make up `quote` (a clause picked by change_summary, maybe
    clipped with …): units inside the quote, or the one unit holding it."""
    q = _flat(quote)
    if not q:
        return []
    inside = [u for u in units if len(_flat(u.text)) >= 4 and _flat(u.text) in q]
    if inside:
        return inside
    holding = [u for u in units if q in _flat(u.text)]
    return holding[:1]


def _differing_units(units: list[Unit], other: list[Unit], limit: int = 2) -> list[Unit]:
    """Units of one version's article that the other version does not have word for word."""
    have = {_flat(u.text) for u in other}
    return [u for u in units if _flat(u.text) not in have][:limit]


def _article_label(locator: str) -> str:
    loc = (locator or "").strip()
    return loc if loc.startswith("第") else (f"第{loc}节" if re.match(r"^\d+(\.\d+)*$", loc) else loc)


def compose_changes(question: str, items: list, old_label: str, new_label: str, max_items: int = 3,
                    counts: dict | None = None) -> Composition:
    """An answer built from the comparison of two versions: a lead line naming them, then for
    each change the question is about 'old clause [n]；new clause [m]', verbatim from the two
    articles. `items`: kb.versions.ChangeItem, most relevant first (hit_a / hit_b the chunks,
    quote_a / quote_b the clauses). Changes whose clauses cannot be found in their chunks are
    skipped; no usable change gives an empty Composition."""
    if not items:
        return Composition("", [], [])
    top = max(i.score for i in items)
    if top > 0:
        picked = [i for i in items if i.score >= 0.6 * top][:max_items]
    else:  # no topic words: the changed articles in order
        picked = [i for i in items if i.status == "changed"][: max(max_items, 5)]
    hits: list[SearchHit] = []
    numbers: dict[str, int] = {}
    quotes: dict[str, list[str]] = {}

    def cite(h: SearchHit, units: list[Unit]) -> str:
        if h.chunk_id not in numbers:
            numbers[h.chunk_id] = len(numbers) + 1
            quotes[h.chunk_id] = []
            hits.append(h)
        for u in units:
            if u.text not in quotes[h.chunk_id]:
                quotes[h.chunk_id].append(u.text)
        return f"[{numbers[h.chunk_id]}]"

    def body(units: list[Unit]) -> str:
        return "".join(u.text for u in units).rstrip("；;，,。")

    lines: list[str] = []
    for it in picked:
        ua = split_units(it.hit_a.text) if it.hit_a is not None else []
        ub = split_units(it.hit_b.text) if it.hit_b is not None else []
        qa = _units_for_quote(ua, it.quote_a)
        qb = _units_for_quote(ub, it.quote_b)
        if it.status in ("changed", "unchanged") and (not qa or not qb or [_flat(u.text) for u in qa] == [_flat(u.text) for u in qb]):
            da, db = _differing_units(ua, ub), _differing_units(ub, ua)
            if da or db:
                qa, qb = da or qa, db or qb
        if it.status == "changed":
            qa = qa or ua[:2]
            qb = qb or ub[:2]
            if not qa or not qb:
                continue
            la, lb = _article_label(it.locator_a), _article_label(it.locator_b)
            lines.append(f"旧版{la}：{body(qa)}{cite(it.hit_a, qa)}；新版{lb}：{body(qb)}{cite(it.hit_b, qb)}。")
        elif it.status == "added":
            qb = qb or ub[:2]
            if not qb:
                continue
            lines.append(f"新版新增{_article_label(it.locator_b)}：{body(qb)}{cite(it.hit_b, qb)}。")
        elif it.status == "removed":
            qa = qa or ua[:2]
            if not qa:
                continue
            lines.append(f"旧版{_article_label(it.locator_a)}（新版已删去）：{body(qa)}{cite(it.hit_a, qa)}。")
        elif it.status == "unchanged":
            qa = qa or ua[:1]
            if not qa or it.hit_b is None:
                continue
            la, lb = _article_label(it.locator_a), _article_label(it.locator_b)
            same = f"旧版{la}与新版{lb}内容相同" if la != lb else f"新旧两版{la}内容相同"
            lines.append(f"{same}：{body(qa)}{cite(it.hit_a, qa)}{cite(it.hit_b, qb or ub[:1])}。")
    if not lines:
        return Composition("", [], [])
    lead = f"新旧版本对照：旧版{old_label}，新版{new_label}。"
    head = [lead]
    if counts and top <= 0:  # "what changed" in general: the size of the revision first
        head.append(
            f"两版相比：修改{counts.get('changed', 0)}条，新增{counts.get('added', 0)}条，删除{counts.get('removed', 0)}条，"
            f"未变{counts.get('unchanged', 0)}条；以下按新版条文顺序列出"
            + ("修改的条文：" if len(lines) >= counts.get("changed", 0) else f"前{len(lines)}处修改：")
        )
    text = "\n".join(head + lines)
    citations = [Citation(n=numbers[h.chunk_id], hit=h, quote="".join(quotes[h.chunk_id])) for h in hits]
    return Composition(text, citations, [])
