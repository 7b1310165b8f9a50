using Microsoft.Data.Sqlite;
using ShuzhiKaohe.Core.Audit;
using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Plugins;
using ShuzhiKaohe.Core.Storage;

namespace ShuzhiKaohe.Core.Security;

/// <summary>A plugin as the list shows it, with its place on the allow-list.</summary>
/// <param name="Approval">approved | modified (files changed since approval) | unapproved.</param>
public sealed record PluginListing(PluginInfo Plugin, string Approval);

/// <summary>The plugin list and the allow-list: <c>shuzhi plugin list|check|approve|revoke</c>.</summary>
public sealed class PluginAdmin(Database database, PluginCatalog catalog, Authorizer authorizer, AuditTrail audit)
{
    public const string Entity = "plugin_approval";

    /// <summary>The plugins as this process has checked them: without loading code, a good one is <c>verified</c>.</summary>
    public IReadOnlyList<PluginListing> List()
    {
        authorizer.Require(Permission.StatusRead);
        return Listings();
    }

    /// <summary>Loads every verified plugin's code and lists the outcome: <c>loaded</c> or <c>malfunctioned</c> with the reason.</summary>
    public IReadOnlyList<PluginListing> Check()
    {
        authorizer.Require(Permission.StatusRead);
        catalog.LoadAll();
        return Listings();
    }

    private List<PluginListing> Listings()
    {
        Dictionary<string, string> approved;
        using (var c = database.Open()) approved = Approved(c, null);
        return catalog.Plugins.Select(p => new PluginListing(p, !approved.TryGetValue(p.Id, out var hash) ? "unapproved"
            : SafeHash(p.Folder) == hash ? "approved" : "modified")).ToList();
    }

    /// <summary>Puts the plugin's present files on the allow-list (again, after an update).</summary>
    public PluginListing Approve(string id)
    {
        authorizer.Require(Permission.PluginManage);
        var plugin = Find(id);
        var hash = PluginApprovals.FolderHash(plugin.Folder);
        using var c = database.Open();
        using var tx = c.BeginTransaction(deferred: false);
        Upsert(c, tx, audit, plugin.Id, plugin.Version, hash, authorizer.Who.Name, $"批准插件 {plugin.Id} {plugin.Version}（{plugin.Folder}）");
        tx.Commit();
        return new PluginListing(plugin, "approved");
    }

    public void Revoke(string id)
    {
        authorizer.Require(Permission.PluginManage);
        using var c = database.Open();
        using var tx = c.BeginTransaction(deferred: false);
        var before = audit.State(c, tx, Entity, id) ?? throw new NotFoundException($"插件 {id} 不在许可清单中");
        using (var cmd = c.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = "DELETE FROM plugin_approval WHERE plugin_id = $id";
            cmd.Parameters.AddWithValue("$id", id);
            cmd.ExecuteNonQuery();
        }
        audit.RecordChange(c, tx, "revoke", Entity, id, null, before, $"撤销插件 {id} 的批准");
        tx.Commit();
    }

    internal static void Upsert(SqliteConnection c, SqliteTransaction tx, AuditTrail audit, string id, string version, string hash, string by, string note)
    {
        var before = audit.State(c, tx, Entity, id);
        using (var cmd = c.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = """
                INSERT INTO plugin_approval(plugin_id, version, files_sha256, approved_by, approved_at)
                VALUES ($id, $version, $hash, $by, $at)
                ON CONFLICT(plugin_id) DO UPDATE SET version = excluded.version, files_sha256 = excluded.files_sha256,
                    approved_by = excluded.approved_by, approved_at = excluded.approved_at, row_version = row_version + 1
                """;
            cmd.Parameters.AddWithValue("$id", id);
            cmd.Parameters.AddWithValue("$version", version);
            cmd.Parameters.AddWithValue("$hash", hash);
            cmd.Parameters.AddWithValue("$by", by);
            cmd.Parameters.AddWithValue("$at", Clock.Now());
            cmd.ExecuteNonQuery();
        }
        audit.RecordChange(c, tx, "approve", Entity, id, null, before, note);
    }

    private PluginInfo Find(string id) =>
        catalog.Plugins.FirstOrDefault(p => p.Id == id)
        ?? throw new NotFoundException($"没有找到 id 为 {id} 的插件（用 `shuzhi plugin list` 查看找到的插件）");

    private static Dictionary<string, string> Approved(SqliteConnection c, SqliteTransaction? tx)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT plugin_id, files_sha256 FROM plugin_approval";
        using var r = cmd.ExecuteReader();
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        while (r.Read()) d[r.GetString(0)] = r.GetString(1);
        return d;
    }

    private static string? SafeHash(string folder)
    {
        try { return PluginApprovals.FolderHash(folder); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }
}

/// <summary>Timestamps written by the security tables: UTC, ISO 8601, milliseconds.</summary>
internal static class Clock
{
    public static string Now() => DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
