using ShuzhiKaohe.Abstractions;

namespace ShuzhiKaohe.Modules.StateEnterprises;

/// <summary>
/// 国有企业 (第三条): "中管金融企业和中央企业党委（党组）组织二级以下单位党组织书记逐级开展"; a local state
/// enterprise's subsidiaries are assessed "按照党组织隶属关系，由其上一级党组织开展". Level 1 is the group's Party
/// committee, which organises the campaign (it reports to the locality or the SASAC committee, not here); each
/// level below is assessed by the one above it, level by level. For a municipal financial holding group, level 2
/// is its bank, securities, guarantee, leasing and investment subsidiaries, level 3 their branches, level 4 the
/// Party branches at outlets and project teams.
/// </summary>
internal sealed class SoeDescriptor : ISectorDescriptor
{
    public string Sector => SectorKeys.StateEnterprises;
    public string Name => "国有企业";

    public IReadOnlyList<OrganisationLevel> Levels { get; } =
    [
        new(1, "集团（总公司）党委（党组）", AssessedAsReporter: false),
        new(2, "二级单位（子公司）党委"),
        new(3, "三级单位（分公司、支行、营业部）党组织"),
        new(4, "基层党支部（网点、项目部、业务团队）"),
    ];

    public IReadOnlyList<OrganisationKind> Kinds { get; } =
    [
        new("central_financial", "中管金融企业"),
        new("central", "中央企业"),
        new("local", "地方国有企业"),
        new("bank", "银行"),
        new("securities", "证券"),
        new("guarantee", "融资担保"),
        new("leasing", "融资租赁"),
        new("investment", "投资（基金）"),
        new("industrial", "实业（非金融）"),
    ];
}

/// <summary>The module's registrar: its policies are discovered by the host; it has no services of its own.</summary>
internal sealed class SoeRegistrar : IModuleRegistrar
{
    public void Register(Microsoft.Extensions.DependencyInjection.IServiceCollection services) { }
}
