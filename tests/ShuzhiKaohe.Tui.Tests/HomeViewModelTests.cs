using ShuzhiKaohe.Core.Plugins;
using ShuzhiKaohe.Testing;
using ShuzhiKaohe.Tui.Home;
using Microsoft.Extensions.DependencyInjection;

namespace ShuzhiKaohe.Tui.Tests;

/// <summary>The home screen's view model on a real database and real plugins, without any terminal.</summary>
public sealed class HomeViewModelTests
{
    [Fact]
    public void Reports_schema_version_integrity_and_plugins_with_reasons()
    {
        using var core = new CoreHarness(pluginPaths: [RepoPaths.Plugins, RepoPaths.FixturePlugins]);
        var model = ActivatorUtilities.CreateInstance<HomeViewModel>(core.Services);

        model.Load();

        Assert.Equal($"数据库：{core.DatabasePath}", model.DatabaseLines[0]);
        Assert.Contains("完整性 正常", model.DatabaseLines[1]);
        Assert.Equal(core.Plugins.Plugins.Count, model.Plugins.Count);
        var broken = model.Plugins.Where(p => p.State == PluginState.Malfunctioned).ToList();
        Assert.NotEmpty(broken);
        Assert.All(broken, p => Assert.False(string.IsNullOrWhiteSpace(p.Reason)));
    }

    [Fact]
    public void Filter_matches_pinyin_initials_and_survives_a_reload()
    {
        using var core = new CoreHarness(pluginPaths: [RepoPaths.Plugins, RepoPaths.FixturePlugins]);
        var model = ActivatorUtilities.CreateInstance<HomeViewModel>(core.Services);
        model.Load();

        model.ApplyFilter("df");
        model.Load();

        var row = Assert.Single(model.Plugins);
        Assert.Contains("地方", row.Line);
        Assert.Equal("df", model.FilterText);
    }
}
