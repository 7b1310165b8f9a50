using Microsoft.Data.Sqlite;
using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Storage;
using ShuzhiKaohe.Core.Text;

namespace ShuzhiKaohe.Core.Organisations;

/// <summary>One organisation found by <c>org find</c>, with its path so that the 600 villages called 新村 can be told apart.</summary>
public sealed record OrganisationHit(Organisation Organisation, IReadOnlyList<OrganisationRef> Path);

/// <summary>The first hits (best first) and how many there were in all.</summary>
public sealed record OrganisationSearchResult(string Query, IReadOnlyList<OrganisationHit> Hits, int Total);

/// <summary>
/// Finds organisations by part of the name or the start of the code. The names are held in a compact in-memory
/// <see cref="NameIndex"/>, built on first use and rebuilt when the tree's revision (bumped by every import)
/// changes: the first query of a process reads the names once, later ones take milliseconds.
/// </summary>
public sealed class OrganisationSearch(Database database, OrganisationDirectory directory, Security.Authorizer authorizer)
{
    private readonly Lock _gate = new();
    private NameIndex? _index;

    public OrganisationSearchResult Find(string text, int limit = 50)
    {
        var query = TextRepair.Field(text ?? "");
        if (query.Length == 0) throw new InvalidInputException("请给出要查找的名称或代码");
        if (limit < 1) throw new InvalidInputException("结果数上限至少为 1");
        var index = Current();
        var scope = authorizer.ScopeOf(Security.Permission.OrganisationRead);
        var entries = index.NameContains(query);
        if (query.All(char.IsAsciiLetterOrDigit)) entries = entries.Union(index.CodeStartsWith(query)).Order().ToList();
        var best = new List<string>(Math.Min(limit, entries.Count));
        foreach (var e in index.Ranked(entries, query))
        {
            if (best.Count == limit) break;
            // Only what the operator may see (第三条's tree, cut to the operator's scope — issue 9).
            if (scope.WholeTree || authorizer.CanSee(index.Code(e))) best.Add(index.Code(e));
        }
        var ranked = directory.Paths(best).Where(p => p.Count > 0)
            .Select(p => new OrganisationHit(p[^1], p.Select(a => new OrganisationRef(a.Code, a.Name)).ToList()))
            .ToList();
        return new OrganisationSearchResult(query, ranked, scope.WholeTree ? entries.Count : ranked.Count);
    }

    private NameIndex Current()
    {
        using var c = database.Open();
        var revision = Revision(c);
        lock (_gate)
        {
            if (_index is not null && _index.Revision == revision) return _index;
        }
        var built = NameIndex.Build(ReadNames(c), revision);
        lock (_gate)
        {
            return _index = built;
        }
    }

    private static long Revision(SqliteConnection c)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT coalesce((SELECT CAST(value AS INTEGER) FROM app_setting WHERE key = 'organisations.revision'), 0)";
        return Convert.ToInt64(cmd.ExecuteScalar());
    }

    private static IEnumerable<(string, string)> ReadNames(SqliteConnection c)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT code, name FROM organisation ORDER BY code";
        using var r = cmd.ExecuteReader();
        while (r.Read()) yield return (r.GetString(0), r.GetString(1));
    }
}
