using Microsoft.Data.Sqlite;
using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Storage;

namespace ShuzhiKaohe.Core.Campaigns;

/// <summary>The SQL of campaigns, their stage moves and their rosters. Callers own the connection and transaction.</summary>
internal static class CampaignStore
{
    private const string CampaignColumns = """
        c.id, c.organiser_code, o.name, o.sector, c.year, c.stage, c.min_below_good, c.focus_limit, c.created_at, c.created_by, c.row_version
        """;

    private const string EntryColumns = """
        e.id, e.campaign_id, e.org_code, o.name, o.sector, o.level, e.origin, e.added_reason, e.removed_reason, e.removed_by,
        e.assessee_term_id, e.assessee_pinned, e.row_version
        """;

    public static Campaign? Find(SqliteConnection c, SqliteTransaction? tx, long id) =>
        c.List(tx, $"SELECT {CampaignColumns} FROM campaign c JOIN organisation o ON o.code = c.organiser_code WHERE c.id = $id",
            ReadCampaign, ("$id", id)).FirstOrDefault();

    public static Campaign Get(SqliteConnection c, SqliteTransaction? tx, long id) =>
        Find(c, tx, id) ?? throw new NotFoundException($"没有编号为 {id} 的考核");

    public static Campaign? FindByOrganiser(SqliteConnection c, SqliteTransaction? tx, string organiser, int year) =>
        c.List(tx, $"SELECT {CampaignColumns} FROM campaign c JOIN organisation o ON o.code = c.organiser_code WHERE c.organiser_code = $o AND c.year = $y",
            ReadCampaign, ("$o", organiser), ("$y", year)).FirstOrDefault();

    public static List<Campaign> List(SqliteConnection c, string? organiser, int? year) =>
        c.List(null, $"""
            SELECT {CampaignColumns} FROM campaign c JOIN organisation o ON o.code = c.organiser_code
             WHERE ($o IS NULL OR c.organiser_code = $o) AND ($y IS NULL OR c.year = $y)
             ORDER BY c.year DESC, c.organiser_code
            """, ReadCampaign, ("$o", organiser), ("$y", year));

    public static long Insert(SqliteConnection c, SqliteTransaction tx, string organiser, int year, double? minBelowGood, int focusLimit, string who, string now) =>
        c.Long(tx, """
            INSERT INTO campaign(organiser_code, year, stage, min_below_good, focus_limit, created_at, created_by)
            VALUES ($o, $y, 'plan', $m, $f, $now, $who) RETURNING id
            """, ("$o", organiser), ("$y", year), ("$m", minBelowGood), ("$f", focusLimit), ("$now", now), ("$who", who));

    /// <summary>Moves the stage when the row is still at <paramref name="expected"/>; else <see cref="ConflictException"/>.</summary>
    public static void SetStage(SqliteConnection c, SqliteTransaction tx, Campaign campaign, CampaignStage to, long expected)
    {
        var n = c.Exec(tx, """
            UPDATE campaign SET stage = $s, row_version = row_version + 1 WHERE id = $id AND row_version = $rv
            """, ("$s", to.Key()), ("$id", campaign.Id), ("$rv", expected));
        if (n == 0) throw Conflict(c, tx, campaign.Id, expected);
    }

    /// <summary>Bumps the campaign's row version: a change to its roster or plan is a change to the campaign.</summary>
    public static void Touch(SqliteConnection c, SqliteTransaction tx, long id, long expected)
    {
        if (c.Exec(tx, "UPDATE campaign SET row_version = row_version + 1 WHERE id = $id AND row_version = $rv", ("$id", id), ("$rv", expected)) == 0)
            throw Conflict(c, tx, id, expected);
    }

    public static ConflictException Conflict(SqliteConnection c, SqliteTransaction tx, long id, long expected)
    {
        var found = c.List(tx, "SELECT row_version FROM campaign WHERE id = $id", r => (long?)r.GetInt64(0), ("$id", id)).FirstOrDefault();
        return new ConflictException($"考核 {id}", expected, found);
    }

    public static void RecordMove(SqliteConnection c, SqliteTransaction tx, long campaignId, CampaignStage? from, CampaignStage to, string? note, string who, string now) =>
        c.Exec(tx, """
            INSERT INTO campaign_stage_move(campaign_id, from_stage, to_stage, note, moved_at, moved_by) VALUES ($c, $f, $t, $n, $now, $who)
            """, ("$c", campaignId), ("$f", from?.Key()), ("$t", to.Key()), ("$n", note), ("$now", now), ("$who", who));

    public static List<StageMove> Moves(SqliteConnection c, long campaignId) =>
        c.List(null, "SELECT from_stage, to_stage, note, moved_at, moved_by FROM campaign_stage_move WHERE campaign_id = $c ORDER BY id",
            r => new StageMove(r.IsDBNull(0) ? null : CampaignStages.Parse(r.GetString(0)), CampaignStages.Parse(r.GetString(1)),
                r.NullableString(2), r.GetString(3), r.GetString(4)), ("$c", campaignId));

    public static List<RosterEntry> Entries(SqliteConnection c, SqliteTransaction? tx, long campaignId) =>
        c.List(tx, $"SELECT {EntryColumns} FROM roster_entry e JOIN organisation o ON o.code = e.org_code WHERE e.campaign_id = $c ORDER BY e.org_code",
            ReadEntry, ("$c", campaignId));

    public static RosterEntry? FindEntry(SqliteConnection c, SqliteTransaction? tx, long campaignId, string orgCode) =>
        c.List(tx, $"SELECT {EntryColumns} FROM roster_entry e JOIN organisation o ON o.code = e.org_code WHERE e.campaign_id = $c AND e.org_code = $o",
            ReadEntry, ("$c", campaignId), ("$o", orgCode)).FirstOrDefault();

    public static long InsertEntry(SqliteConnection c, SqliteTransaction tx, long campaignId, string orgCode, RosterOrigin origin, string? reason, string who, string now) =>
        c.Long(tx, """
            INSERT INTO roster_entry(campaign_id, org_code, origin, added_reason, added_by, added_at) VALUES ($c, $o, $origin, $r, $who, $now) RETURNING id
            """, ("$c", campaignId), ("$o", orgCode), ("$origin", origin == RosterOrigin.Default ? "default" : "extra"), ("$r", reason),
            ("$who", who), ("$now", now));

    public static void Restore(SqliteConnection c, SqliteTransaction tx, RosterEntry e, string? reason, string who, string now)
    {
        if (c.Exec(tx, """
                UPDATE roster_entry SET removed_reason = NULL, removed_by = NULL, removed_at = NULL,
                       added_reason = coalesce($r, added_reason), added_by = $who, added_at = $now, row_version = row_version + 1
                 WHERE id = $id AND row_version = $rv
                """, ("$r", reason), ("$who", who), ("$now", now), ("$id", e.Id), ("$rv", e.RowVersion)) == 0)
            throw new ConflictException($"考核名单中的 {e.OrgCode}", e.RowVersion, null);
    }

    public static void Remove(SqliteConnection c, SqliteTransaction tx, RosterEntry e, string reason, string who, string now)
    {
        if (c.Exec(tx, """
                UPDATE roster_entry SET removed_reason = $r, removed_by = $who, removed_at = $now, row_version = row_version + 1
                 WHERE id = $id AND row_version = $rv
                """, ("$r", reason), ("$who", who), ("$now", now), ("$id", e.Id), ("$rv", e.RowVersion)) == 0)
            throw new ConflictException($"考核名单中的 {e.OrgCode}", e.RowVersion, null);
    }

    public static void SetAssessee(SqliteConnection c, SqliteTransaction tx, RosterEntry e, long? termId, bool pinned)
    {
        if (c.Exec(tx, """
                UPDATE roster_entry SET assessee_term_id = $t, assessee_pinned = $p, row_version = row_version + 1
                 WHERE id = $id AND row_version = $rv
                """, ("$t", termId), ("$p", pinned ? 1 : 0), ("$id", e.Id), ("$rv", e.RowVersion)) == 0)
            throw new ConflictException($"考核名单中的 {e.OrgCode}", e.RowVersion, null);
    }

    /// <summary>Other campaigns of the same year whose active roster holds the organisation.</summary>
    public static List<long> OtherCampaignsOf(SqliteConnection c, SqliteTransaction tx, string orgCode, Campaign campaign) =>
        c.List(tx, """
            SELECT e.campaign_id FROM roster_entry e JOIN campaign k ON k.id = e.campaign_id
             WHERE e.org_code = $o AND k.year = $y AND e.campaign_id <> $c AND e.removed_reason IS NULL
            """, r => r.GetInt64(0), ("$o", orgCode), ("$y", campaign.Year), ("$c", campaign.Id));

    private static Campaign ReadCampaign(SqliteDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt32(4), CampaignStages.Parse(r.GetString(5)),
        r.NullableDouble(6), r.GetInt32(7), r.GetString(8), r.GetString(9), r.GetInt64(10));

    private static RosterEntry ReadEntry(SqliteDataReader r) => new(
        r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetInt32(5),
        r.GetString(6) == "default" ? RosterOrigin.Default : RosterOrigin.Extra, r.NullableString(7), r.NullableString(8),
        r.NullableString(9), r.NullableLong(10), r.GetInt64(11) != 0, r.GetInt64(12));
}
