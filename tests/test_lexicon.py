"""The everyday-word lexicon (kb.question.lexicon), as a table of examples.

Each row of ASKED is an everyday question (invented for this test) and legal words the lexicon
must add for it. Each row of NOT_MEANT is a text where a short key sits inside a longer, different
word, and legal words the lexicon must not add. The last tests state the rules of the tables.
"""
from __future__ import annotations

import pytest

from kb.question.lexicon import GROUPS, LEXICON, NOT_INSIDE, SHORT_KEYS, legal_words

ASKED: list[tuple[str, tuple[str, ...]]] = [
    ("厂里的行车多久要检验一次", ("起重机械", "特种设备", "期限")),
    ("老板被环保局按天罚了怎么办", ("主要负责人", "生态环境主管部门", "按日连续处罚")),
    ("私拉乱接还偷电会被拘留吗", ("擅自", "窃电", "行政拘留")),
    ("自己打井抽地下水要办证吗", ("取水", "取水许可", "许可")),
    ("危废乱倒被发现罚多少", ("危险废物", "倾倒", "罚款")),
    ("电焊工没有上岗证能干活吗", ("特种作业人员", "焊接", "特种作业操作资格证书")),
    ("锅炉年检过期了还能用吗", ("特种设备", "定期检验", "届满")),
    ("半夜施工吵得睡不着向谁投诉", ("夜间", "建筑施工", "举报")),
    ("环保税少交了会怎样", ("环境保护税", "少缴")),
    ("我们产品执行国标还是企标", ("国家标准", "企业标准")),
    ("厂里的地磅要强检吗", ("计量器具", "强制检定")),
    ("职工离职体检谁出钱", ("从业人员", "离岗", "职业健康检查")),
    ("村里烧秸秆归谁管", ("露天焚烧", "主管部门")),
    ("车间主任算不算安全员", ("管理人员", "安全生产管理人员")),
    ("用电大户拉闸限电有什么规定", ("重点用能单位", "停止供电")),
    ("把仓库承包给没资质的个人", ("发包", "承包单位")),
    ("3c认证过期了", ("强制性产品认证",)),  # Latin keys are case-blind
    ("自行车棚旁边那台行车要登记吗", ("起重机械",)),  # the second 行车 is still found
]

NOT_MEANT: list[tuple[str, tuple[str, ...]]] = [
    ("骑自行车上班路上出了车祸", ("起重机械",)),
    ("产品执行标准在哪里查", ("行业标准",)),
    ("工业主管部门是哪个", ("建设单位", "所有权人")),
    ("执法人员检查时要出示证件吗", ("法定代表人", "主要负责人")),
    ("企业主要负责人的安全职责", ("投资人",)),
    ("今天车间停产检修", ("起重机械",)),
    ("美国标准能否直接采用", ("国家标准",)),
    ("有限空间作业前要做气体检测", ("职业健康检查",)),
    ("水电工程移民安置", ("特种作业人员",)),
    ("产品外包装要标注什么", ("发包",)),
    ("评选突出事迹", ("发生事故",)),
    ("超过期限未缴纳", ("届满", "有效期")),
    ("有关停产整顿的规定", ("责令关闭",)),
    ("反补贴调查", ("补助",)),
    ("有无证据证明", ("未取得许可证",)),
    ("工厂噪声干扰民用设施", ("干扰他人正常生活",)),
    ("基层群众性自治组织", ("公众",)),
    ("重点用能单位每年报送能源利用状况报告", ("年度报告",)),
    ("海洋垃圾污染防治", ("境外", "进口")),
    ("自治区政府批准", ("县级人民政府",)),
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
