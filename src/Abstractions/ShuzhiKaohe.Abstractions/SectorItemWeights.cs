namespace ShuzhiKaohe.Abstractions;

/// <summary>
/// A level's sector items share 30 of the catalogue's 100 points (the host adds 50 for 第四条's five standard
/// items and 20 for the two mandatory ones). Items are written with relative parts so that a year that adds or
/// drops an item keeps the level's total at 30 and the other items' proportions as written.
/// </summary>
public static class SectorItemWeights
{
    public const decimal SectorPoints = 30m;

    /// <summary>Gives each item its share of <see cref="SectorPoints"/> by its parts, in half points.</summary>
    public static IReadOnlyList<FocusItemDefinition> ShareOut(IEnumerable<(FocusItemDefinition Item, int Parts)> items)
    {
        var list = items.ToList();
        if (list.Count == 0) return [];
        var parts = list.Sum(i => i.Parts);
        // Half points keep the numbers readable for operators; the first (heaviest) item takes the rounding.
        var weights = list.Select(i => Math.Round(SectorPoints * i.Parts / parts * 2, MidpointRounding.AwayFromZero) / 2).ToList();
        weights[0] += SectorPoints - weights.Sum();
        return list.Select((i, n) => i.Item with { Weight = weights[n] }).ToList();
    }
}
