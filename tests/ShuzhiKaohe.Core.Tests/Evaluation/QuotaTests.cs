using CsCheck;
using ShuzhiKaohe.Abstractions;
using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Evaluation;

namespace ShuzhiKaohe.Core.Tests.Evaluation;

public sealed class QuotaTests
{
    private static ScoredAssessee A(string code, double score, Grade g, int good = 0, int poor = 0, int rated = 10) =>
        new(code, new ScoreResult(score, g, $"{code}。", []), new BallotCounts(good, rated - good - poor, 0, poor, 0));

    [Theory]
    [InlineData("0.15", 20, 3)]
    [InlineData("0.15", 21, 4)]
    [InlineData("0.3", 10, 3)]
    [InlineData("0.1", 7, 1)]
    [InlineData("0", 7, 0)]
    [InlineData("1", 7, 7)]
    public void The_required_count_is_the_ceiling_of_ratio_times_n_without_float_error(string ratio, int n, int expected) =>
        Assert.Equal(expected, Quota.Of(decimal.Parse(ratio, System.Globalization.CultureInfo.InvariantCulture)).RequiredBelowGood(n));

    [Fact]
    public void A_ratio_outside_0_to_1_is_refused_citing_article_6()
    {
        var e = Assert.Throws<InvalidInputException>(() => Quota.Of(1.5m));
        Assert.StartsWith("第六条", e.Message);
    }

    [Fact]
    public void The_status_says_how_many_more_must_be_fairly_good_or_below()
    {
        var s = Quota.Of(0.3m).Status([Grade.Good, Grade.Good, Grade.Good, Grade.Good, Grade.FairlyGood, Grade.Good, Grade.Good]);
        Assert.False(s.Met);
        Assert.Equal(3, s.Required);
        Assert.Equal(2, s.Shortfall);
        Assert.Contains("第六条", s.Explain());
        Assert.Contains("还须 2 人", s.Explain());
        Assert.Equal("好 6　较好 1　一般 0　差 0", s.DistributionText());
    }

    [Fact]
    public void The_proposal_lowers_the_lowest_ranked_goods_until_the_quota_is_met()
    {
        var list = new[]
        {
            A("a", 95, Grade.Good), A("b", 91, Grade.Good), A("c", 93, Grade.Good), A("d", 85, Grade.FairlyGood),
        };
        var p = GradeProposer.Propose(list, Quota.Of(0.5m)).ToDictionary(x => x.OrgCode);
        Assert.Equal(Grade.Good, p["a"].Grade);
        Assert.Equal(Grade.FairlyGood, p["b"].Grade);
        Assert.True(p["b"].RaisedToMeetQuota);
        Assert.Contains("第六条", p["b"].Explanation);
        Assert.Equal(Grade.Good, p["c"].Grade);
        Assert.False(p["d"].RaisedToMeetQuota);
    }

    [Fact]
    public void Ties_are_broken_by_fewer_good_marks_then_more_poor_marks_then_code()
    {
        var list = new[] { A("x1", 90, Grade.Good, good: 8), A("x2", 90, Grade.Good, good: 6), A("x3", 90, Grade.Good, good: 6, poor: 2), A("x0", 90, Grade.Good, good: 6, poor: 2) };
        var order = GradeProposer.RankLowestFirst(list).Select(a => a.OrgCode).ToList();
        Assert.Equal(["x0", "x3", "x2", "x1"], order);
    }

    [Fact]
    public void Any_proposal_meets_the_quota_and_only_ever_lowers_good_to_fairly_good()
    {
        var gen = Gen.Select(
            Gen.Select(Gen.Double[0, 100], Gen.Enum<Grade>(), Gen.Int[0, 20]).Array[0, 40],
            Gen.Int[0, 100]);
        gen.Sample((items, pct) =>
        {
            var list = items.Select((x, i) => A($"o{i:D3}", Math.Round(x.Item1, 1), x.Item2, good: Math.Min(x.Item3, 10))).ToList();
            var quota = Quota.Of(pct / 100m);
            var proposed = GradeProposer.Propose(list, quota);
            var status = quota.Status(proposed.Select(p => p.Grade).ToList());
            if (!status.Met) return false;
            return proposed.Zip(list).All(z => z.First.Grade == z.Second.Result.ProposedGrade
                || (z.Second.Result.ProposedGrade == Grade.Good && z.First.Grade == Grade.FairlyGood && z.First.RaisedToMeetQuota));
        });
    }

    [Fact]
    public void Regrading_one_assessee_gives_the_status_counting_everyone_again_would()
    {
        Gen.Select(Gen.Enum<Grade>().Array[1, 30], Gen.Int[0, 100], Gen.Int, Gen.Enum<Grade>()).Sample((grades, pct, pick, now) =>
        {
            var quota = Quota.Of(pct / 100m);
            var i = Math.Abs(pick % grades.Length);
            var after = grades.ToArray();
            after[i] = now;
            var moved = quota.Status(grades).Regraded(grades[i], now);
            var counted = quota.Status(after);
            return moved.BelowGood == counted.BelowGood && moved.Required == counted.Required
                && Grades.All.All(g => moved.Distribution.GetValueOrDefault(g) == counted.Distribution.GetValueOrDefault(g));
        });
    }
}
