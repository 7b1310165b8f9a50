using System.Collections.ObjectModel;
using ShuzhiKaohe.Tui.Shell;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.Time;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace ShuzhiKaohe.Tui.Tests;

/// <summary>
/// The lists every screen refills on each key (ballot entry) or reload (grading): one change notification per refill,
/// because the list re-measures all rows on each (rows² per refill: a 3,000-row list took seconds, issue 11).
/// </summary>
public sealed class ListsTests : IDisposable
{
    private readonly IApplication _app = Application.Create(new VirtualTimeProvider());
    private readonly Window _window = new();
    private readonly ListView _list;
    private readonly ObservableCollection<string> _rows;
    private readonly SessionToken? _session;

    public ListsTests()
    {
        _app.Init(DriverRegistry.Names.ANSI);
        _app.Driver!.SetScreenSize(80, 24);
        (_list, _rows) = Lists.Create();
        _list.Width = Dim.Fill();
        _list.Height = Dim.Fill();
        _window.Add(_list);
        _session = _app.Begin(_window);
    }

    [Fact]
    public void A_refill_of_thousands_of_rows_notifies_the_list_at_most_once()
    {
        var notifications = 0;
        _list.CollectionChanged += (_, _) => notifications++;

        Lists.Fill(_list, _rows, Enumerable.Range(1, 3000).Select(i => $"第 {i} 行").ToList());
        _app.LayoutAndDraw();

        Assert.True(notifications <= 1, $"{notifications} notifications for one refill");
        Assert.Equal(3000, _rows.Count);
        _list.SetFocus();
        _app.InjectKey(Key.End);
        _app.LayoutAndDraw();
        Assert.Equal(2999, _list.SelectedItem);
        Assert.Contains("第 3000 行", _app.Driver!.ToString());
    }

    [Fact]
    public void A_shorter_refill_of_a_list_scrolled_to_its_end_shows_its_first_rows()
    {
        Lists.Fill(_list, _rows, Enumerable.Range(1, 500).Select(i => $"第 {i} 行").ToList());
        _list.SetFocus();
        _app.InjectKey(Key.End);
        _app.LayoutAndDraw();

        Lists.Fill(_list, _rows, ["甲", "乙", "丙"]);
        _app.LayoutAndDraw();

        var screen = _app.Driver!.ToString()!;
        Assert.Contains("甲", screen);
        Assert.Contains("丙", screen);
        Assert.Equal(2, _list.SelectedItem);
    }

    public void Dispose()
    {
        if (_session is not null) _app.End(_session);
        _window.Dispose();
        _app.Dispose();
    }
}
