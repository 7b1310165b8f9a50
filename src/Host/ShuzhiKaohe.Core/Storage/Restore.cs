using Microsoft.Data.Sqlite;
using ShuzhiKaohe.Core.Common;

namespace ShuzhiKaohe.Core.Storage;

/// <summary>A check a copy must pass before it may replace the live database (e.g. the audit chain verifies).</summary>
public interface IRestoreCheck
{
    /// <summary>Problems found in the candidate copy; empty when it may be restored.</summary>
    IReadOnlyList<string> Check(SqliteConnection candidate);
}

/// <summary>What <c>shuzhi db restore</c> did.</summary>
public sealed record RestoreResult(string RestoredFrom, string Database, string KeptOldAs, int SchemaVersion);

/// <summary>
/// Restores a backup into the live database. The copy is checked first — SQLite integrity, schema version not
/// newer than the code, migration checksums, and every registered <see cref="IRestoreCheck"/> — and nothing is
/// replaced unless all pass. The old database is kept beside it. The copy is written through SQLite's backup
/// API into the live file, so other operators' connections see either the old or the new database, never a mix.
/// </summary>
public sealed class DatabaseRestore(Database database, IEnumerable<IRestoreCheck> checks, Security.Authorizer authorizer)
{
    public RestoreResult RestoreFrom(string file)
    {
        authorizer.Require(Security.Permission.DatabaseAdminister);
        var source = Path.GetFullPath(file);
        if (!File.Exists(source)) throw new NotFoundException($"备份文件不存在：{source}");
        if (string.Equals(source, Path.GetFullPath(database.Path), StringComparison.Ordinal))
            throw new InvalidInputException("备份文件就是当前数据库本身");

        using var candidate = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = source, Mode = SqliteOpenMode.ReadOnly, Pooling = false,
        }.ToString());
        var problems = new List<string>();
        int version;
        try
        {
            candidate.Open();
            problems.AddRange(Integrity(candidate));
            version = Migrator.ReadSchemaVersion(candidate);
        }
        catch (SqliteException e)
        {
            throw new InvalidInputException($"{source} 不是可用的 SQLite 数据库：{e.Message}", e);
        }
        if (version == 0) problems.Add("没有结构版本记录（schema_journal）：不是本程序的数据库");
        if (version > Migrator.CodeSchemaVersion) problems.Add($"结构版本 {version} 比本程序（{Migrator.CodeSchemaVersion}）新");
        problems.AddRange(ChangedMigrations(candidate));
        if (problems.Count == 0)
            foreach (var check in checks) problems.AddRange(check.Check(candidate));
        if (problems.Count > 0)
            throw new InvalidInputException($"备份 {source} 未通过检查，当前数据库未改动：\n  " + string.Join("\n  ", problems));

        using var live = database.Open();
        var keep = KeepPath();
        Backup.To(live, keep);
        candidate.BackupDatabase(live);
        return new RestoreResult(source, database.Path, keep, version);
    }

    private string KeepPath()
    {
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss");
        var path = $"{database.Path}.before-restore-{stamp}.bak";
        for (var i = 2; File.Exists(path); i++) path = $"{database.Path}.before-restore-{stamp}.{i}.bak";
        return path;
    }

    private static IEnumerable<string> Integrity(SqliteConnection c)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA integrity_check";
        using var r = cmd.ExecuteReader();
        var lines = new List<string>();
        while (r.Read()) lines.Add(r.GetString(0));
        return lines is ["ok"] ? [] : lines.Select(l => "完整性检查：" + l);
    }

    private static IEnumerable<string> ChangedMigrations(SqliteConnection c)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='schema_journal'";
        if (Convert.ToInt64(cmd.ExecuteScalar()) == 0) yield break;
        cmd.CommandText = "SELECT version, checksum FROM schema_journal WHERE source = 'core'";
        using var r = cmd.ExecuteReader();
        var known = Migrator.CoreMigrations.ToDictionary(m => m.Version);
        while (r.Read())
            if (known.TryGetValue(r.GetInt32(0), out var m) && m.Checksum != r.GetString(1))
                yield return $"迁移 {m.Version:D4}_{m.Name} 的校验和与本程序不符";
    }
}
