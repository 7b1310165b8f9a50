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

/// <summary>
/// The working sectors, by key. Core asks it for a sector's policy; it never knows a plugin's types. Asking for
/// one sector loads only the plugin that owns it; listing them loads every verified plugin (<see cref="PluginCatalog"/>).
/// </summary>
public sealed class SectorRegistry(PluginCatalog catalog)
{
    public IReadOnlyCollection<string> Keys => catalog.AllPolicies().Select(p => p.Key).ToList();
    public IEnumerable<SectorPolicies> All => catalog.AllPolicies().OrderBy(p => p.Key, StringComparer.Ordinal);

    public bool Contains(string key) => catalog.Policies(key) is not null;

    public SectorPolicies Get(string key) =>
        catalog.Policies(key) ?? throw new NotFoundException(catalog.WhyUnavailable(key) is { } why
            ? $"板块 {key} 不可用：{why}"
            : $"没有已加载的插件提供板块 {key}（已加载：{string.Join(", ", Keys.Order(StringComparer.Ordinal))}）");
}
