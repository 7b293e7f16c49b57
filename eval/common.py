"""Shared pieces of the evaluations: questions, the hit rule, metrics, and eval/RESULTS.md.

The scoring rules are those of ../shared/eval/README.md:

- a retrieved chunk *hits* a question when it comes from the gold `doc` and either carries the
  gold locator (or one of the `also` locators of the same doc) or contains every answer keyword
  once all whitespace is removed;
- hit@k / MRR are computed over the answerable questions (`doc` not null).
"""
from __future__ import annotations

import json
import os
import platform
import re
import subprocess
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Iterable, Sequence

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEFAULT_QUESTIONS = SHARED / "eval" / "dev.jsonl"
RESULTS = ROOT / "eval" / "RESULTS.md"
_WS = re.compile(r"\s+")


# ---------------------------------------------------------------------- questions
def load_questions(path: str | Path = DEFAULT_QUESTIONS) -> list[dict[str, Any]]:
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"找不到问题集 {path}（../shared 不存在时无法评测）")
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line:
                out.append(json.loads(line))
    return out


def answerable(questions: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return [q for q in questions if q.get("doc")]


# ---------------------------------------------------------------------- the hit rule
def squash(text: str) -> str:
    """Text with every whitespace character removed (how keywords are compared)."""
    return _WS.sub("", text or "")


def _same_locator(chunk_locator: str, gold: str) -> bool:
    if not chunk_locator or not gold:
        return False
    if chunk_locator == gold:
        return True
    # A numbered sub-section (1.3.2) lies inside the gold section (1.3).
    return bool(re.fullmatch(r"\d+(\.\d+)*", gold)) and chunk_locator.startswith(gold + ".")


def gold_locators(q: dict[str, Any]) -> set[str]:
    """The gold locator plus `also` entries that point into the same document."""
    locs = {q["locator"]} if q.get("locator") else set()
    for a in q.get("also") or []:
        if "#" in a:
            file_name, loc = a.split("#", 1)
            if file_name == q.get("doc"):
                locs.add(loc)
        else:
            locs.add(a)
    return locs


def keywords_in(q: dict[str, Any], text: str) -> bool:
    kws = [squash(k) for k in q.get("answer_keywords") or [] if squash(k)]
    body = squash(text)
    return bool(kws) and all(k in body for k in kws)


def is_hit(q: dict[str, Any], file_name: str, locator: str | None, text: str) -> bool:
    """The README rule for one retrieved chunk. `locator` None/"" = a chunk without locators
    (the baseline's): then only the keyword rule can hit."""
    if not q.get("doc") or Path(file_name or "").name != q["doc"]:
        return False
    if locator and any(_same_locator(locator, g) for g in gold_locators(q)):
        return True
    return keywords_in(q, text)


def first_hit_rank(q: dict[str, Any], results: Sequence[tuple[str, str | None, str]]) -> int | None:
    """1-based rank of the first hit among (file_name, locator, text) results, or None."""
    for i, (file_name, locator, text) in enumerate(results, 1):
        if is_hit(q, file_name, locator, text):
            return i
    return None


# ---------------------------------------------------------------------- metrics
@dataclass
class Scores:
    n: int = 0
    hit1: float = 0.0
    hit5: float = 0.0
    hit10: float = 0.0
    mrr: float = 0.0
    by_type: dict[str, "Scores"] = field(default_factory=dict)

    def row(self) -> str:
        return f"| {self.n} | {self.hit1:.3f} | {self.hit5:.3f} | {self.hit10:.3f} | {self.mrr:.3f} |"


def score(ranks: Sequence[int | None], types: Sequence[str] | None = None) -> Scores:
    """hit@1/5/10 and MRR (ranks beyond 10 count as misses) over the given first-hit ranks."""
    def one(rs: Sequence[int | None]) -> Scores:
        n = len(rs)
        if n == 0:
            return Scores()
        hit = lambda k: sum(1 for r in rs if r is not None and r <= k) / n  # noqa: E731
        mrr = sum(1.0 / r for r in rs if r is not None and r <= 10) / n
        return Scores(n, hit(1), hit(5), hit(10), mrr)

    total = one(ranks)
    if types is not None:
        for t in sorted(set(types)):
            total.by_type[t] = one([r for r, ty in zip(ranks, types, strict=True) if ty == t])
    return total


def percentile(values: Sequence[float], p: float) -> float:
    if not values:
        return 0.0
    xs = sorted(values)
    i = min(len(xs) - 1, max(0, int(round(p / 100 * (len(xs) - 1)))))
    return xs[i]


def scores_table(rows: Sequence[tuple[str, Scores]]) -> list[str]:
    lines = ["| | n | hit@1 | hit@5 | hit@10 | MRR |", "| --- | --- | --- | --- | --- | --- |"]
    for name, s in rows:
        lines.append(f"| {name} {s.row()}")
    return lines


def type_table(named: Sequence[tuple[str, Scores]]) -> list[str]:
    """hit@1 / hit@5 per question type, one column pair per system."""
    types = sorted({t for _, s in named for t in s.by_type})
    head = "| type | n | " + " | ".join(f"{name} hit@1 | {name} hit@5" for name, _ in named) + " |"
    sep = "| --- | --- | " + " | ".join("--- | ---" for _ in named) + " |"
    lines = [head, sep]
    for t in types:
        n = next((s.by_type[t].n for _, s in named if t in s.by_type), 0)
        cells = []
        for _, s in named:
            b = s.by_type.get(t)
            cells.append(f"{b.hit1:.2f} | {b.hit5:.2f}" if b else "– | –")
        lines.append(f"| {t} | {n} | " + " | ".join(cells) + " |")
    return lines


# ---------------------------------------------------------------------- environment
def machine() -> str:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                ram = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB RAM"
                break
    except OSError:
        pass
    return f"{os.cpu_count()} CPUs (nproc {len(os.sched_getaffinity(0)) if hasattr(os, 'sched_getaffinity') else '?'}), {ram}, {cpu or 'unknown CPU'}, Python {platform.python_version()}"


def commit() -> str:
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT, capture_output=True, text=True, timeout=10).stdout.strip()
        return head + (" (+ uncommitted changes)" if dirty else "")
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def describe_corpus(paths: Sequence[Path]) -> str:
    parts = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            n = sum(1 for f in p.rglob("*") if f.is_file() and not f.name.endswith(".tar.gz"))
            parts.append(f"{p.name}/ ({n} files)")
        elif p.exists():
            parts.append(p.name)
    return ", ".join(parts) or "unknown"


def header_lines(what: str, data: str, corpus: str, questions: Path) -> list[str]:
    return [
        f"- date: {datetime.now().strftime('%Y-%m-%d %H:%M')}",
        f"- machine: {machine()}",
        f"- commit: {commit()}",
        f"- corpus: {corpus}",
        f"- questions: {Path(questions).name}",
        f"- data: {data}",
        f"- what: {what}",
    ]


# ---------------------------------------------------------------------- RESULTS.md
_TITLE = "# Evaluation results\n\nGenerated by `python -m eval …`; each section is replaced when its command runs again.\n"


def write_section(name: str, body: str, path: Path = RESULTS) -> None:
    """Insert or replace the section `name` (delimited by HTML comments), keeping the others."""
    start, end = f"<!-- section:{name} -->", f"<!-- /section:{name} -->"
    block = f"{start}\n{body.rstrip()}\n{end}\n"
    text = path.read_text(encoding="utf-8") if path.is_file() else _TITLE
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end) + r"\n?", re.S)
    if pattern.search(text):
        text = pattern.sub(lambda _m: block, text, count=1)
    else:
        text = text.rstrip("\n") + "\n\n" + block
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def read_section(name: str, path: Path = RESULTS) -> str | None:
    if not path.is_file():
        return None
    m = re.search(rf"<!-- section:{re.escape(name)} -->\n(.*?)<!-- /section:{re.escape(name)} -->", path.read_text(encoding="utf-8"), re.S)
    return m.group(1) if m else None


def second_stage_note() -> str:
    """Which questions the second stage's weights were fitted on: figures measured on those
    questions are in-sample; the held-out figures are in the `tune` section."""
    import json

    path = ROOT / "kb" / "search" / "rerank_weights.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return "none (fused order)"
    fitted = ", ".join(f"{k} ({v} questions)" for k, v in data.get("fitted_on", {}).items())
    return (f"weights fitted on {fitted} on {data.get('date', '?')} — figures on those questions are in-sample; "
            "cross-validated ones are in the `tune` section")

