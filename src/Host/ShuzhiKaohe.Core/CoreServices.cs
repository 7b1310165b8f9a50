using Microsoft.Extensions.DependencyInjection;
using ShuzhiKaohe.Core.Plugins;
using ShuzhiKaohe.Core.Storage;

namespace ShuzhiKaohe.Core;

/// <summary>Which front end an operation came through (recorded in the audit trail).</summary>
public enum FrontEnd { Cli, Console, Test }

/// <summary>Who is acting, and through which front end (and whether over SSH). See Security/OperatorIdentity.cs for how the name is decided.</summary>
public sealed record OperatorContext(string Name, FrontEnd FrontEnd, bool ViaSsh = false);

/// <summary>Console settings: mouse capture can be switched off (Console:Mouse=false) so terminal text selection works over SSH.</summary>
public sealed record ConsoleSettings(bool Mouse);

/// <summary>A feature folder's registrations (e.g. Organisations/OrganisationsFeature.cs). Needs a parameterless constructor.</summary>
public interface ICoreFeature
{
    void Register(IServiceCollection services);
}

/// <summary>Registers the Core services both front ends use.</summary>
public static class CoreServices
{
    /// <summary>
    /// Every feature folder's registrations, in the order of their full names. A new folder adds its feature here:
    /// listed rather than found by scanning the assembly's thousands of types, which cost every start ~8 ms
    /// (issue 11's cold start, measured with SHUZHI_TRACE_STARTUP). Architecture tests fail on a feature left out.
    /// </summary>
    public static IReadOnlyList<ICoreFeature> Features { get; } = ((ICoreFeature[])
    [
        new Audit.AuditFeature(), new Ballots.BallotKeyingFeature(), new Ballots.BallotsFeature(), new Bundles.BundlesFeature(),
        new Campaigns.CampaignOverviewFeature(), new Campaigns.CampaignsFeature(), new Comments.CommentsFeature(),
        new Debriefing.DebriefingFeature(), new Demo.DemoFeature(), new Evaluation.EvaluationFeature(), new Exports.ExportsFeature(),
        new Focus.CampaignFocusFeature(), new Focus.FocusFeature(), new Inspection.InspectionFeature(),
        new Inspection.InspectionScoresFeature(), new Organisations.OrganisationsFeature(), new Rectification.RectificationFeature(),
        new Reporting.ReportingFeature(), new Security.SecurityFeature(),
    ]).OrderBy(f => f.GetType().FullName, StringComparer.Ordinal).ToArray();

    public static IServiceCollection AddShuzhiCore(this IServiceCollection services, AppPaths paths, DatabaseOptions database, PluginCatalog plugins, OperatorContext who)
    {
        services.AddSingleton(paths);
        services.AddSingleton(database);
        // By a factory, so that the container disposes the plugins' own service providers with its own.
        services.AddSingleton(_ => plugins);
        services.AddSingleton(who);
        services.AddSingleton<IMigrationSource>(_ => new PluginMigrationSource(plugins.Migrations));
        services.AddSingleton<Migrator>();
        services.AddSingleton<Database>();
        services.AddSingleton<DatabaseAdmin>();
        services.AddSingleton<DatabaseRestore>();
        services.AddSingleton<SectorRegistry>();
        // Each feature folder registers its own services through an ICoreFeature.
        foreach (var feature in Features) feature.Register(services);
        return services;
    }
}
