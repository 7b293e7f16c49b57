"""`python -m eval corpus NAME --out DIR`: rebuild the document folder of a question set.

A question set that lives in the repo (eval/questions/NAME.jsonl) names its documents in a manifest,
eval/questions/NAME_corpus.txt: one member path of ../shared/corpus/lawrefbook-national.tar.gz a
line, in a `# gold` section (the documents the questions rest on) and a `# distractors` section
(unrelated documents indexed alongside). The document texts stay in ../shared; this command copies
the listed members, flat and under their file names, into DIR so that anyone can ingest them:

    python -m eval corpus dev2 --out /tmp/dev2corpus

A set built on invented fixture documents (测试样例) has no manifest: `official` writes the
fixtures of tests/fixtures_official*.py and tests/fixtures_standards*.py (notices, a plan, a web
page, standards guides; every issuer, number and figure invented) into DIR:

    python -m eval corpus official --out /tmp/officialcorpus
"""
from __future__ import annotations

import argparse
import sys
import tarfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parents[1]
QUESTIONS_DIR = ROOT / "eval" / "questions"
LAWREF_TAR = ROOT.parent / "shared" / "corpus" / "lawrefbook-national.tar.gz"


class CorpusError(Exception):
    """A problem the user can fix; the message is shown as is (Chinese, one line)."""


@dataclass
class Manifest:
    name: str
    gold: list[str] = field(default_factory=list)
    distractors: list[str] = field(default_factory=list)

    @property
    def members(self) -> list[str]:
        return self.gold + self.distractors

    def file_name(self, member: str) -> str:
        return PurePosixPath(member).name

    @property
    def gold_files(self) -> list[str]:
        return [self.file_name(m) for m in self.gold]


def manifest_path(name: str) -> Path:
    return QUESTIONS_DIR / f"{name}_corpus.txt"


def read_manifest(name: str) -> Manifest:
    path = manifest_path(name)
    if not path.is_file():
        raise CorpusError(f"没有名为 {name} 的文档清单（应为 {path.relative_to(ROOT)}）")
    manifest = Manifest(name)
    section: list[str] | None = None
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            label = line.lstrip("#").strip().lower()
            if label == "gold":
                section = manifest.gold
            elif label == "distractors":
                section = manifest.distractors
            continue
        if section is None:
            raise CorpusError(f"文档清单 {path.name} 第 {n} 行：在“# gold”或“# distractors”之前出现了文件")
        section.append(line)
    names = [manifest.file_name(m) for m in manifest.members]
    dupes = sorted({x for x in names if names.count(x) > 1})
    if dupes:
        raise CorpusError(f"文档清单 {path.name} 中有重名文件（平铺后会互相覆盖）：{'、'.join(dupes)}")
    if not manifest.gold:
        raise CorpusError(f"文档清单 {path.name} 没有“# gold”部分的文件")
    return manifest


def read_members(manifest: Manifest, tar_path: Path = LAWREF_TAR) -> dict[str, bytes]:
    """The bytes of every member the manifest lists, read in one pass over the archive."""
    if not tar_path.is_file():
        raise CorpusError(f"找不到 {tar_path}（../shared 评测数据不在本机），无法构建 {manifest.name} 文档集")
    wanted = set(manifest.members)
    found: dict[str, bytes] = {}
    try:
        with tarfile.open(tar_path, "r:gz") as tar:
            for info in tar:
                if info.name in wanted and info.isfile():
                    fh = tar.extractfile(info)
                    if fh is not None:
                        found[info.name] = fh.read()
    except (tarfile.TarError, OSError, EOFError) as exc:
        raise CorpusError(f"无法读取压缩包 {tar_path}：{exc}") from exc
    missing = [m for m in manifest.members if m not in found]
    if missing:
        raise CorpusError(f"压缩包中缺少清单所列的 {len(missing)} 个文件，例如：{missing[0]}")
    return found


def build(manifest: Manifest, out: Path, tar_path: Path = LAWREF_TAR) -> list[Path]:
    """Write the manifest's documents flat into `out`; returns the written paths (manifest order)."""
    if out.exists() and not out.is_dir():
        raise CorpusError(f"输出位置 {out} 已存在且不是文件夹")
    data = read_members(manifest, tar_path)  # read everything first: a bad archive writes nothing
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for member in manifest.members:
        target = out / manifest.file_name(member)
        target.write_bytes(data[member])
        written.append(target)
    return written


def build_fixtures(name: str, out: Path) -> list[Path]:
    """Write an invented fixture set (see FIXTURE_SETS) into `out`; returns the written paths."""
    if out.exists() and not out.is_dir():
        raise CorpusError(f"输出位置 {out} 已存在且不是文件夹")
    tests = str(ROOT / "tests")
    if tests not in sys.path:
        sys.path.insert(0, tests)
    import fixtures_official
    import fixtures_official_variants
    import fixtures_standards
    import fixtures_standards_variants

    out.mkdir(parents=True, exist_ok=True)
    before = set(out.iterdir())
    fixtures_official.build_all(out)
    fixtures_official_variants.build_all(out)
    fixtures_standards.write_corpus(out)
    fixtures_standards_variants.write_corpus(out)
    return sorted(set(out.iterdir()) - before) or sorted(out.iterdir())


FIXTURE_SETS = {"official": build_fixtures}


def main(args: argparse.Namespace) -> int:
    if args.name in FIXTURE_SETS:
        try:
            written = FIXTURE_SETS[args.name](args.name, args.out)
        except CorpusError as exc:
            print(f"错误：{exc}", file=sys.stderr)
            return 2
        print(f"已写入 {len(written)} 个测试样例文件到 {args.out}（虚构文件，仅供评测）")
        return 0
    try:
        manifest = read_manifest(args.name)
        written = build(manifest, args.out, args.tar)
    except CorpusError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    print(f"已写入 {len(written)} 个文件到 {args.out}（其中 {len(manifest.gold)} 个 gold 文档、"
          f"{len(manifest.distractors)} 个干扰文档）")
    return 0


def add_parser(sub) -> None:
    p = sub.add_parser("corpus", help="extract a question set's documents (eval/questions/NAME_corpus.txt) from ../shared")
    p.add_argument("name", help="question set, e.g. dev2 (reads eval/questions/dev2_corpus.txt)")
    p.add_argument("--out", type=Path, required=True, help="folder to write the documents into (flat)")
    p.add_argument("--tar", type=Path, default=LAWREF_TAR, help="the lawrefbook archive (default: ../shared/corpus/...)")
    p.set_defaults(func=main)
