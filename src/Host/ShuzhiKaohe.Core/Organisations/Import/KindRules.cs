using ShuzhiKaohe.Abstractions;

namespace ShuzhiKaohe.Core.Organisations.Import;

/// <summary>
/// The kind of an organisation whose file gives none. Statistical groupings are recognised by name: the real
/// division list has nine level-2 rows (市辖区, 县, 省直辖县级行政区划, 自治区直辖县级行政区划) that are not Party
/// committees; they are transparent when finding a superior (第三条) and never in a roster.
/// </summary>
internal static class KindRules
{
    public const string Grouping = "grouping";
    public const string Committee = "committee";

    private static readonly string[] GroupingNames = ["市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"];

    public static string Infer(string sector, int level, ReadOnlySpan<char> name)
    {
        foreach (var g in GroupingNames)
            if (name.SequenceEqual(g)) return Grouping;
        if (sector == SectorKeys.Localities && level == 5)
            return name.Contains("社区", StringComparison.Ordinal) || name.Contains("居委会", StringComparison.Ordinal)
                   || name.Contains("居民委员会", StringComparison.Ordinal) ? "community" : "village";
        return Committee;
    }
}
