namespace ShuzhiKaohe.Core.Debriefing;

/// <summary>On-site (现场述职) or written (书面述职) — 第五条.</summary>
public enum DebriefMode { Onsite, Written }

/// <summary>
/// A debriefing report's four parts (第五条: "总结工作成效，主要查摆突出问题、分析产生根源，提出破解工作瓶颈的措施").
/// </summary>
public sealed record ReportParts(string? Achievements, string? Problems, string? Causes, string? Measures)
{
    /// <summary>The whole report as read (including any preamble before the first part).</summary>
    public string? FullText { get; init; }

    public string Joined => string.Join("\n", new[] { Achievements, Problems, Causes, Measures }.Where(s => !string.IsNullOrWhiteSpace(s)));
}

/// <summary>One assessee's debriefing: the mode, the reason for a written one, the report, and its flags.</summary>
public sealed record DebriefingRecord(
    long Id,
    string OrgCode,
    string OrgName,
    DebriefMode Mode,
    string? WrittenReason,
    ReportParts? Report,
    string? ReportSource,
    IReadOnlyList<string> Flags,
    string RecordedBy,
    string RecordedAt,
    long RowVersion);

public static class DebriefModes
{
    public static string Key(this DebriefMode m) => m == DebriefMode.Onsite ? "onsite" : "written";

    public static bool TryParse(string? text, out DebriefMode mode)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "onsite" or "on-site" or "现场" or "现场述职": mode = DebriefMode.Onsite; return true;
            case "written" or "书面" or "书面述职": mode = DebriefMode.Written; return true;
            default: mode = default; return false;
        }
    }
}
