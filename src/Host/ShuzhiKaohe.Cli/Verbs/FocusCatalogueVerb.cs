using System.CommandLine;
using ShuzhiKaohe.Core.Focus;

namespace ShuzhiKaohe.Cli.Verbs;

/// <summary><c>shuzhi focus catalogue --sector KEY --level N --year YYYY</c>: what a campaign can start from.</summary>
internal sealed class FocusCatalogueVerb : IFocusVerb
{
    public int Order => 10;

    public Command Build(CliApp app)
    {
        var sector = new Option<string>("--sector") { Description = "板块 key（见 `shuzhi plugin list`），如 localities、soe", Required = true, HelpName = "KEY" };
        var level = new Option<int>("--level") { Description = "层级（1 为板块最高层）", Required = true, HelpName = "LEVEL" };
        var year = new Option<int>("--year") { Description = "考核年度", Required = true, HelpName = "YYYY" };
        var cmd = new Command("catalogue", "板块在某层级、某年度的重点内容目录：第四条五项标准内容 + 板块内容 + 两项必考内容，含权重与评分细则")
        {
            sector, level, year,
        };
        cmd.SetAction(pr => app.Run(pr, ctx =>
        {
            var result = ctx.Get<FocusCatalogue>().For(ctx.Value(sector)!, ctx.Value(level), ctx.Value(year));
            ctx.Warn(result.Warnings);
            var items = result.Value;
            return ctx.Emit(items.Select(i => new
            {
                code = i.Code, title = i.Title, weight = i.Weight, source = i.Source, rubric = i.Rubric, indicator = i.Indicator,
            }).ToList(), o =>
            {
                foreach (var i in items)
                {
                    o.WriteLine($"{i.Weight,5:0.#}  {SourceName(i.Source)}  {i.Code,-28} {i.Title}");
                    o.WriteLine($"       评判：{i.Indicator}");
                    o.WriteLine($"       细则：{i.Rubric}");
                }
                o.WriteLine($"共 {items.Count} 项，权重合计 {items.Sum(i => i.Weight):0.#}。");
            });
        }));
        return cmd;
    }

    private static string SourceName(FocusSource s) => s switch
    {
        FocusSource.Standard => "标准",
        FocusSource.Mandatory => "必考",
        _ => "板块",
    };
}
