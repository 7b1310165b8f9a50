using Microsoft.Extensions.DependencyInjection;

namespace ShuzhiKaohe.Core.Reporting;

internal sealed class ReportingFeature : ICoreFeature
{
    public void Register(IServiceCollection services) => services.AddSingleton<ReportingService>();
}
