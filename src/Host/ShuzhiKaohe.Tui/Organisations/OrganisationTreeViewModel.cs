using ShuzhiKaohe.Core.Organisations;
using ShuzhiKaohe.Core.Plugins;

namespace ShuzhiKaohe.Tui.Organisations;

/// <summary>One organisation in the console's tree; its children are read when it is first expanded.</summary>
public sealed class OrganisationNode(Organisation organisation, int childCount)
{
    public Organisation Organisation { get; } = organisation;
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
/// </summary>
public sealed class OrganisationTreeViewModel(OrganisationDirectory directory, OrganisationSearch search, SectorRegistry sectors)
{
    private readonly Dictionary<string, OrganisationNode> _loaded = new(StringComparer.Ordinal);
    private IReadOnlyList<OrganisationNode>? _roots;

    /// <summary>How many nodes have been read so far (the tree is lazy: this stays small).</summary>
    public int LoadedNodeCount => _loaded.Count;

    public IReadOnlyList<OrganisationNode> Roots() => _roots ??= Load(null);

    /// <summary>The children of a node, read from the database the first time only.</summary>
    public IReadOnlyList<OrganisationNode> Children(OrganisationNode node) =>
        node.LoadedChildren ??= node.CanExpand ? Load(node.Code) : [];

    /// <summary>Hits for the search box, best first, each with its path as text.</summary>
    public IReadOnlyList<(string Code, string Text)> Search(string text, int limit = 50)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        return search.Find(text, limit).Hits
            .Select(h => (h.Organisation.Code, $"{h.Organisation.Code}  {string.Join(" / ", h.Path.Select(p => p.Name))}"))
            .ToList();
    }

    /// <summary>The nodes from a root down to the organisation, loading each level on the way: the view expands them and selects the last.</summary>
    public IReadOnlyList<OrganisationNode> Reveal(string code)
    {
        var path = directory.Path(code);
        var nodes = new List<OrganisationNode>();
        var level = Roots();
        foreach (var step in path)
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

    private IReadOnlyList<OrganisationNode> Load(string? parent)
    {
        var nodes = directory.ChildrenCounted(parent).Select(x => new OrganisationNode(x.Organisation, x.Children)).ToList();
        foreach (var n in nodes) _loaded[n.Code] = n;
        return nodes;
    }
}
