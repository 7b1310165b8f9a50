using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Organisations;
using ShuzhiKaohe.Core.Rectification;
using ShuzhiKaohe.Tui.Shell;

namespace ShuzhiKaohe.Tui.Rectification;

/// <summary>
/// The rectification board (整改清单, 第七条): a campaign's items by organisation with the three-colour deadline,
/// filtered by text and by "overdue only", and progress entry at the version read — an item another operator
/// changed meanwhile is refused by Core, and the board reloads (no silent lost update).
/// </summary>
public sealed class RectificationViewModel(long? campaignId, RectificationService rectification, OrganisationDirectory organisations)
{
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private IReadOnlyList<RectificationItem> _all = [];

    public long? CampaignId { get; } = campaignId;

    public DateOnly Today { get; set; } = DateOnly.FromDateTime(DateTime.Today);

    public string FilterText { get; private set; } = "";

    public bool OverdueOnly { get; private set; }

    /// <summary>The items shown: filtered, ordered by organisation then deadline.</summary>
    public IReadOnlyList<RectificationItem> Items { get; private set; } = [];

    public string Summary
    {
        get
        {
            var colours = _all.GroupBy(i => i.ColourOn(Today, rectification.Thresholds)).ToDictionary(g => g.Key, g => g.Count());
            return $"共 {_all.Count} 项，未完成 {_all.Count(i => i.Status != RectificationStatus.Done)}　" +
                   $"红（逾期）{colours.GetValueOrDefault(DeadlineColour.Red)}　黄 {colours.GetValueOrDefault(DeadlineColour.Yellow)}　绿 {colours.GetValueOrDefault(DeadlineColour.Green)}" +
                   (OverdueOnly ? "　［只看逾期］" : "") + (FilterText.Length > 0 ? $"　［筛选“{FilterText}”：{Items.Count} 项］" : "");
        }
    }

    public IReadOnlyList<string> Rows => Items.Select(i =>
        $"{Light(i)} {TextWidth.Fit(Name(i.OrgCode), 14)}{i.Deadline:yyyy-MM-dd} {TextWidth.PadRight(i.Status.Chinese(), 6)}{(i.Referral is null ? "" : "［已移交问责］")}{i.Description}").ToList();

    public string Detail(int index)
    {
        var i = Items[index];
        return $"整改事项 {i.Id}　{i.OrgCode} {Name(i.OrgCode)}　措施：{i.Measures ?? "—"}　责任人：{i.Owner ?? "—"}" +
               (i.Referral is null ? "" : $"　追责问责：{i.Referral}");
    }

    public void Load()
    {
        _all = rectification.List(CampaignId).OrderBy(i => i.OrgCode, StringComparer.Ordinal).ThenBy(i => i.Deadline).ToList();
        Apply();
    }

    public void ApplyFilter(string text)
    {
        FilterText = text.Trim();
        Apply();
    }

    public void ToggleOverdue()
    {
        OverdueOnly = !OverdueOnly;
        Apply();
    }

    /// <summary>A progress note on an item, at the version this board read.</summary>
    public RectificationItem Progress(long id, string note) => Write(id, v => rectification.Progress(id, note, v));

    /// <summary>
    /// A new item (第四、七条), as `rectify add` records it: the organisation, the source (comment, ballot, inspection,
    /// evaluation, inspection_tour), the problem and a deadline; raised by this board's campaign when it has one.
    /// </summary>
    public RectificationItem Add(string orgCode, string source, string description, string deadline, string measures, string owner)
    {
        var parsed = RectificationKeys.ParseSource(source);
        var due = Core.Text.Import.DateParsing.Iso(deadline, "整改期限");
        try
        {
            return rectification.Add(orgCode.Trim(), parsed, description, due, CampaignId,
                string.IsNullOrWhiteSpace(measures) ? null : measures, string.IsNullOrWhiteSpace(owner) ? null : owner);
        }
        finally
        {
            Load();
        }
    }

    /// <summary>A referral for accountability (第七条): recorded beside the item, which stays open ("避免简单以问责代替整改").</summary>
    public RectificationItem Refer(long id, string reason) => Write(id, v => rectification.Refer(id, reason, v));

    /// <summary>Marks an item done, at the version read.</summary>
    public RectificationItem Close(long id, string note) => Write(id, v => rectification.Close(id, note, v));

    private RectificationItem Write(long id, Func<long, RectificationItem> change)
    {
        var read = _all.FirstOrDefault(i => i.Id == id) ?? throw new NotFoundException($"没有整改事项 {id}");
        try
        {
            return change(read.RowVersion);
        }
        finally
        {
            Load();
        }
    }

    private void Apply()
    {
        IEnumerable<RectificationItem> items = _all;
        if (OverdueOnly) items = items.Where(i => i.ColourOn(Today, rectification.Thresholds) == DeadlineColour.Red);
        if (FilterText.Length > 0)
            items = items.Where(i => i.OrgCode.Contains(FilterText, StringComparison.OrdinalIgnoreCase)
                                     || Name(i.OrgCode).Contains(FilterText, StringComparison.OrdinalIgnoreCase)
                                     || i.Description.Contains(FilterText, StringComparison.OrdinalIgnoreCase)
                                     || i.Status.Chinese().Contains(FilterText, StringComparison.Ordinal)
                                     || Light(i).Contains(FilterText, StringComparison.Ordinal));
        Items = items.ToList();
    }

    /// <summary>The three colours as text as well as colour: a plain SSH terminal may show no colour.</summary>
    private string Light(RectificationItem i)
    {
        var left = i.Deadline.DayNumber - Today.DayNumber;
        return i.ColourOn(Today, rectification.Thresholds) switch
        {
            DeadlineColour.Red => $"●红 逾期{-left,3}天",
            DeadlineColour.Yellow => $"●黄 剩余{left,3}天",
            DeadlineColour.Green => $"●绿 剩余{left,3}天",
            _ => i.Status == RectificationStatus.Done ? "○   已完成  " : $"○   剩余{left,3}天",
        };
    }

    private string Name(string code)
    {
        if (!_names.TryGetValue(code, out var name)) _names[code] = name = organisations.Find(code)?.Name ?? code;
        return name;
    }
}
