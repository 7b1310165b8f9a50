using ShuzhiKaohe.Abstractions;
using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Inspection;
using ShuzhiKaohe.Core.Plugins;

namespace ShuzhiKaohe.Core.Focus;

/// <summary>Where a catalogue item comes from (JSON: standard | sector | mandatory).</summary>
public enum FocusSource { Standard, Sector, Mandatory }

/// <summary>One item of a level's catalogue: what a campaign can start from.</summary>
public sealed record CatalogueItem(string Code, string Title, decimal Weight, FocusSource Source, string Rubric, string Indicator);

/// <summary>
/// The focus items (重点内容, 第四条) on offer for a sector, level and year: Core's five standard items, the
/// sector plugin's items for that level and year, and the two mandatory items — in that order. Every sector
/// item passes the anti-formalism guard (第六条) with the sector's own rules first; one that does not is left
/// out with a warning, so a faulty plugin cannot put a forbidden indicator in front of an operator.
/// </summary>
public sealed class FocusCatalogue(SectorRegistry sectors, FormalismGuard guard)
{
    /// <summary>第十条: the measures are in force from 2019-12-30; the first assessed year is 2019.</summary>
    public const int FirstYear = 2019;
    public const int LastYear = 2100;

    public Warned<IReadOnlyList<CatalogueItem>> For(string sector, int level, int year)
    {
        var policies = sectors.Get(sector);
        var levels = policies.Descriptor.Levels;
        if (levels.All(l => l.Level != level))
            throw new InvalidInputException(
                $"板块 {sector}（{policies.Name}）没有第 {level} 级；已声明的层级：{string.Join("、", levels.Select(l => $"{l.Level} {l.Name}"))}");
        if (year is < FirstYear or > LastYear)
            throw new InvalidInputException($"年度 {year} 超出范围：本办法自2019年12月30日起施行（第十条），年度须在 {FirstYear}–{LastYear} 之间");

        var warnings = new List<string>();
        var items = new List<CatalogueItem>();
        items.AddRange(StandardFocusItems.Standard.Select(d => Item(d, FocusSource.Standard)));
        foreach (var d in policies.Focus.ItemsFor(level, year))
        {
            if (StandardFocusItems.IsReservedCode(d.Code))
            {
                warnings.Add($"板块 {sector} 的重点内容 {d.Code} 使用了保留的编码前缀（std. / mandatory.），已略去");
                continue;
            }
            var finding = guard.Check(d.Title, sector) ?? guard.Check(d.Indicator, sector) ?? guard.Check(d.Rubric, sector);
            if (finding is not null)
            {
                warnings.Add($"第六条：板块 {sector} 的重点内容 {d.Code}“{d.Title}”以{finding.Explanation}评判工作好坏（规则 {finding.RuleId}，命中“{finding.Matched}”），已略去");
                continue;
            }
            items.Add(Item(d, FocusSource.Sector));
        }
        items.AddRange(StandardFocusItems.Mandatory.Select(d => Item(d, FocusSource.Mandatory)));
        return new Warned<IReadOnlyList<CatalogueItem>>(items, warnings);
    }

    private static CatalogueItem Item(FocusItemDefinition d, FocusSource source) =>
        new(d.Code, d.Title, d.Weight, source, d.Rubric, d.Indicator);
}
