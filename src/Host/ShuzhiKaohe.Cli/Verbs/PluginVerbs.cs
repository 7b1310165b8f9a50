using System.CommandLine;
using System.Text.Json.Nodes;
using ShuzhiKaohe.Core.Plugins;
using ShuzhiKaohe.Core.Security;

namespace ShuzhiKaohe.Cli.Verbs;

/// <summary><c>shuzhi plugin list|check|approve|revoke</c>.</summary>
internal sealed class PluginVerbs : IVerbGroup
{
    public int Order => 80;
    public string Noun => "plugin";

    public Command Build(CliApp app)
    {
        var plugin = new Command("plugin", "板块插件");
        var list = new Command("list", "列出找到的插件及其状态与批准情况：不加载插件代码，合格的插件为 verified（已核对清单与程序集元数据）；disabled | malfunctioned 附原因");
        list.SetAction(pr => app.Run(pr, ctx => Show(ctx, ctx.Get<PluginAdmin>().List())));
        plugin.Subcommands.Add(list);

        var check = new Command("check", "加载每个插件的代码并检查（loaded | malfunctioned 附原因 | disabled）；有插件故障时退出码为 1");
        check.SetAction(pr => app.Run(pr, ctx =>
        {
            var plugins = ctx.Get<PluginAdmin>().Check();
            var code = Show(ctx, plugins);
            return plugins.Any(l => l.Plugin.State == PluginState.Malfunctioned) ? ExitCodes.Refused : code;
        }));
        plugin.Subcommands.Add(check);

        var id = new Argument<string>("ID") { Description = "插件 id（见 plugin list）" };
        var approve = new Command("approve", "把插件当前的文件列入许可清单（管理员；设置 Plugins:RequireApproval 开启时只加载获批准的插件）") { id };
        approve.SetAction(pr => app.Run(pr, ctx =>
        {
            var l = ctx.Get<PluginAdmin>().Approve(ctx.Value(id)!);
            return ctx.Emit(new { id = l.Plugin.Id, version = l.Plugin.Version, approval = l.Approval },
                o => o.WriteLine($"已批准插件 {l.Plugin.Id} {l.Plugin.Version}（下次启动时生效）。"));
        }));
        plugin.Subcommands.Add(approve);

        var revoke = new Command("revoke", "把插件移出许可清单（管理员）") { id };
        revoke.SetAction(pr => app.Run(pr, ctx =>
        {
            ctx.Get<PluginAdmin>().Revoke(ctx.Value(id)!);
            return ctx.Emit(new { id = ctx.Value(id), approval = "unapproved" }, o => o.WriteLine($"已撤销插件 {ctx.Value(id)} 的批准。"));
        }));
        plugin.Subcommands.Add(revoke);
        return plugin;
    }

    private static int Show(CliContext ctx, IReadOnlyList<PluginListing> plugins) =>
        // Built as nodes: `plugin list` is the cold-start benchmark's verb, and scripts poll it (CliContext.Emit).
        ctx.Emit(new JsonArray(plugins.Select(l => (JsonNode?)new JsonObject
        {
            ["id"] = l.Plugin.Id, ["name"] = l.Plugin.Name, ["version"] = l.Plugin.Version,
            ["sectors"] = new JsonArray(l.Plugin.Sectors.Select(s => (JsonNode?)s).ToArray()), ["status"] = l.Plugin.StatusText,
            ["checked"] = l.Plugin.Checked, ["reason"] = l.Plugin.Reason, ["folder"] = l.Plugin.Folder, ["contract"] = l.Plugin.Contract,
            ["approval"] = l.Approval,
        }).ToArray()), o =>
        {
            if (plugins.Count == 0) o.WriteLine("未找到插件。");
            foreach (var (p, approval) in plugins)
            {
                o.WriteLine($"{p.StatusText,-13} {p.Id,-24} {p.Version,-8} {p.Name}  [{string.Join(", ", p.Sectors)}]  {approval}");
                if (p.Reason is not null) o.WriteLine($"              原因：{p.Reason}");
            }
            if (plugins.Any(l => l.Plugin.State == PluginState.Verified))
                o.WriteLine("verified：已核对清单、契约版本与程序集元数据，代码尚未加载（用到该板块时加载）；`shuzhi plugin check` 加载并检查每个插件。");
        });
}
