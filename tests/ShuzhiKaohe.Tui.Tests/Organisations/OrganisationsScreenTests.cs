using ShuzhiKaohe.Core.Security;
using ShuzhiKaohe.Tui.Organisations;
using ShuzhiKaohe.Tui.Shell;
using Terminal.Gui.Input;

namespace ShuzhiKaohe.Tui.Tests.Organisations;

/// <summary>The organisation browser on the demo province, through the real shell on the ANSI driver.</summary>
public sealed class OrganisationsScreenTests
{
    [Fact]
    public void Home_o_opens_the_tree_with_the_province_and_its_details()
    {
        using var o = new OrganisationConsole();
        o.Press(Key.Esc);
        Assert.Equal("首页", o.Console.Shell.Current.ScreenTitle);

        o.Press(new Key('o'));

        Assert.IsType<OrganisationsScreen>(o.Console.Shell.Current);
        var text = o.Text;
        Assert.Contains("首页 › 党组织", text);
        Assert.Contains("42 湖北省", text);
        Assert.Contains("层级：1 省", text);
        Assert.Contains("下级：14 个", text);
    }

    [Fact]
    public void Expanding_a_node_shows_its_children_and_reads_only_that_level()
    {
        using var o = new OrganisationConsole();
        Assert.DoesNotContain("武汉市", o.Text);
        Assert.Equal(1, o.Screen.Model.LoadedNodeCount);

        o.Press(Key.CursorRight);

        var text = o.Text;
        foreach (var city in new[] { "4201 武汉市", "4202 黄石市", "4228 恩施土家族苗族自治州", "4290 省直辖县级行政区划（统计分组）" })
            Assert.Contains(city, text);
        Assert.Equal(1 + 14, o.Screen.Model.LoadedNodeCount);

        o.Press(Key.CursorDown, Key.Enter);

        Assert.Contains("420102 江岸区", o.Text);
        Assert.Equal(1 + 14 + 13, o.Screen.Model.LoadedNodeCount);

        o.Press(Key.Enter);

        Assert.DoesNotContain("420102 江岸区", o.Text);
    }

    [Fact]
    public void End_Home_and_page_keys_move_in_the_tree_and_keys_it_does_not_declare_do_nothing()
    {
        using var o = new OrganisationConsole();
        o.Press(Key.CursorRight, Key.End);
        Assert.Equal("4290", o.Screen.Selected?.Code);

        o.Press(Key.Home);
        Assert.Equal("42", o.Screen.Selected?.Code);

        o.Press(Key.PageDown);
        Assert.Equal("4290", o.Screen.Selected?.Code);

        var loaded = o.Screen.LoadedOrganisations;
        o.Press(Key.CursorRight.WithCtrl, new Key('w'), Key.Space);
        Assert.Equal(loaded, o.Screen.LoadedOrganisations);
        Assert.Equal("4290", o.Screen.Selected?.Code);
    }

    [Fact]
    public void Slash_search_lists_hits_with_paths_and_Enter_reveals_Jiangan_under_Wuhan()
    {
        using var o = new OrganisationConsole();

        o.Press(new Key('/'));
        o.Console.Type("江岸");
        o.Press(Key.Enter);

        Assert.True(o.Screen.ShowingHits);
        Assert.Contains("420102  湖北省 / 武汉市 / 江岸区", o.Text);

        o.Press(Key.Enter);

        Assert.False(o.Screen.ShowingHits);
        Assert.Equal("420102", o.Screen.Selected?.Code);
        var text = o.Text;
        Assert.Contains("4201 武汉市", text);
        Assert.Contains("420102 江岸区", text);
        Assert.Contains("已定位：420102 江岸区", text);
    }

    [Fact]
    public void Search_by_code_reveals_the_organisation()
    {
        using var o = new OrganisationConsole();

        o.Press(new Key('/'));
        o.Console.Type("420102002");
        o.Press(Key.Enter, Key.Enter);

        Assert.Equal("420102002", o.Screen.Selected?.Code);
        Assert.Contains("420102002 大智街道", o.Text);
    }

    [Fact]
    public void Esc_leaves_the_search_hits_for_the_tree_then_goes_home()
    {
        using var o = new OrganisationConsole();
        o.Press(new Key('/'));
        o.Console.Type("黄石");
        o.Press(Key.Enter);
        Assert.True(o.Screen.ShowingHits);

        o.Press(Key.Esc);

        Assert.False(o.Screen.ShowingHits);
        Assert.Contains("42 湖北省", o.Text);
        o.Press(Key.Esc);
        Assert.Equal("首页", o.Console.Shell.Current.ScreenTitle);
    }

    [Fact]
    public void Details_pane_follows_the_selection_with_path_and_superior()
    {
        using var o = new OrganisationConsole();
        o.Press(new Key('/'));
        o.Console.Type("江岸区");
        o.Press(Key.Enter, Key.Enter);

        var text = o.Text;
        Assert.Contains("┤江岸区├", text);
        Assert.Contains("路径：湖北省 / 武汉市 / 江岸区", text);
        Assert.Contains("上一级党组织：4201 武汉市", text);
        Assert.Contains("层级：3 县", text);
        Assert.Contains("板块：地方（localities）", text);

        o.Press(Key.CursorDown);

        Assert.Contains("上一级党组织：4201 武汉市", o.Text);
        Assert.DoesNotContain("路径：湖北省 / 武汉市 / 江岸区", o.Text);
    }

    [Fact]
    public void A_scoped_operator_sees_only_their_subtree()
    {
        using var admin = new OrganisationConsole();
        var operators = admin.Console.Core.Get<OperatorAdmin>();
        operators.Add("alice");
        operators.Grant("alice", "reader", "4201", null);

        using var alice = new ConsoleHarness(databasePath: admin.Console.Core.DatabasePath, operatorName: "alice");
        alice.Shell.Open(OrganisationsScreen.ScreenId);

        var text = alice.Text;
        Assert.Contains("4201 武汉市", text);
        Assert.Equal(["4201"], Assert.IsType<OrganisationsScreen>(alice.Shell.Current).Model.Roots().Select(r => r.Code));
        Assert.DoesNotContain("+42 湖北省", text);
        Assert.DoesNotContain("黄石市", text);

        alice.Press(new Key('/'));
        alice.Type("黄石");
        Assert.Contains("没有名称或代码含“黄石”的组织", alice.Text);
        alice.Press(Key.Esc);

        alice.Press(new Key('/'));
        alice.Type("江岸");
        alice.Press(Key.Enter, Key.Enter);
        Assert.Equal("420102", Assert.IsType<OrganisationsScreen>(alice.Shell.Current).Selected?.Code);
    }

    [Fact]
    public void Help_lists_every_key_the_organisations_screen_declares()
    {
        using var o = new OrganisationConsole();
        var declared = o.Screen.Keys.Entries.Concat(o.Console.Shell.ShellKeys.Entries).ToList();

        var screen = o.Console.InDialog(new Key('?'), Key.Esc);

        Assert.Contains("帮助 — 党组织", screen);
        foreach (var key in declared)
            Assert.Contains(TextWidth.PadRight(key.Label, 14) + key.Action, screen);
    }

    [Theory]
    [InlineData(80, 24)]
    [InlineData(120, 40)]
    public void Tree_and_details_stay_framed_with_CJK_names(int width, int height)
    {
        using var o = new OrganisationConsole(width, height);
        o.Press(Key.CursorRight, Key.CursorDown, Key.CursorRight, Key.CursorDown, Key.CursorRight);
        for (var i = 0; i < 8; i++) o.Press(Key.CursorDown);

        RenderTests.AssertFramed(o.Console.Rows, width, height);
        Assert.Contains("路径：湖北省 / 武汉市", o.Text);
    }
}
