"""Word-level edit script between two versions of one article, and its short descriptions."""
from __future__ import annotations

import re

import difflib
from dataclasses import dataclass
from typing import Sequence

from kb.versions.articles import normalize_body


@dataclass
class WordOp:
    """One step of an edit script: "equal", "delete", "insert" or "replace" of old text `a`
    by new text `b` ("a" is empty for insert, "b" for delete; for equal, they agree up to
    full/half width and whitespace)."""

    op: str
    a: str = ""
    b: str = ""

    def to_dict(self) -> dict[str, str]:
        return {"op": self.op, "a": self.a, "b": self.b}


def tokenize(text: str) -> list[str]:
    """Words for the diff: jieba tokens (the project's dictionary), characters as fallback."""
    try:
        from kb.index.lexical import _jieba

        return [t for t in _jieba().lcut(text, HMM=False) if t]
    except Exception:  # jieba missing: character diff is still correct, only choppier
        return list(text)


def _joined(op: str, x: WordOp, y: WordOp) -> WordOp:
    return WordOp(op, x.a + y.a, x.b + y.b)


def word_ops(old: str, new: str, merge_gap: int = 1) -> list[WordOp]:
    """Word-level edit script from `old` to `new`.

    Concatenating `a` over all ops gives `old`, `b` gives `new`. Equal runs of at most
    `merge_gap` characters between two edits are folded into a replace, which reads better
    than a confetti of one-character matches.
    """
    ta, tb = tokenize(old), tokenize(new)
    # Match on the comparison form of each token (width-folded, no whitespace), so that
    # （一） vs (一) or a changed line break is no edit; the ops keep the original text.
    ka, kb_ = [normalize_body(t) for t in ta], [normalize_body(t) for t in tb]
    sm = difflib.SequenceMatcher(None, ka, kb_, autojunk=False)
    raw = [WordOp(tag, "".join(ta[i1:i2]), "".join(tb[j1:j2])) for tag, i1, i2, j1, j2 in sm.get_opcodes()]
    # Fold tiny equal runs sandwiched between edits, and adjacent edits.
    folded: list[WordOp] = []
    for k, op in enumerate(raw):
        if (
            op.op == "equal"
            and len(op.a) <= merge_gap
            and 0 < k < len(raw) - 1
            and folded
            and folded[-1].op != "equal"
            and raw[k + 1].op != "equal"
        ):
            folded[-1] = _joined("replace", folded[-1], op)
        elif folded and op.op != "equal" and folded[-1].op != "equal":
            folded[-1] = _joined("replace", folded[-1], op)
        else:
            folded.append(WordOp(op.op, op.a, op.b))
    # Edits that differ only in width or whitespace are not edits.
    merged: list[WordOp] = []
    for op in folded:
        if op.op != "equal" and normalize_body(op.a) == normalize_body(op.b):
            op = WordOp("equal", op.a, op.b)
        if merged and op.op == "equal" and merged[-1].op == "equal":
            merged[-1] = _joined("equal", merged[-1], op)
        else:
            merged.append(op)
    for op in merged:
        if op.op == "replace":
            if not op.a:
                op.op = "insert"
            elif not op.b:
                op.op = "delete"
    return merged


def render_ops_text(ops: Sequence[WordOp], context: int = 12) -> str:
    """Plain-text rendering for terminals: [-deleted-]{+inserted+}, long equal runs elided."""
    parts: list[str] = []
    for k, op in enumerate(ops):
        if op.op == "equal":
            s = op.a
            first, last = k == 0, k == len(ops) - 1
            if len(s) > 2 * context:
                head = "" if first else s[:context]
                tail = "" if last else s[-context:]
                s = f"{head}…{tail}"
            parts.append(s)
        else:
            if op.a:
                parts.append(f"[-{op.a}-]")
            if op.b:
                parts.append(f"{{+{op.b}+}}")
    return "".join(parts).replace("\n", " ")


def change_brief(ops: Sequence[WordOp], limit: int = 3, width: int = 30) -> str:
    """A short Chinese description of the main edits: 「五万元」改为「五十万元」；增加「…」."""
    edits = sorted((o for o in ops if o.op != "equal"), key=lambda o: -(len(o.a) + len(o.b)))

    def cut(s: str) -> str:
        s = s.replace("\n", " ").strip()
        return s if len(s) <= width else s[:width] + "…"

    out = []
    for o in edits[:limit]:
        if o.op == "replace":
            out.append(f"「{cut(o.a)}」改为「{cut(o.b)}」")
        elif o.op == "insert":
            out.append(f"增加「{cut(o.b)}」")
        else:
            out.append(f"删去「{cut(o.a)}」")
    if len(edits) > limit:
        out.append(f"等{len(edits)}处修改")
    return "；".join(out)


# What makes a change matter to a reader, heaviest first: a penalty, an amount or period, a duty,
# a deadline. A change that only renames an authority (环境保护主管部门 → 生态环境主管部门) or
# touches punctuation matters least.
SUBSTANCE: tuple[tuple[float, re.Pattern[str]], ...] = (
    (3.0, re.compile(r"罚款|罚金|吊销|拘留|没收|责令|处分|追究|停业|关闭")),
    (3.0, re.compile(r"\d|[一二三四五六七八九十百千万两]+(?:万元|元|日|年|个月|倍|吨|小时)|百分之")),
    (2.0, re.compile(r"应当|必须|不得|禁止|可以|有权|免于|不再")),
    (2.0, re.compile(r"日内|之日起|期限|以前|届满|每年|定期")),
)
_NAME = re.compile(r"^[\u4e00-\u9fff、和及]{0,24}(?:部门|机关|机构|委员会|人民政府|部|局|厅|署|办公室)$")
_TRIVIAL = re.compile(r"^[\s，。、；：,.;:“”\"（）()的和与及或]*$")


def substance(ops: list[WordOp]) -> float:
    """How much a change matters (0 for renaming an authority or punctuation only)."""
    changed = [o for o in ops if o.op != "equal"]
    if not changed:
        return 0.0
    if all(_TRIVIAL.match(o.a) and _TRIVIAL.match(o.b) or (_NAME.match(o.a or "") and _NAME.match(o.b or ""))
           for o in changed):
        return 0.0
    text = "".join(o.a + o.b for o in changed)
    return 1.0 + sum(w for w, pat in SUBSTANCE if pat.search(text))

