using Microsoft.Extensions.DependencyInjection;
using ShuzhiKaohe.Abstractions;
using ShuzhiKaohe.Core.Plugins;
using ShuzhiKaohe.Core.Storage;
using ShuzhiKaohe.Testing;

namespace ShuzhiKaohe.Plugins.ContractTests;

/// <summary>Identity, contract version, registrations, migrations and folder contents of every plugin.</summary>
public sealed class ManifestAndLoadingContract
{
    [Theory]
    [MemberData(nameof(PluginUnderTest.All), MemberType = typeof(PluginUnderTest))]
    public void The_manifest_is_valid_and_names_a_contract_this_host_accepts(string plugin)
    {
        var m = PluginManifest.Read(PluginUnderTest.FolderOf(plugin));
        Assert.True(Contract.IsCompatible(m.ContractMajor, m.ContractMinor), $"contract {m.Contract} vs host {Contract.Version}");
        Assert.True(File.Exists(m.ResolveAssembly(PluginUnderTest.FolderOf(plugin))));
        Assert.NotEmpty(m.Sectors);
    }

    [Fact]
    public void Plugin_ids_and_sector_keys_are_unique_across_all_plugins()
    {
        var manifests = PluginUnderTest.Names().Select(n => PluginManifest.Read(PluginUnderTest.FolderOf(n))).ToList();
        Assert.Equal(manifests.Count, manifests.Select(m => m.Id).Distinct().Count());
        var keys = manifests.SelectMany(m => m.Sectors.Select(s => s.Key)).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public void The_built_in_plugins_cover_the_five_sectors_of_article_three()
    {
        var keys = PluginUnderTest.Names().Where(n => n != PluginUnderTest.SampleToken)
            .SelectMany(n => PluginManifest.Read(PluginUnderTest.FolderOf(n)).Sectors.Select(s => s.Key)).ToHashSet();
        Assert.Superset(keys, new HashSet<string> { SectorKeys.Localities, SectorKeys.Organs, SectorKeys.StateEnterprises, SectorKeys.Universities, SectorKeys.Hospitals });
    }

    [Theory]
    [MemberData(nameof(PluginUnderTest.All), MemberType = typeof(PluginUnderTest))]
    public void It_loads_alone_and_every_policy_resolves_in_a_scope_with_scope_validation(string plugin)
    {
        using var p = PluginUnderTest.Load(plugin);
        using var scope = p.Provider.CreateScope();
        foreach (var type in new[] { typeof(ISectorDescriptor), typeof(IFocusItemCatalogue), typeof(IScoringStrategy), typeof(IInspectionChecklist), typeof(ISectorRules) })
            Assert.Equal(p.Manifest.Sectors.Count, scope.ServiceProvider.GetServices(type).Count());
    }

    [Theory]
    [MemberData(nameof(PluginUnderTest.All), MemberType = typeof(PluginUnderTest))]
    public void The_descriptor_declares_the_levels_the_manifest_lists_with_chinese_names(string plugin)
    {
        using var p = PluginUnderTest.Load(plugin);
        foreach (var s in p.Manifest.Sectors)
        {
            var d = p.Sectors.Get(s.Key).Descriptor;
            Assert.Equal(s.Levels.Order(), d.Levels.Select(l => l.Level).Order());
            Assert.All(d.Levels, l => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", l.Name));
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", d.Name);
            Assert.Contains(d.Levels, l => l.AssessedAsReporter);
        }
    }

    [Theory]
    [MemberData(nameof(PluginUnderTest.All), MemberType = typeof(PluginUnderTest))]
    public void The_folder_carries_no_copy_of_the_contract_assembly(string plugin) =>
        Assert.Empty(Directory.GetFiles(PluginUnderTest.FolderOf(plugin), PluginBootstrapper.ContractAssemblyName + ".dll", SearchOption.AllDirectories));

    [Theory]
    [MemberData(nameof(PluginUnderTest.All), MemberType = typeof(PluginUnderTest))]
    public void Its_migrations_apply_to_an_empty_database_and_a_second_run_changes_nothing(string plugin)
    {
        using var p = PluginUnderTest.Load(plugin);
        using var dir = new TempDir("contract-mig");
        var source = new PluginMigrationSource(p.Catalog.Migrations);
        Assert.Equal(p.Provider.GetServices<IModuleMigrations>().Count(), p.Catalog.Migrations().Count);
        var expected = source.Migrations.Count();
        var first = new Database(new DatabaseOptions(dir.File("c.db")), new Migrator([source])).EnsureReady();
        Assert.Equal(expected, first.Applied.Count(m => m.Source != Migrator.CoreSource));
        var bytes = File.ReadAllBytes(dir.File("c.db"));
        var second = new Database(new DatabaseOptions(dir.File("c.db")), new Migrator([source])).EnsureReady();
        Assert.Empty(second.Applied);
        Assert.Null(second.BackupPath);
        Assert.Equal(bytes, File.ReadAllBytes(dir.File("c.db")));
    }
}
