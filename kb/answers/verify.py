"""Checking a generated answer against its sources.

- every [n] names a source that exists;
- every sentence that states a fact carries at least one [n];
- every number in a sentence (Arabic or Chinese numerals: 3万元, 三万元, 百分之三十, 2022年6月5日)
  occurs in a source it cites (or, for a sentence without markers, in any source).

- no sentence asks for a password or code, sends the reader to a link, or gives orders
  (kb.answers.hostile); links are shown as plain text (example[.]com).

Failures become warnings and the sentence is marked 【未核实】; nothing is silently dropped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Sequence

from kb.answers.hostile import LINK_RE, hostile, plain_links, strip_hostile
from kb.text.grammar import AMOUNT_RE, CN_NUMERAL
from kb.text.numerals import cn_to_int, to_halfwidth_digits

UNVERIFIED = "【未核实】"
MARKER_RE = re.compile(r"\[(\d+(?:\s*[,，、]\s*\d+)*)\]")
# a measure word or unit after a numeral makes a lone numeral character (一, 十) a number
_MEASURE = "年月日天周个倍次项家种部条款章节名人吨元米升度批届级类期号时分秒%％"
_CN_NUM_RE = re.compile(rf"(百分之|第)?({CN_NUMERAL})(?=([{_MEASURE}]|以上|以下|不满|多|余|左右|万|亿)?)")
# words made of numeral characters that are not numbers
_NOT_NUMBERS = ("一些", "一般", "一律", "统一", "一致", "一定", "一旦", "万一", "唯一", "一切", "一并", "之一", "一体",
                "一起", "进一步", "一方面", "另一", "同一", "一同", "一道", "一经", "一次性", "一批", "十分", "千万",
                "一直", "一带一路", "第一时间", "一揽子", "一把手", "三同时", "四绿", "十四五", "十三五")
_NONNUM_CJK = re.compile(r"[\u4e00-\u9fff]")


def strip_instructions(text: str) -> tuple[str, bool]:
    """The source text without sentences addressed to the model or the reader
    (kb.answers.hostile), and whether any were found: they never count as support."""
    kept, removed = strip_hostile(text)
    return kept, bool(removed)


@dataclass
class Check:
    text: str  # the answer with unsupported sentences marked
    warnings: list[str] = field(default_factory=list)
    bad_markers: list[int] = field(default_factory=list)
    unsupported: list[str] = field(default_factory=list)  # sentences marked 【未核实】
    markers_used: list[int] = field(default_factory=list)  # valid source numbers, in order of first use

    @property
    def ok(self) -> bool:
        return not self.warnings


def numbers_in(text: str) -> set[float]:
    """The numeric values written in a text, Arabic or Chinese, with 万/亿 applied."""
    t = to_halfwidth_digits(MARKER_RE.sub(" ", text))
    for w in _NOT_NUMBERS:
        t = t.replace(w, "□" * len(w))
    out: set[float] = set()
    for m in AMOUNT_RE.finditer(t):
        raw = m.group(1).replace(",", "")
        try:
            v = float(raw)
        except ValueError:
            continue
        if m.group(2) == "万":
            v *= 10_000
        elif m.group(2) == "亿":
            v *= 100_000_000
        out.add(round(v, 6))
    for m in _CN_NUM_RE.finditer(t):
        run = m.group(2)
        prefix = m.group(1)
        measure = m.group(3)
        if len(run) == 1 and not prefix and not measure:
            continue  # a lone 一/十 inside a word
        if len(run) == 1 and run in "万亿" :
            continue
        try:
            v = cn_to_int(run)
        except ValueError:
            continue
        out.add(float(v))
    return out


def split_sentences(text: str) -> list[str]:
    """Sentences of an answer, each with the markers that follow it."""
    parts = re.findall(r"[^。！？!?\n]+(?:[。！？!?]+)?(?:\s*\[\d+(?:\s*[,，、]\s*\d+)*\])*", text)
    return [p for p in (s.strip() for s in parts) if p]


def markers_of(sentence: str) -> list[int]:
    out: list[int] = []
    for m in MARKER_RE.finditer(sentence):
        for x in re.split(r"\s*[,，、]\s*", m.group(1)):
            if x.strip().isdigit():
                out.append(int(x))
    return out


def states_fact(sentence: str) -> bool:
    """Connective lines (headings, 'as follows:') need no citation; sentences with content do."""
    s = MARKER_RE.sub("", sentence).strip()
    if len(_NONNUM_CJK.findall(s)) < 8:
        return False
    if s.endswith(("：", ":")) and len(s) < 40:
        return False
    return True


def verify(answer: str, sources: Sequence[str], extra_source_text: Sequence[str] | None = None) -> Check:
    """Check `answer` against `sources` (source [n] is sources[n-1]).

    `extra_source_text` (titles, locators, dates of each source) also counts for numbers.
    """
    n_sources = len(sources)
    src_numbers = []
    suspicious: list[int] = []
    for i, s in enumerate(sources):
        extra = extra_source_text[i] if extra_source_text and i < len(extra_source_text) else ""
        s, planted = strip_instructions(s)
        if planted:
            suspicious.append(i + 1)
        src_numbers.append(numbers_in(s + " " + extra))
    all_numbers = set().union(*src_numbers) if src_numbers else set()
    check = Check(text=answer)
    out_lines: list[str] = []
    for line in answer.split("\n"):
        new_line = line
        for sent in split_sentences(line):
            ms = markers_of(sent)
            bad = [m for m in ms if not 1 <= m <= n_sources]
            good = [m for m in ms if 1 <= m <= n_sources]
            problems: list[str] = []
            for m in good:
                if m not in check.markers_used:
                    check.markers_used.append(m)
            if bad:
                for m in bad:
                    if m not in check.bad_markers:
                        check.bad_markers.append(m)
                problems.append(f"引用了不存在的来源 {', '.join(f'[{m}]' for m in bad)}")
            if not ms and states_fact(sent):
                problems.append("没有标注来源")
            kind = hostile(sent)
            if kind == "credential":
                problems.append("要求提供密码、验证码等信息")
            elif kind == "instruction":
                problems.append("含有针对模型或读者的指令")
            elif LINK_RE.search(sent):
                problems.append("含有链接（已显示为纯文本）")
            nums = numbers_in(sent)
            allowed = set().union(*(src_numbers[m - 1] for m in good)) if good else all_numbers
            missing = sorted(v for v in nums if v not in allowed)
            if missing:
                shown = "、".join(_fmt(v) for v in missing[:5])
                problems.append(f"数字 {shown} 在所引来源中找不到")
            if problems:
                short = MARKER_RE.sub("", sent).strip()
                short = short if len(short) <= 40 else short[:40] + "…"
                check.warnings.append(f"未核实：“{short}”：{'；'.join(problems)}")
                check.unsupported.append(sent)
                if not sent.startswith(UNVERIFIED):
                    new_line = new_line.replace(sent, UNVERIFIED + sent, 1)
        out_lines.append(new_line)
    check.text = plain_links("\n".join(out_lines))  # a link in an answer is never clickable
    for n in (x for x in suspicious if x in check.markers_used):
        check.warnings.append(f"来源 [{n}] 含有疑似指令的文字，已仅作为资料处理，不作为依据")
    return check


def _fmt(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else str(v)
