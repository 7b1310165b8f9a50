using System.Text.Json;
using ShuzhiKaohe.Testing;

namespace ShuzhiKaohe.Host.Tests;

/// <summary><c>shuzhi focus catalogue</c> through the real executable: the JSON shape and the exit codes.</summary>
public sealed class FocusCatalogueCliTests : IDisposable
{
    private readonly TempDir _dir = new("focus");
    private ProcessResult Run(params string[] args) => new ShuzhiProcess(_dir.Path).Run(args);

    [Fact]
    public void The_soe_catalogue_lists_standard_sector_and_mandatory_items_with_weights()
    {
        var r = Run("focus", "catalogue", "--sector", "soe", "--level", "2", "--year", "2026", "--json");
        Assert.True(r.ExitCode == 0, r.ToString());
        var items = r.Json().EnumerateArray().ToList();
        foreach (var i in items)
            foreach (var field in new[] { "code", "title", "weight", "source", "rubric", "indicator" })
                Assert.True(i.TryGetProperty(field, out _), $"missing {field} in {i}");
        Assert.Equal(["standard", "sector", "mandatory"], items.Select(i => i.GetProperty("source").GetString()).Distinct());
        Assert.Contains(items, i => i.GetProperty("code").GetString() == "mandatory.inspection_tour");
        Assert.Equal(100m, items.Sum(i => i.GetProperty("weight").GetDecimal()));
    }

    [Fact]
    public void An_unknown_sector_exits_3_naming_the_loaded_ones()
    {
        var r = Run("focus", "catalogue", "--sector", "nosuch", "--level", "1", "--year", "2026", "--json");
        Assert.Equal(3, r.ExitCode);
        Assert.Contains("localities", r.Stderr);
    }

    [Fact]
    public void A_level_the_sector_does_not_declare_exits_1()
    {
        var r = Run("focus", "catalogue", "--sector", "localities", "--level", "9", "--year", "2026");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("第 9 级", r.Stderr);
    }

    public void Dispose() => _dir.Dispose();
}
