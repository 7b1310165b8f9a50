using System.Collections;
using System.Collections.Specialized;
using System.Text;
using Terminal.Gui.Text;
using Terminal.Gui.Views;

namespace ShuzhiKaohe.Tui.Shell;

/// <summary>
/// A list source that formats a row only when the list draws it, and keeps it until that row changes. A list of
/// thousands (3,132 assessees in a national grading campaign) then costs what the screen shows, not what the campaign
/// holds: pre-formatting every row into a string cost 70–160 ms per refresh (issue 11, bench/console-bench.sh).
/// </summary>
internal sealed class RowSource<T>(Func<T, string> format, string? empty = null) : IListDataSource
{
    private IReadOnlyList<T> _items = [];
    private string?[] _rows = [];
    private int _maxColumns;

    public event NotifyCollectionChangedEventHandler? CollectionChanged;

    /// <summary>The rows shown: the items, or the one "empty" line when there are none and one was given.</summary>
    public int Count => _items.Count == 0 && empty is not null ? 1 : _items.Count;

    public int MaxItemLength => _maxColumns;

    public bool SuspendCollectionChangedEvent { get; set; }

    /// <summary>Shows <paramref name="items"/>; <paramref name="maxColumns"/> bounds the width of a row (for horizontal scrolling) without formatting them all.</summary>
    public void Reset(IReadOnlyList<T> items, int maxColumns)
    {
        _items = items;
        _rows = new string?[items.Count];
        _maxColumns = items.Count == 0 && empty is not null ? TextWidth.Columns(empty) : maxColumns;
        if (!SuspendCollectionChangedEvent) CollectionChanged?.Invoke(this, new NotifyCollectionChangedEventArgs(NotifyCollectionChangedAction.Reset));
    }

    /// <summary>
    /// The items again with only the one at <paramref name="index"/> changed: that row is formatted again when next drawn,
    /// every other keeps its text (the list's size is unchanged, so no change notification).
    /// </summary>
    public void Changed(IReadOnlyList<T> items, int index)
    {
        if (items.Count != _rows.Length) throw new ArgumentException($"{items.Count} items for {_rows.Length} rows: use Reset", nameof(items));
        _items = items;
        _rows[index] = null;
    }

    /// <summary>The text of a row, formatted on first use.</summary>
    public string Row(int index) =>
        _items.Count == 0 ? empty ?? "" : _rows[index] ??= format(_items[index]);

    public void Render(ListView listView, bool selected, int item, int col, int row, int width, int viewportX)
    {
        listView.Move(col, row);
        var text = new StringBuilder(width);
        int skipped = 0, used = 0;
        foreach (var rune in Row(item).EnumerateRunes())
        {
            var w = Math.Max(0, rune.GetColumns());
            if (skipped < viewportX)
            {
                skipped += w;
                continue;
            }
            if (used + w > width) break;
            text.Append(rune.ToString());
            used += w;
        }
        // The whole width is painted, or the previous frame's text shows through.
        text.Append(' ', Math.Max(0, width - used));
        listView.AddStr(text.ToString());
    }

    public bool IsMarked(int item) => false;

    public void SetMark(int item, bool value)
    {
    }

    /// <summary>The items themselves (the list reads one for its selection events); no row is formatted for it.</summary>
    public IList ToList() => _items.Count == 0 && empty is not null ? new[] { empty } : _items as IList ?? _items.ToList();

    public void Dispose() => CollectionChanged = null;
}
