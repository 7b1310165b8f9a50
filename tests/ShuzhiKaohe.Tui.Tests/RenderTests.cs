using ShuzhiKaohe.Testing;
using ShuzhiKaohe.Tui.Shell;
using Terminal.Gui.Input;

namespace ShuzhiKaohe.Tui.Tests;

/// <summary>What the operator sees at 80x24 (the smallest terminal we support) and larger: nothing cut, CJK aligned.</summary>
public sealed class RenderTests
{
    [Theory]
    [InlineData(80, 24)]
    [InlineData(120, 40)]
    public void Every_framed_line_ends_at_the_right_border_with_CJK_text(int width, int height)
    {
        using var h = new ConsoleHarness(width, height, pluginPaths: [RepoPaths.Plugins, RepoPaths.FixturePlugins]);

        AssertFramed(h.Rows, width, height);
        AssertFramed(h.InDialog(new Key('?'), Key.Esc).TrimEnd('\n').Split('\n'), width, height);
    }

    [Fact]
    public void Key_bar_shows_the_main_keys_on_one_line_at_80_columns()
    {
        using var h = new ConsoleHarness();

        var bar = h.Rows[^2];

        foreach (var part in new[] { "Enter", "打开", "o", "党组织", "?", "帮助", ":", "命令面板", "/", "筛选列表", "Esc", "退出" })
            Assert.Contains(part, bar);
    }

    /// <summary>Every row is exactly the terminal's width in columns and ends at the window's right border.</summary>
    internal static void AssertFramed(string[] rows, int width, int height)
    {
        Assert.Equal(height, rows.Length);
        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i];
            Assert.True(TextWidth.Columns(row) == width, $"row {i} is {TextWidth.Columns(row)} columns, not {width}: {row}");
            var (left, right) = i == 0 ? ('┌', '┐') : i == rows.Length - 1 ? ('└', '┘') : ('│', '│');
            Assert.True(row[0] == left && row[^1] == right, $"row {i} is not framed: {row}");
        }
    }
}
