"""The books of a code (a civil code's 合同编, 侵权责任编), each a Markdown file headed by the code and
then the book, through `python -m ingest` and `python -m kb` on invented texts
(tests/fixtures_code_books.py):

- each book is a document of its own, titled by the code and the book (ingest.loaders.text), not two
  versions of one text of which the older would be set aside;
- its articles are articles though they start at 第四百六十三条 (ingest.structure): answers cite them.
"""
from __future__ import annotations

import json

import fixtures_code_books as fx
import pytest
from kb_cli import ask, index, lead

from kb.interfaces.cli import main as kb_main


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return index(tmp_path_factory, "code_books", fx.write_corpus)


def test_each_book_is_a_document_in_force(data, capsys):
    capsys.readouterr()
    assert kb_main(["docs", "--data", str(data), "--json"]) == 0
    docs = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.strip()]
    titles = sorted(d["title"] for d in docs)
    assert titles == ["示例民事法典（测试样例）侵权责任编", "示例民事法典（测试样例）合同编", "示例民事法典（测试样例）总则"], titles
    assert all("废止" not in (d.get("status") or "") and "修订" not in (d.get("status") or "") for d in docs), docs


def test_articles_numbered_on_from_earlier_books_are_cited(data, capsys):
    out = ask(data, "一方不履行示例合同义务的，要承担哪些违约责任？", capsys)
    assert not out["abstained"], out["answer"]
    assert lead(out) == ("示例民事法典（测试样例）合同编", "第四百六十五条"), out["answer"]
    out = ask(data, "因过错侵害他人示例民事权益造成损害的，要承担什么责任？", capsys)
    assert lead(out) == ("示例民事法典（测试样例）侵权责任编", "第一千一百六十五条"), out["answer"]


def test_the_code_named_finds_the_book_holding_the_article(data, capsys):
    out = ask(data, "示例民事法典第一千一百六十五条是怎么规定的？", capsys)
    assert not out["abstained"], out["answer"]
    assert lead(out) == ("示例民事法典（测试样例）侵权责任编", "第一千一百六十五条"), out["answer"]


def test_the_code_names_every_book():
    from types import SimpleNamespace

    from kb.question.aliases import AliasTable
    books = [SimpleNamespace(doc_id="a", title="示例民事法典（测试样例）合同编", file_name="示例合同编.md"),
             SimpleNamespace(doc_id="b", title="示例民事法典（测试样例）侵权责任编", file_name="示例侵权责任编.md")]
    table = AliasTable.build(books)
    assert sorted(table.titles["示例民事法典(测试样例)"]) == ["a", "b"]
