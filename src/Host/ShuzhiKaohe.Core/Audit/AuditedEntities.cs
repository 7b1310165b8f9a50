using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace ShuzhiKaohe.Core.Audit;

/// <summary>
/// The registered audited entities and how to read their state. The default state of a record is
/// <c>json_object</c> over all the table's columns, built once from the schema (identifiers only, quoted; values
/// are always parameters).
/// </summary>
public sealed class AuditedEntities
{
    private readonly Dictionary<string, AuditedEntity> _byName = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _json = new(StringComparer.Ordinal);

    public AuditedEntities(IEnumerable<AuditedEntity> entities)
    {
        foreach (var e in entities)
            if (!_byName.TryAdd(e.Name, e))
                throw new InvalidOperationException($"audited entity {e.Name} is registered twice");
    }

    public IEnumerable<AuditedEntity> All => _byName.Values.OrderBy(e => e.Name, StringComparer.Ordinal);

    public bool IsAudited(string name) => _byName.ContainsKey(name);

    public AuditedEntity Get(string name) =>
        _byName.TryGetValue(name, out var e) ? e
            : throw new InvalidOperationException($"entity {name} is not registered as audited (register an AuditedEntity in the feature)");

    /// <summary>The record's present state as JSON, or null when it does not exist.</summary>
    public string? State(SqliteConnection c, SqliteTransaction? tx, string entity, string key)
    {
        var e = Get(entity);
        if (e.Granularity == AuditGranularity.WholeTable) return null;
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = StateQuery(c, tx, e);
        cmd.Parameters.AddWithValue("$key", key);
        using var r = cmd.ExecuteReader();
        return r.Read() && !r.IsDBNull(0) ? r.GetString(0) : null;
    }

    /// <summary>The per-record state query of <paramref name="e"/>: one row, one text column, for <c>$key</c>.</summary>
    internal string StateQuery(SqliteConnection c, SqliteTransaction? tx, AuditedEntity e) =>
        e.StateSql ?? $"SELECT {JsonOf(c, tx, e)} FROM {Quote(e.Table)} WHERE {Quote(e.KeyColumn)} = $key";

    /// <summary>What an entry records for the entity after a change: the record's state hash, or the table digest.</summary>
    public string? StateHash(SqliteConnection c, SqliteTransaction? tx, string entity, string key)
    {
        var e = Get(entity);
        if (e.Granularity == AuditGranularity.WholeTable) return TableDigest(c, tx, e);
        return State(c, tx, entity, key) is { } json ? AuditHash.State(json) : null;
    }

    /// <summary>SHA-256 over the states of all the table's records in key order.</summary>
    public string TableDigest(SqliteConnection c, SqliteTransaction? tx, AuditedEntity e)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = e.StateSql ?? $"SELECT {JsonOf(c, tx, e)} FROM {Quote(e.Table)} ORDER BY {Quote(e.KeyColumn)}";
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            hash.AppendData(Encoding.UTF8.GetBytes(r.IsDBNull(0) ? "null" : r.GetString(0)));
            hash.AppendData("\n"u8);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Every present record of a per-record entity with its state hash.</summary>
    public IEnumerable<(string Key, string Hash)> Records(SqliteConnection c, SqliteTransaction? tx, AuditedEntity e)
    {
        if (e.StateSql is null)
        {
            using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = $"SELECT CAST({Quote(e.KeyColumn)} AS TEXT), {JsonOf(c, tx, e)} FROM {Quote(e.Table)}";
            using var r = cmd.ExecuteReader();
            while (r.Read()) yield return (r.GetString(0), AuditHash.State(r.GetString(1)));
            yield break;
        }
        if (e.KeysSql is null) throw new InvalidOperationException($"audited entity {e.Name} has its own StateSql but no KeysSql");
        var keys = new List<string>();
        using (var k = c.CreateCommand())
        {
            k.Transaction = tx;
            k.CommandText = e.KeysSql;
            using var r = k.ExecuteReader();
            while (r.Read()) keys.Add(r.GetValue(0).ToString() ?? "");
        }
        foreach (var key in keys)
            if (State(c, tx, e.Name, key) is { } json) yield return (key, AuditHash.State(json));
    }

    private string JsonOf(SqliteConnection c, SqliteTransaction? tx, AuditedEntity e) =>
        _json.GetOrAdd(e.Name, _ =>
        {
            using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = "SELECT name FROM pragma_table_info($table) ORDER BY cid";
            cmd.Parameters.AddWithValue("$table", e.Table);
            var columns = new List<string>();
            using (var r = cmd.ExecuteReader())
                while (r.Read()) columns.Add(r.GetString(0));
            if (columns.Count == 0) throw new InvalidOperationException($"audited table {e.Table} does not exist");
            // BLOBs cannot go into JSON: their hex stands for them.
            return "json_object(" + string.Join(", ", columns.Select(col =>
                $"'{col.Replace("'", "''", StringComparison.Ordinal)}', iif(typeof({Quote(col)}) = 'blob', hex({Quote(col)}), {Quote(col)})")) + ")";
        });

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
