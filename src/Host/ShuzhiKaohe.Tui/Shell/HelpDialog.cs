using System.Collections.ObjectModel;
using Terminal.Gui.App;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace ShuzhiKaohe.Tui.Shell;

/// <summary>
/// The <c>?</c> dialog. A left-aligned list, not a message box (which centres every line and breaks the key
/// column), and a list so that a screen with many keys still fits at 80x24: it scrolls.
/// </summary>
internal static class HelpDialog
{
    public static void Show(IApplication app, string title, string text)
    {
        var lines = new ObservableCollection<string>(text.Split('\n'));
        var screen = app.Screen;
        var width = Math.Min(Math.Max(lines.Max(TextWidth.Columns), TextWidth.Columns(title) + 4), screen.Width - 6);
        var height = Math.Min(lines.Count, screen.Height - 8);
        using var dialog = new Dialog { Title = title };
        var list = new ListView { X = 0, Y = 0, Width = width, Height = height, KeystrokeNavigator = null };
        list.SetSource(lines);
        dialog.Add(list);
        dialog.AddButton(new Button { Text = "关闭", IsDefault = true });
        ModalLoop.Run(app, dialog);
    }
}
