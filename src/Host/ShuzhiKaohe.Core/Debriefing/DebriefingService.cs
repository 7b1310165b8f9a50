using ShuzhiKaohe.Core.Security;
using ShuzhiKaohe.Core.Audit;
using ShuzhiKaohe.Core.Campaigns;
using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Plugins;
using ShuzhiKaohe.Core.Storage;

namespace ShuzhiKaohe.Core.Debriefing;

/// <summary>
/// Each assessee's debriefing (述职, 第五条): on site or in writing, with the report in its four parts. City,
/// county and township secretaries (as the sector's rules say) report on site unless a reason is recorded. A
/// report with an empty problems part is flagged ("把自己摆进去"), and so is a focus item it never addresses.
/// Recording again for the same assessee replaces the earlier record (at the version read).
/// </summary>
public sealed class DebriefingService(Database database, CampaignService campaigns, SectorRegistry sectors, IEnumerable<IReportFocusCheck> focusChecks,
    OperatorContext who, AuditTrail audit)
{
    /// <summary>The audited entity of a debriefing with its report (issue 9 §4), registered by <see cref="DebriefingFeature"/>.</summary>
    public const string AuditEntity = "debriefing";

    public Warned<DebriefingRecord> Record(long campaignId, string orgCode, DebriefMode mode, string? writtenReason = null,
        ReportParts? report = null, string? reportSource = null, long? expectedRowVersion = null)
    {
        campaigns.Require(campaignId, Permission.DebriefingWrite);
        var reason = string.IsNullOrWhiteSpace(writtenReason) ? null : writtenReason.Trim();
        using var c = database.Open();
        using var tx = c.BeginWrite();
        var campaign = campaigns.Writable(c, tx, campaignId, null, "记录述职", CampaignStage.Plan, CampaignStage.Inspection, CampaignStage.Session);
        var entry = CampaignService.ActiveEntry(c, tx, campaign, orgCode);
        // 第五条: "市（地、州、盟）、县（市、区、旗）、乡镇（街道）党（工）委书记一般应现场述职".
        if (mode == DebriefMode.Written && reason is null && sectors.Contains(entry.Sector)
            && sectors.Get(entry.Sector).Rules.RequiresOnSiteDebriefing(entry.Level))
            throw new RuleViolationException("第五条",
                $"{entry.OrgCode} {entry.OrgName} 的书记一般应现场述职（市、县、乡镇党委书记）：改为书面述职须用 --reason 说明理由");
        var existing = DebriefingStore.ForEntry(c, tx, entry.Id);
        if (expectedRowVersion is { } v && existing is not null && existing.RowVersion != v)
            throw new ConflictException($"{orgCode} 的述职记录", v, existing.RowVersion);
        var before = existing is null ? null : audit.State(c, tx, AuditEntity, CampaignAudit.Key(existing.Id));
        DebriefingStore.Save(c, tx, entry.Id, mode, mode == DebriefMode.Written ? reason : null, report, reportSource, who.Name, existing?.RowVersion);
        var saved = DebriefingStore.ForEntry(c, tx, entry.Id)!;
        audit.RecordChange(c, tx, existing is null ? "create" : "update", AuditEntity, CampaignAudit.Key(saved.Id), entry.OrgCode, before,
            $"考核 {campaignId} {entry.OrgCode} 述职");
        var warnings = new List<string>();
        if (existing is not null) warnings.Add($"{orgCode} 的述职记录已存在，已按本次录入更新");
        var flagged = WithFlags(campaign, entry, saved, warnings);
        tx.Commit();
        return new Warned<DebriefingRecord>(flagged, warnings);
    }

    /// <summary>Records the debriefing with its report read from a .txt/.md/.docx file.</summary>
    public Warned<DebriefingRecord> RecordFromFile(long campaignId, string orgCode, DebriefMode mode, string? writtenReason, string reportFile,
        long? expectedRowVersion = null) =>
        Record(campaignId, orgCode, mode, writtenReason, ReportReader.ReadFile(reportFile), Path.GetFileName(reportFile), expectedRowVersion);

    public IReadOnlyList<DebriefingRecord> List(long campaignId)
    {
        campaigns.Require(campaignId, Permission.CampaignRead);
        using var c = database.Open();
        var campaign = CampaignService.Read(c, null, campaignId);
        var entries = CampaignService.ActiveEntries(c, null, campaignId).ToDictionary(e => e.OrgCode);
        return DebriefingStore.ForCampaign(c, null, campaignId).Select(d => WithFlags(campaign, entries[d.OrgCode], d, null)).ToList();
    }

    private DebriefingRecord WithFlags(Campaign campaign, RosterEntry entry, DebriefingRecord d, List<string>? warnings)
    {
        var flags = new List<string>();
        void Flag(string key, string text)
        {
            flags.Add(key);
            warnings?.Add(text);
        }
        if (d.Report is null)
            Flag("no_report", $"{d.OrgCode} {d.OrgName}：尚未录入述职报告（--report FILE）");
        else
        {
            if (string.IsNullOrWhiteSpace(d.Report.Problems))
                Flag("problems_empty", $"第五条：{d.OrgCode} {d.OrgName} 的述职报告“突出问题”部分为空，未把自己摆进去、查摆突出问题");
            if (string.IsNullOrWhiteSpace(d.Report.Causes))
                Flag("causes_empty", $"第五条：{d.OrgCode} {d.OrgName} 的述职报告未分析问题产生的根源");
            if (string.IsNullOrWhiteSpace(d.Report.Measures))
                Flag("measures_empty", $"第五条：{d.OrgCode} {d.OrgName} 的述职报告未提出破解工作瓶颈的措施");
            foreach (var (code, title) in focusChecks.SelectMany(f => f.NotAddressed(campaign, entry, d.Report)))
                Flag($"focus_not_addressed:{code}", $"第五条：{d.OrgCode} {d.OrgName} 的述职报告未涉及重点内容 {code}“{title}”（要紧扣述职评议考核重点内容）");
        }
        if (d.Mode == DebriefMode.Written && d.WrittenReason is not null) flags.Add("written_with_reason");
        return d with { Flags = flags };
    }
}

/// <summary>Which of a campaign's focus items a report never addresses (第五条 "紧扣述职评议考核重点内容").</summary>
public interface IReportFocusCheck
{
    IEnumerable<(string Code, string Title)> NotAddressed(Campaign campaign, RosterEntry entry, ReportParts report);
}
