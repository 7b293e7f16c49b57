"""Answer quality on a question set: `python -m eval answers --questions ../shared/eval/dev.jsonl --data DIR`.

Metrics (see ../shared/eval/README.md):
- answer keyword recall: share of `answer_keywords` in the answer text (whitespace removed),
  averaged over answerable questions; also split by whether retrieval put a gold passage in
  the top k (so answer composition and retrieval can be told apart);
- citation precision: share of citations from the gold document or a file named in `also`;
- abstention: unanswerable questions abstained, answerable ones wrongly abstained;
- lead_gold: share of answered answerable questions whose first cited passage (the one the lead
  line rests on) is a gold place: the gold document, and a gold locator or every answer keyword;
- all of it per question type.

Results go to a section of eval/RESULTS.md (replaced on every run) and, with --json, to stdout.
"""
from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import platform
import re
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "eval" / "RESULTS.md"
BEGIN = "<!-- answers:begin -->"
END = "<!-- answers:end -->"


def _nows(s: str) -> str:
    return re.sub(r"\s+", "", s or "")


def load_questions(path: Path) -> list[dict[str, Any]]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line:
                out.append(json.loads(line))
    return out


def gold_files(q: dict[str, Any]) -> set[str]:
    files = {q["doc"]} if q.get("doc") else set()
    for a in q.get("also") or []:
        if "#" in a:
            files.add(a.split("#", 1)[0])
    return files


def gold_places(q: dict[str, Any]) -> set[tuple[str, str]]:
    places = set()
    if q.get("doc") and q.get("locator"):
        places.add((q["doc"], q["locator"]))
    for a in q.get("also") or []:
        if "#" in a:
            f, loc = a.split("#", 1)
            places.add((f, loc))
        elif q.get("doc"):
            places.add((q["doc"], a))
    return places


def retrieval_hit(q: dict[str, Any], hits: list[Any]) -> bool:
    """The README's hit definition: a chunk of the gold doc carrying a gold locator or every keyword."""
    try:
        from eval.common import is_hit

        return any(is_hit(q, h.file_name, h.locator, h.text) for h in hits)
    except ImportError:
        pass
    places = gold_places(q)
    kws = [_nows(k) for k in q.get("answer_keywords") or []]
    for h in hits:
        if h.file_name not in gold_files(q):
            continue
        if (h.file_name, h.locator) in places:
            return True
        text = _nows(h.text)
        if kws and all(k in text for k in kws):
            return True
    return False


def lead_gold(q: dict[str, Any], citations: list[Any]) -> bool:
    """The first citation is a gold place (gold file, and a gold locator or every keyword)."""
    if not citations:
        return False
    h = min(citations, key=lambda c: c.n).hit
    if h.file_name not in gold_files(q):
        return False
    if (h.file_name, h.locator) in gold_places(q):
        return True
    kws = [_nows(k) for k in q.get("answer_keywords") or []]
    text = _nows(h.text)
    return bool(kws) and all(k in text for k in kws)


def keyword_recall(q: dict[str, Any], text: str) -> float:
    kws = q.get("answer_keywords") or []
    if not kws:
        return 1.0
    t = _nows(text)
    return sum(1 for k in kws if _nows(k) in t) / len(kws)


class RecordingSearcher:
    """Wraps a searcher and keeps the hits of the last search (for the retrieval split)."""

    def __init__(self, inner: Any):
        self.inner = inner
        self.settings = getattr(inner, "settings", None)
        self.last: list[Any] = []

    def read(self, question: str, history: Any = None) -> Any:
        return self.inner.read(question, history)

    def search(self, query: Any, k: int = 10, filters: Any = None) -> list[Any]:
        hits = self.inner.search(query, k=k, filters=filters)
        if not self.last:
            self.last = list(hits)
        else:
            seen = {h.chunk_id for h in self.last}
            self.last += [h for h in hits if h.chunk_id not in seen]
        return hits


def evaluate(questions: list[dict[str, Any]], searcher: Any, mode: str = "extractive", k: int = 8) -> dict[str, Any]:
    from kb.answers.answer import answer

    rec = RecordingSearcher(searcher)
    rows = []
    t0 = time.perf_counter()
    for q in questions:
        rec.last = []
        t = time.perf_counter()
        ans = answer(q["question"], rec, mode=mode, k=k)
        dt = time.perf_counter() - t
        answerable = q.get("doc") is not None and q.get("type") != "unanswerable"
        gold = gold_files(q)
        cites = [c.hit.file_name for c in ans.citations]
        rows.append(
            {
                "id": q["id"],
                "type": q.get("type", ""),
                "answerable": answerable,
                "abstained": ans.abstained,
                "recall": keyword_recall(q, ans.text) if answerable and not ans.abstained else (0.0 if answerable else None),
                "cit_total": len(cites),
                "cit_good": sum(1 for f in cites if f in gold),
                "retrieved": retrieval_hit(q, rec.last) if answerable else None,
                "lead_gold": lead_gold(q, ans.citations) if answerable and not ans.abstained else (False if answerable else None),
                "seconds": dt,
                "answer": ans.text,
                "citations": cites,
                "warnings": ans.warnings,
            }
        )
    return {"rows": rows, "seconds": time.perf_counter() - t0, "mode": mode, "k": k}


def summarise(rows: list[dict[str, Any]]) -> dict[str, Any]:
    def agg(rs: list[dict[str, Any]]) -> dict[str, Any]:
        ans = [r for r in rs if r["answerable"]]
        una = [r for r in rs if not r["answerable"]]
        ct = sum(r["cit_total"] for r in rs if not r["abstained"])
        cg = sum(r["cit_good"] for r in rs if not r["abstained"] and r["answerable"])
        return {
            "n": len(rs),
            "recall": sum(r["recall"] for r in ans) / len(ans) if ans else None,
            "cit_precision": cg / ct if ct else None,
            "unans_abstained": sum(r["abstained"] for r in una) / len(una) if una else None,
            "ans_wrongly_abstained": sum(r["abstained"] for r in ans) / len(ans) if ans else None,
            "unans_cited": sum(1 for r in una if r["cit_total"]) if una else None,
            "lead_gold": sum(1 for r in ans if r["lead_gold"]) / len(ans) if ans else None,
        }

    by_type: dict[str, list] = defaultdict(list)
    for r in rows:
        by_type[r["type"]].append(r)
    ans = [r for r in rows if r["answerable"]]
    hit = [r for r in ans if r["retrieved"]]
    miss = [r for r in ans if not r["retrieved"]]
    return {
        "overall": agg(rows),
        "by_type": {t: agg(rs) for t, rs in sorted(by_type.items())},
        "retrieval_split": {
            "gold_in_top_k": {"n": len(hit), "recall": sum(r["recall"] for r in hit) / len(hit) if hit else None},
            "gold_not_in_top_k": {"n": len(miss), "recall": sum(r["recall"] for r in miss) / len(miss) if miss else None},
        },
    }


def _second_stage_note() -> str:
    try:
        from eval.common import second_stage_note

        return second_stage_note()
    except ImportError:
        return "unknown"


def _f(x: Any) -> str:
    return "–" if x is None else f"{x:.3f}"


def _machine() -> str:
    cpu = ""
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{platform.node() or 'unknown'}, {platform.system()} {platform.machine()}, {os.cpu_count()} CPUs{', ' + cpu if cpu else ''}"


def _commit() -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, timeout=10)
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "kb", "eval"], cwd=ROOT, capture_output=True, text=True, timeout=10)
        return out.stdout.strip() + (" (+uncommitted changes)" if dirty.stdout.strip() else "")
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def render(summary: dict[str, Any], result: dict[str, Any], questions_path: str) -> str:
    o = summary["overall"]
    lines = [
        BEGIN,
        "## Answers (`python -m eval answers`)",
        "",
        f"- date: {_dt.datetime.now().strftime('%Y-%m-%d %H:%M')}; machine: {_machine()}; commit: {_commit()}",
        f"- second stage of search: {_second_stage_note()}",
        f"- questions: `{questions_path}` ({o['n']}); mode: {result['mode']}; k = {result['k']}; "
        f"total {result['seconds']:.1f} s ({result['seconds'] / max(o['n'], 1):.2f} s/question)",
        "",
        "| type | n | lead_gold | keyword recall | citation precision | unanswerable abstained | answerable wrongly abstained |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for t, a in summary["by_type"].items():
        lines.append(
            f"| {t} | {a['n']} | {_f(a['lead_gold'])} | {_f(a['recall'])} | {_f(a['cit_precision'])} | {_f(a['unans_abstained'])} "
            f"| {_f(a['ans_wrongly_abstained'])} |"
        )
    lines.append(
        f"| **all** | {o['n']} | **{_f(o['lead_gold'])}** | **{_f(o['recall'])}** | **{_f(o['cit_precision'])}** "
        f"| **{_f(o['unans_abstained'])}** | **{_f(o['ans_wrongly_abstained'])}** |"
    )
    secs = sorted(r["seconds"] for r in result["rows"])
    if secs:
        lines += ["", f"Answer time per question (warm, model loaded): p50 {1000 * secs[len(secs) // 2]:.0f} ms, "
                      f"p95 {1000 * secs[min(len(secs) - 1, int(0.95 * len(secs)))]:.0f} ms."]
    rs = summary["retrieval_split"]
    lines += [
        "",
        "Keyword recall by retrieval outcome (gold passage among the hits the answer was built from):",
        "",
        "| gold passage retrieved | n | keyword recall |",
        "| --- | ---: | ---: |",
        f"| yes | {rs['gold_in_top_k']['n']} | {_f(rs['gold_in_top_k']['recall'])} |",
        f"| no | {rs['gold_not_in_top_k']['n']} | {_f(rs['gold_not_in_top_k']['recall'])} |",
        "",
    ]
    weak = [r for r in result["rows"] if (r["answerable"] and (r["abstained"] or (r["recall"] or 0) < 1.0)) or (not r["answerable"] and not r["abstained"])]
    if weak:
        lines.append("Questions below full marks: " + ", ".join(
            f"{r['id']} ({'abstained' if r['abstained'] else 'answered' if not r['answerable'] else _f(r['recall'])}"
            f"{'' if not r['answerable'] or r['retrieved'] else ', gold not retrieved'})" for r in weak) + ".")
        lines.append("")
    lines.append(END)
    return "\n".join(lines)


def section_name(questions: Path) -> str:
    """One RESULTS.md section per question set: "answers" for the dev set, "answers-STEM" else."""
    return "answers" if questions.name == "dev.jsonl" else f"answers-{questions.stem}"


def write_results(section: str, path: Path = RESULTS, name: str = "answers") -> None:
    try:
        from eval.common import write_section

        body = section.replace(BEGIN + "\n", "").replace("\n" + END, "")
        write_section(name, body, path)
        return
    except ImportError:
        pass
    old = path.read_text(encoding="utf-8") if path.exists() else "# Evaluation results\n"
    if BEGIN in old and END in old:
        new = old[: old.index(BEGIN)] + section + old[old.index(END) + len(END) :]
    else:
        new = old.rstrip("\n") + "\n\n" + section + "\n"
    path.write_text(new, encoding="utf-8")


def _add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--questions", type=Path, default=ROOT.parent / "shared" / "eval" / "dev.jsonl")
    p.add_argument("--data", type=Path, help="index directory")
    p.add_argument("--mode", choices=["extractive", "llm"], default="extractive")
    p.add_argument("--k", type=int, default=8)
    p.add_argument("--json", action="store_true", help="print per-question rows and the summary as JSON")
    p.add_argument("--no-write", action="store_true", help="do not update eval/RESULTS.md")


def add_parser(sub: Any) -> None:
    """Registers `python -m eval answers` (see eval/__main__.py)."""
    p = sub.add_parser("answers", help="answer keyword recall / citation precision / abstention of kb.answer")
    _add_arguments(p)
    p.set_defaults(func=run)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m eval answers", description="Answer keyword recall, citation precision, abstention")
    _add_arguments(p)
    return run(p.parse_args(argv))


def run(args: argparse.Namespace) -> int:
    if not args.questions.is_file():
        print(f"没有找到问题文件 {args.questions}（../shared 不存在时跳过评测）", file=sys.stderr)
        return 0
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from kb.search.searcher import Searcher
    from kb.settings import load_settings

    settings = load_settings(data_dir=args.data)
    searcher = Searcher(settings)
    questions = load_questions(args.questions)
    result = evaluate(questions, searcher, mode=args.mode, k=args.k)
    summary = summarise(result["rows"])
    section = render(summary, result, str(args.questions))
    if args.json:
        print(json.dumps({"summary": summary, "rows": result["rows"]}, ensure_ascii=False, indent=1))
    else:
        print(section)
    if not args.no_write:
        write_results(section, name=section_name(args.questions))
    return 0


if __name__ == "__main__":
    sys.exit(main())
