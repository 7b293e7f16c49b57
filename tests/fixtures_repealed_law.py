"""Invented texts for tests/test_answer_repealed_law.py: an old noise law and the new law that repeals
it (《…》同时废止), on the same matter in differently worded and numbered articles, so that no article of
one pairs with an article of the other. They are test samples (测试样例), not real texts: issuers,
numbers and dates are made up."""
from __future__ import annotations

from pathlib import Path

NOTE = "本文件是 GreenKB 自动化测试使用的虚构样例，不是真实的法规。"


def _law(title: str, header: str, body: str) -> str:
    return f"# {title}\n\n{header}\n\n<!-- INFO END -->\n\n{NOTE}\n\n{body}\n"


OLD = _law("示例环境噪声管理法（测试样例）", "2029年5月1日 示例议事会第三次全体会议通过", """\
第一条 为防治示例环境噪声，保障居民安宁，制定本法。

第七条 单位和个人均可检举、控告造成环境噪声扰民的单位和个人。

第十二条 建筑施工单位夜间作业的，应当取得示例环境部门的证明，并公告附近居民。

第二十条 本法自2029年9月1日起施行。""")

NEW = _law("示例安宁生活保障法（测试样例）", "2041年3月2日 示例议事会第九次全体会议通过", """\
第一条 为保障居民的安宁生活，预防和减少各类声响干扰，制定本法。

第九条 公民发现声响干扰行为的，可以向示例生态部门投诉；示例生态部门应当公开投诉电话和电子信箱，为投诉人保守秘密，并在十五个工作日内告知处理结果。

第二十三条 夜间连续作业的工地，施工单位应当提前二日在工地周边张贴告示。

第三十一条 本法自2041年6月1日起施行。《示例环境噪声管理法（测试样例）》同时废止。""")

FILES = {
    "示例环境噪声管理法(2029-05-01).md": OLD,
    "示例安宁生活保障法(2041-03-02).md": NEW,
}


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in FILES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder
