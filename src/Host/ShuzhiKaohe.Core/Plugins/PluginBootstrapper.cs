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
public sealed record PluginLoadOptions(
    IReadOnlyList<string> SearchPaths,
    IReadOnlySet<string>? Disabled = null,
    Func<PluginManifest, string, string?>? Gate = null);

/// <summary>
/// Finds plugin folders, reads each manifest before any code loads, loads the good ones with
/// McMaster.NETCore.Plugins (contract types shared with the host) and registers their policies with Scrutor.
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

    public static PluginCatalog LoadInto(IServiceCollection services, PluginLoadOptions options, ILogger? log = null)
    {
        log ??= NullLogger.Instance;
        var infos = new List<PluginInfo>();
        var sectorOwners = new Dictionary<string, string>(StringComparer.Ordinal);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var folder in EnumeratePluginFolders(options.SearchPaths))
        {
            var info = LoadOne(folder, services, options, ids, sectorOwners);
            // A good load is not worth opening the log file for on every start (issue 11); `plugin list` shows it.
            if (info.State == PluginState.Loaded) log.LogDebug("Plugin {Id} {Version} loaded from {Folder}", info.Id, info.Version, folder);
            else log.LogWarning("Plugin in {Folder} {State}: {Reason}", folder, info.StatusText, info.Reason);
            infos.Add(info);
        }
        return new PluginCatalog(infos);
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

    private static PluginInfo LoadOne(string folder, IServiceCollection services, PluginLoadOptions options,
        HashSet<string> ids, Dictionary<string, string> sectorOwners)
    {
        var folderName = Path.GetFileName(folder);
        PluginManifest manifest;
        try { manifest = PluginManifest.Read(folder); }
        catch (ManifestException e) { return Failed(folderName, folderName, "?", [], folder, null, e.Message); }
        catch (IOException e) { return Failed(folderName, folderName, "?", [], folder, null, $"无法读取 {PluginManifest.FileName}：{e.Message}"); }

        PluginInfo Fail(string reason) => Failed(manifest.Id, manifest.Name, manifest.Version, manifest.Sectors.Select(s => s.Key).ToList(), folder, manifest.Contract, reason);
        PluginInfo Off(string reason) => Fail(reason) with { State = PluginState.Disabled };

        if (options.Disabled?.Contains(manifest.Id) == true) return Off("已在设置 Plugins:Disabled 中停用");
        if (!ids.Add(manifest.Id)) return Fail($"插件 id {manifest.Id} 与已加载的插件重复");
        if (!Contract.IsCompatible(manifest.ContractMajor, manifest.ContractMinor))
            return Fail($"插件依据契约 {manifest.Contract} 构建，本程序的契约版本为 {Contract.Version}，不兼容");

        string assemblyPath;
        try { assemblyPath = manifest.ResolveAssembly(folder); }
        catch (ManifestException e) { return Fail(e.Message); }

        if (File.Exists(Path.Combine(folder, ContractAssemblyName + ".dll")))
            return Fail($"插件文件夹自带一份 {ContractAssemblyName}.dll：契约程序集必须与宿主共用（项目引用中设 Private=false 与 ExcludeAssets=runtime），请删除该文件后重新发布");

        var referenced = ReferencedContractVersion(assemblyPath, out var metadataError);
        if (metadataError is not null) return Fail(metadataError);
        if (referenced is null) return Fail($"{manifest.Assembly} 没有引用 {ContractAssemblyName}，不是本程序的插件");
        if (!Contract.IsCompatible(referenced.Major, referenced.Minor))
            return Fail($"{manifest.Assembly} 依据契约 {referenced.Major}.{referenced.Minor} 编译，本程序的契约版本为 {Contract.Version}，不兼容");

        foreach (var s in manifest.Sectors)
            if (sectorOwners.TryGetValue(s.Key, out var owner))
                return Fail($"板块 {s.Key} 已由插件 {owner} 提供");

        if (options.Gate?.Invoke(manifest, folder) is { } gateReason) return Off(gateReason);

        Assembly assembly;
        try
        {
            var loader = PluginLoader.CreateFromAssemblyFile(assemblyPath, SharedTypes, cfg => cfg.PreferSharedTypes = true);
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

        var problem = CheckPolicies(staged, manifest);
        if (problem is not null) return Fail(problem);

        foreach (var d in staged) services.Add(d);
        foreach (var s in manifest.Sectors) sectorOwners[s.Key] = manifest.Id;
        return new PluginInfo(manifest.Id, manifest.Name, manifest.Version, manifest.Sectors.Select(s => s.Key).ToList(),
            PluginState.Loaded, null, folder, manifest.Contract);
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

    /// <summary>Every declared sector has each policy, and every policy belongs to a declared sector.</summary>
    private static string? CheckPolicies(IServiceCollection staged, PluginManifest manifest)
    {
        try
        {
            IServiceCollection probe = new ServiceCollection();
            probe.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
            probe.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
            foreach (var d in staged) probe.Add(d);
            using var provider = probe.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
            var declared = manifest.Sectors.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
            foreach (var (type, name) in RequiredPolicies)
            {
                var found = provider.GetServices(type).Cast<ISectorPolicy>().ToList();
                foreach (var p in found)
                    if (!declared.Contains(p.Sector))
                        return $"{p.GetType().Name} 声明的板块 {p.Sector} 不在清单的 sectors 中";
                foreach (var key in declared)
                    if (found.Count(p => p.Sector == key) != 1)
                        return $"板块 {key} 须恰好有一个 {name} 实现，实际有 {found.Count(p => p.Sector == key)} 个";
            }
            foreach (var p in provider.GetServices<IModuleMigrations>())
                if (!declared.Contains(p.Sector)) return $"{p.GetType().Name} 声明的板块 {p.Sector} 不在清单的 sectors 中";
            return null;
        }
        catch (Exception e)
        {
            return $"插件的服务无法创建：{e.GetType().Name}：{e.Message}";
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

    /// <summary>The version of ShuzhiKaohe.Abstractions the assembly was compiled against, read without loading it.</summary>
    private static Version? ReferencedContractVersion(string assemblyPath, out string? error)
    {
        error = null;
        try
        {
            using var stream = File.OpenRead(assemblyPath);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata) { error = "插件程序集不是 .NET 程序集"; return null; }
            var md = pe.GetMetadataReader();
            foreach (var h in md.AssemblyReferences)
            {
                var r = md.GetAssemblyReference(h);
                if (md.GetString(r.Name) == ContractAssemblyName) return r.Version;
            }
            return null;
        }
        catch (Exception e) when (e is BadImageFormatException or IOException or InvalidOperationException)
        {
            error = $"插件程序集无法读取：{e.Message}";
            return null;
        }
    }

    private static PluginInfo Failed(string id, string name, string version, IReadOnlyList<string> sectors, string folder, string? contract, string reason) =>
        new(id, name, version, sectors, PluginState.Malfunctioned, reason, folder, contract);
}

internal sealed class PluginRegistrationException(string message) : Exception(message);
