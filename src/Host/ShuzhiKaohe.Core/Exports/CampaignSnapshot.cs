using ShuzhiKaohe.Abstractions;
using ShuzhiKaohe.Core.Campaigns;
using ShuzhiKaohe.Core.Comments;
using ShuzhiKaohe.Core.Debriefing;
using ShuzhiKaohe.Core.Evaluation;
using ShuzhiKaohe.Core.Rectification;
using ShuzhiKaohe.Core.Reporting;

namespace ShuzhiKaohe.Core.Exports;

/// <summary>
/// Everything the documents say about one assessee, read once. Anything not yet recorded is null or empty: the
/// documents say "未审定", "未述职" … for it rather than failing (issue 8: exports work at every stage).
/// </summary>
public sealed record AssesseeSnapshot(
    RosterEntry Entry,
    string Secretary,
    bool SecretaryKnown,
    IReadOnlyList<string> Predecessors,
    DebriefingRecord? Debriefing,
    BallotCounts Ballots,
    double? Inspection,
    double? Observation,
    AssesseeGrade? Grade,
    bool Interview,
    AnnualAssessment? Annual,
    IReadOnlyList<Comment> Comments,
    IReadOnlyList<GradeRevision> Revisions)
{
    public string OrgCode => Entry.OrgCode;
    public string OrgName => Entry.OrgName;

    /// <summary>The grade once the committee approved it (or a later recorded revision), else null: not decided (第六条).</summary>
    public Grade? ApprovedGrade => Grade is { Status: GradeStatus.Approved or GradeStatus.Revised } g ? g.Grade : null;

    /// <summary>The grade the evaluation proposes or the committee's draft holds, before approval.</summary>
    public Grade? DraftGrade => Grade?.Grade;
}

/// <summary>A campaign as the documents see it, at one moment.</summary>
public sealed record CampaignSnapshot(
    Campaign Campaign,
    SessionMeeting? Meeting,
    int? BallotsIssued,
    int Sheets,
    int VoidSheets,
    EvaluationApproval? Approval,
    QuotaStatus? Quota,
    IReadOnlyList<AssesseeSnapshot> Assessees,
    IReadOnlyList<RectificationItem> Items,
    IReadOnlyList<RectificationItem> Carried,
    IReadOnlyDictionary<long, string> LatestProgress,
    IReadOnlyDictionary<string, string> OrgNames,
    IReadOnlyList<Publication> Publications,
    IReadOnlyList<FollowUp> FollowUps,
    DeadlineThresholds Thresholds,
    DateOnly Today,
    string GeneratedAt)
{
    public int Year => Campaign.Year;
    public string OrganiserName => Campaign.OrganiserName;

    /// <summary>第六条: the committee approved the grades.</summary>
    public bool Approved => Approval is not null && Campaign.Stage is CampaignStage.Approved or CampaignStage.Closed;

    /// <summary>Sheets keyed over sheets issued, when the issue is recorded (参评率).</summary>
    public double? Turnout => BallotsIssued is > 0 ? Math.Round((double)Sheets / BallotsIssued.Value, 4) : null;

    public int ValidSheets => Sheets - VoidSheets;

    public string NameOf(string orgCode) => OrgNames.GetValueOrDefault(orgCode) ?? orgCode;

    /// <summary>"XX 2023 年度" — the organisation name and year every title carries.</summary>
    public string TitlePrefix => $"{OrganiserName}{Year}年度";
}
