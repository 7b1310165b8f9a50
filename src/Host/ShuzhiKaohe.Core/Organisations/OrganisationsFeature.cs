using Microsoft.Extensions.DependencyInjection;

namespace ShuzhiKaohe.Core.Organisations;

internal sealed class OrganisationsFeature : ICoreFeature
{
    public void Register(IServiceCollection services)
    {
        services.AddSingleton<OrganisationDirectory>();
    }
}
