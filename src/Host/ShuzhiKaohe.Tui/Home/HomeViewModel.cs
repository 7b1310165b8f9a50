using ShuzhiKaohe.Core;
using ShuzhiKaohe.Core.Plugins;
using ShuzhiKaohe.Core.Storage;

namespace ShuzhiKaohe.Tui.Home;

/// <summary>What the first screen shows: the database and the plugins. Plain data, testable without a terminal.</summary>
public sealed class HomeViewModel(DatabaseAdmin database, PluginCatalog plugins, OperatorContext who)
{
    public string Operator => who.Name;

    public IReadOnlyList<string> DatabaseLines()
    {
        var c = database.Check();
        return
        [
            $"数据库：{c.Path}",
            $"结构版本 {c.SchemaVersion}　大小 {c.SizeBytes / 1024.0:N0} KiB　完整性 {(c.IntegrityOk ? "正常" : "异常")}",
        ];
    }

    public IReadOnlyList<string> PluginLines() =>
        plugins.Plugins.Count == 0
            ? ["未找到插件：plugins/ 文件夹为空。"]
            : plugins.Plugins.Select(p => p.State switch
            {
                PluginState.Loaded => $"✓ {p.Name}（{p.Id} {p.Version}）",
                PluginState.Disabled => $"– {p.Name}（{p.Id}）已停用：{p.Reason}",
                _ => $"✗ {p.Name}（{p.Id}）故障：{p.Reason}",
            }).ToList();
}
