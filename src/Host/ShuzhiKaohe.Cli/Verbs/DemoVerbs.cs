using System.CommandLine;
using ShuzhiKaohe.Core.Campaigns;
using ShuzhiKaohe.Core.Demo;

namespace ShuzhiKaohe.Cli.Verbs;

/// <summary><c>shuzhi demo [--divisions FILE]</c> — a database to explore: 湖北省, a financial holding group, campaigns at every stage.</summary>
internal sealed class DemoVerbs : IVerbGroup
{
    public int Order => 5;
    public string Noun => "demo";

    public Command Build(CliApp app)
    {
        var divisions = new Option<string?>("--divisions")
        {
            Description = $"行政区划文件（默认随程序提供的 demo/{DemoBuilder.DivisionsFile}）", HelpName = "FILE",
        };
        var cmd = new Command("demo", "在空数据库上建立示例数据：湖北省党组织、市属金融控股集团、书记任职、处于各阶段的考核") { divisions };
        cmd.SetAction(pr => app.Run(pr, ctx =>
        {
            var r = ctx.Get<DemoBuilder>().Build(ctx.Value(divisions));
            return ctx.Emit(new
                {
                    organisations = r.Organisations,
                    secretaries = r.Secretaries,
                    campaigns = r.Campaigns.Select(c => new { id = c.Id, title = c.Title, stage = c.Stage.Key() }),
                },
                o =>
                {
                    o.WriteLine($"已建立示例数据：{r.Organisations} 个党组织，{r.Secretaries} 名书记。");
                    foreach (var c in r.Campaigns) o.WriteLine($"  考核 {c.Id}　{c.Title}　{c.Stage.Chinese()}");
                    o.WriteLine("运行 shuzhi（不带参数）打开操作台浏览。");
                });
        }));
        return cmd;
    }
}
