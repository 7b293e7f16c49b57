"""kb.question: a question is read once into a ParsedQuestion (what is asked, which documents,
articles, places, years and versions, its topic, and what a follow-up leaves out).

Titles are of invented documents (测试样例) or generic law names; no real text is quoted."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from kb.question.aliases import AliasTable
from kb.question.follow_up import follow_up_context, is_follow_up, named_documents
from kb.question.kinds import Ask
from kb.question.reading import read_question


def _doc(doc_id: str, title: str):
    return SimpleNamespace(doc_id=doc_id, title=title)


@pytest.fixture(scope="module")
def aliases() -> AliasTable:
    return AliasTable.build([
        _doc("a", "中华人民共和国节约能源法"),
        _doc("b", "中华人民共和国大气污染防治法"),
        _doc("c", "示例市节能监察办法（测试样例）"),
        _doc("d", "北京市实施《中华人民共和国节约能源法》办法"),
    ])


# ------------------------------------------------------------------ what is asked
@pytest.mark.parametrize("question, kinds", [
    ("没有标注能效标识会被罚多少钱？", {Ask.PENALTY, Ask.AMOUNT, Ask.NUMERIC}),
    ("由哪个部门负责核查？", {Ask.WHO}),
    ("这部法律是从哪天开始实施的？", {Ask.TIMELINE}),
    ("收到通知后多久之内要整改完？", {Ask.DEADLINE, Ask.NUMERIC}),
    ("重点用能单位有哪些义务？", {Ask.LIST}),
    ("这份通知现在还有效吗？", {Ask.STATUS, Ask.YESNO}),
    ("2023年修订后的示例法在罚款上比2017年版严了多少？", {Ask.CHANGE, Ask.COMPARE, Ask.PENALTY}),
    ("法律里说的“夜间”是指什么时间？", {Ask.DEFINITION}),
    ("法律上的示例湿地包不包括浅海？", {Ask.DEFINITION}),
    # the consequence of a conduct, asked without 罚
    ("示例项目的设施没验收就投产了，会被怎么处理？", {Ask.PENALTY}),
    ("把许可证转给别人用，会有什么后果？", {Ask.PENALTY}),
    ("有人在线路走廊里盖房子，由谁来处理？", {Ask.PENALTY, Ask.WHO}),
    ("工人没培训就被安排上岗，企业会受到什么处理？", {Ask.PENALTY}),
    ("外国摄制组没经过批准就在保护区拍珍禽，怎么处理？", {Ask.PENALTY}),
    ("What happens if someone drives a scrapped car on the road?", {Ask.PENALTY}),
    ("用人单位一直没给职工参加工伤保险，社保部门可以怎么处理？", {Ask.PENALTY}),
    # yes or no asked in everyday words
    ("想抽那种几乎补不回来的深层地下水，行不行？", {Ask.YESNO}),
    ("在河边搭个棚子卖东西，合不合法？", {Ask.YESNO}),
    # English questions are read through the Chinese words for what they ask
    ("How soon must an accident be reported to the county authority?", {Ask.DEADLINE}),
    ("Which authority approves a water abstraction permit?", {Ask.WHO}),
    ("Who approves a water abstraction permit, and to whom is the report sent?", {Ask.WHO}),
    ("由哪几个部门联合发布？", {Ask.WHO}),
    ("What is the fine for discharging pollutants without a permit?", {Ask.PENALTY, Ask.AMOUNT}),
    ("Must a company keep its energy records, and for how many years?", {Ask.YESNO, Ask.NUMERIC}),
])
def test_what_is_asked(question, kinds):
    assert kinds <= read_question(question).asks


@pytest.mark.parametrize("question, not_asked", [
    ("新法施行以后，以前那部法律怎么处理了？", Ask.PENALTY),  # what became of a repealed law
    ("重大事故由谁组织调查处理？", Ask.PENALTY),  # 调查处理 is an investigation, not a sanction
    ("报废车辆的号牌怎么处理？", Ask.PENALTY),  # a procedure
    ("示例污水处理厂的污泥受到什么处理才能填埋？", Ask.PENALTY),  # a treatment, not a sanction
    ("When a permit is renewed, which documents are filed?", Ask.TIMELINE),  # a clause, not a date
    ("Is the report filed with the county authority?", Ask.PENALTY),
    ("How do you define hazardous waste?", Ask.PENALTY),  # 'fine' inside 'define' is no fine
    ("What happens to bidders who collude on their prices?", Ask.WHO),  # a relative 'who' asks no one
    ("统计上的工资总额由哪几部分构成？", Ask.WHO),  # what a sum is made of
    ("示例条例施行后，哪个旧规定被废止了？", Ask.STATUS),  # what it repealed, not whether it is in force
    ("想抽那种几乎补不回来的深层地下水，行不行？", Ask.NUMERIC),  # 几乎 (almost) counts nothing
    # 实施的 names a measure here, not when something took effect
    ("示例部门对清单以外的物项实施的临时管制，最多可以延长几次？", Ask.TIMELINE),
    # the penalty rules named as where to look: whether a conduct counts as fraud is asked
    ("谎报用料，在示例消费者权益的处罚规定里算不算欺诈？", Ask.PENALTY),
    # whether something may ground a penalty (a rule on evidence), not the penalty for a conduct
    ("我们如实报了普查数据，示例部门会不会拿这些数据来处罚我们？", Ask.PENALTY),
])
def test_what_is_not_asked(question, not_asked):
    assert not_asked not in read_question(question).asks


def test_penalty_rules_named_as_a_place_do_not_set_the_consequence_focus():
    assert "consequence" not in read_question("谎报用料，在示例消费者权益的处罚规定里算不算欺诈？").focus
    assert "consequence" in read_question("按示例处罚规定，谎报用料会被罚多少？").focus


@pytest.mark.parametrize("question", [
    "在室内场馆里表演，要遵守这部示例条例吗？",
    "示例水库的游船也要按游船管理条例管吗？",
    "银行利率也受示例价格法管吗？",
    "羊毛的质量监督按什么规矩管？",
    "农民自己盖房要不要按示例建筑法办施工许可？",
])
def test_whether_a_text_governs_a_case_is_a_scope_question(question):
    assert "scope" in read_question(question).focus


@pytest.mark.parametrize("question", [
    "示例条例生效后原来哪部规定就不再适用了？",
    "示例条例要求企业遵守哪些规定？",
])
def test_not_a_scope_question(question):
    assert "scope" not in read_question(question).focus


@pytest.mark.parametrize("question, documents", [
    ("Under China's Energy Conservation Law, who checks the energy audits?", ("节约能源法",)),
    ("What do the energy conservation law's rules say about audits?", ("节约能源法",)),
    # no indexed title is covered by the name: a law on another part of the subject is not it
    ("Under the Water Law, who issues abstraction permits?", ()),
    ("Under the law, who issues permits?", ()),
])
def test_an_english_question_names_an_indexed_document(aliases, question, documents):
    assert read_question(question, aliases).documents == documents


def test_an_english_question_gets_the_documents_words():
    pq = read_question("How often must a company that stores hazardous chemicals commission a safety assessment?")
    assert {"危险化学品", "安全评价"} <= set(pq.legal_terms) and "危险化学品" in pq.lexical_text
    assert all(not t.isascii() for t in pq.terms)  # its topical terms are the Chinese words
    assert "mining" not in pq.lexical_text or "矿" in pq.lexical_text


@pytest.mark.parametrize("question, words", [
    ("How is the resource compensation fee worked out?", {"计算"}),
    ("Who draws up the catalogue of goods that must be inspected?", {"目录"}),
    ("Can I ask to deal with it later while I am abroad?", {"延期"}),
    ("What is the maximum intensity of selective cutting, and what canopy density must the stand keep?",
     {"择伐", "郁闭度"}),
    ("What is the fine for illegally felling an ancient tree?", {"古树名木", "采伐"}),
    ("What penalty does a publisher face for forging a map approval number?", {"伪造"}),
    ("When was the Vehicle Purchase Tax Law adopted?", {"车辆购置税"}),
    ("When was the Customs Law first adopted?", {"海关"}),
    ("Which goods are exempt from customs duty?", {"关税", "免征"}),
    ("What happens to bidders who collude on their prices?", {"投标人", "串通"}),
    ("What if a platform does not check and register the identity of its merchants?", {"核验", "身份"}),
    ("How much CO2 does one unit of the allowance stand for?", {"二氧化碳", "相当于", "配额"}),
    ("How large was the manufacturing value added in 2021?", {"制造业", "增加值"}),
])
def test_an_english_question_gets_the_words_for_what_it_is_about(question, words):
    assert words <= set(read_question(question).legal_terms)


def test_an_english_question_asks_when_a_law_was_adopted():
    assert "adopted" in read_question("When was the Example Law adopted, and when did it take effect?").focus
    assert "adopted" not in read_question("What measures must be adopted after a spill?").focus


@pytest.mark.parametrize("question, figure", [
    ("What is the minimum registered capital required to set up a customs declaration company?", "amount"),
    ("What is the highest usage compensation coefficient a consumer can be charged?", ""),
])
def test_an_english_question_asking_a_least_or_greatest_sum(question, figure):
    assert read_question(question).figure == figure


def test_counting_extensions_is_not_counting_revisions():
    assert not read_question("临时管制最多可以延长几次？").document_dates
    assert read_question("现行的示例法修改过几次？").document_dates


def test_a_date_question_is_not_a_change_question():
    pq = read_question("2023年修订后的示例法是从什么时候开始执行的？")
    assert Ask.CHANGE not in pq.asks and Ask.TIMELINE in pq.asks and pq.document_dates


def test_penalty_question_keeps_the_conduct():
    pq = read_question("企业没有按规定报送能源利用状况报告，会受到什么处罚？")
    assert "没有按规定报送能源利用状况报告" in pq.conduct
    assert "处罚" not in pq.conduct
    assert read_question("报送期限是多久？").conduct == ""


# ------------------------------------------------------------------ documents named
def test_documents_are_indexed_titles_by_title_or_short_name(aliases):
    assert read_question("节能法第53条怎么规定", aliases).documents == ("节约能源法",)
    assert read_question("《大气污染防治法》第十条", aliases).documents == ("大气污染防治法",)
    assert read_question("北京市实施《节约能源法》办法第二十四条", aliases).documents == ("北京市实施节约能源法办法",)


def test_a_bracketed_name_no_indexed_document_carries_is_unindexed(aliases):
    pq = read_question("《示例省绿色工厂管理办法》规定了哪些条件？", aliases)
    assert pq.named == ("示例省绿色工厂管理办法",)
    assert pq.unindexed == ("示例省绿色工厂管理办法",) and pq.documents == ()
    # without a catalog nothing is known to be missing
    assert read_question("《示例省绿色工厂管理办法》规定了哪些条件？").unindexed == ()


def test_articles_regions_years_and_versions(aliases):
    pq = read_question("节能法第53条和第五十四条", aliases)
    assert pq.articles == ("第五十三条", "第五十四条")
    assert read_question("第１０５条之1").articles == ("第一百零五条之一",)
    pq = read_question("2017年版的大气法第十条", aliases)
    assert pq.years == (2017,) and pq.version_years == ("2017",) and pq.subject_years == ()
    assert pq.other_versions
    assert read_question("2023年的碳价是多少？").subject_years == ("2023",)
    assert read_question("旧的噪声法怎么规定").wants_old
    assert not read_question("噪声法怎么规定").wants_old
    assert read_question("广东省的企业要报送什么？").regions == ("广东",)
    assert read_question("GB/T 36132 还有效吗").standards == ("36132",)


def test_traditional_and_full_width_questions_read_the_same(aliases):
    a = read_question("節約能源法第５３條規定了什麼", aliases)
    b = read_question("节约能源法第53条规定了什么", aliases)
    assert (a.text, a.documents, a.articles) == (b.text, b.documents, b.articles)


def test_english_question_is_marked(aliases):
    assert read_question("What must key energy-using units report each year?").language == "en"
    assert read_question("重点用能单位要报送什么？").language == "zh"


def test_terms_leave_out_question_framing():
    terms = read_question("2023年修订后的示例法里，重点用能单位具体要报送哪些材料？").terms
    assert "重点用能单位" in terms and "报送" in terms
    assert not {"具体", "哪些", "修订"} & set(terms)


# ------------------------------------------------------------------ follow-ups
TITLES = ["中华人民共和国节约能源法", "示例市节能监察办法（测试样例）"]


def test_named_documents():
    assert named_documents("我们单位每年能耗一万多吨标准煤，每年要向节能主管部门报送什么材料？", TITLES) == []
    assert named_documents("节约能源法第五十三条规定了什么", TITLES) == ["节约能源法"]
    assert named_documents("根据《节约能源法》", TITLES) == ["《节约能源法》"]
    assert named_documents("示例市节能监察办法要求什么", TITLES) == ["示例市节能监察办法"]
    assert named_documents("清洁生产促进法第八条说了什么") == ["清洁生产促进法"]
    assert named_documents("有什么办法可以节能") == []


def _context(question, history, titles=TITLES):
    found = follow_up_context(question, history, titles)
    return found.context if found else None


def test_follow_up_takes_the_previous_document_and_article():
    history = [
        {"role": "user", "content": "节约能源法第五十三条要求报送什么？"},
        {"role": "assistant", "content": "……", "cited": [("中华人民共和国节约能源法", "第五十三条")]},
    ]
    assert _context("那罚款是多少？", history) == "节约能源法第五十三条"
    assert _context("第八十二条呢？", history) == "节约能源法"  # its own article wins


def test_follow_up_uses_citations_when_the_question_named_nothing():
    history = [
        {"role": "user", "content": "我们单位每年能耗一万多吨标准煤，每年要向节能主管部门报送什么材料？"},
        {"role": "assistant", "content": "……", "cited": [("中华人民共和国节约能源法", "第五十三条")]},
    ]
    assert _context("那罚款是多少？", history) == "《中华人民共和国节约能源法》第五十三条"
    assert _context("第八十二条呢？", history) == "《中华人民共和国节约能源法》"


def test_follow_up_chains_and_leaves_other_questions_alone():
    history = [
        {"role": "user", "content": "示例市节能监察办法第三条要求什么？"},
        {"role": "assistant", "content": "……", "cited": []},
        {"role": "user", "content": "那罚款是多少？", "query": "示例市节能监察办法第三条 那罚款是多少？"},
        {"role": "assistant", "content": "……", "cited": []},
    ]
    assert _context("逾期呢？", history) == "示例市节能监察办法第三条"
    assert _context("节约能源法的罚款呢？", history) is None  # names its own document
    long_q = "工业企业开展清洁生产审核需要满足哪些条件，审核报告应当包括哪些主要内容？"
    assert _context(long_q, history) is None
    assert _context("那罚款是多少？", []) is None
    assert _context("那罚款是多少？", None) is None


def test_follow_up_without_a_document_borrows_the_previous_question():
    history = [{"role": "user", "content": "工业企业开展清洁生产审核需要满足哪些条件？"},
               {"role": "assistant", "content": "……"}]
    found = follow_up_context("那费用谁出？", history, TITLES)
    assert found is not None and found.source == "previous" and found.context == history[0]["content"]


def test_a_follow_up_is_read_with_its_context(aliases):
    history = [{"role": "user", "content": "节能法第五十三条要求报送什么？"}, {"role": "assistant", "content": "……"}]
    pq = read_question("那罚款是多少？", aliases, history)
    assert pq.raw == "那罚款是多少？"
    assert pq.follow_up is not None and pq.documents == ("节约能源法",) and pq.articles == ("第五十三条",)
    assert Ask.PENALTY in pq.asks


def test_is_follow_up():
    assert is_follow_up("那罚款是多少？")
    assert is_follow_up("该条的适用范围包括哪些单位和个人，有没有例外情况，需要注意什么")
    assert not is_follow_up("工业企业开展清洁生产审核需要满足哪些条件，审核报告应当包括哪些主要内容？")


@pytest.mark.parametrize("question", ["什么是绿色工厂？", "重点用能单位要报送什么？", "危险废物能不能出口？"])
def test_a_short_question_with_its_own_subject_stands_alone(question):
    history = [{"role": "user", "content": "节约能源法第五十三条要求报送什么？"}, {"role": "assistant", "content": "……"}]
    assert not is_follow_up(question)
    assert follow_up_context(question, history, TITLES) is None


@pytest.mark.parametrize("question", ["罚款是多少？", "期限是多久？", "有没有例外？", "危险废物呢？", "还要备案吗？"])
def test_a_question_without_a_subject_or_pointing_back_follows_up(question):
    assert is_follow_up(question)


def test_a_recipient_named_with_zhuguan_is_not_a_who_question():
    from kb.question.kinds import Ask
    from kb.question.reading import read_question

    assert Ask.WHO not in read_question("我们每年要向示例节能主管部门报送什么材料？").asks  # asks what
    for q in ("示例审查的主管部门是哪个？", "示例许可由谁主管？", "示例审查归哪个部门主管？"):
        assert Ask.WHO in read_question(q).asks, q


# ------------------------------------------------------------------ what a named document says
@pytest.mark.parametrize("question, asks_content", [
    ("《示例节水目录（测试样例）》规定了哪些器具？", True),
    ("按照《示例节水目录（测试样例）》，哪些器具要淘汰？", True),
    ("《示例节水目录（测试样例）》推荐了哪些型号？", True),
    ("《示例节水目录（测试样例）》一共列了几类器具？", True),
    ("《示例节水规划（测试样例）》定的2025年目标是多少？", True),
    ("《示例节水目录（测试样例）》是哪年发布的？", False),  # a fact about it, which another text may report
    ("《示例节水目录（测试样例）》由哪个部门制定？", False),
])
def test_content_of_a_named_document(aliases, question, asks_content):
    pq = read_question(question, aliases)
    assert pq.unindexed and (pq.content_of == pq.unindexed) is asks_content


@pytest.mark.parametrize("question, penalty", [
    ("重点排污单位不公开排放信息会怎样？", True),  # what befalls a conduct not done
    ("如果企业没装监测设备，会怎样？", True),
    ("擅自拆除防治污染设施会怎么样？", True),
    ("碳市场未来会怎样？", False),  # 未来 is no conduct left undone
    ("申请排污许可证的流程会怎样？", False),
    ("指标归谁审查？审查不过会怎样？", False),  # the second of two questions follows the first's rule
])
def test_what_happens_after_a_conduct_is_its_penalty(question, penalty):
    pq = read_question(question)
    assert (Ask.PENALTY in pq.asks) is penalty
    assert ("会受到什么处罚" in pq.text) is penalty


@pytest.mark.parametrize("question, figure, unit", [
    ("每吨产品能拿多少吨配额？", "quantity", "吨"),
    ("一共查出多少个污染源？", "quantity", "个|人|名|家|项|种|类|座|台|户"),  # 个 counts anything
    ("检查人员最少要来多少个？", "quantity", "个|人|名|家|项|种|类|座|台|户"),
    # 几 with a measure word is read only for people and at the end of the clause that asks:
    # 几个游客开着车… tells how many (a count in the closing clause once refused a dev11 question
    # whose lead did not count people; the lead now prefers a passage that does)
    ("至少要配几名技术人员？", "quantity", "名|人"),
    ("森林防火期是每年几月到几月？", "month", ""),  # months of the year (每年6月 answers them)
    ("节能宣传周放在几月份？", "month", ""),
    ("照管人员最低要多少岁？", "quantity", "岁|周岁"),
    ("是每季度报一次还是每年报一次？", "period", ""),  # a choice of frequencies
    ("生鲜乳的国家标准编号是多少？", "", ""),  # a standard's number, not a quantity (standard_number)
    ("贷款利率和保险费率也受价格法管吗？", "", ""),  # a yes/no question naming a rate asks none
    ("刚挤的奶要在多长时间内降到多少度？", "period", ""),  # the time, in any unit of time
    ("电费每千瓦时多少钱？能不能分期？", "amount", ""),  # 多少 asks, whatever else is yes/no
    ("至少得提前几天通知？", "period", "天|日|个?工作日"),  # 5个工作日 answers 几天
    ("罚多少钱？", "amount", ""),  # money is already a unit of its own
    ("电价附加每千瓦时征收几分钱？", "amount", ""),
    ("最晚几月几号之前要清缴完？", "date", ""),  # a day of the calendar, not a period (几日)
    ("最迟哪天要交？", "date", ""),
    ("品名表一共列了多少种产品？", "quantity", "种"),
    ("哪几类企业要先办许可证？", "", ""),  # which kinds: a list, not a count
    ("一次最多能买多少升？", "quantity", "升"),
    ("减供负荷达到百分之多少算重大事故？", "quantity", "百分之"),  # a share: 百分之三十, 30%
    # a comma ends a clause (the question is read with half-width punctuation): 处罚 is no fine asked
    ("对示例部门的处罚不服，多少天内能申请复议？", "period", "天|日|个?工作日"),
    ("核准机关多少个工作日内要给结论？", "period", "个?工作日"),
    ("没休的那几天该怎么补钱？", "", ""),  # 那几天: days referred to, not a period asked
    ("大型活动的安全等级一共分几级？", "quantity", "个?(?:级|类|种|档|等级|级别|档次|阶段|步)"),
    ("What is the contribution rate per tonne of oil?", "levy", ""),  # read through its gloss
    ("What is the emission limit in mg/m3 for kilns?", "quantity", "毫克|mg"),
    ("违法填海的，罚款怎么算？", "levy", ""),  # how the fine is worked out: a sum or a multiple
    ("无证生产，罚款是货值的多少倍？", "quantity", "倍"),  # a multiple, not a sum in 元
    ("外围保护地带一般要划多宽？", "quantity", ""),  # a measure
    ("库房温度和湿度要控制在什么范围？", "quantity", ""),
    ("森林植被恢复费每平方米收多少？", "amount", ""),  # a price per unit
    ("普查一共登记了多少株古树？", "quantity", "株|棵"),
    ("转卖给几家企业用，会被怎么处罚？", "", ""),  # a count that only describes
    ("How many ancient trees did the last census record?", "quantity", "株|棵"),
    ("What is the average farmland occupation tax per square metre set for Guangdong?", "levy", ""),
    # a sum named as a condition (谈好赔偿金额后) is not asked: the time after it is
    ("谈好赔偿金额后多久要付钱？", "period", ""),
    ("赔偿金额是多少？", "amount", ""),
    ("What per-mu subsidy does the state pay for drip irrigation?", "amount", ""),
    ("Can I deal with it later, and how much later at most?", "period", ""),
    ("How far, in metres, must a building be kept from a weather station?", "quantity", "米"),
    ("近海作业的渔船多久要做一次营运检验？", "frequency", ""),  # an interval, not a deadline
    ("几年要做一次安全评价？", "frequency", ""),
    ("多久之内要报告？", "period", ""),
    # a proportion asked is a share, which only 百分之… / …% / 三分之一 states
    ("设计费按工程投资额的多少比例收取？", "quantity", "百分之"),
    ("外方和中方的分成比例是多少？", "quantity", "百分之"),
    # how many days, whatever the fine the question is about: a period, not the fine's sum
    ("If I disagree with a fine, within how many days can I apply for reconsideration?", "period", "天|日|个?工作日"),
    ("How much land compensation per mu is paid for farmland taken by a reservoir?", "amount", ""),
    ("How many years of protection does a registered design enjoy?", "period", "年"),  # not days
    ("引航费按什么标准收？", "levy", ""),  # the fee's standard: its sum or rate
    ("渔业资源费一年收多少？", "levy", ""),  # a fee may be a share of the output (3%至5%)
    ("安保区具体圈多大，由谁来划定？", "", ""),  # who draws it, not how big
])
def test_the_unit_a_figure_is_asked_in(question, figure, unit):
    pq = read_question(question)
    assert (pq.figure, pq.figure_unit) == (figure, unit)


@pytest.mark.parametrize("passage, states_it", [
    ("本法自2019年1月1日起施行。", True),
    ("本条例自公布之日起施行。", True),
    ("2024年1月25日示例机关令第1号公布 自2024年5月1日起施行", True),
    ("对本法施行前已经设立的示例矿区，应当参照本法的规定完善管理。", False),  # 施行, but no date
    ("本法施行后，不再新建示例矿区。", False),
])
def test_a_passage_states_when_it_takes_effect(passage, states_it):
    from kb.question.kinds import FOCUS_SOURCE

    assert bool(FOCUS_SOURCE["effective"].search(passage)) is states_it


def test_a_plan_named_with_shishi_is_not_a_question_about_when_it_applies():
    assert "effective" not in read_question("示例市工业领域碳达峰实施方案要求2027年能耗下降多少？").focus
    assert "effective" in read_question("这个方案从哪天开始实施？").focus


@pytest.mark.parametrize("question, asks_content", [
    ("示例目录里一共有多少类产品？", True),
    ("电动车在不在示例认证目录里？", True),
    ("这种废物有没有列入示例名录？", True),
    ("最近一次公布的示例淘汰设备目录里，哪些设备被淘汰了？", True),
    ("示例目录由谁制定，哪些部门参加？", False),  # a comma ends what the catalogue is said to hold
    ("示例名录由谁来制定？", False),  # who makes it
    ("列入示例目录的产品没认证就卖了，罚多少？", False),  # what happens to what is in it
    ("苯是不是列在示例高毒物品目录里？", True),
    ("锂电池是否属于示例检验商品目录？", True),
    ("示例禁用药品目录里，有没有克伦特罗？", True),
    ("草地贪夜蛾算不算在示例一类病虫害名录中？", True),
])
def test_a_question_about_what_a_catalogue_holds(question, asks_content):
    assert read_question(question).catalogue_content is asks_content


@pytest.mark.parametrize("question, unindexed", [
    ("示例海域使用法对填海项目的海域使用金是怎么规定的？", ("示例海域使用法",)),  # named without 《》
    ("按照示例海域管理条例规定，用海要交什么钱？", ("示例海域管理条例",)),
    ("节约能源法对重点用能单位有什么要求？", ()),  # indexed
    ("污染防治法里说的大气污染物包括什么？", ()),  # a short name of the indexed 大气污染防治法
    ("新旧两部节能法对重点用能单位的要求有什么变化？", ()),  # the tail, 节能法, is indexed
    ("依法办事的方法对企业有什么要求？", ()),  # not a title
    ("没按预案维护器材，按示例突发事件法要罚多少钱？", ("示例突发事件法",)),  # what it fines is its content
    ("按大气防治法要罚多少钱？", ()),  # a short name of 大气污染防治法: its characters, in order
])
def test_a_law_named_without_brackets(aliases, question, unindexed):
    pq = read_question(question, aliases)
    assert pq.unindexed == unindexed
    assert set(unindexed) <= set(pq.content_of)


@pytest.mark.parametrize("question, details", [
    ("示例审核具体分几个阶段？", True),
    ("示例电价分几步实施、怎么操作？", True),
    ("取水每立方米征多少钱？", True),
    ("示例审核办法由谁制定？", False),  # who makes the rules
    ("示例审核要提交哪些材料？", False),
])
def test_a_question_after_the_working_details_of_a_rule(question, details):
    assert read_question(question).details is details


@pytest.mark.parametrize("question, places", [
    ("上海市对危险货物车辆进城的通行时段是怎么规定的？", ("上海",)),
    ("广东省对楼道里给电动车充电的罚款标准是多少？", ("广东",)),
    ("浙江省2025年印发的节水通知要求下降多少？", ("浙江",)),
    ("江苏的实施办法里怎么说？", ("江苏",)),
    ("江苏省根据示例条例制定的实施办法对超量排污罚多少？", ("江苏",)),
    ("江苏一家化工厂制定的应急预案要报给谁？", ()),
    ("我在广东东莞开了家注塑厂，停电要提前几天通知？", ()),  # where the asker is, not who rules
    ("江苏一家化工厂出了事故要报到哪一级？", ()),
    ("浙江省有没有决定把城市里的古树提升为一级保护？", ("浙江",)),  # what the place itself decided
])
def test_a_place_asked_about_as_the_maker_of_a_rule(question, places):
    assert read_question(question).local_rules == places


@pytest.mark.parametrize("question, years", [
    ("How many vehicles were recalled in China in 2023?", ("2023",)),
    ("What did the 2018 amendment change?", ()),
    ("Under the law amended in 2018, who approves a permit?", ()),
    ("What were the 2024 figures for accidents?", ("2024",)),
    ("How much water did the South-to-North Water Diversion deliver in 2023?", ("2023",)),  # not "version"
])
def test_the_years_an_english_question_is_about(question, years):
    assert read_question(question).subject_years == years


@pytest.mark.parametrize("question, described", [
    ("示例省2026年度节能监察工作通知要求几月前报送工作总结？", [("示例省", "2026", {"节能", "能监", "监察"})]),
    ("工信部2024年公布的那批示例工厂名单里有哪些企业？", [("", "2024", {"示例", "例工", "工厂"})]),
    ("示例市2022年发的那份开展清洁生产审核的通知现在还能用吗？",
     [("示例市", "2022", {"清洁", "洁生", "生产", "产审", "审核"})]),
    ("2025年示例省的单位产品能耗下降了多少？", []),  # a year, but no document of a kind
    ("《示例节能法》2018年修订后罚多少？", []),
])
def test_documents_described_without_brackets(question, described):
    pq = read_question(question)
    assert [(d.place, d.year, set(d.topic)) for d in pq.described] == described


@pytest.mark.parametrize("question, regions", [
    ("拆船厂能不能把旧船冲上海滩来拆？", ()),
    ("复合肥生产要办什么许可？", ()),
    ("入海口附近能不能建化工厂？", ()),
    ("把东西藏在仓库里算不算隐匿证据？", ()),
    ("整改完成都要报给谁？", ()),
    ("黄河南岸的企业取水找谁批？", ()),
    ("上海市对危险废物怎么规定？", ("上海",)),
    ("西安和成都的企业都要报吗？", ("成都", "西安")),
    ("海口市的污水处理费是多少？", ("海口",)),
])
def test_places_named_and_words_that_only_hold_a_name(question, regions):
    assert sorted(read_question(question).regions) == sorted(regions)


@pytest.mark.parametrize("question, dates", [
    ("2025年示例市印发的污染防治措施废止了哪些文件？", False),  # the date describes the document
    ("示例市2025年发布的通知要求企业做什么？", False),
    ("这份通知是哪天印发的？", True),
    ("2023年公布的示例条例是什么时候施行的？", True),
    ("示例节能法是哪年通过的？", True),
])
def test_a_date_that_describes_the_document_is_not_asked(question, dates):
    pq = read_question(question)
    assert pq.document_dates is dates and (Ask.TIMELINE in pq.asks) is dates


@pytest.mark.parametrize("question, subject, version", [
    ("示例节能法2018年修改了什么？", (), ("2018",)),  # the year of a revision, not a year asked about
    ("示例条例2016年那次修改改了哪些内容？", (), ()),
    ("2023年全国一共有多少家示例单位？", ("2023",), ()),
])
def test_the_year_of_a_revision_is_not_a_year_asked_about(question, subject, version):
    pq = read_question(question)
    assert pq.subject_years == subject and pq.version_years == version


@pytest.mark.parametrize("question, duty", [
    ("大型活动的承办者是不是必须给观众买公众责任险？", "给观众买公众责任险"),
    ("开饭店必须装油烟在线监控吗？", "装油烟在线监控"),
    ("企业有没有义务每年发布报告？", "每年发布报告"),
    ("小作坊要不要办许可证，去哪办？", "办许可证"),  # the duty, up to the next clause
    ("许可证由谁发放？", ""),  # not a yes/no question about a duty
    ("普通企业是不是每年都必须发布报告？", "发布报告"),  # a few words between 是不是 and 必须
    ("这类企业是否也要办许可证？", "办许可证"),
])
def test_the_duty_a_yes_no_question_asks_about(question, duty):
    assert read_question(question).duty == duty


@pytest.mark.parametrize("question, conduct", [
    ("示例孩子自己放飞无人机，旁边没有大人，罚谁？罚多少？", "示例孩子自己放飞无人机 旁边没有大人"),
    ("包工头把工人的工资卡收走保管，人社部门会怎么处理？", "包工头把工人的工资卡收走保管"),
    ("私家车不停车等候直接超车，罚多少钱？扣几分？", "私家车不停车等候直接超车"),
    ("没有许可证就用探伤机，还没赚到钱，会怎么处罚？", "没有许可证就用探伤机 还没赚到钱"),  # a condition stays
])
def test_clauses_that_only_ask_are_no_part_of_the_conduct(question, conduct):
    assert read_question(question).conduct == conduct


@pytest.mark.parametrize("question, figure, advance", [
    ("追溯编码制度要在哪一年全部实施？", "year", False),  # a year of a measure
    ("示例节能条例是哪一年发布的？", "", False),  # a document's own date: its header answers
    ("许可证到期想延续，要提前多少天申请？", "period", True),  # a lead time
    ("受理以后多少天内给答复？", "period", False),
    # a rule about rates asks no figure; a rate asked of it does
    ("两批货都设了临时税率时，适用规则有什么不同？", "", False),
    ("两批货都设了临时税率时，各按多少税率交？", "levy", False),
])
def test_a_year_or_a_lead_time_asked(question, figure, advance):
    pq = read_question(question)
    assert (pq.figure, pq.advance) == (figure, advance)


def test_a_law_named_in_english_by_its_subject():
    from kb.question.english import documents, gloss
    titles = ["就业促进法", "清洁生产促进法", "劳动法"]
    assert documents("When was the Employment Promotion Law adopted?", titles) == ["就业促进法"]
    assert documents("When was the Law on the State-Owned Assets of Enterprises adopted?",
                     ["企业国有资产法", "企业所得税法"]) == ["企业国有资产法"]
    # since when it has been in force asks a date; whether it still is asks its status
    assert "还有效" not in gloss("From what date has the law been in force?")[0]
    assert "还有效" in gloss("Is the law still in force?")[0]


def test_an_english_question_counting_hours_asks_a_figure_in_hours():
    """'How many hours of training' is answered only by a number of hours (多少小时), not by a
    period of years the same article states."""
    pq = read_question("How many hours of training must a licensed appraiser complete each year?")
    assert pq.figure == "period" and "小时" in pq.figure_unit
