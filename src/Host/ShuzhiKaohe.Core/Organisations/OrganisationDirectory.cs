using System.Text.Json;
using Microsoft.Data.Sqlite;
using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Storage;

namespace ShuzhiKaohe.Core.Organisations;

/// <summary>
/// Reads the organisation tree: one organisation, its children, its superior — the one that assesses it (第三条
/// "按照党组织隶属关系，由其上一级党组织开展") — and its secretary in a year. Statistical groupings are transparent:
/// a Beijing district's superior is the Beijing municipal committee, not 市辖区.
/// </summary>
public sealed class OrganisationDirectory(Database database)
{
    internal const string Columns = "code, name, parent_code, sector, level, kind, is_grouping, founded_on, dissolved_on, row_version";

    public Organisation? Find(string code)
    {
        using var c = database.Open();
        return Find(c, code);
    }

    public Organisation Get(string code) => Find(code) ?? throw new NotFoundException($"没有代码为 {code} 的组织");

    internal static Organisation? Find(SqliteConnection c, string code, SqliteTransaction? tx = null)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"SELECT {Columns} FROM organisation WHERE code = $code";
        cmd.Parameters.AddWithValue("$code", code);
        using var r = cmd.ExecuteReader();
        return r.Read() ? Read(r) : null;
    }

    /// <summary>Direct children in code order (groupings included, marked).</summary>
    public IReadOnlyList<Organisation> Children(string? parentCode)
    {
        using var c = database.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = parentCode is null
            ? $"SELECT {Columns} FROM organisation WHERE parent_code IS NULL ORDER BY code"
            : $"SELECT {Columns} FROM organisation WHERE parent_code = $p ORDER BY code";
        if (parentCode is not null) cmd.Parameters.AddWithValue("$p", parentCode);
        return ReadAll(cmd);
    }

    /// <summary>Direct children in code order, each with its own number of children (for a lazy tree's expand marks).</summary>
    public IReadOnlyList<(Organisation Organisation, int Children)> ChildrenCounted(string? parentCode)
    {
        using var c = database.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"""
            SELECT {Columns}, (SELECT count(*) FROM organisation k WHERE k.parent_code = o.code)
              FROM organisation o WHERE o.parent_code IS $p ORDER BY o.code
            """;
        cmd.Parameters.AddWithValue("$p", (object?)parentCode ?? DBNull.Value);
        using var r = cmd.ExecuteReader();
        var list = new List<(Organisation, int)>();
        while (r.Read()) list.Add((Read(r), r.GetInt32(10)));
        return list;
    }

    /// <summary>
    /// The organisations an organiser assesses by default (第三条): its children, looking through groupings to
    /// their children, skipping groupings themselves and organisations not active in <paramref name="year"/>.
    /// </summary>
    public IReadOnlyList<Organisation> DirectSubordinates(string organiserCode, int year)
    {
        using var c = database.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"""
            WITH RECURSIVE below(code) AS (
                SELECT code FROM organisation WHERE parent_code = $p
                UNION ALL
                SELECT o.code FROM organisation o JOIN below b ON o.parent_code = b.code
                 WHERE (SELECT is_grouping FROM organisation WHERE code = b.code) = 1
            )
            SELECT {Columns} FROM organisation WHERE code IN (SELECT code FROM below) AND is_grouping = 0 ORDER BY code
            """;
        cmd.Parameters.AddWithValue("$p", organiserCode);
        return ReadAll(cmd).Where(o => o.IsActiveIn(year)).ToList();
    }

    /// <summary>The path from the root down to the organisation itself (groupings included).</summary>
    public IReadOnlyList<Organisation> Path(string code) => Paths([code])[0];

    /// <summary>
    /// The paths from the root of several organisations (empty for an unknown code) in one recursive query: each
    /// step up is an index lookup inside SQLite, so the 50 hits of a search cost a millisecond or two.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<Organisation>> Paths(IReadOnlyList<string> codes)
    {
        var paths = codes.Select(_ => new List<Organisation>()).ToList();
        if (codes.Count == 0) return paths;
        using var c = database.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"""
            WITH RECURSIVE up(hit, code, depth) AS (
                SELECT key, value, 0 FROM json_each($codes)
                UNION ALL
                SELECT up.hit, o.parent_code, up.depth + 1 FROM up JOIN organisation o ON o.code = up.code
                 WHERE o.parent_code IS NOT NULL AND up.depth < {MaxDepth})
            SELECT {PrefixedColumns}, up.hit, up.depth FROM up JOIN organisation o ON o.code = up.code
             ORDER BY up.hit, up.depth DESC
            """;
        cmd.Parameters.AddWithValue("$codes", JsonSerializer.Serialize(codes));
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var hit = r.GetInt32(10);
            if (r.GetInt32(11) >= MaxDepth) throw new InvalidInputException($"组织 {codes[hit]} 的上级链过长（超过 {MaxDepth} 层），树中可能有环");
            paths[hit].Add(Read(r));
        }
        return paths;
    }

    private const int MaxDepth = 64;
    private static readonly string PrefixedColumns = string.Join(", ", Columns.Split(", ").Select(col => "o." + col));

    /// <summary>The superior that assesses the organisation: the nearest ancestor that is not a grouping.</summary>
    public Organisation? Superior(string code)
    {
        var path = Path(code);
        if (path.Count == 0) throw new NotFoundException($"没有代码为 {code} 的组织");
        for (var i = path.Count - 2; i >= 0; i--)
            if (!path[i].IsGrouping) return path[i];
        return null;
    }

    /// <summary>How many direct children an organisation has (groupings counted).</summary>
    public int ChildCount(string code)
    {
        using var c = database.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM organisation WHERE parent_code = $p";
        cmd.Parameters.AddWithValue("$p", code);
        return Convert.ToInt32(cmd.ExecuteScalar());
    }

    /// <summary>
    /// The organisations below <paramref name="underCode"/> (the roots when null) down to <paramref name="depth"/>
    /// levels (1 = children only), parents before their children, siblings in code order.
    /// </summary>
    public IReadOnlyList<Organisation> List(string? underCode, int depth)
    {
        if (depth < 1) throw new InvalidInputException("深度至少为 1");
        if (underCode is not null) Get(underCode);
        using var c = database.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"""
            WITH RECURSIVE below(code, depth, sort) AS (
                SELECT code, 1, code FROM organisation WHERE parent_code IS $p
                UNION ALL
                SELECT o.code, b.depth + 1, b.sort || char(1) || o.code
                  FROM organisation o JOIN below b ON o.parent_code = b.code
                 WHERE b.depth < $depth
            )
            SELECT {Columns} FROM below JOIN organisation USING (code) ORDER BY below.sort
            """;
        cmd.Parameters.AddWithValue("$p", (object?)underCode ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$depth", depth);
        return ReadAll(cmd);
    }

    /// <summary>The organisation with its path, superior, number of children and secretary in <paramref name="year"/>.</summary>
    public OrganisationDetails Details(string code, int year)
    {
        var path = Path(code);
        if (path.Count == 0) throw new NotFoundException($"没有代码为 {code} 的组织");
        OrganisationRef? superior = null;
        for (var i = path.Count - 2; i >= 0 && superior is null; i--)
            if (!path[i].IsGrouping) superior = new OrganisationRef(path[i].Code, path[i].Name);
        return new OrganisationDetails(path[^1], path.Select(p => new OrganisationRef(p.Code, p.Name)).ToList(), superior,
            ChildCount(code), year, SecretaryFor(code, year));
    }

    /// <summary>Secretary terms of an organisation that overlap the year.</summary>
    public IReadOnlyList<SecretaryTerm> SecretaryTerms(string orgCode, int year)
    {
        using var c = database.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT t.id, t.org_code, t.person_id, p.name, t.start_on, t.end_on
              FROM secretary_term t JOIN person p ON p.id = t.person_id
             WHERE t.org_code = $o AND t.start_on <= $end AND (t.end_on IS NULL OR t.end_on > $start)
             ORDER BY t.start_on
            """;
        cmd.Parameters.AddWithValue("$o", orgCode);
        cmd.Parameters.AddWithValue("$start", $"{year:D4}-01-01");
        cmd.Parameters.AddWithValue("$end", $"{year:D4}-12-31");
        using var r = cmd.ExecuteReader();
        var list = new List<SecretaryTerm>();
        while (r.Read())
            list.Add(new SecretaryTerm(r.GetInt64(0), r.GetString(1), r.GetInt64(2), r.GetString(3),
                DateOnly.Parse(r.GetString(4)), r.IsDBNull(5) ? null : DateOnly.Parse(r.GetString(5))));
        return list;
    }

    /// <summary>
    /// Whoever held the post at <paramref name="asOf"/> (else the last holder of the year), with the year's other
    /// holders: a campaign assesses the holder and records and flags a predecessor who left mid-year.
    /// </summary>
    public SecretaryOfYear SecretaryFor(string orgCode, int year, DateOnly? asOf = null) =>
        SecretaryOfYear.Choose(SecretaryTerms(orgCode, year), asOf ?? new DateOnly(year, 12, 31));

    internal static IReadOnlyList<Organisation> ReadAll(SqliteCommand cmd)
    {
        using var r = cmd.ExecuteReader();
        var list = new List<Organisation>();
        while (r.Read()) list.Add(Read(r));
        return list;
    }

    internal static Organisation Read(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3), r.GetInt32(4),
        r.GetString(5), r.GetInt64(6) != 0,
        r.IsDBNull(7) ? null : DateOnly.Parse(r.GetString(7)), r.IsDBNull(8) ? null : DateOnly.Parse(r.GetString(8)),
        r.GetInt64(9));
}
