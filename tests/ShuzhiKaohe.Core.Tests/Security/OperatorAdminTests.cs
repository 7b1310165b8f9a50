using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Security;

namespace ShuzhiKaohe.Core.Tests.Security;

public sealed class OperatorAdminTests : IDisposable
{
    private readonly SecurityBed _bed = new();
    private OperatorAdmin Admin => _bed.Admin.Get<OperatorAdmin>();

    [Fact]
    public void The_database_creator_is_the_first_whole_tree_administrator()
    {
        var admin = Assert.Single(Admin.List());
        Assert.Equal("admin", admin.Name);
        var g = Assert.Single(admin.Grants);
        Assert.Equal((Role.Administrator, "*", (string?)null), (g.Role, g.Scope.Code, g.Scope.Sector));
    }

    [Fact]
    public void Grants_name_a_real_organisation_a_known_role_and_are_not_duplicated()
    {
        Admin.Add("alice");
        Assert.Throws<NotFoundException>(() => Admin.Grant("alice", "reader", "999", null));
        Assert.Contains("organiser", Assert.Throws<InvalidInputException>(() => Admin.Grant("alice", "boss", "11", null)).Message);
        Assert.Throws<NotFoundException>(() => Admin.Grant("nobody", "reader", "11", null));
        Admin.Grant("alice", "reader", "11", null);
        Assert.Contains("已有相同", Assert.Throws<InvalidInputException>(() => Admin.Grant("alice", "reader", "11", null)).Message);
        Admin.Grant("alice", "reader", "11", "soe");
        Assert.Throws<InvalidInputException>(() => Admin.Add("alice"));
    }

    [Fact]
    public void The_last_whole_tree_administrator_cannot_be_revoked()
    {
        Assert.Contains("最后一个", Assert.Throws<InvalidInputException>(() => Admin.Revoke("admin", "administrator", "*", null)).Message);
        var second = _bed.Operator("second", Role.Administrator, "*").Get<OperatorAdmin>();
        Admin.Revoke("admin", "administrator", "*", null);
        Assert.Contains(second.List(includeRevoked: true).Single(a => a.Name == "admin").Grants, g => !g.Active && g.RevokedBy == "admin");
        Assert.Throws<Core.Common.NotPermittedException>(() => Admin.List());
    }

    [Fact]
    public void Only_a_whole_tree_administrator_manages_operators()
    {
        var organiser = _bed.Operator("alice", Role.Organiser, "11").Get<OperatorAdmin>();
        Assert.Throws<NotPermittedException>(() => organiser.Add("bob"));
        Assert.Throws<NotPermittedException>(() => organiser.Grant("alice", "administrator", "*", null));
        Assert.Throws<NotPermittedException>(() => organiser.List());
        Assert.Equal("alice", organiser.WhoAmI().Name);
    }

    [Fact]
    public void The_ssh_line_forces_the_program_with_the_operators_name()
    {
        Admin.Add("alice");
        var key = Path.Combine(_bed.Folder, "alice.pub");
        File.WriteAllText(key, "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB0w1t8vQ3Xw3O3iJ6m6k2pX9o0v0j8g4l1f9qg5hV5A alice@laptop\n");
        Assert.Equal(
            "command=\"/opt/shuzhi/shuzhi --operator alice\",restrict,pty ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB0w1t8vQ3Xw3O3iJ6m6k2pX9o0v0j8g4l1f9qg5hV5A alice@laptop",
            Admin.SshLine("alice", key, "/opt/shuzhi/shuzhi"));
        File.WriteAllText(key, "command=\"sh\" ssh-ed25519 AAAA x\n");
        Assert.Throws<InvalidInputException>(() => Admin.SshLine("alice", key, "/opt/shuzhi/shuzhi"));
        Assert.Throws<NotFoundException>(() => Admin.SshLine("bob", key, "/opt/shuzhi/shuzhi"));
    }

    public void Dispose() => _bed.Dispose();
}
