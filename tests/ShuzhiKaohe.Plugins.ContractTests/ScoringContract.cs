using CsCheck;
using ShuzhiKaohe.Abstractions;

namespace ShuzhiKaohe.Plugins.ContractTests;

/// <summary>
/// 第六条's comprehensive evaluation as every strategy must do it: all three inputs count, better inputs never
/// lower a score or a grade, and the result is one of the four grades with an explanation.
/// </summary>
public sealed class ScoringContract
{
    private static readonly Gen<BallotCounts> Ballots =
        Gen.Select(Gen.Int[0, 40], Gen.Int[0, 40], Gen.Int[0, 40], Gen.Int[0, 40], (g, f, a, p) => new BallotCounts(g, f, a, p, 0));

    private static readonly Gen<double> Percent = Gen.Double[0, 100];

    private static ScoringInputs Inputs(int level, BallotCounts b, double inspection, double observation) =>
        new("contract", level, b, inspection, observation);

    private static IEnumerable<(string Key, int Level, IScoringStrategy Scoring)> Strategies(PluginUnderTest p) =>
        p.Sectors.All.SelectMany(s => s.Descriptor.Levels.Where(l => l.AssessedAsReporter).Select(l => (s.Key, l.Level, s.Scoring)));

    [Theory]
    [MemberData(nameof(PluginUnderTest.All), MemberType = typeof(PluginUnderTest))]
    public void Changing_any_one_of_the_three_inputs_changes_the_score(string plugin)
    {
        using var p = PluginUnderTest.Load(plugin);
        foreach (var (key, level, scoring) in Strategies(p))
        {
            var mixed = new BallotCounts(10, 10, 5, 2, 0);
            var baseScore = scoring.Score(Inputs(level, mixed, 70, 70)).Score;
            Assert.NotEqual(baseScore, scoring.Score(Inputs(level, new BallotCounts(27, 0, 0, 0, 0), 70, 70)).Score);
            Assert.NotEqual(baseScore, scoring.Score(Inputs(level, mixed, 95, 70)).Score);
            Assert.NotEqual(baseScore, scoring.Score(Inputs(level, mixed, 70, 95)).Score);
            _ = key;
        }
    }

    [Theory]
    [MemberData(nameof(PluginUnderTest.All), MemberType = typeof(PluginUnderTest))]
    public void Better_ballots_never_lower_the_score_or_the_grade(string plugin)
    {
        using var p = PluginUnderTest.Load(plugin);
        foreach (var (key, level, scoring) in Strategies(p))
            Gen.Select(Ballots, Percent, Percent, Gen.Int[1, 3]).Sample((b, insp, obs, step) =>
            {
                // One mark moved one grade up (差→一般, 一般→较好 or 较好→好), the total unchanged.
                BallotCounts? better = step switch
                {
                    1 when b.Poor > 0 => b with { Poor = b.Poor - 1, Average = b.Average + 1 },
                    2 when b.Average > 0 => b with { Average = b.Average - 1, FairlyGood = b.FairlyGood + 1 },
                    3 when b.FairlyGood > 0 => b with { FairlyGood = b.FairlyGood - 1, Good = b.Good + 1 },
                    _ => null,
                };
                if (better is null) return;
                AssertNotWorse(key, scoring.Score(Inputs(level, b, insp, obs)), scoring.Score(Inputs(level, better, insp, obs)));
            }, iter: 300);
    }

    [Theory]
    [MemberData(nameof(PluginUnderTest.All), MemberType = typeof(PluginUnderTest))]
    public void A_better_inspection_or_observation_never_lowers_the_score_or_the_grade(string plugin)
    {
        using var p = PluginUnderTest.Load(plugin);
        foreach (var (key, level, scoring) in Strategies(p))
            Gen.Select(Ballots, Percent, Percent, Gen.Double[0, 30]).Sample((b, insp, obs, up) =>
            {
                var before = scoring.Score(Inputs(level, b, insp, obs));
                AssertNotWorse(key, before, scoring.Score(Inputs(level, b, Math.Min(100, insp + up), obs)));
                AssertNotWorse(key, before, scoring.Score(Inputs(level, b, insp, Math.Min(100, obs + up))));
            }, iter: 300);
    }

    [Theory]
    [MemberData(nameof(PluginUnderTest.All), MemberType = typeof(PluginUnderTest))]
    public void Every_result_is_one_of_the_four_grades_with_a_score_in_range_and_an_explanation(string plugin)
    {
        using var p = PluginUnderTest.Load(plugin);
        foreach (var (key, level, scoring) in Strategies(p))
            Gen.Select(Ballots, Gen.Nullable(Percent, 0.2), Gen.Nullable(Percent, 0.2)).Sample((b, insp, obs) =>
            {
                var r = scoring.Score(new ScoringInputs("contract", level, b, insp, obs));
                Assert.Contains(r.ProposedGrade, Grades.All);
                Assert.InRange(r.Score, 0, 100);
                Assert.False(string.IsNullOrWhiteSpace(r.Explanation), $"{key}: no explanation");
                Assert.Contains(r.ProposedGrade.Chinese(), r.Explanation);
            }, iter: 200);
    }

    private static void AssertNotWorse(string key, ScoreResult before, ScoreResult after)
    {
        Assert.True(after.Score >= before.Score, $"{key}: score fell from {before.Score} to {after.Score}\n{before.Explanation}\n{after.Explanation}");
        Assert.True((int)after.ProposedGrade <= (int)before.ProposedGrade, $"{key}: grade fell from {before.ProposedGrade} to {after.ProposedGrade}");
    }
}
