using System.CommandLine;
using ShuzhiKaohe.Core.Plugins;

namespace ShuzhiKaohe.Cli.Verbs;

/// <summary><c>shuzhi plugin list</c>.</summary>
internal sealed class PluginVerbs : IVerbGroup
{
    public int Order => 80;

    public Command Build(CliApp app)
    {
        var plugin = new Command("plugin", "板块插件");
        var list = new Command("list", "列出找到的插件及其状态（loaded | malfunctioned | disabled）");
        list.SetAction(pr => app.Run(pr, ctx =>
        {
            var catalog = ctx.Get<PluginCatalog>();
            return ctx.Emit(catalog.Plugins.Select(p => new
            {
                id = p.Id, name = p.Name, version = p.Version, sectors = p.Sectors, status = p.StatusText,
                reason = p.Reason, folder = p.Folder, contract = p.Contract,
            }).ToList(), o =>
            {
                if (catalog.Plugins.Count == 0) o.WriteLine("未找到插件。");
                foreach (var p in catalog.Plugins)
                {
                    o.WriteLine($"{p.StatusText,-13} {p.Id,-24} {p.Version,-8} {p.Name}  [{string.Join(", ", p.Sectors)}]");
                    if (p.Reason is not null) o.WriteLine($"              原因：{p.Reason}");
                }
            });
        }));
        plugin.Subcommands.Add(list);
        return plugin;
    }
}
