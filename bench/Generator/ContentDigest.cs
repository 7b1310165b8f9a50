using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace ShuzhiKaohe.Bench.Generator;

/// <summary>
/// A digest of a database's content for the determinism check: every table, every row, in a fixed order, with the
/// wall-clock instants masked (Core stamps rows and audit entries with the time of writing; it has no clock seam)
/// and without the audit chain's hashes, which cover those instants. An audit summary lists the fields a change
/// moved, so a time stamp rewritten in a later millisecond ("recorded_at: … → …") appears in one run and not in
/// another: such clauses are left out too. Everything else — ids, codes, names, marks,
/// sheet digests and seals, grades, deadlines, audit actions, keys and summaries — must be equal for the same seed.
/// </summary>
public static partial class ContentDigest
{
    private static readonly HashSet<string> TimeBoundColumns = new(StringComparer.Ordinal) { "state_hash", "prev_hash", "entry_hash" };

    private const string Masked = "<时刻>";

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?")]
    private static partial Regex Instant();

    [GeneratedRegex(@"^[a-z_]+_at: ""<时刻>"" → ""<时刻>""$")]
    private static partial Regex InstantMoved();

    /// <summary>The value with its instants masked and the summary clauses that only say an instant moved left out.</summary>
    public static string Normalise(string value)
    {
        var masked = Instant().Replace(value, Masked);
        return masked.Contains(" → ", StringComparison.Ordinal)
            ? string.Join("；", masked.Split('；').Where(part => !InstantMoved().IsMatch(part)))
            : masked;
    }

    /// <summary>Table name → SHA-256 of its rows as described above (hex).</summary>
    public static SortedDictionary<string, string> Tables(SqliteConnection c)
    {
        var tables = new List<string>();
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            using var r = cmd.ExecuteReader();
            while (r.Read()) tables.Add(r.GetString(0));
        }
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            var columns = new List<string>();
            using (var cmd = c.CreateCommand())
            {
                cmd.CommandText = "SELECT name FROM pragma_table_info($t) ORDER BY cid";
                cmd.Parameters.AddWithValue("$t", table);
                using var r = cmd.ExecuteReader();
                while (r.Read())
                    if (!TimeBoundColumns.Contains(r.GetString(0))) columns.Add(r.GetString(0));
            }
            var list = string.Join(", ", columns.Select(Quote));
            using var select = c.CreateCommand();
            select.CommandText = $"SELECT {list} FROM {Quote(table)} ORDER BY {list}";
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            using (var r = select.ExecuteReader())
                while (r.Read())
                {
                    for (var i = 0; i < r.FieldCount; i++)
                    {
                        var value = r.IsDBNull(i) ? "∅" : r.GetValue(i) is byte[] b ? Convert.ToHexString(b) : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!;
                        hash.AppendData(Encoding.UTF8.GetBytes(Normalise(value)));
                        hash.AppendData("\u001f"u8);
                    }
                    hash.AppendData("\n"u8);
                }
            result[table] = Convert.ToHexStringLower(hash.GetHashAndReset());
        }
        return result;
    }

    /// <summary>One digest over all the tables.</summary>
    public static string Of(SqliteConnection c) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", Tables(c).Select(kv => $"{kv.Key} {kv.Value}")))));

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
