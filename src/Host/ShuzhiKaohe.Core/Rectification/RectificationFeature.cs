using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ShuzhiKaohe.Core.Audit;

namespace ShuzhiKaohe.Core.Rectification;

internal sealed class RectificationFeature : ICoreFeature
{
    public void Register(IServiceCollection services)
    {
        services.TryAddSingleton(new DeadlineSettings(new DeadlineThresholds()));
        services.AddSingleton<Consequences>();
        services.AddSingleton<RectificationService>();
        services.AddSingleton<AnnualAssessmentService>();
        services.AddSingleton<CarryOverView>();
        services.AddSingleton(new AuditedEntity("rectification_circulation", "rectification_circulation", "id"));
        services.AddSingleton(new AuditedEntity("rectification_item", "rectification_item", "id"));
        services.AddSingleton(new AuditedEntity("annual_assessment", "annual_assessment", "id"));
    }
}
