using Microsoft.Data.Sqlite;
using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Storage;

namespace ShuzhiKaohe.Core.Rectification;

/// <summary>The SQL of rectification items, their progress notes and reminder interviews.</summary>
internal static class RectificationStore
{
    private const string Columns = """
        r.id, r.campaign_id, r.org_code, r.source, r.source_ref, r.description, r.measures, r.owner, r.deadline, r.status, r.referral,
        r.created_by, r.created_at, r.row_version
        """;

    public static RectificationItem? Find(SqliteConnection c, SqliteTransaction? tx, long id) =>
        c.List(tx, $"SELECT {Columns} FROM rectification_item r WHERE r.id = $id", Read, ("$id", id)).FirstOrDefault();

    public static RectificationItem Get(SqliteConnection c, SqliteTransaction? tx, long id) =>
        Find(c, tx, id) ?? throw new NotFoundException($"没有编号为 {id} 的整改事项");

    /// <summary>Items of a campaign and/or an organisation; <paramref name="before"/>: only those deadlined before that day and not done.</summary>
    public static List<RectificationItem> List(SqliteConnection c, long? campaignId, string? orgCode, DateOnly? before, SqliteTransaction? tx = null) =>
        c.List(tx, $"""
            SELECT {Columns} FROM rectification_item r
             WHERE ($c IS NULL OR r.campaign_id = $c) AND ($o IS NULL OR r.org_code = $o)
               AND ($b IS NULL OR (r.deadline < $b AND r.status <> 'done'))
             ORDER BY r.deadline, r.id
            """, Read, ("$c", campaignId), ("$o", orgCode), ("$b", before is { } d ? Sql.Date(d) : null));

    /// <summary>
    /// Items not done that were raised by the same organiser's earlier campaigns (第四条: last year's rectification list is a
    /// mandatory focus item of this year's campaign).
    /// </summary>
    public static List<RectificationItem> CarriedInto(SqliteConnection c, SqliteTransaction? tx, string organiserCode, int year, string? orgCode) =>
        c.List(tx, $"""
            SELECT {Columns} FROM rectification_item r JOIN campaign k ON k.id = r.campaign_id
             WHERE k.organiser_code = $g AND k.year < $y AND r.status <> 'done' AND ($o IS NULL OR r.org_code = $o)
             ORDER BY r.org_code, r.deadline, r.id
            """, Read, ("$g", organiserCode), ("$y", year), ("$o", orgCode));

    public static long Insert(SqliteConnection c, SqliteTransaction tx, long? campaignId, string orgCode, RectificationSource source, string? sourceRef,
        string description, string? measures, string? owner, DateOnly deadline, string who) =>
        c.Long(tx, """
            INSERT INTO rectification_item(campaign_id, org_code, source, source_ref, description, measures, owner, deadline, created_by, created_at)
            VALUES ($c, $o, $s, $ref, $d, $m, $owner, $dl, $who, $now) RETURNING id
            """, ("$c", campaignId), ("$o", orgCode), ("$s", source.Key()), ("$ref", sourceRef), ("$d", description), ("$m", measures),
            ("$owner", owner), ("$dl", Sql.Date(deadline)), ("$who", who), ("$now", Sql.Now()));

    public static bool HasConsequenceItem(SqliteConnection c, SqliteTransaction tx, long campaignId, string orgCode) =>
        c.Long(tx, "SELECT count(*) FROM rectification_item WHERE campaign_id = $c AND org_code = $o AND source = 'consequence'",
            ("$c", campaignId), ("$o", orgCode)) > 0;

    public static void SetStatus(SqliteConnection c, SqliteTransaction tx, RectificationItem item, RectificationStatus status, string? referral)
    {
        if (c.Exec(tx, """
                UPDATE rectification_item SET status = $s, referral = $r, row_version = row_version + 1 WHERE id = $id AND row_version = $rv
                """, ("$s", status.Key()), ("$r", referral), ("$id", item.Id), ("$rv", item.RowVersion)) == 0)
            throw new ConflictException($"整改事项 {item.Id}", item.RowVersion, null);
    }

    public static long AddProgress(SqliteConnection c, SqliteTransaction tx, long itemId, string note, RectificationStatus to, string who) =>
        c.Long(tx, "INSERT INTO rectification_progress(item_id, note, to_status, recorded_by, recorded_at) VALUES ($i, $n, $s, $who, $now) RETURNING id",
            ("$i", itemId), ("$n", note), ("$s", to.Key()), ("$who", who), ("$now", Sql.Now()));

    public static List<RectificationProgress> Progress(SqliteConnection c, long itemId, SqliteTransaction? tx = null) =>
        c.List(tx, "SELECT id, item_id, note, to_status, recorded_by, recorded_at FROM rectification_progress WHERE item_id = $i ORDER BY id",
            r => new RectificationProgress(r.GetInt64(0), r.GetInt64(1), r.GetString(2), RectificationKeys.ParseStatus(r.GetString(3)),
                r.GetString(4), r.GetString(5)), ("$i", itemId));

    /// <summary>Records a reminder interview (约谈提醒) once per campaign and organisation; false when already there.</summary>
    public static bool InsertInterview(SqliteConnection c, SqliteTransaction tx, long campaignId, string orgCode, string grade, string who) =>
        c.Exec(tx, """
            INSERT INTO reminder_interview(campaign_id, org_code, grade, created_by, created_at) VALUES ($c, $o, $g, $who, $now)
            ON CONFLICT (campaign_id, org_code) DO NOTHING
            """, ("$c", campaignId), ("$o", orgCode), ("$g", grade), ("$who", who), ("$now", Sql.Now())) > 0;

    public static List<(string OrgCode, string Grade, string CreatedAt)> Interviews(SqliteConnection c, long campaignId) =>
        c.List(null, "SELECT org_code, grade, created_at FROM reminder_interview WHERE campaign_id = $c ORDER BY org_code",
            r => (r.GetString(0), r.GetString(1), r.GetString(2)), ("$c", campaignId));

    public static long InsertCirculation(SqliteConnection c, SqliteTransaction tx, long campaignId, string? scope, IReadOnlyList<RectificationItem> items,
        DateOnly today, string who) =>
        c.Long(tx, """
            INSERT INTO rectification_circulation(campaign_id, scope, items, open, in_progress, done, overdue, circulated_by, circulated_at)
            VALUES ($c, $s, $n, $open, $progress, $done, $overdue, $who, $now) RETURNING id
            """, ("$c", campaignId), ("$s", scope), ("$n", items.Count), ("$open", items.Count(i => i.Status == RectificationStatus.Open)),
            ("$progress", items.Count(i => i.Status == RectificationStatus.InProgress)), ("$done", items.Count(i => i.Status == RectificationStatus.Done)),
            ("$overdue", items.Count(i => i.Status != RectificationStatus.Done && i.Deadline < today)), ("$who", who), ("$now", Sql.Now()));

    public static List<RectificationCirculation> Circulations(SqliteConnection c, SqliteTransaction? tx, long? campaignId) =>
        c.List(tx, """
            SELECT id, campaign_id, scope, items, open, in_progress, done, overdue, circulated_by, circulated_at FROM rectification_circulation
             WHERE ($c IS NULL OR campaign_id = $c) ORDER BY id
            """, r => new RectificationCirculation(r.GetInt64(0), r.GetInt64(1), r.NullableString(2), r.GetInt32(3), r.GetInt32(4), r.GetInt32(5),
                r.GetInt32(6), r.GetInt32(7), r.GetString(8), r.GetString(9)), ("$c", campaignId));

    private static RectificationItem Read(SqliteDataReader r) => new(
        r.GetInt64(0), r.NullableLong(1), r.GetString(2), RectificationKeys.ParseSource(r.GetString(3)), r.NullableString(4), r.GetString(5),
        r.NullableString(6), r.NullableString(7), Sql.ParseDate(r.GetString(8)), RectificationKeys.ParseStatus(r.GetString(9)),
        r.NullableString(10), r.GetString(11), r.GetString(12), r.GetInt64(13));
}
