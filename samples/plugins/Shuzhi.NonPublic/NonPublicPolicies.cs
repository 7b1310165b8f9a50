using ShuzhiKaohe.Abstractions;

namespace Shuzhi.NonPublic;

/// <summary>
/// Inspection 50 %, ballots 25 %, observation 25 %; 好 ≥ 90, 较好 ≥ 80, 一般 ≥ 65. A comprehensive Party committee's
/// debriefing is heard by few people, many of them from enterprises that are not its members' employers, so the
/// ballots weigh least; whether the covered enterprises' Party organisations are real or empty shells can only be
/// seen by visiting them.
/// </summary>
internal sealed class NonPublicScoring : IScoringStrategy
{
    public string Sector => NonPublicDescriptor.Key;
    private static readonly InputWeights Weights = new(Ballots: 0.25, Inspection: 0.50, Observation: 0.25);
    private static readonly GradeThresholds Thresholds = new(Good: 90, FairlyGood: 80, Average: 65);

    public ScoreResult Score(ScoringInputs inputs) =>
        WeightedScore.Combine(inputs, Weights, MarkValues.Standard, Thresholds, "非公有制企业和社会组织");
}

/// <summary>What to see and whom to hear (第六条): enterprises and their employees, not the committee's files.</summary>
internal sealed class NonPublicChecklist : IInspectionChecklist
{
    public string Sector => NonPublicDescriptor.Key;

    public IReadOnlyList<ChecklistEntry> For(int level) => level switch
    {
        1 or 2 =>
        [
            new("np.site.enterprises", "随机抽取的三家企业或社会组织的党组织实际运转", "出资人、管理人员、普通职工"),
            new("np.site.station", "新就业群体服务站点", "快递员、外卖员、网约车司机"),
        ],
        _ => [new("np.site.enterprise", "本企业（社会组织）党组织帮助解决的一件实际困难", "职工")],
    };
}

/// <summary>
/// Park, building and trade committee secretaries report on site; an enterprise's Party organisation may report
/// in writing. Extra rule: counting how many organisations a committee has "set up" or plaques it hung judges
/// the count of shells, not coverage (第六条).
/// </summary>
internal sealed class NonPublicRules : ISectorRules
{
    public string Sector => NonPublicDescriptor.Key;
    public bool RequiresOnSiteDebriefing(int level) => level == 2;

    public IReadOnlyList<FormalismRule> AdditionalFormalismRules { get; } =
    [
        new("np.shells", "(?:组建|新建|成立)(?:党组织|党支部)(?:的)?(?:数量|个数|多少)|(?:挂牌|牌子)(?:的)?(?:数量|个数)",
            "新建党组织或挂牌的数量（只数“建”、不看“用”）"),
    ];
}
