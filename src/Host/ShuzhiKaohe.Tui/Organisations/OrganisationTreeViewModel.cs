using ShuzhiKaohe.Core.Organisations;
using ShuzhiKaohe.Core.Plugins;
using ShuzhiKaohe.Core.Security;

namespace ShuzhiKaohe.Tui.Organisations;

/// <summary>One organisation in the console's tree; its children are read when it is first expanded.</summary>
public sealed class OrganisationNode(Organisation organisation, int childCount, IReadOnlyList<Organisation> path)
{
    public Organisation Organisation { get; } = organisation;

    /// <summary>The organisations from the top of the whole tree down to this one (for the operator's scope).</summary>
    public IReadOnlyList<Organisation> Path { get; } = path;
    public string Code => Organisation.Code;
    public int ChildCount { get; } = childCount;
    public bool CanExpand => ChildCount > 0;
    internal IReadOnlyList<OrganisationNode>? LoadedChildren { get; set; }

    /// <summary>The tree's text for the node: code, name, and marks for groupings and dissolved organisations.</summary>
    public override string ToString() =>
        $"{Organisation.Code} {Organisation.Name}{(Organisation.IsGrouping ? "（统计分组）" : "")}{(Organisation.DissolvedOn is { } d ? $"（{d:yyyy}撤销）" : "")}";
}

/// <summary>The details pane: labelled lines, ready to show.</summary>
public sealed record OrganisationDetailLines(string Title, IReadOnlyList<(string Label, string Value)> Lines);

/// <summary>
/// The state of the console's organisation browser (第三条's tree), testable without a terminal: roots, children
/// read on demand (never the whole tree: a node is read when expanded, once), search by name or code (<c>/</c>),
/// the path to a hit so the view can expand down to it, and the details pane (path, superior, secretary, sector, level).
/// Only organisations in the operator's scope appear: a scoped operator's roots are the tops of their grants.
/// </summary>
public sealed class OrganisationTreeViewModel(OrganisationDirectory directory, OrganisationSearch search, SectorRegistry sectors,
    Authorizer authorizer)
{
    /// <summary>How many hits a scoped search reads before keeping those in scope.</summary>
    private const int ScopedSearchReads = 500;

    private readonly Dictionary<string, OrganisationNode> _loaded = new(StringComparer.Ordinal);
    private IReadOnlyList<OrganisationNode>? _roots;
    private AccessScope? _scope;

    /// <summary>How many nodes have been read so far (the tree is lazy: this stays small).</summary>
    public int LoadedNodeCount => _loaded.Count;

    /// <summary>The year whose secretary the details pane shows.</summary>
    public int Year { get; set; } = DateTime.Today.Year;

    /// <summary>Whether the operator sees the whole tree (otherwise only the subtrees of their grants).</summary>
    public bool SeesWholeTree => Scope.WholeTree;

    private AccessScope Scope => _scope ??= authorizer.ScopeOf(Permission.OrganisationRead);

    public IReadOnlyList<OrganisationNode> Roots() => _roots ??= Scope.WholeTree ? Load(null, []) : ScopedRoots();

    /// <summary>The children of a node, read from the database the first time only.</summary>
    public IReadOnlyList<OrganisationNode> Children(OrganisationNode node) =>
        node.LoadedChildren ??= node.CanExpand ? Load(node.Code, node.Path) : [];

    /// <summary>Forgets everything read (after an import): the next call reads the roots again, and grants afresh.</summary>
    public void Reset()
    {
        _loaded.Clear();
        _roots = null;
        _scope = null;
    }

    /// <summary>Hits for the search box, best first, each with its path as text; only organisations in scope.</summary>
    public IReadOnlyList<(string Code, string Text)> Search(string text, int limit = 50)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var scope = Scope;
        var hits = search.Find(text, scope.WholeTree ? limit : ScopedSearchReads).Hits.AsEnumerable();
        if (!scope.WholeTree) hits = hits.Where(h => scope.Covers(directory.Path(h.Organisation.Code)));
        return hits.Take(limit)
            .Select(h => (h.Organisation.Code, $"{h.Organisation.Code}  {string.Join(" / ", h.Path.Select(p => p.Name))}"))
            .ToList();
    }

    /// <summary>
    /// The nodes from a root down to the organisation, loading each level on the way: the view expands them and
    /// selects the last. Empty when the organisation is not in the operator's tree.
    /// </summary>
    public IReadOnlyList<OrganisationNode> Reveal(string code)
    {
        var path = directory.Path(code);
        var nodes = new List<OrganisationNode>();
        var roots = Roots();
        var start = path.ToList().FindIndex(p => roots.Any(r => r.Code == p.Code));
        if (start < 0) return [];
        var level = roots;
        foreach (var step in path.Skip(start))
        {
            var node = level.FirstOrDefault(n => n.Code == step.Code);
            if (node is null) break;
            nodes.Add(node);
            level = Children(node);
        }
        return nodes;
    }

    public OrganisationDetailLines Details(string code, int year)
    {
        var d = directory.Details(code, year);
        var o = d.Organisation;
        var policies = sectors.Contains(o.Sector) ? sectors.Get(o.Sector) : null;
        var levelName = policies?.Descriptor.Levels.FirstOrDefault(l => l.Level == o.Level)?.Name;
        var secretary = d.Secretary.Holder is { } h ? $"{h.PersonName}（{h.StartOn:yyyy-MM-dd} 起{(h.EndOn is { } e ? $"，{e:yyyy-MM-dd} 止" : "")}）" : "（未登记）";
        if (d.Secretary.MidYearChange) secretary += $"；年内更换，另有 {string.Join("、", d.Secretary.Others.Select(t => t.PersonName))}";
        var lines = new List<(string, string)>
        {
            ("代码", o.Code),
            ("路径", string.Join(" / ", d.Path.Select(p => p.Name))),
            ("上一级党组织", d.Superior is null ? "（无）" : $"{d.Superior.Code} {d.Superior.Name}"),
            ($"书记（{year}年）", secretary),
            ("板块", policies is null ? $"{o.Sector}（插件未加载）" : $"{policies.Name}（{o.Sector}）"),
            ("层级", levelName is null ? $"{o.Level}" : $"{o.Level} {levelName}"),
            ("下级", $"{d.Children} 个"),
        };
        if (o.IsGrouping) lines.Add(("说明", "统计分组，不是党组织：确定上一级党组织时越过它，也不列入考核名单"));
        if (o.DissolvedOn is { } dissolved) lines.Add(("撤销", $"{dissolved:yyyy-MM-dd}"));
        return new OrganisationDetailLines(o.Name, lines);
    }

    private IReadOnlyList<OrganisationNode> Load(string? parent, IReadOnlyList<Organisation> parentPath)
    {
        var scope = Scope;
        var nodes = new List<OrganisationNode>();
        foreach (var (organisation, children) in directory.ChildrenCounted(parent))
        {
            var node = new OrganisationNode(organisation, children, [.. parentPath, organisation]);
            if (scope.WholeTree || scope.Covers(node.Path)) nodes.Add(node);
        }
        foreach (var n in nodes) _loaded[n.Code] = n;
        return nodes;
    }

    /// <summary>
    /// The tops of the operator's grants, none inside another; a whole-tree grant narrowed to a sector gives the
    /// roots of the tree in that sector.
    /// </summary>
    private List<OrganisationNode> ScopedRoots()
    {
        var scope = Scope;
        var nodes = new Dictionary<string, OrganisationNode>(StringComparer.Ordinal);
        foreach (var (grant, top) in authorizer.ScopeRoots())
        {
            if (grant.IsWholeTree)
            {
                foreach (var root in Load(null, [])) nodes.TryAdd(root.Code, root);
                continue;
            }
            if (top is null) continue;
            var path = directory.Path(top.Code);
            if (!scope.Covers(path)) continue;
            nodes.TryAdd(top.Code, new OrganisationNode(top, directory.ChildCount(top.Code), path));
        }
        var tops = nodes.Values
            .Where(n => !n.Path.SkipLast(1).Any(p => nodes.ContainsKey(p.Code)))
            .OrderBy(n => n.Code, StringComparer.Ordinal)
            .ToList();
        foreach (var n in tops) _loaded[n.Code] = n;
        return tops;
    }
}
