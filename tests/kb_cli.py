"""Asking GreenKB through its command line, as the answer tests do: index a folder of fixture
documents once per module, then `python -m kb ask QUESTION --json` (in process) for each question."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

from ingest.__main__ import main as ingest_main
from kb.interfaces.cli import main as kb_main
from kb.types import SearchHit


def index(tmp_path_factory, name: str, write_corpus: Callable[[Path], Path]) -> Path:
    """The data folder of an index of the documents `write_corpus` writes."""
    root = tmp_path_factory.mktemp(name)
    corpus = write_corpus(root / "corpus")
    out = root / "data"
    assert ingest_main([str(corpus), "--data", str(out), "--quiet"]) == 0
    return out


def files_writer(files: dict[str, str]) -> Callable[[Path], Path]:
    """A `write_corpus` for `index`: writes each of `files` (name → text) into the folder."""
    def write(folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")
        return folder
    return write


def ask(data: Path, question: str, capsys) -> dict:
    """The answer as `kb ask --json` prints it."""
    capsys.readouterr()
    assert kb_main(["ask", question, "--data", str(data), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def lead(out: dict) -> tuple[str, str]:
    """(title, locator) of the passage the answer cites first."""
    first = min(out["citations"], key=lambda c: c["n"])
    return first["title"], first["locator"]


def hit(locator: str, text: str, doc: str, title: str, date: str = "2059-09-09") -> SearchHit:
    """A search hit on a passage of an invented text, for the tests that read one rule directly."""
    return SearchHit(chunk_id=f"{doc}:{locator}", doc_id=doc, file_name=f"{doc}.md", title=title,
                     doc_type="法律", locator=locator, heading_path="", page_start=None, page_end=None,
                     date=date, text=text, chunk_index=0)
