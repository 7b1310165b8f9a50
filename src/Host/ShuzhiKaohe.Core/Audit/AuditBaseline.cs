using System.Globalization;
using Microsoft.Data.Sqlite;
using ShuzhiKaohe.Core.Storage;

namespace ShuzhiKaohe.Core.Audit;

/// <summary>
/// When an entity is first verified record by record (a new database, or an older one opened by a version that
/// audits more), its records already present get one "baseline" entry each, once: from then on a change behind
/// the program's back is found, while what happened to them before cannot be checked. The app_setting row
/// <c>audit.baseline.ENTITY</c> says it was done, so a record inserted later with sqlite3 stays "unrecorded".
/// On a new database every table is empty and the baseline writes only the markers.
/// </summary>
internal sealed class AuditBaseline(AuditedEntities entities, AuditTrail audit) : IDatabaseSeed
{
    public const string Prefix = "audit.baseline.";

    public bool IsNeeded(SqliteConnection c) => Pending(c, null).Count > 0;

    /// <summary>The record-by-record entities whose baseline marker is not there yet.</summary>
    private List<AuditedEntity> Pending(SqliteConnection c, SqliteTransaction? tx)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        using (var cmd = c.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = "SELECT key FROM app_setting WHERE key >= $p AND key < $q";
            cmd.Parameters.AddWithValue("$p", Prefix);
            cmd.Parameters.AddWithValue("$q", Prefix[..^1] + "/");
            using var r = cmd.ExecuteReader();
            while (r.Read()) done.Add(r.GetString(0));
        }
        return entities.All.Where(e => e.Granularity == AuditGranularity.PerRecord && !done.Contains(Prefix + e.Name)).ToList();
    }

    public void Seed(SqliteConnection c, SqliteTransaction tx)
    {
        foreach (var e in Pending(c, tx))
        {
            var recorded = new HashSet<string>(StringComparer.Ordinal);
            using (var cmd = c.CreateCommand())
            {
                cmd.Transaction = tx;
                cmd.CommandText = "SELECT DISTINCT entity_key FROM audit_entry WHERE entity = $e";
                cmd.Parameters.AddWithValue("$e", e.Name);
                using var r = cmd.ExecuteReader();
                while (r.Read()) recorded.Add(r.GetString(0));
            }
            var missing = entities.Records(c, tx, e).Select(x => x.Key).Where(k => !recorded.Contains(k)).ToList();
            using (var batch = audit.Batch(c, tx))
                foreach (var key in missing)
                    batch.Record("baseline", e.Name, key, null, "审计基线：开始逐条核对此类记录时已存在的记录（此前的改动无从核对）");
            using var mark = c.CreateCommand();
            mark.Transaction = tx;
            mark.CommandText = "INSERT INTO app_setting(key, value) VALUES ($k, $v)";
            mark.Parameters.AddWithValue("$k", Prefix + e.Name);
            mark.Parameters.AddWithValue("$v", $"{Sql.Now()} {missing.Count.ToString(CultureInfo.InvariantCulture)}");
            mark.ExecuteNonQuery();
        }
    }
}
