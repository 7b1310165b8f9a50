using Terminal.Gui.Text;

namespace ShuzhiKaohe.Tui.Shell;

/// <summary>Padding by terminal columns, not by chars: a CJK character takes two columns.</summary>
public static class TextWidth
{
    public static int Columns(string text) => text.GetColumns();

    public static string PadRight(string text, int columns) => text + new string(' ', Math.Max(0, columns - Columns(text)));
}
