namespace ShuzhiKaohe.Core.Plugins;

/// <summary>What the host made of one plugin folder.</summary>
public enum PluginState
{
    Loaded,
    /// <summary>Something is wrong with the plugin; <see cref="PluginInfo.Reason"/> says what. It was skipped.</summary>
    Malfunctioned,
    /// <summary>Switched off by setting or not approved; not loaded.</summary>
    Disabled,
}

/// <summary>One plugin as <c>shuzhi plugin list</c> shows it.</summary>
public sealed record PluginInfo(
    string Id,
    string Name,
    string Version,
    IReadOnlyList<string> Sectors,
    PluginState State,
    string? Reason,
    string Folder,
    string? Contract)
{
    public string StatusText => State switch
    {
        PluginState.Loaded => "loaded",
        PluginState.Malfunctioned => "malfunctioned",
        _ => "disabled",
    };
}

/// <summary>All plugins the host looked at in this process, in the order it found them.</summary>
public sealed class PluginCatalog(IReadOnlyList<PluginInfo> plugins)
{
    public IReadOnlyList<PluginInfo> Plugins { get; } = plugins;
    public IEnumerable<PluginInfo> Loaded => Plugins.Where(p => p.State == PluginState.Loaded);
}
