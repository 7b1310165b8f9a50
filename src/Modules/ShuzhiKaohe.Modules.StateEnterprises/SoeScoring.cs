using ShuzhiKaohe.Abstractions;

namespace ShuzhiKaohe.Modules.StateEnterprises;

/// <summary>
/// 国有企业 weighs the on-site inspection most (45 %), ballots 30 %, routine observation 25 %. In an enterprise
/// group the debriefing audience is the group's own managers and a few employee representatives — fewer and less
/// independent voters than a locality's enlarged meeting — while whether Party building is fused with operations
/// (not "两张皮") can be seen at outlets and in business results (第六条 "注重实绩实效"). The group's Party
/// committee also sees its subsidiaries all year through decisions it studies first (前置研究), so observation
/// weighs more than in a locality. Thresholds: 好 ≥ 90, 较好 ≥ 80, 一般 ≥ 60.
/// One extra line: where 好 and 较好 together are under two thirds of the rated marks, 好 is not proposed — a
/// subsidiary whose own people are divided should not be graded 好 on inspection scores alone.
/// </summary>
internal sealed class SoeScoring : IScoringStrategy
{
    public string Sector => SectorKeys.StateEnterprises;
    private static readonly InputWeights Weights = new(Ballots: 0.30, Inspection: 0.45, Observation: 0.25);
    private static readonly GradeThresholds Thresholds = new(Good: 90, FairlyGood: 80, Average: 60);

    public ScoreResult Score(ScoringInputs inputs)
    {
        var result = WeightedScore.Combine(inputs, Weights, MarkValues.Standard, Thresholds, "国有企业");
        var b = inputs.Ballots;
        if (result.ProposedGrade != Grade.Good || b.Rated == 0 || 3 * (b.Good + b.FairlyGood) >= 2 * b.Rated) return result;
        return result with
        {
            ProposedGrade = Grade.FairlyGood,
            Explanation = result.Explanation +
                $"但测评票中“好”和“较好”合计 {b.Good + b.FairlyGood} 票，不足有效票 {b.Rated} 票的三分之二，按本板块规则不提出“好”，建议等次改为：较好。",
        };
    }
}
