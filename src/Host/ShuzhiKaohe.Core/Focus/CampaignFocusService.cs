using ShuzhiKaohe.Core.Security;
using ShuzhiKaohe.Core.Audit;
using System.Text.RegularExpressions;
using ShuzhiKaohe.Core.Campaigns;
using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Debriefing;
using ShuzhiKaohe.Core.Inspection;
using ShuzhiKaohe.Core.Storage;

namespace ShuzhiKaohe.Core.Focus;

/// <summary>
/// A campaign's focus items (重点内容, 第四条): the five standard items, the sector module's items for each
/// assessee's level, the organiser's annual key tasks, and the two mandatory items. More items per assessee than
/// the campaign's limit is warned about ("防止面面俱到、走过场"); annual tasks pass the anti-formalism guard (第六条).
/// </summary>
public sealed partial class CampaignFocusService(Database database, CampaignService campaigns, FocusCatalogue catalogue, FormalismGuard guard,
    OperatorContext who, AuditTrail audit) : IReportFocusCheck
{
    /// <summary>The audited entity of an annual key task (issue 9 §4), registered by <see cref="CampaignFocusFeature"/>.</summary>
    public const string AuditEntity = "campaign_focus_item";

    public const decimal DefaultAnnualWeight = 10m;

    /// <summary>The items of one assessee (with <paramref name="orgCode"/>) or of the whole roster, in the order standard, sector, annual, mandatory.</summary>
    public Warned<IReadOnlyList<CampaignFocusItem>> For(long campaignId, string? orgCode = null)
    {
        campaigns.Require(campaignId, Permission.CampaignRead);
        using var c = database.Open();
        var campaign = CampaignService.Read(c, null, campaignId);
        var annual = AnnualFocusStore.ForCampaign(c, null, campaignId);
        var warnings = new List<string>();
        if (orgCode is not null)
        {
            var entry = CampaignService.ActiveEntry(c, null, campaign, orgCode);
            var items = Compose(campaign, entry, annual, warnings);
            if (items.Count > campaign.FocusLimit)
                warnings.Add(LimitWarning(campaign, $"{entry.OrgCode} {entry.OrgName}", items.Count));
            return new Warned<IReadOnlyList<CampaignFocusItem>>(items, warnings);
        }
        var byLevel = CampaignService.ActiveEntries(c, null, campaignId).GroupBy(e => (e.Sector, e.Level))
            .Select(g => (Entry: g.First(), Items: Compose(campaign, g.First(), annual, warnings))).ToList();
        foreach (var (entry, items) in byLevel.Where(x => x.Items.Count > campaign.FocusLimit))
            warnings.Add(LimitWarning(campaign, $"{entry.Sector} 第 {entry.Level} 级考核对象", items.Count));
        var all = byLevel.SelectMany(x => x.Items).DistinctBy(i => i.Code).OrderBy(i => i.Source).ToList();
        if (all.Count == 0) all = [.. Standard(), .. annual, .. Mandatory()];
        return new Warned<IReadOnlyList<CampaignFocusItem>>(all, warnings.Distinct().ToList());
    }

    /// <summary>Adds one of the organiser's annual key tasks (年度重点任务) while the campaign is in plan.</summary>
    public Warned<CampaignFocusItem> AddAnnual(long campaignId, string title, string? indicator = null, decimal? weight = null)
    {
        campaigns.Require(campaignId, Permission.CampaignManage);
        var t = string.IsNullOrWhiteSpace(title) ? throw new InvalidInputException("重点内容须有标题（--title）") : ImportedText.RepairProse(title);
        var i = string.IsNullOrWhiteSpace(indicator) ? null : ImportedText.RepairProse(indicator);
        var w = weight ?? DefaultAnnualWeight;
        if (w <= 0 || w > 100) throw new InvalidInputException($"权重须大于 0、不超过 100，收到 {w}");
        using var c = database.Open();
        using var tx = c.BeginWrite();
        var campaign = campaigns.Writable(c, tx, campaignId, null, "增加年度重点内容");
        // 第六条: the item is judged with every roster sector's rules as well as the core's.
        var sectors = CampaignService.ActiveEntries(c, tx, campaignId).Select(e => e.Sector).Append(campaign.OrganiserSector).Distinct().ToList();
        foreach (var sector in sectors)
        {
            guard.Ensure(t, $"重点内容“{t}”", KnownSector(sector));
            if (i is not null) guard.Ensure(i, $"评判指标“{i}”", KnownSector(sector));
        }
        var (code, id) = AnnualFocusStore.Insert(c, tx, campaignId, t, i, w, who.Name);
        audit.RecordChange(c, tx, "create", AuditEntity, CampaignAudit.Key(id), campaign.OrganiserCode, null, $"考核 {campaignId} 年度重点任务 {code}");
        CampaignStore.Touch(c, tx, campaignId, campaign.RowVersion);
        tx.Commit();
        var item = new CampaignFocusItem(code, t, w, CampaignFocusSource.Annual, i, null);
        return new Warned<CampaignFocusItem>(item, For(campaignId).Warnings);
    }

    /// <summary>The items of a roster entry inside a caller's connection (for inspection scores).</summary>
    internal IReadOnlyList<CampaignFocusItem> ItemsOf(Microsoft.Data.Sqlite.SqliteConnection c, Microsoft.Data.Sqlite.SqliteTransaction? tx, Campaign campaign, RosterEntry entry) =>
        Compose(campaign, entry, AnnualFocusStore.ForCampaign(c, tx, campaign.Id), []);

    /// <summary>
    /// 第五条 "紧扣述职评议考核重点内容": an item counts as addressed when the report names its code or contains a
    /// four-character phrase of its title other than the generic ones (基层党建, 落实情况 …).
    /// </summary>
    public IEnumerable<(string Code, string Title)> NotAddressed(Campaign campaign, RosterEntry entry, ReportParts report)
    {
        var text = Compact(report.FullText ?? report.Joined);
        using var c = database.Open();
        foreach (var item in ItemsOf(c, null, campaign, entry))
            if (!text.Contains(item.Code, StringComparison.OrdinalIgnoreCase) && !Phrases(item.Title).Any(text.Contains))
                yield return (item.Code, item.Title);
    }

    internal static IEnumerable<string> Phrases(string title)
    {
        foreach (var segment in Separators().Split(Compact(title)).Where(s => s.Length >= 2))
        {
            if (segment.Length < 4)
            {
                if (!Generic.Contains(segment)) yield return segment;
                continue;
            }
            for (var i = 0; i + 4 <= segment.Length; i++)
                if (!Generic.Contains(segment.Substring(i, 4))) yield return segment.Substring(i, 4);
        }
    }

    private static readonly HashSet<string> Generic =
    [
        "基层党建", "党建工作", "基层党组", "层党组织", "党组织建", "组织建设", "工作情况", "落实情况", "整改情况", "推进基层", "加强基层",
        "党委书记", "书记抓基", "记抓基层", "抓基层党", "党建", "工作", "情况", "落实", "推进", "加强",
    ];

    private List<CampaignFocusItem> Compose(Campaign campaign, RosterEntry entry, List<CampaignFocusItem> annual, List<string> warnings)
    {
        try
        {
            var r = catalogue.For(entry.Sector, entry.Level, campaign.Year);
            warnings.AddRange(r.Warnings);
            var fromCatalogue = r.Value.Select(i => new CampaignFocusItem(i.Code, i.Title, i.Weight, CampaignFocusSources.From(i.Source), i.Indicator, i.Rubric)).ToList();
            return [.. fromCatalogue.Where(i => i.Source != CampaignFocusSource.Mandatory), .. annual, .. fromCatalogue.Where(i => i.Source == CampaignFocusSource.Mandatory)];
        }
        catch (Exception e) when (e is NotFoundException or InvalidInputException)
        {
            // A sector whose plugin is not loaded, or a level it does not declare: the items every sector shares still apply.
            warnings.Add($"{entry.OrgCode} {entry.OrgName} 的板块重点内容不可用（{e.Message}），仅列标准、年度与必考内容");
            return [.. Standard(), .. annual, .. Mandatory()];
        }
    }

    private static IEnumerable<CampaignFocusItem> Standard() =>
        StandardFocusItems.Standard.Select(d => new CampaignFocusItem(d.Code, d.Title, d.Weight, CampaignFocusSource.Standard, d.Indicator, d.Rubric));

    private static IEnumerable<CampaignFocusItem> Mandatory() =>
        StandardFocusItems.Mandatory.Select(d => new CampaignFocusItem(d.Code, d.Title, d.Weight, CampaignFocusSource.Mandatory, d.Indicator, d.Rubric));

    private static string LimitWarning(Campaign campaign, string who, int count) =>
        $"第四条：{who}共有 {count} 项重点内容，超过本次考核设定的 {campaign.FocusLimit} 项：应聚焦年度重点任务，防止面面俱到、走过场";

    private string? KnownSector(string sector)
    {
        try
        {
            guard.RulesFor(sector);
            return sector;
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    private static string Compact(string s) => WhiteSpace().Replace(s, "");

    [GeneratedRegex(@"[，,、；;：:“”‘’""'（）()《》\[\]【】。!！?？和与及等抓促的了在把对向为中]+")]
    private static partial Regex Separators();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
