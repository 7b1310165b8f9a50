using ShuzhiKaohe.Testing;

namespace ShuzhiKaohe.Host.Tests;

/// <summary>The operator's settings.json over appsettings.json, read by the real executable (docs/operations.md, "设置").</summary>
public sealed class SettingsFileTests : IDisposable
{
    private readonly TempDir _dir = new("settings");

    private string WriteSettings(string json)
    {
        var folder = Path.Combine(_dir.Path, "config", "shuzhi");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "settings.json");
        File.WriteAllText(file, json);
        return file;
    }

    [Fact]
    public void The_operators_file_overrides_key_by_key_with_comments_trailing_commas_and_any_letter_case()
    {
        WriteSettings("""
            {
              // switched off on this server
              "plugins": { "disabled": [ "shuzhi.organs", ], },
            }
            """);
        var r = new ShuzhiProcess(_dir.Path).Run("plugin", "list", "--json");
        Assert.True(r.ExitCode == 0, r.ToString());
        var byId = r.Json().EnumerateArray().ToDictionary(p => p.GetProperty("id").GetString()!, p => p.GetProperty("status").GetString());
        Assert.Equal("disabled", byId["shuzhi.organs"]);
        Assert.Equal("verified", byId["shuzhi.localities"]);
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_refused_naming_the_setting_and_the_file()
    {
        var file = WriteSettings("""{ "Console": { "Mouse": "sometimes" } }""");
        var r = new ShuzhiProcess(_dir.Path).Run("plugin", "list");
        Assert.True(r.ExitCode == 1, r.ToString());
        Assert.Contains("Console:Mouse", r.Stderr);
        Assert.Contains(file, r.Stderr);
        Assert.Contains("true 或 false", r.Stderr);
    }

    [Fact]
    public void Damaged_json_is_refused_with_its_line()
    {
        var file = WriteSettings("{\n  \"Plugins\": {\n    \"Paths\": [ \"/opt\" \n  }\n}");
        var r = new ShuzhiProcess(_dir.Path).Run("plugin", "list");
        Assert.True(r.ExitCode == 1, r.ToString());
        Assert.Contains(file, r.Stderr);
        Assert.Contains("第 4 行", r.Stderr);
    }

    public void Dispose() => _dir.Dispose();
}
