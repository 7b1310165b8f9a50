using ShuzhiKaohe.Core.Plugins;
using ShuzhiKaohe.Core.Storage;

namespace ShuzhiKaohe.Bench.Generator;

public sealed record OrgRow(string Code, string Name, string? Parent, string Sector, int Level, bool IsGrouping, int Depth);

/// <summary>
/// The organisation tree as imported, read once, to decide who organises a campaign: an organisation (not a
/// grouping) whose direct subordinates — looking through groupings, as <c>campaign create</c> does — include one
/// its sector assesses as a reporter (第三条 "由其上一级党组织开展"). Only reads; every write goes through Core.
/// </summary>
public sealed class OrganisationSnapshot
{
    private readonly Dictionary<string, OrgRow> _byCode;
    private readonly ILookup<string, OrgRow> _children;
    private readonly SectorRegistry _sectors;

    private OrganisationSnapshot(List<OrgRow> all, SectorRegistry sectors)
    {
        All = all;
        _sectors = sectors;
        _byCode = all.ToDictionary(o => o.Code, StringComparer.Ordinal);
        _children = all.Where(o => o.Parent is not null).ToLookup(o => o.Parent!, StringComparer.Ordinal);
    }

    /// <summary>Every organisation, in code order.</summary>
    public IReadOnlyList<OrgRow> All { get; }

    public OrgRow? Find(string code) => _byCode.GetValueOrDefault(code);

    public static OrganisationSnapshot Load(Database database, SectorRegistry sectors)
    {
        using var c = database.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT code, name, parent_code, sector, level, is_grouping FROM organisation ORDER BY code";
        var rows = new List<(string Code, string Name, string? Parent, string Sector, int Level, bool Grouping)>();
        using (var r = cmd.ExecuteReader())
            while (r.Read())
                rows.Add((r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3), r.GetInt32(4), r.GetInt64(5) != 0));
        var parents = rows.ToDictionary(x => x.Code, x => x.Parent, StringComparer.Ordinal);
        int Depth(string code)
        {
            var d = 0;
            for (var p = parents[code]; p is not null; p = parents[p]) d++;
            return d;
        }
        return new OrganisationSnapshot(rows.Select(x => new OrgRow(x.Code, x.Name, x.Parent, x.Sector, x.Level, x.Grouping, Depth(x.Code))).ToList(), sectors);
    }

    /// <summary>The direct subordinates an organiser assesses by default: children, through groupings, that report.</summary>
    public IEnumerable<OrgRow> Reporters(string code)
    {
        foreach (var child in _children[code])
        {
            if (child.IsGrouping)
            {
                foreach (var grandchild in Reporters(child.Code)) yield return grandchild;
            }
            else if (Reports(child)) yield return child;
        }
    }

    /// <summary>Organisers top down (by depth, then code): their campaigns are created in this order.</summary>
    public IReadOnlyList<OrgRow> Organisers() =>
        All.Where(o => !o.IsGrouping && Reporters(o.Code).Any()).OrderBy(o => o.Depth).ThenBy(o => o.Code, StringComparer.Ordinal).ToList();

    private bool Reports(OrgRow o) =>
        _sectors.Contains(o.Sector) && _sectors.Get(o.Sector).Descriptor.Levels.FirstOrDefault(l => l.Level == o.Level) is { AssessedAsReporter: true };
}
