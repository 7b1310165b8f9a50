using Microsoft.Extensions.DependencyInjection;
using ShuzhiKaohe.Abstractions;
using ShuzhiKaohe.Core.Inspection;
using ShuzhiKaohe.Core.Plugins;
using ShuzhiKaohe.Testing;

namespace ShuzhiKaohe.Plugins.ContractTests;

/// <summary>
/// The plugins the contract runs over: every folder the build placed in plugins/, and the published sample.
/// Each test loads its plugin afresh, alone, through the host's own loader.
/// </summary>
public sealed class PluginUnderTest : IDisposable
{
    public const string SampleToken = "sample:" + SamplePlugin.Name;

    public static IReadOnlyList<string> Names() =>
        Directory.GetDirectories(RepoPaths.Plugins).Order(StringComparer.Ordinal)
            .Where(dir => File.Exists(Path.Combine(dir, PluginManifest.FileName)))
            .Select(Path.GetFileName).OfType<string>().Append(SampleToken).ToList();

    public static TheoryData<string> All() => new(Names());

    public static string FolderOf(string name) =>
        name == SampleToken ? SamplePlugin.Folder : Path.Combine(RepoPaths.Plugins, name);

    private PluginUnderTest(string folder, PluginInfo info, PluginCatalog catalog)
    {
        Folder = folder;
        Info = info;
        Catalog = catalog;
        Provider = catalog.ServicesOf(info.Id)!;
        Sectors = new SectorRegistry(catalog);
        Guard = new FormalismGuard(Sectors);
    }

    public string Folder { get; }
    public PluginInfo Info { get; }
    public PluginCatalog Catalog { get; }
    /// <summary>The plugin's own service provider, built by the host's loader with scope validation.</summary>
    public IServiceProvider Provider { get; }
    public SectorRegistry Sectors { get; }
    public FormalismGuard Guard { get; }
    public PluginManifest Manifest => PluginManifest.Read(Folder);

    /// <summary>Loads the plugin alone, as the host does (checked without code, then loaded); fails the test if either fails.</summary>
    public static PluginUnderTest Load(string name)
    {
        var folder = FolderOf(name);
        var catalog = PluginBootstrapper.Discover(new PluginLoadOptions([folder]));
        var info = Assert.Single(catalog.LoadAll());
        Assert.True(info.State == PluginState.Loaded, $"{name}: {info.StatusText}: {info.Reason}");
        return new PluginUnderTest(folder, info, catalog);
    }

    public void Dispose() => Catalog.Dispose();
}
