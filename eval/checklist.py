"""`python -m eval checklist`: compliance checklists against the gold lists of eval/checklists/,
and the reference-resolution sample.

    python -m eval checklist [--data DIR] [--no-write]
        ingests the documents of eval/checklists/corpus.txt (../shared laws and our fixtures) into
        DIR (default: a folder under the system's temp dir; no embedder is needed), builds the
        checklist of every profile in eval/checklists/profiles/ and scores it against the gold
        list of the same name: item recall and precision (file_name, locator), status agreement,
        penalty precision (listed penalties that enforce the duty) and recall.
    python -m eval checklist --refs-sample eval/checklists/reference_sample.md --data DEV
        draws (seed 17) 100 of the 第X条 references of an ingested dev index and writes them with
        the link the system made, for a reader to check by hand (verdicts already in OUT are kept).

Scoring rules: eval/checklists/README.md.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eval import common

CHECKLISTS = common.ROOT / "eval" / "checklists"
SECTION = "checklists"


@dataclass
class ProfileScore:
    name: str
    gold: int
    listed: int
    found: int
    status_agree: int
    penalties_listed: int
    penalties_right: int
    penalties_gold: int
    penalties_found: int
    misses: list[str]
    extras: list[str]
    wrong_penalties: list[str]

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.found / self.listed if self.listed else 1.0

    @property
    def penalty_precision(self) -> float:
        return self.penalties_right / self.penalties_listed if self.penalties_listed else 1.0

    @property
    def penalty_recall(self) -> float:
        return self.penalties_found / self.penalties_gold if self.penalties_gold else 1.0


# ---------------------------------------------------------------------- corpus
SETS = {"main": CHECKLISTS, "heldout": CHECKLISTS / "heldout"}
"""Each set: corpus.txt, profiles/, gold/. The held-out set is a law the checklist code was not
developed on."""


def manifest(path: Path = CHECKLISTS / "corpus.txt") -> list[Path]:
    """The document paths of the manifest: shared/… under ../shared, docs/… under eval/checklists."""
    out = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("shared/"):
            out.append(common.SHARED / line[len("shared/"):])
        else:
            out.append(CHECKLISTS / line)
    missing = [str(p) for p in out if not p.is_file()]
    if missing:
        raise FileNotFoundError("清单评测所需的文件不存在（../shared 不在时无法评测）：" + "、".join(missing))
    return out


def build_index(data: Path, folder: Path = CHECKLISTS) -> None:
    """Ingest the manifest's documents into `data` (incremental; a copy of the files in one folder)."""
    from ingest.pipeline import run
    from kb.settings import load_settings

    corpus = data / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    wanted = manifest(folder / "corpus.txt")
    for old in corpus.iterdir():
        if old.name not in {p.name for p in wanted}:
            old.unlink()
    for p in wanted:
        dest = corpus / p.name
        if not dest.is_file() or dest.read_bytes() != p.read_bytes():
            shutil.copyfile(p, dest)
    run([corpus], load_settings(data_dir=data, embed_model="none"))


# ---------------------------------------------------------------------- scoring
def score_profile(name: str, checklist: Any, gold: dict[str, Any]) -> ProfileScore:
    g = {(i["file_name"], i["locator"]): i for i in gold["items"]}
    s = {(i.file_name, i.locator): i for i in checklist.items}
    both = set(g) & set(s)
    p_listed = p_right = p_gold = p_found = 0
    wrong = []
    for key in sorted(both):
        gp = {(p["file_name"], p["locator"]) for p in g[key]["penalties"]}
        sp = {(p.file_name, p.locator) for p in s[key].penalties}
        p_listed += len(sp)
        p_right += len(sp & gp)
        p_gold += len(gp)
        p_found += len(gp & sp)
        wrong += [f"{key[1]} → {loc}（{fn}）" for fn, loc in sorted(sp - gp)]
    agree = sum(1 for k in both if g[k]["status"] == s[k].status)
    return ProfileScore(name, len(g), len(s), len(both), agree, p_listed, p_right, p_gold, p_found,
                        [f"{k[0]} {k[1]}" for k in sorted(set(g) - set(s))],
                        [f"{k[0]} {k[1]}" for k in sorted(set(s) - set(g))], wrong)


def run_profiles(data: Path, folder: Path = CHECKLISTS) -> tuple[list[ProfileScore], dict[str, Any]]:
    from kb.registers.checklist import build_checklist
    from kb.registers.profile import Profile
    from kb.registers.duties import DutyRegister
    from kb.registers.references import IndexRegisters
    from kb.settings import load_settings

    regs = IndexRegisters.open(load_settings(data_dir=data, embed_model="none"))
    register = DutyRegister.of(regs)
    scores, lists = [], {}
    for path in sorted((folder / "profiles").iterdir()):
        if path.suffix not in (".json", ".toml"):
            continue
        gold = json.loads((folder / "gold" / f"{path.stem}.json").read_text(encoding="utf-8"))
        cl = build_checklist(Profile.load(path), register, regs.versions)
        lists[path.stem] = cl
        scores.append(score_profile(path.stem, cl, gold))
    return scores, lists


def table(scores: list[ProfileScore]) -> list[str]:
    lines = ["| profile | gold items | listed | recall | precision | status agrees | penalties listed | penalty precision | penalty recall |",
             "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for s in scores:
        lines.append(f"| {s.name} | {s.gold} | {s.listed} | {s.recall:.3f} | {s.precision:.3f} | {s.status_agree}/{s.found} "
                     f"| {s.penalties_listed} | {s.penalty_precision:.3f} | {s.penalty_recall:.3f} |")
    return lines


# ---------------------------------------------------------------------- reference sample
_VERDICT_ROW = re.compile(r"^\|\s*(\d+)\s*\|.*\|\s*(?P<verdict>[^|]*?)\s*\|\s*$")


def reference_sample(data: Path, out: Path, n: int = 100, seed: int = 17) -> int:
    """Write `n` of the dev index's 第X条 references (drawn with `seed`) with the links the system
    made; verdicts already written in `out` for the same rows are kept."""
    from kb.registers.references import REFERENCES, IndexRegisters, _resolve, _toc
    from kb.settings import load_settings

    regs = IndexRegisters.open(load_settings(data_dir=data))
    facts = regs.facts.get(REFERENCES.kind, {})
    tocs = {d: _toc(recs) for d, recs in facts.items()}
    refs = [(d, r) for d in sorted(facts, key=lambda d: regs.docs[d].file_name) for r in facts[d]
            if r["type"] == "ref" and r["kind"] in ("article", "range")]
    if not refs:
        raise FileNotFoundError(f"{data} 中没有条文引用（请先导入开发语料）")
    picked = sorted(random.Random(seed).sample(range(len(refs)), min(n, len(refs))))
    kept = _verdicts(out)
    rows = []
    for i, k in enumerate(picked, 1):
        doc_id, r = refs[k]
        got = _resolve(doc_id, r, tocs, regs.versions)
        if isinstance(got, str):
            link = f"未解析：{got}"
        else:
            link = "；".join(_link_text(regs.docs[ln.dst_doc].file_name, ln) for ln in got)
        where = f"{regs.docs[doc_id].file_name} {r['from']}"
        # The sentence around the reference stays in ../shared (third-party text is never committed):
        # the reader opens it there from `where`.
        rows.append(f"| {i} | {where} | {r['text']} | {_cell(link)} | {kept.get(i, '')} |")
    head = [
        "# Reference resolution: a hand-checked sample",
        "",
        f"{len(picked)} of the {len(refs)} 第X条 references (article and range references, as written) of the dev laws "
        f"(../shared/corpus/laws and formats), drawn with seed {seed} by "
        f"`python -m eval checklist --refs-sample {out.name} --data DEV`. Each row: where the reference stands, "
        "the reference as written, the link(s) the system made (document, article, and the 款 / 项 named), "
        "and the verdict of a reader who read the sentence in ../shared and opened the target article: ✓ right link; ✓ unresolved = correctly "
        "left unresolved because the cited document is not in the KB; ✗ wrong.",
        "",
        "| # | in | reference | link | verdict |",
        "| --- | --- | --- | --- | --- |",
    ]
    out.write_text("\n".join(head + rows) + "\n" + _summary(out, rows), encoding="utf-8")
    return 0


def _link_text(file_name: str, ln: Any) -> str:
    bits = [f"{file_name} {ln.dst_locator or '（全文）'}"]
    if ln.dst_paragraphs:
        bits.append(f"第{','.join(map(str, ln.dst_paragraphs))}款")
    if ln.dst_items:
        bits.append(f"第{','.join(map(str, ln.dst_items))}项")
    return " ".join(bits)


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "｜")


def _verdicts(out: Path) -> dict[int, str]:
    if not out.is_file():
        return {}
    kept = {}
    for line in out.read_text(encoding="utf-8").splitlines():
        m = _VERDICT_ROW.match(line)
        if m and m.group("verdict") and not m.group("verdict").startswith("-"):
            kept[int(m.group(1))] = m.group("verdict")
    return kept


def _summary(out: Path, rows: list[str]) -> str:
    verdicts = [r.rsplit("|", 2)[-2].strip() for r in rows]
    done = [v for v in verdicts if v]
    if len(done) < len(rows):
        return f"\n{len(rows) - len(done)} rows await a verdict.\n"
    right = sum(v.startswith("✓") for v in done)
    left = sum(v.startswith("✓ unresolved") for v in done)
    resolved = right - left
    return (f"\nResult: {right}/{len(done)} = {right / len(done):.2f} handled correctly "
            f"({resolved} linked to the right article, {left} rightly left unresolved, {len(done) - right} wrong).\n")


# ---------------------------------------------------------------------- command
def main(args: argparse.Namespace) -> int:
    if args.refs_sample:
        if not args.data:
            print("错误：--refs-sample 需要 --data（已导入开发语料的数据目录）", file=sys.stderr)
            return 2
        return reference_sample(args.data, Path(args.refs_sample), args.n, args.seed)
    base = args.data or Path(tempfile.gettempdir()) / "greenkb-eval-checklists"
    lines: list[str] = []
    for name, folder in SETS.items():
        data = base / name
        build_index(data, folder)
        scores, _ = run_profiles(data, folder)
        lines += ["", f"### {name} ({', '.join(p.name for p in manifest(folder / 'corpus.txt'))})", ""] + table(scores)
        for s in scores:
            for label, xs in (("missed", s.misses), ("extra", s.extras), ("wrong penalty", s.wrong_penalties)):
                if xs:
                    lines.append(f"- {s.name} {label}: " + "；".join(xs))
    print("\n".join(lines))
    data = base
    if not args.no_write:
        head = common.header_lines("compliance checklists of eval/checklists/profiles against the gold lists",
                                   str(data), "eval/checklists/corpus.txt", CHECKLISTS / "README.md")
        common.write_section(SECTION, "\n".join(["## Compliance checklists", ""] + head + [""] + lines))
    return 0


def add_parser(sub) -> None:
    p = sub.add_parser("checklist", help="合规清单与金标准对比；条文引用抽样")
    p.add_argument("--data", type=Path, help="数据目录（默认在系统临时目录下新建）")
    p.add_argument("--no-write", action="store_true", help="不更新 eval/RESULTS.md")
    p.add_argument("--refs-sample", metavar="OUT", help="写出条文引用抽样表（需 --data 为开发语料的数据目录）")
    p.add_argument("--n", type=int, default=100, help="抽样条数")
    p.add_argument("--seed", type=int, default=17, help="随机种子")
    p.set_defaults(func=main)
