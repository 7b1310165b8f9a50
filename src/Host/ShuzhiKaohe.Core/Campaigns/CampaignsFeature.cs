using Microsoft.Extensions.DependencyInjection;

namespace ShuzhiKaohe.Core.Campaigns;

internal sealed class CampaignsFeature : ICoreFeature
{
    public void Register(IServiceCollection services)
    {
        services.AddSingleton<CampaignService>();
        services.AddSingleton<IStageGate, RosterGate>();
    }
}
