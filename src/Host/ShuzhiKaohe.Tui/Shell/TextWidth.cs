using Terminal.Gui.Text;

namespace ShuzhiKaohe.Tui.Shell;

/// <summary>Padding by terminal columns, not by chars: a CJK character takes two columns.</summary>
public static class TextWidth
{
    public static int Columns(string text) => text.GetColumns();

    /// <summary>
    /// <see cref="Columns"/> without the library's per-string cost when every char is below U+0300 (codes, digits, Latin
    /// text: one column each, exactly); anything else is measured by the library.
    /// </summary>
    public static int CheapColumns(string text)
    {
        foreach (var c in text)
            if (c >= '\u0300') return Columns(text);
        return text.Length;
    }

    public static string PadRight(string text, int columns) => text + new string(' ', Math.Max(0, columns - Columns(text)));

    /// <summary>Exactly <paramref name="columns"/> wide: padded, or cut with "…" so the next column stays aligned.</summary>
    public static string Fit(string text, int columns)
    {
        if (Columns(text) <= columns) return PadRight(text, columns);
        var cut = text;
        while (cut.Length > 0 && Columns(cut) > columns - 1) cut = cut[..^1];
        return PadRight(cut + "…", columns);
    }
}
