using System.CommandLine;
using ShuzhiKaohe.Core.Rectification;

namespace ShuzhiKaohe.Cli.Verbs;

/// <summary><c>shuzhi rectify list|add|circulate|circulations|progress|close|refer</c> — the rectification list (整改清单, 第四、七条).</summary>
internal sealed class RectifyVerbs : IVerbGroup
{
    public int Order => 74;
    public string Noun => "rectify";

    public Command Build(CliApp app)
    {
        var rectify = new Command("rectify", "整改清单：来源、措施、责任人、期限（三色预警）、进展；问责不代替整改（第七条）");

        var lid = new Option<long?>("--campaign") { Description = "只列该考核提出的事项", HelpName = "ID" };
        var lorg = new Option<string?>("--org") { Description = "只列该组织的事项", HelpName = "CODE" };
        var overdue = new Option<bool>("--overdue") { Description = "只列逾期未完成的" };
        var list = new Command("list", "列出整改事项") { lid, lorg, overdue };
        list.SetAction(pr => app.Run(pr, ctx =>
        {
            var service = ctx.Get<RectificationService>();
            var all = service.List(ctx.Value(lid), ctx.Value(lorg), ctx.Value(overdue));
            return ctx.Emit(all.Select(i => Json(i, service.Thresholds)).ToList(), o =>
            {
                foreach (var i in all) Write(o, i, service.Thresholds);
                if (all.Count == 0) o.WriteLine("没有整改事项。");
            });
        }));
        rectify.Subcommands.Add(list);

        var org = CampaignOptions.Org("整改的组织代码");
        var source = new Option<string>("--source") { Description = "来源：comment|ballot|inspection|evaluation|inspection_tour|consequence", Required = true, HelpName = "SOURCE" };
        var description = new Option<string>("--description") { Description = "问题", Required = true, HelpName = "TEXT" };
        var deadline = new Option<string>("--deadline") { Description = "整改期限", Required = true, HelpName = "YYYY-MM-DD" };
        var campaign = new Option<long?>("--campaign") { Description = "提出该事项的考核", HelpName = "ID" };
        var measures = new Option<string?>("--measures") { Description = "整改措施", HelpName = "TEXT" };
        var owner = new Option<string?>("--owner") { Description = "责任人", HelpName = "TEXT" };
        var reference = new Option<string?>("--source-ref") { Description = "来源的出处（如点评编号、巡察反馈文号）", HelpName = "TEXT" };
        var add = new Command("add", "增加整改事项") { org, source, description, deadline, campaign, measures, owner, reference };
        add.SetAction(pr => app.Run(pr, ctx =>
        {
            var service = ctx.Get<RectificationService>();
            var i = service.Add(ctx.Value(org)!, RectificationKeys.ParseSource(ctx.Value(source)!), ctx.Value(description)!,
                CampaignOptions.ParseDate(ctx.Value(deadline)!), ctx.Value(campaign), ctx.Value(measures), ctx.Value(owner), ctx.Value(reference));
            return ctx.Emit(Json(i, service.Thresholds), o => Write(o, i, service.Thresholds));
        }));
        rectify.Subcommands.Add(add);

        var cid = CampaignOptions.Campaign();
        var scope = new Option<string?>("--scope") { Description = "通报范围，如“全区各街道党工委”", HelpName = "TEXT" };
        var circulate = new Command("circulate", "上级通报该考核整改清单的进展：记录谁、何时、范围及当时各状态的事项数") { cid, scope };
        circulate.SetAction(pr => app.Run(pr, ctx =>
        {
            var r = ctx.Get<RectificationService>().Circulate(ctx.Value(cid), ctx.Value(scope));
            ctx.Warn(r.Warnings);
            return ctx.Emit(CirculationJson(r.Value), o => WriteCirculation(o, r.Value));
        }));
        rectify.Subcommands.Add(circulate);

        var lcid = new Option<long?>("--campaign") { Description = "只列该考核的通报", HelpName = "ID" };
        var circulations = new Command("circulations", "列出整改进展的通报记录") { lcid };
        circulations.SetAction(pr => app.Run(pr, ctx =>
        {
            var all = ctx.Get<RectificationService>().Circulations(ctx.Value(lcid));
            return ctx.Emit(all.Select(CirculationJson).ToList(), o =>
            {
                foreach (var x in all) WriteCirculation(o, x);
                if (all.Count == 0) o.WriteLine("没有通报记录。");
            });
        }));
        rectify.Subcommands.Add(circulations);

        rectify.Subcommands.Add(Change(app, "progress", "记录整改进展（未整改 → 整改中）", "--note", (s, id, text, v) => s.Progress(id, text, v)));
        rectify.Subcommands.Add(Change(app, "close", "整改完成", "--note", (s, id, text, v) => s.Close(id, text, v)));
        rectify.Subcommands.Add(Change(app, "refer", "移交追责问责（第七条：不代替整改，事项保持未完成）", "--reason", (s, id, text, v) => s.Refer(id, text, v)));
        return rectify;
    }

    private static Command Change(CliApp app, string name, string description, string textOption,
        Func<RectificationService, long, string, long?, RectificationItem> apply)
    {
        var id = new Option<long>("--id") { Description = "整改事项编号", Required = true, HelpName = "ID" };
        var text = new Option<string>(textOption) { Description = "说明", Required = true, HelpName = "TEXT" };
        // Two operators on one item: the second is told, never silently overwritten (issue 10 §1).
        var version = new Option<long?>("--if-version") { Description = "只在事项仍是这个版本（rectify list 的 row_version）时修改，否则拒绝", HelpName = "N" };
        var cmd = new Command(name, description) { id, text, version };
        cmd.SetAction(pr => app.Run(pr, ctx =>
        {
            var service = ctx.Get<RectificationService>();
            var i = apply(service, ctx.Value(id), ctx.Value(text)!, ctx.Value(version));
            if (name == "refer") ctx.Warn("第七条：避免简单以问责代替整改，该事项仍须整改完成");
            return ctx.Emit(Json(i, service.Thresholds), o => Write(o, i, service.Thresholds));
        }));
        return cmd;
    }

    private static object CirculationJson(RectificationCirculation x) => new
    {
        id = x.Id, campaign = x.CampaignId, scope = x.Scope, items = x.Items, open = x.Open, in_progress = x.InProgress, done = x.Done, overdue = x.Overdue,
        circulated_by = x.CirculatedBy, circulated_at = x.CirculatedAt,
    };

    private static void WriteCirculation(TextWriter o, RectificationCirculation x) =>
        o.WriteLine($"[{x.Id}] 考核 {x.CampaignId} {x.CirculatedAt} {x.CirculatedBy} 通报{(x.Scope is null ? "" : $"（{x.Scope}）")}：共 {x.Items} 项，" +
                    $"未整改 {x.Open}，整改中 {x.InProgress}，已完成 {x.Done}，逾期 {x.Overdue}");

    internal static object Json(RectificationItem i, DeadlineThresholds t) => new
    {
        id = i.Id, campaign = i.CampaignId, org = i.OrgCode, source = i.Source.Key(), source_ref = i.SourceRef, description = i.Description,
        measures = i.Measures, owner = i.Owner, deadline = i.Deadline.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        status = i.Status.Key(), colour = i.ColourOn(DateOnly.FromDateTime(DateTime.Today), t).Key(), referral = i.Referral, row_version = i.RowVersion,
    };

    /// <summary>An open item carried into a later campaign (第四条), as the focus list and the debriefings show it.</summary>
    internal static object CarriedJson(RectificationItem i) => new
    {
        id = i.Id, campaign = i.CampaignId, org = i.OrgCode, source = i.Source.Key(), description = i.Description,
        deadline = i.Deadline.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), status = i.Status.Key(),
    };

    internal static void Write(TextWriter o, RectificationItem i, DeadlineThresholds t) =>
        o.WriteLine($"[{i.Id}] {i.OrgCode} {i.Source.Key(),-15} {i.Deadline:yyyy-MM-dd} {i.Status.Chinese(),-4} {i.ColourOn(DateOnly.FromDateTime(DateTime.Today), t).Key(),-6} {i.Description}" +
                    (i.Referral is null ? "" : $"  （已移交追责问责：{i.Referral}）"));
}
