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
public sealed class ListsTests
{
    [Fact]
    public void A_refill_of_thousands_of_rows_notifies_the_list_at_most_once()
    {
        using var app = Application.Create(new VirtualTimeProvider());
        app.Init(DriverRegistry.Names.ANSI);
        app.Driver!.SetScreenSize(80, 24);
        var (list, rows) = Lists.Create();
        list.Width = Dim.Fill();
        list.Height = Dim.Fill();
        using var window = new Window();
        window.Add(list);
        var session = app.Begin(window);
        var notifications = 0;
        list.CollectionChanged += (_, _) => notifications++;

        Lists.Fill(list, rows, Enumerable.Range(1, 3000).Select(i => $"第 {i} 行").ToList());
        app.LayoutAndDraw();

        Assert.True(notifications <= 1, $"{notifications} notifications for one refill");
        Assert.Equal(3000, rows.Count);
        list.SetFocus();
        app.InjectKey(Key.End);
        app.LayoutAndDraw();
        Assert.Equal(2999, list.SelectedItem);
        Assert.Contains("第 3000 行", app.Driver.ToString());
        app.End(session!);
    }

    [Fact]
    public void A_shorter_refill_of_a_list_scrolled_to_its_end_shows_its_first_rows()
    {
        using var app = Application.Create(new VirtualTimeProvider());
        app.Init(DriverRegistry.Names.ANSI);
        app.Driver!.SetScreenSize(80, 24);
        var (list, rows) = Lists.Create();
        list.Width = Dim.Fill();
        list.Height = Dim.Fill();
        using var window = new Window();
        window.Add(list);
        var session = app.Begin(window);
        Lists.Fill(list, rows, Enumerable.Range(1, 500).Select(i => $"第 {i} 行").ToList());
        list.SetFocus();
        app.InjectKey(Key.End);
        app.LayoutAndDraw();

        Lists.Fill(list, rows, ["甲", "乙", "丙"]);
        app.LayoutAndDraw();

        var screen = app.Driver.ToString()!;
        Assert.Contains("甲", screen);
        Assert.Contains("丙", screen);
        Assert.Equal(2, list.SelectedItem);
        app.End(session!);
    }
}
