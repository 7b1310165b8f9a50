using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ShuzhiKaohe.Abstractions;

namespace ShuzhiKaohe.Core.Common;

/// <summary>
/// Start-up work every headless verb needs but that does not depend on its arguments — loading SQLite's native
/// library and its bindings, the JSON reader that reads the settings and the manifests, the metadata reader that
/// checks the plugins, the service container — done on a second thread while the main thread parses the command
/// line and reads the settings (issue 11's cold start; docs/performance.md). Types initialise once whichever thread
/// gets there first, so the main thread never waits for more than what it would have done itself.
/// </summary>
public static class StartupWarmup
{
    public static void Begin()
    {
        var thread = new Thread(Run, maxStackSize: 256 * 1024) { IsBackground = true, Name = "shuzhi warm-up" };
        thread.Start();
    }

    private sealed class Warm(ILogger<Warm> log)
    {
        public ILogger Log { get; } = log;
    }

    private static void Run()
    {
        try
        {
            // SqliteConnection's type initialiser loads e_sqlite3 and SQLitePCLRaw's provider; a statement on a
            // private in-memory database has the runtime generate the marshalling stubs every query uses.
            using (var c = new SqliteConnection("Data Source=:memory:;Pooling=False"))
            {
                c.Open();
                using var cmd = c.CreateCommand();
                cmd.CommandText = "SELECT $a, 1";
                cmd.Parameters.AddWithValue("$a", "warm");
                using var r = cmd.ExecuteReader();
                while (r.Read()) _ = (r.GetString(0), r.GetInt64(1));
            }
            using (JsonDocument.Parse("""{"warm": [1, "up"]}""")) { }
            // The plugin check reads each plugin's assembly references (PluginBootstrapper.ReadMetadata).
            using (var pe = new PEReader(File.OpenRead(typeof(ISectorPolicy).Assembly.Location)))
                _ = pe.GetMetadataReader().AssemblyReferences.Count;
            // The container: its call-site machinery is the same for every service.
            var services = new ServiceCollection();
            services.AddSingleton<Warm>();
            services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
            services.AddSingleton<ILoggerFactory>(Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
            using (var provider = services.BuildServiceProvider()) _ = provider.GetRequiredService<Warm>();
        }
        catch (Exception)
        {
            // Only ever a head start: the main thread meets and reports any real failure itself.
        }
    }
}
