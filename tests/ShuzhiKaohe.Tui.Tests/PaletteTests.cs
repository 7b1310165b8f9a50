using ShuzhiKaohe.Tui.Shell;

namespace ShuzhiKaohe.Tui.Tests;

/// <summary>Palette matching and pinyin initials: plain logic, no terminal.</summary>
public sealed class PaletteTests
{
    [Theory]
    [InlineData("首页", "sy")]
    [InlineData("帮助", "bz")]
    [InlineData("述职考核", "szkh")]
    [InlineData("组织机构", "zzjg")]
    [InlineData("考核活动", "khhd")]
    [InlineData("票决录入", "pjlr")]
    [InlineData("整改台账", "zgtz")]
    [InlineData("Esc 退出", "esctc")]
    public void Pinyin_initials_of_screen_names(string name, string initials) =>
        Assert.Equal(initials, Pinyin.Initials(name));

    [Fact]
    public void Initials_that_start_with_the_query_rank_first_then_names_containing_it()
    {
        var items = new[] { Item("测试首页"), Item("索引"), Item("首页") };

        var matched = CommandPalette.Match(items, "sy").Select(i => i.Name);

        Assert.Equal(["索引", "首页", "测试首页"], matched);
    }

    [Fact]
    public void Chinese_query_matches_part_of_a_name_and_an_empty_query_lists_everything()
    {
        var items = new[] { Item("首页"), Item("组织机构"), Item("考核活动") };

        Assert.Equal(["组织机构"], CommandPalette.Match(items, "机构").Select(i => i.Name));
        Assert.Equal(items, CommandPalette.Match(items, "  "));
        Assert.Empty(CommandPalette.Match(items, "qqq"));
    }

    private static PaletteItem Item(string name) => new(name, "屏幕", () => { });
}
