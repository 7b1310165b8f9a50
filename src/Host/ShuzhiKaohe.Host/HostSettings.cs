using System.Globalization;
using System.Text.Json;
using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Rectification;

namespace ShuzhiKaohe.Host;

/// <summary>
/// The settings the host reads, from appsettings.json beside the executable and then the operator's
/// settings.json (docs/operations.md lists them). A damaged file or a value of the wrong type is an
/// <see cref="InvalidInputException"/> naming the file, the line and the setting — never a stack trace (issue 10).
/// </summary>
/// <remarks>
/// Read with System.Text.Json's document reader, as the configuration JSON provider reads them (keys joined with
/// ':', case-insensitive, array items numbered, a later file overriding key by key), but without building an
/// IConfiguration: nothing else reads one, and the configuration stack cost every start tens of milliseconds (issue 11).
/// </remarks>
public sealed record HostSettings(
    string? DatabasePath,
    IReadOnlyList<string> PluginPaths,
    IReadOnlySet<string> DisabledPlugins,
    bool RequirePluginApproval,
    DeadlineSettings Deadlines,
    bool ClerksWaitForSessionEnd,
    bool Mouse)
{
    private static readonly JsonDocumentOptions Syntax = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 64 };

    /// <summary>Reads <paramref name="files"/> in order (later ones win); missing files are skipped.</summary>
    public static HostSettings Load(IEnumerable<string> files)
    {
        var values = new Values();
        foreach (var file in files)
        {
            if (!File.Exists(file)) continue;
            using var doc = Parse(file);
            try { values.Add(doc.RootElement, "", file); }
            catch (InvalidOperationException e) // a name or text that is not valid UTF-8 (or a lone surrogate) once unescaped
            {
                throw new InvalidInputException($"设置文件 {file} 不是有效的 JSON：其中的文字不是有效的 UTF-8（{e.Message}）", e);
            }
        }
        return new HostSettings(
            values.Text("Database:Path"),
            values.List("Plugins:Paths"),
            values.List("Plugins:Disabled").ToHashSet(StringComparer.Ordinal),
            values.Bool(Core.Security.PluginApprovals.RequireApprovalSetting, false),
            DeadlineSettings.Of(values.Int("Rectification:GreenDays", 20), values.Int("Rectification:YellowDays", 10),
                values.Int("Rectification:ConsequenceDays", 90)),
            values.Bool(Core.Ballots.BallotSettings.Setting, true),
            values.Bool("Console:Mouse", true));
    }

    /// <summary>The JSON itself (comments and trailing commas allowed); a mistake is reported with its line and column.</summary>
    private static JsonDocument Parse(string file)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(file); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException($"设置文件 {file} 无法读取：{e.Message}", e);
        }
        JsonDocument doc;
        try { doc = JsonDocument.Parse(bytes, Syntax); }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $"第 {line + 1} 行第 {(e.BytePositionInLine ?? 0) + 1} 个字节处" : "";
            throw new InvalidInputException($"设置文件 {file} {where}不是有效的 JSON：{e.Message}", e);
        }
        if (doc.RootElement.ValueKind != JsonValueKind.Object)
        {
            var kind = doc.RootElement.ValueKind;
            doc.Dispose();
            throw new InvalidInputException($"设置文件 {file} 有误：最外层须是一个对象 {{ … }}，实际是 {kind}");
        }
        return doc;
    }

    /// <summary>Every setting as a key path (<c>Plugins:Paths:0</c>) with its text and the file it came from.</summary>
    private sealed class Values
    {
        private readonly Dictionary<string, (string? Text, string File)> _all = new(StringComparer.OrdinalIgnoreCase);

        public void Add(JsonElement element, string path, string file)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                    foreach (var p in element.EnumerateObject())
                    {
                        var key = path.Length == 0 ? p.Name : $"{path}:{p.Name}";
                        if (!seen.Add(p.Name)) throw new InvalidInputException($"设置文件 {file} 有误：设置 {key} 出现了两次");
                        Add(p.Value, key, file);
                    }
                    if (seen.Count == 0 && path.Length > 0) _all[path] = (null, file);
                    break;
                case JsonValueKind.Array:
                    var i = 0;
                    foreach (var item in element.EnumerateArray()) Add(item, $"{path}:{i++}", file);
                    if (i == 0) _all[path] = (null, file);
                    break;
                case JsonValueKind.String:
                    _all[path] = (element.GetString(), file);
                    break;
                case JsonValueKind.Null:
                    _all[path] = (null, file);
                    break;
                default: // numbers, true, false: their text, as the configuration reader keeps them
                    _all[path] = (element.GetRawText(), file);
                    break;
            }
        }

        public string? Text(string key)
        {
            if (Children(key).Any()) throw Wrong(key, "一个路径（字符串）");
            var text = Find(key)?.Text;
            return string.IsNullOrWhiteSpace(text) ? null : text;
        }

        public List<string> List(string key)
        {
            if (Find(key)?.Text is { Length: > 0 }) throw Wrong(key, "一个数组 [ … ]");
            var items = new List<string>();
            foreach (var child in Children(key).OrderBy(c => int.TryParse(c, out var n) ? n : int.MaxValue).ThenBy(c => c, StringComparer.OrdinalIgnoreCase))
            {
                var childKey = $"{key}:{child}";
                if (Children(childKey).Any()) throw Wrong(childKey, "一个字符串");
                if (Find(childKey)?.Text is { } text && !string.IsNullOrWhiteSpace(text)) items.Add(text);
            }
            return items;
        }

        public bool Bool(string key, bool fallback) =>
            Scalar(key) is not { } text ? fallback
                : bool.TryParse(text, out var b) ? b : throw Wrong(key, " true 或 false");

        public int Int(string key, int fallback) =>
            Scalar(key) is not { } text ? fallback
                : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : throw Wrong(key, "一个整数");

        private string? Scalar(string key)
        {
            if (Children(key).Any()) throw Wrong(key, "一个值，不是对象或数组");
            return Find(key)?.Text is { Length: > 0 } text ? text : null;
        }

        private (string? Text, string File)? Find(string key) => _all.TryGetValue(key, out var v) ? v : null;

        /// <summary>The names one level below <paramref name="key"/>.</summary>
        private IEnumerable<string> Children(string key) =>
            _all.Keys.Where(k => k.Length > key.Length + 1 && k.StartsWith(key + ":", StringComparison.OrdinalIgnoreCase))
                .Select(k => k[(key.Length + 1)..].Split(':')[0]).Distinct(StringComparer.OrdinalIgnoreCase);

        private InvalidInputException Wrong(string key, string expected)
        {
            var file = Find(key)?.File ?? _all.FirstOrDefault(kv => kv.Key.StartsWith(key + ":", StringComparison.OrdinalIgnoreCase)).Value.File;
            var where = file is null ? "" : $"（{file}）";
            return new($"设置 {key}{where} 的值无效：须是{expected}（见 docs/operations.md 的“设置”一节）");
        }
    }
}
