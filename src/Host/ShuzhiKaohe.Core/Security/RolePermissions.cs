namespace ShuzhiKaohe.Core.Security;

/// <summary>
/// Which role may do what — the one table to read (and the one the tests pin). System permissions additionally
/// need a grant over the whole tree (<see cref="Scope.WholeTree"/>): a county administrator administers the
/// county's data, not the installation.
/// </summary>
public static class RolePermissions
{
    /// <summary>What every role but the clerk and the inspector may read.</summary>
    private static bool IsReading(Permission p) => p is Permission.OrganisationRead or Permission.CampaignRead
        or Permission.BallotResultsRead or Permission.EvaluationRead or Permission.RectificationRead or Permission.AuditRead
        or Permission.StatusRead;

    /// <summary>
    /// The table. Written as patterns rather than sets of an enum: every headless verb asks it once, and sets over a
    /// value type are compiled at run time on each start (issue 11).
    /// </summary>
    public static bool Allows(Role role, Permission p) => role switch
    {
        Role.Administrator => true,
        Role.Organiser => IsReading(p) || p is Permission.OrganisationWrite or Permission.CampaignManage or Permission.DebriefingWrite
            or Permission.InspectionWrite or Permission.BallotEntry or Permission.EvaluationWrite or Permission.RectificationWrite
            or Permission.ReportExport,
        Role.Inspector => p is Permission.OrganisationRead or Permission.CampaignRead or Permission.InspectionWrite or Permission.StatusRead,
        Role.Clerk => p is Permission.OrganisationRead or Permission.CampaignRead or Permission.BallotEntry or Permission.StatusRead,
        Role.Reader => IsReading(p) || p is Permission.ReportExport,
        _ => false,
    };

    /// <summary>The permissions that need a grant over the whole tree (scope <c>*</c>, no sector).</summary>
    public static bool NeedsWholeTree(Permission p) => p is Permission.DatabaseAdminister or Permission.PluginManage
        or Permission.OperatorManage or Permission.AuditVerify or Permission.BulkImport;

    /// <summary>The table as sets, for reading and for the tests that pin it.</summary>
    public static IReadOnlyDictionary<Role, IReadOnlySet<Permission>> Table =>
        Enum.GetValues<Role>().ToDictionary(r => r, r => (IReadOnlySet<Permission>)Enum.GetValues<Permission>().Where(p => Allows(r, p)).ToHashSet());

    /// <summary>The permissions that need a grant over the whole tree, as a set.</summary>
    public static IReadOnlySet<Permission> System => Enum.GetValues<Permission>().Where(NeedsWholeTree).ToHashSet();

    public static string Key(Role role) => role switch
    {
        Role.Administrator => "administrator",
        Role.Organiser => "organiser",
        Role.Inspector => "inspector",
        Role.Clerk => "clerk",
        _ => "reader",
    };

    public static Role? Parse(string? key) => key switch
    {
        "administrator" => Role.Administrator,
        "organiser" => Role.Organiser,
        "inspector" => Role.Inspector,
        "clerk" => Role.Clerk,
        "reader" => Role.Reader,
        _ => null,
    };

    public static string ChineseName(Role role) => role switch
    {
        Role.Administrator => "管理员",
        Role.Organiser => "组织者",
        Role.Inspector => "考核组成员",
        Role.Clerk => "计票员",
        _ => "查阅者",
    };

    /// <summary>How a refusal names what was attempted.</summary>
    public static string Describe(Permission p) => p switch
    {
        Permission.OrganisationRead => "查看组织",
        Permission.OrganisationWrite => "修改组织",
        Permission.CampaignRead => "查看考核",
        Permission.CampaignManage => "管理考核",
        Permission.DebriefingWrite => "录入述职与点评",
        Permission.InspectionWrite => "录入实地考核",
        Permission.BallotEntry => "录入测评票",
        Permission.BallotResultsRead => "查看测评结果",
        Permission.EvaluationRead => "查看综合评价",
        Permission.EvaluationWrite => "录入综合评价与等次",
        Permission.RectificationRead => "查看整改",
        Permission.RectificationWrite => "修改整改",
        Permission.ReportExport => "导出结果",
        Permission.AuditRead => "查看审计记录",
        Permission.StatusRead => "查看系统状态",
        Permission.DatabaseAdminister => "管理数据库",
        Permission.PluginManage => "管理插件",
        Permission.OperatorManage => "管理操作员",
        Permission.AuditVerify => "校验审计链",
        _ => "批量导入",
    };
}
