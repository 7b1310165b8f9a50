using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;
using ShuzhiKaohe.Cli;
using ShuzhiKaohe.Core;
using ShuzhiKaohe.Core.Ballots;
using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Plugins;
using ShuzhiKaohe.Core.Rectification;
using ShuzhiKaohe.Core.Security;
using ShuzhiKaohe.Core.Storage;

namespace ShuzhiKaohe.Host;

/// <summary>
/// The composition root: one set of registrations for both front ends. The console runs under the generic host
/// (its lifetime is the operator's session); a headless verb is one call with no lifetime to host, so it gets the
/// same registrations in a bare container and skips the host's configuration, environment and lifetime services
/// — about a tenth of its cold start (docs/performance.md, issue 11). Settings come from appsettings.json beside
/// the executable, then $XDG_CONFIG_HOME/shuzhi/settings.json, then the environment (SHUZHI_DB, SHUZHI_PLUGINS),
/// then the global options. Nothing here writes to stdout: logs go to a rolling file under the data folder.
/// </summary>
public static class Composition
{
    /// <summary>The services a front end runs on; disposing it flushes the log and releases the plugins.</summary>
    public sealed class Built(IServiceProvider services, IDisposable owner) : IDisposable
    {
        public IServiceProvider Services { get; } = services;
        public void Dispose() => owner.Dispose();
    }

    public static Built Build(GlobalSettings global, FrontEnd frontEnd, Func<string, string?>? env = null)
    {
        if (frontEnd == FrontEnd.Console) return BuildHost(global, frontEnd, env);
        var services = new ServiceCollection();
        // Loggers straight from the file provider: no options or filter configuration to build (the host's
        // AddLogging resolves the options stack, ~10 ms a start, for a level the file provider decides anyway).
        services.AddSingleton<ILoggerFactory>(sp => new LoggerFactory(sp.GetServices<ILoggerProvider>()));
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        Register(services, global, frontEnd, env);
        var provider = services.BuildServiceProvider();
        return new Built(provider, provider);
    }

    /// <summary>Kept out of line: a headless verb never loads the hosting assemblies.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Built BuildHost(GlobalSettings global, FrontEnd frontEnd, Func<string, string?>? env)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = "shuzhi",
            EnvironmentName = "Production",
        });
        builder.Logging.ClearProviders();
        Register(builder.Services, global, frontEnd, env);
        var host = builder.Build();
        return new Built(host.Services, host);
    }

    /// <summary>Everything both front ends share: settings, the plugin catalogue, Core's services.</summary>
    public static void Register(IServiceCollection services, GlobalSettings global, FrontEnd frontEnd, Func<string, string?>? env = null)
    {
        env ??= Environment.GetEnvironmentVariable;
        var paths = AppPaths.FromEnvironment(env);
        var xdgConfig = env("XDG_CONFIG_HOME");
        var configHome = !string.IsNullOrWhiteSpace(xdgConfig) ? xdgConfig : Path.Combine(env("HOME") ?? "", ".config");
        var settings = HostSettings.Load([Path.Combine(AppContext.BaseDirectory, "appsettings.json"), Path.Combine(configHome, "shuzhi", "settings.json")]);

        var dbPath = FirstNonEmpty(global.DatabasePath, env("SHUZHI_DB"), settings.DatabasePath) ?? paths.DefaultDatabase;
        // Who acts is decided before anything opens the database or loads a plugin (Security/OperatorIdentity.cs).
        var operatorName = OperatorIdentity.Decide(global.Operator, dbPath);
        if (dbPath == paths.DefaultDatabase) Directory.CreateDirectory(paths.DataDirectory);

        StartupTrace.Mark("settings read, operator decided");
        // The log file opens on the first message worth writing: most verbs write none (DeferredFileLogging.cs).
        var fileLog = new DeferredFileLoggerProvider(() => CreateFileLogger(paths));
        services.AddSingleton<ILoggerProvider>(_ => fileLog); // created by a factory: the container disposes (flushes) it

        var searchPaths = new List<string> { paths.ShippedPlugins };
        searchPaths.AddRange((env("SHUZHI_PLUGINS") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        searchPaths.AddRange(settings.PluginPaths);
        var disabled = settings.DisabledPlugins;

        var pluginLog = fileLog.CreateLogger("plugins");
        // On a shared server only approved plugins load (issue 9 §5); the service-account setup turns this on.
        var gate = settings.RequirePluginApproval ? PluginApprovals.Gate(dbPath, paths.ShippedPlugins) : null;
        // Checked without loading code; a plugin's code loads when a verb first needs its sector (docs/plugins.md).
        var catalog = PluginBootstrapper.Discover(new PluginLoadOptions(searchPaths, disabled, gate, new LoggerFactory([fileLog])), pluginLog);
        StartupTrace.Mark("plugins verified");

        var viaSsh = env("SSH_ORIGINAL_COMMAND") is not null || env("SSH_CONNECTION") is not null;
        var who = new OperatorContext(operatorName, frontEnd, viaSsh);
        services.AddSingleton(new DatabaseCreator(ProcessAccount.UserName));
        // 第七条 限期整改: deadline colours and the days a consequence's rectification is given (before Core's defaults).
        services.AddSingleton(settings.Deadlines);
        // Issue 9 §3: clerks see no running tally until the session is closed (before Core's default: on).
        services.AddSingleton(new BallotSettings(settings.ClerksWaitForSessionEnd));
        services.AddShuzhiCore(paths, new DatabaseOptions(dbPath), catalog, who);
        services.AddSingleton(new ConsoleSettings(settings.Mouse));
    }

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    /// <summary>A daily rolling log under the data folder, owner-only. Logging must never stop the program.</summary>
    private static Serilog.ILogger? CreateFileLogger(AppPaths paths)
    {
        try
        {
            Directory.CreateDirectory(paths.LogDirectory);
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(paths.LogDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            return new LoggerConfiguration()
                .MinimumLevel.Information()
                .WriteTo.File(Path.Combine(paths.LogDirectory, "shuzhi-.log"), rollingInterval: RollingInterval.Day,
                    retainedFileCountLimit: 31, shared: true,
                    outputTemplate: "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {SourceContext} {Message:lj}{NewLine}{Exception}")
                .CreateLogger();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
