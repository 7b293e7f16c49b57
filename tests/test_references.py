"""Cross-references resolved into links between articles (kb.registers.references), over invented
documents: 本条例第X条(第Y款)(第Z项), 前款, 前条, 第X条至第Y条, 《其他文件》第X条, unresolved
references kept as text and listed by `python -m kb docs --refs`."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.duties_index import CITY, PROVINCE, build, doc_id, registers

ROOT = __import__("pathlib").Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return build(tmp_path_factory.mktemp("refs"))


@pytest.fixture(scope="module")
def graph(data):
    from kb.registers.references import ReferenceGraph

    regs = registers(data)
    return regs, ReferenceGraph.of(regs)


def _targets(regs, links):
    return sorted((regs.docs[ln.dst_doc].file_name, ln.dst_locator, ln.dst_paragraphs, ln.dst_items) for ln in links)


def test_article_paragraph_item_and_breach(graph):
    regs, g = graph
    city = doc_id(regs, CITY)
    (ln,) = g.cites(city, "第九条")
    assert (ln.dst_locator, ln.verb, ln.breach) == ("第三条", "违反", True)
    assert _targets(regs, g.cites(city, "第十条")) == [(CITY, "第四条", (2,), ())]
    assert _targets(regs, g.cites(city, "第三条")) == [(CITY, "第二条", (1,), (2,))]


def test_relative_range_and_other_document(graph):
    regs, g = graph
    city = doc_id(regs, CITY)
    assert _targets(regs, g.cites(city, "第八条")) == [(CITY, "第七条", (), ())]  # 前条
    assert g.cites(city, "第四条") == []  # 前款 stays inside the article …
    (inside,) = g.cites(city, "第四条", internal=True)  # … and names its 款
    assert (inside.dst_locator, inside.dst_paragraphs, inside.src_paragraph) == ("第四条", (2,), 3)
    assert _targets(regs, g.cites(city, "第十二条")) == [(CITY, "第五条", (), ()), (CITY, "第六条", (), ())]
    assert _targets(regs, g.cites(city, "第十三条")) == [(CITY, "第七条", (), ()), (PROVINCE, "第九条", (), ())]
    by = g.cited_by(doc_id(regs, PROVINCE), "第九条")
    assert [(regs.docs[ln.src_doc].file_name, ln.src_locator) for ln in by] == [(CITY, "第十三条")]


def test_unresolved_kept_as_text(graph):
    regs, g = graph
    reasons = sorted((u.locator, u.text, u.reason) for u in g.unresolved)
    assert reasons == [
        ("第十五条", "第五十条", "《示例市节能条例（测试样例）》中没有第五十条"),
        ("第十四条", "第二十条", "《示例国家节能法（测试样例）》未收录"),
    ]


def test_a_cited_title_resolves_to_the_version_in_force(graph):
    from kb.registers.references import resolve_title

    regs, _ = graph
    doc = resolve_title(regs.versions, "《示例市节能条例（测试样例）》")
    assert doc is not None and doc.file_name == CITY and doc.date == "2022-01-10"
    assert resolve_title(regs.versions, "示例国家节能法（测试样例）") is None


def test_docs_refs_cli(data):
    run = lambda *a: subprocess.run([sys.executable, "-m", "kb", "docs", "--refs", "--data", str(data), *a],  # noqa: E731
                                    cwd=ROOT, capture_output=True, text=True, timeout=120)
    out = run()
    assert out.returncode == 0, out.stderr
    assert "2 处无法解析" in out.stdout
    assert "《示例国家节能法（测试样例）》未收录" in out.stdout and "中没有第五十条" in out.stdout
    lines = [json.loads(x) for x in run("--json").stdout.splitlines()]
    assert {(x["file_name"], x["locator"], x["reference"]) for x in lines} == {
        (CITY, "第十四条", "第二十条"), (CITY, "第十五条", "第五十条")}


def test_the_code_digest_of_a_package_covers_all_its_modules(tmp_path, monkeypatch):
    """Kept register records are read again when any module of the grammar package changes,
    not only its __init__ (a new reference pattern lives in kb/text/grammar/references.py)."""
    from kb.registers.references import code_digest

    pkg = tmp_path / "digest_pkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("from .sub import X\n", encoding="utf-8")
    (pkg / "sub.py").write_text("X = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    before = code_digest("digest_pkg")
    (pkg / "sub.py").write_text("X = 2\n", encoding="utf-8")
    assert code_digest("digest_pkg") != before
