"""`python -m eval SUBCOMMAND …` — evaluations of GreenKB on ../shared/eval.

Each subcommand lives in its own module exposing `add_parser(subparsers)`, which registers the
subcommand and sets `func(args) -> int`. Adding one (e.g. `answers`, `bench`) is one line in
SUBCOMMANDS.
"""
from __future__ import annotations

import argparse
import importlib
import logging
import sys

SUBCOMMANDS = [
    "eval.retrieval",
    "eval.baseline",
    "eval.answers",
    "eval.bench",
    "eval.tune",
    "eval.corpus",
    "eval.checklist",
    "eval.bench_api",
    "eval.robustness",
    "eval.structure_check",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m eval", description="GreenKB evaluations")
    sub = parser.add_subparsers(dest="command", required=True)
    for name in SUBCOMMANDS:
        try:
            module = importlib.import_module(name)
        except ImportError as exc:  # a missing optional module must not break the others
            logging.getLogger(__name__).debug("eval subcommand %s unavailable: %s", name, exc)
            continue
        module.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except FileNotFoundError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
