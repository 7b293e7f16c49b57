"""Version-aware answers (kb.answer with kb.versions): change questions answered from the
comparison of two versions, and the "注意：…已被修订/已废止，现行为…" line.

Every document here is an invented test sample (测试样例), not a real regulation.
"""
from __future__ import annotations

import re
from datetime import date

import pytest

from kb.answers.answer import answer
from kb.question.reading import read_question
from kb.answers.catalog import catalog_of
from kb.answers.version_answers import version_notes
from kb.versions import changes, questions
from kb.versions.graph import VersionGraph
from kb.types import Citation, DateEvent, DocumentMeta, SearchHit

OLD_MD = """# 示例省节能条例

2019年3月1日示例省第一届人民代表大会常务委员会第三次会议通过

<!-- INFO END -->

## 第一章 总则

第一条 为推进本省节约能源，提高能源利用效率，制定本条例。本条例为测试样例，并非真实法规。

第二条 本省行政区域内的用能单位适用本条例。

第三条 县级以上人民政府节能主管部门负责本行政区域内的节能监督管理工作。

## 第二章 节能管理

第四条 重点用能单位应当每年三月底前向节能主管部门报送上年度的能源利用状况报告。

第五条 用能单位应当建立能源消费统计和能源利用状况分析制度。

## 第三章 法律责任

第六条 重点用能单位未按照规定报送能源利用状况报告的，由节能主管部门限其改正；到期仍不改的，处二万元以上十万元以下的罚款。

第七条 本条例自2019年5月1日起施行。
"""

NEW_MD = """# 示例省节能条例

2019年3月1日示例省第一届人民代表大会常务委员会第三次会议通过

2023年6月1日示例省第二届人民代表大会常务委员会第五次会议修订

<!-- INFO END -->

## 第一章 总则

第一条 为推进本省节约能源，提高能源利用效率，制定本条例。本条例为测试样例，并非真实法规。

第二条 节约能源工作应当坚持节约优先、绿色低碳的原则。

第三条 本省行政区域内的用能单位适用本条例。

第四条 县级以上人民政府节能主管部门负责本行政区域内的节能监督管理工作。

## 第二章 节能管理

第五条 重点用能单位应当每年三月底前向节能主管部门报送上年度的能源利用状况报告。

第六条 用能单位应当建立能源消费统计和能源利用状况分析制度。

## 第三章 法律责任

第七条 重点用能单位未按照规定报送能源利用状况报告的，由节能主管部门限其改正；到期仍不改的，处五万元以上二十万元以下的罚款。

第八条 本条例自2023年9月1日起施行。
"""

REPEALED_MD = """# 示例省节能监察办法

2015年5月1日示例省人民政府令第9号公布

<!-- INFO END -->

第一条 为了规范本省节能监察工作，制定本办法。本办法为测试样例。

第二条 节能监察机构对重点用能单位每两年至少开展一次现场节能监察。

第三条 本办法自2015年7月1日起施行。
"""

REPEALER_MD = """# 示例省节能监察条例

2022年1月10日示例省第一届人民代表大会常务委员会第二十次会议通过

<!-- INFO END -->

第一条 为了规范本省节能监察工作，制定本条例。本条例为测试样例。

第二条 节能监察机构对重点用能单位每年至少开展一次现场节能监察。

第三条 本条例自2022年3月1日起施行。2015年5月1日示例省人民政府公布的《示例省节能监察办法》同时废止。
"""

PENDING_MD = """# 示例省绿色工厂促进办法

2030年1月1日示例省人民政府令第99号公布

<!-- INFO END -->

第一条 为了促进绿色工厂建设，制定本办法。本办法为测试样例。

第二条 省级绿色工厂每三年复核一次，复核不合格的撤销称号。

第三条 本办法自2030年7月1日起施行。
"""

OLD_FILE = "示例省节能条例(2019-03-01).md"
NEW_FILE = "示例省节能条例(2023-06-01).md"


@pytest.fixture(scope="module")
def searcher(tmp_path_factory):
    pipeline = pytest.importorskip("ingest.pipeline", reason="ingest not available")
    from kb.search.searcher import Searcher
    from kb.settings import load_settings

    root = tmp_path_factory.mktemp("verans")
    src = root / "src"
    src.mkdir()
    for name, text in ((OLD_FILE, OLD_MD), (NEW_FILE, NEW_MD), ("示例省节能监察办法(2015-05-01).md", REPEALED_MD),
                       ("示例省节能监察条例(2022-01-10).md", REPEALER_MD),
                       ("示例省绿色工厂促进办法(2030-01-01).md", PENDING_MD)):
        (src / name).write_text(text, encoding="utf-8")
    settings = load_settings(data_dir=root / "data", embed_model="none")
    summary = pipeline.run([src], settings)
    assert not summary.failed, [(r.path, r.reason) for r in summary.failed]
    return Searcher(settings)


def _flat(s: str) -> str:
    return re.sub(r"\s+", "", s)


def _quotes_verbatim(ans) -> None:
    for c in ans.citations:
        assert c.quote and _flat(c.quote) in _flat(c.hit.text), (c.n, c.quote)


def test_change_question_cites_both_versions_verbatim(searcher):
    ans = answer("示例省节能条例2023年修订后，对不按规定报送能源利用状况报告的罚款有什么变化？", searcher)
    assert not ans.abstained, ans.text
    lines = ans.text.splitlines()
    assert lines[0].startswith("新旧版本对照：") and "（2019-03-01" in lines[0] and "（2023-06-01" in lines[0]
    pair = next(l for l in lines if l.startswith("旧版第六条："))
    assert "；新版第七条：" in pair  # renumbered article
    assert "处二万元以上十万元以下的罚款" in pair.split("；新版")[0]
    assert "处五万元以上二十万元以下的罚款" in pair.split("；新版")[1]
    cited = {(c.hit.file_name, c.hit.locator) for c in ans.citations}
    assert {(OLD_FILE, "第六条"), (NEW_FILE, "第七条")} <= cited
    # every [n] in the text is a citation, every citation is used
    used = {int(n) for m in re.findall(r"\[([\d,]+)\]", ans.text) for n in m.split(",")}
    assert used == {c.n for c in ans.citations}
    _quotes_verbatim(ans)


def test_change_question_without_topic_lists_changed_articles(searcher):
    ans = answer("示例省节能条例修改了哪些内容？", searcher)
    assert not ans.abstained
    assert "两版相比：修改2条，新增1条，删除0条，未变5条；以下先列罚则、数额和期限、义务方面的修改" in ans.text.splitlines()[1]
    assert "旧版第六条：" in ans.text and "新版第七条：" in ans.text
    _quotes_verbatim(ans)
    # the old version is cited several times but named once among the warnings
    status = [w for w in ans.warnings if "状态：已被修订" in w]
    old_refs = [c.n for c in ans.citations if c.hit.status == "已被修订"]
    assert len(old_refs) >= 2 and len(status) == 1
    assert status[0].startswith("[" + ",".join(map(str, old_refs)) + "]")


def test_answer_citing_the_old_version_names_the_current_one(searcher):
    ans = answer("2019年版示例省节能条例对未按照规定报送能源利用状况报告的，罚款多少？", searcher)
    assert not ans.abstained, ans.text
    assert any(c.hit.file_name == OLD_FILE for c in ans.citations), ans.text
    note = next(l for l in ans.text.splitlines() if l.startswith("注意："))
    assert "《示例省节能条例》已被修订，现行为《示例省节能条例》（2023-06-01）" in note
    assert "二万元以上十万元以下" in ans.text
    assert any("已被修订" in w for w in ans.warnings)


def test_answer_citing_a_repealed_text_names_the_repealing_one(searcher):
    ans = answer("示例省节能监察办法规定节能监察机构多久对重点用能单位开展一次现场节能监察？", searcher)
    assert not ans.abstained, ans.text
    assert any(c.hit.file_name.startswith("示例省节能监察办法") for c in ans.citations), ans.text
    note = next(l for l in ans.text.splitlines() if l.startswith("注意："))
    assert "《示例省节能监察办法》已废止，现行为《示例省节能监察条例》（2022-01-10）" in note
    # the note is its own line, not inside a quoted source sentence
    assert all("注意：" not in c.quote for c in ans.citations)


def test_answer_citing_a_text_not_yet_in_force_says_when(searcher):
    ans = answer("示例省绿色工厂促进办法规定省级绿色工厂多久复核一次？", searcher)
    assert not ans.abstained, ans.text
    note = next(l for l in ans.text.splitlines() if l.startswith("注意："))
    assert "《示例省绿色工厂促进办法》（2030-01-01）尚未施行，施行日期 2030-07-01" in note


def test_current_text_has_no_note(searcher):
    ans = answer("示例省节能监察条例规定节能监察机构多久开展一次现场节能监察？", searcher)
    assert not ans.abstained
    assert "注意：" not in ans.text


def _meta(doc_id, title, file_name, date_, eff, events=()):
    return DocumentMeta(doc_id=doc_id, file_name=file_name, path=f"/x/{file_name}", title=title, doc_type="地方性法规",
                        date=date_, effective_date=eff, events=[DateEvent(*e) for e in events])


def _hit(doc_id, title, status, date_):
    return SearchHit(chunk_id=f"{doc_id}-0", doc_id=doc_id, file_name=f"{doc_id}.md", title=title, doc_type="法规",
                     locator="第一条", heading_path="", page_start=None, page_end=None, date=date_,
                     text="第一条 测试样例。", chunk_index=0, status=status)


def test_version_note_pending_and_catalogless():
    docs = {
        "a": _meta("a", "示例碳市场条例", "示例碳市场条例(2020-01-01).md", "2020-01-01", "2020-03-01"),
        "b": _meta("b", "示例碳市场条例", "示例碳市场条例(2026-05-01).md", "2026-05-01", "2026-09-01",
                   [("修订", "2026-05-01", "2026年5月1日修订")]),
    }
    graph = VersionGraph.build(docs, today=date(2026, 6, 1))
    assert graph.version_note("a") == ""
    note = graph.version_note("b", cited={"a": 2})
    assert note == "《示例碳市场条例》（2026-05-01）尚未施行，施行日期 2026-09-01；现行为《示例碳市场条例》（2020-01-01）[2]。"
    # without a catalog (a searcher with no index) the note still says the status
    c = Citation(n=1, hit=_hit("x", "示例旧条例", "已废止", "2001-01-01"), quote="测试样例。")
    assert version_notes([c], None) == ["注意：[1]《示例旧条例》（2001-01-01）已废止。"]


def test_versions_for_question_picks_named_years():
    docs = {
        "a": _meta("a", "示例法", "示例法(2010-01-01).md", "2010-01-01", ""),
        "b": _meta("b", "示例法", "示例法(2017-01-01).md", "2017-01-01", ""),
        "c": _meta("c", "示例法", "示例法(2023-01-01).md", "2023-01-01", ""),
    }
    graph = VersionGraph.build(docs)
    assert questions.versions_for_question(graph, "示例法", read_question("2010年版示例法和2023年修订后的相比有什么变化？")) == ["a", "c"]
    assert questions.versions_for_question(graph, "示例法", read_question("2017年修订后的示例法有什么变化？")) == "b"
    assert questions.versions_for_question(graph, "示例法", read_question("与2017年版相比，现行示例法有什么不同？")) == ["b", "c"]
    assert questions.versions_for_question(graph, "示例法", read_question("示例法修改了哪些内容？")) == "示例法"
    old, new = changes.change_pair(graph, "示例法")
    assert (old.doc_id, new.doc_id) == ("b", "c")


def test_llm_sources_lead_with_both_versions(searcher):
    from kb.answers.answer import retrieve
    from kb.answers.version_answers import with_comparison

    q = searcher.read("示例省节能条例2023年修订后，对不按规定报送能源利用状况报告的罚款有什么变化？")
    hits = retrieve(q, searcher, 8, None)
    srcs = with_comparison(q, hits, catalog_of(searcher), 8)
    assert [(h.file_name, h.locator) for h in srcs[:2]] == [(OLD_FILE, "第六条"), (NEW_FILE, "第七条")]
    assert len({h.chunk_id for h in srcs}) == len(srcs)


def test_searcher_builds_the_version_graph_once_per_generation(searcher):
    from kb.search.searcher import Searcher

    graph = searcher.versions
    assert isinstance(graph, VersionGraph) and graph.status is searcher.status
    assert catalog_of(searcher).graph is graph  # the answers use the searcher's graph
    assert Searcher(searcher.settings).versions is graph  # same index generation: not rebuilt
    old = next(d for d in graph.docs.values() if d.file_name == OLD_FILE)
    assert graph.status[old.doc_id] == "已被修订"


def test_comparing_two_different_laws_is_not_a_version_question(searcher):
    ans = answer("示例省节能条例和示例省节能监察条例的规定有什么不同？", searcher)
    assert not ans.text.startswith("新旧版本对照")


def test_change_answer_respects_filters(searcher):
    from kb.search.searcher import Filters

    q = "示例省节能条例2023年修订后，对不按规定报送能源利用状况报告的罚款有什么变化？"
    ans = answer(q, searcher, filters=Filters(date_from="2020"))
    assert not ans.text.startswith("新旧版本对照")
    assert all(c.hit.file_name != OLD_FILE for c in ans.citations)


class _Fake:
    def __init__(self, hits):
        self.hits = hits

    def search(self, query, k=10, filters=None):
        return list(self.hits[:k])


def test_named_old_law_is_preferred_to_its_namesake_successor():
    def h(doc, title, loc, text, date_, status):
        return SearchHit(chunk_id=f"{doc}-{loc}", doc_id=doc, file_name=f"{title}({date_}).md", title=title,
                         doc_type="法律", locator=loc, heading_path=loc, page_start=None, page_end=None, date=date_,
                         text=text, chunk_index=0, status=status)

    new = h("n", "中华人民共和国示例噪声法", "第九十条", "第九十条 本法自2022年6月5日起施行。《中华人民共和国环境示例噪声法》同时废止。"
            "本法为测试样例。", "2021-12-24", "现行有效")
    old = h("o", "中华人民共和国环境示例噪声法", "第六十四条", "第六十四条 本法自1997年3月1日起施行。1989年9月26日发布的"
            "《中华人民共和国示例噪声条例》同时废止。本法为测试样例。", "2018-12-29", "已废止")
    ans = answer("老的《环境示例噪声法》是从哪天起施行的？它施行时替代掉了哪份文件？", _Fake([new, old]))
    assert not ans.abstained
    assert {c.hit.doc_id for c in ans.citations} == {"o"}, ans.text
    assert "1997年3月1日" in ans.text and "示例噪声条例" in ans.text
    assert ans.text.splitlines()[-1] == "注意：[1]《中华人民共和国环境示例噪声法》（2018-12-29）已废止。"
