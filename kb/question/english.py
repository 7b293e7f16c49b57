"""English questions read through Chinese words.

The documents are Chinese. An English question reaches them through the dense model alone,
which crosses languages only roughly: "how soon must the accident be reported" meets every
article about accidents, and nothing tells the second stage that a deadline is asked. So an
English question is also given a gloss — the Chinese words the documents use for its terms
(permit → 许可证, hazardous chemicals → 危险化学品) and for what it asks (how soon → 多久, which
authority → 哪个部门) — which the question reading treats as it treats a Chinese question's words:
what is asked, the topical terms, and the words added to the lexical search.

Each entry is a regular expression over the lower-cased question, matched on word boundaries,
and the Chinese words it stands for. Entries are general vocabulary of Chinese industrial,
environmental and safety law, written from the domain (not from any question set).
"""
from __future__ import annotations

import re
from typing import Iterable

# A document's order number asked: what is asked (文号, its header) and the words that find it (令…公布).
ORDER_NUMBER = r"(?:order|decree|document) (?:no\.?|number)|under what (?:order|decree)"

# The words after which 'who' asks (to whom, and who, ask who); after a noun it is a relative pronoun.
_BEFORE_WHO = ("and", "or", "to", "by", "from", "with", "for", "of", "at", "me", "us", "know", "ask", "asks")

# What is asked: English framing → the Chinese framing words ASK_PATTERNS read.
ASKING: dict[str, str] = {
    r"how much|what amount|how large|(?:above|below|over|under|beyond|exceeding|at) what (?:value|sum|level|size)": "多少",
    # (how many days / within how many: a period, which the next row asks, not a count)
    r"how many(?! (?:working |calendar )?(?:days|months|years|hours|minutes|weeks))": "多少",
    # the unit counted, as 多少株 / 多少人 name it: a number in another unit does not answer
    r"how many (?:[\w-]+ ){0,3}?trees": "多少株",
    r"how many (?:[\w-]+ ){0,3}?(?:people|persons|members|staff|inspectors|workers|employees)": "多少人",
    r"how many times": "多少次",
    r"how many (?:[\w-]+ ){0,3}?(?:enterprises|companies|firms|units)": "多少家",
    r"how many (?:[\w-]+ ){0,3}?vehicles": "多少辆",
    r"how many (?:hectares|ha)": "多少公顷",
    r"how many (?:tons|tonnes)": "多少吨",
    r"how much .{0,30}fine[sd]?|what (?:is|are|was|were) the (?:maximum |minimum )?fines?|fined how much": "罚多少",
    r"fine[sd]?|penalt(?:y|ies)|punish(?:ed|ment)?|sanctions?|liable|liability": "罚款 处罚",
    r"what (?:happens|will happen|would happen)|what (?:are|is) the consequences?": "什么后果",
    r"how (?:long|soon|often|quickly)|within how many|how many (?:days|months|years|hours)|deadline|time limit"
    r"|how much (?:later|longer|earlier|sooner|time)": "多久 期限",
    # the unit of the period (how many years: a number of days does not answer it)
    r"how many years": "几年", r"how many months": "几个月", r"how many (?:working |calendar )?days": "几天",
    r"how many hours": "多少小时",
    # a distance asked (how far, in metres): a figure in 米, as 多少米 is
    r"how far|in (?:metres|meters)|how many (?:metres|meters)": "多少米",
    r"when (?:did|does|do|was|were|will|is)|what date|which date|which day|which year|since when": "什么时候",
    r"key dates|legislative history|(?:revision|amendment) history|chronology|timeline": "沿革 时间节点",
    r"take effect|took effect|come into (?:force|effect)|came into (?:force|effect)|effective": "施行",
    # (when was it adopted: the date a law was passed, 通过 in its header — not measures adopted)
    r"when (?:was|were|did|has|have) .{0,60}?\b(?:adopted|passed|enacted|adopt|pass|enact)\b": "通过的",
    ORDER_NUMBER: "文号",
    # (who as a question word — at a clause's start or after a preposition —, not the relative
    # pronoun of 'bidders who collude')
    r"(?:^|(?<=[,;?，；？])\s*|" + "|".join(rf"(?<=\b{w} )" for w in _BEFORE_WHO) + r")(?:who|whom|whose)\b": "谁",
    r"which (?:authority|authorities|department|departments|agency|agencies|body|bodies|government|level)": "哪个部门",
    r"which (?:kinds?|types?|categories|items|conditions|cases|circumstances)|what (?:kinds?|types?|categories|items|conditions)|list": "哪些",
    r"what is meant by|what does .{1,40} mean|defined?|definition|counts? as|regarded as|considered (?:to be|as)": "是指",
    r"^(?:is|are|can|may|must|does|do|should|will|has|have)": "吗",
    # a price, rate or limit asked for is a figure, as 多少钱 / 费率 / 上限 are in Chinese
    r"(?:what|which) (?:is|are|was|were) the (?:[\w-]+ ){0,4}?(?:prices?|fees?|charges?|tariffs?)|at what price"
    r"|how much (?:does|do|is|are|will|would) .{0,40}(?:cost|pay|charge)": "价格是多少",
    r"(?:what|which) (?:is|are|was|were) the (?:[\w-]+ ){0,4}?(?:rates?|levy|levies)|at what rate|per[- ]ton(?:ne)?s?": "费率",
    # a tax asked as an amount (what is the average … tax per square metre)
    r"(?:what|which) (?:is|are|was|were) the (?:[\w-]+ ){0,4}?tax(?:es)?\b|how much (?:[\w-]+ ){0,3}?tax": "税率",
    r"(?:what|which) (?:[\w/-]+ ){0,5}?(?:limits?|thresholds?|limit values?)(?![a-z])": "上限",
    # a sum paid per unit (what per-mu subsidy): a figure, as 每亩补贴多少 is
    r"what per[- ]\w+ (?:[\w-]+ ){0,2}?(?:subsid(?:y|ies)|allowances?|grants?|compensation|bonus(?:es)?)": "补贴多少",
    # a sum paid asked (how much compensation, how much of a subsidy): an amount, as 补偿多少钱 is
    r"how much (?:[\w-]+ ){0,3}?(?:subsid(?:y|ies)|allowances?|grants?|compensation|bonus(?:es)?)": "多少钱",
    # a least or greatest sum asked without 'how much' (what is the minimum registered capital)
    r"(?:what|which) (?:is|are|was|were) the (?:minimum|maximum|lowest|highest) (?:[\w-]+ ){0,3}?"
    r"(?:capital|amount|sum|deposit|fee|price|compensation)s?\b(?!\s+(?:coefficients?|rates?|ratios?|factors?|percentages?))": "多少钱",
    # a measured level asked as the most or least allowed (the maximum sulphur content, the
    # permitted noise level): a figure, as 上限是多少 is
    r"(?:what|which) (?:is|are|was|were) the (?:maximum|minimum|highest|lowest|permitted|permissible|allowed|allowable) "
    r"(?:[\w-]+ ){0,3}?(?:contents?|concentrations?|levels?|values?|percentages?|shares?|ratios?|proportions?|limits?)\b": "上限是多少",
    r"mg ?/ ?m3|mg ?/ ?m³|milligrams?": "多少毫克",
    r"maximum|at most|up to|longest|highest|ceiling|cap": "最多",
    r"minimum|at least|shortest|lowest": "至少",
    r"differ(?:ence|ent)?|compared?|comparison": "区别",
    # (from what date has it been in force: a date asked, not whether it still is)
    r"still (?:in force|valid|effective)|repealed|(?<!been )in force": "还有效",
}

# Terms: English → the words the documents use.
TERMS: dict[str, str] = {
    # permits, procedures, records
    r"permits?|licen[cs]es?|licensing": "许可证 许可",
    r"approv(?:e|ed|al|als)": "批准 审批 核准",
    r"forg(?:e|ed|es|ing|ery)|counterfeit(?:ed|ing)?|falsif(?:y|ied|ies|ying)": "伪造",
    r"regist(?:er|ered|ration)": "登记",
    r"reports?|reported|reporting": "报告",
    r"fil(?:e|ed|ing) with|filing|record[- ]filing": "备案",
    r"postpone(?:d|ment)?|defer(?:red|ral)?|(?:deal with|handle|process) (?:it|them|this|that) later": "延期",
    r"inspect(?:ion|ions|ed)?": "检查",
    r"on[- ]site (?:check|checks|inspection|inspections|verification|visit)s?": "现场核查 现场检查",
    r"simplified management": "简化管理", r"key management": "重点管理",
    r"decid(?:e|es|ed|ing)|decisions?": "决定",
    r"commodity inspection|inspection of (?:imports?|exports?|commodit(?:y|ies))": "检验",
    r"imports? and exports?|import[- ]export|imported and exported": "进出口",
    r"customs declarations?|declar(?:e|ed|ing) (?:goods )?(?:to|at) (?:the )?customs": "报关",
    r"(?:customs|import|export) dut(?:y|ies)|tariffs?": "关税",
    r"exempt(?:ed|ion|ions)?\b": "免征",
    r"customs(?! dut(?:y|ies))": "海关",
    r"registered capital": "注册资本",
    r"identit(?:y|ies)|identity cards?": "身份",
    r"check(?:s|ed|ing)? and regist(?:er|ers|ered|ering)": "核验 登记",
    r"state[- ]owned assets?": "国有资产",
    r"financial assets?": "金融资产",
    r"great wall": "长城",
    r"foreign (?:companies|company|firms?|enterprises?)": "外国公司 外国企业",
    r"branch(?:es)?\b(?! of (?:law|government))": "分支机构 分公司",
    r"balance[- ]of[- ]payments?": "国际收支",
    r"commodit(?:y|ies)": "商品",
    r"rare[- ]earths?": "稀土",
    r"catalogues?|catalogs?|directory|directories": "目录 名录",
    r"calculat(?:e|ed|es|ion|ing)|computed?|worked out|work(?:s|ed)? out": "计算",
    r"civil(?:ian)?": "民用",
    r"(?:safety )?assessments?|evaluations?": "评价",
    r"safety assessments?": "安全评价",
    r"environmental impact assessments?|eia": "环境影响评价",
    r"records?|ledgers?": "记录 台账",
    r"(?:keep|kept|retain|retained|retention|preserve)": "保存",
    r"monitor(?:ing|ed)?": "监测",
    r"online monitoring|automatic monitoring": "自动监测",
    r"audits?": "审核",
    r"certificat(?:e|es|ion)": "认证 证书",
    r"accreditation": "认可",
    r"valid(?:ity)?|expir(?:e|es|y|ation)": "有效期",
    r"renew(?:al|ed)?": "延续",
    r"emergency plans?|contingency plans?": "应急预案",
    r"emergenc(?:y|ies)": "应急",
    r"train(?:ing|ed)": "培训",
    r"insurance|insured": "保险",
    r"recall(?:s|ed)?": "召回",
    r"defects?|defective": "缺陷",
    r"standardi[sz]ation": "标准化",
    r"standards?": "标准",
    r"quotas?|allowances?": "配额",
    r"plans?|planning": "规划",
    r"statistics|statistical": "统计",
    r"census": "普查",
    r"take effect|took effect|taken effect|come into (?:force|effect)|came into (?:force|effect)|effective date": "起施行",
    ORDER_NUMBER: "令 公布",
    # sanctions
    r"revok(?:e|ed)|revocation": "吊销 撤销",
    r"suspen(?:d|ded|sion)|shut down|closure": "责令停产 停业",
    r"confiscat(?:e|ed|ion)": "没收",
    r"illegal (?:income|gains?|proceeds)": "违法所得",
    r"detention|detained": "拘留",
    r"criminal": "刑事责任",
    r"prohibit(?:ed|s)?|banned?|forbidden": "禁止",
    r"collu(?:de|des|ded|ding|sion)|rig(?:s|ged|ging)? (?:the )?(?:bids?|tenders?)": "串通",
    r"without (?:a |an )?(?:permit|licen[cs]e)|unlicensed|unpermitted": "未取得 无证",
    # parties and authorities
    r"compan(?:y|ies)|enterprises?|firms?|businesses": "企业 单位",
    r"operators?": "经营者",
    r"bidders?|tenderers?": "投标人",
    r"(?:calls? for |invitations? (?:to|for) )(?:bids?|tenders?)|tendering": "招标",
    r"employers?": "用人单位",
    r"employees?|workers?|staff": "从业人员 劳动者",
    r"person in charge|head of (?:the )?(?:company|enterprise|unit)|principal|legal representative": "主要负责人",
    r"state council": "国务院",
    r"county(?:-level)?": "县级",
    r"provinc(?:e|es|ial)": "省",
    r"municipal|city": "市",
    r"governments?": "人民政府",
    r"competent (?:authority|department)|authorit(?:y|ies)|departments?|agenc(?:y|ies)": "主管部门 部门",
    r"price (?:authority|department)|pricing": "价格主管部门",
    # environment
    r"emissions?|emit(?:ted)?|discharg(?:e|es|ed|ing)": "排放",
    r"pollutants?": "污染物",
    r"pollut(?:ion|e|ed|ing)": "污染",
    r"waste ?water|sewage|effluent": "废水 污水",
    r"waste gas|exhaust|fumes?": "废气",
    r"solid wastes?": "固体废物",
    r"hazardous wastes?": "危险废物",
    r"medical wastes?": "医疗废物",
    r"hazardous chemicals?|dangerous chemicals?": "危险化学品",
    r"dangerous goods": "危险货物",
    r"noise": "噪声",
    # (digging sand or taking soil is a conduct near works, not the soil's pollution)
    r"(?<!taking )(?<!take )(?<!takes )(?<!digging )(?<!dig )soil(?![- ](?:taking|digging|extraction))": "土壤",
    r"(?:tak(?:e|es|ing)|dig(?:s|ging)?|remov(?:e|es|ing)) (?:sand|soil|earth)|(?:sand|soil|earth)[- ](?:taking|digging|extraction)": "取土 挖砂 采砂",
    r"telecommunications?|telecoms?": "通信",
    r"(?:communications?|telecommunications?|telecoms?|optical|fib(?:re|er)[- ]optic) (?:cables?|lines?)": "通信线路 电缆",
    r"underground cables?|buried cables?": "地下电缆",
    r"sheds?|shacks?|huts?": "棚",
    r"groundwater|underground water": "地下水",
    r"water (?:abstraction|intake|withdrawal)|abstract(?:ing)? water|withdraw(?:ing)? water|take water": "取水",
    r"water[- ](?:saving|conservation)|sav(?:e|ing) water": "节约用水 节水",
    r"drainage|sewers?": "排水",
    r"urban": "城镇",
    r"wetlands?": "湿地",
    r"forests?|woodland|forest land": "森林 林地",
    r"(?:timber|tree|forest) (?:harvesting|cutting|felling)|logging|felling|cut(?:ting)? (?:down )?trees": "采伐",
    r"selective (?:cutting|logging|felling)": "择伐",
    r"ancient trees?|(?:old|heritage|famous|notable) trees?": "古树名木",
    r"clear[- ]?cut(?:ting)?|clear[- ]felling": "皆伐",
    r"canopy (?:density|closure|cover)": "郁闭度",
    r"(?:re)?planting|regeneration|reforestation|afforestation": "更新 造林",
    r"rivers?": "河流",
    r"yangtze": "长江",
    r"yellow river": "黄河",
    r"marine|seas?|oceans?": "海洋",
    r"ships?|vessels?": "船舶",
    r"sul(?:ph|f)ur(?: content)?|sul(?:ph|f)ur dioxide|so2": "硫",
    r"(?:marine |ship |bunker )?fuels?(?: oil)?": "燃油 燃料",
    r"emission control (?:areas?|zones?)": "排放控制区",
    r"shore[- ](?:side )?(?:power|electricity)": "岸电",
    r"ports?|harbou?rs?|berth(?:s|ed|ing)?": "港口 靠港",
    r"soil and water conservation|soil erosion": "水土保持",
    r"land reclamation|reclaim(?:ed)? land": "土地复垦",
    r"lands?": "土地",
    r"restor(?:e|ed|ation)|rehabilitat(?:e|ed|ion)": "恢复",
    r"compensat(?:e|ed|ion)": "补偿 赔偿",
    r"damages?": "损害",
    r"radioactive|radiation": "放射性",
    r"nuclear": "核",
    r"pesticides?": "农药",
    r"feed additives?|animal feed|feed": "饲料",
    r"livestock|poultry": "畜禽",
    # energy, carbon, resources
    r"energy[- ](?:saving|conservation)|sav(?:e|ing) energy|conserv(?:e|ing) energy": "节约能源 节能",
    r"energy consumption|energy use": "能源消耗",
    r"energy efficiency": "能源效率",
    r"key energy[- ]consuming (?:units|enterprises)": "重点用能单位",
    r"key (?:emitters?|emitting (?:units?|entit(?:y|ies)|enterprises?)|emission units?)": "重点排放单位",
    r"annual emissions? reports?": "年度排放报告",
    r"refus(?:e|es|ed|ing) to (?:correct|rectify)|(?:fails?|failed) to (?:correct|rectify)": "拒不改正",
    r"carbon emissions?": "碳排放",
    r"greenhouse gas(?:es)?": "温室气体",
    r"carbon market|emissions? trading": "碳排放权交易",
    r"carbon": "碳",
    r"carbon dioxide|co2": "二氧化碳",
    r"stands? for|represents?|(?:is |are )?equivalent to|(?:is |are )?equal to": "相当于",
    r"electricity|electric power|power supply": "电力 供电",
    r"(?:power )?grid": "电网",
    r"on-grid|feed-in": "上网电价",
    r"tariffs?|electricity prices?": "电价",
    r"prices?": "价格",
    r"coal mines?": "煤矿",
    r"coal": "煤炭",
    r"min(?:e|es|ing)": "矿山 开采",
    r"mining rights?|exploration rights?|mineral rights?": "矿业权 采矿权 探矿权",
    r"mineral resources?|minerals?": "矿产资源",
    r"pipelines?": "管道",
    r"oil": "石油",
    r"natural gas|gas": "天然气",
    r"taxe?s?|taxation": "税",
    r"environmental protection tax|environmental tax": "环境保护税",
    r"resource tax": "资源税",
    r"vehicle purchase tax": "车辆购置税",
    r"fees?|charges?|levy|levies": "费",
    r"costs?|expenses?": "费用",
    r"subsid(?:y|ies)|grants?|incentives?|rewards?": "补贴 奖励",
    r"recycl(?:e|ed|ing)|reuse|circular economy": "回收 循环利用",
    r"cleaner production": "清洁生产",
    r"green": "绿色",
    r"obsolete|phased[- ]out|eliminated": "淘汰",
    r"labels?|labell?ing": "标识",
    # safety, products
    r"work safety|production safety|safety in production": "安全生产",
    r"safety": "安全",
    r"accidents?|incidents?": "事故",
    r"deaths?|dead|killed|fatalit(?:y|ies)": "死亡",
    r"injur(?:y|ies|ed)": "重伤 受伤",
    r"fires?|fire safety|fire protection": "消防 火灾",
    r"occupational (?:disease|diseases|health)": "职业病",
    r"special equipment|boilers?|pressure vessels?|elevators?|lifts?|cranes?|forklifts?": "特种设备",
    r"explosives?|blasting": "民用爆炸物品 爆炸物品",
    r"vehicles?|cars?|automobiles?": "机动车 汽车 车辆",
    r"roads?|transport(?:ation)?": "道路运输 运输",
    r"construction (?:projects?|sites?)|building projects?": "建设项目 建设工程",
    r"construction": "建设 施工",
    r"buildings?": "建筑",
    r"products?": "产品",
    r"data cent(?:re|er)s?": "数据中心",
    r"\bpue\b|power usage effectiveness": "PUE 电能利用",
    r"recommend(?:s|ed|ing|ation|ations)?": "推荐",
    r"technolog(?:y|ies|ical)": "技术",
    r"quality": "质量",
    r"produc(?:e|es|ed|tion)|manufactur(?:e|es|ed|ing|er|ers)": "生产",
    r"manufacturing": "制造业 制造",
    r"value[- ]added": "增加值",
    r"production licen[cs]es?|production permits?": "生产许可证",
    r"(?:operating|business) licen[cs]es?|operating permits?": "经营许可证",
    r"comprehensive": "综合",
    r"staffing|technical (?:staff|personnel)|technicians?|professional staff": "技术人员",
    r"collect(?:s|ed|ing|ion)?": "收集",
    r"requirements?|conditions?|prerequisites?": "条件",
    r"metrology|measuring instruments?|meters?": "计量 计量器具",
    r"calibrat(?:e|ed|ion)|verification": "检定",
    r"stor(?:e|es|ed|age|ing)": "储存 贮存",
    r"dispos(?:e|ed|al)": "处置",
    r"treat(?:ment|ed)?": "处理",
    r"equipment|facilit(?:y|ies)": "设备 设施",
    r"temporar(?:y|ily)": "临时",
    r"occup(?:y|ied|ation)|us(?:e|ing) land": "占用",
    # labour, social insurance
    r"employment|job[- ]seekers?|jobs?": "就业",
    r"employment (?:agenc(?:y|ies)|services?)|job (?:agenc(?:y|ies)|intermediar(?:y|ies))|recruitment agenc(?:y|ies)": "职业中介",
    r"labou?r contracts?|employment contracts?": "劳动合同",
    r"wages?|salar(?:y|ies)|payroll": "工资",
    r"overtime": "延长工作时间",
    r"annual leave|paid leave": "年休假",
    r"maternity leave": "产假",
    r"marriage leave": "婚假",
    r"sick leave": "病假",
    r"social insurance": "社会保险",
    r"work[- ]related injur(?:y|ies)|industrial injur(?:y|ies)|injur(?:y|ies) at work": "工伤",
    r"trade unions?|labou?r unions?": "工会",
    r"welfare": "福利",
    r"housing provident fund": "住房公积金",
    r"child labou?r": "童工",
    r"minimum wages?": "最低工资",
    r"(?:labou?r )?dispatch(?:ed)?(?: workers?)?": "劳务派遣",
    r"arbitrat(?:e|ion|or|ors)": "仲裁",
    # taxes
    r"income tax": "所得税",
    r"corporate income tax|enterprise income tax": "企业所得税",
    r"(?:individual|personal) income tax": "个人所得税",
    r"value[- ]added tax|vat": "增值税",
    r"consumption tax|excise(?: tax)?": "消费税",
    r"stamp (?:duty|tax)": "印花税",
    r"deed tax": "契税",
    r"land appreciation tax": "土地增值税",
    r"deduct(?:ed|ion|ions|ible)?": "扣除",
    r"tax returns?|fil(?:e|ing) (?:a |the )?returns?": "纳税申报",
    r"withh[oe]ld(?:ing)?": "扣缴",
    # health, drugs, food
    r"drugs?|medicines?|pharmaceuticals?": "药品",
    r"medical devices?": "医疗器械",
    r"doctors?|physicians?": "医师",
    r"infectious diseases?|epidemics?": "传染病",
    r"vaccines?": "疫苗",
    r"cosmetics?": "化妆品",
    r"food": "食品",
    r"blood donat(?:ion|ions)|donat(?:e|ing) blood": "献血",
    r"advertis(?:e|ing|ements?)|ads?": "广告",
    # trade, customs, intellectual property
    r"imports?|imported|importing": "进口",
    r"exports?|exported|exporting": "出口",
    r"export controls?": "出口管制",
    r"dual[- ]use": "两用物项",
    r"goods|cargo": "货物",
    r"smuggl(?:e|ed|ing)": "走私",
    r"intellectual property": "知识产权",
    r"trademarks?": "商标",
    r"patents?": "专利",
    # transport, aviation, agriculture
    r"airports?": "机场",
    r"drones?|unmanned aircraft|uav": "无人驾驶航空器",
    r"seafarers?|crew(?: members?)?": "船员",
    r"cooperatives?": "合作社",
    r"farmers?": "农民",
    r"seeds?": "种子",
    # time
    r"days?": "日",
    r"months?": "月",
    r"years?": "年",
    r"hours?": "小时",
}

# Places, by their usual English names: a question naming one gets the notes and checks a Chinese
# question naming it gets (no local document of that place indexed, …).
PLACES: dict[str, str] = {
    r"beijing": "北京", r"tianjin": "天津", r"shanghai": "上海", r"chongqing": "重庆", r"hebei": "河北",
    r"shanxi": "山西", r"shaanxi": "陕西", r"liaoning": "辽宁", r"jilin": "吉林", r"heilongjiang": "黑龙江",
    r"jiangsu": "江苏", r"zhejiang": "浙江", r"anhui": "安徽", r"fujian": "福建", r"jiangxi": "江西",
    r"shandong": "山东", r"henan": "河南", r"hubei": "湖北", r"hunan": "湖南", r"guangdong": "广东",
    r"hainan": "海南", r"sichuan": "四川", r"guizhou": "贵州", r"yunnan": "云南", r"gansu": "甘肃",
    r"qinghai": "青海", r"taiwan": "台湾", r"inner mongolia": "内蒙古", r"guangxi": "广西",
    r"tibet|xizang": "西藏", r"ningxia": "宁夏", r"xinjiang": "新疆", r"hong kong": "香港", r"maca[ou]": "澳门",
    r"shenzhen": "深圳", r"guangzhou": "广州", r"hangzhou": "杭州", r"nanjing": "南京", r"suzhou": "苏州",
    r"chengdu": "成都", r"wuhan": "武汉", r"xi['’]an": "西安", r"qingdao": "青岛", r"xiamen": "厦门",
    r"ningbo": "宁波", r"dalian": "大连", r"shenyang": "沈阳", r"changsha": "长沙", r"zhengzhou": "郑州",
    r"jinan": "济南", r"hefei": "合肥", r"fuzhou": "福州", r"kunming": "昆明", r"nanning": "南宁",
    r"harbin": "哈尔滨", r"changchun": "长春", r"shijiazhuang": "石家庄", r"taiyuan": "太原",
    r"nanchang": "南昌", r"guiyang": "贵阳", r"lanzhou": "兰州", r"haikou": "海口", r"yinchuan": "银川",
    r"xining": "西宁", r"urumqi": "乌鲁木齐", r"lhasa": "拉萨", r"hohhot": "呼和浩特", r"dongguan": "东莞",
    r"foshan": "佛山", r"wuxi": "无锡", r"wenzhou": "温州", r"zhuhai": "珠海", r"xiong'?an": "雄安",
}
_PLACES = [(re.compile(rf"(?<![a-z]){pattern}(?![a-z])"), place) for pattern, place in PLACES.items()]


def places(text: str) -> list[str]:
    """The Chinese names of the places an English question names (Beijing → 北京)."""
    low = text.lower()
    return [place for pattern, place in _PLACES if pattern.search(low)]


_COMPILED: list[tuple[re.Pattern[str], str, bool]] = [  # (pattern, words, says what is asked)
    (re.compile(rf"(?<![a-z])(?:{pattern})(?![a-z])"), words, table is ASKING)
    for table in (ASKING, TERMS) for pattern, words in table.items()
]


def gloss(text: str) -> tuple[list[str], list[str]]:
    """(framing, terms): the Chinese words for what an English question asks and for its terms,
    each once, in the order of the tables."""
    low = text.lower()
    framing: list[str] = []
    terms: list[str] = []
    for pattern, words, asking in _COMPILED:
        if pattern.search(low):
            out = framing if asking else terms
            for w in words.split():
                if w not in out:
                    out.append(w)
    return framing, terms


# A year the question is about (recalled in 2023, the 2024 figures), not the year of a text's
# version (amended in 2018, the 2021 revision, the law of 2015).
_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
# \b: "Diversion" is not "version"
_VERSION_BEFORE = re.compile(
    r"\b(?:amend(?:ed|ment)|revis(?:ed|ion)|adopt(?:ed|ion)|promulgat(?:ed|ion)|issu(?:ed|e)|enact(?:ed|ment)"
    r"|effective|in force|passed|published|version|edition|dated|law|regulations?|since|from|until)\W+(?:\w+\W+){0,2}$"
)
_VERSION_AFTER = re.compile(r"^\W*(?:revision|amendment|version|edition|law|regulations?|text|act)\b")


def subject_years(text: str) -> list[str]:
    """Years an English question is about, in order (those naming a version left out)."""
    low = text.lower()
    out = []
    for m in _YEAR.finditer(low):
        if _VERSION_BEFORE.search(low[max(0, m.start() - 40) : m.start()]) or _VERSION_AFTER.match(low[m.end() :]):
            continue
        out.append(m.group(1))
    return out


# A document named in English (the Electricity Law, China's mine safety law, the regulations on
# …): its kind, and the words of its subject matched against the indexed titles. Each TERMS entry
# that matches is one concept (its Chinese words are alternatives); a title must hold every concept.
_KIND_ENDINGS: dict[str, tuple[str, ...]] = {
    "law": ("法",), "regulation": ("条例",), "regulations": ("条例",), "measures": ("办法",),
    "rules": ("规定", "细则", "规则"), "provisions": ("规定",),
}
_NAME_BEFORE = re.compile(r"((?:[a-z][a-z'-]*\s+){1,5})(law|regulations?|measures|rules|provisions)\b")
_NAME_AFTER = re.compile(r"\b(law|regulations?|measures|rules|provisions)\s+(?:on|for|of|concerning|governing)\s+"
                         r"((?:[a-z][a-z'-]*\s*){1,8})")
# The implementing rules of a law (the Implementing Regulation of the Standardization Law → 标准化法实施条例).
_IMPLEMENTING = re.compile(r"\bimplementing\s+(regulations?|rules|measures)\s+(?:of|for)\s+(?:the\s+)?"
                           r"((?:[a-z][a-z'-]*\s+){1,5}?)law\b")
_IMPLEMENTING_KIND = {"regulation": "实施条例", "regulations": "实施条例", "rules": "实施细则", "measures": "实施办法"}
_TITLE_FILLER = ("中华人民共和国", "实施细则", "实施条例", "暂行", "条例", "办法", "规定", "细则", "规则", "监督管理", "管理", "监督",
                 "防治", "保护", "促进", "法", "和", "与", "及")
_TERM_PATTERNS = [(p, w.split()) for p, w, asking in _COMPILED if not asking]


def _concepts(words: str) -> list[list[str]]:
    """One list of alternatives per term named; entries matching overlapping words (commodity
    inspection, inspection) are one term."""
    spans = sorted((m.start(), m.end(), alts) for pattern, alts in _TERM_PATTERNS for m in pattern.finditer(words))
    merged: list[tuple[int, list[str]]] = []
    for start, end, alts in spans:
        if merged and start < merged[-1][0]:
            merged[-1] = (max(end, merged[-1][0]), merged[-1][1] + [a for a in alts if a not in merged[-1][1]])
        else:
            merged.append((end, list(alts)))
    return [alts for _end, alts in merged]


def _best_title(concepts: list[list[str]], kind: str, titles: Iterable[str]) -> str | None:
    endings = _KIND_ENDINGS[kind]
    scored = []
    for t in titles:
        if not t.endswith(endings) or (kind == "law" and t.endswith("办法")):
            continue
        fits = [max((a for a in alts if a in t), key=len, default="") for alts in concepts]
        if not all(fits):
            continue
        rest = t
        for word in sorted({a for alts in concepts for a in alts}, key=len, reverse=True) + list(_TITLE_FILLER):
            rest = rest.replace(word, "")
        if len(rest) <= 1:  # the English name covers the title: not another law on the same subject
            scored.append((sum(len(f) for f in fits), t))
    scored.sort(reverse=True)
    if scored and (len(scored) == 1 or scored[0][0] > scored[1][0]):
        return scored[0][1]
    return None


def documents(text: str, titles: Iterable[str]) -> list[str]:
    """The indexed titles (normalised, as AliasTable keys them) an English question names by
    their English names — only where one title fits the words best."""
    low = text.lower()
    titles = list(titles)
    out: list[str] = []
    for m in _NAME_BEFORE.finditer(low):
        words = m.group(1).split()
        for n in range(len(words), 0, -1):  # the longest run of words before the kind that names one
            concepts = _concepts(" ".join(words[-n:]))
            found = _best_title(concepts, m.group(2), titles) if concepts else None
            if found:
                out.append(found)
                break
    implementing: dict[str, str] = {}  # a law named only to say which rules implement it → those rules
    for m in _IMPLEMENTING.finditer(low):
        concepts = _concepts(m.group(2))
        law = _best_title(concepts, "law", titles) if concepts else None
        rules = law + _IMPLEMENTING_KIND[m.group(1)] if law else ""
        if rules in titles:
            implementing[law] = rules
    for m in _NAME_AFTER.finditer(low):
        concepts = _concepts(m.group(2))
        found = _best_title(concepts, m.group(1), titles) if concepts else None
        if found and found not in out:
            out.append(found)
    out = [implementing.get(t, t) for t in out] + list(implementing.values())
    return list(dict.fromkeys(out))
