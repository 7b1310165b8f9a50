using ShuzhiKaohe.Core.Security;

namespace ShuzhiKaohe.Core.Tests.Security;

/// <summary>Pins the role → permission table of issue 9.</summary>
public sealed class RolePermissionsTests
{
    [Fact]
    public void Every_role_has_an_entry_and_may_read_status_and_organisations()
    {
        foreach (var role in Enum.GetValues<Role>())
        {
            Assert.True(RolePermissions.Allows(role, Permission.StatusRead), role.ToString());
            Assert.True(RolePermissions.Allows(role, Permission.OrganisationRead), role.ToString());
            Assert.Equal(role, RolePermissions.Parse(RolePermissions.Key(role)));
        }
    }

    [Fact]
    public void The_table_is_the_one_issue_9_fixed()
    {
        Permission[] reading =
        [
            Permission.OrganisationRead, Permission.CampaignRead, Permission.BallotResultsRead, Permission.EvaluationRead,
            Permission.RectificationRead, Permission.AuditRead, Permission.StatusRead,
        ];
        var expected = new Dictionary<Role, Permission[]>
        {
            [Role.Administrator] = Enum.GetValues<Permission>(),
            [Role.Organiser] =
            [
                .. reading, Permission.OrganisationWrite, Permission.CampaignManage, Permission.DebriefingWrite, Permission.InspectionWrite,
                Permission.BallotEntry, Permission.EvaluationWrite, Permission.RectificationWrite, Permission.ReportExport,
            ],
            [Role.Inspector] = [Permission.OrganisationRead, Permission.CampaignRead, Permission.InspectionWrite, Permission.StatusRead],
            [Role.Clerk] = [Permission.OrganisationRead, Permission.CampaignRead, Permission.BallotEntry, Permission.StatusRead],
            [Role.Reader] = [.. reading, Permission.ReportExport],
        };
        Assert.Equal(Enum.GetValues<Role>().Length, RolePermissions.Table.Count);
        foreach (var (role, permissions) in expected)
            Assert.Equal(permissions.Order(), RolePermissions.Table[role].Order());
        Permission[] system = [Permission.DatabaseAdminister, Permission.PluginManage, Permission.OperatorManage, Permission.AuditVerify, Permission.BulkImport];
        Assert.Equal(system.Order(), RolePermissions.System.Order());
    }

    [Fact]
    public void Administrators_hold_every_permission() =>
        Assert.All(Enum.GetValues<Permission>(), p => Assert.True(RolePermissions.Allows(Role.Administrator, p), p.ToString()));

    [Fact]
    public void Only_administrators_hold_system_permissions()
    {
        foreach (var p in RolePermissions.System)
            foreach (var role in Enum.GetValues<Role>().Where(r => r != Role.Administrator))
                Assert.False(RolePermissions.Allows(role, p), $"{role} {p}");
    }

    [Fact]
    public void Clerks_enter_ballots_and_see_no_results_grades_or_audit()
    {
        Assert.True(RolePermissions.Allows(Role.Clerk, Permission.BallotEntry));
        foreach (var p in new[] { Permission.BallotResultsRead, Permission.EvaluationRead, Permission.AuditRead, Permission.CampaignManage, Permission.InspectionWrite })
            Assert.False(RolePermissions.Allows(Role.Clerk, p), p.ToString());
    }

    [Fact]
    public void Inspectors_record_inspection_findings_only()
    {
        var writes = RolePermissions.Table[Role.Inspector].Where(p => p.ToString().EndsWith("Write", StringComparison.Ordinal) || p is Permission.BallotEntry or Permission.CampaignManage);
        Assert.Equal([Permission.InspectionWrite], writes);
    }

    [Fact]
    public void Readers_change_nothing()
    {
        var changing = new[]
        {
            Permission.OrganisationWrite, Permission.CampaignManage, Permission.DebriefingWrite, Permission.InspectionWrite,
            Permission.BallotEntry, Permission.EvaluationWrite, Permission.RectificationWrite,
        };
        Assert.All(changing, p => Assert.False(RolePermissions.Allows(Role.Reader, p), p.ToString()));
    }

    [Fact]
    public void Organisers_run_campaigns_but_do_not_administer_the_installation()
    {
        Assert.True(RolePermissions.Allows(Role.Organiser, Permission.CampaignManage));
        Assert.True(RolePermissions.Allows(Role.Organiser, Permission.EvaluationWrite));
        Assert.False(RolePermissions.Allows(Role.Organiser, Permission.OperatorManage));
        Assert.False(RolePermissions.Allows(Role.Organiser, Permission.AuditVerify));
    }
}
