namespace ShuzhiKaohe.Core.Plugins;

/// <summary>What the host made of one plugin folder.</summary>
public enum PluginState
{
    /// <summary>
    /// Manifest, folder and assembly metadata checked (and approval, when required); the code is not loaded yet.
    /// It loads when something first needs one of its sectors' policies (docs/plugins.md, "When your code loads").
    /// </summary>
    Verified,
    /// <summary>Its code is loaded and every declared sector has its policies.</summary>
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
        PluginState.Verified => "verified",
        PluginState.Loaded => "loaded",
        PluginState.Malfunctioned => "malfunctioned",
        _ => "disabled",
    };

    /// <summary>What was checked to reach <see cref="State"/>: what <c>plugin list</c> vouches for (null when it vouches for nothing).</summary>
    public string? Checked => State switch
    {
        PluginState.Verified => "manifest+metadata",
        PluginState.Loaded => "manifest+metadata+code",
        _ => null,
    };
}
