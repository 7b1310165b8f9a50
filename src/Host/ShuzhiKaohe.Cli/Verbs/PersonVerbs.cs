using System.CommandLine;
using ShuzhiKaohe.Core.Organisations;
using ShuzhiKaohe.Core.Organisations.Secretaries;
using ShuzhiKaohe.Core.Text;

namespace ShuzhiKaohe.Cli.Verbs;

/// <summary><c>shuzhi person import|list</c>: secretaries and their terms (第三条: whoever held the post in the year is assessed).</summary>
internal sealed class PersonVerbs : IVerbGroup
{
    public int Order => 11;
    public string Noun => "person";

    public Command Build(CliApp app)
    {
        var person = new Command("person", "书记：导入任职、列出");

        var file = new Argument<string>("FILE") { Description = "CSV、TSV 或 XLSX：列 org_code,name,start_on，可选 end_on,external_key" };
        var encoding = new Option<string>("--encoding") { Description = "文本编码：auto（默认）、utf-8、gb18030", DefaultValueFactory = _ => "auto", HelpName = "auto|utf-8|gb18030" };
        var dryRun = new Option<bool>("--dry-run") { Description = "只校验，不写入" };
        var import = new Command("import", "导入书记任职；任何一行有错则全部不写入") { file, encoding, dryRun };
        import.SetAction(pr => app.Run(pr, ctx =>
        {
            var r = ctx.Get<SecretaryImporter>().Import(ctx.Value(file)!, new SecretaryImportOptions(TextEncodings.Parse(ctx.Value(encoding)), ctx.Value(dryRun)));
            foreach (var m in r.MidYearChanges) ctx.Warn($"{m.OrgCode} 在 {m.Year} 年内更换书记：{string.Join("、", m.Names)}（考核当年在任者，并标注变动）");
            return ctx.Emit(new
            {
                rows = r.Rows, people_added = r.PeopleAdded, terms_added = r.TermsAdded, terms_updated = r.TermsUpdated,
                terms_unchanged = r.TermsUnchanged, terms_closed = r.TermsClosed, repaired_fields = r.RepairedFields,
                mid_year_changes = r.MidYearChanges.Select(m => new { org_code = m.OrgCode, year = m.Year, names = m.Names }),
                dry_run = r.DryRun,
            }, o => o.WriteLine($"{(r.DryRun ? "校验通过（未写入）" : "已导入")}：{r.Rows} 行；新增人员 {r.PeopleAdded}，新增任期 {r.TermsAdded}，更新 {r.TermsUpdated}，未变 {r.TermsUnchanged}，自动结束 {r.TermsClosed}"));
        }));
        person.Subcommands.Add(import);

        var org = new Option<string>("--org") { Description = "组织代码", Required = true, HelpName = "CODE" };
        var list = new Command("list", "列出一个组织历任书记") { org };
        list.SetAction(pr => app.Run(pr, ctx =>
        {
            var terms = ctx.Get<SecretaryList>().Terms(ctx.Value(org)!);
            return ctx.Emit(terms.Select(Term).ToList(), o =>
            {
                if (terms.Count == 0) o.WriteLine("未登记书记。");
                foreach (var t in terms) o.WriteLine($"{t.PersonName}  {t.StartOn:yyyy-MM-dd} – {t.EndOn?.ToString("yyyy-MM-dd") ?? "今"}");
            });
        }));
        person.Subcommands.Add(list);
        return person;
    }

    internal static object Term(SecretaryTerm t) => new
    {
        person_id = t.PersonId, name = t.PersonName, org_code = t.OrgCode, start_on = t.StartOn, end_on = t.EndOn,
    };
}
