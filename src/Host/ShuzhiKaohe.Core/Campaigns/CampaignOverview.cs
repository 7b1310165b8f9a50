using Microsoft.Extensions.DependencyInjection;
using ShuzhiKaohe.Core.Evaluation;
using ShuzhiKaohe.Core.Storage;

namespace ShuzhiKaohe.Core.Campaigns;

/// <summary>One campaign as the console's home lists it: the campaign, its roster size and what is next, in Chinese.</summary>
public sealed record CampaignOverviewRow(Campaign Campaign, int Roster, IReadOnlyList<string> Next)
{
    public string NextText => Next.Count == 0 ? "—" : string.Join("；", Next);
}

/// <summary>
/// What is next in each campaign the operator may see (scope-checked by <see cref="CampaignService.List"/>): counts
/// read in one connection, worded as the operator would say them ("3 份述职缺点评", "较好及以下还差 2 名",
/// "5 项整改逾期"). Read-only; the rules stay where they are — these are the same gaps the stage gates name.
/// </summary>
public sealed class CampaignOverview(Database database, CampaignService campaigns)
{
    public IReadOnlyList<CampaignOverviewRow> List(DateOnly? today = null)
    {
        var day = Sql.Date(today ?? DateOnly.FromDateTime(DateTime.Today));
        var visible = campaigns.List();
        using var c = database.Open();
        return visible
            .OrderByDescending(x => x.Year).ThenBy(x => x.OrganiserCode, StringComparer.Ordinal)
            .Select(x => Row(c, x, day)).ToList();
    }

    private static CampaignOverviewRow Row(Microsoft.Data.Sqlite.SqliteConnection c, Campaign campaign, string today)
    {
        (string, object?) id = ("$c", campaign.Id);
        var roster = (int)c.Long(null, "SELECT count(*) FROM roster_entry WHERE campaign_id = $c AND removed_reason IS NULL", id);
        var next = new List<string>();
        switch (campaign.Stage)
        {
            case CampaignStage.Plan:
                next.Add(roster == 0 ? "考核名单为空（第三条）" : $"名单 {roster} 个，可进入实地考核");
                if (campaign.MinBelowGood is null) next.Add("未设定较好及以下比例（第六条）");
                break;
            case CampaignStage.Inspection:
                var uninspected = c.Long(null, """
                    SELECT count(*) FROM roster_entry e WHERE e.campaign_id = $c AND e.removed_reason IS NULL
                       AND NOT EXISTS (SELECT 1 FROM inspection_score s WHERE s.entry_id = e.id)
                    """, id);
                next.Add(uninspected == 0 ? "实地考核评分已齐，可进入述职评议会" : $"{uninspected} 名缺实地考核评分");
                break;
            case CampaignStage.Session:
                var noReport = c.Long(null, """
                    SELECT count(*) FROM roster_entry e WHERE e.campaign_id = $c AND e.removed_reason IS NULL
                       AND NOT EXISTS (SELECT 1 FROM debriefing d WHERE d.entry_id = e.id)
                    """, id);
                var noComment = c.Long(null, """
                    SELECT count(*) FROM roster_entry e WHERE e.campaign_id = $c AND e.removed_reason IS NULL
                       AND EXISTS (SELECT 1 FROM debriefing d WHERE d.entry_id = e.id)
                       AND NOT EXISTS (SELECT 1 FROM comment k WHERE k.entry_id = e.id AND k.by_role = 'superior')
                    """, id);
                var sheets = c.Long(null, "SELECT count(*) FROM ballot_sheet WHERE campaign_id = $c", id);
                var issued = c.List(null, "SELECT issued FROM ballot_issue WHERE campaign_id = $c", r => (long?)r.GetInt64(0), id).FirstOrDefault();
                if (noReport > 0) next.Add($"{noReport} 名未述职");
                if (noComment > 0) next.Add($"{noComment} 份述职缺点评");
                next.Add(issued is { } n ? $"测评票 {sheets}/{n} 张" : $"测评票 {sheets} 张（未登记发放数）");
                break;
            case CampaignStage.Evaluation:
                var grades = c.List(null, """
                    SELECT g.grade FROM evaluation_grade g JOIN roster_entry e ON e.id = g.entry_id
                     WHERE g.campaign_id = $c AND e.removed_reason IS NULL
                    """, r => r.GetString(0), id);
                if (grades.Count < roster) next.Add($"{roster - grades.Count} 名尚无等次");
                if (campaign.MinBelowGood is { } ratio)
                {
                    // 第六条: the quota against the whole roster, as the approval will check it.
                    var required = Quota.Of((decimal)ratio).RequiredBelowGood(roster);
                    var below = grades.Count(g => g != "good");
                    next.Add(below >= required ? "等次比例已满足，可提请党委研究批准" : $"较好及以下还差 {required - below} 名");
                }
                else next.Add("未设定较好及以下比例（第六条）");
                break;
            default:
                var open = c.Long(null, "SELECT count(*) FROM rectification_item WHERE campaign_id = $c AND status <> 'done'", id);
                var overdue = c.Long(null, "SELECT count(*) FROM rectification_item WHERE campaign_id = $c AND status <> 'done' AND deadline < $d",
                    id, ("$d", today));
                next.Add(overdue > 0 ? $"{overdue} 项整改逾期" : open > 0 ? $"{open} 项整改未完成" : "整改事项已全部完成");
                break;
        }
        return new CampaignOverviewRow(campaign, roster, next);
    }
}

internal sealed class CampaignOverviewFeature : ICoreFeature
{
    public void Register(IServiceCollection services) => services.AddSingleton<CampaignOverview>();
}
