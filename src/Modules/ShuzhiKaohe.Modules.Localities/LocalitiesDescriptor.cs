using ShuzhiKaohe.Abstractions;

namespace ShuzhiKaohe.Modules.Localities;

/// <summary>
/// 地方: 省 → 市 → 县 → 乡镇（街道）→ 村（社区）, the real division tree (第三条). The province organises the city
/// campaign and is not itself a reporter here; villages and communities are the leaves the inspectors visit.
/// The same-level work committees (机关工委、国资委党委、教育（高校）工委、非公有制企业和社会组织工委) are a kind
/// beside the committee at the level they sit at: a provincial campaign takes their secretaries in with the
/// city secretaries (第三条 "应将同级…工委书记等纳入").
/// </summary>
internal sealed class LocalitiesDescriptor : ISectorDescriptor
{
    public string Sector => SectorKeys.Localities;
    public string Name => "地方";

    public IReadOnlyList<OrganisationLevel> Levels { get; } =
    [
        new(1, "省（自治区、直辖市）党委", AssessedAsReporter: false),
        new(2, "市（地、州、盟）党委"),
        new(3, "县（市、区、旗）党委"),
        new(4, "乡镇（街道）党（工）委"),
        new(5, "村（社区）党组织", AssessedAsReporter: false),
    ];

    public IReadOnlyList<OrganisationKind> Kinds { get; } =
    [
        new("committee", "地方党委"),
        new("grouping", "统计分组（非党组织）"),
        new("work_committee", "工委（机关工委、国资委党委、教育（高校）工委、非公有制企业和社会组织工委）"),
        new("township", "乡镇党委"),
        new("subdistrict", "街道党工委"),
        new("village", "村党组织"),
        new("community", "社区党组织"),
    ];
}

/// <summary>The module's registrar: its policies are discovered by the host; it has no services of its own.</summary>
internal sealed class LocalitiesRegistrar : IModuleRegistrar
{
    public void Register(Microsoft.Extensions.DependencyInjection.IServiceCollection services) { }
}
