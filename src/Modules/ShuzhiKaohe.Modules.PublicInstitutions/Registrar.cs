using ShuzhiKaohe.Abstractions;

namespace ShuzhiKaohe.Modules.PublicInstitutions;

/// <summary>
/// One module, two sectors: universities and public hospitals share the shape of 第三条's 事业单位 line (a Party
/// committee leading an institution with a professional head, assessed "按照党组织隶属关系，由其上一级党组织开展")
/// and the habit of half-point weight shares, but each sector has its own policies in its own files.
/// </summary>
internal sealed class PublicInstitutionsRegistrar : IModuleRegistrar
{
    public void Register(Microsoft.Extensions.DependencyInjection.IServiceCollection services) { }
}
