using System.Text.Json;
using ShuzhiKaohe.Abstractions;
using ShuzhiKaohe.Core.Common;

namespace ShuzhiKaohe.Core.Plugins;

/// <summary>A sector as the manifest declares it: key, Chinese name, and the levels the plugin covers.</summary>
public sealed record ManifestSector(string Key, string Name, IReadOnlyList<int> Levels);

/// <summary>
/// <c>plugin.json</c> in a plugin folder: the plugin's identity, read and checked before any of its code
/// loads (the Jellyfin habit). See docs/plugins.md for the format.
/// </summary>
public sealed record PluginManifest(
    string Id,
    string Name,
    string Version,
    string Contract,
    string Assembly,
    IReadOnlyList<ManifestSector> Sectors)
{
    public const string FileName = "plugin.json";

    public int ContractMajor => int.Parse(Contract.Split('.')[0]);
    public int ContractMinor => int.Parse(Contract.Split('.')[1]);

    private sealed record Raw(string? Id, string? Name, string? Version, string? Contract, string? Assembly, List<RawSector?>? Sectors);

    private sealed record RawSector(string? Key, string? Name, List<int>? Levels);

    private static readonly JsonDocumentOptions Syntax = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 8 };

    /// <summary>Reads and validates a manifest. Throws <see cref="ManifestException"/> naming the problem.</summary>
    public static PluginManifest Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) throw new ManifestException($"缺少清单文件 {FileName}");
        var info = new FileInfo(path);
        if (info.Length > 64 * 1024) throw new ManifestException($"{FileName} 过大（{info.Length} 字节，上限 64 KiB）");
        Raw raw;
        try
        {
            // The document reader, not the serializer: every start reads every manifest, and the serializer's first
            // use costs a cold start ~20 ms of CPU (issue 11; the settings files already warmed the reader).
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path), Syntax);
            if (doc.RootElement.ValueKind == JsonValueKind.Null) throw new ManifestException($"{FileName} 为空");
            if (doc.RootElement.ValueKind != JsonValueKind.Object) throw new ManifestException($"{FileName} 须是一个 JSON 对象 {{ … }}");
            raw = ToRaw(doc.RootElement);
        }
        catch (JsonException e)
        {
            throw new ManifestException($"{FileName} 不是有效的 JSON（第 {(e.LineNumber ?? 0) + 1} 行）：{e.Message}");
        }
        catch (InvalidOperationException e) // a name or text that is not valid UTF-8 (or a lone surrogate) once unescaped
        {
            throw new ManifestException($"{FileName} 不是有效的 JSON：其中的文字不是有效的 UTF-8（{e.Message}）");
        }

        var problems = new List<string>();
        if (raw.Id is null || !TextShapes.IsPluginId(raw.Id)) problems.Add("id 须为小写字母开头的 2–64 个字符（a-z 0-9 . _ -）");
        if (string.IsNullOrWhiteSpace(raw.Name) || raw.Name.Length > 100) problems.Add("name 不能为空，且不超过 100 个字符");
        if (raw.Version is null || !TextShapes.IsPluginVersion(raw.Version)) problems.Add("version 须形如 1.2.3");
        if (raw.Contract is null || !TextShapes.IsContractVersion(raw.Contract)) problems.Add("contract 须形如 1.0（插件所依据的契约版本）");
        if (string.IsNullOrWhiteSpace(raw.Assembly) || !raw.Assembly.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            problems.Add("assembly 须为插件文件夹中的 .dll 文件名");
        var sectors = new List<ManifestSector>();
        if (raw.Sectors is null || raw.Sectors.Count == 0) problems.Add("sectors 不能为空");
        else
        {
            foreach (var (s, i) in raw.Sectors.Select((s, i) => (s, i)))
            {
                if (s is null || !SectorKeys.IsValid(s.Key)) { problems.Add($"sectors[{i}].key 须为 2–32 个小写字母、数字或下划线"); continue; }
                if (string.IsNullOrWhiteSpace(s.Name)) { problems.Add($"sectors[{i}].name 不能为空"); continue; }
                if (s.Levels is null || s.Levels.Count == 0 || s.Levels.Any(l => l is < 1 or > 20))
                { problems.Add($"sectors[{i}].levels 须为 1–20 之间的层级列表"); continue; }
                sectors.Add(new ManifestSector(s.Key!, s.Name!, s.Levels));
            }
            if (sectors.Select(s => s.Key).Distinct().Count() != sectors.Count) problems.Add("sectors 中有重复的 key");
        }
        if (problems.Count > 0) throw new ManifestException($"{FileName} 无效：" + string.Join("；", problems));
        return new PluginManifest(raw.Id!, raw.Name!.Trim(), raw.Version!, raw.Contract!, raw.Assembly!, sectors);
    }

    /// <summary>The fields the manifest knows (names as written, case-sensitive; others ignored); a value of the wrong kind reads as missing.</summary>
    private static Raw ToRaw(JsonElement root)
    {
        List<RawSector?>? sectors = null;
        if (Property(root, "sectors") is { ValueKind: JsonValueKind.Array } list)
            sectors = list.EnumerateArray().Select(s => s.ValueKind != JsonValueKind.Object ? null
                : new RawSector(Text(s, "key"), Text(s, "name"), Levels(s))).ToList();
        return new Raw(Text(root, "id"), Text(root, "name"), Text(root, "version"), Text(root, "contract"), Text(root, "assembly"), sectors);

        static List<int>? Levels(JsonElement sector)
        {
            if (Property(sector, "levels") is not { ValueKind: JsonValueKind.Array } array) return null;
            var levels = new List<int>();
            foreach (var l in array.EnumerateArray())
                levels.Add(l.ValueKind == JsonValueKind.Number && l.TryGetInt32(out var n) ? n : 0); // 0 is refused below
            return levels;
        }
    }

    private static JsonElement? Property(JsonElement o, string name)
    {
        JsonElement? found = null;
        foreach (var p in o.EnumerateObject())
            if (p.NameEquals(name)) found = p.Value; // the last one wins, as the serializer had it
        return found;
    }

    private static string? Text(JsonElement o, string name) => Property(o, name) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

    /// <summary>The plugin's main assembly, checked to stay inside its folder.</summary>
    public string ResolveAssembly(string folder)
    {
        var root = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        if (Path.IsPathRooted(Assembly)) throw new ManifestException($"assembly 不能是绝对路径：{Assembly}");
        var full = Path.GetFullPath(Path.Combine(root, Assembly));
        if (!full.StartsWith(root, StringComparison.Ordinal))
            throw new ManifestException($"assembly 路径离开了插件文件夹：{Assembly}");
        if (!File.Exists(full)) throw new ManifestException($"找不到 assembly 文件：{Assembly}");
        // A link could point outside too.
        var target = new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true);
        if (target is not null && !Path.GetFullPath(target.FullName).StartsWith(root, StringComparison.Ordinal))
            throw new ManifestException($"assembly 是指向插件文件夹之外的链接：{Assembly}");
        return full;
    }

}

/// <summary>A manifest that cannot be used; the message says what is wrong with it.</summary>
public sealed class ManifestException(string message) : Exception(message);
