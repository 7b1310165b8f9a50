namespace ShuzhiKaohe.Tui.Shell;

/// <summary>The text of the <c>?</c> help: the screen's declared keys, then the shell's, nothing else.</summary>
public static class HelpText
{
    private const int KeyColumn = 14;

    public static string For(Screen screen, KeyMap shellKeys)
    {
        var lines = new List<string> { $"本屏幕（{screen.ScreenTitle}）" };
        lines.AddRange(screen.Keys.Entries.Select(Line));
        lines.Add("");
        lines.Add("全局");
        lines.AddRange(shellKeys.Entries.Select(Line));
        return string.Join("\n", lines);
    }

    private static string Line(ScreenKey key) => "  " + TextWidth.PadRight(key.Label, KeyColumn) + key.Action;
}
