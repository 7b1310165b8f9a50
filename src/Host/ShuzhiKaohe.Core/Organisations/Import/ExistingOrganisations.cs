using Microsoft.Data.Sqlite;

namespace ShuzhiKaohe.Core.Organisations.Import;

/// <summary>An organisation already in the database, as far as validating and classifying an import needs it.</summary>
internal readonly record struct Existing(string Name, string? Parent, string Sector, int Level, string Kind, bool IsGrouping, bool Dissolved);

/// <summary>The organisations already in the database, read inside the import's write transaction.</summary>
internal sealed class ExistingOrganisations
{
    private ExistingOrganisations() => Lookup = ByCode.GetAlternateLookup<ReadOnlySpan<char>>();

    public Dictionary<string, Existing> ByCode { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Existing>.AlternateLookup<ReadOnlySpan<char>> Lookup { get; }

    /// <summary>Null when the table is empty (the first import: nothing to compare, the fast path).</summary>
    public static ExistingOrganisations? Load(SqliteConnection c, SqliteTransaction tx)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT EXISTS (SELECT 1 FROM organisation)";
        if (Convert.ToInt64(cmd.ExecuteScalar()) == 0) return null;
        cmd.CommandText = "SELECT code, name, parent_code, sector, level, kind, is_grouping, dissolved_on IS NOT NULL FROM organisation";
        var existing = new ExistingOrganisations();
        var interned = new Dictionary<string, string>(StringComparer.Ordinal);
        string Intern(string s) => interned.TryGetValue(s, out var i) ? i : interned[s] = s;
        using var r = cmd.ExecuteReader();
        while (r.Read())
            existing.ByCode[r.GetString(0)] = new Existing(r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), Intern(r.GetString(3)),
                r.GetInt32(4), Intern(r.GetString(5)), r.GetInt64(6) != 0, r.GetInt64(7) != 0);
        return existing;
    }
}
