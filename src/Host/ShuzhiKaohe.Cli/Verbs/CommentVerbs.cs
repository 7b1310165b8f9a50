using System.CommandLine;
using ShuzhiKaohe.Core.Comments;
using ShuzhiKaohe.Core.Common;

namespace ShuzhiKaohe.Cli.Verbs;

/// <summary><c>shuzhi comment add|list</c> — comments on the reporters (点评, 第五、八条).</summary>
internal sealed class CommentVerbs : IVerbGroup
{
    public int Order => 60;
    public string Noun => "comment";

    public Command Build(CliApp app)
    {
        var comment = new Command("comment", "点评：上级党组织书记逐一点评，班子成员、上级组织部门派员可点评（第五、八条）");

        var id = CampaignOptions.Campaign();
        var org = CampaignOptions.Org("被点评的组织代码");
        var by = new Option<string>("--by") { Description = "superior（上级党组织书记）| member（班子其他成员）| higher（上级组织部门派员）", Required = true, HelpName = "superior|member|higher" };
        var problems = new Option<string?>("--problems") { Description = "指出的问题（多条用；或换行分隔，每条可转为整改事项）", HelpName = "TEXT" };
        var direction = new Option<string?>("--direction") { Description = "努力方向", HelpName = "TEXT" };
        var mode = new Option<string?>("--mode") { Description = "一述一评（默认，one_by_one）| 集中点评（collective）", HelpName = "MODE" };
        var commenter = new Option<string?>("--commenter") { Description = "点评人（职务或姓名，可选）", HelpName = "TEXT" };
        var add = new Command("add", "录入点评（述职评议会阶段）") { id, org, by, problems, direction, mode, commenter };
        add.SetAction(pr => app.Run(pr, ctx =>
        {
            if (!CommentKinds.TryParseBy(ctx.Value(by), out var b))
                throw new InvalidInputException($"点评人“{ctx.Value(by)}”应为 superior、member 或 higher");
            if (!CommentKinds.TryParseMode(ctx.Value(mode), out var m))
                throw new InvalidInputException($"点评方式“{ctx.Value(mode)}”应为 一述一评（one_by_one）或 集中点评（collective）");
            var r = ctx.Get<CommentService>().Add(ctx.Value(id), ctx.Value(org)!, b, ctx.Value(problems), ctx.Value(direction), m, ctx.Value(commenter));
            ctx.Warn(r.Warnings);
            return ctx.Emit(Json(r.Value), o => Write(o, r.Value));
        }));
        comment.Subcommands.Add(add);

        var lid = CampaignOptions.Campaign();
        var lorg = new Option<string?>("--org") { Description = "只列该组织的点评", HelpName = "CODE" };
        var list = new Command("list", "列出点评") { lid, lorg };
        list.SetAction(pr => app.Run(pr, ctx =>
        {
            var all = ctx.Get<CommentService>().List(ctx.Value(lid), ctx.Value(lorg));
            return ctx.Emit(all.Select(Json).ToList(), o =>
            {
                if (all.Count == 0) o.WriteLine("尚无点评。");
                foreach (var k in all) Write(o, k);
            });
        }));
        comment.Subcommands.Add(list);
        return comment;
    }

    private static object Json(Comment k) => new
    {
        id = k.Id,
        code = k.OrgCode,
        name = k.OrgName,
        by = k.By.Key(),
        commenter = k.Commenter,
        mode = k.Mode.Key(),
        problems = k.Problems,
        direction = k.Direction,
        problem_items = k.ProblemItems.Select(p => new { id = p.Id, seq = p.Seq, text = p.Text }).ToList(),
        flags = k.Flags,
        recorded_by = k.RecordedBy,
        recorded_at = k.RecordedAt,
        row_version = k.RowVersion,
    };

    private static void Write(TextWriter o, Comment k)
    {
        o.WriteLine($"{k.OrgCode} {k.OrgName}　{k.By.Chinese()}{(k.Commenter is null ? "" : $"（{k.Commenter}）")}·{k.Mode.Chinese()}");
        foreach (var p in k.ProblemItems) o.WriteLine($"  问题 {p.Seq}：{p.Text}");
        if (k.Direction is not null) o.WriteLine($"  努力方向：{k.Direction}");
        if (k.Flags.Count > 0) o.WriteLine($"  标记：{string.Join("、", k.Flags)}");
    }
}
