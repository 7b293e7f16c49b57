"""The version graph (families, status, lineage), timeline, change questions and the two CLI
commands (kb.versions, kb.interfaces.cli_versions).

All laws here are invented test samples (测试样本), not real documents.
"""
from __future__ import annotations

import json
from datetime import date

import pytest

from kb.interfaces import cli_versions
from kb.text.titles import title_key
from kb.types import DateEvent, DocumentMeta
from kb.question.kinds import Ask
from kb.question.reading import read_question
from kb.versions import changes, questions
from kb.versions.graph import VersionGraph
from kb.versions.resolve import resolve_document
from kb.versions.timeline import timeline_events, timeline_frame, versions_frame

TODAY = date(2026, 1, 1)


def meta(doc_id, title, file_name, date_="", eff="", events=(), repeals=(), region=""):
    return DocumentMeta(
        doc_id=doc_id, file_name=file_name, path=f"/x/{file_name}", title=title, doc_type="法律",
        date=date_, effective_date=eff, events=[DateEvent(*e) for e in events], repeals=list(repeals),
        region=region,
    )


def sample_docs():
    return {
        "g1": meta("g1", "中华人民共和国示例绿色工厂法", "示例绿色工厂法(2010-01-01).md", "2010-01-01", "2010-06-01",
                   [("通过", "2005-03-01", "2005年3月1日通过"), ("修正", "2010-01-01", "2010年1月1日第一次修正"),
                    ("施行", "2010-06-01", "本法自2010年6月1日起施行")]),
        "g2": meta("g2", "中华人民共和国示例绿色工厂法", "示例绿色工厂法(2023-10-24).md", "2023-10-24", "2024-01-01",
                   [("通过", "2005-03-01", "2005年3月1日通过"), ("修正", "2010-01-01", "2010年1月1日第一次修正"),
                    ("修订", "2023-10-24", "2023年10月24日修订"), ("施行", "2024-01-01", "本法自2024年1月1日起施行")]),
        "old": meta("old", "中华人民共和国示例噪声防治法", "示例噪声防治法(2018-12-29).md", "2018-12-29", "1997-03-01",
                    [("通过", "1996-10-29", ""), ("修正", "2018-12-29", ""), ("施行", "1997-03-01", "")],
                    repeals=["中华人民共和国示例噪声条例"]),
        "new": meta("new", "中华人民共和国示例噪声污染防治法", "示例噪声污染防治法(2021-12-24).md", "2021-12-24",
                    "2022-06-05", [("通过", "2021-12-24", ""), ("施行", "2022-06-05", "本法自2022年6月5日起施行")],
                    repeals=["中华人民共和国示例噪声防治法"]),
        "fut": meta("fut", "示例碳市场条例", "示例碳市场条例(2026-05-01).md", "2026-05-01", "2026-09-01",
                    [("公布", "2026-05-01", ""), ("施行", "2026-09-01", "")]),
        "fut2": meta("fut2", "示例碳市场条例（2026年修订）", "示例碳市场条例(2026-11-01).md", "2026-11-01", "2027-03-01",
                     [("修订", "2026-11-01", ""), ("施行", "2027-03-01", "")]),
        "sh": meta("sh", "示例市绿色建筑条例", "示例市绿色建筑条例(2024-09-27).md", "2024-09-27", "2025-01-01",
                   region="示例市"),
    }


def graph(docs, today=TODAY):
    return VersionGraph.build(docs, today)


def status_map(docs, today=TODAY):
    return dict(graph(docs, today).status)


def families(docs):
    return {f.key: f for f in graph(docs).families}


def test_family_key_normalisation():
    k = title_key
    assert k("《中华人民共和国海洋环境保护法》") == "海洋环境保护法"
    assert k("中华人民共和国海洋环境保护法（2023年修订）") == "海洋环境保护法"
    assert k("海洋环境保护法(2017-11-04)") == "海洋环境保护法"
    assert k("海洋环境保护法(2017-11-04).md") == "海洋环境保护法"
    assert k("消耗臭氧层物质管理条例 (修订)") == "消耗臭氧层物质管理条例"
    assert k(" 中华人民共和国 噪声污染防治法 ") == "噪声污染防治法"
    # One title normaliser for search and versions: 中华人民共和国 goes wherever it stands.
    assert k("北京市实施《中华人民共和国节约能源法》办法") == "北京市实施节约能源法办法"
    assert k("中华人民共和国") == "中华人民共和国"


def test_families_and_links():
    fams = families(sample_docs())
    g = fams["示例绿色工厂法"]
    assert g.doc_ids == ["g1", "g2"]
    assert fams["示例碳市场条例"].doc_ids == ["fut", "fut2"]
    assert fams["示例噪声防治法"].replaced_by == "示例噪声污染防治法"
    assert fams["示例噪声防治法"].replaced_by_doc == "new"
    assert fams["示例噪声污染防治法"].replaces == ["示例噪声防治法"]
    assert fams["示例噪声防治法"].repeals_outside == ["中华人民共和国示例噪声条例"]
    assert "示例市绿色建筑条例" in fams


def test_status_map():
    s = status_map(sample_docs(), today=TODAY)
    assert s == {
        "g1": "已被修订", "g2": "现行有效", "old": "已废止", "new": "现行有效",
        "fut": "尚未施行", "fut2": "尚未施行", "sh": "现行有效",
    }
    # Before the new version takes effect the old one is still in force.
    s = status_map(sample_docs(), today=date(2023, 12, 1))
    assert s["g1"] == "现行有效" and s["g2"] == "尚未施行"
    # Before the repealing law takes effect, the old law is not yet repealed.
    s = status_map(sample_docs(), today=date(2022, 1, 1))
    assert s["old"] == "现行有效" and s["new"] == "尚未施行"
    # Later: the first carbon version is in force, then superseded.
    s = status_map(sample_docs(), today=date(2026, 10, 1))
    assert s["fut"] == "现行有效" and s["fut2"] == "尚未施行"
    s = status_map(sample_docs(), today=date(2027, 6, 1))
    assert s["fut"] == "已被修订" and s["fut2"] == "现行有效"


def test_repeal_of_an_older_law_of_the_same_name_is_not_linked():
    docs = {
        # The KB's 示例安全法 is a new law of 2015; 示例反间谍法 (2014) repealed the 1993 one.
        "s": meta("s", "中华人民共和国示例安全法", "示例安全法(2015-07-01).md", "2015-07-01",
                  events=[("通过", "2015-07-01", "")]),
        "f": meta("f", "中华人民共和国示例反间谍法", "示例反间谍法(2023-04-26).md", "2023-04-26",
                  events=[("通过", "2014-11-01", ""), ("修订", "2023-04-26", "")], repeals=["中华人民共和国示例安全法"]),
    }
    assert status_map(docs, today=TODAY) == {"s": "现行有效", "f": "现行有效"}
    fams = families(docs)
    assert fams["示例安全法"].replaced_by is None
    assert fams["示例反间谍法"].repeals_outside == ["中华人民共和国示例安全法"]


def test_own_repeal_event():
    docs = {"x": meta("x", "示例暂行办法", "x.md", "2000-01-01", events=[("废止", "2020-01-01", "已废止")])}
    assert status_map(docs, today=TODAY) == {"x": "已废止"}


def test_current_version():
    docs = sample_docs()
    assert graph(docs, TODAY).current_version("g1").doc_id == "g2"
    assert graph(docs, TODAY).current_version("g2").doc_id == "g2"
    assert graph(docs, TODAY).current_version("old").doc_id == "new"
    assert graph(docs, TODAY).current_version("fut") is None
    assert graph(docs, date(2026, 10, 1)).current_version("fut2").doc_id == "fut"
    assert graph(docs, TODAY).current_version("nope") is None


def test_timeline_events():
    ev = timeline_events(graph(sample_docs()))
    dates = [e.date for e in ev]
    assert dates == sorted(dates)
    g = [(e.date, e.kind, e.doc_id) for e in ev if e.family == "示例绿色工厂法"]
    # Events repeated in both headers appear once, cited from the newest version.
    assert g == [
        ("2005-03-01", "通过", "g2"), ("2010-01-01", "修正", "g2"), ("2010-06-01", "施行", "g1"),
        ("2023-10-24", "修订", "g2"), ("2024-01-01", "施行", "g2"),
    ]
    rep = [e for e in ev if e.kind == "废止"]
    assert ("2022-06-05", "示例噪声防治法", "new") in {(e.date, e.family, e.doc_id) for e in rep}
    # Repeal of a document outside the KB is listed too.
    assert any(e.title == "中华人民共和国示例噪声条例" for e in rep)
    only = timeline_events(graph(sample_docs()), family="中华人民共和国示例绿色工厂法")
    assert {e.family for e in only} == {"示例绿色工厂法"}


def test_frames():
    pytest.importorskip("pandas")
    f = timeline_frame(graph(sample_docs()))
    assert list(f.columns) == ["date", "kind", "title", "family", "doc_id", "file_name", "text", "status"]
    assert str(f["date"].dtype).startswith("datetime64")
    assert len(f) == len(timeline_events(graph(sample_docs())))
    v = versions_frame(graph(sample_docs()))
    assert set(v["status"]) == {"现行有效", "已被修订", "已废止", "尚未施行"}


@pytest.mark.parametrize("q", [
    "2023年修订后的海洋环境保护法在罚款上比2017年版严了多少？",
    "新旧两部噪声法对“夜间”是怎么界定的？前后有什么变化？",
    "跟以前的《环境噪声污染防治法》比，现在认定“噪声污染”的条件有什么不一样？",
    "按2017年版的海洋环境保护法，直接往海里排污要交什么钱？跟2023年修订后的规定比有什么变化？",
    "消耗臭氧层物质管理条例2023年修订修改了哪些内容？",
    "修订后的条例与原条例相比有哪些不同？",
])
def test_change_questions(q):
    assert Ask.CHANGE in read_question(q).asks


@pytest.mark.parametrize("q", [
    "2023年第二次修订后的海洋环境保护法是从什么时候开始执行的？",
    "《环境影响评价法》2002年通过之后改过几次？每次是什么时候改的？",
    "新的噪声污染防治法是从哪天开始实施的？",
    "排污许可证能管几年？",
    "不同行业的重点用能单位标准是什么？",
])
def test_not_change_questions(q):
    assert Ask.CHANGE not in read_question(q).asks


def test_resolve_document():
    docs = sample_docs()
    assert resolve_document(docs, "示例绿色工厂法(2010-01-01).md").doc_id == "g1"
    assert resolve_document(docs, "/somewhere/示例绿色工厂法(2023-10-24).md").doc_id == "g2"
    assert resolve_document(docs, "示例绿色工厂法(2023-10-24)").doc_id == "g2"
    assert resolve_document(docs, "《示例噪声污染防治法》").doc_id == "new"
    assert resolve_document(docs, "示例绿色工厂法 2010").doc_id == "g1"
    assert resolve_document(docs, "2023年修订的示例绿色工厂法").doc_id == "g2"
    with pytest.raises(LookupError, match="多个"):
        resolve_document(docs, "中华人民共和国示例绿色工厂法")
    with pytest.raises(LookupError, match="没有找到"):
        resolve_document(docs, "不存在的法")


def test_lineage_crosses_repeal():
    docs = sample_docs()
    assert [d.doc_id for d in graph(docs).lineage("示例噪声污染防治法")] == ["old", "new"]
    assert [d.doc_id for d in graph(docs).lineage("g1")] == ["g1", "g2"]
    assert graph(docs).lineage("nothing") == []


# ---------------------------------------------------------------------- through ingest
V1_MD = """# 中华人民共和国示例循环利用法

2010年3月1日 第一届示例代表大会常务委员会第一次会议通过

<!-- INFO END -->

## 第一章 总则

第一条 为了促进示例产品循环利用，节约资源，保护环境，制定本法。本法为测试样本，并非真实法律。

第二条 本法适用于示例产品的生产、销售、回收和再利用活动。

第三条 县级以上人民政府循环利用主管部门负责本行政区域内示例产品循环利用的监督管理。

第四条 国家鼓励企业采用易拆解、易回收的设计，提高示例产品的再利用率。

## 第二章 法律责任

第五条 生产者未按规定建立回收体系的，由主管部门责令改正，处一万元以上五万元以下的罚款。

第六条 销售者应当在经营场所设置回收点，接收消费者交回的废旧示例产品。

第七条 本法自2010年7月1日起施行。
"""

V2_MD = """# 中华人民共和国示例循环利用法

2010年3月1日 第一届示例代表大会常务委员会第一次会议通过

2023年10月24日 第五届示例代表大会常务委员会第六次会议修订

<!-- INFO END -->

## 第一章 总则

第一条 为了促进示例产品循环利用，节约资源，保护环境，制定本法。本法为测试样本，并非真实法律。

第二条 示例产品循环利用应当坚持减量化优先、再利用和资源化相结合的原则。

第三条 本法适用于示例产品的生产、销售、回收和再利用活动。

第四条 县级以上人民政府循环利用主管部门负责本行政区域内示例产品循环利用的监督管理。

第五条 国家鼓励企业采用易拆解、易回收的设计，提高示例产品的再利用率。

## 第二章 法律责任

第六条 生产者未按规定建立回收体系的，由主管部门责令改正，处五万元以上二十万元以下的罚款。

第七条 本法自2024年1月1日起施行。《中华人民共和国示例回收条例》同时废止。
"""

OLD_LAW_MD = """# 中华人民共和国示例回收条例

2001年5月1日 示例国务院令第1号公布

<!-- INFO END -->

第一条 为了规范示例产品的回收活动，制定本条例。本条例为测试样本。

第二条 本条例自2001年6月1日起施行。
"""


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    pipeline = pytest.importorskip("ingest.pipeline", reason="ingest not available")
    from kb.settings import Settings

    root = tmp_path_factory.mktemp("ver")
    src = root / "src"
    src.mkdir()
    (src / "示例循环利用法(2010-03-01).md").write_text(V1_MD, encoding="utf-8")
    (src / "示例循环利用法(2023-10-24).md").write_text(V2_MD, encoding="utf-8")
    (src / "示例回收条例(2001-05-01).md").write_text(OLD_LAW_MD, encoding="utf-8")
    settings = Settings(data_dir=root / "data", embed_model="none")
    summary = pipeline.run([src], settings)
    assert not summary.failed, [(r.path, r.reason) for r in summary.failed]
    return settings


def _docs(settings):
    from kb.index.store import Index

    index = Index(settings)
    return index, index.documents()


def test_ingested_status_and_families(ingested):
    index, docs = _docs(ingested)
    by_file = {d.file_name: d for d in docs.values()}
    s = status_map(docs, today=TODAY)
    assert s[by_file["示例循环利用法(2010-03-01).md"].doc_id] == "已被修订"
    assert s[by_file["示例循环利用法(2023-10-24).md"].doc_id] == "现行有效"
    assert s[by_file["示例回收条例(2001-05-01).md"].doc_id] == "已废止"
    cur = graph(docs, TODAY).current_version(by_file["示例回收条例(2001-05-01).md"].doc_id)
    assert cur.file_name == "示例循环利用法(2023-10-24).md"
    kinds = {(e.date, e.kind) for e in timeline_events(graph(docs), "示例循环利用法")}
    assert {("2010-03-01", "通过"), ("2023-10-24", "修订"), ("2024-01-01", "施行")} <= kinds


def test_ingested_diff(ingested):
    from kb.versions import diff as kdiff

    index, docs = _docs(ingested)
    by_file = {d.file_name: d for d in docs.values()}
    res = kdiff.diff_documents(index, by_file["示例循环利用法(2010-03-01).md"].doc_id,
                               by_file["示例循环利用法(2023-10-24).md"].doc_id)
    d = res.to_dict()
    assert {(e["locator_a"], e["locator_b"]) for e in d["unchanged"]} == {
        ("第一条", "第一条"), ("第二条", "第三条"), ("第三条", "第四条"), ("第四条", "第五条")}
    assert {(e["locator_a"], e["locator_b"]) for e in d["changed"]} == {("第五条", "第六条"), ("第七条", "第七条")}
    assert [e["locator_b"] for e in d["added"]] == ["第二条"]
    assert [e["locator_a"] for e in d["removed"]] == ["第六条"]
    assert d["a"]["file_name"] == "示例循环利用法(2010-03-01).md"


def test_ingested_change_summary(ingested):
    from kb.index.store import Index

    index = Index(ingested)
    items = changes.change_summary(index, graph(index.documents()), "示例循环利用法", "新旧示例循环利用法对生产者未建立回收体系的罚款有什么变化？")
    assert items and items[0].pair == ("第五条", "第六条")
    assert "五万元" in items[0].text and items[0].hit_a is not None and items[0].hit_b is not None
    assert items[0].hit_b.locator == "第六条"
    # Without a topic: the changed articles in order.
    items = changes.change_summary(index, graph(index.documents()), "示例循环利用法", "修改了哪些内容？")
    assert [i.pair for i in items] == [("第五条", "第六条"), ("第七条", "第七条")]


def test_cli_timeline_and_diff(ingested, capsys):
    assert cli_versions.timeline(ingested, as_json=True, today=TODAY) == 0
    lines = [json.loads(l) for l in capsys.readouterr().out.splitlines()]
    fam = next(l for l in lines if l["family"] == "示例循环利用法")
    assert [v["status"] for v in fam["versions"]] == ["已被修订", "现行有效"]
    assert fam["replaces"] == ["示例回收条例"]
    assert cli_versions.timeline(ingested, as_json=False, today=TODAY) == 0
    out = capsys.readouterr().out
    assert "已废止" in out and "示例循环利用法" in out

    assert cli_versions.diff(ingested, "示例循环利用法(2010-03-01).md", "示例循环利用法(2023-10-24)", as_json=True) == 0
    d = json.loads(capsys.readouterr().out)
    assert set(d) >= {"added", "removed", "changed", "unchanged", "counts", "a", "b"}
    assert d["counts"]["added"] == 1
    assert cli_versions.diff(ingested, "示例循环利用法(2010-03-01).md", "示例循环利用法(2023-10-24).md") == 0
    out = capsys.readouterr().out
    assert "新增 1 条" in out and "【修改】第五条 → 第六条" in out
    assert cli_versions.diff(ingested, "没有的文件.md", "示例循环利用法(2023-10-24).md") == 2
    assert "没有找到" in capsys.readouterr().err


def test_cli_commands_through_the_command_line(ingested, capsys, monkeypatch):
    from kb.interfaces.cli import main

    monkeypatch.setenv("GREENKB_EMBED_MODEL", "none")
    data = str(ingested.data_dir)
    assert main(["timeline", "--json", "--data", data]) == 0
    lines = [json.loads(l) for l in capsys.readouterr().out.splitlines()]
    assert {l["family"] for l in lines} == {"示例循环利用法", "示例回收条例"}
    assert all(l["events"] == sorted(l["events"], key=lambda e: e["date"]) for l in lines)
    assert main(["diff", "示例循环利用法 2010", "2023年修订的示例循环利用法", "--data", data]) == 0
    out = capsys.readouterr().out
    assert out.startswith("旧：《中华人民共和国示例循环利用法》 2010-03-01")
    assert "【新增】第二条  示例产品循环利用应当坚持" in out and "【删除】第六条" in out
    assert "【修改】第五条 → 第六条  相似度 0.88\n    …，由主管部门责令改正，处[-一万元-]{+五万元+}以上[-五万元-]{+二十万元+}以下的罚款。" in out
    assert main(["diff", "示例循环利用法(2023-10-24).md", "示例循环利用法(2010-03-01).md", "--data", data]) == 0
    assert "注意：第一个文件的版本比第二个新" in capsys.readouterr().out


def test_graph_lookups_and_days():
    g = graph(sample_docs())
    fam = g.family("示例绿色工厂法")
    assert fam is g.family("g1") is g.family("中华人民共和国示例绿色工厂法（2023年修订）") is g.family_of("g2")
    assert g.family("没有的法") is None and g.family_of("nope") is None
    assert g.title_of("示例噪声防治法") == "中华人民共和国示例噪声防治法" and g.title_of("nope") == "nope"
    assert g.family("示例噪声防治法").linked and not g.family("sh").linked
    # The same families on another day: only the status moves.
    earlier = g.as_of(date(2023, 12, 1))
    assert earlier.families == g.families and earlier.as_of(TODAY).status == g.status
    assert (g.status["g1"], earlier.status["g1"]) == ("已被修订", "现行有效")
    assert g.as_of(TODAY) is g
    with pytest.raises(TypeError):
        g.status["g1"] = "现行有效"  # shared by every caller: read-only
    # A local document whose title lacks its region: found by its title and by its key.
    local = {"l1": meta("l1", "示例绿色建筑条例", "l1.md", "2020-01-01", region="示例县"),
             "l2": meta("l2", "示例绿色建筑条例", "l2.md", "2024-01-01", region="示例县",
                        events=[("修订", "2024-01-01", "")])}
    lg = graph(local)
    (f,) = lg.families
    assert f.key == "示例县·示例绿色建筑条例" and lg.family("示例绿色建筑条例") is f and lg.family(f.key) is f
    assert [e.kind for e in timeline_events(lg, f.key)] == ["其他", "修订"]
    assert lg.status == {"l1": "已被修订", "l2": "现行有效"}


def test_graph_is_built_once_per_generation():
    docs = sample_docs()
    g = VersionGraph.of_generation("gen-a", docs, TODAY)
    assert VersionGraph.of_generation("gen-a", dict(docs), TODAY) is g
    assert VersionGraph.of_generation("gen-b", docs, TODAY) is not g
    assert VersionGraph.of_generation("gen-a", docs, date(2027, 6, 1)).status["fut2"] == "现行有效"


def test_comparable_pairs():
    pairs = {(k, a.doc_id, b.doc_id) for k, a, b in graph(sample_docs()).comparable_pairs()}
    assert pairs == {
        ("示例绿色工厂法", "g1", "g2"),
        ("示例噪声污染防治法", "old", "new"),
        ("示例碳市场条例", "fut", "fut2"),
    }


def test_family_for_question():
    docs = sample_docs()
    assert questions.family_for_question(graph(docs), read_question("示例绿色工厂法2023年修订后有什么变化？")) == "示例绿色工厂法"
    # A repealed predecessor leads to the law that replaced it.
    assert questions.family_for_question(graph(docs), read_question("跟以前的《示例噪声防治法》比有什么不同？")) == "示例噪声污染防治法"
    assert questions.family_for_question(graph(docs), read_question("示例噪声污染防治法和旧法比有什么不同？")) == "示例噪声污染防治法"
    # Short names (invented laws without the common 示例 prefix).
    short = {
        "a1": meta("a1", "海港噪声管理法", "a1.md", "2001-01-01"), "a2": meta("a2", "海港噪声管理法", "a2.md", "2011-01-01"),
        "b1": meta("b1", "绿色工厂促进法", "b1.md", "2002-01-01"), "b2": meta("b2", "绿色工厂促进法", "b2.md", "2012-01-01"),
    }
    assert questions.family_for_question(graph(short), read_question("新旧两部海港法对夜间的规定有什么变化？")) == "海港噪声管理法"
    assert questions.family_for_question(graph(short), read_question("新旧两部法有什么变化？")) is None
    # Not named: the best hit with versions decides; single-version laws never do.
    from kb.types import SearchHit

    hit = lambda doc_id: SearchHit("c", doc_id, "", "", "", "第一条", "", None, None, "", "", 0)
    assert questions.family_for_question(graph(docs), read_question("新旧两版有什么变化？"), [hit("sh"), hit("g1")]) == "示例绿色工厂法"
    assert questions.family_for_question(graph(docs), read_question("新旧两版有什么变化？"), [hit("sh")]) is None
