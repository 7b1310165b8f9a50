using ShuzhiKaohe.Abstractions;

namespace ShuzhiKaohe.Modules.Localities;

/// <summary>
/// 地方 weighs the ballots and the on-site inspection equally (40 % each) and routine observation 20 %: city,
/// county and township secretaries report on site before enlarged meetings that invite Party congress delegates,
/// people's congress deputies, CPPCC members and grassroots representatives (第五条), so the ballots carry many
/// independent voices; the inspection sees the villages and communities themselves (第六条). Thresholds: 好 ≥ 90,
/// 较好 ≥ 80, 一般 ≥ 65.
/// </summary>
internal sealed class LocalitiesScoring : IScoringStrategy
{
    public string Sector => SectorKeys.Localities;
    private static readonly InputWeights Weights = new(Ballots: 0.4, Inspection: 0.4, Observation: 0.2);
    private static readonly GradeThresholds Thresholds = new(Good: 90, FairlyGood: 80, Average: 65);

    public ScoreResult Score(ScoringInputs inputs) => WeightedScore.Combine(inputs, Weights, MarkValues.Standard, Thresholds, "地方");
}
