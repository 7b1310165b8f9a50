namespace ShuzhiKaohe.Core.Audit;

/// <summary>How <c>audit verify</c> checks an entity's present data against the trail.</summary>
public enum AuditGranularity
{
    /// <summary>Each record's state is compared with the state its last entry recorded; a record with no entry is a break.</summary>
    PerRecord,
    /// <summary>
    /// One digest over the whole table, compared with the last entry of the entity — for bulk imports (the
    /// organisation tree: one entry per import, not 665k). A change is found; which row changed is not named.
    /// </summary>
    WholeTable,
}

/// <summary>
/// An audited entity, registered by the feature that owns its table:
/// <c>services.AddSingleton(new AuditedEntity("operator_grant", "operator_grant", "id"));</c>.
/// By default its state is <c>json_object</c> over every column of <see cref="Table"/> (read from the schema).
/// </summary>
/// <param name="Name">The entity name written in the trail.</param>
/// <param name="Table">The table holding the records.</param>
/// <param name="KeyColumn">The column that identifies a record (its text form is the entry's key).</param>
public sealed record AuditedEntity(string Name, string Table, string KeyColumn, AuditGranularity Granularity = AuditGranularity.PerRecord)
{
    /// <summary>
    /// Own state query instead of the default. PerRecord: one row with one text column for <c>$key</c> (no row:
    /// the record does not exist) — e.g. a ballot sheet together with its marks. WholeTable: rows of one text
    /// column in a stable order, hashed in sequence.
    /// </summary>
    public string? StateSql { get; init; }

    /// <summary>PerRecord with own <see cref="StateSql"/>: the keys of all present records (one text column).</summary>
    public string? KeysSql { get; init; }
}
