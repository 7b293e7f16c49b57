"""合规清单: a company profile (a form, or a JSON / TOML file) → every duty of the documents in
force that binds it, grouped by document — national and local rules side by side — with why
it applies, when, to whom, the consequence and the citation; exports as DOCX and Markdown."""
from __future__ import annotations

import functools
import json
import tomllib

import streamlit as st

from kb.interfaces import app_render as render
from kb.interfaces import app_support as sup
from kb.interfaces import export
from kb.registers.checklist import APPLIES, CHECK, build_checklist
from kb.registers.profile import PERMITS, Profile, ProfileError
from kb.settings import load_settings
from kb.text.titles import book_title

FLAGS = {"未说明": None, "是": True, "否": False}
PERMIT_LABELS = {"重点管理": "重点管理", "简化管理": "简化管理", "登记管理": "登记管理", "none": "无（不需要）", "": "未说明"}
NATIONAL = "（全国，仅国家规定）"


def profile_from_upload(upload) -> dict:
    raw = upload.getvalue().decode("utf-8-sig")
    try:
        data = tomllib.loads(raw) if upload.name.lower().endswith(".toml") else json.loads(raw)
    except (ValueError, tomllib.TOMLDecodeError) as exc:
        raise ProfileError(f"画像文件 {upload.name} 无法读取：{str(exc).splitlines()[0][:120]}") from exc
    Profile.from_dict(data)  # validate now: one Chinese line on a bad file
    return data


def form(regions: list[str], preset: dict) -> dict | None:
    """The profile form (prefilled from an uploaded file); the profile dict on submit."""
    flag_label = lambda v: next(k for k, x in FLAGS.items() if x == v)  # noqa: E731
    with st.form("profile"):
        name = st.text_input("企业名称（可选）", value=preset.get("name", ""))
        c1, c2 = st.columns(2)
        industry = c1.text_input("行业", value=preset.get("industry", ""), placeholder="例如：钢铁、水泥、化工、电子")
        region_opts = [""] + sorted(set(regions) | ({preset["region"]} if preset.get("region") else set()))
        region = c2.selectbox("地区", region_opts, index=region_opts.index(preset.get("region", "") or ""),
                              format_func=lambda r: r or NATIONAL)
        c3, c4 = st.columns(2)
        energy = c3.number_input("年综合能源消费量（吨标准煤）", min_value=0.0, step=100.0,
                                 value=float(preset.get("energy_tce_per_year") or 0.0))
        water = c4.number_input("年用水量（立方米）", min_value=0.0, step=1000.0,
                                value=float(preset.get("water_m3_per_year") or 0.0))
        permit_opts = ["", *PERMITS]
        permit = st.selectbox("排污许可类别", permit_opts, index=permit_opts.index(preset.get("permit") or ""),
                              format_func=PERMIT_LABELS.get)
        products = st.text_input("主要产品（用顿号或逗号分隔）", value="、".join(preset.get("products", [])),
                                 placeholder="例如：电器电子产品")
        c5, c6, c7 = st.columns(3)
        key_energy = c5.selectbox("重点用能单位", list(FLAGS), index=list(FLAGS).index(flag_label(preset.get("key_energy_user"))),
                                  help="未说明时按年综合能源消费量的门槛判断")
        key_pollutant = c6.selectbox("重点排污单位", list(FLAGS),
                                     index=list(FLAGS).index(flag_label(preset.get("key_pollutant_unit"))))
        green = c7.selectbox("申报绿色工厂", list(FLAGS),
                             index=list(FLAGS).index(flag_label(preset.get("applies_green_factory"))))
        if not st.form_submit_button("生成合规清单", type="primary"):
            return None
    return {
        "name": name, "industry": industry, "region": region,
        "energy_tce_per_year": energy or None, "water_m3_per_year": water or None, "permit": permit or None,
        "products": products, "key_energy_user": FLAGS[key_energy], "key_pollutant_unit": FLAGS[key_pollutant],
        "applies_green_factory": FLAGS[green], "listed_in": preset.get("listed_in", []),
    }


def show_item(item) -> None:
    icon = "✅" if item.status == APPLIES else "❓"
    with st.expander(render.md_escape(f"{icon} {item.locator}　{item.duties[0][0].text[:48]}…", multiline=False)):
        for label, text in export._item_blocks(item):
            st.markdown(f"**{label}**：{render.md_escape(text, multiline=False)}")


def show_group(cl, status: str) -> None:
    groups = cl.grouped(status)
    if not groups:
        st.caption("（无）")
        return
    national = [(d, items) for d, items in groups if items[0].level == "国家"]
    local = [(d, items) for d, items in groups if items[0].level != "国家"]
    parts = [("国家规定", national), ("地方规定", local)] if national and local else [("", groups)]
    for col, (head, part) in zip(st.columns(len(parts)), parts, strict=True):  # national and local side by side
        with col:
            if head:
                st.markdown(f"#### {head}")
            for _doc_id, items in part:
                first = items[0]
                st.markdown("**" + render.md_escape(f"{book_title(first.title)}（{first.level}，{first.doc_status}）", multiline=False) + "**")
                for item in items:
                    show_item(item)


def main() -> None:
    st.set_page_config(page_title="GreenKB 合规清单", page_icon="✅", layout="wide")
    settings = load_settings()
    st.title("合规清单")
    st.caption("填写企业画像（或上传 JSON / TOML 画像文件），列出现行有效文件中适用于本企业的义务、为何适用、期限、主管部门、违反的后果和出处。")
    opened = sup.open_catalog(settings)
    if opened is None:
        return
    _index, docs = opened
    if not docs:
        st.info(sup.EMPTY_STATE)
        return
    upload = st.file_uploader("上传企业画像（JSON 或 TOML，可选）", type=["json", "toml"], key="cl_upload")
    preset: dict = {}
    if upload is not None:
        try:
            preset = profile_from_upload(upload)
        except ProfileError as exc:
            st.error(render.md_escape(str(exc)))
    submitted = form(sorted({d.region for d in docs.values() if d.region}), preset)
    if submitted is not None:
        try:
            profile = Profile.from_dict(submitted)
        except ProfileError as exc:
            st.error(render.md_escape(str(exc)))
            return
        from kb.registers.duties import DutyRegister
        from kb.registers.references import IndexRegisters

        with st.spinner("正在对照条文生成清单…"):
            regs = IndexRegisters.open(settings)
            st.session_state["checklist"] = build_checklist(profile, DutyRegister.of(regs), regs.versions)
    cl = st.session_state.get("checklist")
    if cl is None:
        return
    st.subheader(f"适用的义务（{len(cl.applicable)} 项）")
    show_group(cl, APPLIES)
    st.subheader(f"需确认的义务（{len(cl.to_confirm)} 项）")
    show_group(cl, CHECK)
    if cl.left_out:
        with st.expander("未纳入的文件"):
            for t, r in cl.left_out:
                st.markdown(render.md_escape(f"{book_title(t)}：{r}", multiline=False))
    left, right = st.columns(2)
    left.download_button("导出 DOCX", data=functools.partial(export.checklist_docx, cl), file_name="合规清单.docx",
                         mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                         key="cl_docx", on_click="ignore", icon=":material/description:")
    right.download_button("导出 Markdown", data=functools.partial(export.checklist_markdown, cl), file_name="合规清单.md",
                          mime="text/markdown", key="cl_md", on_click="ignore", icon=":material/download:")


try:
    main()
except Exception as exc:  # never a traceback in front of the user
    st.error(render.md_escape(sup.error_message(exc, "页面出错")))
