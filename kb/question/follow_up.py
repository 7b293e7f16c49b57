"""Follow-up questions in a conversation: "那罚款是多少？" after a question about 节能法第五十三条.

`follow_up_context(question, history, titles)` returns what the question leaves out — the
document (and article) the conversation is about — or None when the question stands alone:

- a question that names a document itself, or that does not point back (那/这/该/它/上述/还,
  …呢) and has a subject of its own, stands alone — length alone says nothing;
- otherwise the latest user turn that named a document gives it (with its article, unless
  the follow-up names its own): "示例办法第三条";
- when that turn named none, the first source its answer cited: "《示例办法》第三条";
- when nothing was named or cited, the previous question itself.

`history` is the chat so far, oldest first: dicts with "role" ("user"/"assistant") and
"content"; user turns may carry "query" (their own rewritten form, so that chains of
follow-ups keep the document) and assistant turns "cited" (a list of (title, locator)).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Sequence

from kb.text.grammar import ARTICLE_REF_RE

_BRACKETED = re.compile(r"《[^《》]{2,80}》")
# Names like 节约能源法 / 公共机构节能条例 / 北京市实施《节约能源法》办法.
_NAMED = re.compile(
    r"((?:中华人民共和国)?[\u4e00-\u9fffA-Za-z0-9（）()]{2,40}?"
    r"(?:法|条例|办法|规定|细则|规则|决定|规划|标准|通知|意见|方案))(?=$|[^\u4e00-\u9fff]|第|的|中|里|规定|要求|对|是|有|关于)"
)
_NOT_NAME_START = re.compile(
    r"^(?:请问|我想问|想问|问一下|根据|按照|依照|依据|关于|对于|在|按|依|那|那么|这|这个|该|它|其|我们|我|单位|企业)+"
)
_NOT_NAME_END = ("方法", "做法", "说法", "违法", "合法", "依法", "执法", "看法", "想法", "用法", "算法",
                 "写法", "手法", "立法", "司法", "守法", "不法", "非法", "无法", "设法", "什么办法", "有办法",
                 "没办法", "标准煤", "准规定")
_QUESTION_WORDS = ("什么", "怎么", "哪些", "哪个", "如何", "是否", "多少", "吗")
_FOLLOW_MARKERS = ("那", "那么", "这", "这个", "这条", "该", "它", "其", "此", "上述", "前述", "还有", "另外",
                   "如果", "若", "同时", "再", "又", "以及", "和", "还")
_ANAPHORA = ("该条", "这条", "此条", "本条", "上条", "该法", "这部", "该文件", "这个文件", "该办法", "该条例",
             "上述", "前述", "它", "其中")
# Without a document in the conversation, a question this short (or pointing back) borrows
# the previous question.
_BORROW_MAX_CHARS = 14
_BORROW_START = re.compile(r"^(那|它|这|其|该|那么|还有|另外)")


@dataclass(frozen=True)
class FollowUp:
    """What a follow-up question leaves out, taken from the conversation."""

    context: str  # put in front of the question for search: "《示例办法》第三条" or the previous question
    source: str  # named (a document the user named) | cited (the previous answer's first source) | previous


def named_documents(text: str, titles: Iterable[str] = ()) -> list[str]:
    """Document names mentioned in `text`: 《…》 names, indexed titles, then name-like words."""
    text = text or ""
    found: list[str] = [m.group(0) for m in _BRACKETED.finditer(text)]
    for title in titles:
        for variant in _title_variants(title):
            if variant and variant in text and not any(variant in f for f in found):
                found.append(variant)
                break
    if found:
        return found
    for m in _NAMED.finditer(_BRACKETED.sub("", text)):
        name = _NOT_NAME_START.sub("", m.group(1))
        if len(name) < 3 or name.endswith(_NOT_NAME_END) or any(w in name for w in _QUESTION_WORDS):
            continue
        found.append(name)
    return found


def _title_variants(title: str) -> list[str]:
    t = (title or "").strip()
    if len(t) < 3:
        return []
    short = re.sub(r"[（(][^）)]*[）)]$", "", t).strip()
    out = [t, short]
    for prefix in ("中华人民共和国",):
        if short.startswith(prefix) and len(short) > len(prefix) + 2:
            out.append(short[len(prefix):])
    return [v for v in dict.fromkeys(out) if len(v) >= 3]


def articles_in(text: str) -> list[str]:
    return [m.group(0) for m in ARTICLE_REF_RE.finditer(text or "")]


# Words that say what is asked, not what about: a question made only of these ("罚款是多少？",
# "期限是多久？", "有没有例外？") has no subject of its own.
_ASK_NOUNS = frozenset(
    "罚款 罚金 费用 金额 数额 钱 期限 时限 时间 日期 部门 机关 责任 后果 条件 标准 要求 规定 内容 程序 流程 "
    "例外 情形 没有 违反 处理 有效 效力 适用 范围 依据 处罚 办法 措施 义务 权利 材料".split()
)
_TRAILING_NE = re.compile(r"呢\s*[？?]?\s*$")


def is_follow_up(question: str) -> bool:
    """A question that points back (那/这/它/该/上述/还 …, …呢) or has no subject of its own.
    Length alone says nothing: "什么是绿色工厂？" is short and stands alone."""
    from kb.question.terms import content_terms  # the tokenizer loads only when a conversation exists

    q = question.strip()
    if not q:
        return False
    if q.startswith(_FOLLOW_MARKERS) or any(a in q for a in _ANAPHORA):
        return True
    terms = [t for t in content_terms(q) if t not in _ASK_NOUNS and not t.isdigit()]
    subject = [t for t in terms if not any(t != o and t in o for o in terms)]  # 危险废物, not also 危险
    if _TRAILING_NE.search(q) and len(subject) <= 1:
        return True
    return not subject


def follow_up_context(question: str, history: Sequence[Any] | None, titles: Iterable[str] = ()) -> FollowUp | None:
    """What `question` leaves out, from the conversation `history` (see the module docstring)."""
    q = (question or "").strip()
    if not q or not history:
        return None
    titles = list(titles)
    if named_documents(q, titles) or not is_follow_up(q):
        return None  # it stands alone
    turns = list(history)
    own_articles = articles_in(q)
    for i in range(len(turns) - 1, -1, -1):
        if _role(turns[i]) != "user":
            continue
        prev = _turn_text(turns[i], "query", "content")
        docs = named_documents(prev, titles)
        if docs:
            arts = [] if own_articles else articles_in(prev)[:1]
            return FollowUp(f"{docs[-1]}{arts[0] if arts else ''}", "named")
        # The question did not name a document: use what its answer cited first.
        reply = turns[i + 1] if i + 1 < len(turns) else None
        cited = (reply.get("cited") if isinstance(reply, Mapping) else None) or []
        if cited:
            first = cited[0]
            title = str(first[0] if isinstance(first, (tuple, list)) else first)
            locator = str(first[1]) if isinstance(first, (tuple, list)) and len(first) > 1 else ""
            article = "" if own_articles or not ARTICLE_REF_RE.fullmatch(locator) else locator
            if title:
                return FollowUp(f"《{title.strip('《》')}》{article}", "cited")
    last = next((_turn_text(t, "content") for t in reversed(turns) if _role(t) == "user"), "")
    if last and (len(q) < _BORROW_MAX_CHARS or _BORROW_START.match(q)):
        return FollowUp(last, "previous")
    return None


def _turn_text(turn: Any, *keys: str) -> str:
    if isinstance(turn, Mapping):
        for k in keys:
            v = turn.get(k)
            if v:
                return str(v)
        return ""
    if isinstance(turn, (tuple, list)) and len(turn) == 2:
        return str(turn[1] if keys[0] == "content" else "")
    return ""


def _role(turn: Any) -> str:
    if isinstance(turn, Mapping):
        return str(turn.get("role", ""))
    if isinstance(turn, (tuple, list)) and turn:
        return str(turn[0])
    return ""
