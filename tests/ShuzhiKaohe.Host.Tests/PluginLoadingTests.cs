using Microsoft.Extensions.DependencyInjection;
using ShuzhiKaohe.Abstractions;
using ShuzhiKaohe.Core.Plugins;
using ShuzhiKaohe.Testing;

namespace ShuzhiKaohe.Host.Tests;

/// <summary>The plugin loader against real built plugin folders: one good, the rest broken in the ways the host must survive.</summary>
public sealed class PluginLoadingTests : IDisposable
{
    private readonly TempDir _dir = new("plugins");

    private string Place(string fixture, string? asName = null)
    {
        var target = Path.Combine(_dir.Path, asName ?? fixture);
        CopyDir(Path.Combine(RepoPaths.FixturePlugins, fixture), target);
        return target;
    }

    private static void CopyDir(string from, string to)
    {
        Assert.True(Directory.Exists(from), $"fixture not built: {from}");
        Directory.CreateDirectory(to);
        foreach (var f in Directory.GetFiles(from)) File.Copy(f, Path.Combine(to, Path.GetFileName(f)));
    }

    private (PluginCatalog Catalog, ServiceProvider Provider) Load()
    {
        var services = new ServiceCollection();
        var catalog = PluginBootstrapper.LoadInto(services, new PluginLoadOptions([_dir.Path]));
        return (catalog, services.BuildServiceProvider());
    }

    private static PluginInfo Only(PluginCatalog c, string folderName) =>
        Assert.Single(c.Plugins, p => Path.GetFileName(p.Folder) == folderName);

    [Fact]
    public void A_good_plugin_loads_and_its_policies_and_services_are_registered()
    {
        Place("Fixture.GoodPlugin");
        var (catalog, provider) = Load();
        var p = Only(catalog, "Fixture.GoodPlugin");
        Assert.Equal(PluginState.Loaded, p.State);
        Assert.Null(p.Reason);
        Assert.Contains(provider.GetServices<IScoringStrategy>(), s => s.Sector == "fixture_good");
        // The registrar's own service is there too, and contract types are shared across load contexts.
        var greeting = provider.GetServices<object>();
        Assert.Contains(provider.GetServices<ISectorDescriptor>(), d => d.Name == "测试板块");
        provider.Dispose();
    }

    [Fact]
    public void A_broken_manifest_is_malfunctioned_with_the_reason_and_the_rest_still_load()
    {
        Place("Fixture.GoodPlugin");
        var bad = Place("Fixture.GoodPlugin", "Broken");
        File.WriteAllText(Path.Combine(bad, "plugin.json"), "{ \"id\": \"broken\", \"name\": ");
        var (catalog, provider) = Load();
        var b = Only(catalog, "Broken");
        Assert.Equal(PluginState.Malfunctioned, b.State);
        Assert.Contains("plugin.json 不是有效的 JSON", b.Reason);
        Assert.Equal(PluginState.Loaded, Only(catalog, "Fixture.GoodPlugin").State);
        provider.Dispose();
    }

    [Fact]
    public void A_manifest_with_missing_fields_names_each_one()
    {
        var bad = Place("Fixture.GoodPlugin", "Incomplete");
        File.WriteAllText(Path.Combine(bad, "plugin.json"), """{ "id": "X", "version": "one", "contract": "1.0", "assembly": "Fixture.GoodPlugin.dll", "sectors": [] }""");
        var (catalog, provider) = Load();
        var reason = Only(catalog, "Incomplete").Reason!;
        Assert.Contains("id", reason);
        Assert.Contains("name", reason);
        Assert.Contains("version", reason);
        Assert.Contains("sectors", reason);
        provider.Dispose();
    }

    [Fact]
    public void An_assembly_path_that_leaves_the_plugin_folder_is_refused()
    {
        Place("Fixture.GoodPlugin");
        var escape = _dir.Dir("Escape");
        File.WriteAllText(Path.Combine(escape, "plugin.json"), """
            { "id": "escape", "name": "越界", "version": "1.0.0", "contract": "1.0",
              "assembly": "../Fixture.GoodPlugin/Fixture.GoodPlugin.dll",
              "sectors": [ { "key": "escape", "name": "越界", "levels": [1] } ] }
            """);
        var (catalog, provider) = Load();
        var e = Only(catalog, "Escape");
        Assert.Equal(PluginState.Malfunctioned, e.State);
        Assert.Contains("离开了插件文件夹", e.Reason);
        provider.Dispose();
    }

    [Fact]
    public void A_registrar_that_throws_is_malfunctioned_and_registers_nothing()
    {
        Place("Fixture.ThrowingPlugin");
        var (catalog, provider) = Load();
        var t = Only(catalog, "Fixture.ThrowingPlugin");
        Assert.Equal(PluginState.Malfunctioned, t.State);
        Assert.Contains("fixture registrar fails on purpose", t.Reason);
        Assert.DoesNotContain(provider.GetServices<IScoringStrategy>(), s => s.Sector == "fixture_throwing");
        provider.Dispose();
    }

    [Fact]
    public void A_plugin_built_for_another_contract_version_is_refused()
    {
        Place("Fixture.OtherContractPlugin");
        var (catalog, provider) = Load();
        var o = Only(catalog, "Fixture.OtherContractPlugin");
        Assert.Equal(PluginState.Malfunctioned, o.State);
        Assert.Contains("契约 2.0", o.Reason);
        provider.Dispose();
    }

    [Fact]
    public void A_plugin_folder_carrying_its_own_contract_assembly_is_refused_with_the_fix()
    {
        Place("Fixture.OwnContractCopyPlugin");
        Assert.True(File.Exists(Path.Combine(_dir.Path, "Fixture.OwnContractCopyPlugin", "ShuzhiKaohe.Abstractions.dll")),
            "the fixture must really carry the copy");
        var (catalog, provider) = Load();
        var c = Only(catalog, "Fixture.OwnContractCopyPlugin");
        Assert.Equal(PluginState.Malfunctioned, c.State);
        Assert.Contains("Private=false", c.Reason);
        provider.Dispose();
    }

    [Fact]
    public void A_folder_without_manifest_and_a_duplicate_id_are_reported()
    {
        Place("Fixture.GoodPlugin", "A");
        Place("Fixture.GoodPlugin", "B");
        _dir.Dir("Empty");
        var (catalog, provider) = Load();
        Assert.Equal(PluginState.Loaded, Only(catalog, "A").State);
        Assert.Contains("重复", Only(catalog, "B").Reason);
        Assert.Contains("缺少清单文件", Only(catalog, "Empty").Reason);
        provider.Dispose();
    }

    [Fact]
    public void A_disabled_plugin_is_not_loaded()
    {
        Place("Fixture.GoodPlugin");
        var services = new ServiceCollection();
        var catalog = PluginBootstrapper.LoadInto(services, new PluginLoadOptions([_dir.Path], new HashSet<string> { "fixture.fixture_good" }));
        Assert.Equal(PluginState.Disabled, Only(catalog, "Fixture.GoodPlugin").State);
        Assert.Empty(services);
    }

    public void Dispose() => _dir.Dispose();
}
