using ShuzhiKaohe.Abstractions;
using ShuzhiKaohe.Core.Common;

namespace ShuzhiKaohe.Core.Evaluation;

/// <summary>
/// The quota of 第六条: "评价为'较好'或以下等次的应占一定比例". A campaign sets the minimum share of 较好-or-below;
/// with n assessees at least ⌈ratio × n⌉ must be 较好 or below. Ratios are decimals so that 0.15 × 20 is 3, not 4.
/// </summary>
public sealed record Quota(decimal MinimumShareBelowGood)
{
    public const string Article = "第六条";

    public static Quota Of(decimal ratio) =>
        ratio is < 0 or > 1
            ? throw new InvalidInputException($"{Article}：“较好”及以下等次的最低比例须在 0 到 1 之间，收到 {ratio}")
            : new Quota(ratio);

    /// <summary>How many of <paramref name="assessees"/> must be 较好 or below.</summary>
    public int RequiredBelowGood(int assessees) => (int)Math.Ceiling(MinimumShareBelowGood * assessees);

    public QuotaStatus Status(IReadOnlyCollection<Grade> grades)
    {
        var below = grades.Count(g => g.IsFairlyGoodOrBelow());
        var counts = Grades.All.ToDictionary(g => g, g => grades.Count(x => x == g));
        return new QuotaStatus(grades.Count, MinimumShareBelowGood, RequiredBelowGood(grades.Count), below, counts);
    }
}

/// <summary>The live distribution against the quota.</summary>
public sealed record QuotaStatus(int Assessees, decimal MinimumShare, int Required, int BelowGood, IReadOnlyDictionary<Grade, int> Distribution)
{
    public bool Met => BelowGood >= Required;
    public int Shortfall => Math.Max(0, Required - BelowGood);

    /// <summary>What a grade change warns of (第六条): the explanation while the quota is unmet, else nothing.</summary>
    public IReadOnlyList<string> Warnings => Met ? [] : [Explain()];

    /// <summary>The refusal an operator reads while the quota is unmet (第六条).</summary>
    public string Explain() =>
        $"{Quota.Article}：评价为“较好”或以下等次的应占一定比例。本次最低比例 {MinimumShare:P0}，{Assessees} 人中至少 {Required} 人应为“较好”或以下，" +
        $"目前 {BelowGood} 人{(Met ? "，已满足。" : $"，还须 {Shortfall} 人评为“较好”或以下。")}";

    /// <summary>
    /// The status after one assessee's grade changed from <paramref name="was"/> (null: ungraded) to <paramref name="now"/>,
    /// without counting everyone again. The head count and the requirement stay as they were (the roster did not change).
    /// </summary>
    public QuotaStatus Regraded(Grade? was, Grade now)
    {
        var counts = new Dictionary<Grade, int>(Distribution);
        var below = BelowGood;
        if (was is { } w)
        {
            counts[w] = counts.GetValueOrDefault(w) - 1;
            if (w.IsFairlyGoodOrBelow()) below--;
        }
        counts[now] = counts.GetValueOrDefault(now) + 1;
        if (now.IsFairlyGoodOrBelow()) below++;
        return this with { BelowGood = below, Distribution = counts };
    }

    public string DistributionText() =>
        string.Join("　", Grades.All.Select(g => $"{g.Chinese()} {Distribution.GetValueOrDefault(g)}"));
}
