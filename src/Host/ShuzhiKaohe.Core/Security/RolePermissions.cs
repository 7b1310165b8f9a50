namespace ShuzhiKaohe.Core.Security;

/// <summary>
/// Which role may do what — the one table to read (and the one the tests pin). System permissions additionally
/// need a grant over the whole tree (<see cref="Scope.WholeTree"/>): a county administrator administers the
/// county's data, not the installation.
/// </summary>
public static class RolePermissions
{
    private static readonly Permission[] Reading =
    [
        Permission.OrganisationRead, Permission.CampaignRead, Permission.BallotResultsRead, Permission.EvaluationRead,
        Permission.RectificationRead, Permission.AuditRead, Permission.StatusRead,
    ];

    public static readonly IReadOnlyDictionary<Role, IReadOnlySet<Permission>> Table = new Dictionary<Role, IReadOnlySet<Permission>>
    {
        [Role.Administrator] = Enum.GetValues<Permission>().ToHashSet(),
        [Role.Organiser] = Reading.Concat(
        [
            Permission.OrganisationWrite, Permission.CampaignManage, Permission.DebriefingWrite, Permission.InspectionWrite,
            Permission.BallotEntry, Permission.EvaluationWrite, Permission.RectificationWrite, Permission.ReportExport,
        ]).ToHashSet(),
        [Role.Inspector] = new HashSet<Permission> { Permission.OrganisationRead, Permission.CampaignRead, Permission.InspectionWrite, Permission.StatusRead },
        [Role.Clerk] = new HashSet<Permission> { Permission.OrganisationRead, Permission.CampaignRead, Permission.BallotEntry, Permission.StatusRead },
        [Role.Reader] = Reading.Concat([Permission.ReportExport]).ToHashSet(),
    };

    /// <summary>The permissions that need a grant over the whole tree (scope <c>*</c>, no sector).</summary>
    public static readonly IReadOnlySet<Permission> System = new HashSet<Permission>
    {
        Permission.DatabaseAdminister, Permission.PluginManage, Permission.OperatorManage, Permission.AuditVerify,
        Permission.BulkImport,
    };

    public static bool NeedsWholeTree(Permission p) => System.Contains(p);

    public static bool Allows(Role role, Permission p) => Table[role].Contains(p);

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
