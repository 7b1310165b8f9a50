using Microsoft.Data.Sqlite;
using ShuzhiKaohe.Core.Security;
using ShuzhiKaohe.Core.Storage;

namespace ShuzhiKaohe.Core.Audit;

/// <summary>One place where the trail and the data disagree.</summary>
/// <param name="Kind">chain (an entry was changed, removed or inserted), changed (a record differs from its last entry),
/// unrecorded (a record with no entry), missing (a recorded record is gone).</param>
public sealed record AuditBreak(string Kind, long? EntryId, string? Entity, string? Key, string Message);

/// <summary>What <c>audit verify</c> found. <see cref="HeadHash"/> can be written down elsewhere to anchor the chain's end.</summary>
public sealed record AuditReport(bool Ok, long Entries, string HeadHash, IReadOnlyList<string> EntitiesChecked, IReadOnlyList<AuditBreak> Breaks)
{
    public AuditBreak? FirstBreak => Breaks.Count == 0 ? null : Breaks[0];
}

/// <summary>
/// Checks the chain (each entry's hash and link) and the data (each audited record against the state its last
/// entry recorded; records with no entry; recorded records that are gone). Reads in one snapshot.
/// </summary>
public sealed class AuditVerifier(Database database, AuditedEntities entities, Authorizer authorizer)
{
    /// <summary>At most this many data breaks are listed; the first is what matters.</summary>
    private const int MaxBreaks = 100;

    public AuditReport Verify()
    {
        authorizer.Require(Permission.AuditVerify);
        using var c = database.Open();
        return Check(c);
    }

    /// <summary>
    /// Verifies the database behind <paramref name="connection"/> — e.g. a backup about to be restored (issue 10).
    /// No permission check: the caller has already been authorised for what it is doing.
    /// </summary>
    public AuditReport Check(SqliteConnection connection)
    {
        var c = connection;
        using var tx = c.BeginTransaction(deferred: true);
        var breaks = new List<AuditBreak>();
        var (count, head) = VerifyChain(c, tx, breaks);
        var checkedEntities = new List<string>();
        foreach (var e in entities.All)
        {
            if (breaks.Count >= MaxBreaks) break;
            checkedEntities.Add(e.Name);
            if (e.Granularity == AuditGranularity.WholeTable) VerifyTable(c, tx, e, breaks);
            else VerifyRecords(c, tx, e, breaks);
        }
        tx.Commit();
        return new AuditReport(breaks.Count == 0, count, head, checkedEntities, breaks);
    }

    private static (long Count, string Head) VerifyChain(SqliteConnection c, SqliteTransaction tx, List<AuditBreak> breaks)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = """
            SELECT id, at, operator, front_end, action, entity, entity_key, org_code, summary, state_hash, prev_hash, entry_hash
              FROM audit_entry ORDER BY id
            """;
        using var r = cmd.ExecuteReader();
        var expectedPrev = AuditHash.Genesis;
        long count = 0;
        var chainBroken = false;
        while (r.Read())
        {
            count++;
            var e = new AuditEntry(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
                r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7), r.GetString(8), r.IsDBNull(9) ? null : r.GetString(9),
                r.GetString(10), r.GetString(11));
            if (!chainBroken && e.PrevHash != expectedPrev)
            {
                breaks.Add(new AuditBreak("chain", e.Id, e.Entity, e.Key,
                    $"审计链在第 {e.Id} 条断开：它不接续前一条记录（之前的记录被删除、插入或改动过）"));
                chainBroken = true;
            }
            else if (!chainBroken && AuditHash.Entry(e) != e.EntryHash)
            {
                breaks.Add(new AuditBreak("chain", e.Id, e.Entity, e.Key, $"审计记录第 {e.Id} 条（{e.Entity} {e.Key}）的内容被改动过：哈希不符"));
                chainBroken = true;
            }
            expectedPrev = e.EntryHash;
        }
        return (count, expectedPrev);
    }

    private static Dictionary<string, (long Id, string? State)> LastEntries(SqliteConnection c, SqliteTransaction tx, string entity)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = """
            SELECT a.entity_key, a.id, a.state_hash FROM audit_entry a
              JOIN (SELECT entity_key, max(id) AS id FROM audit_entry WHERE entity = $e GROUP BY entity_key) l ON l.id = a.id
            """;
        cmd.Parameters.AddWithValue("$e", entity);
        using var r = cmd.ExecuteReader();
        var d = new Dictionary<string, (long, string?)>(StringComparer.Ordinal);
        while (r.Read()) d[r.GetString(0)] = (r.GetInt64(1), r.IsDBNull(2) ? null : r.GetString(2));
        return d;
    }

    private void VerifyRecords(SqliteConnection c, SqliteTransaction tx, AuditedEntity e, List<AuditBreak> breaks)
    {
        var last = LastEntries(c, tx, e.Name);
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, hash) in entities.Records(c, tx, e))
        {
            present.Add(key);
            if (breaks.Count >= MaxBreaks) return;
            if (!last.TryGetValue(key, out var entry) || entry.State is null)
                breaks.Add(new AuditBreak("unrecorded", entry.Id == 0 ? null : entry.Id, e.Name, key,
                    $"{e.Name} {key} 没有对应的审计记录：它是绕过本程序写入的"));
            else if (entry.State != hash)
                breaks.Add(new AuditBreak("changed", entry.Id, e.Name, key,
                    $"{e.Name} {key} 的当前数据与其最后一条审计记录（第 {entry.Id} 条）不符：它在本程序之外被改动过"));
        }
        foreach (var (key, entry) in last.OrderBy(kv => kv.Value.Id))
        {
            if (breaks.Count >= MaxBreaks) return;
            if (entry.State is not null && !present.Contains(key))
                breaks.Add(new AuditBreak("missing", entry.Id, e.Name, key,
                    $"{e.Name} {key} 已不存在，但审计记录（第 {entry.Id} 条）中没有删除它：它在本程序之外被删除"));
        }
    }

    private void VerifyTable(SqliteConnection c, SqliteTransaction tx, AuditedEntity e, List<AuditBreak> breaks)
    {
        var digest = entities.TableDigest(c, tx, e);
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT id, state_hash FROM audit_entry WHERE entity = $e ORDER BY id DESC LIMIT 1";
        cmd.Parameters.AddWithValue("$e", e.Name);
        using var r = cmd.ExecuteReader();
        var empty = AuditHash.Hex([]);
        if (!r.Read())
        {
            if (digest != empty)
                breaks.Add(new AuditBreak("unrecorded", null, e.Name, null, $"{e.Name} 表中有数据，但没有任何审计记录：它是绕过本程序写入的"));
            return;
        }
        var id = r.GetInt64(0);
        if ((r.IsDBNull(1) ? null : r.GetString(1)) != digest)
            breaks.Add(new AuditBreak("changed", id, e.Name, null,
                $"{e.Name} 表的当前数据与最后一条审计记录（第 {id} 条）不符：它在本程序之外被改动过（此表按整表校验，不逐行指名）"));
    }
}
