using System.CommandLine;
using ShuzhiKaohe.Core.Rectification;

namespace ShuzhiKaohe.Cli.Verbs;

/// <summary><c>shuzhi annual set|list</c> — the annual assessment (年度考核) as far as 第七条 concerns it.</summary>
internal sealed class AnnualVerbs : IVerbGroup
{
    public int Order => 73;
    public string Noun => "annual";

    public Command Build(CliApp app)
    {
        var annual = new Command("annual", "年度考核等次：述职评议考核为“较好”及以下的，年度考核不能评为优秀（第七条）");

        var year = new Option<int>("--year") { Description = "年度", Required = true, HelpName = "YYYY" };
        var org = CampaignOptions.Org("组织代码（该年度其书记为考核对象）");
        var grade = new Option<string>("--grade") { Description = "优秀|称职|基本称职|不称职", Required = true, HelpName = "GRADE" };
        var set = new Command("set", "登记年度考核等次") { year, org, grade };
        set.SetAction(pr => app.Run(pr, ctx =>
        {
            var a = ctx.Get<AnnualAssessmentService>().Set(ctx.Value(year), ctx.Value(org)!, ctx.Value(grade)!);
            return ctx.Emit(Json(a), o => o.WriteLine($"{a.OrgCode} {a.Year} 年度考核：{a.Grade}"));
        }));
        annual.Subcommands.Add(set);

        var lyear = new Option<int?>("--year") { Description = "只列该年度", HelpName = "YYYY" };
        var conflicting = new Option<bool>("--conflicting") { Description = "只列与述职评议考核等次冲突、待更正的" };
        var list = new Command("list", "列出年度考核等次") { lyear, conflicting };
        list.SetAction(pr => app.Run(pr, ctx =>
        {
            var all = ctx.Get<AnnualAssessmentService>().List(ctx.Value(lyear), ctx.Value(conflicting));
            return ctx.Emit(all.Select(Json).ToList(), o =>
            {
                foreach (var a in all) o.WriteLine($"{a.Year} {a.OrgCode} {a.Grade}{(a.Conflicting ? "  冲突（第七条：述职评议考核等次非“好”），待更正" : "")}");
                if (all.Count == 0) o.WriteLine("没有记录。");
            });
        }));
        annual.Subcommands.Add(list);
        return annual;
    }

    private static object Json(AnnualAssessment a) => new
    {
        id = a.Id, year = a.Year, code = a.OrgCode, grade = a.Grade, conflicting = a.Conflicting, recorded_by = a.RecordedBy,
        recorded_at = a.RecordedAt, row_version = a.RowVersion,
    };
}
