using Microsoft.Extensions.DependencyInjection;

namespace ShuzhiKaohe.Core.Inspection;

/// <summary>Registers the on-site inspection services (实地考核, 第六条).</summary>
internal sealed class InspectionFeature : ICoreFeature
{
    public void Register(IServiceCollection services) => services.AddSingleton<FormalismGuard>();
}
