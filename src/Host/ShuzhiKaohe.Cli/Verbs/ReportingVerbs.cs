using System.CommandLine;
using ShuzhiKaohe.Abstractions;
using ShuzhiKaohe.Core.Reporting;

namespace ShuzhiKaohe.Cli.Verbs;

/// <summary><c>debrief publish</c> and <c>campaign summary</c> — publication (第五条) and the summary for the level above (第三、八条).</summary>
internal static class ReportingVerbs
{
    public static Command Publish(CliApp app)
    {
        var id = CampaignOptions.Campaign();
        var scope = new Option<string>("--scope") { Description = "公开范围，如“全区党员干部”", Required = true, HelpName = "TEXT" };
        var cmd = new Command("publish", "述职评议会后在一定范围内公开述职报告，记录范围和日期（第五条）") { id, scope };
        cmd.SetAction(pr => app.Run(pr, ctx =>
        {
            var p = ctx.Get<ReportingService>().Publish(ctx.Value(id), ctx.Value(scope)!);
            return ctx.Emit(Json(p), o => o.WriteLine($"考核 {p.CampaignId} 的述职报告已在“{p.Scope}”范围内公开（{p.PublishedBy}，{p.PublishedAt}）"));
        }));
        return cmd;
    }

    public static Command Summary(CliApp app)
    {
        var id = CampaignOptions.Campaign();
        var cmd = new Command("summary", "向上级报告的汇总：等次分布、整改清单、公开情况、覆盖面（未述职的下一级党组织）") { id };
        cmd.SetAction(pr => app.Run(pr, ctx =>
        {
            var s = ctx.Get<ReportingService>().Summary(ctx.Value(id));
            if (s.NotAssessed.Count > 0)
                ctx.Warn($"第三条：{s.NotAssessed.Count} 个下一级党组织的书记 {s.Year} 年度未述职评议考核：{string.Join("、", s.NotAssessed.Take(10).Select(o => $"{o.Code} {o.Name}"))}");
            return ctx.Emit(new
            {
                id = s.CampaignId, organiser = s.OrganiserCode, organiser_name = s.OrganiserName, year = s.Year, stage = s.Stage, assessed = s.Assessed,
                grades = Grades.All.ToDictionary(g => g.Json(), g => s.Grades.GetValueOrDefault(g)), approved_at = s.ApprovedAt, meeting = s.Meeting,
                rectification = s.Rectification, publications = s.Publications.Select(Json).ToList(),
                coverage = new { subordinates = s.Subordinates, not_assessed = s.NotAssessed.Select(o => o.Code).ToList(), ratio = s.Coverage },
            }, o =>
            {
                o.WriteLine($"{s.OrganiserName} {s.Year} 年度述职评议考核（{s.Stage}）：考核 {s.Assessed} 人");
                o.WriteLine("等次：" + string.Join("　", Grades.All.Select(g => $"{g.Chinese()} {s.Grades.GetValueOrDefault(g)}")));
                if (s.ApprovedAt is not null) o.WriteLine($"批准：{s.ApprovedAt} {s.Meeting}");
                o.WriteLine("整改：" + string.Join("　", s.Rectification.Select(kv => $"{kv.Key} {kv.Value}")));
                foreach (var p in s.Publications) o.WriteLine($"公开：{p.Scope}（{p.PublishedAt}）");
                o.WriteLine($"覆盖面：下一级党组织 {s.Subordinates} 个，未述职 {s.NotAssessed.Count} 个（{s.Coverage:P1}）");
            });
        }));
        return cmd;
    }

    private static object Json(Publication p) => new { id = p.Id, campaign = p.CampaignId, scope = p.Scope, published_by = p.PublishedBy, published_at = p.PublishedAt };
}
