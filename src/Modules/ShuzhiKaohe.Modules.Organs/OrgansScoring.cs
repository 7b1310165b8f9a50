using ShuzhiKaohe.Abstractions;

namespace ShuzhiKaohe.Modules.Organs;

/// <summary>
/// 机关 weighs routine observation most (40 %), ballots and inspection 30 % each. An organ's Party committee works
/// in the same building as the offices it assesses and sees them daily, so its observation is well founded; the
/// ballots come from colleagues of one organ, less independent than a locality's enlarged meeting; and an organ's
/// "site" is mostly its service to others, which the inspection samples. Thresholds: 好 ≥ 90, 较好 ≥ 80, 一般 ≥ 65.
/// </summary>
internal sealed class OrgansScoring : IScoringStrategy
{
    public string Sector => SectorKeys.Organs;
    private static readonly InputWeights Weights = new(Ballots: 0.3, Inspection: 0.3, Observation: 0.4);
    private static readonly GradeThresholds Thresholds = new(Good: 90, FairlyGood: 80, Average: 65);

    public ScoreResult Score(ScoringInputs inputs) => WeightedScore.Combine(inputs, Weights, MarkValues.Standard, Thresholds, "机关");
}
