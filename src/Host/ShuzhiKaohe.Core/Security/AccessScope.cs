using Microsoft.Data.Sqlite;
using ShuzhiKaohe.Core.Organisations;

namespace ShuzhiKaohe.Core.Security;

/// <summary>
/// Where the operator may exercise one permission: the whole tree, or the union of some subtrees (each
/// optionally narrowed to a sector). Listing queries filter with <see cref="Predicate"/>; single checks use
/// <see cref="Covers"/>.
/// </summary>
public sealed class AccessScope(bool wholeTree, IReadOnlyList<Scope> roots)
{
    public bool WholeTree { get; } = wholeTree;

    /// <summary>The granted subtrees (empty when <see cref="WholeTree"/> or when nothing is granted).</summary>
    public IReadOnlyList<Scope> Roots { get; } = wholeTree ? [] : roots;

    public bool IsEmpty => !WholeTree && Roots.Count == 0;

    /// <summary>Whether the organisation (its path from the root down to itself) is in scope.</summary>
    public bool Covers(IReadOnlyList<Organisation> path)
    {
        if (WholeTree) return true;
        if (path.Count == 0) return false;
        var org = path[^1];
        return Roots.Any(r => (r.IsWholeTree || path.Any(p => p.Code == r.Code)) && (r.Sector is null || r.Sector == org.Sector));
    }

    /// <summary>
    /// A SQL condition that holds when <paramref name="column"/> (an organisation code) is in scope; adds its
    /// parameters (named <c>$prefix_…</c>) to <paramref name="cmd"/>. Example:
    /// <c>WHERE {scope.Predicate(cmd, "c.organiser_code", "scope")}</c>. A NULL code is never in a subtree.
    /// </summary>
    public string Predicate(SqliteCommand cmd, string column, string prefix)
    {
        if (WholeTree) return "1 = 1";
        if (Roots.Count == 0) return "0 = 1";
        var parts = new List<string>();
        for (var i = 0; i < Roots.Count; i++)
        {
            var root = $"${prefix}_root{i}";
            var sector = $"${prefix}_sector{i}";
            cmd.Parameters.AddWithValue(sector, (object?)Roots[i].Sector ?? DBNull.Value);
            if (Roots[i].IsWholeTree)
            {
                parts.Add($"{column} IN (SELECT code FROM organisation WHERE sector = {sector})");
                continue;
            }
            cmd.Parameters.AddWithValue(root, Roots[i].Code);
            parts.Add($"""
                {column} IN (WITH RECURSIVE t(code) AS (SELECT {root} UNION SELECT o.code FROM organisation o JOIN t ON o.parent_code = t.code)
                             SELECT t.code FROM t LEFT JOIN organisation so ON so.code = t.code WHERE {sector} IS NULL OR so.sector = {sector})
                """);
        }
        return "(" + string.Join(" OR ", parts) + ")";
    }

    /// <summary>A SQL condition: <paramref name="column"/> is the organisation named by <paramref name="rootParameter"/> or below it.</summary>
    public static string SubtreePredicate(SqliteCommand cmd, string column, string rootParameter) =>
        $"{column} IN (WITH RECURSIVE t(code) AS (SELECT {rootParameter} UNION SELECT o.code FROM organisation o JOIN t ON o.parent_code = t.code) SELECT code FROM t)";
}
