using ShuzhiKaohe.Abstractions;

namespace ShuzhiKaohe.Modules.Organs;

/// <summary>
/// 机关 (第三条): "中央和国家机关工委组织开展中央和国家机关各部门机关党委书记述职评议考核，部门机关党委组织开展
/// 内设机构和直属单位党组织书记述职评议考核"; provincial and local organs follow the same shape under their
/// 机关工委 ("省以下各级机关…由其上一级党组织开展").
/// </summary>
internal sealed class OrgansDescriptor : ISectorDescriptor
{
    public string Sector => SectorKeys.Organs;
    public string Name => "机关";

    public IReadOnlyList<OrganisationLevel> Levels { get; } =
    [
        new(1, "机关工委（中央和国家机关工委、省市县直属机关工委）", AssessedAsReporter: false),
        new(2, "部门机关党委"),
        new(3, "内设机构和直属单位党组织"),
        new(4, "机关党支部"),
    ];

    public IReadOnlyList<OrganisationKind> Kinds { get; } =
    [
        new("central_state", "中央和国家机关"),
        new("provincial", "省直机关"),
        new("local", "市县机关"),
        new("internal", "内设机构"),
        new("affiliated", "直属单位"),
    ];
}

/// <summary>The module's registrar: its policies are discovered by the host; it has no services of its own.</summary>
internal sealed class OrgansRegistrar : IModuleRegistrar
{
    public void Register(Microsoft.Extensions.DependencyInjection.IServiceCollection services) { }
}
