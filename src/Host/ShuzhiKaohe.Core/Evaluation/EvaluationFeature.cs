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
    }
}
