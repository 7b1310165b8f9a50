using ShuzhiKaohe.Abstractions;

namespace ShuzhiKaohe.Modules.StateEnterprises;

/// <summary>
/// The state enterprise's own focus items per level and year: the Party's leadership in corporate governance at
/// the top, integration with operations and risk control in the middle, the branch at the outlet at the bottom
/// (第六条 "越往下考核工作越要简化": 5 → 5 → 3 → 2 items).
/// </summary>
internal sealed class SoeFocus : IFocusItemCatalogue
{
    public string Sector => SectorKeys.StateEnterprises;

    private static readonly FocusItemDefinition Governance = new("soe.governance", "把党的领导融入公司治理", 0,
        "抽取年内若干重大经营管理事项，核对其决策过程中党委前置研究讨论的实际作用（是否把方向、管大局、保落实，有无改变或否决不当事项）；听董事、经理层成员和职工代表讲党委如何把关。",
        "党委前置研究讨论重大经营管理事项在实际决策中发挥把关作用的成效");

    private static readonly FocusItemDefinition Integration = new("soe.integration", "党建与生产经营深度融合", 0,
        "到一线业务单元看党组织牵头攻坚的具体项目（重点客户、重大项目、难点业务）及其经营结果，听一线员工和客户评价，防止党建、业务“两张皮”。",
        "党组织和党员在经营难点、重点任务中发挥作用的实际经营成效");

    private static readonly FocusItemDefinition Risk = new("soe.risk", "党建引领风险防控与合规经营", 0,
        "对照年内风险事件、案件和监管检查发现的问题，到发生问题的机构现场核实整改结果，听合规、风控岗位员工讲实情。好：问题真改、未再发生；差：同类问题反复出现。",
        "重大风险、案件和合规问题的防控与整改实效");

    private static readonly FocusItemDefinition Service = new("soe.service", "服务实体经济和国家、地方发展大局", 0,
        "抽查支持地方重点项目、小微企业、科技创新和乡村振兴的具体业务，走访服务对象了解融资可得性和服务质量。",
        "服务实体经济的实际成效和服务对象的评价（金融工作的政治性、人民性）");

    private static readonly FocusItemDefinition Integrity = new("soe.integrity", "清廉国企（清廉金融文化）建设和对“一把手”的监督", 0,
        "对照信访举报、审计和巡察发现的廉洁风险问题，核实查处和整改结果；随机访谈员工了解关键岗位轮岗、“三重一大”决策的实际运行。",
        "关键岗位廉洁风险防控和违规违纪问题纠治的实际结果");

    private static readonly FocusItemDefinition BranchInOutlet = new("soe.branch_in_outlet", "党组织设置与业务单元匹配，党员在一线发挥作用", 0,
        "到网点、项目部、业务团队现场看党组织是否建在业务单元上、党员是否在急难险重岗位，听员工和客户评价。",
        "一线业务单元党组织覆盖质量和党员作用发挥的实际表现");

    private static readonly FocusItemDefinition FrontLine = new("soe.front_line", "支部带队伍、服务客户、完成任务", 0,
        "在网点（班组、项目部）现场看支部带领员工完成一项具体任务的情况，随机听客户和员工评价。",
        "客户和员工对支部及党员表现的评价");

    private static readonly FocusItemDefinition Cadres = new("soe.cadres", "领导班子和干部人才队伍建设", 0,
        "听班子成员、中层干部和青年员工讲选人用人导向和年轻干部培养的实际做法，核实一项具体的人才使用事例。",
        "选人用人导向是否鲜明、人才队伍能否支撑业务发展");

    /// <summary>The reform programme of the year: 国企改革三年行动 (2020–2022), 深化提升行动 (2023–2025), and the year's tasks after.</summary>
    private static FocusItemDefinition Reform(int year) => new("soe.reform",
        year switch
        {
            <= 2019 => "落实全国国有企业党的建设工作会议精神，推进基层党建“三基建设”",
            <= 2022 => "国企改革三年行动中加强党的领导",
            <= 2025 => "国有企业改革深化提升行动中加强党的建设",
            _ => "年度改革发展重点任务中党组织把方向、管大局、保落实",
        }, 0,
        "选取年度改革任务中的一项，到承担单位现场看推进结果，听经营管理人员和员工讲党组织在其中起了什么作用。",
        "年度改革任务落地的实际结果和党组织在其中的作用");

    public IReadOnlyList<FocusItemDefinition> ItemsFor(int level, int year) => SectorItemWeights.ShareOut(level switch
    {
        1 => [(Governance, 4), (Integration, 4), (Service, 3), (Reform(year), 2), (Cadres, 2)],
        2 => [(Governance, 4), (Integration, 4), (Risk, 3), (Integrity, 2), (Reform(year), 2)],
        3 => [(Integration, 4), (Risk, 3), (BranchInOutlet, 3)],
        _ => [(FrontLine, 1), (BranchInOutlet, 1)],
    });
}
