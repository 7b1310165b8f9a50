namespace ShuzhiKaohe.Tui.Shell;

/// <summary>Something the <c>:</c> palette can run: a screen to open or an action of the current screen or the shell.</summary>
public sealed record PaletteItem(string Name, string Where, Action Run)
{
    public string Initials { get; } = Pinyin.Initials(Name);
}

/// <summary>Which palette items a typed query reaches. Plain logic: tested without a terminal.</summary>
public static class CommandPalette
{
    /// <summary>
    /// Items whose Chinese name contains the query, or whose pinyin initials do. Initials that start with the query
    /// come first, so "sy" puts 首页 above 索引页; ties keep the given order (screens first, as registered).
    /// </summary>
    public static IReadOnlyList<PaletteItem> Match(IEnumerable<PaletteItem> items, string query)
    {
        var q = query.Trim();
        if (q.Length == 0) return items.ToList();
        return items
            .Select((item, index) => (item, index, rank: Rank(item, q)))
            .Where(x => x.rank < int.MaxValue)
            .OrderBy(x => x.rank).ThenBy(x => x.index)
            .Select(x => x.item)
            .ToList();
    }

    private static int Rank(PaletteItem item, string q)
    {
        if (item.Initials.StartsWith(q, StringComparison.OrdinalIgnoreCase)) return 0;
        if (item.Name.Contains(q, StringComparison.OrdinalIgnoreCase)) return 1;
        if (item.Initials.Contains(q, StringComparison.OrdinalIgnoreCase)) return 2;
        return int.MaxValue;
    }
}
