using System.Text;
using System.Text.Json;

namespace ShuzhiKaohe.Core.Audit;

/// <summary>Before/after summaries of a record's state, field by field.</summary>
public static class AuditSummary
{
    private const int MaxLength = 4000;

    /// <summary>"新建：{…}", "删除：{…}", or "field: old → new；…" for the fields that changed.</summary>
    public static string Between(string? before, string? after)
    {
        if (before is null && after is null) return "";
        if (before is null) return Cap("新建：" + after);
        if (after is null) return Cap("删除：" + before);
        var b = Fields(before);
        var a = Fields(after);
        var sb = new StringBuilder();
        foreach (var name in b.Keys.Union(a.Keys))
        {
            var old = b.GetValueOrDefault(name, "∅");
            var now = a.GetValueOrDefault(name, "∅");
            if (old == now) continue;
            if (sb.Length > 0) sb.Append('；');
            sb.Append(name).Append(": ").Append(old).Append(" → ").Append(now);
        }
        return Cap(sb.Length == 0 ? "无变化" : sb.ToString());
    }

    private static Dictionary<string, string> Fields(string json)
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return new() { ["state"] = json };
            foreach (var p in doc.RootElement.EnumerateObject()) d[p.Name] = p.Value.GetRawText();
        }
        catch (JsonException)
        {
            d["state"] = json;
        }
        return d;
    }

    private static string Cap(string s) => s.Length <= MaxLength ? s : s[..MaxLength] + "…";
}
