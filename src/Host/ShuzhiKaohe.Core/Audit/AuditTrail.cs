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

    private AuditEntry Append(SqliteConnection c, SqliteTransaction tx, string action, string entity, string key,
        string? orgCode, string summary, string? stateHash)
    {
        long lastId = 0;
        var prev = AuditHash.Genesis;
        using (var head = c.CreateCommand())
        {
            head.Transaction = tx;
            head.CommandText = "SELECT id, entry_hash FROM audit_entry ORDER BY id DESC LIMIT 1";
            using var r = head.ExecuteReader();
            if (r.Read()) { lastId = r.GetInt64(0); prev = r.GetString(1); }
        }
        var frontEnd = who.FrontEnd.ToString().ToLowerInvariant() + (who.ViaSsh ? "/ssh" : "");
        var at = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var draft = new AuditEntry(lastId + 1, at, who.Name, frontEnd, action, entity, key, orgCode, summary, stateHash, prev, "");
        var entry = draft with { EntryHash = AuditHash.Entry(draft) };
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = """
            INSERT INTO audit_entry(id, at, operator, front_end, action, entity, entity_key, org_code, summary, state_hash, prev_hash, entry_hash)
            VALUES ($id, $at, $op, $fe, $action, $entity, $key, $org, $summary, $state, $prev, $hash)
            """;
        cmd.Parameters.AddWithValue("$id", entry.Id);
        cmd.Parameters.AddWithValue("$at", entry.At);
        cmd.Parameters.AddWithValue("$op", entry.Operator);
        cmd.Parameters.AddWithValue("$fe", entry.FrontEnd);
        cmd.Parameters.AddWithValue("$action", entry.Action);
        cmd.Parameters.AddWithValue("$entity", entry.Entity);
        cmd.Parameters.AddWithValue("$key", entry.Key);
        cmd.Parameters.AddWithValue("$org", (object?)entry.OrgCode ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$summary", entry.Summary);
        cmd.Parameters.AddWithValue("$state", (object?)entry.StateHash ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$prev", entry.PrevHash);
        cmd.Parameters.AddWithValue("$hash", entry.EntryHash);
        cmd.ExecuteNonQuery();
        return entry;
    }
}
