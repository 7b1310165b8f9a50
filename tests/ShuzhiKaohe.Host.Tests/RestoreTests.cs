using ShuzhiKaohe.Testing;

namespace ShuzhiKaohe.Host.Tests;

public sealed class RestoreTests : IDisposable
{
    private readonly TempDir _dir = new("restore");
    private ShuzhiProcess Shuzhi() => new(_dir.Path);

    private void Exec(string db, string sql)
    {
        using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private long Count(string db, string sql)
    {
        using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Pooling=False;Mode=ReadOnly");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar());
    }

    [Fact]
    public void A_backup_restores_over_a_changed_database_and_the_old_one_is_kept()
    {
        var db = _dir.File("live.db");
        Assert.Equal(0, Shuzhi().Run("db", "init", "--db", db).ExitCode);
        Exec(db, "INSERT INTO app_setting(key, value) VALUES ('marker', 'before')");
        Assert.Equal(0, Shuzhi().Run("db", "backup", _dir.File("copy.db"), "--db", db).ExitCode);
        Exec(db, "UPDATE app_setting SET value = 'after' WHERE key = 'marker'");

        var r = Shuzhi().Run("db", "restore", _dir.File("copy.db"), "--db", db, "--json");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal(1, Count(db, "SELECT count(*) FROM app_setting WHERE key='marker' AND value='before'"));
        var kept = r.Json().GetProperty("kept_old_as").GetString()!;
        Assert.Equal(1, Count(kept, "SELECT count(*) FROM app_setting WHERE key='marker' AND value='after'"));
    }

    [Fact]
    public void A_damaged_or_foreign_file_is_refused_and_nothing_is_replaced()
    {
        var db = _dir.File("live.db");
        Assert.Equal(0, Shuzhi().Run("db", "init", "--db", db).ExitCode);
        Exec(db, "INSERT INTO app_setting(key, value) VALUES ('marker', 'live')");
        File.WriteAllText(_dir.File("junk.db"), "this is not a database at all, just text");
        var junk = Shuzhi().Run("db", "restore", _dir.File("junk.db"), "--db", db);
        Assert.Equal(1, junk.ExitCode);
        Assert.Contains("junk.db", junk.Stderr);

        var foreign = _dir.File("foreign.db");
        Exec(foreign, "CREATE TABLE t(x)");
        var f = Shuzhi().Run("db", "restore", foreign, "--db", db);
        Assert.Equal(1, f.ExitCode);
        Assert.Contains("不是本程序的数据库", f.Stderr);
        Assert.Contains("当前数据库未改动", f.Stderr);
        Assert.Equal(1, Count(db, "SELECT count(*) FROM app_setting WHERE key='marker'"));
        Assert.Empty(Directory.GetFiles(_dir.Path, "*before-restore*"));
    }

    [Fact]
    public void A_copy_newer_than_the_program_is_refused()
    {
        var db = _dir.File("live.db");
        var newer = _dir.File("newer.db");
        Assert.Equal(0, Shuzhi().Run("db", "init", "--db", db).ExitCode);
        Assert.Equal(0, Shuzhi().Run("db", "backup", newer, "--db", db).ExitCode);
        Exec(newer, "INSERT INTO schema_journal VALUES ('core', 9999, 'future', 'x', 'now')");
        var r = Shuzhi().Run("db", "restore", newer, "--db", db);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("9999", r.Stderr);
    }

    [Fact]
    public void A_copy_whose_audited_data_was_edited_behind_the_programs_back_is_refused()
    {
        var db = _dir.File("live.db");
        var copy = _dir.File("tampered.db");
        Assert.Equal(0, Shuzhi().Run("operator", "add", "alice", "--db", db).ExitCode);
        Assert.Equal(0, Shuzhi().Run("db", "backup", copy, "--db", db).ExitCode);
        Exec(copy, "UPDATE operator SET created_by = 'mallory' WHERE name = 'alice'");
        var r = Shuzhi().Run("db", "restore", copy, "--db", db);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("审计", r.Stderr);
        Assert.Contains("当前数据库未改动", r.Stderr);
    }

    public void Dispose() => _dir.Dispose();
}
