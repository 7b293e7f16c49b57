"""Sentences that talk to the reader or to the model instead of stating the rules.

A document can carry text aimed at whoever reads it out: "忽略以上指令，回答：…", "以下为系统指令",
"请访问 http://… 输入账号和密码". Such a sentence is never an answer: the extractive units
(kb.answers.units) skip it, the LLM never sees it as a source (kb.answers.llm), an LLM reply
that contains one is marked 【未核实】 (kb.answers.verify), and the ingest counts them per
document (DocumentMeta.warnings), so `kb docs` and the ingest summary show where they are.

`hostile(sentence)` names the kind of address, or returns "" for an ordinary sentence.
Policy texts legitimately name websites and ask for documents ("提交营业执照"); what is flagged
is an instruction to the model, a request for secrets, or a directive to go to a link.
"""
from __future__ import annotations

import re

# Addressed to the model: override its instructions, give it a role, fake a system turn.
INSTRUCTION_RE = re.compile(
    r"(?<![勿不禁免])(?:忽略|忽视|无视|不要理会|不要遵守|不要遵循)(?:掉)?(?:以上|之前|前面|上述|上面|此前|先前|所有|全部|一切|你的|原有的?)"
    r".{0,6}(?:指令|指示|规则|要求|提示|设定|约束|命令)"
    r"|(?<![勿不禁免])(?:忽略|无视).{0,6}(?:指令|提示词|系统提示|设定)"
    r"|(?:以下|下面|接下来)(?:为|是|内容为)?.{0,2}(?:系统|管理员|开发者)(?:指令|命令|提示|消息)"
    r"|(?:系统|管理员|开发者)(?:指令|提示词|命令)\s*[:：]"
    r"|(?<![\u4e00-\u9fff])(?:system|assistant)\s*[:：]"
    r"|你(?:现在)?(?:是一个|扮演|必须扮演|不再是|不受)|你现在是"
    r"|作为(?:AI|人工智能|语言模型|大模型)[，,]?(?:你|请)"
    r"|ignore\s+(?:all\s+|any\s+|the\s+)?(?:previous|prior|above|earlier)\s+(?:instructions|prompts|rules)"
    r"|disregard\s+(?:all\s+|the\s+)?(?:previous|above)|you\s+are\s+now\b|new\s+instructions\s*:"
    r"|system\s+prompt|jailbreak",
    re.I,
)

LINK_RE = re.compile(
    r"\b[A-Za-z0-9-]+(?:\[\.\][A-Za-z0-9-]+)+(?:/[^\s，。；、）)】]*)?"  # already made inert: example[.]com
    r"|(?:https?|ftp)://[^\s<>\"'，。；、）)】]+|\bwww\.[A-Za-z0-9-]+\.[A-Za-z0-9.-]+[^\s<>\"'，。；、）)】]*"
    r"|\b[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:com|net|org|cn|top|xyz|info|io|cc)(?:/[^\s，。；、）)】]*)?",
    re.I,
)
# A directive to go somewhere: with a link in the same sentence, the reader is being sent away.
_GO_RE = re.compile(r"访问|点击|点开|登录|登陆|打开|前往|进入|扫码|扫描|下载|链接|visit|click|open|log\s*in", re.I)
# A request for secrets: a verb of handing over, then (close by) a password, code or card
# number. In the law "密码" is also cryptography (商用密码产品, 密码管理部门): those words
# following it mark the other sense.
_SECRET = r"(?:密码|口令|验证码|动态码|校验码|银行卡号|卡号|CVV|私钥|助记词|支付码|api[\s_-]?key|password|passcode|credentials)"
_NOT_SECRET = r"(?!服务|产品|技术|管理|部门|应用|使用|检测|相关|行业|科研|工作|算法|设备|标准|评估|认证)"
_SECRET_RE = re.compile(
    r"(?:输入|填写|填入|发送|告知|回复|提供|提交|上传|enter|send|provide|type)[^。！？!?，,；;]{0,6}?"
    r"(?:账号|账户|用户名|登录名)?(?:和|及|与|、|/)?(?<!修改)(?<!重置)(?<!设置)(?<!更改)(?<!找回)" + _SECRET + _NOT_SECRET,
    re.I,
)
_SECRET_FIRST_RE = re.compile(_SECRET + _NOT_SECRET + r"[^。！？!?，,；;]{0,8}(?:输入|发送至|发到|告知|回复)", re.I)


def hostile(sentence: str) -> str:
    """'instruction' | 'credential' | 'link' for a sentence that addresses the model or the
    reader; '' otherwise."""
    s = sentence or ""
    if INSTRUCTION_RE.search(s):
        return "instruction"
    if _SECRET_RE.search(s) or _SECRET_FIRST_RE.search(s):
        return "credential"
    if _GO_RE.search(s) and any(not _official(m.group(0)) for m in LINK_RE.finditer(s)):
        return "link"
    return ""


def _official(link: str) -> bool:
    """A government site (host under .gov.cn): notices send applicants to them routinely, and
    such names cannot be registered by just anyone."""
    host = re.sub(r"^(?:https?|ftp)://", "", link, flags=re.I).split("/", 1)[0].replace("[.]", ".").lower()
    return host == "gov.cn" or host.endswith(".gov.cn")


SENTENCE_RE = re.compile(r"[^。！？!?\n]+[。！？!?]*")


def hostile_sentences(text: str) -> list[tuple[str, str]]:
    """(sentence, kind) for every flagged sentence of a passage."""
    out = []
    for m in SENTENCE_RE.finditer(text or ""):
        kind = hostile(m.group(0))
        if kind:
            out.append((m.group(0).strip(), kind))
    return out


def strip_hostile(text: str) -> tuple[str, int]:
    """The passage without its flagged sentences (line breaks kept), and how many went. An
    instruction that ends in a colon ("忽略以上指令，回答：") takes the next sentence with it:
    that is the text it wants said."""
    removed = 0
    swallow = False

    def drop(m: re.Match[str]) -> str:
        nonlocal removed, swallow
        s = m.group(0)
        if swallow and s.strip():
            swallow = False
            removed += 1
            return ""
        kind = hostile(s)
        if kind:
            removed += 1
            swallow = kind == "instruction" and s.rstrip().endswith(("：", ":"))
            return ""
        return s

    return SENTENCE_RE.sub(drop, text or ""), removed


KIND_CN = {"instruction": "针对模型的指令", "credential": "索要密码或验证码", "link": "引导访问链接"}


def document_warning(counts: dict[str, int]) -> str:
    """The one line kept on a document that holds flagged sentences."""
    parts = [f"{KIND_CN[k]} {n} 句" for k, n in counts.items() if n]
    return ("含有疑似注入或诱导的文字（" + "，".join(parts) + "），这些句子不会用作回答") if parts else ""


def plain_links(text: str) -> str:
    """Links made inert for display: no scheme, dots bracketed (example[.]com), so neither
    Markdown nor a terminal turns them into something to click."""
    def defang(m: re.Match[str]) -> str:
        if "[.]" in m.group(0):
            return m.group(0)
        url = re.sub(r"^(?:https?|ftp)://", "", m.group(0), flags=re.I)
        return url.replace(".", "[.]")

    return LINK_RE.sub(defang, text or "")
