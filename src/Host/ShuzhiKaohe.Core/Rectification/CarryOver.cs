using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Debriefing;
using ShuzhiKaohe.Core.Focus;

namespace ShuzhiKaohe.Core.Rectification;

/// <summary>A focus item of a campaign; for the mandatory rectification item, the open items carried into it (else null).</summary>
public sealed record FocusLine(CampaignFocusItem Item, IReadOnlyList<RectificationItem>? Carried);

/// <summary>A debriefing with the earlier open rectification items its reporter has to answer (第四条).</summary>
public sealed record DebriefingLine(DebriefingRecord Debriefing, IReadOnlyList<RectificationItem> Carried);

/// <summary>
/// 第四条: "上年度整改清单落实情况" is a mandatory focus item every year. Items not done from the same organiser's
/// earlier campaigns (<see cref="RectificationService.CarriedInto"/> decides which) are shown with this year's
/// mandatory rectification item and with each reporter's debriefing. One join for both front ends.
/// </summary>
public sealed class CarryOverView(CampaignFocusService focus, DebriefingService debriefings, RectificationService rectification)
{
    /// <summary>The campaign's focus items (for one assessee's level when <paramref name="orgCode"/> is given) with the carried items.</summary>
    public Warned<IReadOnlyList<FocusLine>> Focus(long campaignId, string? orgCode = null)
    {
        var items = focus.For(campaignId, orgCode);
        var carried = rectification.CarriedInto(campaignId, orgCode);
        return new Warned<IReadOnlyList<FocusLine>>(
            items.Value.Select(i => new FocusLine(i, i.Code == StandardFocusItems.Rectification.Code ? carried : null)).ToList(), items.Warnings);
    }

    /// <summary>Every debriefing of the campaign with its reporter's carried items.</summary>
    public IReadOnlyList<DebriefingLine> Debriefings(long campaignId)
    {
        var all = debriefings.List(campaignId);
        var carried = rectification.CarriedInto(campaignId).ToLookup(i => i.OrgCode, StringComparer.Ordinal);
        return all.Select(d => new DebriefingLine(d, carried[d.OrgCode].ToList())).ToList();
    }

    /// <summary>One debriefing (e.g. just recorded) with its reporter's carried items.</summary>
    public DebriefingLine Of(long campaignId, DebriefingRecord debriefing) =>
        new(debriefing, rectification.CarriedInto(campaignId, debriefing.OrgCode));
}
