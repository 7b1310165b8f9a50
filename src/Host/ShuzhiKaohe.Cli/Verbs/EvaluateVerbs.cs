using System.CommandLine;
using ShuzhiKaohe.Abstractions;
using ShuzhiKaohe.Core.Campaigns;
using ShuzhiKaohe.Core.Evaluation;

namespace ShuzhiKaohe.Cli.Verbs;

/// <summary><c>shuzhi evaluate observe|propose|set|show|approve|revise|feedback|circulate|archive</c> — 综合评价 (第六条).</summary>
internal sealed class EvaluateVerbs : IVerbGroup
{
    public int Order => 72;
    public string Noun => "evaluate";

    public Command Build(CliApp app)
    {
        var evaluate = new Command("evaluate", "综合评价：平时了解、建议等次（按比例）、人工确定、党委研究批准、变更、反馈通报归档（第六条）");
        evaluate.Subcommands.Add(Observe(app));
        evaluate.Subcommands.Add(Propose(app));
        evaluate.Subcommands.Add(Set(app));
        evaluate.Subcommands.Add(Show(app));
        evaluate.Subcommands.Add(Approve(app));
        evaluate.Subcommands.Add(Revise(app));
        foreach (var kind in Enum.GetValues<FollowUpKind>()) evaluate.Subcommands.Add(FollowUp(app, kind));
        return evaluate;
    }

    private static Command Observe(CliApp app)
    {
        var id = CampaignOptions.Campaign();
        var org = CampaignOptions.Org();
        var score = new Option<double>("--score") { Description = "平时了解评分 0–100", Required = true, HelpName = "0-100" };
        var note = new Option<string?>("--note") { Description = "说明", HelpName = "TEXT" };
        var cmd = new Command("observe", "录入平时调研了解的评分（第六条）") { id, org, score, note };
        cmd.SetAction(pr => app.Run(pr, ctx =>
        {
            var r = ctx.Get<EvaluationService>().Observe(ctx.Value(id), ctx.Value(org)!, ctx.Value(score), ctx.Value(note));
            ctx.Warn(r.Warnings);
            var v = r.Value;
            return ctx.Emit(new { code = v.OrgCode, score = v.Score, note = v.Note, recorded_by = v.RecordedBy, recorded_at = v.RecordedAt, row_version = v.RowVersion },
                o => o.WriteLine($"{v.OrgCode} 平时了解评分 {v.Score:0.#}"));
        }));
        return cmd;
    }

    private static Command Propose(CliApp app)
    {
        var id = CampaignOptions.Campaign();
        var cmd = new Command("propose", "按板块规则综合测评票、实地考核、平时了解评分，并按“较好”及以下比例提出建议等次（第六条）") { id };
        cmd.SetAction(pr => app.Run(pr, ctx =>
        {
            var r = ctx.Get<EvaluationService>().Propose(ctx.Value(id));
            ctx.Warn(r.Warnings);
            return ctx.Emit(r.Value.Select(p => new
            {
                code = p.OrgCode, score = Math.Round(p.Score, 2), proposed_grade = p.Grade.Json(), explanation = p.Explanation, lowered_for_quota = p.RaisedToMeetQuota,
            }).ToList(), o =>
            {
                foreach (var p in r.Value) o.WriteLine($"{p.OrgCode}  {p.Score,6:0.00}  {p.Grade.Chinese(),-2}  {p.Explanation}");
            });
        }));
        return cmd;
    }

    private static Command Set(CliApp app)
    {
        var id = CampaignOptions.Campaign();
        var org = CampaignOptions.Org();
        var grade = GradeOption.Create();
        var reason = new Option<string>("--reason") { Description = "理由（人工确定等次须写明，第六条）", Required = true, HelpName = "TEXT" };
        var cmd = new Command("set", "人工确定某一考核对象的等次（批准前；须写明理由）") { id, org, grade, reason };
        cmd.SetAction(pr => app.Run(pr, ctx =>
        {
            var r = ctx.Get<EvaluationService>().Set(ctx.Value(id), ctx.Value(org)!, GradeOption.Parse(ctx.Value(grade)), ctx.Value(reason) ?? "");
            ctx.Warn(r.Warnings);
            return EmitView(ctx, r.Value);
        }));
        return cmd;
    }

    private static Command Show(CliApp app)
    {
        var id = CampaignOptions.Campaign();
        var cmd = new Command("show", "各考核对象的等次及状态，等次分布与比例要求") { id };
        cmd.SetAction(pr => app.Run(pr, ctx =>
        {
            var view = ctx.Get<EvaluationService>().Show(ctx.Value(id));
            if (view.Quota is { Met: false } q) ctx.Warn(q.Explain());
            return EmitView(ctx, view);
        }));
        return cmd;
    }

    private static Command Approve(CliApp app)
    {
        var id = CampaignOptions.Campaign();
        var meeting = new Option<string?>("--meeting") { Description = "研究的会议，如“区委常委会 2024-01-20”", HelpName = "TEXT" };
        var cmd = new Command("approve", "记录党委（党组）研究批准；比例未达要求时拒绝（第六条），并产生第七条的后果") { id, meeting };
        cmd.SetAction(pr => app.Run(pr, ctx =>
        {
            var r = ctx.Get<ApprovalService>().Approve(ctx.Value(id), ctx.Value(meeting));
            ctx.Warn(r.Warnings);
            var v = r.Value;
            return ctx.Emit(new
            {
                id = v.Campaign.Id, stage = v.Campaign.Stage.Key(), meeting = v.Approval.Meeting,
                approved_by = v.Approval.ApprovedBy, approved_at = v.Approval.ApprovedAt, distribution = Distribution(v.Quota),
                consequences = v.Consequences.Where(c => c.Interview || c.RectificationId is not null || c.ConflictingAnnualId is not null).Select(c => new
                {
                    code = c.OrgCode, grade = c.Grade.Json(), reminder_interview = c.Interview, rectification_id = c.RectificationId,
                    conflicting_annual_id = c.ConflictingAnnualId,
                }).ToList(),
            }, o =>
            {
                o.WriteLine($"考核 {v.Campaign.Id} 的综合评价已经党委（党组）研究批准（{v.Approval.ApprovedBy}，{v.Approval.ApprovedAt}{(v.Approval.Meeting is null ? "" : $"，{v.Approval.Meeting}")}）");
                o.WriteLine($"等次分布：{v.Quota.DistributionText()}");
                foreach (var c in v.Consequences.Where(c => c.RectificationId is not null))
                    o.WriteLine($"第七条：{c.OrgCode} 等次“{c.Grade.Chinese()}”，约谈提醒并限期整改（整改事项 {c.RectificationId}）");
            });
        }));
        return cmd;
    }

    private static Command Revise(CliApp app)
    {
        var id = CampaignOptions.Campaign();
        var org = CampaignOptions.Org();
        var grade = GradeOption.Create();
        var reason = new Option<string>("--reason") { Description = "变更理由", Required = true, HelpName = "TEXT" };
        var decision = new Option<string>("--decision") { Description = "作出变更的决定（会议、日期）", Required = true, HelpName = "TEXT" };
        var cmd = new Command("revise", "以新的决定变更已批准的等次（记录理由和决定，不改写原批准）") { id, org, grade, reason, decision };
        cmd.SetAction(pr => app.Run(pr, ctx =>
        {
            var r = ctx.Get<ApprovalService>().Revise(ctx.Value(id), ctx.Value(org)!, GradeOption.Parse(ctx.Value(grade)), ctx.Value(reason) ?? "", ctx.Value(decision) ?? "");
            ctx.Warn(r.Warnings);
            var v = r.Value;
            return ctx.Emit(new
            {
                id = v.Id, code = v.OrgCode, from = v.From.Json(), to = v.To.Json(), reason = v.Reason, decision = v.Decision,
                revised_by = v.RevisedBy, revised_at = v.RevisedAt,
            }, o => o.WriteLine($"{v.OrgCode} 等次由“{v.From.Chinese()}”变更为“{v.To.Chinese()}”（决定：{v.Decision}；理由：{v.Reason}）"));
        }));
        return cmd;
    }

    private static Command FollowUp(CliApp app, FollowUpKind kind)
    {
        var id = CampaignOptions.Campaign();
        var org = new Option<string?>("--org") { Description = "某一考核对象；不给则为全体", HelpName = "CODE" };
        var scope = new Option<string?>("--scope") { Description = "范围（通报须写明）", HelpName = "TEXT" };
        var by = new Option<string?>("--by") { Description = "办理人或部门（归档须写明具有干部管理权限的部门）", HelpName = "TEXT" };
        var cmd = new Command(kind.Key(), $"记录{kind.Chinese()}（批准后，第六条）") { id, org, scope, by };
        cmd.SetAction(pr => app.Run(pr, ctx =>
        {
            var f = ctx.Get<ApprovalService>().Record(ctx.Value(id), kind, ctx.Value(org), ctx.Value(scope), ctx.Value(by));
            return ctx.Emit(new
            {
                id = f.Id, campaign = f.CampaignId, code = f.OrgCode, kind = f.Kind.Key(), scope = f.Scope, by = f.DoneBy,
                recorded_by = f.RecordedBy, recorded_at = f.RecordedAt,
            }, o => o.WriteLine($"已记录{kind.Chinese()}：{f.OrgCode ?? "全体"}{(f.Scope is null ? "" : $"，范围 {f.Scope}")}，{f.DoneBy}，{f.RecordedAt}"));
        }));
        return cmd;
    }

    private static int EmitView(CliContext ctx, EvaluationView view) =>
        ctx.Emit(view.Lines.Select(l => new
        {
            code = l.OrgCode, name = l.OrgName, grade = l.Grade?.Grade.Json(), status = l.Grade?.Status.Key(), score = l.Grade?.Score is { } s ? Math.Round(s, 2) : (double?)null,
            proposed_grade = l.Grade?.ProposedGrade?.Json(), reason = l.Grade?.Reason, row_version = l.Grade?.RowVersion,
        }).ToList(), o =>
        {
            foreach (var l in view.Lines)
                o.WriteLine($"{l.OrgCode} {l.OrgName}  {l.Grade?.Grade.Chinese() ?? "未定"}  {l.Grade?.Status.Key() ?? ""}{(l.Grade?.Reason is { } r ? $"  理由：{r}" : "")}");
            if (view.Quota is { } q) o.WriteLine($"等次分布：{q.DistributionText()}。{q.Explain()}");
            if (view.Approval is { } a) o.WriteLine($"已批准：{a.ApprovedBy} {a.ApprovedAt}{(a.Meeting is null ? "" : $" {a.Meeting}")}");
        });

    private static Dictionary<string, int> Distribution(QuotaStatus q) => Grades.All.ToDictionary(g => g.Json(), g => q.Distribution.GetValueOrDefault(g));
}
