using ShuzhiKaohe.Core.Campaigns;
using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Focus;
using ShuzhiKaohe.Tui.Shell;

namespace ShuzhiKaohe.Tui.Campaigns;

/// <summary>
/// One campaign's plan and stage (第三–六条): the roster with add/remove and reasons, the focus items with weights and
/// sources, and <c>advance</c> past the stage gates. Every write sends the version read, so a change another
/// operator made in between is refused (and the model reloads) instead of being overwritten.
/// </summary>
public sealed class CampaignViewModel(long campaignId, CampaignService campaigns, CampaignFocusService focus, CampaignOverview overview)
{
    public long CampaignId { get; } = campaignId;

    public Campaign Campaign { get; private set; } = null!;

    public IReadOnlyList<Assessee> Roster { get; private set; } = [];

    public IReadOnlyList<RosterEntry> Removed { get; private set; } = [];

    public IReadOnlyList<CampaignFocusItem> FocusItems { get; private set; } = [];

    public IReadOnlyList<string> FocusWarnings { get; private set; } = [];

    /// <summary>What is next, as the home screen says it.</summary>
    public string Next { get; private set; } = "";

    /// <summary>The last refusal of a stage gate, with its article, shown inline until the next successful move.</summary>
    public string? Refusal { get; private set; }

    public string Title => $"{Campaign.OrganiserName} {Campaign.Year} 年度";

    public string Header =>
        $"考核 {Campaign.Id}　{Campaign.OrganiserName}（{Campaign.OrganiserCode}）{Campaign.Year} 年度　" +
        (Campaign.MinBelowGood is { } r ? $"较好及以下至少 {r:P0}" : "未设定较好及以下比例");

    /// <summary>"计划 › [实地考核] › 述职评议会 …": where the campaign is in its life cycle.</summary>
    public string StageLine =>
        string.Join(" › ", CampaignStages.Order.Select(s => s == Campaign.Stage ? $"[{s.Chinese()}]" : s.Chinese()));

    public IReadOnlyList<string> RosterLines =>
        Roster.Select(a => $"{TextWidth.PadRight(a.Entry.OrgCode, 10)}{TextWidth.Fit(a.Entry.OrgName, 16)} {a.Name}" +
                           (a.Entry.Origin == RosterOrigin.Extra ? "（增列）" : "") + (a.Flags.Contains("mid_year_change") ? "（年内变动）" : ""))
            .Concat(Removed.Select(e => $"{TextWidth.PadRight(e.OrgCode, 10)}{TextWidth.Fit(e.OrgName, 16)} 已移出：{e.RemovedReason}"))
            .ToList();

    public IReadOnlyList<string> FocusLines =>
        FocusItems.Select(i => $"{i.Weight,4:0.#}  {TextWidth.PadRight(SourceName(i.Source), 6)} {i.Title}").ToList();

    public void Load()
    {
        var view = campaigns.Show(CampaignId);
        Campaign = view.Campaign;
        Roster = view.Roster;
        Removed = view.Removed;
        var items = focus.For(CampaignId);
        FocusItems = items.Value;
        FocusWarnings = items.Warnings;
        Next = overview.List().FirstOrDefault(r => r.Campaign.Id == CampaignId)?.NextText ?? "";
    }

    /// <summary>Adds an organisation to the roster (第三条: chosen extras); returns Core's warnings.</summary>
    public IReadOnlyList<string> Add(string orgCode, string? reason) =>
        Write(() => campaigns.AddToRoster(CampaignId, orgCode.Trim(), string.IsNullOrWhiteSpace(reason) ? null : reason, Campaign.RowVersion).Warnings);

    /// <summary>Removes an organisation from the roster; Core refuses an empty reason.</summary>
    public void Remove(string orgCode, string reason) =>
        Write(() =>
        {
            campaigns.RemoveFromRoster(CampaignId, orgCode, reason, Campaign.RowVersion);
            return [];
        });

    /// <summary>Adds one of the year's key tasks (年度重点任务); the anti-formalism guard (第六条) may refuse it.</summary>
    public IReadOnlyList<string> AddFocus(string title, string? indicator, decimal? weight) =>
        Write(() => focus.AddAnnual(CampaignId, title, indicator, weight).Warnings);

    /// <summary>
    /// Moves to the next stage. A gate's refusal is kept in <see cref="Refusal"/> (with its article) rather than
    /// thrown, so the screen shows it in place; returns the gates' warnings when the move was made.
    /// </summary>
    public IReadOnlyList<string>? Advance()
    {
        try
        {
            var r = Write(() => campaigns.Advance(CampaignId, Campaign.RowVersion).Warnings);
            Refusal = null;
            return r;
        }
        catch (RuleViolationException e)
        {
            Refusal = e.Message;
            return null;
        }
    }

    private IReadOnlyList<string> Write(Func<IReadOnlyList<string>> change)
    {
        try
        {
            var warnings = change();
            Load();
            return warnings;
        }
        catch (ShuzhiException)
        {
            // Whatever refused it (a rule, or another operator's change), show the campaign as it is now.
            Load();
            throw;
        }
    }

    private static string SourceName(CampaignFocusSource s) => s switch
    {
        CampaignFocusSource.Standard => "第四条",
        CampaignFocusSource.Sector => "板块",
        CampaignFocusSource.Annual => "年度",
        _ => "必选",
    };
}
