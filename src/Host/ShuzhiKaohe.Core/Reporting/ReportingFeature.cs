using Microsoft.Extensions.DependencyInjection;
using ShuzhiKaohe.Core.Audit;

namespace ShuzhiKaohe.Core.Reporting;

internal sealed class ReportingFeature : ICoreFeature
{
    public void Register(IServiceCollection services)
    {
        services.AddSingleton<ReportingService>();
        // 第五条 公开: the scope a campaign's reports were published in, checked by `audit verify`.
        services.AddSingleton(new AuditedEntity("report_publication", "report_publication", "id"));
    }
}
