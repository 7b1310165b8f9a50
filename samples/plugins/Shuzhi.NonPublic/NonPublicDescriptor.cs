using Microsoft.Extensions.DependencyInjection;
using ShuzhiKaohe.Abstractions;

namespace Shuzhi.NonPublic;

/// <summary>
/// 非公有制企业和社会组织: the work committee (非公有制企业和社会组织工委, itself an organisation of the locality
/// and assessed in the locality's campaign, 第三条) assesses the comprehensive Party committees of parks, buildings
/// and trades; these assess the Party organisations of the enterprises and social organisations they cover.
/// </summary>
internal sealed class NonPublicDescriptor : ISectorDescriptor
{
    public const string Key = "nonpublic";

    public string Sector => Key;
    public string Name => "非公有制企业和社会组织";

    public IReadOnlyList<OrganisationLevel> Levels { get; } =
    [
        new(1, "非公有制企业和社会组织工委", AssessedAsReporter: false),
        new(2, "园区、楼宇、行业综合党委"),
        new(3, "企业、社会组织党组织"),
    ];

    public IReadOnlyList<OrganisationKind> Kinds { get; } =
    [
        new("park", "园区综合党委"),
        new("building", "楼宇综合党委"),
        new("trade", "行业综合党委（含行业协会商会）"),
        new("enterprise", "非公有制企业党组织"),
        new("social_organisation", "社会组织党组织"),
    ];
}

/// <summary>The plugin has no services of its own: the host discovers its policies.</summary>
internal sealed class NonPublicRegistrar : IModuleRegistrar
{
    public void Register(IServiceCollection services) { }
}
