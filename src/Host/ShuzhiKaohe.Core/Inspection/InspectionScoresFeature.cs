using Microsoft.Extensions.DependencyInjection;
using ShuzhiKaohe.Core.Campaigns;

namespace ShuzhiKaohe.Core.Inspection;

/// <summary>Registers the on-site inspection scores and their gate (the guard is registered by InspectionFeature).</summary>
internal sealed class InspectionScoresFeature : ICoreFeature
{
    public void Register(IServiceCollection services)
    {
        services.AddSingleton<InspectionService>();
        services.AddSingleton<IStageGate, InspectionGate>();
        services.AddSingleton(InspectionService.Audited);
    }
}
