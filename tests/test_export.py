"""Exports (kb.interfaces.export): a chat answer with its sources as Markdown and as a DOCX that
python-docx reads back with every citation; text Word cannot hold is dropped, not fatal."""
from __future__ import annotations

import io

import pytest

from tests.duties_index import CITY, CITY_TITLE, build


@pytest.fixture(scope="module")
def record(tmp_path_factory):
    from kb.answers.answer import answer
    from kb.interfaces.export import answer_record
    from kb.search.searcher import Searcher
    from kb.settings import load_settings

    s = Searcher(load_settings(data_dir=build(tmp_path_factory.mktemp("export")), embed_model="none"))
    rec = answer_record(answer("重点用能单位每年什么时候报送能源利用状况报告？", s))
    assert rec["sources"], rec
    return rec


def test_answer_markdown_keeps_citations(record):
    from kb.interfaces.export import answer_markdown

    md = answer_markdown(record)
    assert "**问题**：重点用能单位每年什么时候报送能源利用状况报告？" in md
    for s in record["sources"]:
        assert f"[{s['n']}] 《{CITY_TITLE}》{s['locator']}" in md and s["status"] in md and CITY in md


def test_answer_docx_reads_back(record):
    from docx import Document

    from kb.interfaces.export import answer_docx

    rec = dict(record, warnings=["示例\x00警告\x07"])
    doc = Document(io.BytesIO(answer_docx(rec)))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "示例警告" in text  # control characters dropped
    for s in record["sources"]:
        assert f"《{CITY_TITLE}》{s['locator']}" in text and s["status"] in text and CITY in text
    assert any(line.strip() in text for line in record["content"].splitlines() if line.strip())


def test_chat_turn_export_record():
    from kb.interfaces.app_sources import export_record

    turn = {"role": "assistant", "question": "问", "content": "答[1]", "warnings": [],
            "sources": [{"n": 1, "title": "示例", "locator": "第三条", "pages": "第2页", "status": "现行有效",
                         "file_name": "a.md", "quote": "引文", "article": "全文", "links": []}]}
    rec = export_record(turn)
    assert rec["question"] == "问" and rec["sources"] == [{"n": 1, "title": "示例", "locator": "第三条", "pages": "第2页",
                                                           "status": "现行有效", "file_name": "a.md", "quote": "引文"}]
