using Microsoft.Data.Sqlite;
using ShuzhiKaohe.Core.Storage;

namespace ShuzhiKaohe.Core.Reporting;

/// <summary>The SQL of publications and of the summary's counts.</summary>
internal static class ReportingStore
{
    public static long Publish(SqliteConnection c, SqliteTransaction tx, long campaignId, string scope, string who) =>
        c.Long(tx, "INSERT INTO report_publication(campaign_id, scope, published_by, published_at) VALUES ($c, $s, $who, $now) RETURNING id",
            ("$c", campaignId), ("$s", scope), ("$who", who), ("$now", Sql.Now()));

    public static List<Publication> Publications(SqliteConnection c, SqliteTransaction? tx, long campaignId) =>
        c.List(tx, "SELECT id, campaign_id, scope, published_by, published_at FROM report_publication WHERE campaign_id = $c ORDER BY id",
            r => new Publication(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetString(4)), ("$c", campaignId));

    /// <summary>Codes assessed in any campaign of the year (active roster entries).</summary>
    public static HashSet<string> AssessedIn(SqliteConnection c, int year) =>
        c.List(null, """
            SELECT DISTINCT e.org_code FROM roster_entry e JOIN campaign k ON k.id = e.campaign_id WHERE k.year = $y AND e.removed_reason IS NULL
            """, r => r.GetString(0), ("$y", year)).ToHashSet(StringComparer.Ordinal);

    public static Dictionary<string, int> RectificationCounts(SqliteConnection c, long campaignId) =>
        c.List(null, "SELECT status, count(*) FROM rectification_item WHERE campaign_id = $c GROUP BY status",
            r => (r.GetString(0), r.GetInt32(1)), ("$c", campaignId)).ToDictionary(x => x.Item1, x => x.Item2);
}
