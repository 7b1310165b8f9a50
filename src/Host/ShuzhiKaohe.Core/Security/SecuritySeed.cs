using Microsoft.Data.Sqlite;
using ShuzhiKaohe.Core.Audit;
using ShuzhiKaohe.Core.Plugins;
using ShuzhiKaohe.Core.Storage;

namespace ShuzhiKaohe.Core.Security;

/// <summary>
/// A database without operators was just created (or predates operators): the account that created it becomes
/// the first administrator over the whole tree, and the plugins shipped in the program's own plugins/ folder
/// are approved (issue 9 §1, §5). Audited like every other change; the trail starts here.
/// </summary>
internal sealed class SecuritySeed(DatabaseCreator creator, AppPaths paths, AuditTrail audit) : IDatabaseSeed
{
    public bool IsNeeded(SqliteConnection connection) => OperatorStore.Count(connection, null) == 0;

    public void Seed(SqliteConnection connection, SqliteTransaction tx)
    {
        if (OperatorStore.Count(connection, tx) > 0) return;
        var now = Clock.Now();
        OperatorStore.Insert(connection, tx, creator.Name, creator.Name, now);
        audit.RecordChange(connection, tx, "create", OperatorAdmin.OperatorEntity, creator.Name, null, null, "创建数据库的账户成为第一位管理员");
        var id = OperatorStore.InsertGrant(connection, tx, creator.Name, Role.Administrator, new Scope(Scope.WholeTreeCode, null), creator.Name, now);
        audit.RecordChange(connection, tx, "grant", OperatorAdmin.GrantEntity, id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            null, null, $"授予 {creator.Name} administrator @ *");

        foreach (var folder in PluginBootstrapper.EnumeratePluginFolders([paths.ShippedPlugins]))
        {
            PluginManifest manifest;
            try { manifest = PluginManifest.Read(folder); }
            catch (Exception e) when (e is ManifestException or IOException) { continue; }
            PluginAdmin.Upsert(connection, tx, audit, manifest.Id, manifest.Version, PluginApprovals.FolderHash(folder), creator.Name,
                $"随程序发布的插件在创建数据库时获批准（{folder}）");
        }
    }
}
