using Microsoft.Data.Sqlite;

namespace ShuzhiKaohe.Testing;

/// <summary>
/// Puts real organisations into a test database with plain SQL: one county from the real division file
/// (../shared/data/divisions-2023.csv), its ancestors and its townships/streets, as the localities sector.
/// Statistical groupings (市辖区, 县, 省直辖县级行政区划) are marked as such. Not an importer: tests only.
/// </summary>
public static class DivisionSeed
{
    private static readonly string[] Groupings = ["市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"];

    public static string DivisionsFile => Path.Combine(RepoPaths.SharedData, "divisions-2023.csv");

    /// <summary>The county's rows, its ancestors first, then its children, as (code, name, parent, level).</summary>
    public static IReadOnlyList<(string Code, string Name, string? Parent, int Level)> County(string countyCode)
    {
        var rows = File.ReadLines(DivisionsFile).Skip(1).Select(l => l.Split(','))
            .Where(f => countyCode.StartsWith(f[0], StringComparison.Ordinal) || f[2] == countyCode)
            .Select(f => (Code: f[0], Name: f[1], Parent: f[2].Length == 0 ? null : f[2], Level: int.Parse(f[3])))
            .OrderBy(r => r.Level).ThenBy(r => r.Code, StringComparer.Ordinal).ToList();
        if (rows.All(r => r.Code != countyCode)) throw new InvalidOperationException($"{countyCode} not in {DivisionsFile}");
        return rows;
    }

    /// <summary>Inserts the county's rows (skipping codes already there) and returns the county's children.</summary>
    public static IReadOnlyList<(string Code, string Name)> LoadCounty(SqliteConnection c, string countyCode)
    {
        var rows = County(countyCode);
        using var tx = c.BeginTransaction();
        foreach (var r in rows) Insert(c, tx, r.Code, r.Name, r.Parent, r.Level);
        tx.Commit();
        return rows.Where(r => r.Parent == countyCode).Select(r => (r.Code, r.Name)).ToList();
    }

    public static void Insert(SqliteConnection c, SqliteTransaction? tx, string code, string name, string? parent, int level, string sector = "localities")
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = """
            INSERT OR IGNORE INTO organisation(code, name, parent_code, sector, level, kind, is_grouping)
            VALUES ($c, $n, $p, $s, $l, $k, $g)
            """;
        var grouping = Groupings.Contains(name);
        cmd.Parameters.AddWithValue("$c", code);
        cmd.Parameters.AddWithValue("$n", name);
        cmd.Parameters.AddWithValue("$p", (object?)parent ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$s", sector);
        cmd.Parameters.AddWithValue("$l", level);
        cmd.Parameters.AddWithValue("$k", grouping ? "grouping" : "committee");
        cmd.Parameters.AddWithValue("$g", grouping ? 1 : 0);
        cmd.ExecuteNonQuery();
    }

    /// <summary>Records a secretary term [start, end) for an organisation; returns the term id.</summary>
    public static long Secretary(SqliteConnection c, string orgCode, string person, string start, string? end = null)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            INSERT INTO person(name) VALUES ($n);
            INSERT INTO secretary_term(org_code, person_id, start_on, end_on) VALUES ($o, last_insert_rowid(), $s, $e) RETURNING id;
            """;
        cmd.Parameters.AddWithValue("$n", person);
        cmd.Parameters.AddWithValue("$o", orgCode);
        cmd.Parameters.AddWithValue("$s", start);
        cmd.Parameters.AddWithValue("$e", (object?)end ?? DBNull.Value);
        return (long)cmd.ExecuteScalar()!;
    }
}
