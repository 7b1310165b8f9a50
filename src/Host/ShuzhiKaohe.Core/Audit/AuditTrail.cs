using Microsoft.Data.Sqlite;

namespace ShuzhiKaohe.Core.Audit;

/// <summary>
/// Appends entries to the hash-chained trail, in the caller's transaction, so a change and its entry are
/// committed together or not at all. The caller's transaction must be a write transaction from its start
/// (<c>connection.BeginTransaction(deferred: false)</c>, i.e. BEGIN IMMEDIATE): the chain's head is read and
/// extended under the write lock.
/// </summary>
public sealed class AuditTrail(OperatorContext who, AuditedEntities entities)
{
    /// <summary>Records a change of an audited entity with a summary written by the caller.</summary>
    /// <param name="action">What was done, as a short verb: create, update, delete, import, grant, approve …</param>
    /// <param name="entity">A registered <see cref="AuditedEntity"/> name.</param>
    /// <param name="key">The record's key (for a whole-table import, a label for the import, e.g. the file name).</param>
    /// <param name="orgCode">The organisation the change concerns (audit list filters by it; null: the installation).</param>
    public AuditEntry Record(SqliteConnection connection, SqliteTransaction tx, string action, string entity, string key,
        string? orgCode, string summary) =>
        Append(connection, tx, action, entity, key, orgCode, summary, entities.StateHash(connection, tx, entity, key));

    /// <summary>
    /// Records a change with the summary made from the record's state before (from <see cref="State"/>, taken
    /// before the change; null for a new record) and after. Add <paramref name="note"/> for what the data cannot say.
    /// </summary>
    public AuditEntry RecordChange(SqliteConnection connection, SqliteTransaction tx, string action, string entity, string key,
        string? orgCode, string? before, string? note = null)
    {
        var after = entities.State(connection, tx, entity, key);
        var summary = AuditSummary.Between(before, after);
        if (!string.IsNullOrWhiteSpace(note)) summary = summary.Length == 0 ? note : $"{note}；{summary}";
        return Append(connection, tx, action, entity, key, orgCode, summary, after is null ? null : AuditHash.State(after));
    }

    /// <summary>The record's present state (JSON), to pass as <c>before</c> to <see cref="RecordChange"/>.</summary>
    public string? State(SqliteConnection connection, SqliteTransaction? tx, string entity, string key) =>
        entities.State(connection, tx, entity, key);

    /// <summary>An entry that records no data change (a refusal, a verification): no state hash.</summary>
    public AuditEntry Note(SqliteConnection connection, SqliteTransaction tx, string action, string subject, string key,
        string? orgCode, string summary) =>
        Append(connection, tx, action, subject, key, orgCode, summary, null);

    /// <summary>
    /// Many entries in one transaction with prepared statements and the chain's head kept in memory — for the hot
    /// paths (ballot import: one entry per sheet). Make no other entry on the transaction while the batch is open:
    /// the batch would then link to a stale head, which the UNIQUE prev_hash refuses (the transaction fails).
    /// </summary>
    public AuditBatch Batch(SqliteConnection connection, SqliteTransaction tx) => new(this, entities, connection, tx);

    private AuditEntry Append(SqliteConnection c, SqliteTransaction tx, string action, string entity, string key,
        string? orgCode, string summary, string? stateHash)
    {
        var (lastId, prev) = Head(c, tx);
        var entry = Make(lastId + 1, prev, action, entity, key, orgCode, summary, stateHash);
        using var cmd = InsertCommand(c, tx);
        Insert(cmd, entry);
        return entry;
    }

    internal static (long LastId, string Prev) Head(SqliteConnection c, SqliteTransaction tx)
    {
        using var head = c.CreateCommand();
        head.Transaction = tx;
        head.CommandText = "SELECT id, entry_hash FROM audit_entry ORDER BY id DESC LIMIT 1";
        using var r = head.ExecuteReader();
        return r.Read() ? (r.GetInt64(0), r.GetString(1)) : (0, AuditHash.Genesis);
    }

    internal AuditEntry Make(long id, string prev, string action, string entity, string key, string? orgCode, string summary, string? stateHash)
    {
        var frontEnd = who.FrontEnd.ToString().ToLowerInvariant() + (who.ViaSsh ? "/ssh" : "");
        var at = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var draft = new AuditEntry(id, at, who.Name, frontEnd, action, entity, key, orgCode, summary, stateHash, prev, "");
        return draft with { EntryHash = AuditHash.Entry(draft) };
    }

    internal static SqliteCommand InsertCommand(SqliteConnection c, SqliteTransaction tx)
    {
        var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = """
            INSERT INTO audit_entry(id, at, operator, front_end, action, entity, entity_key, org_code, summary, state_hash, prev_hash, entry_hash)
            VALUES ($id, $at, $op, $fe, $action, $entity, $key, $org, $summary, $state, $prev, $hash)
            """;
        foreach (var name in new[] { "$id", "$at", "$op", "$fe", "$action", "$entity", "$key", "$org", "$summary", "$state", "$prev", "$hash" })
            cmd.Parameters.Add(new SqliteParameter(name, DBNull.Value));
        return cmd;
    }

    internal static void Insert(SqliteCommand cmd, AuditEntry entry)
    {
        cmd.Parameters["$id"].Value = entry.Id;
        cmd.Parameters["$at"].Value = entry.At;
        cmd.Parameters["$op"].Value = entry.Operator;
        cmd.Parameters["$fe"].Value = entry.FrontEnd;
        cmd.Parameters["$action"].Value = entry.Action;
        cmd.Parameters["$entity"].Value = entry.Entity;
        cmd.Parameters["$key"].Value = entry.Key;
        cmd.Parameters["$org"].Value = (object?)entry.OrgCode ?? DBNull.Value;
        cmd.Parameters["$summary"].Value = entry.Summary;
        cmd.Parameters["$state"].Value = (object?)entry.StateHash ?? DBNull.Value;
        cmd.Parameters["$prev"].Value = entry.PrevHash;
        cmd.Parameters["$hash"].Value = entry.EntryHash;
        cmd.ExecuteNonQuery();
    }
}

/// <summary>
/// Entries appended through prepared statements, the head kept in memory (see <see cref="AuditTrail.Batch"/>).
/// Each entry still records its own record's state hash: a batch is as verifiable as single entries.
/// </summary>
public sealed class AuditBatch : IDisposable
{
    private readonly AuditTrail _trail;
    private readonly AuditedEntities _entities;
    private readonly SqliteConnection _c;
    private readonly SqliteTransaction _tx;
    private readonly SqliteCommand _insert;
    private readonly Dictionary<string, SqliteCommand> _state = new(StringComparer.Ordinal);
    private long _lastId;
    private string _prev;

    internal AuditBatch(AuditTrail trail, AuditedEntities entities, SqliteConnection c, SqliteTransaction tx)
    {
        (_trail, _entities, _c, _tx) = (trail, entities, c, tx);
        (_lastId, _prev) = AuditTrail.Head(c, tx);
        _insert = AuditTrail.InsertCommand(c, tx);
        _insert.Prepare();
    }

    /// <summary>Like <see cref="AuditTrail.Record"/>: the caller's summary, the record's present state hash.</summary>
    public AuditEntry Record(string action, string entity, string key, string? orgCode, string summary)
    {
        var e = _entities.Get(entity);
        string? hash;
        if (e.Granularity == AuditGranularity.WholeTable) hash = _entities.TableDigest(_c, _tx, e);
        else
        {
            if (!_state.TryGetValue(entity, out var cmd))
            {
                cmd = _c.CreateCommand();
                cmd.Transaction = _tx;
                cmd.CommandText = _entities.StateQuery(_c, _tx, e);
                cmd.Parameters.Add(new SqliteParameter("$key", ""));
                cmd.Prepare();
                _state[entity] = cmd;
            }
            cmd.Parameters["$key"].Value = key;
            using var r = cmd.ExecuteReader();
            hash = r.Read() && !r.IsDBNull(0) ? AuditHash.State(r.GetString(0)) : null;
        }
        var entry = _trail.Make(_lastId + 1, _prev, action, entity, key, orgCode, summary, hash);
        AuditTrail.Insert(_insert, entry);
        (_lastId, _prev) = (entry.Id, entry.EntryHash);
        return entry;
    }

    public void Dispose()
    {
        _insert.Dispose();
        foreach (var cmd in _state.Values) cmd.Dispose();
    }
}
