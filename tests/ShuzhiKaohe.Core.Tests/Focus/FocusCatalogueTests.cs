using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Focus;
using ShuzhiKaohe.Core.Inspection;
using ShuzhiKaohe.Testing;

namespace ShuzhiKaohe.Core.Tests.Focus;

/// <summary>第四条: the five standard items and the two mandatory ones are always there; the sector adds its own.</summary>
public sealed class FocusCatalogueTests : IDisposable
{
    private readonly CoreHarness _core = new();
    private FocusCatalogue Catalogue => _core.Get<FocusCatalogue>();

    [Fact]
    public void Standard_items_have_stable_codes_and_with_the_mandatory_ones_weigh_70_of_100()
    {
        Assert.Equal(["std.1", "std.2", "std.3", "std.4", "std.5"], StandardFocusItems.Standard.Select(i => i.Code));
        Assert.Equal(["mandatory.rectification", "mandatory.inspection_tour"], StandardFocusItems.Mandatory.Select(i => i.Code));
        Assert.Equal(100m - StandardFocusItems.SectorWeightTotal, StandardFocusItems.All.Sum(i => i.Weight));
    }

    [Fact]
    public void Standard_and_mandatory_items_pass_the_anti_formalism_guard()
    {
        var guard = _core.Get<FormalismGuard>();
        foreach (var i in StandardFocusItems.All)
        {
            Assert.Null(guard.Check(i.Indicator));
            Assert.Null(guard.Check(i.Rubric));
        }
    }

    [Fact]
    public void A_catalogue_is_standard_then_sector_then_mandatory_and_totals_100()
    {
        var r = Catalogue.For("soe", 2, 2026);
        Assert.Empty(r.Warnings);
        var sources = r.Value.Select(i => i.Source).ToList();
        Assert.Equal(Enumerable.Repeat(FocusSource.Standard, 5), sources.Take(5));
        Assert.Equal(Enumerable.Repeat(FocusSource.Mandatory, 2), sources.TakeLast(2));
        Assert.Contains(r.Value, i => i.Source == FocusSource.Sector && i.Code == "soe.governance");
        Assert.Equal(100m, r.Value.Sum(i => i.Weight));
    }

    [Fact]
    public void Lower_levels_get_fewer_sector_items()
    {
        int Count(int level) => Catalogue.For("localities", level, 2026).Value.Count(i => i.Source == FocusSource.Sector);
        Assert.True(Count(2) > Count(4), $"city {Count(2)} vs township {Count(4)}");
    }

    [Fact]
    public void The_sector_items_follow_the_year()
    {
        Assert.Contains(Catalogue.For("localities", 3, 2019).Value, i => i.Code == "loc.poverty");
        Assert.DoesNotContain(Catalogue.For("localities", 3, 2024).Value, i => i.Code == "loc.poverty");
    }

    [Fact]
    public void An_unknown_sector_is_not_found_and_names_the_loaded_ones()
    {
        var e = Assert.Throws<NotFoundException>(() => Catalogue.For("nosuch", 1, 2026));
        Assert.Contains("localities", e.Message);
        Assert.Contains("soe", e.Message);
    }

    [Fact]
    public void A_level_the_sector_does_not_declare_is_refused_with_the_declared_ones()
    {
        var e = Assert.Throws<InvalidInputException>(() => Catalogue.For("soe", 9, 2026));
        Assert.Contains("第 9 级", e.Message);
        Assert.Contains("二级单位", e.Message);
    }

    [Fact]
    public void A_year_before_the_measures_is_refused_citing_article_ten() =>
        Assert.Contains("第十条", Assert.Throws<InvalidInputException>(() => Catalogue.For("soe", 2, 2018)).Message);

    public void Dispose() => _core.Dispose();
}
