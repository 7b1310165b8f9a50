using ShuzhiKaohe.Core.Plugins;
using ShuzhiKaohe.Testing;
using ShuzhiKaohe.Tui.Home;
using ShuzhiKaohe.Tui.Plugins;
using ShuzhiKaohe.Tui.Tests.Campaigns;
using Microsoft.Extensions.DependencyInjection;

namespace ShuzhiKaohe.Tui.Tests;

/// <summary>The home and plugin view models on a real database and real plugins, without any terminal.</summary>
public sealed class HomeViewModelTests
{
    [Fact]
    public void Reports_schema_version_and_integrity_and_offers_the_demo_on_an_empty_database()
    {
        using var core = new CoreHarness();
        var model = ActivatorUtilities.CreateInstance<HomeViewModel>(core.Services);

        model.Load();

        Assert.Equal($"数据库：{core.DatabasePath}", model.DatabaseLines[0]);
        Assert.Contains("完整性 正常", model.DatabaseLines[1]);
        Assert.True(model.IsEmpty);
        Assert.Contains("按 d 建立示例数据", model.EmptyText);
    }

    [Fact]
    public void Lists_each_campaign_with_its_stage_and_what_is_next()
    {
        using var core = new CoreHarness();
        County.Load(core.Services);
        var id = County.InSession(core.Services);
        var model = ActivatorUtilities.CreateInstance<HomeViewModel>(core.Services);

        model.Load();

        var row = Assert.Single(model.Campaigns);
        Assert.Equal(id, row.Campaign.Id);
        Assert.Equal("15 名未述职；测评票 0 张（未登记发放数）", row.NextText);
        County.CompleteSession(core.Services, id);
        model.Load();
        Assert.Equal("测评票 0 张（未登记发放数）", model.Campaigns[0].NextText);
        Assert.Contains("述职评议会", model.Rows[0]);
    }

    [Fact]
    public void Plugins_are_listed_with_reasons_and_the_filter_matches_pinyin_initials()
    {
        using var core = new CoreHarness(pluginPaths: [RepoPaths.Plugins, RepoPaths.FixturePlugins]);
        var model = ActivatorUtilities.CreateInstance<PluginsViewModel>(core.Services);
        model.Load();

        Assert.Equal(core.Plugins.Plugins.Count, model.Plugins.Count);
        Assert.All(model.Plugins.Where(p => p.State == PluginState.Malfunctioned), p => Assert.False(string.IsNullOrWhiteSpace(p.Reason)));
        model.ApplyFilter("df");
        model.Load();
        var row = Assert.Single(model.Plugins);
        Assert.Contains("地方", row.Line);
    }
}
