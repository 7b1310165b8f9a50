using Microsoft.Data.Sqlite;

namespace ShuzhiKaohe.Core.Storage;

/// <summary>
/// Data a feature must find in every database (e.g. the first administrator). Run by <see cref="Database"/>
/// once per process after the migrations, each in its own write transaction; a seed checks for itself
/// whether anything is missing, so it is safe to run on every start and after a crash.
/// </summary>
public interface IDatabaseSeed
{
    void Seed(SqliteConnection connection, SqliteTransaction transaction);
}
