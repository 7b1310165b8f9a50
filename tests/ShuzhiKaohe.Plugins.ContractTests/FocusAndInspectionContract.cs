using ShuzhiKaohe.Core.Focus;
using ShuzhiKaohe.Core.Inspection;

namespace ShuzhiKaohe.Plugins.ContractTests;

/// <summary>第四条 and 第六条 as every plugin must honour them: items per level and year, checklists, extra rules.</summary>
public sealed class FocusAndInspectionContract
{
    /// <summary>The first year of the measures and a current one.</summary>
    private static readonly int[] SampleYears = [2019, 2026];

    [Theory]
    [MemberData(nameof(PluginUnderTest.All), MemberType = typeof(PluginUnderTest))]
    public void Every_level_and_sample_year_has_items_with_unique_unreserved_codes_sharing_the_sector_points(string plugin)
    {
        using var p = PluginUnderTest.Load(plugin);
        foreach (var s in p.Sectors.All)
            foreach (var level in s.Descriptor.Levels.Select(l => l.Level))
                foreach (var year in SampleYears)
                {
                    var items = s.Focus.ItemsFor(level, year);
                    var at = $"{s.Key} level {level} year {year}";
                    Assert.True(items.Count > 0, $"{at}: no items");
                    Assert.All(items, i => Assert.True(i.Weight is > 0 and <= 100, $"{at}: {i.Code} weight {i.Weight}"));
                    Assert.Equal(StandardFocusItems.SectorWeightTotal, items.Sum(i => i.Weight));
                    Assert.Equal(items.Count, items.Select(i => i.Code).Distinct().Count());
                    Assert.All(items, i => Assert.False(StandardFocusItems.IsReservedCode(i.Code), $"{at}: {i.Code} is reserved"));
                    Assert.All(items, i => Assert.False(string.IsNullOrWhiteSpace(i.Title) || string.IsNullOrWhiteSpace(i.Rubric) || string.IsNullOrWhiteSpace(i.Indicator), $"{at}: {i.Code} has an empty text"));
                }
    }

    [Theory]
    [MemberData(nameof(PluginUnderTest.All), MemberType = typeof(PluginUnderTest))]
    public void Lower_levels_never_get_more_items_than_the_level_above(string plugin)
    {
        using var p = PluginUnderTest.Load(plugin);
        foreach (var s in p.Sectors.All)
            foreach (var year in SampleYears)
            {
                var counts = s.Descriptor.Levels.OrderBy(l => l.Level).Select(l => s.Focus.ItemsFor(l.Level, year).Count).ToList();
                for (var i = 1; i < counts.Count; i++)
                    Assert.True(counts[i] <= counts[i - 1], $"第六条 越往下考核工作越要简化: {s.Key} {year} items per level {string.Join(" → ", counts)}");
            }
    }

    [Theory]
    [MemberData(nameof(PluginUnderTest.All), MemberType = typeof(PluginUnderTest))]
    public void No_item_or_checklist_entry_is_refused_by_the_anti_formalism_guard(string plugin)
    {
        using var p = PluginUnderTest.Load(plugin);
        foreach (var s in p.Sectors.All)
            foreach (var level in s.Descriptor.Levels.Select(l => l.Level))
            {
                foreach (var year in SampleYears)
                    foreach (var i in s.Focus.ItemsFor(level, year))
                        foreach (var text in new[] { i.Title, i.Indicator, i.Rubric })
                            Assert.True(p.Guard.Check(text, s.Key) is null, $"{s.Key} {i.Code}: {p.Guard.Check(text, s.Key)} in “{text}”");
                var checklist = s.Checklist.For(level);
                Assert.True(checklist.Count > 0, $"{s.Key} level {level}: empty checklist");
                foreach (var e in checklist)
                {
                    Assert.False(string.IsNullOrWhiteSpace(e.WhatToSee) || string.IsNullOrWhiteSpace(e.WhomToHear), $"{s.Key} {e.Code}: what to see and whom to hear are both needed");
                    Assert.True(p.Guard.Check(e.WhatToSee, s.Key) is null, $"{s.Key} {e.Code}: {p.Guard.Check(e.WhatToSee, s.Key)}");
                }
            }
    }

    [Theory]
    [MemberData(nameof(PluginUnderTest.All), MemberType = typeof(PluginUnderTest))]
    public void Extra_formalism_rules_compile_and_add_to_the_core_rules_without_replacing_one(string plugin)
    {
        using var p = PluginUnderTest.Load(plugin);
        var core = CoreFormalismRules.All.Select(r => r.Id).ToHashSet();
        foreach (var s in p.Sectors.All)
        {
            var extra = s.Rules.AdditionalFormalismRules;
            Assert.All(extra, r => Assert.DoesNotContain(r.Id, core));
            Assert.All(extra, r => Assert.False(string.IsNullOrWhiteSpace(r.Explanation)));
            Assert.Equal(core.Count + extra.Count, p.Guard.RulesFor(s.Key).Count); // compiles every pattern
        }
    }

    [Theory]
    [MemberData(nameof(PluginUnderTest.All), MemberType = typeof(PluginUnderTest))]
    public void Some_assessed_level_must_report_on_site(string plugin)
    {
        using var p = PluginUnderTest.Load(plugin);
        foreach (var s in p.Sectors.All)
            Assert.Contains(s.Descriptor.Levels, l => l.AssessedAsReporter && s.Rules.RequiresOnSiteDebriefing(l.Level));
    }
}
