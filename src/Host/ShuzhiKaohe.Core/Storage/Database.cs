using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Data.Sqlite;
using ShuzhiKaohe.Core.Common;

namespace ShuzhiKaohe.Core.Storage;

/// <summary>Where the database is and how long a writer waits for another.</summary>
public sealed record DatabaseOptions(string Path, int BusyTimeoutMs = 15_000);

/// <summary>
/// The one SQLite file all operators share. The file is created (owner-only) and migrated on first use, as
/// sqlite3 does; every connection runs with foreign keys on and a busy timeout, in WAL mode.
/// </summary>
public sealed class Database
{
    private readonly DatabaseOptions _options;
    private readonly Migrator _migrator;
    private readonly IReadOnlyList<IDatabaseSeed> _seeds;
    private readonly string _connectionString;
    private readonly Lock _gate = new();
    private bool _ready;

    private readonly ILogger _log;

    public Database(DatabaseOptions options, Migrator migrator, IEnumerable<IDatabaseSeed>? seeds = null, ILogger<Database>? log = null)
    {
        _log = log ?? (ILogger)NullLogger.Instance;
        _options = options;
        _migrator = migrator;
        _seeds = seeds?.ToList() ?? [];
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = options.Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            DefaultTimeout = Math.Max(1, options.BusyTimeoutMs / 1000),
            Pooling = true,
        }.ToString();
    }

    public string Path => _options.Path;

    /// <summary>Opens a connection to a database that exists and is at the code's schema version.</summary>
    public SqliteConnection Open()
    {
        EnsureReady();
        return OpenRaw();
    }

    /// <summary>Creates the file if missing, applies pending migrations and runs the seeds (once per process).</summary>
    public MigrationReport EnsureReady()
    {
        lock (_gate)
        {
            if (_ready) return MigrationReport.Nothing;
            CheckLocation();
            using var connection = OpenRaw();
            StartupTrace.Mark("database connection open");
            var report = _migrator.Migrate(connection, _options.Path);
            StartupTrace.Mark("schema checked");
            // A schema change is an event an administrator looks for in the log (docs/operations.md, upgrades).
            if (report.Applied.Count > 0)
                _log.LogInformation("Database {Path}: applied {Count} migration(s) up to {Last}; copy before upgrade: {Backup}",
                    _options.Path, report.Applied.Count, $"{report.Applied[^1].Source}/{report.Applied[^1].Version:D4}", report.BackupPath ?? "none (new database)");
            foreach (var seed in _seeds.Where(s => s.IsNeeded(connection)))
            {
                using var tx = connection.BeginTransaction(deferred: false);
                seed.Seed(connection, tx);
                tx.Commit();
            }
            _ready = true;
            return report;
        }
    }

    internal SqliteConnection OpenRaw()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new StorageException($"无法打开数据库 {_options.Path}：{e.Message}", e);
        }
        using var pragma = connection.CreateCommand();
        pragma.CommandText = $"PRAGMA busy_timeout = {_options.BusyTimeoutMs}; PRAGMA synchronous = NORMAL;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    private void CheckLocation()
    {
        var full = System.IO.Path.GetFullPath(_options.Path);
        var folder = System.IO.Path.GetDirectoryName(full);
        if (folder is null || !Directory.Exists(folder))
            throw new StorageException($"数据库所在的文件夹不存在：{folder}（数据库路径 {full}；请先创建该文件夹，或用 --db 指定其他路径）");
        if (Directory.Exists(full))
            throw new StorageException($"数据库路径是一个文件夹，不是文件：{full}");
        if (!File.Exists(full))
        {
            try
            {
                // Owner-only from the first byte: the data is personnel evaluation.
                OwnerOnlyFile.Create(full);
            }
            catch (IOException) when (File.Exists(full))
            {
                // Another process created it first: fine.
            }
            catch (UnauthorizedAccessException e)
            {
                throw new StorageException($"无权在文件夹 {folder} 中创建数据库文件：{e.Message}", e);
            }
            catch (IOException e)
            {
                throw new StorageException($"无法创建数据库文件 {full}：{e.Message}", e);
            }
        }
    }
}
