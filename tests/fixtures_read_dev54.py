"""Invented texts for tests/test_answer_read_dev54.py: a standards law and its implementing regulation
that each say who coordinates standards, an impact-assessment law that asks for the public's views
without a number of days. They are test samples
(测试样例), not real texts: issuers, numbers and dates are made up."""
from __future__ import annotations

NOTE = "本文件是 GreenKB 自动化测试使用的虚构样例，不是真实的法规。"


def _text(title: str, header: str, body: str) -> str:
    return f"# {title}\n\n{header}\n\n<!-- INFO END -->\n\n{NOTE}\n\n{body}\n"


STANDARDS = _text("示例标准化法（测试样例）", "2047年1月1日 示例议事会第47号公布", """\
第一条 为了加强示例标准化工作，制定本法。

第二条 示例政务院建立示例标准化协调机制，对跨部门、存在重大争议的示例标准的制定进行协调。

第三条 本法自2047年6月1日起施行。""")

REGULATION = _text("示例标准化法实施条例（测试样例）", "2040年2月2日 示例政务院令第40号发布", """\
第一条 根据《示例标准化法》的规定，制定本条例。

第二条 示例标准化主管部门统一管理全国示例标准化工作，协调和处理有关示例标准化工作的问题。

第三条 本条例自2040年5月1日起施行。""")

ASSESSMENT = _text("示例环评法（测试样例）", "2048年3月3日 示例议事会第48号公布", """\
第一条 为了实施示例环境影响评价，制定本法。

第二条 示例建设单位在报送环评报告书以前，应当通过论证会、听证会等方式，听取示例有关单位、专家以及公众的意见。

第三条 示例环评文件批准后超过五年才开工建设的，须报原审批机关重新审核；该机关收到后十日内，应当把审核意见书面告知示例建设单位。

第四条 本法自2048年7月1日起施行。""")

FILES = {
    "示例标准化法(2047-01-01).md": STANDARDS,
    "示例标准化法实施条例(2040-02-02).md": REGULATION,
    "示例环评法(2048-03-03).md": ASSESSMENT,
}
