using System.Globalization;
using System.Text;

namespace ShuzhiKaohe.Abstractions;

/// <summary>The weights of the three inputs of the comprehensive evaluation (第六条). They need not sum to 1.</summary>
public sealed record InputWeights(double Ballots, double Inspection, double Observation);

/// <summary>Lowest scores for 好, 较好 and 一般; below <see cref="Average"/> is 差.</summary>
public sealed record GradeThresholds(double Good, double FairlyGood, double Average)
{
    public Grade GradeFor(double score) =>
        score >= Good ? Grade.Good : score >= FairlyGood ? Grade.FairlyGood : score >= Average ? Grade.Average : Grade.Poor;
}

/// <summary>What each ballot mark is worth, 0–100 (e.g. 好 100, 较好 80, 一般 60, 差 0).</summary>
public sealed record MarkValues(double Good, double FairlyGood, double Average, double Poor)
{
    public static readonly MarkValues Standard = new(100, 80, 60, 0);

    /// <summary>The mean value of the rated marks, or null when nobody rated the reporter.</summary>
    public double? BallotIndex(BallotCounts c) =>
        c.Rated == 0 ? null : (c.Good * Good + c.FairlyGood * FairlyGood + c.Average * Average + c.Poor * Poor) / c.Rated;
}

/// <summary>
/// The common arithmetic of a sector strategy: a weighted mean of the inputs that are present (a missing
/// input's weight is shared out among the others, and the explanation says so), graded by thresholds.
/// A sector keeps its own weights, mark values and thresholds; this only does the sums and the wording.
/// </summary>
public static class WeightedScore
{
    public static ScoreResult Combine(ScoringInputs inputs, InputWeights weights, MarkValues marks, GradeThresholds thresholds, string sectorName)
    {
        var ballot = marks.BallotIndex(inputs.Ballots);
        var parts = new (string Name, double? Value, double Weight)[]
        {
            ("测评票", ballot, weights.Ballots),
            ("实地考核", Clamp(inputs.InspectionScore), weights.Inspection),
            ("平时了解", Clamp(inputs.ObservationScore), weights.Observation),
        };
        var present = parts.Where(p => p.Value is not null && p.Weight > 0).ToList();
        var total = present.Sum(p => p.Weight);
        var components = parts.Select(p =>
        {
            var share = p.Value is null || total <= 0 ? 0 : p.Weight / total;
            return new ScoreComponent(p.Name, p.Value, share, p.Value is null ? 0 : Math.Round(p.Value.Value * share, 2));
        }).ToList();
        var score = Math.Round(components.Sum(c => c.Contribution), 2);
        var grade = present.Count == 0 ? Grade.Poor : thresholds.GradeFor(score);

        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{sectorName}评分：");
        sb.Append(string.Join("；", components.Select(c => c.Input is null
            ? $"{c.Name}无数据（权重分给其他项）"
            : $"{c.Name} {c.Input:0.##} × {c.Weight:P0} = {c.Contribution:0.##}")));
        sb.Append(CultureInfo.InvariantCulture, $"。综合 {score:0.##} 分");
        if (inputs.Ballots.Rated > 0)
            sb.Append(CultureInfo.InvariantCulture, $"（测评票：好 {inputs.Ballots.Good}、较好 {inputs.Ballots.FairlyGood}、一般 {inputs.Ballots.Average}、差 {inputs.Ballots.Poor}；每票折分 {marks.Good:0}/{marks.FairlyGood:0}/{marks.Average:0}/{marks.Poor:0}）");
        sb.Append(CultureInfo.InvariantCulture, $"。等次线：好 ≥ {thresholds.Good:0.#}，较好 ≥ {thresholds.FairlyGood:0.#}，一般 ≥ {thresholds.Average:0.#}，以下为差；建议等次：{grade.Chinese()}。");
        if (present.Count == 0) sb.Append("三项输入均无数据，暂按“差”提出，须补录后再评。");
        return new ScoreResult(score, grade, sb.ToString(), components);
    }

    private static double? Clamp(double? v) => v is null ? null : Math.Clamp(v.Value, 0, 100);
}
