using System.Collections.ObjectModel;
using Terminal.Gui.Input;
using Terminal.Gui.Views;

namespace ShuzhiKaohe.Tui.Shell;

/// <summary>The plain lists the screens show: one string per row, selection kept across refreshes.</summary>
internal static class Lists
{
    /// <summary>A list with no type-to-search (printable keys belong to the shell and the screen's keys).</summary>
    public static (ListView List, ObservableCollection<string> Rows) Create()
    {
        var rows = new ObservableCollection<string>();
        var list = new ListView { KeystrokeNavigator = null };
        list.SetSource(rows);
        return (list, rows);
    }

    /// <summary>Refills the rows, keeping the selected index (clamped) so a refresh does not lose the operator's place.</summary>
    public static void Fill(ListView list, ObservableCollection<string> rows, IReadOnlyList<string> lines, string? empty = null)
    {
        var keep = list.SelectedItem ?? 0;
        rows.Clear();
        foreach (var l in lines) rows.Add(l);
        if (lines.Count == 0 && empty is not null) rows.Add(empty);
        list.SelectedItem = rows.Count == 0 ? null : Math.Clamp(keep, 0, rows.Count - 1);
    }

    /// <summary>The selected index when it points at a real line (not the "empty" placeholder).</summary>
    public static int? Selected(ListView list, int count) => list.SelectedItem is int i && i < count ? i : null;

    public static readonly Key[] MoveKeys = [Key.CursorUp, Key.CursorDown, Key.PageUp, Key.PageDown, Key.Home, Key.End];
}
