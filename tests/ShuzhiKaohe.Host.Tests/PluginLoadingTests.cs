using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Plugins;
using ShuzhiKaohe.Core.Storage;
using ShuzhiKaohe.Testing;

namespace ShuzhiKaohe.Host.Tests;

/// <summary>
/// The plugin loader against real built plugin folders: one good, the rest broken in the ways the host must survive.
/// Discovery checks without loading code; <see cref="PluginCatalog.LoadAll"/> (what <c>plugin check</c> runs) loads it.
/// </summary>
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

    private PluginCatalog Load()
    {
        var catalog = PluginBootstrapper.Discover(new PluginLoadOptions([_dir.Path]));
        catalog.LoadAll();
        return catalog;
    }

    private static PluginInfo Only(PluginCatalog c, string folderName) =>
        Assert.Single(c.Plugins, p => Path.GetFileName(p.Folder) == folderName);

    [Fact]
    public void A_good_plugin_loads_and_its_policies_and_services_are_registered()
    {
        Place("Fixture.GoodPlugin");
        using var catalog = Load();
        var p = Only(catalog, "Fixture.GoodPlugin");
        Assert.Equal(PluginState.Loaded, p.State);
        Assert.Null(p.Reason);
        var sectors = new SectorRegistry(catalog);
        Assert.Equal("fixture_good", sectors.Get("fixture_good").Scoring.Sector);
        // Contract types are shared across load contexts: the plugin's classes are the host's interfaces.
        Assert.Equal("测试板块", sectors.Get("fixture_good").Descriptor.Name);
    }

    [Fact]
    public void A_broken_manifest_is_malfunctioned_with_the_reason_and_the_rest_still_load()
    {
        Place("Fixture.GoodPlugin");
        var bad = Place("Fixture.GoodPlugin", "Broken");
        File.WriteAllText(Path.Combine(bad, "plugin.json"), "{ \"id\": \"broken\", \"name\": ");
        using var catalog = Load();
        var b = Only(catalog, "Broken");
        Assert.Equal(PluginState.Malfunctioned, b.State);
        Assert.Contains("plugin.json 不是有效的 JSON", b.Reason);
        Assert.Equal(PluginState.Loaded, Only(catalog, "Fixture.GoodPlugin").State);
    }

    [Fact]
    public void A_manifest_with_missing_fields_names_each_one()
    {
        var bad = Place("Fixture.GoodPlugin", "Incomplete");
        File.WriteAllText(Path.Combine(bad, "plugin.json"), """{ "id": "X", "version": "one", "contract": "1.0", "assembly": "Fixture.GoodPlugin.dll", "sectors": [] }""");
        using var catalog = Load();
        var reason = Only(catalog, "Incomplete").Reason!;
        Assert.Contains("id", reason);
        Assert.Contains("name", reason);
        Assert.Contains("version", reason);
        Assert.Contains("sectors", reason);
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
        using var catalog = Load();
        var e = Only(catalog, "Escape");
        Assert.Equal(PluginState.Malfunctioned, e.State);
        Assert.Contains("离开了插件文件夹", e.Reason);
    }

    [Fact]
    public void A_registrar_that_throws_is_malfunctioned_and_registers_nothing()
    {
        Place("Fixture.ThrowingPlugin");
        using var catalog = Load();
        var t = Only(catalog, "Fixture.ThrowingPlugin");
        Assert.Equal(PluginState.Malfunctioned, t.State);
        Assert.Contains("fixture registrar fails on purpose", t.Reason);
        Assert.DoesNotContain(new SectorRegistry(catalog).All, s => s.Key == "fixture_throwing");
    }

    [Fact]
    public void Discovery_verifies_without_loading_code_and_a_throwing_plugin_fails_when_its_sector_is_first_needed()
    {
        Place("Fixture.GoodPlugin");
        Place("Fixture.ThrowingPlugin");
        using var catalog = PluginBootstrapper.Discover(new PluginLoadOptions([_dir.Path]));
        Assert.All(catalog.Plugins, p => Assert.Equal(PluginState.Verified, p.State));
        Assert.All(catalog.Plugins, p => Assert.Equal("manifest+metadata", p.Checked));
        Assert.DoesNotContain(AppDomain.CurrentDomain.GetAssemblies(), a => a.GetName().Name == "Fixture.ThrowingPlugin" && !a.IsDynamic
            && a.Location.StartsWith(_dir.Path, StringComparison.Ordinal));

        var sectors = new SectorRegistry(catalog);
        Assert.Equal("测试板块", sectors.Get("fixture_good").Name);
        // Asking for one sector loads its plugin only.
        Assert.Equal(PluginState.Loaded, Only(catalog, "Fixture.GoodPlugin").State);
        Assert.Equal(PluginState.Verified, Only(catalog, "Fixture.ThrowingPlugin").State);

        // The plugin that throws is reported with its reason, and the caller gets a refusal, not a crash.
        var e = Assert.Throws<NotFoundException>(() => sectors.Get("fixture_throwing"));
        Assert.Contains("fixture registrar fails on purpose", e.Message);
        Assert.False(sectors.Contains("fixture_throwing"));
        Assert.Equal(PluginState.Malfunctioned, Only(catalog, "Fixture.ThrowingPlugin").State);
        Assert.Equal(["fixture_good"], sectors.Keys);
    }

    [Fact]
    public void A_plugin_with_migrations_is_known_from_metadata_and_loaded_when_the_database_opens_and_others_are_not()
    {
        Place("Fixture.GoodPlugin");
        Place("Fixture.MigratingPlugin");
        using var catalog = PluginBootstrapper.Discover(new PluginLoadOptions([_dir.Path]));
        var db = new Database(new DatabaseOptions(_dir.File("m.db")), new Migrator([new PluginMigrationSource(catalog.Migrations)]));
        var report = db.EnsureReady();
        Assert.Contains(report.Applied, m => m is { Source: "fixture_migrating", Version: 1 });
        Assert.Equal(PluginState.Loaded, Only(catalog, "Fixture.MigratingPlugin").State);
        Assert.Equal(PluginState.Verified, Only(catalog, "Fixture.GoodPlugin").State);
        using var c = db.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM fixture_migrating_note";
        Assert.Equal(0L, cmd.ExecuteScalar());
    }

    [Fact]
    public void A_plugin_built_for_another_contract_version_is_refused()
    {
        Place("Fixture.OtherContractPlugin");
        using var catalog = Load();
        var o = Only(catalog, "Fixture.OtherContractPlugin");
        Assert.Equal(PluginState.Malfunctioned, o.State);
        Assert.Contains("契约 2.0", o.Reason);
    }

    [Fact]
    public void A_plugin_folder_carrying_its_own_contract_assembly_is_refused_with_the_fix()
    {
        Place("Fixture.OwnContractCopyPlugin");
        Assert.True(File.Exists(Path.Combine(_dir.Path, "Fixture.OwnContractCopyPlugin", "ShuzhiKaohe.Abstractions.dll")),
            "the fixture must really carry the copy");
        using var catalog = Load();
        var c = Only(catalog, "Fixture.OwnContractCopyPlugin");
        Assert.Equal(PluginState.Malfunctioned, c.State);
        Assert.Contains("Private=false", c.Reason);
    }

    [Fact]
    public void A_folder_without_manifest_and_a_duplicate_id_are_reported()
    {
        Place("Fixture.GoodPlugin", "A");
        Place("Fixture.GoodPlugin", "B");
        _dir.Dir("Empty");
        using var catalog = Load();
        Assert.Equal(PluginState.Loaded, Only(catalog, "A").State);
        Assert.Contains("重复", Only(catalog, "B").Reason);
        Assert.Contains("缺少清单文件", Only(catalog, "Empty").Reason);
    }

    [Fact]
    public void A_disabled_plugin_is_not_loaded()
    {
        Place("Fixture.GoodPlugin");
        using var catalog = PluginBootstrapper.Discover(new PluginLoadOptions([_dir.Path], new HashSet<string> { "fixture.fixture_good" }));
        catalog.LoadAll();
        Assert.Equal(PluginState.Disabled, Only(catalog, "Fixture.GoodPlugin").State);
        Assert.Empty(new SectorRegistry(catalog).All);
    }

    public void Dispose() => _dir.Dispose();
}
