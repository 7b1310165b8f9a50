using ShuzhiKaohe.Core.Plugins;
using ShuzhiKaohe.Testing;
using Terminal.Gui.Input;

namespace ShuzhiKaohe.Tui.Tests;

/// <summary>The first screen and the plugin screen (p), through the real shell on the ANSI driver.</summary>
public sealed class HomeScreenTests
{
    [Fact]
    public void First_screen_shows_the_database_and_every_loaded_plugin()
    {
        // Wide enough that no plugin line wraps: the assertion compares whole lines.
        using var h = new ConsoleHarness(width: 160, height: 40);
        Assert.Contains("数据库：", h.Text);
        Assert.Contains("完整性 正常", h.Text);
        Assert.Contains("WAL", h.Text);
        h.Press(new Key('p'));
        var text = h.Text;

        var loaded = h.Core.Plugins.Loaded.ToList();
        Assert.NotEmpty(loaded);
        foreach (var p in loaded) Assert.Contains($"✓ {p.Name}（{p.Id} {p.Version}）", text);
        Assert.Contains($"已加载 {loaded.Count} / 共 {h.Core.Plugins.Plugins.Count}", text);
    }

    [Fact]
    public void A_malfunctioned_plugin_is_listed_and_its_whole_reason_shown_when_selected()
    {
        using var h = new ConsoleHarness(pluginPaths: [RepoPaths.Plugins, RepoPaths.FixturePlugins]);
        h.Press(new Key('p'));
        var broken = h.Core.Plugins.Plugins.Where(p => p.State == PluginState.Malfunctioned).ToList();
        Assert.NotEmpty(broken);
        foreach (var p in broken) Assert.Contains($"✗ {p.Name}（{p.Id}）故障：", h.Text);

        var index = h.Core.Plugins.Plugins.ToList().IndexOf(broken[^1]);
        h.Press(Enumerable.Repeat(Key.CursorDown, index).ToArray());

        // Word wrap drops the space where it breaks the line: compare without spaces.
        var detail = string.Concat(h.Rows[^5..^3].Select(r => r.Trim('│', ' '))).Replace(" ", "");
        Assert.Equal($"原因：{broken[^1].Reason}".Replace(" ", ""), detail);
    }

    [Fact]
    public void Slash_narrows_the_plugin_list_and_Esc_clears_the_filter()
    {
        using var h = new ConsoleHarness(pluginPaths: [RepoPaths.Plugins, RepoPaths.FixturePlugins]);
        var total = h.Core.Plugins.Plugins.Count;
        h.Press(new Key('p'));

        h.Press(new Key('/'));
        Assert.True(h.Shell.IsFiltering);
        h.Type("throwing");
        h.Press(Key.Enter);

        Assert.False(h.Shell.IsFiltering);
        Assert.Contains($"筛选“throwing”：1 / {total}", h.Text);
        Assert.Contains("fixture_throwing", h.Text);
        Assert.DoesNotContain("Localities", h.Text);
        Assert.Contains("筛选：throwing（Esc 清除）", h.Text);

        h.Press(Key.Esc);

        Assert.True(h.Shell.IsRunning);
        Assert.Contains("Localities", h.Text);
        Assert.Contains($"共 {total}", h.Text);
    }

    [Fact]
    public void An_empty_database_offers_the_demo_and_d_builds_it_after_confirmation()
    {
        using var h = new ConsoleHarness(width: 120, height: 40);
        Assert.Contains("按 d 建立示例数据", h.Text);

        h.InDialog(new Key('d'), Key.CursorLeft, Key.Enter);

        Assert.Contains("已建立示例数据", h.Shell.Message);
        Assert.Contains("考核（4）", h.Text);
        Assert.Contains("3 份述职缺点评", h.Text);
        Assert.Contains("项整改逾期", h.Text);
        Assert.Contains("武汉市", h.Text);
    }

    [Fact]
    public void Filter_prompt_takes_typed_keys_so_question_mark_does_not_open_help()
    {
        using var h = new ConsoleHarness();

        h.Press(new Key('/'), new Key('?'));

        Assert.True(h.Shell.IsFiltering);
        Assert.Contains("筛选 / ?", h.Text);
        Assert.Same(h.Shell, h.App.TopRunnableView);
    }
}
