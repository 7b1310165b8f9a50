using ShuzhiKaohe.Abstractions;

namespace ShuzhiKaohe.Core.Evaluation;

/// <summary>One assessee's score as the sector strategy gave it, with what the tie rule needs.</summary>
public sealed record ScoredAssessee(string OrgCode, ScoreResult Result, BallotCounts Ballots);

/// <summary>A proposed grade and why; <see cref="RaisedToMeetQuota"/> when the quota lowered it from 好.</summary>
public sealed record ProposedGrade(string OrgCode, double Score, Grade Grade, string Explanation, bool RaisedToMeetQuota);

/// <summary>
/// Proposes grades that satisfy the quota (第六条). Each assessee starts from the grade its sector's thresholds
/// give. While fewer than the required number are 较好 or below, the lowest-ranked 好 becomes 较好.
/// Ranking, lowest first: by score; ties by the share of 好 marks on the ballots (fewer first); then by the
/// number of 差 marks (more first); then by organisation code — so the same data always gives the same proposal.
/// </summary>
public static class GradeProposer
{
    public static IReadOnlyList<ProposedGrade> Propose(IReadOnlyList<ScoredAssessee> assessees, Quota quota)
    {
        var grades = assessees.ToDictionary(a => a.OrgCode, a => a.Result.ProposedGrade);
        var lowered = new HashSet<string>();
        var required = quota.RequiredBelowGood(assessees.Count);
        var below = grades.Values.Count(g => g.IsFairlyGoodOrBelow());
        foreach (var a in RankLowestFirst(assessees))
        {
            if (below >= required) break;
            if (grades[a.OrgCode] != Grade.Good) continue;
            grades[a.OrgCode] = Grade.FairlyGood;
            lowered.Add(a.OrgCode);
            below++;
        }
        return assessees.Select(a => new ProposedGrade(a.OrgCode, a.Result.Score, grades[a.OrgCode],
            lowered.Contains(a.OrgCode)
                ? a.Result.Explanation + $"因“较好”及以下等次须占一定比例（{Quota.Article}，至少 {required} 人），按排名由“好”调为“较好”。"
                : a.Result.Explanation,
            lowered.Contains(a.OrgCode))).ToList();
    }

    /// <summary>The documented tie rule, lowest-ranked first.</summary>
    public static IEnumerable<ScoredAssessee> RankLowestFirst(IEnumerable<ScoredAssessee> assessees) =>
        assessees
            .OrderBy(a => a.Result.Score)
            .ThenBy(a => a.Ballots.Rated == 0 ? 0 : (double)a.Ballots.Good / a.Ballots.Rated)
            .ThenByDescending(a => a.Ballots.Poor)
            .ThenBy(a => a.OrgCode, StringComparer.Ordinal);
}
