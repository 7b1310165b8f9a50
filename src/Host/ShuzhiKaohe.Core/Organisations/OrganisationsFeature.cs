using Microsoft.Extensions.DependencyInjection;
using ShuzhiKaohe.Core.Organisations.Import;

namespace ShuzhiKaohe.Core.Organisations;

internal sealed class OrganisationsFeature : ICoreFeature
{
    public void Register(IServiceCollection services)
    {
        services.AddSingleton<OrganisationDirectory>();
        services.AddSingleton<OrganisationImporter>();
        services.AddSingleton<OrganisationSearch>();
        services.AddSingleton<Secretaries.SecretaryImporter>();
        services.AddSingleton<Secretaries.SecretaryList>();
    }
}
