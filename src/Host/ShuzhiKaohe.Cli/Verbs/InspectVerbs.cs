using System.CommandLine;
using ShuzhiKaohe.Core.Inspection;

namespace ShuzhiKaohe.Cli.Verbs;

/// <summary><c>shuzhi inspect add|list</c> — on-site inspection scores (实地考核, 第六条).</summary>
internal sealed class InspectVerbs : IVerbGroup
{
    public int Order => 40;
    public string Noun => "inspect";

    public Command Build(CliApp app)
    {
        var inspect = new Command("inspect", "实地考核：按重点内容评分 0–100，注明依据（多到现场看、多听群众说，第六条）");

        var id = CampaignOptions.Campaign();
        var org = CampaignOptions.Org();
        var item = new Option<string>("--item") { Description = "重点内容编码（见 focus list）", Required = true, HelpName = "CODE" };
        var score = new Option<double>("--score") { Description = "评分 0–100", Required = true, HelpName = "0-100" };
        var evidence = new Option<string>("--evidence")
        {
            Description = "依据：site（现场查看）| interview（走访党员群众）| briefing（听汇报）| records（查资料、看台账），可逗号分隔多项；后两者不能单独作为依据",
            Required = true, HelpName = "site|interview|briefing|records",
        };
        var note = new Option<string?>("--note") { Description = "考核发现（经反形式主义审查）", HelpName = "TEXT" };
        var add = new Command("add", "录入实地考核评分（实地考核阶段；同一项再次录入则更新）") { id, org, item, score, evidence, note };
        add.SetAction(pr => app.Run(pr, ctx =>
        {
            var r = ctx.Get<InspectionService>().Record(ctx.Value(id), ctx.Value(org)!, ctx.Value(item)!, ctx.Value(score),
                EvidenceKinds.Parse(ctx.Value(evidence)), ctx.Value(note));
            ctx.Warn(r.Warnings);
            return ctx.Emit(Json(r.Value), o => Write(o, r.Value));
        }));
        inspect.Subcommands.Add(add);

        var lid = CampaignOptions.Campaign();
        var lorg = new Option<string?>("--org") { Description = "只列该组织", HelpName = "CODE" };
        var list = new Command("list", "列出实地考核评分") { lid, lorg };
        list.SetAction(pr => app.Run(pr, ctx =>
        {
            var all = ctx.Get<InspectionService>().List(ctx.Value(lid), ctx.Value(lorg));
            return ctx.Emit(all.Select(Json).ToList(), o =>
            {
                if (all.Count == 0) o.WriteLine("尚无实地考核评分。");
                foreach (var s in all) Write(o, s);
            });
        }));
        inspect.Subcommands.Add(list);
        return inspect;
    }

    private static object Json(InspectionScore s) => new
    {
        id = s.Id, code = s.OrgCode, name = s.OrgName, item = s.ItemCode, score = s.Score, evidence = s.Evidence.Select(k => k.Key()).ToList(),
        note = s.Note, recorded_by = s.RecordedBy, recorded_at = s.RecordedAt, row_version = s.RowVersion,
    };

    private static void Write(TextWriter o, InspectionScore s) =>
        o.WriteLine($"{s.OrgCode} {s.OrgName}  {s.ItemCode,-26} {s.Score,5:0.#}  依据：{string.Join("、", s.Evidence.Select(k => k.Chinese()))}" +
                    (s.Note is null ? "" : $"  发现：{s.Note}"));
}
