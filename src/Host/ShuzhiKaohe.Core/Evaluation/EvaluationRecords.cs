using ShuzhiKaohe.Abstractions;
using ShuzhiKaohe.Core.Campaigns;

namespace ShuzhiKaohe.Core.Evaluation;

/// <summary>How an assessee's grade came about (JSON: proposed | set | approved | revised).</summary>
public enum GradeStatus { Proposed, Set, Approved, Revised }

public static class GradeStatuses
{
    public static string Key(this GradeStatus s) => s switch
    {
        GradeStatus.Proposed => "proposed",
        GradeStatus.Set => "set",
        GradeStatus.Approved => "approved",
        _ => "revised",
    };

    public static GradeStatus Parse(string key) => key switch
    {
        "proposed" => GradeStatus.Proposed,
        "set" => GradeStatus.Set,
        "approved" => GradeStatus.Approved,
        _ => GradeStatus.Revised,
    };

    internal static Grade ParseGrade(string key) =>
        Grades.TryParse(key, out var g) ? g : throw new InvalidOperationException($"evaluation_grade holds an unknown grade {key}");
}

/// <summary>The grade (等次, 第六条) of one assessee of a campaign.</summary>
public sealed record AssesseeGrade(
    long EntryId, string OrgCode, string OrgName, double? Score, Grade? ProposedGrade, Grade Grade, GradeStatus Status,
    string? Explanation, string? Reason, string RecordedBy, string RecordedAt, long RowVersion);

/// <summary>One line of <c>evaluate show</c>: an assessee with its grade, or none yet.</summary>
public sealed record EvaluationLine(string OrgCode, string OrgName, AssesseeGrade? Grade);

/// <summary>One grade written: the line as it now is, the grade it replaced (null when it had none) and the campaign as the write read it.</summary>
public sealed record GradeChange(EvaluationLine Line, Grade? Was, Campaign Campaign);

/// <summary>The campaign's grades with the live distribution against the quota (null while no quota is set).</summary>
public sealed record EvaluationView(long CampaignId, IReadOnlyList<EvaluationLine> Lines, QuotaStatus? Quota, EvaluationApproval? Approval);

/// <summary>The committee's approval (党委（党组）研究, 第六条).</summary>
public sealed record EvaluationApproval(long CampaignId, string? Meeting, string ApprovedBy, string ApprovedAt);

/// <summary>Routine observation (平时了解, 第六条) of one assessee, 0–100.</summary>
public sealed record Observation(string OrgCode, double Score, string? Note, string RecordedBy, string RecordedAt, long RowVersion);

/// <summary>A revision of an approved grade: a new decision with its reason, never an edit.</summary>
public sealed record GradeRevision(long Id, string OrgCode, Grade From, Grade To, string Reason, string Decision, string RevisedBy, string RevisedAt);

/// <summary>What happened after approval (JSON kind: feedback | circulate | archive).</summary>
public enum FollowUpKind { Feedback, Circulate, Archive }

public sealed record FollowUp(long Id, long CampaignId, string? OrgCode, FollowUpKind Kind, string? Scope, string DoneBy, string RecordedBy, string RecordedAt);

public static class FollowUpKinds
{
    public static string Key(this FollowUpKind k) => k switch
    {
        FollowUpKind.Feedback => "feedback",
        FollowUpKind.Circulate => "circulate",
        _ => "archive",
    };

    public static string Chinese(this FollowUpKind k) => k switch
    {
        FollowUpKind.Feedback => "反馈本人",
        FollowUpKind.Circulate => "通报",
        _ => "归入干部人事档案",
    };
}
