using System.Collections.ObjectModel;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace ShuzhiKaohe.Tui.Shell;

/// <summary>The <c>:</c> palette: type a name (中文 or pinyin initials), ↑ ↓ to pick, Enter to run, Esc to close.</summary>
internal static class PaletteDialog
{
    public const string Title = "命令（中文或拼音首字母）";

    /// <summary>Runs the palette modally and returns the chosen item; the caller runs it after the dialog has closed.</summary>
    public static PaletteItem? Choose(IApplication app, IReadOnlyList<PaletteItem> items)
    {
        PaletteItem? chosen = null;
        IReadOnlyList<PaletteItem> matches = items;
        var rows = new ObservableCollection<string>();
        using var dialog = new Dialog { Title = Title, Width = Dim.Percent(80), Height = Dim.Percent(70) };
        var query = new TextField { X = 0, Y = 0, Width = Dim.Fill() };
        var list = new ListView { X = 0, Y = 1, Width = Dim.Fill(), Height = Dim.Fill(), KeystrokeNavigator = null };
        list.SetSource(rows);

        void Refresh()
        {
            matches = CommandPalette.Match(items, query.Text);
            rows.Clear();
            var width = matches.Count == 0 ? 0 : matches.Max(m => TextWidth.Columns(m.Name));
            foreach (var m in matches) rows.Add($"{TextWidth.PadRight(m.Name, width)}  {m.Where}");
            if (matches.Count == 0) rows.Add("（没有匹配的命令）");
            list.SelectedItem = 0;
        }

        query.TextChanged += (_, _) => Refresh();
        query.KeyDown += (_, key) =>
        {
            if (key == Key.CursorDown) { list.MoveDown(false); key.Handled = true; }
            else if (key == Key.CursorUp) { list.MoveUp(false); key.Handled = true; }
            else if (key == Key.Enter)
            {
                if (list.SelectedItem is int i && i < matches.Count) chosen = matches[i];
                app.RequestStop(dialog);
                key.Handled = true;
            }
        };
        dialog.Add(query, list);
        Refresh();
        query.SetFocus();
        ModalLoop.Run(app, dialog);
        return chosen;
    }
}
