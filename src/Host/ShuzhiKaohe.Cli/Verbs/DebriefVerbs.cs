using System.CommandLine;
using ShuzhiKaohe.Core.Rectification;
using ShuzhiKaohe.Core.Common;
using ShuzhiKaohe.Core.Debriefing;

namespace ShuzhiKaohe.Cli.Verbs;

/// <summary><c>shuzhi debrief add|list</c> — each assessee's debriefing and report (第五条).</summary>
internal sealed class DebriefVerbs : IVerbGroup
{
    public int Order => 55;
    public string Noun => "debrief";

    public Command Build(CliApp app)
    {
        var debrief = new Command("debrief", "述职：现场或书面，述职报告四部分（成效、突出问题、根源、措施，第五条）");

        var id = CampaignOptions.Campaign();
        var org = CampaignOptions.Org();
        var mode = new Option<string>("--mode") { Description = "onsite（现场）| written（书面）", Required = true, HelpName = "onsite|written" };
        var reason = new Option<string?>("--reason") { Description = "书面述职的理由（市、县、乡镇党委书记一般应现场述职）", HelpName = "TEXT" };
        var report = new Option<string?>("--report") { Description = "述职报告文件：.txt、.md 或 .docx，按标题分为四部分", HelpName = "FILE" };
        var add = new Command("add", "记录述职（同一考核对象再次记录则更新）") { id, org, mode, reason, report };
        add.SetAction(pr => app.Run(pr, ctx =>
        {
            if (!DebriefModes.TryParse(ctx.Value(mode), out var m))
                throw new InvalidInputException($"述职方式“{ctx.Value(mode)}”应为 onsite（现场）或 written（书面）");
            var svc = ctx.Get<DebriefingService>();
            var file = ctx.Value(report);
            var r = file is null
                ? svc.Record(ctx.Value(id), ctx.Value(org)!, m, ctx.Value(reason))
                : svc.RecordFromFile(ctx.Value(id), ctx.Value(org)!, m, ctx.Value(reason), Path.GetFullPath(file));
            ctx.Warn(r.Warnings);
            var line = ctx.Get<CarryOverView>().Of(ctx.Value(id), r.Value);
            return ctx.Emit(Json(line), o => Write(o, line));
        }));
        debrief.Subcommands.Add(add);

        var lid = CampaignOptions.Campaign();
        var list = new Command("list", "列出述职记录及其标记") { lid };
        list.SetAction(pr => app.Run(pr, ctx =>
        {
            // 第四条: each reporter answers the earlier open rectification items (Core's CarryOverView joins them).
            var all = ctx.Get<CarryOverView>().Debriefings(ctx.Value(lid));
            return ctx.Emit(all.Select(Json).ToList(), o =>
            {
                if (all.Count == 0) o.WriteLine("尚无述职记录。");
                foreach (var d in all) Write(o, d);
            });
        }));
        debrief.Subcommands.Add(list);
        debrief.Subcommands.Add(ReportingVerbs.Publish(app));
        return debrief;
    }

    private static object Json(DebriefingLine line) => Json(line.Debriefing, line.Carried);

    private static object Json(DebriefingRecord d, IReadOnlyList<RectificationItem> carried) => new
    {
        id = d.Id,
        code = d.OrgCode,
        name = d.OrgName,
        mode = d.Mode.Key(),
        reason = d.WrittenReason,
        report = d.Report is null ? null : new
        {
            achievements = d.Report.Achievements, problems = d.Report.Problems, causes = d.Report.Causes, measures = d.Report.Measures,
            source = d.ReportSource,
        },
        flags = d.Flags,
        rectification_carried = carried.Select(RectifyVerbs.CarriedJson).ToList(),
        recorded_by = d.RecordedBy,
        recorded_at = d.RecordedAt,
        row_version = d.RowVersion,
    };

    private static void Write(TextWriter o, DebriefingLine line)
    {
        var (d, carried) = line;
        o.WriteLine($"{d.OrgCode} {d.OrgName}：{(d.Mode == DebriefMode.Onsite ? "现场述职" : "书面述职")}{(d.WrittenReason is null ? "" : $"（理由：{d.WrittenReason}）")}" +
                    (d.ReportSource is null ? "" : $"，报告 {d.ReportSource}"));
        if (d.Flags.Count > 0) o.WriteLine($"  标记：{string.Join("、", d.Flags)}");
        foreach (var i in carried) o.WriteLine($"  上年整改事项（须在述职中回应，第四条）：[{i.Id}] {i.Description}（{i.Status.Chinese()}，期限 {i.Deadline:yyyy-MM-dd}）");
    }
}
