using ShuzhiKaohe.Core.Campaigns;

namespace ShuzhiKaohe.Cli.Verbs;

/// <summary>The JSON and text shapes of a campaign (stable field names: admins script against them).</summary>
internal static class CampaignJson
{
    public static object Summary(Campaign c) => new
    {
        id = c.Id, organiser = c.OrganiserCode, organiser_name = c.OrganiserName, year = c.Year, stage = c.Stage.Key(),
        min_below_good = c.MinBelowGood, focus_limit = c.FocusLimit, row_version = c.RowVersion,
    };

    public static object View(CampaignView v) => new
    {
        id = v.Campaign.Id,
        organiser = v.Campaign.OrganiserCode,
        organiser_name = v.Campaign.OrganiserName,
        year = v.Campaign.Year,
        stage = v.Campaign.Stage.Key(),
        min_below_good = v.Campaign.MinBelowGood,
        focus_limit = v.Campaign.FocusLimit,
        session_date = v.SessionDate?.ToString("yyyy-MM-dd"),
        row_version = v.Campaign.RowVersion,
        roster = v.Roster.Select(a => a.Entry.OrgCode).ToList(),
        assessees = v.Roster.Select(a => new
        {
            code = a.Entry.OrgCode,
            name = a.Entry.OrgName,
            level = a.Entry.Level,
            sector = a.Entry.Sector,
            origin = a.Entry.Origin == RosterOrigin.Default ? "default" : "extra",
            reason = a.Entry.AddedReason,
            secretary = a.Name,
            secretary_term_id = a.Holder?.Id,
            assessee_fixed = a.Entry.AssesseeTermId is not null,
            predecessors = a.Predecessors.Select(p => new { name = p.PersonName, term_id = p.Id, start_on = p.StartOn.ToString("yyyy-MM-dd"), end_on = p.EndOn?.ToString("yyyy-MM-dd") }).ToList(),
            flags = a.Flags,
        }).ToList(),
        removed = v.Removed.Select(e => new { code = e.OrgCode, name = e.OrgName, reason = e.RemovedReason, removed_by = e.RemovedBy }).ToList(),
        moves = v.Moves.Select(m => new { from = m.From?.Key(), to = m.To.Key(), note = m.Note, at = m.MovedAt, by = m.MovedBy }).ToList(),
    };

    public static void Write(TextWriter o, CampaignView v)
    {
        var c = v.Campaign;
        o.WriteLine($"考核 {c.Id}：{c.OrganiserCode} {c.OrganiserName} {c.Year} 年度　阶段：{c.Stage.Chinese()}");
        if (c.MinBelowGood is { } r) o.WriteLine($"“较好”及以下最低比例：{r:P0}");
        if (v.SessionDate is { } d) o.WriteLine($"述职评议会：{d:yyyy-MM-dd}");
        o.WriteLine($"名单（{v.Roster.Count} 个）：");
        foreach (var a in v.Roster)
            o.WriteLine($"  {a.Entry.OrgCode,-12} {a.Entry.OrgName,-16} 书记：{a.Name}{(a.Entry.Origin == RosterOrigin.Extra ? "（增列）" : "")}" +
                        (a.Predecessors.Count > 0 ? $"　前任：{string.Join("、", a.Predecessors.Select(p => p.PersonName))}" : ""));
        foreach (var e in v.Removed) o.WriteLine($"  已移出 {e.OrgCode} {e.OrgName}：{e.RemovedReason}");
    }
}
