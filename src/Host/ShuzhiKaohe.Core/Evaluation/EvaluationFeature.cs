using Microsoft.Extensions.DependencyInjection;
using ShuzhiKaohe.Core.Audit;

namespace ShuzhiKaohe.Core.Evaluation;

internal sealed class EvaluationFeature : ICoreFeature
{
    public void Register(IServiceCollection services)
    {
        services.AddSingleton<EvaluationService>();
        services.AddSingleton<ApprovalService>();
        services.AddSingleton(new AuditedEntity("evaluation_grade", "evaluation_grade", "entry_id"));
        // Issue 9 §4: each of these is checked by `audit verify` against the state its last entry recorded.
        services.AddSingleton(new AuditedEntity("evaluation_observation", "evaluation_observation", "entry_id"));
        services.AddSingleton(new AuditedEntity("evaluation_approval", "evaluation_approval", "campaign_id"));
        services.AddSingleton(new AuditedEntity("evaluation_revision", "evaluation_revision", "id"));
        services.AddSingleton(new AuditedEntity("evaluation_followup", "evaluation_followup", "id"));
    }
}
