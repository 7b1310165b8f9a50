using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ShuzhiKaohe.Core.Audit;
using ShuzhiKaohe.Core.Storage;

namespace ShuzhiKaohe.Core.Security;

internal sealed class SecurityFeature : ICoreFeature
{
    public void Register(IServiceCollection services)
    {
        // The host may register the creator first; otherwise it is the OS account this process runs as.
        services.TryAddSingleton(_ => new DatabaseCreator(ProcessAccount.UserName));
        services.AddSingleton<Authorizer>();
        services.AddSingleton<OperatorAdmin>();
        services.AddSingleton<PluginAdmin>();
        services.AddSingleton<IDatabaseSeed, SecuritySeed>();
        services.AddSingleton(new AuditedEntity(OperatorAdmin.OperatorEntity, "operator", "name"));
        services.AddSingleton(new AuditedEntity(OperatorAdmin.GrantEntity, "operator_grant", "id"));
        services.AddSingleton(new AuditedEntity(PluginAdmin.Entity, "plugin_approval", "plugin_id"));
    }
}
