using System.CommandLine;
using ShuzhiKaohe.Core.Campaigns;

namespace ShuzhiKaohe.Cli.Verbs;

/// <summary><c>shuzhi campaign create|show|list|advance|roster …</c> — the annual campaign (第三、五条).</summary>
internal sealed class CampaignVerbs : IVerbGroup
{
    public int Order => 20;
    public string Noun => "campaign";

    public Command Build(CliApp app)
    {
        var campaign = new Command("campaign", "年度述职评议考核：创建、查看、名单、推进阶段（第三、五条）");
        campaign.Subcommands.Add(Create(app));
        campaign.Subcommands.Add(Show(app));
        campaign.Subcommands.Add(List(app));
        campaign.Subcommands.Add(Advance(app));
        campaign.Subcommands.Add(Roster(app));
        campaign.Subcommands.Add(ReportingVerbs.Summary(app));
        foreach (var bundle in BundleVerbs.All(app)) campaign.Subcommands.Add(bundle);
        return campaign;
    }

    private static Command Create(CliApp app)
    {
        var organiser = new Option<string>("--organiser") { Description = "组织考核的党组织代码（上一级党组织）", Required = true, HelpName = "CODE" };
        var year = new Option<int>("--year") { Description = "考核年度（2019 起，第十条）", Required = true, HelpName = "YYYY" };
        var ratio = new Option<double?>("--min-below-good") { Description = "“较好”及以下等次的最低比例，0–1 之间（第六条）", HelpName = "RATIO" };
        var limit = new Option<int?>("--focus-limit") { Description = $"每个考核对象重点内容的上限，超过时提醒“防止面面俱到”（第四条，默认 {CampaignService.DefaultFocusLimit}）", HelpName = "N" };
        var cmd = new Command("create", "创建考核：默认名单为组织者的直接下级党组织（跳过统计分组）") { organiser, year, ratio, limit };
        cmd.SetAction(pr => app.Run(pr, ctx =>
        {
            var r = ctx.Get<CampaignService>().Create(ctx.Value(organiser)!, ctx.Value(year), ctx.Value(ratio), ctx.Value(limit));
            ctx.Warn(r.Warnings);
            return ctx.Emit(CampaignJson.View(r.Value), o => CampaignJson.Write(o, r.Value));
        }));
        return cmd;
    }

    private static Command Show(CliApp app)
    {
        var id = CampaignOptions.Campaign();
        var cmd = new Command("show", "查看考核：阶段、名单与考核对象（书记）、阶段记录") { id };
        cmd.SetAction(pr => app.Run(pr, ctx =>
        {
            var view = ctx.Get<CampaignService>().Show(ctx.Value(id));
            ctx.Warn(Assessee.Summarise(view.Roster, view.Campaign.Year));
            return ctx.Emit(CampaignJson.View(view), o => CampaignJson.Write(o, view));
        }));
        return cmd;
    }

    private static Command List(CliApp app)
    {
        var organiser = new Option<string?>("--organiser") { Description = "只列该组织者的考核", HelpName = "CODE" };
        var year = new Option<int?>("--year") { Description = "只列该年度", HelpName = "YYYY" };
        var cmd = new Command("list", "列出考核") { organiser, year };
        cmd.SetAction(pr => app.Run(pr, ctx =>
        {
            var list = ctx.Get<CampaignService>().List(ctx.Value(organiser), ctx.Value(year));
            return ctx.Emit(list.Select(CampaignJson.Summary).ToList(), o =>
            {
                if (list.Count == 0) o.WriteLine("没有考核。");
                foreach (var c in list) o.WriteLine($"{c.Id,5}  {c.Year}  {c.OrganiserCode,-12} {c.OrganiserName}  {c.Stage.Chinese()}");
            });
        }));
        return cmd;
    }

    private static Command Advance(CliApp app)
    {
        var id = CampaignOptions.Campaign();
        var cmd = new Command("advance", "推进到下一阶段：计划 → 实地考核 → 述职评议会 → 综合评价（批准用 evaluate approve）→ 结束") { id };
        cmd.SetAction(pr => app.Run(pr, ctx =>
        {
            var r = ctx.Get<CampaignService>().Advance(ctx.Value(id));
            ctx.Warn(r.Warnings);
            return ctx.Emit(CampaignJson.Summary(r.Value), o => o.WriteLine($"考核 {r.Value.Id} 进入“{r.Value.Stage.Chinese()}”阶段。"));
        }));
        return cmd;
    }

    private static Command Roster(CliApp app)
    {
        var roster = new Command("roster", "考核名单：计划阶段可加入、移出（第三条）");

        var id = CampaignOptions.Campaign();
        var org = CampaignOptions.Org("组织代码");
        var reason = new Option<string?>("--reason") { Description = "理由（加入时可选，移出时必填）", HelpName = "TEXT" };
        var add = new Command("add", "加入名单（如有代表性的机关、国有企业、高校，第三条），或恢复已移出的") { id, org, reason };
        add.SetAction(pr => app.Run(pr, ctx =>
        {
            var r = ctx.Get<CampaignService>().AddToRoster(ctx.Value(id), ctx.Value(org)!, ctx.Value(reason));
            ctx.Warn(r.Warnings);
            return ctx.Emit(CampaignJson.View(r.Value), o => o.WriteLine($"已将 {ctx.Value(org)} 加入考核 {r.Value.Campaign.Id} 的名单（共 {r.Value.Roster.Count} 个）。"));
        }));
        roster.Subcommands.Add(add);

        var rid = CampaignOptions.Campaign();
        var rorg = CampaignOptions.Org("组织代码");
        var rreason = new Option<string>("--reason") { Description = "移出理由", Required = true, HelpName = "TEXT" };
        var remove = new Command("remove", "移出名单（须说明理由，记录在案）") { rid, rorg, rreason };
        remove.SetAction(pr => app.Run(pr, ctx =>
        {
            var v = ctx.Get<CampaignService>().RemoveFromRoster(ctx.Value(rid), ctx.Value(rorg)!, ctx.Value(rreason)!);
            return ctx.Emit(CampaignJson.View(v), o => o.WriteLine($"已将 {ctx.Value(rorg)} 移出考核 {v.Campaign.Id} 的名单（共 {v.Roster.Count} 个）。"));
        }));
        roster.Subcommands.Add(remove);

        var aid = CampaignOptions.Campaign();
        var aorg = CampaignOptions.Org();
        var term = new Option<long?>("--term") { Description = "书记任职记录编号；不给则按述职评议会日期在任者", HelpName = "ID" };
        var assessee = new Command("assessee", "计划阶段指定考核对象（某一任书记）") { aid, aorg, term };
        assessee.SetAction(pr => app.Run(pr, ctx =>
        {
            var v = ctx.Get<CampaignService>().PinAssessee(ctx.Value(aid), ctx.Value(aorg)!, ctx.Value(term));
            return ctx.Emit(CampaignJson.View(v), o => CampaignJson.Write(o, v));
        }));
        roster.Subcommands.Add(assessee);
        return roster;
    }
}
