using ShuzhiKaohe.Abstractions;
using ShuzhiKaohe.Core.Debriefing;
using ShuzhiKaohe.Core.Evaluation;
using ShuzhiKaohe.Core.Rectification;

namespace ShuzhiKaohe.Core.Exports;

/// <summary>The words the documents use for things, including what they say for what is not decided or recorded yet.</summary>
public static class ExportWords
{
    /// <summary>第六条: a grade the committee has not approved yet.</summary>
    public const string NotApproved = "未审定";
    public const string NotGraded = "未评定";
    public const string NotReported = "未述职";
    public const string NotRecorded = "未录入";

    public static string Mode(DebriefingRecord? d) => d is null ? NotReported : d.Mode == DebriefMode.Onsite ? "现场述职" : "书面述职";

    public static string Status(AssesseeGrade? g) => g?.Status switch
    {
        null => NotGraded,
        GradeStatus.Proposed => "建议（未审定）",
        GradeStatus.Set => "拟定（未审定）",
        GradeStatus.Approved => "已批准",
        _ => "已变更（新的决定）",
    };

    public static string Source(RectificationSource s) => s switch
    {
        RectificationSource.Comment => "点评指出",
        RectificationSource.Ballot => "民主评议",
        RectificationSource.Inspection => "实地考核",
        RectificationSource.Evaluation => "综合评价",
        RectificationSource.InspectionTour => "巡视巡察反馈",
        _ => "限期整改（第七条）",
    };

    public static string Colour(DeadlineColour c) => c switch
    {
        DeadlineColour.Red => "红色（逾期）",
        DeadlineColour.Yellow => "黄色",
        DeadlineColour.Green => "绿色",
        _ => "—",
    };

    /// <summary>第七条's consequences of an approved grade, with what was recorded (interview, deadline, referral).</summary>
    public static string Consequences(AssesseeSnapshot a, IEnumerable<RectificationItem> items)
    {
        if (a.ApprovedGrade is not { } grade) return NotApproved;
        if (grade == Grade.Good) return "无";
        var parts = new List<string> { "年度考核不得评为优秀" };
        if (grade is Grade.Average or Grade.Poor)
        {
            parts.Add(a.Interview ? "约谈提醒" : "约谈提醒（未记录）");
            var own = items.Where(i => i.OrgCode == a.OrgCode).ToList();
            parts.Add(own.FirstOrDefault(i => i.Source == RectificationSource.Consequence) is { } item
                ? $"限期整改（{item.Deadline:yyyy-MM-dd} 前）"
                : "限期整改");
            if (own.Any(i => i.Referral is not null)) parts.Add("移交追责问责");
        }
        return string.Join("；", parts);
    }

    /// <summary>"2024-01-20" from a stored timestamp.</summary>
    public static string Day(string? timestamp) => timestamp is { Length: >= 10 } t ? t[..10] : timestamp ?? "";
}
