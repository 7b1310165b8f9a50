using Microsoft.Extensions.DependencyInjection;
using ShuzhiKaohe.Core.Campaigns;

namespace ShuzhiKaohe.Core.Debriefing;

internal sealed class DebriefingFeature : ICoreFeature
{
    public void Register(IServiceCollection services)
    {
        services.AddSingleton<SessionService>();
        services.AddSingleton<DebriefingService>();
        services.AddSingleton<IStageGate, DebriefingGate>();
        services.AddSingleton(SessionService.Audited);
        services.AddSingleton(new Audit.AuditedEntity(DebriefingService.AuditEntity, "debriefing", "id"));
    }
}
