using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Plugins;
using ShuzhiKaohe.Core.Security;
using ShuzhiKaohe.Testing;

namespace ShuzhiKaohe.Core.Tests.Security;

public sealed class PluginApprovalTests : IDisposable
{
    private readonly TempDir _dir = new("approve");

    private string FakePlugin(string name)
    {
        var folder = _dir.Dir(Path.Combine("plugins", name));
        File.WriteAllText(Path.Combine(folder, "plugin.json"), "{}");
        File.WriteAllText(Path.Combine(folder, "a.dll"), "code");
        Directory.CreateDirectory(Path.Combine(folder, "runtimes"));
        File.WriteAllText(Path.Combine(folder, "runtimes", "b.so"), "native");
        return folder;
    }

    private static PluginManifest Manifest(string id) => new(id, id, "1.0.0", "1.0", "a.dll", []);

    [Fact]
    public void The_folder_hash_covers_every_file_below_it_and_their_names()
    {
        var f = FakePlugin("p");
        var h = PluginApprovals.FolderHash(f);
        Assert.Equal(h, PluginApprovals.FolderHash(f));
        File.WriteAllText(Path.Combine(f, "runtimes", "b.so"), "native!");
        var changed = PluginApprovals.FolderHash(f);
        Assert.NotEqual(h, changed);
        File.Move(Path.Combine(f, "a.dll"), Path.Combine(f, "c.dll"));
        Assert.NotEqual(changed, PluginApprovals.FolderHash(f));
        File.WriteAllText(Path.Combine(f, "extra.dll"), "");
        Assert.Equal(64, PluginApprovals.FolderHash(f).Length);
    }

    [Fact]
    public void Before_any_database_exists_only_the_shipped_plugins_pass_the_gate()
    {
        var shipped = FakePlugin("shipped");
        var other = _dir.Dir("elsewhere");
        var gate = PluginApprovals.Gate(_dir.File("none.db"), Path.Combine(_dir.Path, "plugins"));
        Assert.Null(gate(Manifest("shipped"), shipped));
        Assert.Contains("未经批准", gate(Manifest("other"), other));
    }

    [Fact]
    public void Approved_plugins_pass_unapproved_and_modified_ones_are_disabled_with_the_reason()
    {
        var good = FakePlugin("good");
        var bad = FakePlugin("bad");
        using var h = new CoreHarness(_dir.File("a.db"), pluginPaths: [Path.Combine(_dir.Path, "plugins")], operatorName: "admin");
        // The fake folders are no real plugins: approve them as the seed does, by id and hash.
        using (var c = h.Get<Storage.Database>().Open())
        using (var tx = c.BeginTransaction(deferred: false))
        {
            PluginAdmin.Upsert(c, tx, h.Get<Audit.AuditTrail>(), "good", "1.0.0", PluginApprovals.FolderHash(good), "admin", "test");
            PluginAdmin.Upsert(c, tx, h.Get<Audit.AuditTrail>(), "bad", "1.0.0", PluginApprovals.FolderHash(bad), "admin", "test");
            tx.Commit();
        }
        File.AppendAllText(Path.Combine(bad, "a.dll"), "tampered");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var gate = PluginApprovals.Gate(_dir.File("a.db"), _dir.Dir("shipped-elsewhere"));
        Assert.Null(gate(Manifest("good"), good));
        Assert.Contains("批准后被改动", gate(Manifest("bad"), bad));
        Assert.Contains("plugin approve stranger", gate(Manifest("stranger"), FakePlugin("stranger")));
    }

    [Fact]
    public void Approving_and_revoking_need_a_whole_tree_administrator_and_are_audited()
    {
        using var h = new CoreHarness(_dir.File("b.db"), operatorName: "admin");
        var admin = h.Get<PluginAdmin>();
        var id = admin.List().First(l => l.Plugin.State == PluginState.Verified).Plugin.Id;
        admin.Approve(id);
        Assert.Equal("approved", admin.List().Single(l => l.Plugin.Id == id).Approval);
        admin.Revoke(id);
        Assert.Equal("unapproved", admin.List().Single(l => l.Plugin.Id == id).Approval);
        Assert.Throws<NotFoundException>(() => admin.Revoke(id));
        Assert.True(h.Get<Audit.AuditVerifier>().Verify().Ok);
        h.Get<OperatorAdmin>().Add("alice");
        using var alice = new CoreHarness(_dir.File("b.db"), operatorName: "alice");
        Assert.Throws<NotPermittedException>(() => alice.Get<PluginAdmin>().Approve(id));
    }

    public void Dispose() => _dir.Dispose();
}
