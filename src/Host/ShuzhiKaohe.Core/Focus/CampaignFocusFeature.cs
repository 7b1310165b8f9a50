using Microsoft.Extensions.DependencyInjection;
using ShuzhiKaohe.Core.Debriefing;

namespace ShuzhiKaohe.Core.Focus;

/// <summary>Registers a campaign's focus items; they also tell the debriefing which items a report left out.</summary>
internal sealed class CampaignFocusFeature : ICoreFeature
{
    public void Register(IServiceCollection services)
    {
        services.AddSingleton<CampaignFocusService>();
        services.AddSingleton<IReportFocusCheck>(sp => sp.GetRequiredService<CampaignFocusService>());
        services.AddSingleton(new Audit.AuditedEntity(CampaignFocusService.AuditEntity, "campaign_focus_item", "id"));
    }
}
