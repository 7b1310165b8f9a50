using ShuzhiKaohe.Core.Organisations;

namespace ShuzhiKaohe.Core.Campaigns;

/// <summary>An annual campaign (年度述职评议考核): one organiser × one year (第三、五条).</summary>
/// <param name="MinBelowGood">第六条's minimum share of 较好-or-below, or null until the organiser sets it.</param>
/// <param name="FocusLimit">第四条 "防止面面俱到": focus items per assessee above this are warned about.</param>
public sealed record Campaign(
    long Id,
    string OrganiserCode,
    string OrganiserName,
    string OrganiserSector,
    int Year,
    CampaignStage Stage,
    double? MinBelowGood,
    int FocusLimit,
    string CreatedAt,
    string CreatedBy,
    long RowVersion);

/// <summary>How an organisation came into the roster: the organiser's direct subordinate, or a chosen extra (第三条).</summary>
public enum RosterOrigin { Default, Extra }

/// <summary>One assessed organisation of a campaign (removed entries are kept with their reason).</summary>
public sealed record RosterEntry(
    long Id,
    long CampaignId,
    string OrgCode,
    string OrgName,
    string Sector,
    int Level,
    RosterOrigin Origin,
    string? AddedReason,
    string? RemovedReason,
    string? RemovedBy,
    long? AssesseeTermId,
    bool AssesseePinned,
    long RowVersion)
{
    public bool IsActive => RemovedReason is null;
}

/// <summary>
/// Who is assessed for a roster entry: the secretary in post at the session date. A predecessor who left in the
/// assessed year is kept and flagged; before secretaries are imported the assessee is "the secretary of CODE".
/// </summary>
public sealed record Assessee(RosterEntry Entry, SecretaryTerm? Holder, IReadOnlyList<SecretaryTerm> Predecessors)
{
    public string Name => Holder?.PersonName ?? $"{Entry.OrgCode} 的书记";

    /// <summary>Flags an operator must see: <c>secretary_unknown</c>, <c>mid_year_change</c>.</summary>
    public IReadOnlyList<string> Flags
    {
        get
        {
            var flags = new List<string>();
            if (Holder is null) flags.Add("secretary_unknown");
            if (Predecessors.Count > 0) flags.Add("mid_year_change");
            return flags;
        }
    }

    /// <summary>One warning for all assessees whose secretary is not imported, one per mid-year change.</summary>
    public static IEnumerable<string> Summarise(IReadOnlyCollection<Assessee> roster, int year)
    {
        var unknown = roster.Where(a => a.Holder is null).ToList();
        if (unknown.Count > 0)
            yield return $"{unknown.Count} 个考核对象尚未导入书记任职，暂按“代码 的书记”考核：" +
                         string.Join("、", unknown.Take(5).Select(a => $"{a.Entry.OrgCode} {a.Entry.OrgName}")) + (unknown.Count > 5 ? " 等" : "");
        foreach (var text in roster.SelectMany(a => a.FlagTexts(year)).Where(t => !t.Contains("尚未导入"))) yield return text;
    }

    public IEnumerable<string> FlagTexts(int year)
    {
        if (Holder is null) yield return $"{Entry.OrgCode} {Entry.OrgName}：尚未导入书记任职，按“{Entry.OrgCode} 的书记”考核";
        foreach (var p in Predecessors)
            yield return $"{Entry.OrgCode} {Entry.OrgName}：{year} 年度书记有变动，前任 {p.PersonName}（{p.StartOn:yyyy-MM-dd} 至 {p.EndOn?.ToString("yyyy-MM-dd") ?? "今"}）一并记录";
    }
}

/// <summary>A recorded move between stages.</summary>
public sealed record StageMove(CampaignStage? From, CampaignStage To, string? Note, string MovedAt, string MovedBy);

/// <summary>A campaign with its active roster (assessees resolved), its removed entries and its stage history.</summary>
public sealed record CampaignView(
    Campaign Campaign,
    IReadOnlyList<Assessee> Roster,
    IReadOnlyList<RosterEntry> Removed,
    IReadOnlyList<StageMove> Moves,
    DateOnly? SessionDate);
