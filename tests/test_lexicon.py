"""The everyday-word lexicon (kb.question.lexicon), as a table of examples.

Each row of ASKED is an everyday question (invented for this test) and legal words the lexicon
must add for it. Each row of NOT_MEANT is a text where a short key sits inside a longer, different
word, and legal words the lexicon must not add. The last tests state the rules of the tables.
"""
from __future__ import annotations

import pytest

from kb.question.lexicon import GROUPS, LEXICON, NOT_INSIDE, SHORT_KEYS, legal_words

ASKED: list[tuple[str, tuple[str, ...]]] = [
    ("老板被环保局罚多少", ("主要负责人", "生态环境主管部门", "罚款")),
    ("厂里叉车没登记就开了", ("特种设备", "未办理登记")),
    ("有人偷电会怎么罚", ("窃电", "罚款")),
    ("在自家产品上印别人的专利号冒充专利产品", ("假冒专利",)),
    ("危废乱倒被发现了", ("危险废物", "倾倒")),
    ("环保税谁来收", ("环境保护税",)),
    ("锅炉归哪个部门管", ("特种设备",)),
    ("晚上噪音扰民找谁", ("噪声", "干扰他人正常生活")),
    ("供电局能不能随便停电", ("供电企业",)),
    ("员工出事了老板要担什么责任", ("从业人员", "发生事故", "主要负责人")),
    ("执法人员来查，法人要不要到场", ("主要负责人", "法定代表人")),  # the second 法人 is still found
    ("带着鞭炮坐公交车会怎么罚", ("烟花爆竹", "公共交通工具")),
    ("厂长不让查，消防队能怎么办", ("主要负责人", "拒绝", "监督检查", "消防救援机构")),
    ("有人动了电表偷偷用电", ("电能计量装置", "擅自")),
    ("车间垃圾和废机油怎么处理", ("生产经营场所", "固体废物", "废矿物油")),
    ("没环评就未批先建，会被关停吗", ("未依法进行环境影响评价", "擅自开工建设", "责令关闭")),
    ("污水超标排到下水道", ("废水", "排放标准", "排水管网")),
    ("对罚单不服怎么办", ("行政处罚决定", "申请行政复议")),
    ("车间起火，灭火器和逃生通道都堵了", ("火灾", "消防器材", "疏散通道", "占用")),
    ("有人在河里挖沙、砍树开荒", ("采砂", "采伐", "开垦")),
    ("供电公司突然拉闸停电", ("供电企业", "中断供电")),
    ("网店卖假货涨价", ("电子商务经营者", "假冒", "提高价格")),
    ("邻村有人偷砍集体林子的树", ("盗伐",)),
    ("山上有人乱砍树", ("滥伐",)),
    ("小作坊把线绕过电表接电用", ("绕越", "用电计量装置")),
    ("把车间整个包给外面的施工队", ("发包", "承包")),
    ("公司把资质证书借给包工头挂靠", ("出借",)),
    ("想把老河汊填平盖房", ("填堵",)),
    ("电线杆上到处贴小广告", ("宣传品",)),
    ("几个人没办任何手续就钻进了保护区露营", ("未经批准", "进入")),
    ("药监部门来检查要派几个人", ("药品监督管理部门",)),
    ("申报国家级保护区最后谁拍板", ("批准",)),
    ("店家在人行道上摆满货架、搭了遮阳棚", ("堆放物料", "搭建")),
    ("考科目一时让人用耳机传答案", ("舞弊",)),
    ("找人替考驾照", ("舞弊", "冒名顶替")),
    ("有乘客往窗外扔烟头", ("丢弃火种",)),
    ("没经批准就在草场上烧荒", ("野外用火", "未经批准")),
    ("离水准点四十米的地方放炮采石", ("测量标志", "爆破")),
    ("罚款过期没交，每天加罚多少", ("加处罚款",)),
    ("司机拒绝停车跑了，交警能开车去追吗", ("驾驶", "追缉")),
    ("单位把划拨来的地私下转卖了", ("转让",)),
    ("货代公司把批准证书借给别人用", ("货物运输代理", "出借")),
    ("举报查实以后能拿多少奖金", ("奖励",)),
    ("高速公路上最低车速是多少", ("时速",)),
    ("化妆品店自己调配面霜来卖", ("配制",)),
    ("在饮料里加一点药品成分", ("食品",)),
    ("没经批准就占了一块地盖厂房", ("占用",)),
    ("员工下班骑电动车回家被车撞了", ("上下班途中",)),
    ("免税取得的土地后来改作商业用途", ("改变",)),
    ("医药代表给医生塞钱让他多开药", ("财物", "回扣")),
    ("公司忘了报年报", ("年度报告",)),
    ("网店结账时把搭配的服务默认勾上", ("搭售",)),
    ("平台把几条差评删了", ("评价",)),
    ("农户在网上卖自家种的水果", ("自产", "农副产品")),
    ("厂里的废气处理设施坏了", ("污染防治设施",)),
    ("新设备还没验收就投产了", ("未经验收", "投入生产")),
    ("这条管线要跨省铺设", ("跨省、自治区、直辖市",)),
    ("用了落后设备的企业还能贷款吗", ("授信",)),
    ("有人在厂区旁边搭了几间彩钢房", ("建筑物",)),
    ("开发商盖的住宅楼隔音达不到标准", ("建设单位", "隔声")),
    ("机关单位的用能怎么监测", ("公共机构",)),
    ("有人把厂门口的取水计量表挪了位置", ("计量设施", "移动")),
    ("申报的数据跟部门推送的对不上", ("不一致",)),
    ("员工举报公司偷排，公司能把他辞退吗", ("解除劳动合同",)),
    ("环评报告书能由建设单位自己编吗", ("自行",)),
    ("工厂废气长期超标", ("大气污染物",)),
    ("排污许可证到期忘了续", ("有效期届满", "未申请延续")),
]

NOT_MEANT: list[tuple[str, tuple[str, ...]]] = [
    ("还需要每年报能源利用状况报告吗", ("年度报告",)),  # 年报 inside 每年报
    ("工业主管部门是哪个", ("建设单位", "所有权人")),
    ("执法人员检查时要出示证件吗", ("法定代表人", "主要负责人")),
    ("评选突出事迹", ("发生事故",)),
    ("反补贴调查", ("补助",)),
    ("有无证据证明", ("未取得许可证",)),
    ("没证据证明他违法", ("未取得许可证",)),
    ("工厂噪声干扰民用设施", ("干扰他人正常生活",)),
    ("参加人员工资怎么算", ("从业人员",)),
    ("做好本职工作", ("从业人员",)),
    ("考试没报名", ("未报送",)),
    ("制造假冒产品", ("弄虚作假",)),
    ("生产企业怎么报", ("生产者",)),  # the legal word itself adds nothing
]


@pytest.mark.parametrize("text, words", ASKED)
def test_everyday_question_gets_legal_words(text: str, words: tuple[str, ...]) -> None:
    added = legal_words(text)
    assert [w for w in words if w not in added] == [], added


@pytest.mark.parametrize("text, words", NOT_MEANT)
def test_key_inside_another_word_adds_nothing(text: str, words: tuple[str, ...]) -> None:
    added = legal_words(text)
    assert [w for w in words if w in added] == [], added


def test_words_already_written_are_not_added() -> None:
    assert legal_words("危废就是危险废物吗") == []


def test_keys_are_at_least_two_characters() -> None:
    assert [k for k in LEXICON if len(k) < 2 and k not in SHORT_KEYS] == []


def test_no_legal_word_repeats_its_key() -> None:
    assert [k for k, v in LEXICON.items() if k in v.split() or not v.split()] == []


def test_each_key_is_in_one_group() -> None:
    keys = [k for group in GROUPS.values() for k in group]
    assert sorted(k for k in set(keys) if keys.count(k) > 1) == []
    assert len(keys) == len(LEXICON)


def test_latin_keys_are_upper_case() -> None:
    assert [k for k in LEXICON if k != k.upper()] == []


def test_guard_words_contain_their_key() -> None:
    assert [k for k in NOT_INSIDE if k not in LEXICON] == []
    assert [(k, w) for k, ws in NOT_INSIDE.items() for w in ws if k not in w] == []
