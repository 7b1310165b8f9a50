using Microsoft.Data.Sqlite;
using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Storage;

namespace ShuzhiKaohe.Core.Inspection;

/// <summary>The SQL of on-site inspection scores and their evidence.</summary>
internal static class InspectionStore
{
    public static List<InspectionScore> ForCampaign(SqliteConnection c, SqliteTransaction? tx, long campaignId, string? orgCode, string? itemCode = null)
    {
        var evidence = c.List(tx, """
                SELECT v.score_id, v.kind FROM inspection_evidence v JOIN inspection_score s ON s.id = v.score_id
                  JOIN roster_entry e ON e.id = s.entry_id WHERE e.campaign_id = $c
                """, r => (Id: r.GetInt64(0), Kind: r.GetString(1)), ("$c", campaignId))
            .ToLookup(x => x.Id, x => Enum.GetValues<EvidenceKind>().First(k => k.Key() == x.Kind));
        return c.List(tx, """
            SELECT s.id, e.org_code, o.name, s.item_code, s.score, s.note, s.recorded_by, s.recorded_at, s.row_version
              FROM inspection_score s JOIN roster_entry e ON e.id = s.entry_id JOIN organisation o ON o.code = e.org_code
             WHERE e.campaign_id = $c AND e.removed_reason IS NULL AND ($o IS NULL OR e.org_code = $o) AND ($i IS NULL OR s.item_code = $i)
             ORDER BY e.org_code, s.item_code
            """, r => new InspectionScore(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetDouble(4),
                evidence[r.GetInt64(0)].OrderBy(k => k).ToList(), r.NullableString(5), r.GetString(6), r.GetString(7), r.GetInt64(8)),
            ("$c", campaignId), ("$o", orgCode), ("$i", itemCode));
    }

    /// <returns>The score's row id.</returns>
    public static long Save(SqliteConnection c, SqliteTransaction tx, long entryId, string itemCode, double score, IReadOnlyList<EvidenceKind> evidence,
        string? note, string who, InspectionScore? existing)
    {
        long id;
        var now = Sql.Now();
        if (existing is null)
            id = c.Long(tx, """
                INSERT INTO inspection_score(entry_id, item_code, score, note, recorded_by, recorded_at) VALUES ($e, $i, $s, $n, $who, $now) RETURNING id
                """, ("$e", entryId), ("$i", itemCode), ("$s", score), ("$n", note), ("$who", who), ("$now", now));
        else
        {
            id = existing.Id;
            if (c.Exec(tx, """
                    UPDATE inspection_score SET score = $s, note = $n, recorded_by = $who, recorded_at = $now, row_version = row_version + 1
                     WHERE id = $id AND row_version = $rv
                    """, ("$s", score), ("$n", note), ("$who", who), ("$now", now), ("$id", id), ("$rv", existing.RowVersion)) == 0)
                throw new ConflictException($"{existing.OrgCode} 的 {itemCode} 实地考核评分", existing.RowVersion, null);
            c.Exec(tx, "DELETE FROM inspection_evidence WHERE score_id = $id", ("$id", id));
        }
        foreach (var k in evidence)
            c.Exec(tx, "INSERT INTO inspection_evidence(score_id, kind) VALUES ($id, $k)", ("$id", id), ("$k", k.Key()));
        return id;
    }

    /// <summary>Active entries without any inspection score (for the gate into the session).</summary>
    public static List<long> EntriesWithout(SqliteConnection c, SqliteTransaction tx, long campaignId) =>
        c.List(tx, """
            SELECT e.id FROM roster_entry e WHERE e.campaign_id = $c AND e.removed_reason IS NULL
               AND NOT EXISTS (SELECT 1 FROM inspection_score s WHERE s.entry_id = e.id)
            """, r => r.GetInt64(0), ("$c", campaignId));
}
