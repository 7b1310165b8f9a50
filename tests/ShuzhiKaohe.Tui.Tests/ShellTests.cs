using ShuzhiKaohe.Tui.Shell;
using Terminal.Gui.Input;

namespace ShuzhiKaohe.Tui.Tests;

/// <summary>The shell around every screen: help, palette, the screen stack, errors, confirmation.</summary>
public sealed class ShellTests
{
    [Fact]
    public void Help_lists_every_key_the_home_screen_handles_and_nothing_else()
    {
        using var h = new ConsoleHarness();
        var declared = h.Shell.Current.Keys.Entries.Concat(h.Shell.ShellKeys.Entries).ToList();

        var screen = h.InDialog(new Key('?'), Key.Esc);

        Assert.Contains("帮助 — 首页", screen);
        foreach (var key in declared)
            Assert.Contains(TextWidth.PadRight(key.Label, 14) + key.Action, screen);
        var keyLines = HelpText.For(h.Shell.Current, h.Shell.ShellKeys).Split('\n').Where(l => l.StartsWith("  ", StringComparison.Ordinal));
        Assert.Equal(declared.Count, keyLines.Count());
        Assert.DoesNotContain("帮助 — 首页", h.Text);
    }

    [Fact]
    public void Every_registered_screen_lists_its_declared_keys_in_help()
    {
        using var h = new ConsoleHarness(extraScreens: [ProbeScreen.Entry]);
        foreach (var entry in h.Registry.Entries)
        {
            h.Shell.Open(entry.Id);
            var screen = h.InDialog(new Key('?'), Key.Esc);

            Assert.Contains($"帮助 — {h.Shell.Current.ScreenTitle}", screen);
            foreach (var key in h.Shell.Current.Keys.Entries.Concat(h.Shell.ShellKeys.Entries))
                Assert.Contains(TextWidth.PadRight(key.Label, 14) + key.Action, screen);
        }
    }

    [Fact]
    public void Keys_a_screen_does_not_declare_change_nothing()
    {
        using var h = new ConsoleHarness();
        var before = h.Text;

        h.Press(new Key('q'), new Key('x'), Key.F9);

        Assert.Equal(before, h.Text);
        Assert.Equal(1, h.Shell.Depth);
    }

    [Fact]
    public void Esc_on_the_home_screen_quits()
    {
        using var h = new ConsoleHarness(begin: false);

        Assert.True(h.RunSteps(h.Key(Key.Esc)), "the console did not quit on Esc");
    }

    [Fact]
    public void Esc_closes_an_open_dialog_before_it_quits()
    {
        using var h = new ConsoleHarness(begin: false);
        var helpWasOpen = false;
        var backOnHomeAfterFirstEsc = false;

        var quit = h.RunSteps(
            h.Key(new Key('?')),
            () => helpWasOpen = h.App.TopRunnableView is not ShellWindow,
            h.Key(Key.Esc),
            () => backOnHomeAfterFirstEsc = ReferenceEquals(h.App.TopRunnableView, h.Shell) && h.Shell.IsRunning,
            h.Key(Key.Esc));

        Assert.True(helpWasOpen);
        Assert.True(backOnHomeAfterFirstEsc, "the first Esc should close help only");
        Assert.True(quit, "the second Esc should quit");
    }

    [Fact]
    public void Quit_ends_the_console_even_with_a_dialog_open_as_a_signal_needs()
    {
        using var h = new ConsoleHarness(begin: false);

        Assert.True(h.RunSteps(h.Key(new Key('?')), () => h.Shell.Quit()), "Quit with help open did not end the console");
    }

    [Fact]
    public void Esc_goes_back_from_a_screen_to_the_one_below()
    {
        using var h = new ConsoleHarness(extraScreens: [ProbeScreen.Entry]);
        h.Shell.Open(ProbeScreen.ScreenId);
        Assert.Contains("首页 › 测试屏幕", h.Text);

        h.Press(Key.Esc);

        Assert.Equal(1, h.Shell.Depth);
        Assert.Equal("首页", h.Shell.Current.ScreenTitle);
        Assert.Contains("考核（0）", h.Text);
        Assert.DoesNotContain("测试屏幕", h.Text);
    }

    [Theory]
    [InlineData("cspm")]
    [InlineData("测试")]
    public void Palette_opens_a_screen_by_its_pinyin_initials_or_its_Chinese_name(string query)
    {
        using var h = new ConsoleHarness(extraScreens: [ProbeScreen.Entry]);
        var listed = "";

        h.InDialog(new Key(':'), () =>
        {
            h.Type(query);
            listed = h.Text;
            h.Press(Key.Enter);
        });

        Assert.Contains("测试屏幕", listed);
        Assert.IsType<ProbeScreen>(h.Shell.Current);
        Assert.Contains("探针屏幕", h.Text);
    }

    [Fact]
    public void Palette_runs_an_action_of_the_current_screen()
    {
        using var h = new ConsoleHarness(extraScreens: [ProbeScreen.Entry]);
        h.Shell.Open(ProbeScreen.ScreenId);

        h.InDialog(new Key(':'), () => h.Press([.. "cfgzcw".Select(c => new Key(c)), Key.Enter]));

        Assert.Contains("✗ 第六条：越往下考核工作越要简化", h.Text);
    }

    [Fact]
    public void A_refused_action_shows_its_article_on_the_message_line()
    {
        using var h = new ConsoleHarness(extraScreens: [ProbeScreen.Entry]);
        h.Shell.Open(ProbeScreen.ScreenId);

        h.Press(new Key('e'));

        var messageRow = h.Rows[^3];
        Assert.Contains("✗ 第六条：越往下考核工作越要简化", messageRow);
        Assert.Equal("✗ 第六条：越往下考核工作越要简化", h.Shell.Message);
    }

    [Fact]
    public void An_unexpected_failure_is_shown_in_a_dialog_not_only_a_log()
    {
        using var h = new ConsoleHarness(extraScreens: [ProbeScreen.Entry]);
        h.Shell.Open(ProbeScreen.ScreenId);

        var screen = h.InDialog(new Key('x'), Key.Esc);

        Assert.Contains("出错了", screen);
        Assert.Contains("探针故意失败", screen);
        Assert.True(h.Shell.IsRunning);
    }

    [Fact]
    public void A_destructive_action_asks_first_and_Enter_alone_cancels()
    {
        using var h = new ConsoleHarness(extraScreens: [ProbeScreen.Entry]);
        h.Shell.Open(ProbeScreen.ScreenId);
        var probe = (ProbeScreen)h.Shell.Current;

        var asked = h.InDialog(Key.Delete, Key.Enter);
        Assert.Contains("确定删除这条记录吗？", asked);
        Assert.Equal(0, probe.Deleted);

        h.InDialog(Key.Delete, Key.CursorLeft, Key.Enter);
        Assert.Equal(1, probe.Deleted);
    }

    [Fact]
    public void A_key_declared_twice_on_one_screen_is_refused()
    {
        var keys = new KeyMap().On(Key.F5, "F5", "刷新", () => { });

        Assert.Throws<InvalidOperationException>(() => keys.On(Key.F5, "F5", "再刷新", () => { }));
    }

    [Fact]
    public void Opening_a_screen_already_on_the_stack_goes_back_to_it_instead_of_stacking_a_copy()
    {
        using var h = new ConsoleHarness(extraScreens: [ProbeScreen.Entry]);
        h.Shell.Open(ProbeScreen.ScreenId);
        h.Shell.Open(ProbeScreen.ScreenId);
        Assert.Equal(2, h.Shell.Depth);

        h.InDialog(new Key(':'), () => h.Press([.. "sy".Select(c => new Key(c)), Key.Enter]));

        Assert.Equal(1, h.Shell.Depth);
        Assert.Contains("述职考核 — 首页　操作员", h.Text);
    }

    [Fact]
    public void The_console_registry_finds_its_screens_with_home_first()
    {
        var registry = ScreenRegistry.ForConsole();

        Assert.Equal(ScreenRegistry.HomeId, registry.Entries[0].Id);
        Assert.Equal("sy", registry.Entries[0].PaletteInitials);
        Assert.Equal(registry.Entries.Count, registry.Entries.Select(e => e.Id).Distinct().Count());
    }
}
