using Microsoft.Extensions.DependencyInjection;
using ShuzhiKaohe.Core.Plugins;
using ShuzhiKaohe.Core.Storage;

namespace ShuzhiKaohe.Core;

/// <summary>Which front end an operation came through (recorded in the audit trail).</summary>
public enum FrontEnd { Cli, Console, Test }

/// <summary>Who is acting, and through which front end.</summary>
public sealed record OperatorContext(string Name, FrontEnd FrontEnd);

/// <summary>Console settings: mouse capture can be switched off (Console:Mouse=false) so terminal text selection works over SSH.</summary>
public sealed record ConsoleSettings(bool Mouse);

/// <summary>Registers the Core services both front ends use.</summary>
public static class CoreServices
{
    public static IServiceCollection AddShuzhiCore(this IServiceCollection services, AppPaths paths, DatabaseOptions database, PluginCatalog plugins, OperatorContext who)
    {
        services.AddSingleton(paths);
        services.AddSingleton(database);
        services.AddSingleton(plugins);
        services.AddSingleton(who);
        services.AddSingleton<IMigrationSource, PluginMigrationSource>();
        services.AddSingleton<Migrator>();
        services.AddSingleton<Database>();
        services.AddSingleton<DatabaseAdmin>();
        services.AddSingleton<SectorRegistry>();
        return services;
    }
}
