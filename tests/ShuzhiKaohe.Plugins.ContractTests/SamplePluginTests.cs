using ShuzhiKaohe.Testing;

namespace ShuzhiKaohe.Plugins.ContractTests;

/// <summary>The proof for outsiders: a plugin built outside the solution loads into the unchanged host.</summary>
public sealed class SamplePluginTests : IDisposable
{
    private readonly TempDir _dir = new("sample");

    [Fact]
    public void The_published_sample_is_checked_as_loaded_by_the_real_executable_when_its_folder_is_in_SHUZHI_PLUGINS()
    {
        var env = new Dictionary<string, string?> { ["SHUZHI_PLUGINS"] = SamplePlugin.SearchPath };
        var r = new ShuzhiProcess(_dir.Path, env).Run("plugin", "check", "--json");
        Assert.True(r.ExitCode == 0, r.ToString());
        var sample = Assert.Single(r.Json().EnumerateArray(), p => p.GetProperty("id").GetString() == "shuzhi.nonpublic");
        Assert.Equal("loaded", sample.GetProperty("status").GetString());
        Assert.Contains("非公有制企业和社会组织", sample.GetProperty("name").GetString());
    }

    [Fact]
    public void Without_its_folder_in_SHUZHI_PLUGINS_the_host_does_not_know_the_sample()
    {
        var r = new ShuzhiProcess(_dir.Path).Run("plugin", "list", "--json");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.DoesNotContain(r.Json().EnumerateArray(), p => p.GetProperty("id").GetString() == "shuzhi.nonpublic");
    }

    [Fact]
    public void The_sample_sector_answers_focus_catalogue_through_the_real_executable()
    {
        var env = new Dictionary<string, string?> { ["SHUZHI_PLUGINS"] = SamplePlugin.SearchPath };
        var r = new ShuzhiProcess(_dir.Path, env).Run("focus", "catalogue", "--sector", SamplePlugin.SectorKey, "--level", "2", "--year", "2026", "--json");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains(r.Json().EnumerateArray(), i => i.GetProperty("code").GetString() == "np.coverage");
    }

    public void Dispose() => _dir.Dispose();
}
