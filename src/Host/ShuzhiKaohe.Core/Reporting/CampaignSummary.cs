using ShuzhiKaohe.Abstractions;
using ShuzhiKaohe.Core.Organisations;

namespace ShuzhiKaohe.Core.Reporting;

/// <summary>A publication of a campaign's reports (第五条): scope, who, when.</summary>
public sealed record Publication(long Id, long CampaignId, string Scope, string PublishedBy, string PublishedAt);

/// <summary>
/// The summary a level reports upward (第八条): the campaign, its grades, its rectification list by status, its
/// publications, and coverage (全覆盖): the organiser's direct subordinates that no campaign of the year assessed.
/// </summary>
public sealed record CampaignSummary(
    long CampaignId, string OrganiserCode, string OrganiserName, int Year, string Stage, int Assessed,
    IReadOnlyDictionary<Grade, int> Grades, string? ApprovedAt, string? Meeting,
    IReadOnlyDictionary<string, int> Rectification, IReadOnlyList<Publication> Publications,
    int Subordinates, IReadOnlyList<Organisation> NotAssessed)
{
    public double Coverage => Subordinates == 0 ? 1 : Math.Round((double)(Subordinates - NotAssessed.Count) / Subordinates, 4);
}
