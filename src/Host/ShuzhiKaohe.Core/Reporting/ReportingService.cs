using System.Globalization;
using ShuzhiKaohe.Abstractions;
using ShuzhiKaohe.Core.Audit;
using ShuzhiKaohe.Core.Campaigns;
using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Evaluation;
using ShuzhiKaohe.Core.Organisations;
using ShuzhiKaohe.Core.Security;
using ShuzhiKaohe.Core.Storage;

namespace ShuzhiKaohe.Core.Reporting;

/// <summary>Publication of the reports (第五条) and the summary for the level above with coverage (第三、八条).</summary>
public sealed class ReportingService(Database database, CampaignService campaigns, OrganisationDirectory organisations, Authorizer auth,
    AuditTrail audit, OperatorContext who)
{
    /// <summary>第五条: reports are published within a scope after the session; scope, date and who are recorded.</summary>
    public Publication Publish(long campaignId, string scope)
    {
        if (string.IsNullOrWhiteSpace(scope)) throw new InvalidInputException("须写明公开范围（--scope）");
        auth.Require(Permission.CampaignManage, campaigns.Get(campaignId).OrganiserCode);
        using var c = database.Open();
        using var tx = c.BeginWrite();
        var campaign = campaigns.Writable(c, tx, campaignId, null, "公开述职报告", CampaignStage.Evaluation, CampaignStage.Approved, CampaignStage.Closed);
        var id = ReportingStore.Publish(c, tx, campaignId, ImportedText.RepairProse(scope), who.Name);
        audit.RecordChange(c, tx, "publish", "report_publication", id.ToString(CultureInfo.InvariantCulture), campaign.OrganiserCode, null, $"第五条：述职报告在 {scope} 范围内公开");
        var saved = ReportingStore.Publications(c, tx, campaignId).Single(p => p.Id == id);
        tx.Commit();
        return saved;
    }

    public CampaignSummary Summary(long campaignId)
    {
        var campaign = campaigns.Get(campaignId);
        auth.Require(Permission.ReportExport, campaign.OrganiserCode);
        using var c = database.Open();
        var grades = EvaluationStore.Grades(c, null, campaignId);
        var approval = EvaluationStore.Approval(c, null, campaignId);
        var assessed = ReportingStore.AssessedIn(c, campaign.Year);
        // 第三条 全覆盖: every direct subordinate's secretary is assessed somewhere that year.
        var subordinates = organisations.DirectSubordinates(campaign.OrganiserCode, campaign.Year).Where(o => !o.IsGrouping).ToList();
        return new CampaignSummary(campaign.Id, campaign.OrganiserCode, campaign.OrganiserName, campaign.Year, campaign.Stage.Key(),
            CampaignService.ActiveEntries(c, null, campaignId).Count, Grades.All.ToDictionary(g => g, g => grades.Count(x => x.Grade == g)),
            approval?.ApprovedAt, approval?.Meeting, ReportingStore.RectificationCounts(c, campaignId), ReportingStore.Publications(c, null, campaignId),
            subordinates.Count, subordinates.Where(o => !assessed.Contains(o.Code)).ToList());
    }
}
