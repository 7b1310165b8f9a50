using System.Text.Json;
using Microsoft.Extensions.Configuration;
using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Rectification;

namespace ShuzhiKaohe.Host;

/// <summary>
/// The settings the host reads, from appsettings.json beside the executable and then the operator's
/// settings.json (docs/operations.md lists them). A damaged file or a value of the wrong type is an
/// <see cref="InvalidInputException"/> naming the file, the line and the setting — never a stack trace (issue 10).
/// </summary>
public sealed record HostSettings(
    IConfiguration Configuration,
    string? DatabasePath,
    IReadOnlyList<string> PluginPaths,
    IReadOnlySet<string> DisabledPlugins,
    bool RequirePluginApproval,
    DeadlineSettings Deadlines,
    bool ClerksWaitForSessionEnd,
    bool Mouse)
{
    /// <summary>Reads <paramref name="files"/> in order (later ones win); missing files are skipped.</summary>
    public static HostSettings Load(IEnumerable<string> files)
    {
        var builder = new ConfigurationBuilder();
        foreach (var file in files)
        {
            if (!File.Exists(file)) continue;
            CheckSyntax(file);
            builder.AddJsonFile(file, optional: true, reloadOnChange: false);
        }
        IConfiguration config;
        try { config = builder.Build(); }
        catch (Exception e) when (e is InvalidDataException or FormatException or JsonException or IOException)
        {
            throw new InvalidInputException($"设置文件有误：{Describe(e)}", e);
        }
        return new HostSettings(
            config,
            Text(config, "Database:Path"),
            List(config, "Plugins:Paths"),
            List(config, "Plugins:Disabled").ToHashSet(StringComparer.Ordinal),
            Value(config, Core.Security.PluginApprovals.RequireApprovalSetting, false),
            DeadlineSettings.Of(Value(config, "Rectification:GreenDays", 20), Value(config, "Rectification:YellowDays", 10),
                Value(config, "Rectification:ConsequenceDays", 90)),
            Value(config, Core.Ballots.BallotSettings.Setting, true),
            Value(config, "Console:Mouse", true));
    }

    /// <summary>
    /// The JSON itself, checked as the configuration reader will read it (comments and trailing commas allowed),
    /// so that a mistake is reported with its line and column rather than as the reader's generic failure.
    /// </summary>
    private static void CheckSyntax(string file)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(file); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException($"设置文件 {file} 无法读取：{e.Message}", e);
        }
        try
        {
            using var doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 64 });
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                throw new InvalidInputException($"设置文件 {file} 有误：最外层须是一个对象 {{ … }}，实际是 {doc.RootElement.ValueKind}");
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $"第 {line + 1} 行第 {(e.BytePositionInLine ?? 0) + 1} 个字节处" : "";
            throw new InvalidInputException($"设置文件 {file} {where}不是有效的 JSON：{e.Message}", e);
        }
    }

    private static string? Text(IConfiguration config, string key)
    {
        var section = config.GetSection(key);
        if (section.GetChildren().Any()) throw Wrong(key, "一个路径（字符串）");
        return string.IsNullOrWhiteSpace(section.Value) ? null : section.Value;
    }

    private static List<string> List(IConfiguration config, string key)
    {
        var section = config.GetSection(key);
        if (section.Value is { Length: > 0 }) throw Wrong(key, "一个数组 [ … ]");
        var items = new List<string>();
        foreach (var child in section.GetChildren())
        {
            if (child.GetChildren().Any()) throw Wrong($"{key}:{child.Key}", "一个字符串");
            if (!string.IsNullOrWhiteSpace(child.Value)) items.Add(child.Value);
        }
        return items;
    }

    private static T Value<T>(IConfiguration config, string key, T fallback)
    {
        try { return config.GetValue(key, fallback)!; }
        catch (InvalidOperationException)
        {
            throw Wrong(key, typeof(T) == typeof(bool) ? " true 或 false" : "一个整数");
        }
    }

    private static InvalidInputException Wrong(string key, string expected) =>
        new($"设置 {key} 的值无效：须是{expected}（见 docs/operations.md 的“设置”一节）");

    private static string Describe(Exception e)
    {
        var parts = new List<string>();
        for (var x = e; x is not null; x = x.InnerException) parts.Add(x.Message);
        return string.Join(" —— ", parts.Distinct());
    }
}
