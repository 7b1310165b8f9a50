using Microsoft.Data.Sqlite;
using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Storage;
using ShuzhiKaohe.Testing;

namespace ShuzhiKaohe.Core.Tests;

public sealed class MigrationTests : IDisposable
{
    private readonly TempDir _dir = new("mig");

    private Database Db(string name = "m.db", params Migration[] extra) =>
        new(new DatabaseOptions(_dir.File(name)), new Migrator([new ListSource(extra)]));

    private sealed class ListSource(IEnumerable<Migration> migrations) : IMigrationSource
    {
        public IEnumerable<Migration> Migrations => migrations;
    }

    private static long Scalar(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar());
    }

    [Fact]
    public void An_empty_database_is_migrated_to_the_latest_version()
    {
        var report = Db().EnsureReady();
        Assert.Equal(Migrator.CoreMigrations.Count, report.Applied.Count);
        using var c = Db().Open();
        Assert.Equal(Migrator.CodeSchemaVersion, Migrator.ReadSchemaVersion(c));
        Assert.Equal(Migrator.CoreMigrations.Count, Scalar(c, "SELECT count(*) FROM schema_journal WHERE source='core'"));
        Assert.Null(report.BackupPath); // nothing to copy on a new file
    }

    [Fact]
    public void The_checksums_taken_at_build_time_are_the_run_time_hashes_of_the_embedded_scripts()
    {
        // Every process compares the journal with these (issue 11: no crypto library at start-up); a script saved with
        // a BOM or CRLF would make the build's file hash differ from the journaled hash of its text.
        var built = Migrator.BuildTimeHashes(typeof(Migrator).Assembly);
        Assert.Equal(Migrator.CoreMigrations.Count, built.Count);
        foreach (var m in Migrator.CoreMigrations)
        {
            Assert.Equal(Migration.Hash(m.Sql), built[$"{m.Version:D4}_{m.Name}"]);
            Assert.Equal(Migration.Hash(m.Sql), m.Checksum);
        }
    }

    [Fact]
    public void Running_again_changes_nothing()
    {
        Db().EnsureReady();
        var before = File.ReadAllBytes(_dir.File("m.db"));
        var again = Db().EnsureReady();
        Assert.Empty(again.Applied);
        Assert.Null(again.BackupPath);
        Assert.Empty(Directory.GetFiles(_dir.Path, "*.bak"));
    }

    [Fact]
    public void An_upgrade_takes_a_copy_first_and_applies_the_new_script()
    {
        Db().EnsureReady();
        var plugin = new Migration("fixture", 1, "things", "CREATE TABLE fixture_thing(id INTEGER PRIMARY KEY) STRICT;");
        var report = Db("m.db", plugin).EnsureReady();
        Assert.Single(report.Applied);
        Assert.NotNull(report.BackupPath);
        Assert.True(File.Exists(report.BackupPath));
        using var copy = new SqliteConnection($"Data Source={report.BackupPath}");
        copy.Open();
        Assert.Equal(0, Scalar(copy, "SELECT count(*) FROM sqlite_master WHERE name='fixture_thing'"));
    }

    [Fact]
    public void A_database_newer_than_the_code_is_refused_and_left_alone()
    {
        Db().EnsureReady();
        using (var c = new SqliteConnection($"Data Source={_dir.File("m.db")};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "INSERT INTO schema_journal VALUES ('core', 9999, 'future', 'x', 'now')";
            cmd.ExecuteNonQuery();
        }
        var before = File.ReadAllBytes(_dir.File("m.db"));
        var e = Assert.Throws<StorageException>(() => Db().EnsureReady());
        Assert.Contains("比本程序", e.Message);
        Assert.Contains("9999", e.Message);
    }

    [Fact]
    public void A_script_changed_after_it_was_applied_is_refused()
    {
        Db("m.db", new Migration("fixture", 1, "t", "CREATE TABLE fixture_a(x INTEGER) STRICT;")).EnsureReady();
        var e = Assert.Throws<StorageException>(() =>
            Db("m.db", new Migration("fixture", 1, "t", "CREATE TABLE fixture_a(x TEXT) STRICT;")).EnsureReady());
        Assert.Contains("校验和不符", e.Message);
    }

    [Fact]
    public void A_failing_script_leaves_the_database_unchanged()
    {
        Db().EnsureReady();
        var bad = new Migration("fixture", 1, "bad", "CREATE TABLE fixture_ok(x INTEGER); THIS IS NOT SQL;");
        var e = Assert.Throws<StorageException>(() => Db("m.db", bad).EnsureReady());
        Assert.Contains("数据库未改动", e.Message);
        using var c = Db().Open();
        Assert.Equal(0, Scalar(c, "SELECT count(*) FROM sqlite_master WHERE name='fixture_ok'"));
    }

    [Fact]
    public void Connections_run_with_foreign_keys_wal_and_a_busy_timeout()
    {
        using var c = Db().Open();
        Assert.Equal(1, Scalar(c, "PRAGMA foreign_keys"));
        Assert.True(Scalar(c, "PRAGMA busy_timeout") >= 1000);
        using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", cmd.ExecuteScalar());
    }

    public void Dispose() => _dir.Dispose();
}
