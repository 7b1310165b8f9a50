using System.Globalization;
using ShuzhiKaohe.Core.Audit;
using ShuzhiKaohe.Core.Campaigns;
using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Organisations;
using ShuzhiKaohe.Core.Security;
using ShuzhiKaohe.Core.Storage;

namespace ShuzhiKaohe.Core.Rectification;

/// <summary>
/// The rectification list (整改清单, 第四、七条): items raised from comments, ballots, inspection, evaluation, 巡视/巡察
/// feedback and consequences, with measures, owner, deadline, progress and the three-colour deadline warning. Items
/// not done carry into the same organiser's next campaign as its mandatory focus item (第四条). A referral for
/// accountability is recorded beside an item and never closes it (第七条 "避免简单以问责代替整改").
/// </summary>
public sealed class RectificationService(Database database, OrganisationDirectory organisations, Authorizer auth, AuditTrail audit,
    OperatorContext who, DeadlineSettings settings)
{
    public DeadlineThresholds Thresholds => settings.Thresholds;

    public IReadOnlyList<RectificationItem> List(long? campaignId = null, string? orgCode = null, bool overdueOnly = false, DateOnly? today = null)
    {
        using var c = database.Open();
        var items = RectificationStore.List(c, campaignId, orgCode, overdueOnly ? today ?? Today : null);
        return items.Where(i => auth.Can(Permission.RectificationRead, i.OrgCode)).ToList();
    }

    /// <summary>Items not done from the organiser's earlier campaigns, carried into <paramref name="campaignId"/> (第四条).</summary>
    public IReadOnlyList<RectificationItem> CarriedInto(long campaignId, string? orgCode = null)
    {
        using var c = database.Open();
        var campaign = CampaignService.Read(c, null, campaignId);
        return RectificationStore.CarriedInto(c, null, campaign.OrganiserCode, campaign.Year, orgCode)
            .Where(i => auth.Can(Permission.RectificationRead, i.OrgCode)).ToList();
    }

    /// <summary>
    /// The superior circulates the progress of the campaign's rectification list (第七条; issue 6 "the superior can
    /// circulate progress"): who, when, within which scope, with the counts as they stand. Needs RectificationWrite
    /// over the organiser (the superior that raised the list).
    /// </summary>
    public Warned<RectificationCirculation> Circulate(long campaignId, string? scope, DateOnly? today = null)
    {
        string organiser;
        using (var r = database.Open()) organiser = CampaignService.Read(r, null, campaignId).OrganiserCode;
        auth.Require(Permission.RectificationWrite, organiser);
        var warnings = new List<string>();
        using var c = database.Open();
        using var tx = c.BeginWrite();
        var items = RectificationStore.List(c, campaignId, null, null, tx);
        if (items.Count == 0) warnings.Add($"考核 {campaignId} 没有整改事项，通报的是空清单");
        var text = Clean(scope);
        if (text is null) warnings.Add("未注明通报范围（--scope）");
        var id = RectificationStore.InsertCirculation(c, tx, campaignId, text, items, today ?? Today, who.Name);
        var saved = RectificationStore.Circulations(c, tx, campaignId).Single(x => x.Id == id);
        audit.RecordChange(c, tx, "circulate", "rectification_circulation", Key(id), organiser, null,
            $"通报整改进展{(text is null ? "" : $"（范围：{text}）")}：共 {saved.Items} 项，未整改 {saved.Open}，整改中 {saved.InProgress}，已完成 {saved.Done}，逾期 {saved.Overdue}");
        tx.Commit();
        return new Warned<RectificationCirculation>(saved, warnings);
    }

    /// <summary>Circulations of a campaign (or of every campaign the operator may read).</summary>
    public IReadOnlyList<RectificationCirculation> Circulations(long? campaignId = null)
    {
        using var c = database.Open();
        var organisers = new Dictionary<long, string>();
        return RectificationStore.Circulations(c, null, campaignId)
            .Where(x => auth.Can(Permission.RectificationRead,
                organisers.TryGetValue(x.CampaignId, out var o) ? o : organisers[x.CampaignId] = CampaignService.Read(c, null, x.CampaignId).OrganiserCode))
            .ToList();
    }

    public RectificationItem Add(string orgCode, RectificationSource source, string description, DateOnly deadline, long? campaignId = null,
        string? measures = null, string? owner = null, string? sourceRef = null)
    {
        if (string.IsNullOrWhiteSpace(description)) throw new InvalidInputException("整改事项须写明问题（--description）");
        organisations.Get(orgCode);
        auth.Require(Permission.RectificationWrite, orgCode);
        using var c = database.Open();
        using var tx = c.BeginWrite();
        if (campaignId is { } id) CampaignService.ActiveEntry(c, tx, CampaignService.Read(c, tx, id), orgCode);
        var itemId = RectificationStore.Insert(c, tx, campaignId, orgCode, source, Clean(sourceRef), ImportedText.RepairProse(description),
            Clean(measures), Clean(owner), deadline, who.Name);
        audit.RecordChange(c, tx, "create", "rectification_item", Key(itemId), orgCode, null);
        var item = RectificationStore.Get(c, tx, itemId);
        tx.Commit();
        return item;
    }

    /// <summary>A progress note: an open item moves to in_progress.</summary>
    public RectificationItem Progress(long id, string note, long? expectedRowVersion = null) =>
        Change(id, note, expectedRowVersion, item => item.Status == RectificationStatus.Done
            ? throw new InvalidInputException($"整改事项 {id} 已完成，不能再记进展")
            : (RectificationStatus.InProgress, item.Referral), "progress");

    public RectificationItem Close(long id, string note, long? expectedRowVersion = null) =>
        Change(id, note, expectedRowVersion, item => item.Status == RectificationStatus.Done
            ? throw new InvalidInputException($"整改事项 {id} 已完成")
            : (RectificationStatus.Done, item.Referral), "close");

    /// <summary>第七条 追责问责: records the referral; the item keeps its status until it is rectified.</summary>
    public RectificationItem Refer(long id, string reason, long? expectedRowVersion = null) =>
        Change(id, $"移交追责问责：{reason}", expectedRowVersion, item => (item.Status, Clean(reason) ?? throw new InvalidInputException("须写明移交追责问责的理由")),
            "refer");

    public IReadOnlyList<RectificationProgress> ProgressOf(long id)
    {
        using var c = database.Open();
        var item = RectificationStore.Get(c, null, id);
        auth.Require(Permission.RectificationRead, item.OrgCode);
        return RectificationStore.Progress(c, id);
    }

    private RectificationItem Change(long id, string note, long? expectedRowVersion,
        Func<RectificationItem, (RectificationStatus Status, string? Referral)> next, string action)
    {
        if (string.IsNullOrWhiteSpace(note)) throw new InvalidInputException("须写明整改进展（--note）");
        string orgCode;
        using (var r = database.Open()) orgCode = RectificationStore.Get(r, null, id).OrgCode;
        auth.Require(Permission.RectificationWrite, orgCode);
        using var c = database.Open();
        using var tx = c.BeginWrite();
        var item = RectificationStore.Get(c, tx, id);
        if (expectedRowVersion is { } v && v != item.RowVersion) throw new ConflictException($"整改事项 {id}", v, item.RowVersion);
        var (status, referral) = next(item);
        var before = audit.State(c, tx, "rectification_item", Key(id));
        RectificationStore.SetStatus(c, tx, item, status, referral);
        var progressId = RectificationStore.AddProgress(c, tx, id, ImportedText.RepairProse(note), status, who.Name);
        audit.RecordChange(c, tx, action, "rectification_item", Key(id), item.OrgCode, before, note);
        audit.RecordChange(c, tx, "create", "rectification_progress", Key(progressId), item.OrgCode, null, $"整改事项 {id}：{note}");
        var saved = RectificationStore.Get(c, tx, id);
        tx.Commit();
        return saved;
    }

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.Today);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : ImportedText.RepairProse(text);

    private static string Key(long id) => id.ToString(CultureInfo.InvariantCulture);
}
