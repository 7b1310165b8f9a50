using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using ShuzhiKaohe.Core.Common;

namespace ShuzhiKaohe.Core.Storage;

/// <summary>One numbered migration script of the core or of a plugin.</summary>
/// <param name="Source">"core", or the plugin's sector key.</param>
public sealed record Migration(string Source, int Version, string Name, string Sql)
{
    private string? _checksum;

    /// <param name="checksum">The script's <see cref="Hash"/> taken at build time (the core's scripts), or null.</param>
    public Migration(string source, int version, string name, string sql, string? checksum) : this(source, version, name, sql) =>
        _checksum = checksum;

    /// <summary>SHA-256 of the script with LF line ends, as journaled in <c>schema_journal</c>.</summary>
    public string Checksum => _checksum ??= Hash(Sql);

    public static string Hash(string sql) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql.ReplaceLineEndings("\n"))));
}

/// <summary>What a migration run did.</summary>
public sealed record MigrationReport(IReadOnlyList<Migration> Applied, string? BackupPath)
{
    public static readonly MigrationReport Nothing = new([], null);
}

/// <summary>Supplies migrations to the migrator: the core's embedded scripts, and each loaded plugin's.</summary>
public interface IMigrationSource
{
    IEnumerable<Migration> Migrations { get; }
}

/// <summary>
/// Numbered, embedded <c>.sql</c> migrations journaled with SHA-256 checksums in <c>schema_journal</c>. Before
/// an existing database is upgraded a copy is taken beside it. A database with a core migration the code does
/// not know (newer than the code) is refused, and so is one whose applied script was changed since.
/// </summary>
public sealed class Migrator(IEnumerable<IMigrationSource> sources)
{
    public const string CoreSource = "core";

    /// <summary>The core's scripts: embedded resources named <c>NNNN_name.sql</c>.</summary>
    public static IReadOnlyList<Migration> CoreMigrations { get; } = LoadEmbedded();

    public static int CodeSchemaVersion => CoreMigrations.Count == 0 ? 0 : CoreMigrations[^1].Version;

    public MigrationReport Migrate(SqliteConnection connection, string databasePath)
    {
        Exec(connection, "PRAGMA journal_mode = WAL;");
        Exec(connection, """
            CREATE TABLE IF NOT EXISTS schema_journal (
                source     TEXT    NOT NULL,
                version    INTEGER NOT NULL,
                name       TEXT    NOT NULL,
                checksum   TEXT    NOT NULL,
                applied_at TEXT    NOT NULL,
                PRIMARY KEY (source, version)
            ) STRICT;
            """);
        var all = CoreMigrations.Concat(sources.SelectMany(s => s.Migrations))
            .OrderBy(m => m.Source == CoreSource ? 0 : 1).ThenBy(m => m.Source, StringComparer.Ordinal).ThenBy(m => m.Version)
            .ToList();

        var journal = ReadJournal(connection);
        CheckJournal(journal, all);
        var pending = all.Where(m => !journal.ContainsKey((m.Source, m.Version))).ToList();
        if (pending.Count == 0) return MigrationReport.Nothing;

        string? backup = null;
        if (journal.Count > 0 && databasePath != ":memory:")
            backup = Backup.CopyBeforeUpgrade(connection, databasePath, journal.Keys.Where(k => k.Source == CoreSource).Select(k => k.Version).DefaultIfEmpty(0).Max());

        var applied = new List<Migration>();
        using (var tx = connection.BeginTransaction(deferred: false))
        {
            // Another process may have migrated while we waited for the write lock: look again.
            journal = ReadJournal(connection, tx);
            foreach (var m in all.Where(m => !journal.ContainsKey((m.Source, m.Version))))
            {
                using (var cmd = connection.CreateCommand())
                {
                    cmd.Transaction = tx;
                    cmd.CommandText = m.Sql;
                    try { cmd.ExecuteNonQuery(); }
                    catch (SqliteException e)
                    {
                        throw new StorageException($"迁移 {m.Source}/{m.Version:D4}_{m.Name} 执行失败，数据库未改动：{e.Message}", e);
                    }
                }
                using (var j = connection.CreateCommand())
                {
                    j.Transaction = tx;
                    j.CommandText = "INSERT INTO schema_journal(source, version, name, checksum, applied_at) VALUES ($s, $v, $n, $c, $t)";
                    j.Parameters.AddWithValue("$s", m.Source);
                    j.Parameters.AddWithValue("$v", m.Version);
                    j.Parameters.AddWithValue("$n", m.Name);
                    j.Parameters.AddWithValue("$c", m.Checksum);
                    j.Parameters.AddWithValue("$t", DateTimeOffset.UtcNow.ToString("O"));
                    j.ExecuteNonQuery();
                }
                applied.Add(m);
            }
            tx.Commit();
        }
        return new MigrationReport(applied, backup);
    }

    /// <summary>The schema version recorded in the database (highest core migration applied).</summary>
    public static int ReadSchemaVersion(SqliteConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='schema_journal'";
        if (Convert.ToInt64(cmd.ExecuteScalar()) == 0) return 0;
        cmd.CommandText = "SELECT coalesce(max(version), 0) FROM schema_journal WHERE source = 'core'";
        return Convert.ToInt32(cmd.ExecuteScalar());
    }

    private static void CheckJournal(Dictionary<(string Source, int Version), string> journal, List<Migration> known)
    {
        var byKey = known.ToDictionary(m => (m.Source, m.Version));
        foreach (var ((source, version), checksum) in journal)
        {
            if (!byKey.TryGetValue((source, version), out var m))
            {
                if (source == CoreSource)
                    throw new StorageException(
                        $"数据库的结构版本（{journal.Keys.Where(k => k.Source == CoreSource).Max(k => k.Version)}）比本程序（{CodeSchemaVersion}）新：请使用新版程序打开它，本程序不会改动它。");
                continue; // a plugin that is not loaded now: its tables stay untouched.
            }
            if (!string.Equals(m.Checksum, checksum, StringComparison.Ordinal))
                throw new StorageException($"迁移 {source}/{version:D4}_{m.Name} 在应用后被修改过（校验和不符），拒绝继续：请使用与该数据库相符的程序版本。");
        }
    }

    private static Dictionary<(string Source, int Version), string> ReadJournal(SqliteConnection connection, SqliteTransaction? tx = null)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT source, version, checksum FROM schema_journal";
        using var r = cmd.ExecuteReader();
        var d = new Dictionary<(string Source, int Version), string>();
        while (r.Read()) d[(r.GetString(0), r.GetInt32(1))] = r.GetString(2);
        return d;
    }

    private static void Exec(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static IReadOnlyList<Migration> LoadEmbedded()
    {
        var asm = typeof(Migrator).Assembly;
        var hashes = BuildTimeHashes(asm);
        var list = new List<Migration>();
        foreach (var name in asm.GetManifestResourceNames().Where(n => n.EndsWith(".sql", StringComparison.Ordinal)))
        {
            // Resource names look like ShuzhiKaohe.Core.Storage.Migrations.0001_foundation.sql
            var file = name[(name.LastIndexOf(".Migrations.", StringComparison.Ordinal) + ".Migrations.".Length)..^4];
            var underscore = file.IndexOf('_');
            if (underscore < 1 || !int.TryParse(file[..underscore], out var version)) continue;
            using var stream = asm.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            list.Add(new Migration(CoreSource, version, file[(underscore + 1)..], reader.ReadToEnd(), hashes.GetValueOrDefault(file)));
        }
        list.Sort((a, b) => a.Version.CompareTo(b.Version));
        return list;
    }

    /// <summary>
    /// The scripts' hashes the build took (ShuzhiKaohe.Core.csproj, HashMigrationScripts): "NNNN_name HEX" lines.
    /// Missing (a build without the target) means every checksum is computed when first compared.
    /// </summary>
    internal static Dictionary<string, string> BuildTimeHashes(Assembly asm)
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        using var stream = asm.GetManifestResourceStream("ShuzhiKaohe.Core.Storage.Migrations.sha256");
        if (stream is null) return hashes;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
            if (line.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var name, var hex] && hex.Length == 64)
                hashes[name] = hex.ToLowerInvariant();
        return hashes;
    }
}
