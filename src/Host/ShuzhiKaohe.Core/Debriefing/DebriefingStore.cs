using Microsoft.Data.Sqlite;
using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Storage;

namespace ShuzhiKaohe.Core.Debriefing;

/// <summary>The SQL of debriefings. Flags are computed by the service, not stored.</summary>
internal static class DebriefingStore
{
    private const string Columns = """
        d.id, e.org_code, o.name, d.mode, d.written_reason, d.achievements, d.problems, d.causes, d.measures, d.report_text,
        d.report_source, d.recorded_by, d.recorded_at, d.row_version
        """;

    private const string From = "debriefing d JOIN roster_entry e ON e.id = d.entry_id JOIN organisation o ON o.code = e.org_code";

    public static DebriefingRecord? ForEntry(SqliteConnection c, SqliteTransaction? tx, long entryId) =>
        c.List(tx, $"SELECT {Columns} FROM {From} WHERE d.entry_id = $e", Read, ("$e", entryId)).FirstOrDefault();

    public static List<DebriefingRecord> ForCampaign(SqliteConnection c, SqliteTransaction? tx, long campaignId) =>
        c.List(tx, $"SELECT {Columns} FROM {From} WHERE e.campaign_id = $c AND e.removed_reason IS NULL ORDER BY e.org_code", Read, ("$c", campaignId));

    public static void Save(SqliteConnection c, SqliteTransaction tx, long entryId, DebriefMode mode, string? reason, ReportParts? report,
        string? source, string who, long? existingVersion)
    {
        var p = new (string, object?)[]
        {
            ("$e", entryId), ("$m", mode.Key()), ("$r", reason), ("$a", report?.Achievements), ("$p", report?.Problems),
            ("$c", report?.Causes), ("$s", report?.Measures), ("$t", report?.FullText), ("$src", source), ("$who", who), ("$now", Sql.Now()),
            ("$rv", existingVersion),
        };
        if (existingVersion is null)
            c.Exec(tx, """
                INSERT INTO debriefing(entry_id, mode, written_reason, achievements, problems, causes, measures, report_text, report_source, recorded_by, recorded_at)
                VALUES ($e, $m, $r, $a, $p, $c, $s, $t, $src, $who, $now)
                """, p);
        else if (c.Exec(tx, """
                     UPDATE debriefing SET mode = $m, written_reason = $r,
                            achievements = CASE WHEN $t IS NULL THEN achievements ELSE $a END,
                            problems = CASE WHEN $t IS NULL THEN problems ELSE $p END,
                            causes = CASE WHEN $t IS NULL THEN causes ELSE $c END,
                            measures = CASE WHEN $t IS NULL THEN measures ELSE $s END,
                            report_text = coalesce($t, report_text), report_source = coalesce($src, report_source),
                            recorded_by = $who, recorded_at = $now, row_version = row_version + 1
                      WHERE entry_id = $e AND row_version = $rv
                     """, p) == 0)
            throw new ConflictException("述职记录", existingVersion.Value, null);
    }

    /// <summary>Active roster entries of the campaign without a debriefing (for the session gate).</summary>
    public static List<long> EntriesWithout(SqliteConnection c, SqliteTransaction tx, long campaignId) =>
        c.List(tx, """
            SELECT e.id FROM roster_entry e WHERE e.campaign_id = $c AND e.removed_reason IS NULL
               AND NOT EXISTS (SELECT 1 FROM debriefing d WHERE d.entry_id = e.id)
            """, r => r.GetInt64(0), ("$c", campaignId));

    public static long OnsiteCount(SqliteConnection c, SqliteTransaction tx, long campaignId) =>
        c.Long(tx, """
            SELECT count(*) FROM debriefing d JOIN roster_entry e ON e.id = d.entry_id
             WHERE e.campaign_id = $c AND e.removed_reason IS NULL AND d.mode = 'onsite'
            """, ("$c", campaignId));

    private static DebriefingRecord Read(SqliteDataReader r)
    {
        ReportParts? report = r.IsDBNull(9) ? null
            : new ReportParts(r.NullableString(5), r.NullableString(6), r.NullableString(7), r.NullableString(8)) { FullText = r.GetString(9) };
        return new DebriefingRecord(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3) == "onsite" ? DebriefMode.Onsite : DebriefMode.Written,
            r.NullableString(4), report, r.NullableString(10), [], r.GetString(11), r.GetString(12), r.GetInt64(13));
    }
}
