using ShuzhiKaohe.Core.Plugins;

namespace ShuzhiKaohe.Core.Organisations.Import;

/// <summary>What the loaded sector plugins declare about their trees: levels and kinds, looked up per row.</summary>
internal sealed class SectorShapes(SectorRegistry registry)
{
    private readonly Dictionary<string, Shape> _shapes = registry.All.ToDictionary(
        p => p.Key,
        p => new Shape(
            p.Descriptor.Levels.Select(l => l.Level).ToHashSet(),
            p.Descriptor.Levels.Count == 0 ? 1 : p.Descriptor.Levels.Min(l => l.Level),
            p.Descriptor.Levels.Count == 0 ? 1 : p.Descriptor.Levels.Max(l => l.Level),
            p.Descriptor.Kinds.Select(k => k.Key).Append(KindRules.Grouping).Append(KindRules.Committee).ToHashSet(StringComparer.Ordinal)),
        StringComparer.Ordinal);

    internal sealed record Shape(HashSet<int> Levels, int Top, int Bottom, HashSet<string> Kinds);

    public bool Contains(string sector) => _shapes.ContainsKey(sector);
    public Shape this[string sector] => _shapes[sector];
    public string Loaded => string.Join(", ", _shapes.Keys.Order(StringComparer.Ordinal));
}
