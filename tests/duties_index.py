"""A small index of the invented documents of tests/fixtures/duties (BM25 only, no embedder),
shared by the tests of references, duties, checklists and duty answers."""
from __future__ import annotations

import shutil
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "duties"
CITY = "示例市节能条例（测试样例）.md"
CITY_OLD = "示例市节能条例（测试样例，2020年版）.md"
PROVINCE = "示例省节能办法（测试样例）.md"
CITY_TITLE = "示例市节能条例（测试样例）"


def build(base: Path) -> Path:
    """Ingest the fixtures into base/data; return the data folder."""
    from ingest.pipeline import run
    from kb.settings import load_settings

    corpus = base / "corpus"
    shutil.copytree(FIXTURES, corpus)
    data = base / "data"
    run([corpus], load_settings(data_dir=data, embed_model="none"))
    return data


def registers(data: Path):
    from kb.registers.references import IndexRegisters
    from kb.settings import load_settings

    return IndexRegisters.open(load_settings(data_dir=data, embed_model="none"))


def doc_id(regs, file_name: str) -> str:
    return next(d.doc_id for d in regs.docs.values() if d.file_name == file_name)
