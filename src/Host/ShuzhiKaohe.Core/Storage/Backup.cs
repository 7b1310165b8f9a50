using Microsoft.Data.Sqlite;
using ShuzhiKaohe.Core.Common;

namespace ShuzhiKaohe.Core.Storage;

/// <summary>Copies of the database through SQLite's online backup API: consistent while others write.</summary>
public static class Backup
{
    /// <summary>Writes a consistent copy of <paramref name="source"/> to <paramref name="target"/> (owner-only).</summary>
    public static void To(SqliteConnection source, string target)
    {
        var full = Path.GetFullPath(target);
        var folder = Path.GetDirectoryName(full);
        if (folder is null || !Directory.Exists(folder))
            throw new InvalidInputException($"备份目标所在的文件夹不存在：{folder}");
        if (File.Exists(full))
            throw new InvalidInputException($"备份目标已存在，不会覆盖：{full}");
        var temp = full + ".partial";
        File.Delete(temp);
        OwnerOnlyFile.Create(temp);
        try
        {
            using (var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = temp, Pooling = false }.ToString()))
            {
                destination.Open();
                source.BackupDatabase(destination);
                using var cmd = destination.CreateCommand();
                // A backup is a single self-contained file: no -wal beside it.
                cmd.CommandText = "PRAGMA journal_mode = DELETE;";
                cmd.ExecuteNonQuery();
            }
            File.Move(temp, full);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>The automatic copy before an upgrade: <c>NAME.pre-vN.bak</c> beside the database (numbered if taken).</summary>
    internal static string CopyBeforeUpgrade(SqliteConnection connection, string databasePath, int fromVersion)
    {
        var basePath = $"{databasePath}.pre-v{fromVersion}";
        var path = basePath + ".bak";
        for (var i = 2; File.Exists(path); i++) path = $"{basePath}.{i}.bak";
        To(connection, path);
        return path;
    }
}
