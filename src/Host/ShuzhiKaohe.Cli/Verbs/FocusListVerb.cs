using System.CommandLine;
using ShuzhiKaohe.Core.Focus;
using ShuzhiKaohe.Core.Rectification;

namespace ShuzhiKaohe.Cli.Verbs;

/// <summary><c>shuzhi focus list --campaign ID [--org CODE]</c>: a campaign's focus items (第四条).</summary>
internal sealed class FocusListVerb : IFocusVerb
{
    public int Order => 20;

    public Command Build(CliApp app)
    {
        var id = CampaignOptions.Campaign();
        var org = new Option<string?>("--org") { Description = "某一考核对象（按其层级列出）；不给则列全部名单的并集", HelpName = "CODE" };
        var cmd = new Command("list", "考核的重点内容：标准、板块（按考核对象层级）、年度、必考；超过上限时提醒“防止面面俱到”") { id, org };
        cmd.SetAction(pr => app.Run(pr, ctx =>
        {
            // 第四条: last year's open rectification items come with the mandatory rectification item (Core's CarryOverView).
            var r = ctx.Get<CarryOverView>().Focus(ctx.Value(id), ctx.Value(org));
            ctx.Warn(r.Warnings);
            return ctx.Emit(r.Value.Select(l => l.Carried is { } carried ? WithCarried(l.Item, carried) : Json(l.Item)).ToList(), o =>
            {
                foreach (var (i, carried) in r.Value)
                {
                    o.WriteLine($"{i.Weight,5:0.#}  {i.Source.Key(),-9} {i.Code,-28} {i.Title}");
                    foreach (var c in carried ?? []) o.WriteLine($"         上年整改事项 [{c.Id}] {c.OrgCode} {c.Description}（{c.Status.Chinese()}）");
                }
                o.WriteLine($"共 {r.Value.Count} 项。");
            });
        }));
        return cmd;
    }

    private static object WithCarried(CampaignFocusItem i, IReadOnlyList<RectificationItem> carried) => new
    {
        code = i.Code, title = i.Title, weight = i.Weight, source = i.Source.Key(), indicator = i.Indicator, rubric = i.Rubric,
        carried = carried.Select(RectifyVerbs.CarriedJson).ToList(),
    };

    internal static object Json(CampaignFocusItem i) => new
    {
        code = i.Code, title = i.Title, weight = i.Weight, source = i.Source.Key(), indicator = i.Indicator, rubric = i.Rubric,
    };
}

/// <summary><c>shuzhi focus add --campaign ID --title TEXT [--indicator TEXT] [--weight W]</c>: an annual key task.</summary>
internal sealed class FocusAddVerb : IFocusVerb
{
    public int Order => 30;

    public Command Build(CliApp app)
    {
        var id = CampaignOptions.Campaign();
        var title = new Option<string>("--title") { Description = "年度重点任务的标题", Required = true, HelpName = "TEXT" };
        var indicator = new Option<string?>("--indicator") { Description = "评判什么（经反形式主义审查，第六条）", HelpName = "TEXT" };
        var weight = new Option<decimal?>("--weight") { Description = $"权重，默认 {CampaignFocusService.DefaultAnnualWeight}", HelpName = "W" };
        var cmd = new Command("add", "增加年度重点任务（计划阶段，第四条）") { id, title, indicator, weight };
        cmd.SetAction(pr => app.Run(pr, ctx =>
        {
            var r = ctx.Get<CampaignFocusService>().AddAnnual(ctx.Value(id), ctx.Value(title)!, ctx.Value(indicator), ctx.Value(weight));
            ctx.Warn(r.Warnings);
            return ctx.Emit(FocusListVerb.Json(r.Value), o => o.WriteLine($"已增加年度重点内容 {r.Value.Code}：{r.Value.Title}"));
        }));
        return cmd;
    }
}
