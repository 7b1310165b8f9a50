using ShuzhiKaohe.Abstractions;

namespace ShuzhiKaohe.Modules.Organs;

/// <summary>What to see in an organ and whom to hear (第六条): the people the organ serves, not its files.</summary>
internal sealed class OrgansChecklist : IInspectionChecklist
{
    public string Sector => SectorKeys.Organs;

    public IReadOnlyList<ChecklistEntry> For(int level) => level switch
    {
        1 or 2 =>
        [
            new("organs.site.service", "部门办事窗口或服务对象现场，一件群众或企业反映问题的办理经过", "办事群众、企业、基层单位干部"),
            new("organs.site.business", "一项重点业务的承办处室，党支部在其中解决的难题", "承办干部、普通党员"),
        ],
        3 => [new("organs.site.business", "一项重点业务的承办处室或直属单位现场", "承办干部、服务对象")],
        _ => [new("organs.site.branch", "支部所在处室的一项具体工作", "支部党员、服务对象")],
    };
}

/// <summary>
/// Department Party committee secretaries report on site to the 机关工委 (the top of 第三条's organ line); lower
/// levels may report in writing. Organs add two rules against paper work: counting study notes and
/// experience essays, or study-app check-ins and points, judges the trace of learning, not the learning (第六条).
/// </summary>
internal sealed class OrgansRules : ISectorRules
{
    public string Sector => SectorKeys.Organs;
    public bool RequiresOnSiteDebriefing(int level) => level == 2;

    public IReadOnlyList<FormalismRule> AdditionalFormalismRules { get; } =
    [
        new("organs.study-notes", "(?:学习笔记|读书笔记|心得体会|心得|研讨材料)(?:的)?(?:篇数|数量|字数|本数|多少)",
            "学习笔记、心得体会的篇数或字数"),
        new("organs.app-points", "(?:学习强国|学习APP|APP|打卡|签到)(?:的)?(?:积分|次数|排名|天数|率)",
            "学习APP积分、打卡签到的次数或排名"),
    ];
}
