using ShuzhiKaohe.Core.Campaigns;
using ShuzhiKaohe.Core.Comments;
using ShuzhiKaohe.Core.Debriefing;
using ShuzhiKaohe.Tui.Shell;

namespace ShuzhiKaohe.Tui.Session;

/// <summary>
/// The debriefing session (述职评议会, 第五条): the meeting, each reporter's debriefing with the report's four parts
/// (成效、问题、根源、措施), and the comments on each reporter; a comment is added through Core (the superior's
/// comment on every reporter is what the session → evaluation gate needs).
/// </summary>
public sealed class SessionViewModel(long campaignId, CampaignService campaigns, SessionService sessions, DebriefingService debriefings,
    CommentService comments, Core.Reporting.ReportingService reporting)
{
    public long CampaignId { get; } = campaignId;

    public Campaign Campaign { get; private set; } = null!;

    public IReadOnlyList<Assessee> Reporters { get; private set; } = [];

    public IReadOnlyList<DebriefingRecord> Debriefings { get; private set; } = [];

    public IReadOnlyList<Comment> Comments { get; private set; } = [];

    public string MeetingLine { get; private set; } = "";

    public IReadOnlyList<string> Rows => Reporters.Select(a =>
    {
        var d = Debriefings.FirstOrDefault(x => x.OrgCode == a.Entry.OrgCode);
        var mine = Comments.Where(c => c.OrgCode == a.Entry.OrgCode).ToList();
        var mode = d is null ? "未述职" : d.Mode == DebriefMode.Onsite ? "现场述职" : "书面述职";
        var superior = mine.Any(c => c.By == CommentBy.Superior) ? $"点评 {mine.Count} 条" : "缺上级书记点评";
        var flags = d?.Flags.Count > 0 ? "　⚑" + string.Join("、", d.Flags) : "";
        return $"{TextWidth.PadRight(a.Entry.OrgCode, 10)}{TextWidth.Fit(a.Entry.OrgName, 16)}{TextWidth.Fit(a.Name, 8)} {TextWidth.PadRight(mode, 8)} {superior}{flags}";
    }).ToList();

    /// <summary>The report's four parts of one reporter, in order (empty when not reported).</summary>
    public IReadOnlyList<(string Title, string Text)> Parts(int index)
    {
        var r = Debriefings.FirstOrDefault(x => x.OrgCode == Reporters[index].Entry.OrgCode)?.Report;
        return [("成效", r?.Achievements ?? ""), ("突出问题", r?.Problems ?? ""), ("根源", r?.Causes ?? ""), ("措施", r?.Measures ?? "")];
    }

    public string CommentText(int index) =>
        string.Join("\n", Comments.Where(c => c.OrgCode == Reporters[index].Entry.OrgCode)
            .Select(c => $"{c.By.Chinese()}（{c.Mode.Chinese()}）：问题 {c.Problems ?? "—"}；方向 {c.Direction ?? "—"}"));

    public void Load()
    {
        Campaign = campaigns.Get(CampaignId);
        Reporters = campaigns.Assessees(CampaignId);
        Debriefings = debriefings.List(CampaignId);
        Comments = comments.List(CampaignId);
        var m = sessions.Find(CampaignId);
        MeetingLine = m is null ? "尚未记录述职评议会（session record）" : $"{m.Form}　{m.HeldOn:yyyy-MM-dd}　阶段：{Campaign.Stage.Chinese()}";
    }

    /// <summary>The meeting (第五条 form and date; 第八条 invited attendees as "党代表=5,人大代表=3,…"), as `session record` does.</summary>
    public IReadOnlyList<string> RecordMeeting(string form, string date, string attendees)
    {
        var heldOn = Core.Text.Import.DateParsing.Iso(date, "会议日期");
        try
        {
            var parsed = string.IsNullOrWhiteSpace(attendees) ? null : SessionService.ParseAttendees(attendees);
            return sessions.Record(CampaignId, form, heldOn, parsed).Warnings;
        }
        finally
        {
            Load();
        }
    }

    /// <summary>Publication of the reports within a scope after the session (第五条), as `debrief publish` does.</summary>
    public string Publish(string scope)
    {
        var p = reporting.Publish(CampaignId, scope);
        return $"述职报告已在“{p.Scope}”范围内公开";
    }

    /// <summary>A written debriefing (书面述职) with the reason it was not on site, as `debrief add --mode written --reason` does.</summary>
    public IReadOnlyList<string> WrittenDebrief(string orgCode, string reason)
    {
        try
        {
            return debriefings.Record(CampaignId, orgCode, DebriefMode.Written, writtenReason: string.IsNullOrWhiteSpace(reason) ? null : reason).Warnings;
        }
        finally
        {
            Load();
        }
    }

    /// <summary>An on-site report read from a file (txt, md or docx), repaired like imported text, as `debrief add --report FILE`.</summary>
    public IReadOnlyList<string> DebriefFromFile(string orgCode, string file)
    {
        try
        {
            return debriefings.RecordFromFile(CampaignId, orgCode, DebriefMode.Onsite, null, file.Trim()).Warnings;
        }
        finally
        {
            Load();
        }
    }

    public IReadOnlyList<string> Debrief(string orgCode, string achievements, string problems, string causes, string measures)
    {
        try
        {
            return debriefings.Record(CampaignId, orgCode, DebriefMode.Onsite, report: new ReportParts(achievements, problems, causes, measures)).Warnings;
        }
        finally
        {
            Load();
        }
    }

    /// <summary>
    /// A comment (第五、八条): by the superior secretary (默认), another member of the committee, or an official sent
    /// from the organisation department above — "superior|member|higher" or 上级书记|班子成员|上级派员.
    /// </summary>
    public IReadOnlyList<string> Comment(string orgCode, string problems, string direction, string by = "superior")
    {
        if (!CommentKinds.TryParseBy(string.IsNullOrWhiteSpace(by) ? "superior" : by.Trim(), out var who))
            throw new Core.Common.InvalidInputException($"点评人“{by.Trim()}”应为 superior（上级书记）、member（班子成员）或 higher（上级组织部门派员）");
        try
        {
            return comments.Add(CampaignId, orgCode, who, problems, direction).Warnings;
        }
        finally
        {
            Load();
        }
    }
}
