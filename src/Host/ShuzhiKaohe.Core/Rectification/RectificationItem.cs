namespace ShuzhiKaohe.Core.Rectification;

/// <summary>Where a rectification item was raised (JSON: comment | ballot | inspection | evaluation | inspection_tour | consequence).</summary>
public enum RectificationSource { Comment, Ballot, Inspection, Evaluation, InspectionTour, Consequence }

/// <summary>open → in_progress → done (JSON keys as written).</summary>
public enum RectificationStatus { Open, InProgress, Done }

/// <summary>An item of the rectification list (整改清单, 第四、七条).</summary>
/// <param name="CampaignId">The campaign that raised it (null for an item raised outside a campaign, e.g. 巡察 feedback).</param>
/// <param name="Referral">第七条 追责问责: a referral recorded beside the item; it never closes the item.</param>
public sealed record RectificationItem(
    long Id, long? CampaignId, string OrgCode, RectificationSource Source, string? SourceRef, string Description, string? Measures,
    string? Owner, DateOnly Deadline, RectificationStatus Status, string? Referral, string CreatedBy, string CreatedAt, long RowVersion)
{
    public DeadlineColour ColourOn(DateOnly today, DeadlineThresholds thresholds) =>
        thresholds.ColourFor(Deadline, today, Status == RectificationStatus.Done);
}

/// <summary>A progress note, with the status it moved the item to.</summary>
public sealed record RectificationProgress(long Id, long ItemId, string Note, RectificationStatus ToStatus, string RecordedBy, string RecordedAt);

/// <summary>
/// A circulation of a campaign's rectification progress by the superior (通报整改进展): who, when, within which
/// scope, and the counts as they stood then (overdue: deadline passed, not done).
/// </summary>
public sealed record RectificationCirculation(long Id, long CampaignId, string? Scope, int Items, int Open, int InProgress, int Done, int Overdue,
    string CirculatedBy, string CirculatedAt);

public static class RectificationKeys
{
    public static string Key(this RectificationSource s) => s switch
    {
        RectificationSource.Comment => "comment",
        RectificationSource.Ballot => "ballot",
        RectificationSource.Inspection => "inspection",
        RectificationSource.Evaluation => "evaluation",
        RectificationSource.InspectionTour => "inspection_tour",
        _ => "consequence",
    };

    public static string Key(this RectificationStatus s) => s switch
    {
        RectificationStatus.Open => "open",
        RectificationStatus.InProgress => "in_progress",
        _ => "done",
    };

    public static string Key(this DeadlineColour c) => c switch
    {
        DeadlineColour.None => "none",
        DeadlineColour.Green => "green",
        DeadlineColour.Yellow => "yellow",
        _ => "red",
    };

    public static string Chinese(this RectificationStatus s) => s switch
    {
        RectificationStatus.Open => "未整改",
        RectificationStatus.InProgress => "整改中",
        _ => "已完成",
    };

    public static RectificationSource ParseSource(string key)
    {
        foreach (var s in Enum.GetValues<RectificationSource>())
            if (s.Key() == key.Trim()) return s;
        throw new Common.InvalidInputException($"未知的整改来源“{key}”：应为 comment|ballot|inspection|evaluation|inspection_tour|consequence");
    }

    public static RectificationStatus ParseStatus(string key) =>
        Enum.GetValues<RectificationStatus>().First(s => s.Key() == key);
}
