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

    private PluginUnderTest(string folder, PluginInfo info, ServiceProvider provider)
    {
        Folder = folder;
        Info = info;
        Provider = provider;
        Sectors = new SectorRegistry(provider.GetServices<ISectorDescriptor>(), provider.GetServices<IFocusItemCatalogue>(),
            provider.GetServices<IScoringStrategy>(), provider.GetServices<IInspectionChecklist>(), provider.GetServices<ISectorRules>());
        Guard = new FormalismGuard(Sectors);
    }

    public string Folder { get; }
    public PluginInfo Info { get; }
    public ServiceProvider Provider { get; }
    public SectorRegistry Sectors { get; }
    public FormalismGuard Guard { get; }
    public PluginManifest Manifest => PluginManifest.Read(Folder);

    /// <summary>Loads the plugin alone and builds its registrations with scope validation; fails the test if either fails.</summary>
    public static PluginUnderTest Load(string name)
    {
        var folder = FolderOf(name);
        var services = new ServiceCollection();
        services.AddLogging();
        var catalog = PluginBootstrapper.LoadInto(services, new PluginLoadOptions([folder]));
        var info = Assert.Single(catalog.Plugins);
        Assert.True(info.State == PluginState.Loaded, $"{name}: {info.StatusText}: {info.Reason}");
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        return new PluginUnderTest(folder, info, provider);
    }

    public void Dispose() => Provider.Dispose();
}
