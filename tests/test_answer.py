"""Extractive answers and abstention on small invented passages.

Every passage below is an invented test sample (测试样例) shaped like Chinese legal text; none
is copied from a real document.
"""
from __future__ import annotations

import re

import pytest

from kb.answers.answer import NO_BASIS, answer
from kb.answers.units import split_units
from kb.question.reading import read_question
from kb.types import SearchHit
from kb.answers.verify import MARKER_RE, split_sentences, verify


def hit(i, text, title="中华人民共和国测试样例节能法", locator="第七十三条", doc="d1", date="2018-10-26",
        status="现行有效", file_name=None, doc_type="法律"):
    return SearchHit(
        chunk_id=f"{doc}-{i}", doc_id=doc, file_name=file_name or f"{title}({date}).md", title=title,
        doc_type=doc_type, locator=locator, heading_path=locator, page_start=None, page_end=None, date=date,
        text=text, chunk_index=i, rank=i + 1, status=status,
    )


class FakeSearcher:
    def __init__(self, hits):
        self.hits = hits
        self.calls = []

    def search(self, query, k=10, filters=None):
        self.calls.append((query, k, filters))
        return list(self.hits[:k])


PENALTY = hit(0, "第七十三条 （测试样例）违反本法，产品该有能效标识却没有标的，市场监督管理部门令其改正，处三万元以上五万元以下罚款。\n\n"
                 "违反本法，能效标识没有备案的，市场监督管理部门限其改正；到期仍不改的，处一万元以上三万元以下罚款。")
LABEL_DUTY = hit(1, "第十九条 （测试样例）生产者和进口商应当对列入能效标识目录的产品标注能效标识，并在产品包装物上予以说明。", locator="第十九条")
KEY_UNITS = hit(2, "第五十二条 （测试样例）下列用能单位为重点用能单位：\n（一）年综合能源消费总量一万吨标准煤以上的用能单位；\n"
                   "（二）经有关部门指定、年综合能源消费总量在五千吨以上不满一万吨标准煤的用能单位。", locator="第五十二条")
DETENTION = hit(3, "第六十三条 （测试样例）企业有下列行为之一，尚不构成犯罪的，由公安机关对其直接负责的主管人员处十日以上十五日以下拘留；"
                   "情节较轻的，处五日以上十日以下拘留：\n（一）没有示例许可证就向示例河排水，被责令停止后仍不停止的；\n"
                   "（二）用暗管把示例废水偷偷排走的；\n（三）使用示例名录禁止的药剂，被责令改正后仍不改正的。",
                locator="第六十三条", title="中华人民共和国测试样例环境法", doc="d2", date="2014-04-24")
LOCAL = hit(4, "第二十四条 （测试样例）本市每年能源消费合计二千吨以上不满一万吨标准煤的用能单位，每年要向区发展改革部门报送能源利用状况报告。",
            locator="第二十四条", title="测试样例市实施《测试样例节能法》办法", doc="d3", date="2019-11-27", doc_type="地方性法规")
NATIONAL = hit(5, "第五十三条 （测试样例）重点用能单位应当每年向负责节能工作的部门报送上年度能源利用状况报告。",
               locator="第五十三条")
OLD_NIGHT = hit(6, "第六十三条 （测试样例）本法所说“夜间”，指晚上十点至次日早晨六点。", locator="第六十三条",
                title="中华人民共和国测试样例旧噪声法", doc="d4", date="2018-12-29", status="已废止")
NEW_NIGHT = hit(7, "第八十八条 （测试样例）本法所说“夜间”，指晚上十点至次日早晨六点；市级以上人民政府可以另行规定时段，但夜间不得短于八小时。",
                locator="第八十八条", title="中华人民共和国测试样例噪声法", doc="d5", date="2021-12-24")


def _sentences_have_markers(text: str) -> None:
    for line in text.split("\n"):
        for s in split_sentences(line):
            body = MARKER_RE.sub("", s).strip()
            if len(re.findall(r"[\u4e00-\u9fff]", body)) >= 8 and not body.endswith("："):
                assert MARKER_RE.search(s), f"sentence without [n]: {s}"


def _numbers_verbatim(ans, *spans):
    for span in spans:
        assert span in ans.text, span
        assert any(span in c.hit.text for c in ans.citations)


# ------------------------------------------------------------------ extractive composition


def test_penalty_answer_leads_with_verbatim_amount():
    ans = answer("产品没有标注能效标识会被怎么处罚？", FakeSearcher([PENALTY, LABEL_DUTY]))
    assert not ans.abstained and ans.mode == "extractive"
    first = ans.text.split("\n")[0]
    assert first.startswith("依据《测试样例节能法》第七十三条：")
    assert "处三万元以上五万元以下罚款。[1]" in first
    _numbers_verbatim(ans, "三万元以上五万元以下", "市场监督管理部门")
    _sentences_have_markers(ans.text)
    assert ans.citations[0].n == 1 and ans.citations[0].hit.locator == "第七十三条"
    assert "三万元以上五万元以下" in ans.citations[0].quote


def test_every_sentence_is_a_source_span():
    ans = answer("产品没有标注能效标识会被怎么处罚？", FakeSearcher([PENALTY, LABEL_DUTY]))
    sources = "".join(h.text for h in (PENALTY, LABEL_DUTY))
    for line in ans.text.split("\n"):
        body = re.sub(r"^(依据)?(《[^》]+》)?(第[一二三四五六七八九十百]+条)?：", "", line.strip())
        for s in split_sentences(body):
            s = MARKER_RE.sub("", s).strip().rstrip("：")
            if s:
                assert s in sources.replace("\n\n", ""), s
    assert verify(ans.text, [c.hit.text for c in ans.citations]).ok


def test_citations_only_used_and_in_order():
    ans = answer("产品没有标注能效标识会被怎么处罚？", FakeSearcher([PENALTY, LABEL_DUTY, DETENTION]))
    used = [int(m) for m in re.findall(r"\[(\d+)\]", ans.text)]
    first_use = list(dict.fromkeys(used))
    assert first_use == [c.n for c in ans.citations] == list(range(1, len(ans.citations) + 1))
    assert all(c.hit.doc_id != "d2" for c in ans.citations)  # the unrelated law is not cited


def test_list_intro_brings_its_items():
    ans = answer("企业有哪些行为会被公安机关拘留？拘留多久？", FakeSearcher([DETENTION, PENALTY]))
    assert not ans.abstained
    for item in ("（一）", "（二）", "（三）"):
        assert item in ans.text
    _numbers_verbatim(ans, "十日以上十五日以下", "五日以上十日以下", "公安机关")
    assert ans.text.startswith("依据《测试样例环境法》第六十三条：")
    _sentences_have_markers(ans.text)


def test_numeric_threshold_items():
    ans = answer("重点用能单位按多大的年能耗门槛划定？", FakeSearcher([KEY_UNITS, NATIONAL]))
    _numbers_verbatim(ans, "一万吨标准煤以上", "五千吨以上不满一万吨标准煤")
    assert ans.citations[0].hit.locator == "第五十二条"


def test_groups_by_document_national_and_local():
    ans = answer("测试样例市年耗能三千吨标准煤的单位要报能源利用状况报告吗？国家层面怎么规定的？",
                 FakeSearcher([LOCAL, NATIONAL]))
    assert not ans.abstained
    assert "《测试样例市实施〈测试样例节能法〉办法》（2019-11-27" in ans.text  # nested marks as GB/T 15834 sets them
    assert "《测试样例节能法》（2018-10-26，现行有效）" in ans.text
    assert {c.hit.doc_id for c in ans.citations} == {"d3", "d1"}
    _numbers_verbatim(ans, "二千吨以上不满一万吨标准煤", "区发展改革部门")


def test_compare_versions_says_which_is_which():
    ans = answer("新旧两部噪声法对“夜间”的界定有什么变化？", FakeSearcher([NEW_NIGHT, OLD_NIGHT]))
    assert not ans.abstained
    assert "（2021-12-24，现行有效）" in ans.text and "（2018-12-29，已废止）" in ans.text
    _numbers_verbatim(ans, "另行规定", "八小时")
    assert any("已废止" in w for w in ans.warnings)


def test_hard_wrapped_pdf_text_is_joined():
    paper = hit(0, "截至2022年9月，工信部累计发布绿色工厂评价\n\n行业标准 41 项、绿色设计产品标准 161 项，\n\n覆盖主要行业。", locator="1.1",
                title="测试样例综述", doc="p1", doc_type="论文/综述")
    ans = answer("截至2022年9月发布了多少项绿色工厂评价行业标准和绿色设计产品标准？", FakeSearcher([paper]))
    assert not ans.abstained
    assert "评价行业标准41项、绿色设计产品标准161项" in re.sub(r"\s+", "", ans.text)
    assert "\n\n" not in ans.text


def test_split_units_kinds():
    units = split_units(DETENTION.text)
    assert units[0].kind == "intro" and "情节较轻的" in units[0].text  # one sentence, up to its colon
    assert [u.kind for u in units[1:]] == ["item", "item", "item"]
    assert all(u.intro == 0 for u in units[1:])
    assert not units[0].text.startswith("第六十三条")


def test_question_types():
    def asks(q):
        return read_question(q).asks

    assert {"penalty"} <= asks("会受到什么处罚？")
    assert "numeric" in asks("最多能存放多长时间？")
    assert "who" in asks("由哪个部门核查？")
    assert "timeline" in asks("是从哪天开始实施的？")
    assert "list" in asks("有哪些情形？")


# ------------------------------------------------------------------ abstention, by kind


def _abstained(ans):
    assert ans.abstained
    assert ans.text.startswith(NO_BASIS)
    assert ans.citations == []
    assert ans.related  # the closest passages are shown, as related only


def test_abstain_on_document_not_in_kb():
    ans = answer("《测试样例绿色工厂评价通则》规定的一级指标有哪几个？", FakeSearcher([KEY_UNITS, NATIONAL]))
    _abstained(ans)
    assert "测试样例绿色工厂评价通则" in ans.text


def test_abstain_on_standard_number_not_in_kb():
    ans = answer("GB/T 99999 里的重点用能单位怎么划定？", FakeSearcher([KEY_UNITS]))
    _abstained(ans)


def test_abstain_on_place_not_covered():
    # the place appears nowhere
    _abstained(answer("测试省对新认定的重点用能单位给多少奖励资金？广东省有规定吗？", FakeSearcher([KEY_UNITS, NATIONAL])))
    # the place appears only in a passage about something else
    survey = hit(9, "（测试样例）前六批绿色工厂分布广泛，江苏、山东、广东、浙江数量较多。", locator="1.3", title="测试样例综述",
                 doc="p1", doc_type="论文/综述")
    _abstained(answer("广东省对新认定的省级绿色园区给多少奖励资金？", FakeSearcher([survey, KEY_UNITS])))


def test_place_with_local_document_is_answered():
    ans = answer("我们公司在测试样例市，年耗能二千吨以上，要报能源利用状况报告吗？", FakeSearcher([LOCAL, NATIONAL]))
    assert not ans.abstained


def test_abstain_on_topic_outside_kb():
    ans = answer("全国碳市场的碳价平均是多少元每吨？", FakeSearcher([PENALTY, KEY_UNITS]))
    _abstained(ans)


def test_abstain_on_year_not_covered():
    ans = answer("2031年重点用能单位的数量是多少？", FakeSearcher([KEY_UNITS, NATIONAL]))
    _abstained(ans)


def test_version_year_is_not_a_subject_year():
    assert read_question("2023年修订后的海洋环境保护法怎么规定？").subject_years == ()
    assert read_question("2023年的碳价是多少？").subject_years == ("2023",)


def test_abstain_when_nothing_retrieved():
    _abstained_no_related = answer("任何问题？", FakeSearcher([]))
    assert _abstained_no_related.abstained and not _abstained_no_related.citations


def test_paraphrased_question_is_not_abstained():
    # user words (冰箱, 上市) differ from the law's, the core terms still match
    ans = answer("我们生产的冰箱在能效标识目录里，上市时没有标注能效标识，会受到什么处罚？",
                 FakeSearcher([PENALTY, LABEL_DUTY]))
    assert not ans.abstained
    assert "三万元以上五万元以下" in ans.text


def test_empty_question():
    ans = answer("   ", FakeSearcher([PENALTY]))
    assert ans.abstained


def test_to_dict_shape():
    d = answer("产品没有标注能效标识会被怎么处罚？", FakeSearcher([PENALTY])).to_dict()
    assert set(d) >= {"question", "answer", "abstained", "mode", "warnings", "citations", "related"}
    assert d["citations"][0]["quote"]


def test_follow_up_uses_history():
    s = FakeSearcher([PENALTY])
    answer("那罚多少？", s, history=[{"role": "user", "content": "没有标注能效标识怎么办"}])
    assert "能效标识" in s.calls[0][0].text


@pytest.mark.parametrize("q", ["重点用能单位要报什么报告？", "报告交给哪个部门？"])
def test_no_markers_outside_sources(q):
    ans = answer(q, FakeSearcher([NATIONAL, LOCAL]))
    if not ans.abstained:
        assert max(int(m) for m in re.findall(r"\[(\d+)\]", ans.text)) == len(ans.citations)


def test_abstain_on_weak_dense_match_with_partial_coverage():
    # e5-style similarities: the best passage is far from the question and covers little of it
    weak = [SearchHit(**{**h.__dict__, "sources": {"bm25": 5.0, "dense": d}}) for h, d in ((KEY_UNITS, 0.87), (NATIONAL, 0.86))]
    _abstained(answer("国家级重点用能单位每年要复核一次吗？复核不通过会被摘牌吗？", FakeSearcher(weak)))
    strong = [SearchHit(**{**h.__dict__, "sources": {"bm25": 5.0, "dense": d}}) for h, d in ((KEY_UNITS, 0.93), (NATIONAL, 0.90))]
    assert not answer("重点用能单位按多大的年能耗门槛划定？", FakeSearcher(strong)).abstained


def test_local_rule_not_primary_for_national_question():
    ans = answer("重点用能单位每年要向哪个部门报送能源利用状况报告？", FakeSearcher([LOCAL, NATIONAL]))
    assert ans.citations[0].hit.doc_id == "d1"


def test_a_question_on_what_a_term_means_leads_with_its_definition():
    """The article that uses the term ranks first in search; the one that defines it answers."""
    uses = hit(0, "第三十一条 未取得示例认证合格证书的，不得开展产品质量检验工作；示例认证合格证书由示例部门颁发。",
               locator="第三十一条")
    defines = hit(1, "第五十六条 本细则下列用语的含义是：\n（一）示例器具是指能用以直接或间接测出被测对象量值的装置。\n"
                     "（二）示例认证是指示例部门对检验机构的能力进行的考核和证明。\n"
                     "（三）示例检定是指查明和确认示例器具是否符合法定要求的程序。", locator="第五十六条")
    ans = answer("示例认证具体指什么？它和示例检定是一回事吗？", FakeSearcher([uses, defines]))
    lead = min(ans.citations, key=lambda c: c.n)
    assert lead.hit.locator == "第五十六条" and "示例认证是指" in ans.text


@pytest.mark.parametrize("terms, text, about", [
    (("取水", "许可证"), "北京市重点用能单位应当报送能源利用状况报告。", False),
    # a piece of the place's own name (海市 of 上海市) is not a topic
    (("海市", "车辆", "通行"), "上海市新建民用建筑应当执行绿色建筑标准。", False),
    (("能源", "报告"), "北京市重点用能单位应当报送能源利用状况报告。", True),
])
def test_a_local_rule_is_about_the_question_only_through_its_topic(terms, text, about):
    from kb.answers.units import about_topic

    place = "上海" if "上海" in text else "北京"
    assert about_topic(terms, text, place) is about


def test_a_yes_no_answer_rests_on_the_passage_search_ranked_first():
    # 必须 and 适用 say yes or no as 应当 does: the lead stays on search's first passage
    must = hit(20, "第十五条 （测试样例）示例储备棉的入库、出库，必须经示例公证检验。", locator="第十五条")
    duty = hit(21, "第十条 （测试样例）承储示例储备棉的企业，应当建立入库、出库质量检查验收制度。", locator="第十条")
    scope = hit(22, "第二条 （测试样例）示例影剧院在日常业务范围内举办的活动，不适用本条例。", locator="第二条")
    permit = hit(23, "第十一条 （测试样例）举办示例大型活动，应当向公安机关申请安全许可。", locator="第十一条")
    for first, second, question in ((must, duty, "示例储备棉入库前必须做公证检验吗？"),
                                    (scope, permit, "示例影剧院日常演出，也要按本条例申请安全许可吗？")):
        first.sources = {"rerank": 1.0}
        ans = answer(question, FakeSearcher([first, second]))
        assert not ans.abstained and ans.citations[0].hit.locator == first.locator, ans.text
