using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ShuzhiKaohe.Abstractions;
using ShuzhiKaohe.Core.Common;

namespace ShuzhiKaohe.Core.Plugins;

/// <summary>A plugin that passed every check made without its code: what loading it needs.</summary>
/// <param name="HasCodeMigrations">Its main assembly implements <see cref="IModuleMigrations"/> (read from metadata):
/// the migrator loads it before it opens the database.</param>
internal sealed record PluginCandidate(PluginManifest Manifest, string Folder, string AssemblyPath, bool HasCodeMigrations);

/// <summary>A plugin whose code is loaded: its own service provider (its registrations and logging) and its sectors' policies.</summary>
internal sealed record LoadedPlugin(ServiceProvider Services, IReadOnlyDictionary<string, SectorPolicies> Sectors, IReadOnlyList<IModuleMigrations> Migrations);

/// <summary>
/// All plugins the host looked at in this process, in the order it found them. Discovery
/// (<see cref="PluginBootstrapper.Discover"/>) checks each without loading code; a verified plugin's code is
/// loaded on first need — a sector's policies, the migrations before the database opens, or <see cref="LoadAll"/>
/// (<c>shuzhi plugin check</c>, the console) — once per process. A plugin that fails then becomes
/// malfunctioned with the reason; nothing it registered is used, and the caller goes on.
/// </summary>
public sealed class PluginCatalog : IDisposable
{
    private sealed class Entry(PluginInfo info, PluginCandidate? candidate)
    {
        public PluginInfo Info = info;
        public readonly PluginCandidate? Candidate = candidate;
        public LoadedPlugin? Loaded;
    }

    private readonly List<Entry> _entries;
    private readonly ILoggerFactory _logging;
    private readonly ILogger _log;
    private readonly Lock _gate = new();

    internal PluginCatalog(IEnumerable<(PluginInfo Info, PluginCandidate? Candidate)> found, ILoggerFactory? logging, ILogger? log)
    {
        _entries = found.Select(f => new Entry(f.Info, f.Candidate)).ToList();
        _logging = logging ?? NullLoggerFactory.Instance;
        _log = log ?? NullLogger.Instance;
    }

    /// <summary>Each plugin as far as this process has checked it (verified plugins not yet needed show as such).</summary>
    public IReadOnlyList<PluginInfo> Plugins
    {
        get { lock (_gate) return _entries.Select(e => e.Info).ToList(); }
    }

    public IEnumerable<PluginInfo> Loaded => Plugins.Where(p => p.State == PluginState.Loaded);

    /// <summary>Loads every verified plugin (those that fail become malfunctioned) and returns the outcome.</summary>
    public IReadOnlyList<PluginInfo> LoadAll()
    {
        lock (_gate)
        {
            foreach (var e in _entries) Load(e);
            return _entries.Select(e => e.Info).ToList();
        }
    }

    /// <summary>The policies of <paramref name="sector"/>, loading its plugin if need be; null when no working plugin supplies it.</summary>
    public SectorPolicies? Policies(string sector)
    {
        lock (_gate)
        {
            var owner = OwnerOf(sector);
            return owner is null ? null : Load(owner)?.Sectors.GetValueOrDefault(sector);
        }
    }

    /// <summary>Every working sector's policies, loading every verified plugin.</summary>
    public IReadOnlyList<SectorPolicies> AllPolicies()
    {
        lock (_gate)
            return _entries.Select(Load).OfType<LoadedPlugin>().SelectMany(l => l.Sectors.Values).ToList();
    }

    /// <summary>Why <paramref name="sector"/> has no policies: its plugin's reason, or null when no plugin claims it.</summary>
    public string? WhyUnavailable(string sector)
    {
        lock (_gate)
        {
            var claimed = _entries.FirstOrDefault(e => e.Info.Sectors.Contains(sector) && e.Info.State != PluginState.Loaded);
            return claimed is null ? null : $"插件 {claimed.Info.Id} {claimed.Info.StatusText}：{claimed.Info.Reason}";
        }
    }

    /// <summary>
    /// The migrations of plugins that bring them in code. Only those plugins are loaded (their metadata says which),
    /// so that every process that opens the database checks and applies every plugin's migrations, as before.
    /// </summary>
    public IReadOnlyList<IModuleMigrations> Migrations()
    {
        lock (_gate)
            return _entries.Where(e => e.Candidate?.HasCodeMigrations == true).Select(Load).OfType<LoadedPlugin>()
                .SelectMany(l => l.Migrations).ToList();
    }

    /// <summary>A loaded plugin's own service provider (its registrations and logging) — for the contract tests.</summary>
    public IServiceProvider? ServicesOf(string pluginId)
    {
        lock (_gate) return _entries.FirstOrDefault(e => e.Info.Id == pluginId)?.Loaded?.Services;
    }

    private Entry? OwnerOf(string sector) =>
        _entries.FirstOrDefault(e => e.Candidate is not null && e.Info.State is PluginState.Verified or PluginState.Loaded
                                     && e.Candidate.Manifest.Sectors.Any(s => s.Key == sector));

    private LoadedPlugin? Load(Entry e)
    {
        if (e.Loaded is not null || e.Candidate is null || e.Info.State != PluginState.Verified) return e.Loaded;
        var (loaded, reason) = PluginBootstrapper.LoadCode(e.Candidate, _logging);
        if (loaded is null)
        {
            e.Info = e.Info with { State = PluginState.Malfunctioned, Reason = reason };
            _log.LogWarning("Plugin in {Folder} {State}: {Reason}", e.Candidate.Folder, e.Info.StatusText, reason);
        }
        else
        {
            e.Loaded = loaded;
            e.Info = e.Info with { State = PluginState.Loaded };
            // A good load is not worth opening the log file for on every start (issue 11).
            _log.LogDebug("Plugin {Id} {Version} loaded from {Folder}", e.Info.Id, e.Info.Version, e.Candidate.Folder);
        }
        StartupTrace.Mark($"plugin {e.Info.Id} {e.Info.StatusText}");
        return e.Loaded;
    }

    public void Dispose()
    {
        lock (_gate)
            foreach (var e in _entries) e.Loaded?.Services.Dispose();
    }
}
