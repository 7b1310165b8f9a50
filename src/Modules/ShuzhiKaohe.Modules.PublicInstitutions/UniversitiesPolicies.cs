using ShuzhiKaohe.Abstractions;

namespace ShuzhiKaohe.Modules.PublicInstitutions;

/// <summary>
/// 高校 weighs the ballots 40 %, inspection 35 %, observation 25 %. A university's debriefing is heard by a large
/// body of teachers, students and retired staff representatives (第五条 基层党员干部群众代表), whose marks are many
/// and independent; the inspection samples classrooms and dormitories. Thresholds: 好 ≥ 90, 较好 ≥ 80, 一般 ≥ 65.
/// </summary>
internal sealed class UniversitiesScoring : IScoringStrategy
{
    public string Sector => SectorKeys.Universities;
    private static readonly InputWeights Weights = new(Ballots: 0.40, Inspection: 0.35, Observation: 0.25);
    private static readonly GradeThresholds Thresholds = new(Good: 90, FairlyGood: 80, Average: 65);

    public ScoreResult Score(ScoringInputs inputs) => WeightedScore.Combine(inputs, Weights, MarkValues.Standard, Thresholds, "高校");
}

/// <summary>What to see in a university and whom to hear (第六条): classrooms, dormitories, teachers and students.</summary>
internal sealed class UniversitiesChecklist : IInspectionChecklist
{
    public string Sector => SectorKeys.Universities;

    public IReadOnlyList<ChecklistEntry> For(int level) => level switch
    {
        1 =>
        [
            new("uni.site.decision", "一项重大事项从党委决定到校长组织实施的实际经过", "校领导班子成员、教职工代表"),
            new("uni.site.classroom", "随机一堂思政课和一堂专业课", "学生、任课教师"),
        ],
        2 => [new("uni.site.gatekeeping", "本院系一项教师引进或职称评审的把关经过", "教师、学生")],
        _ => [new("uni.site.branch", "支部所在教研室或班级的一项具体工作", "教师、学生")],
    };
}

/// <summary>
/// University Party committee secretaries report on site to their superior; colleges and branches may report in
/// writing. Universities add the study-app rule: ranking teachers and students by app points or check-ins
/// judges the trace of study, not its effect (第六条).
/// </summary>
internal sealed class UniversitiesRules : ISectorRules
{
    public string Sector => SectorKeys.Universities;
    public bool RequiresOnSiteDebriefing(int level) => level == 1;

    public IReadOnlyList<FormalismRule> AdditionalFormalismRules { get; } =
    [
        new("uni.app-points", "(?:学习强国|学习APP|APP|打卡|签到)(?:的)?(?:积分|次数|排名|天数|率)",
            "学习APP积分、打卡签到的次数或排名"),
    ];
}
