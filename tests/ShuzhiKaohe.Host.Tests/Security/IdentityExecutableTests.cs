using Microsoft.Data.Sqlite;
using ShuzhiKaohe.Testing;

namespace ShuzhiKaohe.Host.Tests.Security;

/// <summary>Identity, files and plugin approval through the real executable (issue 9 §1, §5, §6).</summary>
public sealed class IdentityExecutableTests : IDisposable
{
    private readonly TempDir _dir = new("ident");
    private ShuzhiProcess Shuzhi(IDictionary<string, string?>? env = null) => new(_dir.Path, env);
    private string Db => _dir.File("i.db");

    private void Sql(string sql)
    {
        using var c = new SqliteConnection($"Data Source={Db};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    [Fact]
    public void An_unregistered_operator_is_refused_with_exit_3_but_help_and_version_still_work()
    {
        Assert.Equal(0, Shuzhi().Run("db", "init", "--db", Db).ExitCode);
        var r = Shuzhi().Run("plugin", "list", "--db", Db, "--operator", "mallory");
        Assert.Equal(3, r.ExitCode);
        Assert.Contains("未登记", r.Stderr);
        Assert.Equal(0, Shuzhi(new Dictionary<string, string?> { ["SHUZHI_DB"] = Db }).Run("--version").ExitCode);
        Assert.Equal(0, Shuzhi().Run("--help", "--operator", "mallory").ExitCode);
        Assert.Equal(0, Shuzhi().Run("plugin", "list", "--help", "--db", Db, "--operator", "mallory").ExitCode);
    }

    [Fact]
    public void The_owner_acts_as_a_registered_operator_and_the_trail_records_who()
    {
        Assert.Equal(0, Shuzhi().Run("operator", "add", "alice", "--db", Db).ExitCode);
        var r = Shuzhi().Run("operator", "whoami", "--json", "--db", Db, "--operator", "alice");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal("alice", r.Json().GetProperty("name").GetString());
        var denied = Shuzhi().Run("operator", "add", "bob", "--db", Db, "--operator", "alice");
        Assert.Equal(3, denied.ExitCode);
        var list = Shuzhi().Run("audit", "list", "--json", "--db", Db).Json();
        Assert.Contains(list.EnumerateArray(), e => e.GetProperty("action").GetString() == "denied" && e.GetProperty("operator").GetString() == "alice");
        Assert.Equal(0, Shuzhi().Run("audit", "verify", "--db", Db).ExitCode);
    }

    [Fact]
    public void The_operator_typed_over_ssh_is_ignored_with_a_warning()
    {
        Assert.Equal(0, Shuzhi().Run("operator", "add", "alice", "--db", Db).ExitCode);
        var env = new Dictionary<string, string?> { ["SSH_ORIGINAL_COMMAND"] = "operator whoami --json --operator root" };
        var r = Shuzhi(env).Run("--db", Db, "--operator", "alice");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal("alice", r.Json().GetProperty("name").GetString());
        Assert.True(r.Json().GetProperty("via_ssh").GetBoolean());
        Assert.Contains("已忽略命令中的 --operator", r.Stderr);
        var unbalanced = Shuzhi(new Dictionary<string, string?> { ["SSH_ORIGINAL_COMMAND"] = "audit list --org 'x" }).Run("--db", Db, "--operator", "alice");
        Assert.Equal(2, unbalanced.ExitCode);
        var responseFile = _dir.File("args.rsp");
        File.WriteAllText(responseFile, "--operator\nroot\n");
        var rsp = Shuzhi(new Dictionary<string, string?> { ["SSH_ORIGINAL_COMMAND"] = $"operator whoami --json @{responseFile}" }).Run("--db", Db, "--operator", "alice");
        Assert.NotEqual(0, rsp.ExitCode);
        Assert.DoesNotContain("\"root\"", rsp.Stdout);
    }

    [Fact]
    public void A_row_edited_with_raw_sql_makes_audit_verify_exit_1_naming_it()
    {
        Assert.Equal(0, Shuzhi().Run("operator", "add", "alice", "--db", Db).ExitCode);
        Assert.Equal(0, Shuzhi().Run("audit", "verify", "--db", Db).ExitCode);
        Sql("UPDATE operator SET created_by = 'nobody' WHERE name = 'alice'");
        var r = Shuzhi().Run("audit", "verify", "--db", Db, "--json");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("operator alice", r.Stderr);
        var first = r.Json().GetProperty("first_break");
        Assert.Equal("changed", first.GetProperty("kind").GetString());
        Assert.Equal("alice", first.GetProperty("key").GetString());
    }

    [Fact]
    public void A_plugin_modified_after_approval_is_not_loaded_and_reported_disabled()
    {
        var plugins = _dir.Dir("extra-plugins");
        var copy = Path.Combine(plugins, "Fixture.GoodPlugin");
        Directory.CreateDirectory(copy);
        foreach (var f in Directory.GetFiles(Path.Combine(RepoPaths.FixturePlugins, "Fixture.GoodPlugin")))
            File.Copy(f, Path.Combine(copy, Path.GetFileName(f)));
        var config = Path.Combine(_dir.Path, "config", "shuzhi");
        Directory.CreateDirectory(config);
        File.WriteAllText(Path.Combine(config, "settings.json"), """{ "Plugins": { "RequireApproval": true } }""");
        var env = new Dictionary<string, string?> { ["SHUZHI_PLUGINS"] = plugins };

        string Status(string id, out string? reason)
        {
            var r = Shuzhi(env).Run("plugin", "list", "--json", "--db", Db);
            Assert.True(r.ExitCode == 0, r.ToString());
            var p = r.Json().EnumerateArray().Single(x => x.GetProperty("id").GetString() == id);
            reason = p.GetProperty("reason").GetString();
            return p.GetProperty("status").GetString()!;
        }

        Assert.Equal("disabled", Status("fixture.fixture_good", out var why));
        Assert.Contains("未经批准", why);
        Assert.Equal("verified", Status("shuzhi.localities", out _)); // shipped: approved when the database was created
        Assert.Equal(0, Shuzhi(env).Run("plugin", "approve", "fixture.fixture_good", "--db", Db).ExitCode);
        Assert.Equal("verified", Status("fixture.fixture_good", out _));
        File.AppendAllText(Path.Combine(copy, "plugin.json"), "\n");
        Assert.Equal("disabled", Status("fixture.fixture_good", out why));
        Assert.Contains("批准后被改动", why);
    }

    [Fact]
    public void The_database_its_companions_backups_and_logs_are_owner_only()
    {
        Assert.Equal(0, Shuzhi().Run("operator", "add", "alice", "--db", Db).ExitCode);
        Assert.Equal(0, Shuzhi().Run("db", "backup", _dir.File("b.db"), "--db", Db).ExitCode);
        const UnixFileMode others = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite;
        foreach (var f in new[] { Db, _dir.File("b.db") }.Concat(Directory.GetFiles(_dir.Path, "i.db-*"))
                     .Concat(Directory.GetFiles(Path.Combine(_dir.Path, "shuzhi", "logs"))))
            Assert.True((File.GetUnixFileMode(f) & others) == 0, $"{f} is {File.GetUnixFileMode(f)}");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
            File.GetUnixFileMode(Path.Combine(_dir.Path, "shuzhi", "logs")));
    }

    [Fact]
    public void Log_files_carry_no_operator_names()
    {
        Assert.Equal(0, Shuzhi().Run("operator", "add", "alice_zhang", "--db", Db).ExitCode);
        Assert.Equal(3, Shuzhi().Run("operator", "list", "--db", Db, "--operator", "alice_zhang").ExitCode);
        Assert.Equal(3, Shuzhi().Run("plugin", "list", "--db", Db, "--operator", "mallory_li").ExitCode);
        var log = string.Concat(Directory.GetFiles(Path.Combine(_dir.Path, "shuzhi", "logs")).Select(File.ReadAllText));
        Assert.Contains("Refused", log);
        Assert.DoesNotContain("alice_zhang", log);
        Assert.DoesNotContain("mallory_li", log);
    }

    [ExternalFact("useradd", "passwd", NeedsRoot = true)]
    public void Another_os_account_cannot_open_the_database_nor_act_as_an_operator()
    {
        Assert.Equal(0, Shuzhi().Run("operator", "add", "alice", "--db", Db).ExitCode);
        // The other account may reach the folder, not the file.
        File.SetUnixFileMode(_dir.Path, (UnixFileMode)0b111_101_101);
        using var other = new OsAccount(_dir.Dir("home-other"));
        var read = other.Run("head", null, "-c", "16", Db);
        Assert.NotEqual(0, read.ExitCode);
        Assert.Contains("Permission denied", read.Stderr);

        var plain = other.Run(RepoPaths.Executable, null, "plugin", "list", "--db", Db);
        Assert.Equal(3, plain.ExitCode);
        Assert.Contains("不能打开它", plain.Stderr);
        var asAlice = other.Run(RepoPaths.Executable, null, "operator", "whoami", "--db", Db, "--operator", "alice");
        Assert.Equal(3, asAlice.ExitCode);
        Assert.Contains("--operator 只对数据库文件的所有者账户有效", asAlice.Stderr);
        Assert.DoesNotContain("   at ", asAlice.Stderr);
    }

    public void Dispose() => _dir.Dispose();
}
