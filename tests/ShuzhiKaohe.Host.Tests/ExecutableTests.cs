using System.Text.Json;
using ShuzhiKaohe.Testing;

namespace ShuzhiKaohe.Host.Tests;

/// <summary>The real <c>shuzhi</c> executable, run as a process.</summary>
public sealed class ExecutableTests : IDisposable
{
    private readonly TempDir _dir = new("exe");
    private ShuzhiProcess Shuzhi(IDictionary<string, string?>? env = null) => new(_dir.Path, env);

    [Fact]
    public void Version_prints_the_version_and_exits_0()
    {
        var r = Shuzhi().Run("--version");
        Assert.Equal(0, r.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", r.Stdout.Trim());
    }

    [Fact]
    public void Plugin_list_json_is_an_array_of_objects_with_the_documented_fields()
    {
        var r = Shuzhi().Run("plugin", "list", "--json");
        Assert.True(r.ExitCode == 0, r.ToString());
        var arr = r.Json();
        Assert.Equal(JsonValueKind.Array, arr.ValueKind);
        Assert.NotEmpty(arr.EnumerateArray());
        foreach (var p in arr.EnumerateArray())
        {
            foreach (var field in new[] { "id", "name", "version", "sectors", "status", "checked", "reason" })
                Assert.True(p.TryGetProperty(field, out _), $"missing {field} in {p}");
            Assert.Contains(p.GetProperty("status").GetString(), new[] { "verified", "malfunctioned", "disabled" });
        }
        // list loads no code: it vouches for what it checked, and says so.
        var localities = Assert.Single(arr.EnumerateArray(), p => p.GetProperty("id").GetString() == "shuzhi.localities");
        Assert.Equal("verified", localities.GetProperty("status").GetString());
        Assert.Equal("manifest+metadata", localities.GetProperty("checked").GetString());
        // Chinese is written as itself, not as \u escapes.
        Assert.Contains("地方", r.Stdout);
    }

    [Fact]
    public void Global_options_are_accepted_before_or_after_the_verb()
    {
        var db = _dir.File("g.db");
        var before = Shuzhi().Run("--json", "--db", db, "db", "check");
        var after = Shuzhi().Run("db", "check", "--db", db, "--json");
        Assert.True(before.ExitCode == 0, before.ToString());
        Assert.True(after.ExitCode == 0, after.ToString());
        Assert.Equal(db, before.Json().GetProperty("path").GetString());
        Assert.Equal(db, after.Json().GetProperty("path").GetString());
    }

    [Fact]
    public void Db_check_creates_and_migrates_a_missing_database_and_reports_integrity()
    {
        var db = _dir.File("new.db");
        var r = Shuzhi().Run("db", "check", "--db", db, "--json");
        Assert.True(r.ExitCode == 0, r.ToString());
        var j = r.Json();
        Assert.Equal("ok", j.GetProperty("integrity").GetString());
        Assert.Equal("wal", j.GetProperty("journal_mode").GetString());
        Assert.True(j.GetProperty("schema_version").GetInt32() >= 1);
        Assert.Equal(j.GetProperty("code_schema_version").GetInt32(), j.GetProperty("schema_version").GetInt32());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(db));
    }

    [Fact]
    public void The_default_database_lives_under_the_xdg_data_folder()
    {
        var r = Shuzhi().Run("db", "check", "--json");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal(Path.Combine(_dir.Path, "shuzhi", "shuzhi.db"), r.Json().GetProperty("path").GetString());
        Assert.True(Directory.EnumerateFiles(Path.Combine(_dir.Path, "shuzhi", "logs")).Any(), "a log file is written under the data folder");
    }

    [Fact]
    public void SHUZHI_DB_chooses_the_database_and_db_overrides_it()
    {
        var env = new Dictionary<string, string?> { ["SHUZHI_DB"] = _dir.File("env.db") };
        Assert.Equal(_dir.File("env.db"), Shuzhi(env).Run("db", "check", "--json").Json().GetProperty("path").GetString());
        Assert.Equal(_dir.File("opt.db"), Shuzhi(env).Run("db", "check", "--json", "--db", _dir.File("opt.db")).Json().GetProperty("path").GetString());
    }

    [Fact]
    public void A_usage_error_exits_2_and_says_what_was_wrong()
    {
        var r = Shuzhi().Run("db", "frobnicate");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("frobnicate", r.Stderr);
        Assert.Equal("", r.Stdout);
    }

    [Fact]
    public void A_database_in_a_missing_folder_gets_a_clear_message_and_exit_1()
    {
        var r = Shuzhi().Run("db", "check", "--db", "/nonexistent-folder-xyz/a.db");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("数据库所在的文件夹不存在", r.Stderr);
        Assert.Contains("/nonexistent-folder-xyz", r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr); // never a stack trace
    }

    [Fact]
    public void Db_backup_writes_a_consistent_owner_only_copy_and_refuses_to_overwrite()
    {
        var db = _dir.File("b.db");
        Assert.Equal(0, Shuzhi().Run("db", "init", "--db", db).ExitCode);
        var r = Shuzhi().Run("db", "backup", _dir.File("copy.db"), "--db", db, "--json");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal(0, Shuzhi().Run("db", "check", "--db", _dir.File("copy.db")).ExitCode);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_dir.File("copy.db")));
        var again = Shuzhi().Run("db", "backup", _dir.File("copy.db"), "--db", db);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("已存在", again.Stderr);
    }

    [Fact]
    public void The_console_without_a_terminal_exits_2_with_a_message_instead_of_hanging()
    {
        var r = Shuzhi().Run("--db", _dir.File("c.db"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("终端", r.Stderr);
    }

    [Fact]
    public void Plugins_in_SHUZHI_PLUGINS_are_loaded_beside_the_shipped_ones()
    {
        var env = new Dictionary<string, string?> { ["SHUZHI_PLUGINS"] = RepoPaths.FixturePlugins };
        Dictionary<string, string?> Statuses(ProcessResult r) =>
            r.Json().EnumerateArray().ToDictionary(p => p.GetProperty("id").GetString()!, p => p.GetProperty("status").GetString());

        // list: what is known without loading code — the throwing registrar is not run, its folder checks out.
        var list = Shuzhi(env).Run("plugin", "list", "--json");
        Assert.Equal(0, list.ExitCode);
        Assert.Equal("verified", Statuses(list)["fixture.fixture_throwing"]);
        Assert.Equal("malfunctioned", Statuses(list)["fixture.fixture_other"]);

        // check: every plugin's code loaded; the one that throws is reported, exit 1, and the host carried on.
        var check = Shuzhi(env).Run("plugin", "check", "--json");
        Assert.True(check.ExitCode == 1, check.ToString());
        var byId = Statuses(check);
        Assert.Equal("loaded", byId["fixture.fixture_good"]);
        Assert.Equal("malfunctioned", byId["fixture.fixture_throwing"]);
        Assert.Equal("loaded", byId["shuzhi.localities"]);
        Assert.Contains("fixture registrar fails on purpose",
            check.Json().EnumerateArray().Single(p => p.GetProperty("id").GetString() == "fixture.fixture_throwing").GetProperty("reason").GetString());
    }

    [Fact]
    public void Help_is_available_on_every_level()
    {
        foreach (var args in new[] { new[] { "--help" }, ["db", "--help"], ["db", "backup", "--help"], ["plugin", "list", "--help"] })
        {
            var r = Shuzhi().Run(args);
            Assert.True(r.ExitCode == 0, string.Join(' ', args) + "\n" + r);
            Assert.Contains("--db", r.Stdout);
        }
    }

    public void Dispose() => _dir.Dispose();
}
