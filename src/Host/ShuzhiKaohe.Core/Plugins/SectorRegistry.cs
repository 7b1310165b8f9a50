using ShuzhiKaohe.Abstractions;
using ShuzhiKaohe.Core.Common;

namespace ShuzhiKaohe.Core.Plugins;

/// <summary>The policies of one sector, gathered from the plugin that owns it.</summary>
public sealed record SectorPolicies(
    ISectorDescriptor Descriptor,
    IFocusItemCatalogue Focus,
    IScoringStrategy Scoring,
    IInspectionChecklist Checklist,
    ISectorRules Rules)
{
    public string Key => Descriptor.Sector;
    public string Name => Descriptor.Name;
}

/// <summary>The loaded sectors, by key. Core asks it for a sector's policy; it never knows a plugin's types.</summary>
public sealed class SectorRegistry
{
    private readonly Dictionary<string, SectorPolicies> _byKey;

    public SectorRegistry(
        IEnumerable<ISectorDescriptor> descriptors,
        IEnumerable<IFocusItemCatalogue> focus,
        IEnumerable<IScoringStrategy> scoring,
        IEnumerable<IInspectionChecklist> checklists,
        IEnumerable<ISectorRules> rules)
    {
        var f = focus.ToDictionary(p => p.Sector);
        var s = scoring.ToDictionary(p => p.Sector);
        var c = checklists.ToDictionary(p => p.Sector);
        var r = rules.ToDictionary(p => p.Sector);
        _byKey = descriptors.ToDictionary(d => d.Sector, d => new SectorPolicies(d, f[d.Sector], s[d.Sector], c[d.Sector], r[d.Sector]), StringComparer.Ordinal);
    }

    public IReadOnlyCollection<string> Keys => _byKey.Keys;
    public IEnumerable<SectorPolicies> All => _byKey.Values.OrderBy(p => p.Key, StringComparer.Ordinal);

    public bool Contains(string key) => _byKey.ContainsKey(key);

    public SectorPolicies Get(string key) =>
        _byKey.TryGetValue(key, out var p) ? p
            : throw new NotFoundException($"没有已加载的插件提供板块 {key}（已加载：{string.Join(", ", _byKey.Keys.Order())}）");
}
