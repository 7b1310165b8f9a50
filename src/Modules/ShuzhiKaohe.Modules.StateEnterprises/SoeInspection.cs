using ShuzhiKaohe.Abstractions;

namespace ShuzhiKaohe.Modules.StateEnterprises;

/// <summary>
/// What to see in an enterprise and whom to hear (第六条): business sites and the people who deal with them —
/// employees, customers, the board — rather than the Party-affairs office's files.
/// </summary>
internal sealed class SoeChecklist : IInspectionChecklist
{
    public string Sector => SectorKeys.StateEnterprises;

    public IReadOnlyList<ChecklistEntry> For(int level) => level switch
    {
        1 or 2 =>
        [
            new("soe.site.decisions", "随机抽取的两项重大经营管理事项从党委前置研究到执行的实际经过", "董事、经理层成员、职工董事（监事）"),
            new("soe.site.outlets", "随机抽取的网点、业务部门或项目现场，党组织牵头攻坚的具体业务", "一线员工、客户"),
            new("soe.site.risk", "年内风险事件或监管发现问题所在机构的整改现场", "合规、风控岗位员工"),
        ],
        3 =>
        [
            new("soe.site.outlet", "随机一个网点或业务团队的党组织设置和党员岗位", "一线员工、客户"),
            new("soe.site.risk", "本单位一项风险或合规问题的整改结果", "风控岗位员工"),
        ],
        _ => [new("soe.site.branch", "支部所在网点（班组、项目部）的一项具体任务", "客户、员工")],
    };
}

/// <summary>
/// 第五条 names the locality levels for on-site debriefing; for an enterprise the group's second-level
/// subsidiaries report on site to the group committee (the heart of "逐级开展"), lower levels may report in
/// writing. Extra anti-formalism rules for enterprises: counting Party-building "brands" and activity events,
/// or scoring Party building by its own checklist points apart from the business, is the "两张皮" 第二条 warns
/// of ("推动基层党建与中心工作深度融合").
/// </summary>
internal sealed class SoeRules : ISectorRules
{
    public string Sector => SectorKeys.StateEnterprises;
    public bool RequiresOnSiteDebriefing(int level) => level == 2;

    public IReadOnlyList<FormalismRule> AdditionalFormalismRules { get; } =
    [
        new("soe.brands", "(?:党建品牌|品牌|示范点|示范岗|阵地|活动室)(?:创建|建成|挂牌|的)?(?:数量|个数|多少)",
            "党建品牌、示范点、阵地的创建数量"),
        new("soe.activities", "(?:党建活动|主题活动|联建活动|共建活动|志愿活动)(?:开展|组织|举办|的)?(?:次数|场次|数量)",
            "党建活动开展的次数"),
    ];
}
