using ShuzhiKaohe.Core.Plugins;
using ShuzhiKaohe.Tui.Shell;

namespace ShuzhiKaohe.Tui.Plugins;

/// <summary>One plugin as the plugin screen lists it: the line, and the full reason when it was not loaded.</summary>
public sealed record PluginRow(string Id, string Name, string Line, string? Reason, PluginState State);

/// <summary>The sector plugins the host found, with the reason of any that did not load. Plain data, testable without a terminal.</summary>
public sealed class PluginsViewModel(PluginCatalog plugins)
{
    private IReadOnlyList<PluginRow> _all = [];

    /// <summary>The <c>/</c> filter: matches the line (name, id, version), the reason, or the start of the name's pinyin initials.</summary>
    public string FilterText { get; private set; } = "";

    /// <summary>The plugins the filter lets through, in the order the host found them.</summary>
    public IReadOnlyList<PluginRow> Plugins { get; private set; } = [];

    public int PluginCount => _all.Count;

    public string PluginHeading =>
        FilterText.Length == 0
            ? $"板块插件（已加载 {plugins.Loaded.Count()} / 共 {_all.Count}）"
            : $"板块插件（筛选“{FilterText}”：{Plugins.Count} / {_all.Count}）";

    /// <summary>Reads the plugin catalogue, keeping the filter. The console loads every plugin's code, so the screen tells loaded from malfunctioned.</summary>
    public void Load()
    {
        _all = plugins.LoadAll().Select(ToRow).ToList();
        ApplyFilter(FilterText);
    }

    public void ApplyFilter(string text)
    {
        FilterText = text.Trim();
        Plugins = FilterText.Length == 0 ? _all : _all.Where(r => Matches(r, FilterText)).ToList();
    }

    private static bool Matches(PluginRow row, string q) =>
        row.Line.Contains(q, StringComparison.OrdinalIgnoreCase)
        || (row.Reason?.Contains(q, StringComparison.OrdinalIgnoreCase) ?? false)
        || Pinyin.Initials(row.Name).StartsWith(q, StringComparison.OrdinalIgnoreCase);

    private static PluginRow ToRow(PluginInfo p) => p.State switch
    {
        PluginState.Loaded => new(p.Id, p.Name, $"✓ {p.Name}（{p.Id} {p.Version}）", null, p.State),
        PluginState.Disabled => new(p.Id, p.Name, $"– {p.Name}（{p.Id}）已停用：{p.Reason}", p.Reason, p.State),
        _ => new(p.Id, p.Name, $"✗ {p.Name}（{p.Id}）故障：{p.Reason}", p.Reason, p.State),
    };
}
