"""Articles rebuilt from chunks, article alignment and word-level diff (kb.versions.articles,
kb.versions.diff, kb.versions.wordops).

The fixture law below is invented for these tests (测试样本, not a real law). Version 2
renumbers articles (a new article 第二条 is inserted near the top), removes one, changes
one (a fine goes up), moves one to another place and splits a long article over chunks.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from kb.types import SearchHit
from kb.versions import articles
from kb.versions import diff as kdiff
from kb.versions.diff import DiffEntry
from kb.versions.wordops import WordOp, render_ops_text, word_ops

SHARED = Path(__file__).resolve().parents[2] / "shared"

V1 = [
    ("第一条", "为了促进示例行业绿色转型，节约资源，减少污染物排放，制定本法。（测试样本）"),
    ("第二条", "本法适用于在示例地区从事示例产品生产、销售和回收利用的单位和个人。"),
    ("第三条", "县级以上人民政府示例主管部门负责本行政区域内示例行业绿色发展的监督管理工作。"),
    ("第四条", "国家鼓励企业开展清洁生产审核，推广使用低能耗、低排放的示例工艺和设备。"),
    ("第五条", "示例企业应当建立能源消耗台账，如实记录能源品种、消费数量和用途，台账保存三年。"),
    ("第六条", "示例企业应当每年向主管部门报送上一年度的污染物排放报告，报告内容包括排放种类、数量和浓度。"),
    ("第七条", "违反本法第五条规定，未建立能源消耗台账的，由主管部门责令改正，处一万元以上五万元以下的罚款。"),
    ("第八条", "示例产品的包装应当符合国家有关限制过度包装的标准，不得使用难以降解的一次性塑料材料。"),
    ("第九条", "本法自2010年1月1日起施行。"),
]
V2 = [
    ("第一条", "为了促进示例行业绿色转型，节约资源，减少污染物排放，制定本法。（测试样本）"),
    ("第二条", "示例行业绿色发展应当坚持节约优先、保护优先、系统推进的原则，推动减污降碳协同增效。"),
    ("第三条", "本法适用于在示例地区从事示例产品生产、销售和回收利用的单位和个人。"),
    ("第四条", "示例产品的包装应当符合国家有关限制过度包装的标准，不得使用难以降解的一次性塑料材料。"),
    ("第五条", "县级以上人民政府示例主管部门负责本行政区域内示例行业绿色发展的监督管理工作。"),
    ("第六条", "国家鼓励企业开展清洁生产审核，推广使用低能耗、低排放的示例工艺和设备。"),
    ("第七条", "示例企业应当建立能源消耗台账，如实记录能源品种、消费数量和用途，台账保存五年。"),
    ("第八条", "违反本法第七条规定，未建立能源消耗台账的，由主管部门责令改正，处五万元以上二十万元以下的罚款。"),
    ("第九条", "本法自2024年1月1日起施行。"),
]


def hits(version, split=None):
    """SearchHits of a version: a header chunk first, then one chunk per article; the
    article named in `split` is cut in two chunks that share its locator."""
    out = [SearchHit("h", "d", "f", "示例法", "法律", "header", "", None, None, "", "示例法\n2010年通过", 0)]
    for loc, body in version:
        text = f"{loc}　{body}"
        parts = [text]
        if loc == split:
            cut = len(text) // 2
            parts = [text[:cut], text[cut:]]
        for part in parts:
            n = len(out)
            out.append(SearchHit(f"c{n}", "d", "f", "示例法", "法律", loc, f"第一章 > {loc}", None, None, "", part, n))
    return out


def run():
    a = articles.articles_from_hits(hits(V1))
    b = articles.articles_from_hits(hits(V2, split="第六条"))
    return kdiff.diff_articles(a, b)


def test_articles_rejoin_split_chunks_and_strip_heading():
    arts = articles.articles_from_hits(hits(V2, split="第六条"))
    assert [a.locator for a in arts] == [loc for loc, _ in V2]  # header left out
    sixth = arts[5]
    assert sixth.text == V2[5][1]
    assert len(sixth.chunk_ids) == 2
    assert not sixth.text.startswith("第")


def test_chapter_heading_carried_into_first_article_is_stripped():
    assert articles.strip_heading("第二章　监督管理\n\n第五条　国家鼓励。") == "国家鼓励。"
    assert articles.strip_heading("## 第二章 监督管理\n第五条 国家鼓励。") == "国家鼓励。"
    assert articles.strip_heading("第五条之一　国家鼓励。") == "国家鼓励。"
    # A reference inside the body stays.
    assert articles.strip_heading("第五条 依照第六章规定。") == "依照第六章规定。"


def test_overlapping_split_chunks_are_joined_without_repetition():
    text = "第十条　" + "甲乙丙丁戊己庚辛壬癸" * 3 + "子丑寅卯辰巳午未申酉"
    h1 = SearchHit("1", "d", "f", "t", "法律", "第十条", "", None, None, "", text[:30], 0)
    h2 = SearchHit("2", "d", "f", "t", "法律", "第十条", "", None, None, "", text[18:], 1)
    (art,) = articles.articles_from_hits([h1, h2])
    assert art.text == articles.strip_heading(text)


def test_app_and_comparison_rebuild_a_split_article_alike():
    """One rule joins the parts of a split article (kb.versions.articles): the comparison used
    to drop a repeat of 9+ characters at the cut, the app's article view only one of 11+, so a
    10-character overlap showed twice in the app."""
    from kb.interfaces import app_support as sup

    overlap = "并定期报告回收情况。"
    assert len(overlap) == 10
    first = "第三条　生产者应当建立示例产品回收体系，" + overlap
    second = overlap + "报告应当真实、完整。（测试样本）"
    parts = [SearchHit(str(n), "d", "f", "示例法", "法律", "第三条", "", None, None, "", t, n)
             for n, t in enumerate([first, second], 1)]
    (art,) = articles.articles_from_hits(parts)
    shown = sup.article_text(parts[1], parts)
    assert art.text.count(overlap) == 1 and shown.count(overlap) == 1
    assert re.sub(r"\s", "", shown) == re.sub(r"\s", "", "第三条" + art.text)
    assert articles.join_chunks([first, second]) == first + "报告应当真实、完整。（测试样本）"
    # Without an overlap: a part that ends a sentence ended a line; a hard cut did not.
    assert articles.join_chunks(["甲条文第一款。", "第二款。"]) == "甲条文第一款。\n第二款。"
    assert articles.join_chunks(["甲条文的前半", "句后半。"]) == "甲条文的前半句后半。"


def test_alignment_classifies_renumbered_added_removed_changed():
    res = run()
    d = res.to_dict()
    pairs = {(e["locator_a"], e["locator_b"]) for e in d["unchanged"]}
    # Renumbered but identical: unchanged.
    assert ("第二条", "第三条") in pairs
    assert ("第三条", "第五条") in pairs
    assert ("第四条", "第六条") in pairs  # split in chunks in v2, still identical
    assert ("第一条", "第一条") in pairs
    # Moved to another place: still found, and marked as moved.
    moved = [e for e in d["unchanged"] if e["locator_a"] == "第八条"]
    assert moved and moved[0]["locator_b"] == "第四条" and moved[0]["moved"]
    changed = {(e["locator_a"], e["locator_b"]) for e in d["changed"]}
    assert changed == {("第五条", "第七条"), ("第七条", "第八条"), ("第九条", "第九条")}
    assert [e["locator_b"] for e in d["added"]] == ["第二条"]
    assert [e["locator_a"] for e in d["removed"]] == ["第六条"]
    c = d["counts"]
    assert (c["added"], c["removed"], c["changed"], c["unchanged"]) == (1, 1, 3, 5)
    assert c["articles_a"] == len(V1) and c["articles_b"] == len(V2)


def test_changed_article_has_word_ops():
    res = run()
    fine = next(e for e in res.changed if e.locator_b == "第八条")
    assert isinstance(fine, DiffEntry) and fine.status == "changed"
    ops = fine.ops
    assert "".join(o.a for o in ops) == fine.text_a
    assert "".join(o.b for o in ops) == fine.text_b
    edits = [o for o in ops if o.op != "equal"]
    assert WordOp("replace", "一万元", "五万元") in edits
    assert WordOp("replace", "五万元", "二十万元") in edits
    assert WordOp("replace", "第五条", "第七条") in edits
    assert all(isinstance(o, WordOp) for o in ops)
    assert "改为" in fine.summary
    assert 0.3 < fine.similarity < 1
    # The JSON form: plain dicts with exactly the keys `kb diff --json` has always written.
    d = fine.to_dict()
    assert list(d) == ["locator_a", "locator_b", "position_a", "position_b", "similarity", "moved",
                       "text_a", "text_b", "ops", "summary"]
    assert all(set(o) == {"op", "a", "b"} for o in d["ops"])


def test_entry_json_keys_by_status():
    res = run()
    (added,) = res.added
    (removed,) = res.removed
    assert list(added.to_dict()) == ["locator_b", "position_b", "text_b"] + (["closest_a"] if added.closest else [])
    assert list(removed.to_dict()) == ["locator_a", "position_a", "text_a", "after_b"] + (
        ["closest_b"] if removed.closest else [])
    if removed.closest:
        assert removed.to_dict()["closest_b"] == {"locator_b": removed.closest.locator,
                                                  "similarity": removed.closest.similarity}
    assert list(res.unchanged[0].to_dict()) == ["locator_a", "locator_b", "position_a", "position_b", "similarity", "moved"]
    full = res.to_dict()
    assert list(full) == ["a", "b", "added", "removed", "changed", "unchanged", "counts"]
    assert full["a"] == {} and full["removed"][0]["locator_a"] == "第六条"


def test_word_ops_reconstruct_both_texts():
    for old, new in [
        ("台账保存三年。", "台账保存五年。"),
        ("", "新增的一句话。"),
        ("删除的一句话。", ""),
        ("完全相同。", "完全相同。"),
        ("处一万元以上五万元以下的罚款", "处五万元以上二十万元以下的罚款，并责令停业整顿"),
    ]:
        ops = word_ops(old, new)
        assert "".join(o.a for o in ops) == old
        assert "".join(o.b for o in ops) == new
        assert all(o.op in {"equal", "insert", "delete", "replace"} for o in ops)
    assert word_ops("完全相同。", "完全相同。") == [WordOp("equal", "完全相同。", "完全相同。")]
    # Width and line breaks are not edits.
    ops = word_ops("下列单位：\n(一)销售单位；", "下列单位：（一）销售单位；")
    assert [o.op for o in ops] == ["equal"]


def test_render_and_entries_order():
    res = run()
    order = [(e.status, e.locator_b or e.locator_a) for e in res.entries()]
    assert order[1] == ("added", "第二条")
    # The removed old 第六条 comes right after the new place of old 第五条 (new 第七条).
    k = order.index(("changed", "第七条"))
    assert order[k + 1] == ("removed", "第六条")
    text = render_ops_text(next(e for e in res.changed if e.locator_b == "第七条").ops)
    assert "[-三年-]{+五年+}" in text


def test_frame_for_tables():
    pytest.importorskip("pandas")
    f = run().frame()
    assert list(f.columns) == ["status", "locator_a", "locator_b", "similarity", "moved", "summary", "text_a", "text_b"]
    assert len(f) == 1 + 1 + 3 + 5
    assert f.iloc[1]["status"] == "added" and f.iloc[1]["locator_b"] == "第二条"


def test_empty_sides():
    a = articles.articles_from_hits(hits(V1))
    res = kdiff.diff_articles(a, [])
    assert len(res.removed) == len(V1) and not res.added
    res = kdiff.diff_articles([], a)
    assert len(res.added) == len(V1) and not res.removed


def test_whitespace_and_width_do_not_count_as_change():
    a = [articles.Article("第一条", "处１万元罚款。")]
    b = [articles.Article("第一条", "处1万元罚款。 ")]
    res = kdiff.diff_articles(a, b)
    assert len(res.unchanged) == 1 and not res.changed


# ---------------------------------------------------------------------- real data
def _md_hits(path: Path) -> list[SearchHit]:
    """A small stand-in for ingest: one hit per 第X条 line block of a corpus Markdown law."""
    text = path.read_text(encoding="utf-8").split("<!-- INFO END -->", 1)[-1]
    out: list[SearchHit] = []
    for line in text.splitlines():
        line = line.strip().replace("\u200b", "")
        m = re.match(r"^(第[一二三四五六七八九十百零]+条)", line)
        if m:
            out.append(SearchHit(str(len(out)), "d", path.name, "", "", m.group(1), "", None, None, "", line, len(out)))
        elif out and line and not line.startswith("#"):
            out[-1].text += "\n" + line
    return out


@pytest.mark.skipif(not (SHARED / "corpus" / "laws").is_dir(), reason="../shared corpus absent")
def test_real_marine_law_2017_2023():
    laws = SHARED / "corpus" / "laws"
    a = articles.articles_from_hits(_md_hits(laws / "海洋环境保护法(2017-11-04).md"))
    b = articles.articles_from_hits(_md_hits(laws / "海洋环境保护法(2023-10-24).md"))
    assert len(a) == 97 and len(b) == 124
    res = kdiff.diff_articles(a, b)
    pairs = {(e.locator_a, e.locator_b) for e in res.changed + res.unchanged}
    # Spot checks read from both texts.
    assert ("第七十八条", "第一百条") in pairs  # 转移危险废物: fine 五万→五十万
    assert ("第十二条", "第二十一条") in pairs  # 排污费 → 环境保护税
    assert ("第四条", "第九条") in pairs  # moved: 一切单位和个人都有保护海洋环境的义务
    assert ("第九十七条", "第一百二十四条") in pairs  # 本法自…起施行
    c = res.counts
    assert c["articles_a"] == 97 and c["articles_b"] == 124
    assert c["added"] >= 27  # at least the growth in article count


@pytest.fixture(scope="module")
def real_pairs(tmp_path_factory):
    """Both real version pairs ingested (no vectors) into a temporary index."""
    files = [
        SHARED / "corpus" / "laws" / "海洋环境保护法(2017-11-04).md",
        SHARED / "corpus" / "laws" / "海洋环境保护法(2023-10-24).md",
        SHARED / "corpus" / "formats" / "消耗臭氧层物质管理条例(2018-03-19).html",
        SHARED / "corpus" / "formats" / "消耗臭氧层物质管理条例(2023-12-29).pdf",
    ]
    if not all(f.is_file() for f in files):
        pytest.skip("../shared corpus absent")
    pipeline = pytest.importorskip("ingest.pipeline")
    from kb.settings import Settings
    from kb.index.store import Index

    root = tmp_path_factory.mktemp("real")
    settings = Settings(data_dir=root / "data", embed_model="none")
    summary = pipeline.run(files, settings)
    assert not summary.failed
    index = Index(settings)
    by_name = {d.file_name: d for d in index.documents().values()}
    return index, by_name


def _pairs(res):
    return {(e.locator_a, e.locator_b): e for e in res.changed + res.unchanged}


def test_real_marine_law_through_ingest(real_pairs):
    index, by_name = real_pairs
    res = kdiff.diff_documents(index, by_name["海洋环境保护法(2017-11-04).md"], by_name["海洋环境保护法(2023-10-24).md"])
    c = res.counts
    assert (c["articles_a"], c["articles_b"]) == (97, 124)
    assert (c["added"], c["removed"], c["changed"], c["unchanged"]) == (45, 18, 72, 7)
    pairs = _pairs(res)
    fine = pairs[("第七十八条", "第一百条")]
    assert WordOp("replace", "并处五万元", "处五十万元") in fine.ops or any("五百万元" in o.b for o in fine.ops)
    assert ("第十二条", "第二十一条") in pairs and ("第四条", "第九条") in pairs
    assert pairs[("第四条", "第九条")].moved


def test_real_ods_regulation_html_vs_pdf(real_pairs):
    index, by_name = real_pairs
    res = kdiff.diff_documents(
        index, by_name["消耗臭氧层物质管理条例(2018-03-19).html"], by_name["消耗臭氧层物质管理条例(2023-12-29).pdf"]
    )
    c = res.counts
    assert (c["articles_a"], c["articles_b"]) == (41, 42)
    assert (c["added"], c["removed"], c["changed"], c["unchanged"]) == (2, 1, 30, 10)
    pairs = _pairs(res)
    # 2018 第三十一条 → 2023 第三十条: 并处100万元的罚款 → 100万元以上500万元以下.
    assert any("500" in o.b for o in pairs[("第三十一条", "第三十条")].ops)
    # 第三十九条 and 第四十条 swapped places.
    assert ("第三十九条", "第四十条") in pairs and ("第四十条", "第三十九条") in pairs
    assert [e.locator_b for e in res.added] == ["第三十八条", "第四十一条"]
    assert [e.locator_a for e in res.removed] == ["第十七条"]


def test_substance_puts_penalties_and_amounts_before_renamings():
    from kb.versions.wordops import substance, word_ops

    renamed = word_ops("由环境保护主管部门责令改正。", "由生态环境主管部门责令改正。")
    fine = word_ops("处一万元以上五万元以下罚款。", "处二万元以上十万元以下罚款。")
    duty = word_ops("排污单位可以公开排放信息。", "排污单位应当公开排放信息。")
    assert substance(renamed) == 0.0
    assert substance(fine) > substance(duty) > substance(renamed)
