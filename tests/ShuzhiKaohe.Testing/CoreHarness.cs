using Microsoft.Extensions.DependencyInjection;
using ShuzhiKaohe.Core;
using ShuzhiKaohe.Core.Plugins;
using ShuzhiKaohe.Core.Security;
using ShuzhiKaohe.Core.Storage;

namespace ShuzhiKaohe.Testing;

/// <summary>
/// Core services in process, on a real SQLite file in a temp folder, with the real built plugins — the same
/// registration the host makes, without the host. One per test: nothing is shared.
/// </summary>
public sealed class CoreHarness : IDisposable
{
    private readonly ServiceProvider _provider;
    private readonly TempDir? _ownedDir;

    /// <param name="configure">Registrations made before Core's, e.g. a setting the host reads from its configuration.</param>
    public CoreHarness(string? databasePath = null, IEnumerable<string>? pluginPaths = null, string operatorName = "tester", FrontEnd frontEnd = FrontEnd.Test,
        Action<IServiceCollection>? configure = null)
    {
        if (databasePath is null)
        {
            _ownedDir = new TempDir("core");
            databasePath = _ownedDir.File("shuzhi.db");
        }
        DatabasePath = databasePath;
        var services = new ServiceCollection();
        services.AddLogging();
        Plugins = PluginBootstrapper.Discover(new PluginLoadOptions((pluginPaths ?? [RepoPaths.Plugins]).ToList()));
        var dataDir = Path.GetDirectoryName(Path.GetFullPath(databasePath))!;
        // The harness's operator created the database (when it did): it is the first administrator.
        services.AddSingleton(new DatabaseCreator(operatorName));
        configure?.Invoke(services);
        services.AddShuzhiCore(new AppPaths(dataDir, AppContext.BaseDirectory), new DatabaseOptions(databasePath), Plugins,
            new OperatorContext(operatorName, frontEnd));
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public string DatabasePath { get; }
    public PluginCatalog Plugins { get; }
    public IServiceProvider Services => _provider;

    public T Get<T>() where T : notnull => _provider.GetRequiredService<T>();

    public void Dispose()
    {
        _provider.Dispose();
        _ownedDir?.Dispose();
    }
}
