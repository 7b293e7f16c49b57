"""`python -m eval structure PATH…` — does ingest read a text's articles as articles?

For every document under PATH (as `python -m ingest` would find them), the lines that open an
article (第X条 and a space, 第X条之一) are counted in the file's text and compared with the
articles ingest's structure gives its chunks. A text whose articles are mostly not read (a code's
book starting at 第四百六十三条 was read as paragraphs until the seventeenth session) is listed:
its answers could cite no article. Nothing is embedded or indexed; reading is what is measured.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

ARTICLE_LINE = re.compile(r"(?m)(?:^[ \t#]*|(?<=[。；])[ \t　]+)第[一二三四五六七八九十百千零〇\d]+条(?:之[一二三四五六七八九十]+)?[ \t　]")
SHORTFALL = 0.8  # a text is listed when ingest reads fewer than this share of its article lines
MIN_LINES = 5  # …and it has at least this many (a notice quoting two articles is not a law)


@dataclass
class Reading:
    file: str
    title: str
    article_lines: int
    articles_read: int

    @property
    def short(self) -> bool:
        return self.article_lines >= MIN_LINES and self.articles_read < SHORTFALL * self.article_lines


def read_file(path: Path) -> Reading:
    """How ingest reads one file's articles (LoadError and the like propagate)."""
    from ingest.parsing import parse_file
    from ingest.loaders import load

    meta, chunks = parse_file(path, "structure-check")
    text = "\n".join(load(path).pages)
    articles = {c.locator for c in chunks if re.fullmatch(r"第.+条(?:之.+)?", c.locator or "")}
    return Reading(path.name, meta.title, len(ARTICLE_LINE.findall(text)), len(articles))


def main(args) -> int:
    from ingest.files import discover

    files, problems, _ = discover([Path(p) for p in args.paths])
    for p in problems:
        print(f"跳过：{p.path}（{p.reason}）", file=sys.stderr)
    short = 0
    for f in files:
        try:
            r = read_file(f)
        except Exception as exc:  # one unreadable file does not stop the check
            print(f"无法读取：{f.name}（{type(exc).__name__}: {str(exc)[:80]}）", file=sys.stderr)
            continue
        if r.short:
            short += 1
            print(f"条文未识别：{r.file}《{r.title}》 条文行 {r.article_lines}，识别为条 {r.articles_read}")
    print(f"共检查 {len(files)} 个文件，{short} 个文件的条文大多未被识别为条（阈值 {SHORTFALL:.0%}）。")
    return 1 if short else 0


def add_parser(sub) -> None:
    p = sub.add_parser("structure", help="list documents whose 第X条 lines ingest does not read as articles")
    p.add_argument("paths", nargs="+", help="files or folders, as for python -m ingest")
    p.set_defaults(func=main)
