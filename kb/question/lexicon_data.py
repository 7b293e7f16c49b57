"""The tables of kb.question.lexicon: everyday word → the words legal and official texts use.

Each value is one or more legal words separated by spaces; they are added to a question, never
put in place of its words. Grouped by kind so that a reader can check a field at a glance.
"""
from __future__ import annotations

# Short forms and abbreviations of terms of art.
TERMS: dict[str, str] = {
    "标煤": "标准煤",
    "环评": "环境影响评价",
    "环保税": "环境保护税",
    "危废": "危险废物",
    "固废": "固体废物",
    "危化品": "危险化学品",
    "危化": "危险化学品",
    "碳市场": "碳排放权交易",
    "碳配额": "碳排放配额",
    "排污证": "排污许可证",
    "能耗": "能源消耗 能源消费",
    "能效标识": "能源效率标识",
    "废旧家电": "废弃电器电子产品",
    "废旧电器": "废弃电器电子产品",
    "报废汽车": "报废机动车",
    "环保": "环境保护",
    "安评": "安全评价",
    "三同时": "同时设计 同时施工 同时投产使用",
    "清洁生产审计": "清洁生产审核",
    "节能审查": "节能评估",
    "水费": "水资源费",
    "电费": "电价",
    "营业执照": "登记",
}

# People and bodies as users name them.
ACTORS: dict[str, str] = {
    "老板": "主要负责人",
    "总经理": "主要负责人",
    "法人": "主要负责人 法定代表人",
    "负责人": "主要负责人",
    "工人": "从业人员",
    "员工": "从业人员",
    "职工": "从业人员",
    "供电局": "供电企业",
    "供电公司": "供电企业",
    "供电所": "供电企业",
    "电网公司": "电网企业",
    "开发商": "建设单位",
    "业主": "建设单位 所有权人",
    "老百姓": "公民",
}

# Authorities as users name them.
AUTHORITIES: dict[str, str] = {
    "环保局": "生态环境主管部门",
    "环保部门": "生态环境主管部门",
    "环境局": "生态环境主管部门",
    "安监局": "应急管理部门 安全生产监督管理部门",
    "安监部门": "应急管理部门 安全生产监督管理部门",
    "应急局": "应急管理部门",
    "质监局": "市场监督管理部门 质量技术监督部门",
    "市场监管局": "市场监督管理部门",
    "工商局": "市场监督管理部门 工商行政管理部门",
    "税务局": "税务机关",
    "公安": "公安机关",
    "派出所": "公安机关",
    "水利局": "水行政主管部门",
    "水务局": "水行政主管部门",
    "住建局": "建设主管部门 住房和城乡建设主管部门",
    "城管": "城市管理 市容环境卫生行政主管部门",
    "发改委": "发展改革部门 价格主管部门",
    "工信局": "工业和信息化主管部门",
    "节能主管部门": "管理节能工作的部门",
    "国土局": "自然资源主管部门",
    "交通局": "交通运输主管部门",
    "海事局": "海事管理机构",
    "电力局": "电力管理部门",
    "统计局": "统计机构",
    "政府": "人民政府",
    "法院": "人民法院",
}

# Things and places in general.
THINGS: dict[str, str] = {
    "叉车": "特种设备 场（厂）内专用机动车辆",
    "锅炉": "特种设备",
    "电梯": "特种设备",
    "起重机": "特种设备 起重机械",
    "吊车": "特种设备 起重机械",
    "压力容器": "特种设备",
    "气瓶": "特种设备",
    "压力管道": "特种设备",
    "索道": "特种设备 客运索道",
    "游乐设施": "特种设备 大型游乐设施",
    "水表": "计量设施 取水",
    "鞭炮": "烟花爆竹",
    "炮仗": "烟花爆竹",
    "公交车": "公共交通工具",
    "地铁": "公共交通工具",
    "液化气": "液化石油气",
}



# Work safety.
WORK_SAFETY: dict[str, str] = {
    "出事": "发生事故",
    "出了事故": "发生事故",
    "死人": "死亡",
}




# Water: taking, supplying, draining, polluting.
WATER: dict[str, str] = {
    "废水": "污水",
}

# Air and noise.
AIR_NOISE: dict[str, str] = {
    "臭味": "恶臭",
    "黑烟": "排放 污染物",
    "噪音": "噪声",
    "扰民": "干扰他人正常生活",
}

# Solid and hazardous waste, soil.
WASTE_SOIL: dict[str, str] = {
    "乱扔": "随意倾倒 丢弃",
    "乱倒": "倾倒 随意倾倒",
}

# Environmental impact assessment, permits, monitoring.
EIA_PERMITS: dict[str, str] = {
    "没证": "未取得许可证 无证",
    "无证": "未取得许可证",
    "没办证": "未取得许可证",
    "没去登记": "未办理登记",
    "没登记": "未办理登记",
}

# Taxes, fees and support.
TAX_FEES: dict[str, str] = {
    "免税": "免征 减征",
    "退税": "退还",
    "交钱": "缴纳",
    "钱": "费用 罚款 缴纳",
    "补贴": "补助 资金支持",
    "奖励": "表彰",
}


# Conduct, in everyday words.
CONDUCT: dict[str, str] = {
    "偷电": "窃电",
    "转给": "转让 出租 出借",
    "卖给": "销售",
    "没报": "未报送 未申报",
    "瞒报": "谎报",
    "造假": "弄虚作假 伪造",
    "偷排": "违法排放 逃避监管",
    "私自": "擅自",
    "偷偷": "擅自",
    "倒闭": "关闭",
    "停业": "停产停业",
    "关门": "关闭",
    "排污": "排放污染物",
}

# Penalties, enforcement and procedure.
PENALTIES: dict[str, str] = {
    "罚多少": "罚款",
    "罚款多少": "罚款",
    "怎么罚": "罚款 处罚",
    "处罚": "罚款",
    "后果": "法律责任 罚款",
}

# Time words of questions.
TIME: dict[str, str] = {
    "多久": "期限",
    "有效期": "有效期限",
    "施行": "实施",
    "生效": "施行",
    "实施": "施行",
}


GROUPS: dict[str, dict[str, str]] = {
    "TERMS": TERMS,
    "ACTORS": ACTORS,
    "AUTHORITIES": AUTHORITIES,
    "THINGS": THINGS,
    "WORK_SAFETY": WORK_SAFETY,
    "WATER": WATER,
    "AIR_NOISE": AIR_NOISE,
    "WASTE_SOIL": WASTE_SOIL,
    "EIA_PERMITS": EIA_PERMITS,
    "TAX_FEES": TAX_FEES,
    "CONDUCT": CONDUCT,
    "PENALTIES": PENALTIES,
    "TIME": TIME,
}
