using System.Reflection;
using NetArchTest.Rules;
using ShuzhiKaohe.Testing;

namespace ShuzhiKaohe.Architecture.Tests;

/// <summary>The architecture, kept by tests: Abstractions ← Modules; Core holds the rules; the front ends are thin and apart.</summary>
public sealed class DependencyRules
{
    private static Assembly Load(string name) => Assembly.LoadFrom(Path.Combine(RepoPaths.HostOutput, name + ".dll"));

    private static IReadOnlyList<string> References(Assembly a) => a.GetReferencedAssemblies().Select(r => r.Name!).ToList();

    private static readonly Assembly Abstractions = Load("ShuzhiKaohe.Abstractions");
    private static readonly Assembly Core = Load("ShuzhiKaohe.Core");
    private static readonly Assembly Cli = Load("ShuzhiKaohe.Cli");
    private static readonly Assembly Tui = Load("ShuzhiKaohe.Tui");

    [Fact]
    public void Abstractions_reference_no_storage_no_ui_and_no_host_assembly()
    {
        var refs = References(Abstractions);
        Assert.DoesNotContain(refs, r => r.Contains("Sqlite", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(refs, r => r.StartsWith("Terminal.Gui", StringComparison.Ordinal));
        Assert.DoesNotContain(refs, r => r.StartsWith("System.CommandLine", StringComparison.Ordinal));
        Assert.DoesNotContain(refs, r => r.StartsWith("ShuzhiKaohe.", StringComparison.Ordinal));
    }

    public static TheoryData<string> ModuleAssemblies()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(Path.Combine(RepoPaths.HostOutput, "plugins")))
            foreach (var dll in Directory.GetFiles(dir, "ShuzhiKaohe.Modules.*.dll")) data.Add(dll);
        return data;
    }

    [Theory]
    [MemberData(nameof(ModuleAssemblies))]
    public void Modules_reference_only_the_abstractions_among_our_assemblies(string dll)
    {
        var ctx = new System.Runtime.Loader.AssemblyLoadContext("arch-" + Path.GetFileName(dll), isCollectible: true);
        var refs = References(ctx.LoadFromAssemblyPath(dll));
        var ours = refs.Where(r => r.StartsWith("ShuzhiKaohe.", StringComparison.Ordinal)).ToList();
        Assert.Equal(["ShuzhiKaohe.Abstractions"], ours);
        Assert.DoesNotContain(refs, r => r.Contains("Sqlite", StringComparison.OrdinalIgnoreCase) || r.StartsWith("Terminal.Gui", StringComparison.Ordinal));
        ctx.Unload();
    }

    [Fact]
    public void There_is_at_least_one_module_to_check() => Assert.NotEmpty(ModuleAssemblies());

    /// <summary>The full names of the concrete classes in <paramref name="a"/> that implement <paramref name="contract"/>, in ordinal order.</summary>
    private static List<string> Implementations(Assembly a, string contract)
    {
        var type = a.GetType(contract, throwOnError: true)!;
        return a.GetTypes().Where(t => type.IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .Select(t => t.FullName!).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The full names of the classes of the objects in a public static list, in its order.</summary>
    private static List<string> Listed(Assembly a, string holder, string property) =>
        ((System.Collections.IEnumerable)a.GetType(holder, throwOnError: true)!
            .GetProperty(property, BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!)
        .Cast<object>().Select(o => o.GetType().FullName!).ToList();

    // Both lists are written by hand for start-up time (issue 11): a class left out would silently vanish.

    [Fact]
    public void Every_noun_of_the_cli_is_listed_in_CliApp_Groups()
    {
        var implementations = Implementations(Cli, "ShuzhiKaohe.Cli.IVerbGroup");
        Assert.True(implementations.Count >= 19, $"only {implementations.Count} nouns found");
        Assert.Equal(implementations, Listed(Cli, "ShuzhiKaohe.Cli.CliApp", "Groups").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_feature_of_core_is_listed_in_CoreServices_Features()
    {
        var implementations = Implementations(Core, "ShuzhiKaohe.Core.ICoreFeature");
        Assert.True(implementations.Count >= 19, $"only {implementations.Count} features found");
        // All of them, once each, in the order of their full names.
        Assert.Equal(implementations, Listed(Core, "ShuzhiKaohe.Core.CoreServices", "Features"));
    }

    [Fact]
    public void The_cli_and_the_console_do_not_reference_each_other()
    {
        Assert.DoesNotContain("ShuzhiKaohe.Tui", References(Cli));
        Assert.DoesNotContain("Terminal.Gui", References(Cli));
        Assert.DoesNotContain("ShuzhiKaohe.Cli", References(Tui));
        Assert.DoesNotContain("System.CommandLine", References(Tui));
    }

    [Fact]
    public void Core_knows_neither_front_end()
    {
        var refs = References(Core);
        Assert.DoesNotContain(refs, r => r is "ShuzhiKaohe.Cli" or "ShuzhiKaohe.Tui" or "Terminal.Gui" or "System.CommandLine");
    }

    [Fact]
    public void The_console_holds_no_sql()
    {
        var result = Types.InAssembly(Tui).ShouldNot().HaveDependencyOnAny("Microsoft.Data.Sqlite").GetResult();
        Assert.True(result.IsSuccessful, "console types using SQLite directly: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void The_cli_holds_no_sql_beyond_mapping_its_errors()
    {
        var result = Types.InAssembly(Cli).That().DoNotHaveName("CliApp")
            .ShouldNot().HaveDependencyOnAny("Microsoft.Data.Sqlite").GetResult();
        Assert.True(result.IsSuccessful, "CLI types using SQLite directly: " + string.Join(", ", result.FailingTypeNames ?? []));
    }
}
