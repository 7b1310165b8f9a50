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
        Replace(list, rows, lines.Count == 0 && empty is not null ? [empty] : lines);
        Refilled(list, keep);
    }

    /// <summary>After the list's source was refilled: the selection back at <paramref name="keep"/> (clamped), in view.</summary>
    public static void Refilled(ListView list, int keep)
    {
        var count = list.Source?.Count ?? 0;
        ClampTop(list, count);
        list.SelectedItem = count == 0 ? null : Math.Clamp(keep, 0, count - 1);
        if (list.SelectedItem is not null) list.EnsureSelectedItemVisible();
    }

    /// <summary>
    /// Replaces the rows with one change notification for the whole list. The list's source re-measures every row on
    /// each notification, so clearing and adding row by row costs rows²: a 385-row ballot sheet took ~0.5 s per key
    /// and a 3,000-row grading list ~20 s per refresh (issue 11, bench/console-bench.sh).
    /// </summary>
    public static void Replace(ListView list, ObservableCollection<string> rows, IEnumerable<string> lines)
    {
        list.SuspendCollectionChangedEvent();
        try
        {
            rows.Clear();
            foreach (var l in lines) rows.Add(l);
        }
        finally
        {
            list.ResumeSuspendCollectionChangedEvent();
        }
        ClampTop(list, rows.Count);
    }

    /// <summary>Without the per-row notifications the list keeps its scroll offset: a shorter list must not start off screen.</summary>
    private static void ClampTop(ListView list, int count)
    {
        var lastTop = Math.Max(0, count - list.Viewport.Height);
        if (list.Viewport.Y > lastTop) list.Viewport = list.Viewport with { Y = lastTop };
        list.SetNeedsDraw();
    }

    /// <summary>The selected index when it points at a real line (not the "empty" placeholder).</summary>
    public static int? Selected(ListView list, int count) => list.SelectedItem is int i && i < count ? i : null;

    public static readonly Key[] MoveKeys = [Key.CursorUp, Key.CursorDown, Key.PageUp, Key.PageDown, Key.Home, Key.End];
}
