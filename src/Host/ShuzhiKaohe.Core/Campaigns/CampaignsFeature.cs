using Microsoft.Extensions.DependencyInjection;
using ShuzhiKaohe.Core.Audit;

namespace ShuzhiKaohe.Core.Campaigns;

internal sealed class CampaignsFeature : ICoreFeature
{
    public void Register(IServiceCollection services)
    {
        services.AddSingleton<CampaignService>();
        services.AddSingleton<IStageGate, RosterGate>();
        // Issue 9 §4: audit verify compares each campaign and roster entry with its last entry.
        services.AddSingleton(CampaignAudit.Campaign);
        services.AddSingleton(CampaignAudit.RosterEntry);
    }
}

/// <summary>
/// The campaign's audited records. A campaign's state is its own columns (not row_version, which every roster and
/// plan change bumps as a concurrency token) together with its stage moves, so a move edited or deleted behind the
/// program's back is found on the campaign. A roster entry's state is all its columns.
/// </summary>
public static class CampaignAudit
{
    public const string CampaignEntity = "campaign";
    public const string RosterEntity = "roster_entry";

    internal static readonly AuditedEntity Campaign = new(CampaignEntity, "campaign", "id")
    {
        StateSql = """
            SELECT json_object('organiser_code', k.organiser_code, 'year', k.year, 'stage', k.stage, 'min_below_good', k.min_below_good,
                   'focus_limit', k.focus_limit, 'created_at', k.created_at, 'created_by', k.created_by,
                   'moves', (SELECT json_group_array(json_array(m.from_stage, m.to_stage, m.note, m.moved_at, m.moved_by))
                               FROM (SELECT * FROM campaign_stage_move WHERE campaign_id = k.id ORDER BY id) m))
              FROM campaign k WHERE k.id = $key
            """,
        KeysSql = "SELECT id FROM campaign",
    };

    internal static readonly AuditedEntity RosterEntry = new(RosterEntity, "roster_entry", "id");

    public static string Key(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
