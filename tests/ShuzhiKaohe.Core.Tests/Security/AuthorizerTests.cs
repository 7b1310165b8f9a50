using ShuzhiKaohe.Core.Audit;
using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Organisations;
using ShuzhiKaohe.Core.Security;
using ShuzhiKaohe.Core.Storage;

namespace ShuzhiKaohe.Core.Tests.Security;

public sealed class AuthorizerTests : IDisposable
{
    private readonly SecurityBed _bed = new();

    [Fact]
    public void An_organiser_acts_in_their_subtree_but_not_in_a_sibling_or_the_parent()
    {
        var a = _bed.Operator("alice", Role.Organiser, "11").Get<Authorizer>();
        Assert.True(a.Can(Permission.CampaignManage, "11"));
        Assert.True(a.Can(Permission.CampaignManage, "111"));
        Assert.True(a.Can(Permission.CampaignManage, "112"));
        Assert.False(a.Can(Permission.CampaignManage, "12"));
        Assert.False(a.Can(Permission.CampaignManage, "121"));
        Assert.False(a.Can(Permission.CampaignManage, "1"));
        Assert.True(a.CanSee("111"));
        Assert.False(a.CanSee("12"));
    }

    [Fact]
    public void A_sector_narrowed_grant_covers_only_that_sectors_organisations_in_the_subtree()
    {
        var r = _bed.Operator("guozi", Role.Reader, "1", "soe").Get<Authorizer>();
        Assert.True(r.CanSee("112"));
        Assert.True(r.CanSee("122"));
        Assert.False(r.CanSee("111"));
        Assert.False(r.CanSee("1"));
        var county = _bed.Operator("guozi_a", Role.Reader, "11", "soe").Get<Authorizer>();
        Assert.True(county.CanSee("112"));
        Assert.False(county.CanSee("122"));
    }

    [Fact]
    public void A_county_administrator_administers_the_county_but_not_the_installation()
    {
        var a = _bed.Operator("county_admin", Role.Administrator, "11").Get<Authorizer>();
        Assert.True(a.Can(Permission.EvaluationWrite, "111"));
        Assert.False(a.Can(Permission.EvaluationWrite, "12"));
        Assert.False(a.Can(Permission.OperatorManage));
        Assert.False(a.Can(Permission.DatabaseAdminister));
        Assert.True(_bed.Admin.Get<Authorizer>().Can(Permission.OperatorManage));
    }

    [Fact]
    public void A_revoked_grant_stops_at_once_for_a_session_that_stays_open()
    {
        var alice = _bed.Operator("alice", Role.Organiser, "11").Get<Authorizer>();
        Assert.True(alice.Can(Permission.CampaignManage, "11"));
        _bed.Admin.Get<OperatorAdmin>().Revoke("alice", "organiser", "11", null);
        Assert.False(alice.Can(Permission.CampaignManage, "11"));
    }

    [Fact]
    public void A_refusal_exits_3_names_what_was_refused_and_is_audited()
    {
        var clerk = _bed.Operator("clerk1", Role.Clerk, "11").Get<Authorizer>();
        var e = Assert.Throws<NotPermittedException>(() => clerk.Require(Permission.EvaluationRead, "111"));
        Assert.Equal(3, e.ExitCode);
        Assert.Contains("clerk1", e.Message);
        Assert.Contains("查看综合评价", e.Message);
        Assert.Equal(1, _bed.Scalar("SELECT count(*) FROM audit_entry WHERE action = 'denied' AND operator = 'clerk1' AND entity_key = 'EvaluationRead' AND org_code = '111'"));
    }

    [Fact]
    public void An_unregistered_operator_is_refused_and_the_attempt_audited()
    {
        var e = Assert.Throws<NotPermittedException>(() => _bed.As("mallory").Get<Authorizer>().EnsureKnown());
        Assert.Contains("未登记", e.Message);
        Assert.Equal(1, _bed.Scalar("SELECT count(*) FROM audit_entry WHERE action = 'denied' AND operator = 'mallory'"));
        _bed.Admin.Get<Authorizer>().EnsureKnown();
    }

    [Fact]
    public void An_organisation_that_does_not_exist_is_in_nobodys_subtree()
    {
        var a = _bed.Operator("alice", Role.Organiser, "11").Get<Authorizer>();
        Assert.False(a.Can(Permission.CampaignRead, "999"));
        Assert.True(_bed.Admin.Get<Authorizer>().Can(Permission.CampaignRead, "999"));
    }

    [Fact]
    public void The_scope_predicate_filters_a_list_to_the_granted_subtrees()
    {
        var alice = _bed.Operator("alice", Role.Organiser, "11");
        _bed.Admin.Get<OperatorAdmin>().Grant("alice", "reader", "12", "soe");
        var scope = alice.Get<Authorizer>().ScopeOf(Permission.OrganisationRead);
        Assert.False(scope.WholeTree);
        using var c = _bed.Raw();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT code FROM organisation o WHERE {scope.Predicate(cmd, "o.code", "s")} ORDER BY code";
        var codes = new List<string>();
        using (var r = cmd.ExecuteReader()) while (r.Read()) codes.Add(r.GetString(0));
        Assert.Equal(["11", "111", "112", "122"], codes);
        Assert.True(_bed.Admin.Get<Authorizer>().ScopeOf(Permission.OrganisationRead).WholeTree);
        Assert.True(alice.Get<Authorizer>().ScopeOf(Permission.OperatorManage).IsEmpty);
    }

    [Fact]
    public void Audit_list_shows_an_operator_only_the_entries_of_their_scope()
    {
        var alice = _bed.Operator("alice", Role.Organiser, "11");
        _bed.Operator("bob", Role.Organiser, "12");
        var seen = alice.Get<AuditLog>().List();
        Assert.NotEmpty(seen);
        Assert.All(seen, e => Assert.Contains(e.OrgCode, new[] { "11", "111", "112" }));
        Assert.Throws<NotPermittedException>(() => alice.Get<AuditLog>().List("12"));
        Assert.Contains(_bed.Admin.Get<AuditLog>().List("12"), e => e.Summary.Contains("bob", StringComparison.Ordinal));
    }

    [Fact]
    public void Database_chores_need_a_whole_tree_administrator_but_status_is_open_to_every_role()
    {
        var reader = _bed.Operator("r", Role.Reader, "11");
        Assert.True(reader.Get<DatabaseAdmin>().Check().IntegrityOk);
        Assert.Throws<NotPermittedException>(() => reader.Get<DatabaseAdmin>().BackupTo(Path.Combine(_bed.Folder, "copy.db")));
        Assert.False(File.Exists(Path.Combine(_bed.Folder, "copy.db")));
    }

    [Fact]
    public void Scope_roots_name_the_top_organisations()
    {
        var alice = _bed.Operator("alice", Role.Organiser, "11").Get<Authorizer>();
        var roots = alice.ScopeRoots();
        Assert.Equal("A县委", Assert.Single(roots).Top?.Name);
        Assert.Null(_bed.Admin.Get<Authorizer>().ScopeRoots().Single().Top);
    }

    public void Dispose() => _bed.Dispose();
}
