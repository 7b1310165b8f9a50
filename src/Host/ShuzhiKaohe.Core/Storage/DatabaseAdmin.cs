using Microsoft.Data.Sqlite;
using ShuzhiKaohe.Core.Security;

namespace ShuzhiKaohe.Core.Storage;

/// <summary>What <c>shuzhi db check</c> reports.</summary>
public sealed record DatabaseCheck(string Path, int SchemaVersion, int CodeSchemaVersion, bool IntegrityOk, IReadOnlyList<string> IntegrityMessages, string JournalMode, long SizeBytes);

/// <summary>What <c>shuzhi db init</c> did.</summary>
public sealed record DatabaseInit(string Path, int SchemaVersion, IReadOnlyList<string> Applied, string? BackupPath);

/// <summary>The database chores of an administrator: create, check, back up. Checking is open to every role.</summary>
public sealed class DatabaseAdmin(Database database, Authorizer authorizer)
{
    public DatabaseInit Init()
    {
        var report = database.EnsureReady();
        authorizer.Require(Permission.DatabaseAdminister);
        using var c = database.Open();
        return new DatabaseInit(database.Path, Migrator.ReadSchemaVersion(c),
            report.Applied.Select(m => $"{m.Source}/{m.Version:D4}_{m.Name}").ToList(), report.BackupPath);
    }

    /// <summary>The database's state. <paramref name="quick"/> runs <c>PRAGMA quick_check</c> (no index cross-check), fast enough
    /// for the console's first paint; the full <c>integrity_check</c> reads every page and index.</summary>
    public DatabaseCheck Check(bool quick = false)
    {
        authorizer.Require(Permission.StatusRead);
        using var c = database.Open();
        var messages = new List<string>();
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = quick ? "PRAGMA quick_check" : "PRAGMA integrity_check";
            using var r = cmd.ExecuteReader();
            while (r.Read()) messages.Add(r.GetString(0));
        }
        string mode;
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "PRAGMA journal_mode";
            mode = (string)cmd.ExecuteScalar()!;
        }
        var ok = messages is ["ok"];
        return new DatabaseCheck(database.Path, Migrator.ReadSchemaVersion(c), Migrator.CodeSchemaVersion, ok, messages, mode,
            new FileInfo(database.Path).Length);
    }

    /// <summary>A consistent copy through SQLite's online backup, safe while other operators write.</summary>
    public string BackupTo(string target)
    {
        authorizer.Require(Permission.DatabaseAdminister);
        using var c = database.Open();
        Backup.To(c, target);
        return Path.GetFullPath(target);
    }

    internal SqliteConnection OpenForTests() => database.Open();
}
