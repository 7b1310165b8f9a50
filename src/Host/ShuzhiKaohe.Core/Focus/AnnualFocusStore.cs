using Microsoft.Data.Sqlite;
using ShuzhiKaohe.Core.Storage;

namespace ShuzhiKaohe.Core.Focus;

/// <summary>The SQL of a campaign's annual key tasks (年度重点任务).</summary>
internal static class AnnualFocusStore
{
    public static List<CampaignFocusItem> ForCampaign(SqliteConnection c, SqliteTransaction? tx, long campaignId) =>
        c.List(tx, "SELECT code, title, weight, indicator FROM campaign_focus_item WHERE campaign_id = $c ORDER BY id",
            r => new CampaignFocusItem(r.GetString(0), r.GetString(1), (decimal)r.GetDouble(2), CampaignFocusSource.Annual, r.NullableString(3), null),
            ("$c", campaignId));

    /// <returns>The item's code and row id.</returns>
    public static (string Code, long Id) Insert(SqliteConnection c, SqliteTransaction tx, long campaignId, string title, string? indicator, decimal weight, string who)
    {
        var n = c.Long(tx, "SELECT count(*) FROM campaign_focus_item WHERE campaign_id = $c", ("$c", campaignId)) + 1;
        var code = $"annual.{n}";
        var id = c.Long(tx, """
            INSERT INTO campaign_focus_item(campaign_id, code, title, indicator, weight, added_by, added_at) VALUES ($c, $code, $t, $i, $w, $who, $now) RETURNING id
            """, ("$c", campaignId), ("$code", code), ("$t", title), ("$i", indicator), ("$w", (double)weight), ("$who", who), ("$now", Sql.Now()));
        return (code, id);
    }
}
