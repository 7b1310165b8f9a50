using System.Text;
using Microsoft.Data.Sqlite;
using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Plugins;

namespace ShuzhiKaohe.Core.Security;

/// <summary>
/// The plugin allow-list (issue 9 §5): plugin ids with the SHA-256 over their folder's files. With the setting
/// <c>Plugins:RequireApproval</c> on, <see cref="Gate"/> disables every plugin that is not approved or whose
/// files changed since approval.
/// </summary>
public static class PluginApprovals
{
    public const string RequireApprovalSetting = "Plugins:RequireApproval";

    /// <summary>
    /// SHA-256 over every file under the folder: for each file in ordinal order of its relative path ('/'
    /// separators), the path, a NUL, the file's own SHA-256 and a newline.
    /// </summary>
    public static string FolderHash(string folder)
    {
        var root = Path.GetFullPath(folder);
        // Arrays and Array.Sort rather than LINQ over tuples: `plugin list` hashes every approved plugin on each
        // run, and generic code over a tuple is compiled at run time on each start (issue 11).
        var full = Directory.GetFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 });
        var relative = new string[full.Length];
        for (var i = 0; i < full.Length; i++) relative[i] = Path.GetRelativePath(root, full[i]).Replace(Path.DirectorySeparatorChar, '/');
        Array.Sort(relative, full, StringComparer.Ordinal);
        // Managed SHA-256 (Common/Sha256.cs): the same digests without loading OpenSSL on every `plugin list`.
        var all = new Sha256();
        for (var i = 0; i < full.Length; i++)
        {
            string fileHash;
            using (var stream = File.OpenRead(full[i])) fileHash = Sha256.HexOf(stream);
            all.Append(Encoding.UTF8.GetBytes($"{relative[i]}\0{fileHash}\n"));
        }
        return Convert.ToHexStringLower(all.Finish());
    }

    /// <summary>
    /// The loader's gate. Runs before host services exist, so it reads the allow-list straight from the
    /// database, read-only. Before the allow-list exists (no database yet, or one from before it) the plugins
    /// shipped beside the executable pass: they are approved when the database is created.
    /// </summary>
    public static Func<PluginManifest, string, string?> Gate(string databasePath, string shippedPluginsFolder)
    {
        var approved = ReadAllowList(databasePath);
        var shipped = Path.GetFullPath(shippedPluginsFolder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return (manifest, folder) =>
        {
            if (approved is null)
                return Path.GetFullPath(folder).StartsWith(shipped, StringComparison.Ordinal) ? null
                    : $"未经批准（已开启 {RequireApprovalSetting}，数据库中尚无插件许可清单）";
            if (!approved.TryGetValue(manifest.Id, out var hash))
                return $"未经批准（已开启 {RequireApprovalSetting}）：请管理员核对后运行 `shuzhi plugin approve {manifest.Id}`";
            string now;
            try { now = FolderHash(folder); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return $"无法读取插件文件以核对批准：{e.Message}"; }
            return now == hash ? null
                : $"插件文件在批准后被改动（SHA-256 不符），不予加载：请管理员核对后重新运行 `shuzhi plugin approve {manifest.Id}`";
        };
    }

    /// <summary>Approved id → folder hash; null when there is no database or no allow-list table yet.</summary>
    private static Dictionary<string, string>? ReadAllowList(string databasePath)
    {
        if (!File.Exists(databasePath)) return null;
        var cs = new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        try
        {
            using var c = new SqliteConnection(cs);
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'plugin_approval'";
            if (Convert.ToInt64(cmd.ExecuteScalar()) == 0) return null;
            cmd.CommandText = "SELECT plugin_id, files_sha256 FROM plugin_approval";
            using var r = cmd.ExecuteReader();
            var d = new Dictionary<string, string>(StringComparer.Ordinal);
            while (r.Read()) d[r.GetString(0)] = r.GetString(1);
            return d;
        }
        catch (SqliteException)
        {
            // Unreadable here means nothing is approved; opening the database later reports why.
            return [];
        }
    }
}
