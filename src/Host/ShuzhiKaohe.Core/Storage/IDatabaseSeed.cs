using Microsoft.Data.Sqlite;

namespace ShuzhiKaohe.Core.Storage;

/// <summary>
/// Data a feature must find in every database (e.g. the first administrator). <see cref="Database"/> asks
/// <see cref="IsNeeded"/> once per process after the migrations — a read, so a start that finds nothing to do
/// takes no write lock — and only then runs <see cref="Seed"/> in its own write transaction, where the seed
/// checks again for itself, so it is safe against another process seeding at the same moment and after a crash.
/// </summary>
public interface IDatabaseSeed
{
    bool IsNeeded(SqliteConnection connection);

    void Seed(SqliteConnection connection, SqliteTransaction transaction);
}
