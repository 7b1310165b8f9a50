using Microsoft.Extensions.DependencyInjection;

namespace ShuzhiKaohe.Core.Audit;

internal sealed class AuditFeature : ICoreFeature
{
    public void Register(IServiceCollection services)
    {
        services.AddSingleton<AuditedEntities>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<AuditVerifier>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<Storage.IRestoreCheck, AuditRestoreCheck>();
        services.AddSingleton<Storage.IDatabaseSeed, AuditBaseline>();
    }
}
