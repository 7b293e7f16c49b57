"""Compliance checklists from a profile (kb.registers.checklist) over invented documents: every
profile condition decides, undecidable ones are listed as 需确认 with the condition, only versions
in force and documents of the profile's region count; the CLI prints JSON, Markdown and a DOCX
that python-docx reads back with every citation."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.duties_index import CITY, CITY_OLD, CITY_TITLE, PROVINCE, build, registers

ROOT = Path(__file__).resolve().parents[1]
BASE = {"industry": "化工", "region": "示例市", "energy_tce_per_year": 5000, "water_m3_per_year": 60000,
        "permit": "重点管理", "products": ["示例产品"]}


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return build(tmp_path_factory.mktemp("checklist"))


@pytest.fixture(scope="module")
def make(data):
    from kb.registers.checklist import build_checklist
    from kb.registers.profile import Profile
    from kb.registers.duties import DutyRegister

    regs = registers(data)
    register = DutyRegister.of(regs)

    def checklist(**changes):
        return build_checklist(Profile.from_dict({**BASE, **changes}), register, regs.versions)

    return checklist


def _status(cl, locator, file_name=CITY):
    found = [i for i in cl.items if i.file_name == file_name and i.locator == locator]
    return found[0].status if found else None


def _item(cl, locator, file_name=CITY):
    return next(i for i in cl.items if i.file_name == file_name and i.locator == locator)


def test_thresholds_decide_key_energy_user(make):
    cl = make()
    item = _item(cl, "第三条")
    assert item.status == "适用"
    assert any("5,000 吨标准煤" in w and "第二条" in w for w in item.why)
    assert [(p.locator, p.fines) for p in item.penalties] == [("第九条", "处一万元以上三万元以下罚款")]
    assert item.deadline.startswith("每年三月三十一日前") and item.authority == "市节能主管部门"
    designated = make(energy_tce_per_year=2000)
    assert _status(designated, "第三条") == "需确认"
    assert any("是否被指定为重点用能单位" in c for c in _item(designated, "第三条").check)
    assert _status(make(energy_tce_per_year=500), "第三条") is None
    assert _status(make(energy_tce_per_year=500, key_energy_user=True), "第三条") == "适用"
    assert _status(make(energy_tce_per_year=9000, key_energy_user=False), "第三条") is None


def test_water_permit_and_prohibitions(make):
    assert _status(make(), "第五条") == "适用"
    assert _status(make(water_m3_per_year=40000), "第五条") is None
    unknown = make(water_m3_per_year=None)
    assert _status(unknown, "第五条") == "需确认" and "年用水量" in _item(unknown, "第五条").check[0]
    assert _status(make(), "第六条") == "适用"
    assert _status(make(permit="简化管理"), "第六条") is None
    assert _status(make(permit=None), "第六条") == "需确认"
    assert _status(make(permit="none"), "第七条") == "适用"  # 禁止… binds everyone


def test_region_and_versions(make):
    cl = make()
    assert {i.file_name for i in cl.items} == {CITY}  # 示例省 rules are another region's
    assert all(i.file_name != CITY_OLD for i in cl.items)  # the 2020 version is superseded
    reasons = dict(cl.left_out)
    assert any("已被修订" in r for r in reasons.values())
    assert any("示例省" in r for t, r in cl.left_out if "示例省节能办法" in t)
    national_only = make(region="")
    assert national_only.items == [] and len(national_only.left_out) == 3
    province = make(region="示例省")
    assert {i.file_name for i in province.items} == {PROVINCE}
    assert _status(province, "第五条", PROVINCE) is None  # a duty of the province's own body


def test_profile_errors(tmp_path):
    from kb.registers.profile import Profile, ProfileError

    with pytest.raises(ProfileError, match="permit"):
        Profile.from_dict({"permit": "大概"})
    with pytest.raises(ProfileError, match="数字"):
        Profile.from_dict({"energy_tce_per_year": "很多"})
    with pytest.raises(ProfileError, match="不认识的键"):
        Profile.from_dict({"industy": "钢铁"})
    bad = tmp_path / "p.toml"
    bad.write_text("industry = ", encoding="utf-8")
    with pytest.raises(ProfileError, match="TOML"):
        Profile.load(bad)
    good = tmp_path / "p2.toml"
    good.write_text('industry = "钢铁"\nregion = "示例市"\nenergy_tce_per_year = 6000\npermit = "none"\n'
                    'key_energy_user = true\nproducts = ["钢材"]\n', encoding="utf-8")
    p = Profile.load(good)
    assert (p.industry, p.energy_tce_per_year, p.permit, p.key_energy_user, p.products) == ("钢铁", 6000.0, "none", True, ["钢材"])


def _cli(data, *args):
    return subprocess.run([sys.executable, "-m", "kb", "checklist", "--data", str(data), *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def test_cli_json_markdown_and_docx(data, tmp_path):
    profile = tmp_path / "company.json"
    profile.write_text(json.dumps({**BASE, "name": "示例公司（测试样例）"}, ensure_ascii=False), encoding="utf-8")
    out = _cli(data, "--profile", str(profile), "--json")
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    items = {(i["file_name"], i["locator"]): i for i in result["applicable"] + result["to_confirm"]}
    third = items[(CITY, "第三条")]
    assert third["penalties"][0]["file_name"] == CITY and third["penalties"][0]["locator"] == "第九条"
    assert "处一万元以上三万元以下罚款" in third["penalties"][0]["text"] and third["doc_status"] == "现行有效"
    assert set(third["penalties"][0]) >= {"file_name", "locator", "text"}

    md = _cli(data, "--profile", str(profile), "--md")
    assert md.returncode == 0 and "## 一、适用的义务" in md.stdout
    assert f"《{CITY_TITLE}》第三条" in md.stdout and "违反的后果：第九条" in md.stdout

    docx_path = tmp_path / "清单.docx"
    done = _cli(data, "--profile", str(profile), "--docx", str(docx_path))
    assert done.returncode == 0, done.stderr
    from docx import Document

    text = "\n".join(p.text for p in Document(str(docx_path)).paragraphs)
    for (file_name, locator), item in items.items():
        assert f"《{item['title']}》{locator}" in text and file_name in text and item["doc_status"] in text
        for p in item["penalties"]:
            assert f"《{p['title']}》{p['locator']}" in text


def test_cli_bad_profile(data, tmp_path):
    missing = _cli(data, "--profile", str(tmp_path / "none.json"))
    assert missing.returncode == 2 and "找不到企业画像文件" in missing.stderr
    bad = tmp_path / "bad.json"
    bad.write_text('{"permit": "大概"}', encoding="utf-8")
    out = _cli(data, "--profile", str(bad))
    assert out.returncode == 2 and "permit 应为" in out.stderr and "Traceback" not in out.stderr
