"""The words of a question that name its topic, and the everyday words users write for the
words documents use.

- `content_terms`: the question's topical terms (jieba tokens, without stop words, question
  framing and version qualifiers);
- `expand_terms`: everyday abbreviations (标煤, 环评, 危废 …) get their full form appended for
  the lexical retriever (never replaced).
"""
from __future__ import annotations

from typing import Sequence

from kb.index.lexical import tokenize
from kb.question.versions_asked import VERSION_PHRASE_RE
from kb.question.lexicon import legal_words

# Words of a question that say nothing about its topic: function words, the framing of a
# question (区别, 多久, 哪个部门), and the words that name versions (新版, 修订后).
QUESTION_STOPWORDS = frozenset(
    "企业 单位 公司 我们 我国 国家 规定 法律 要求 情况 问题 具体 相关 有关 现在 现行 按照 依照 根据 以前 之后 以后 "
    "时候 可以 需要 应该 必须 还 就 都 又 该 怎样 怎么办 怎么 会 被 给 哪 多 一 个 分别 什么 哪些 哪个 哪几 多少 "
    "是不是 能不能 有没有 吗 呢 里 中 上 下 时 后 前 再 这 那 这些 那些 这个 那个 一下 到底 目前 为止 一共 常说 "
    "规定了 里面 方面 具体要 主要 如果 要是 的话 出现 发现 导致 受到 面临 法 条例 办法 规定 文件 "
    "新旧 两部 两版 前后 变化 区别 不同 不一样 比较 相比 界定 定义 含义 意思 指的是 具体指 是指 怎么样 怎么处理 "
    "处罚 怎么罚 罚多少 责任 承担 多久 多长 时间 期限 哪天 哪一天 开始 什么时候 何时 部门 哪个部门 谁 负责 "
    "情形 情况下 条件 内容 包括 哪几个 哪几项 几次 分别是 一共 总共 大概 大约 能否 可否 算不算 行不行 "
    "怎样 如何 几 差异 差别 一样 修订 修订后 修正 修改 改了 对比 比起 之前 原来 原先 版本 年版 版 新 旧 老 "
    "有什么 有何 当年 如今 法规 本法 条文 哪条 严 宽 高 低 少 跟 和 与 同 比 对 是 新版 旧版 老版 新法 旧法 部 "
    "这方面 这方 那方面 这一点 这点 这块 这一块 这部 那部 这份 那份 这项 那项".split()
)

# Everyday words of questions -> the words laws use, for weighing articles against a question's
# topic (a change question's 交钱 is about 缴纳 clauses).
TOPIC_SYNONYMS: dict[str, tuple[str, ...]] = {
    "钱": ("费", "缴纳"), "交钱": ("缴纳",), "交": ("缴纳",), "罚": ("罚款",), "罚多少": ("罚款",),
    "排污": ("排放",), "多久": ("期限",), "期限": ("日内",), "谁": ("主管部门",), "哪个部门": ("主管部门",),
    "监管": ("监督管理",),
}

def expand_terms(text: str, penalty: bool = False, glossed: Sequence[str] = ()) -> str:
    """`text` with the documents' words for its everyday words appended (and 法律责任 for a
    question about penalties). `glossed`: the Chinese words of an English question."""
    extra = legal_words(text)
    extra += [w for w in glossed if w not in extra]
    if penalty:
        extra.append("法律责任")
    return text if not extra else text + " " + " ".join(extra)


def content_terms(text: str) -> list[str]:
    """The topical terms of a question: jieba tokens minus stop words and question framing (a
    version qualifier such as 2023年第二次修订后的 says which document, not what about)."""
    seen: list[str] = []
    for tok in tokenize(VERSION_PHRASE_RE.sub(" ", text)):
        if tok in QUESTION_STOPWORDS or len(tok) < 2 and not tok.isdigit():
            continue
        if tok not in seen:
            seen.append(tok)
    return seen
