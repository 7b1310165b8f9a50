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
        // Each progress note on its own (issue 9 §4): a note edited behind the program's back is named.
        services.AddSingleton(new AuditedEntity("rectification_progress", "rectification_progress", "id"));
        // 第七条 约谈提醒, keyed by campaign and organisation (one per assessee and campaign).
        services.AddSingleton(new AuditedEntity("reminder_interview", "reminder_interview", "id")
        {
            StateSql = "SELECT json_object('grade', grade, 'created_by', created_by, 'created_at', created_at) FROM reminder_interview WHERE campaign_id || '/' || org_code = $key",
            KeysSql = "SELECT campaign_id || '/' || org_code FROM reminder_interview",
        });
        services.AddSingleton(new AuditedEntity("annual_assessment", "annual_assessment", "id"));
    }
}
