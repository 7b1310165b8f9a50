using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using McMaster.NETCore.Plugins;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ShuzhiKaohe.Abstractions;

namespace ShuzhiKaohe.Core.Plugins;

/// <summary>Where to look for plugins and which to leave off.</summary>
/// <param name="SearchPaths">Folders of plugin folders (a folder holding plugin.json is itself a plugin folder).</param>
/// <param name="Disabled">Plugin ids switched off by setting.</param>
/// <param name="Gate">Optional last word before code loads (plugin approval): a reason to disable, or null.</param>
/// <param name="Logging">Where the plugins' own loggers write (the host's log file); none when null.</param>
public sealed record PluginLoadOptions(
    IReadOnlyList<string> SearchPaths,
    IReadOnlySet<string>? Disabled = null,
    Func<PluginManifest, string, string?>? Gate = null,
    ILoggerFactory? Logging = null);

/// <summary>
/// Finds plugin folders and checks each before any code loads: manifest, contract version, folder contents,
/// assembly metadata, sector ownership, approval (<see cref="Discover"/>). The code of a plugin that passes is
/// loaded later, on first need (<see cref="PluginCatalog"/>), with McMaster.NETCore.Plugins (contract types shared
/// with the host) into its own service provider, its policies registered with Scrutor (<see cref="LoadCode"/>).
/// A plugin that fails at any step is marked malfunctioned with the reason and skipped; the host goes on.
/// </summary>
public static class PluginBootstrapper
{
    public const string ContractAssemblyName = "ShuzhiKaohe.Abstractions";

    private static readonly Type[] SharedTypes =
    [
        typeof(ISectorPolicy), typeof(IServiceCollection), typeof(ServiceCollectionServiceExtensions),
        typeof(ILogger), typeof(ILoggerFactory),
    ];

    /// <summary>Checks every plugin folder without loading code; the catalogue loads a verified plugin when it is needed.</summary>
    public static PluginCatalog Discover(PluginLoadOptions options, ILogger? log = null)
    {
        log ??= NullLogger.Instance;
        var found = new List<(PluginInfo, PluginCandidate?)>();
        var sectorOwners = new Dictionary<string, string>(StringComparer.Ordinal);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var folder in EnumeratePluginFolders(options.SearchPaths))
        {
            var (info, candidate) = Verify(folder, options, ids, sectorOwners);
            if (info.State != PluginState.Verified) log.LogWarning("Plugin in {Folder} {State}: {Reason}", folder, info.StatusText, info.Reason);
            found.Add((info, candidate));
        }
        return new PluginCatalog(found, options.Logging, log);
    }

    /// <summary>Plugin folders under the search paths, in a stable order, each once.</summary>
    public static IEnumerable<string> EnumeratePluginFolders(IEnumerable<string> searchPaths)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in searchPaths)
        {
            if (string.IsNullOrWhiteSpace(raw)) continue;
            var path = Path.GetFullPath(raw);
            if (!Directory.Exists(path)) continue;
            if (File.Exists(Path.Combine(path, PluginManifest.FileName)))
            {
                if (seen.Add(path)) yield return path;
                continue;
            }
            foreach (var sub in Directory.GetDirectories(path).Order(StringComparer.Ordinal))
                if (seen.Add(sub)) yield return sub;
        }
    }

    /// <summary>Everything checked before code loads; a verified plugin's sectors are its own from here on.</summary>
    private static (PluginInfo, PluginCandidate?) Verify(string folder, PluginLoadOptions options,
        HashSet<string> ids, Dictionary<string, string> sectorOwners)
    {
        var folderName = Path.GetFileName(folder);
        PluginManifest manifest;
        try { manifest = PluginManifest.Read(folder); }
        catch (ManifestException e) { return (Failed(folderName, folderName, "?", [], folder, null, e.Message), null); }
        catch (IOException e) { return (Failed(folderName, folderName, "?", [], folder, null, $"无法读取 {PluginManifest.FileName}：{e.Message}"), null); }

        var info = new PluginInfo(manifest.Id, manifest.Name, manifest.Version, manifest.Sectors.Select(s => s.Key).ToList(),
            PluginState.Verified, null, folder, manifest.Contract);
        (PluginInfo, PluginCandidate?) Fail(string reason) => (info with { State = PluginState.Malfunctioned, Reason = reason }, null);
        (PluginInfo, PluginCandidate?) Off(string reason) => (info with { State = PluginState.Disabled, Reason = reason }, null);

        if (options.Disabled?.Contains(manifest.Id) == true) return Off("已在设置 Plugins:Disabled 中停用");
        if (!ids.Add(manifest.Id)) return Fail($"插件 id {manifest.Id} 与已加载的插件重复");
        if (!Contract.IsCompatible(manifest.ContractMajor, manifest.ContractMinor))
            return Fail($"插件依据契约 {manifest.Contract} 构建，本程序的契约版本为 {Contract.Version}，不兼容");

        string assemblyPath;
        try { assemblyPath = manifest.ResolveAssembly(folder); }
        catch (ManifestException e) { return Fail(e.Message); }

        if (File.Exists(Path.Combine(folder, ContractAssemblyName + ".dll")))
            return Fail($"插件文件夹自带一份 {ContractAssemblyName}.dll：契约程序集必须与宿主共用（项目引用中设 Private=false 与 ExcludeAssets=runtime），请删除该文件后重新发布");

        var (referenced, hasCodeMigrations, metadataError) = ReadMetadata(assemblyPath);
        if (metadataError is not null) return Fail(metadataError);
        if (referenced is null) return Fail($"{manifest.Assembly} 没有引用 {ContractAssemblyName}，不是本程序的插件");
        if (!Contract.IsCompatible(referenced.Major, referenced.Minor))
            return Fail($"{manifest.Assembly} 依据契约 {referenced.Major}.{referenced.Minor} 编译，本程序的契约版本为 {Contract.Version}，不兼容");

        foreach (var s in manifest.Sectors)
            if (sectorOwners.TryGetValue(s.Key, out var owner))
                return Fail($"板块 {s.Key} 已由插件 {owner} 提供");

        if (options.Gate?.Invoke(manifest, folder) is { } gateReason) return Off(gateReason);

        foreach (var s in manifest.Sectors) sectorOwners[s.Key] = manifest.Id;
        return (info, new PluginCandidate(manifest, folder, assemblyPath, hasCodeMigrations));
    }

    /// <summary>
    /// Loads a verified plugin's code into its own load context and its own service provider: its policies
    /// (Scrutor), what its registrar adds, and the host's logging. Null with the reason when it fails in any way.
    /// </summary>
    internal static (LoadedPlugin?, string?) LoadCode(PluginCandidate candidate, ILoggerFactory logging)
    {
        var manifest = candidate.Manifest;
        (LoadedPlugin?, string?) Fail(string reason) => (null, reason);
        Assembly assembly;
        try
        {
            var loader = PluginLoader.CreateFromAssemblyFile(candidate.AssemblyPath, SharedTypes, cfg => cfg.PreferSharedTypes = true);
            assembly = loader.LoadDefaultAssembly();
        }
        catch (Exception e) when (e is BadImageFormatException or FileLoadException or FileNotFoundException or IOException)
        {
            return Fail($"无法加载 {manifest.Assembly}：{e.Message}");
        }

        IServiceCollection staged = new ServiceCollection();
        try
        {
            Stage(staged, assembly);
        }
        catch (Exception e)
        {
            return Fail(e is PluginRegistrationException ? e.Message : $"注册服务时出错：{e.GetType().Name}：{e.Message}");
        }

        return Build(staged, candidate, logging);
    }

    /// <summary>Registers the plugin's policies (Scrutor) and whatever its registrar adds, into a staging collection.</summary>
    private static void Stage(IServiceCollection staged, Assembly assembly)
    {
        Type[] types;
        try { types = assembly.GetTypes(); }
        catch (ReflectionTypeLoadException e)
        {
            throw new PluginRegistrationException($"插件中的类型无法加载：{e.LoaderExceptions.FirstOrDefault()?.Message}");
        }
        var contract = typeof(ISectorPolicy).Assembly;
        staged.Scan(scan => scan.FromAssemblies(assembly)
            .AddClasses(c => c.AssignableTo<ISectorPolicy>(), publicOnly: false)
            .As(t => t.GetInterfaces().Where(i => i.Assembly == contract && i != typeof(ISectorPolicy)))
            .WithSingletonLifetime());

        var registrars = types.Where(t => typeof(IModuleRegistrar).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false }).ToList();
        if (registrars.Count != 1)
            throw new PluginRegistrationException($"插件须恰好有一个 {nameof(IModuleRegistrar)} 实现，实际有 {registrars.Count} 个");
        IModuleRegistrar registrar;
        try { registrar = (IModuleRegistrar)Activator.CreateInstance(registrars[0], nonPublic: true)!; }
        catch (Exception e)
        {
            throw new PluginRegistrationException($"无法创建注册器 {registrars[0].Name}：{(e.InnerException ?? e).Message}");
        }
        try { registrar.Register(staged); }
        catch (Exception e)
        {
            throw new PluginRegistrationException($"注册器 {registrars[0].Name} 抛出异常：{e.GetType().Name}：{e.Message}");
        }
    }

    /// <summary>
    /// The plugin's own service provider (its registrations and the host's logging, nothing else of the host's),
    /// checked: every declared sector has each policy exactly once, and every policy belongs to a declared sector.
    /// </summary>
    private static (LoadedPlugin?, string?) Build(IServiceCollection staged, PluginCandidate candidate, ILoggerFactory logging)
    {
        var manifest = candidate.Manifest;
        ServiceProvider? provider = null;
        try
        {
            staged.AddSingleton(logging);
            staged.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
            provider = staged.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
            var declared = manifest.Sectors.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
            var bySector = declared.ToDictionary(k => k, _ => new Dictionary<Type, ISectorPolicy>(), StringComparer.Ordinal);
            foreach (var (type, name) in RequiredPolicies)
            {
                var found = provider.GetServices(type).Cast<ISectorPolicy>().ToList();
                foreach (var p in found)
                    if (!declared.Contains(p.Sector))
                        return Refuse($"{p.GetType().Name} 声明的板块 {p.Sector} 不在清单的 sectors 中");
                foreach (var key in declared)
                {
                    if (found.Count(p => p.Sector == key) != 1)
                        return Refuse($"板块 {key} 须恰好有一个 {name} 实现，实际有 {found.Count(p => p.Sector == key)} 个");
                    bySector[key][type] = found.Single(p => p.Sector == key);
                }
            }
            var migrations = provider.GetServices<IModuleMigrations>().ToList();
            foreach (var p in migrations)
                if (!declared.Contains(p.Sector)) return Refuse($"{p.GetType().Name} 声明的板块 {p.Sector} 不在清单的 sectors 中");
            // The migrator learns from metadata, before any code loads, which plugins bring migrations.
            if (migrations.Count > 0 && !candidate.HasCodeMigrations)
                return Refuse($"{nameof(IModuleMigrations)} 须由 {manifest.Assembly} 中的类实现（宿主在加载代码前从程序集元数据得知插件带有迁移）");
            var sectors = bySector.ToDictionary(kv => kv.Key, kv => new SectorPolicies(
                (ISectorDescriptor)kv.Value[typeof(ISectorDescriptor)], (IFocusItemCatalogue)kv.Value[typeof(IFocusItemCatalogue)],
                (IScoringStrategy)kv.Value[typeof(IScoringStrategy)], (IInspectionChecklist)kv.Value[typeof(IInspectionChecklist)],
                (ISectorRules)kv.Value[typeof(ISectorRules)]), StringComparer.Ordinal);
            return (new LoadedPlugin(provider, sectors, migrations), null);
        }
        catch (Exception e)
        {
            return Refuse($"插件的服务无法创建：{e.GetType().Name}：{e.Message}");
        }

        (LoadedPlugin?, string?) Refuse(string reason)
        {
            provider?.Dispose();
            return (null, reason);
        }
    }

    internal static readonly (Type Type, string Name)[] RequiredPolicies =
    [
        (typeof(ISectorDescriptor), nameof(ISectorDescriptor)),
        (typeof(IFocusItemCatalogue), nameof(IFocusItemCatalogue)),
        (typeof(IScoringStrategy), nameof(IScoringStrategy)),
        (typeof(IInspectionChecklist), nameof(IInspectionChecklist)),
        (typeof(ISectorRules), nameof(ISectorRules)),
    ];

    /// <summary>
    /// Read without loading the assembly: the version of ShuzhiKaohe.Abstractions it was compiled against, and
    /// whether one of its types implements <see cref="IModuleMigrations"/>.
    /// </summary>
    private static (Version? Contract, bool HasCodeMigrations, string? Error) ReadMetadata(string assemblyPath)
    {
        try
        {
            using var stream = File.OpenRead(assemblyPath);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata) return (null, false, "插件程序集不是 .NET 程序集");
            var md = pe.GetMetadataReader();
            Version? contract = null;
            foreach (var h in md.AssemblyReferences)
            {
                var r = md.GetAssemblyReference(h);
                if (md.StringComparer.Equals(r.Name, ContractAssemblyName)) contract = r.Version;
            }
            return (contract, contract is not null && ImplementsMigrations(md), null);
        }
        catch (Exception e) when (e is BadImageFormatException or IOException or InvalidOperationException)
        {
            return (null, false, $"插件程序集无法读取：{e.Message}");
        }
    }

    private static bool ImplementsMigrations(MetadataReader md)
    {
        foreach (var t in md.TypeDefinitions)
            foreach (var i in md.GetTypeDefinition(t).GetInterfaceImplementations())
            {
                if (md.GetInterfaceImplementation(i).Interface is not { Kind: HandleKind.TypeReference } handle) continue;
                var reference = md.GetTypeReference((TypeReferenceHandle)handle);
                if (md.StringComparer.Equals(reference.Name, nameof(IModuleMigrations))
                    && md.StringComparer.Equals(reference.Namespace, typeof(IModuleMigrations).Namespace!))
                    return true;
            }
        return false;
    }

    private static PluginInfo Failed(string id, string name, string version, IReadOnlyList<string> sectors, string folder, string? contract, string reason) =>
        new(id, name, version, sectors, PluginState.Malfunctioned, reason, folder, contract);
}

internal sealed class PluginRegistrationException(string message) : Exception(message);
