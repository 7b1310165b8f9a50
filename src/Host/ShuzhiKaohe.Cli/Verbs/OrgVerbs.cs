using System.CommandLine;
using System.Text.Json;
using ShuzhiKaohe.Core.Organisations;
using ShuzhiKaohe.Core.Organisations.Import;
using ShuzhiKaohe.Core.Text;
using ShuzhiKaohe.Core.Text.Import;

namespace ShuzhiKaohe.Cli.Verbs;

/// <summary><c>shuzhi org import|list|show|find</c>: the tree of Party organisations (第三条). Admins script these names.</summary>
internal sealed class OrgVerbs : IVerbGroup
{
    public int Order => 10;
    public string Noun => "org";

    public Command Build(CliApp app)
    {
        var org = new Command("org", "党组织：导入、列出、查看、查找（第三条）");
        org.Subcommands.Add(Import(app));
        org.Subcommands.Add(List(app));
        org.Subcommands.Add(Show(app));
        org.Subcommands.Add(Find(app));
        return org;
    }

    private static Command Import(CliApp app)
    {
        var files = new Argument<string[]>("FILE") { Description = "CSV、TSV 或 XLSX 文件（可为 .gz）；多个文件在同一事务中导入", Arity = ArgumentArity.OneOrMore };
        var encoding = new Option<string>("--encoding") { Description = "文本编码：auto（默认）、utf-8、gb18030", DefaultValueFactory = _ => "auto", HelpName = "auto|utf-8|gb18030" };
        var sector = new Option<string?>("--sector") { Description = "没有 sector 列时各行的板块（默认：localities 地方）", HelpName = "KEY" };
        var dryRun = new Option<bool>("--dry-run") { Description = "只校验，不写入" };
        var dissolve = new Option<bool>("--dissolve-missing") { Description = "把所导入板块中文件未列出的组织标记为撤销（从不删除）" };
        var on = new Option<DateOnly?>("--dissolved-on") { Description = "撤销日期（默认今天）", HelpName = "YYYY-MM-DD" };
        var cmd = new Command("import", "导入党组织：列 code,name,parent_code,level，可选 sector,kind；任何一行有错则全部不写入")
        {
            files, encoding, sector, dryRun, dissolve, on,
        };
        cmd.SetAction(pr => app.Run(pr, ctx =>
        {
            var options = new OrganisationImportOptions(TextEncodings.Parse(ctx.Value(encoding)), ctx.Value(sector), ctx.Value(dryRun),
                ctx.Value(dissolve), ctx.Value(on));
            OrganisationImportResult r;
            try
            {
                using var bar = ProgressBar.For(ctx);
                r = ctx.Get<OrganisationImporter>().Import(ctx.Value(files)!, options, bar);
            }
            catch (ImportRejectedException e) when (ctx.Json)
            {
                ctx.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    rejected = true, total = e.Total,
                    errors = e.Issues.Select(i => new { file = i.File, line = i.Line, reason = i.Reason }),
                }, CliContext.JsonOptions));
                ctx.Err.WriteLine(e.Message);
                return ExitCodes.Refused;
            }
            return ctx.Emit(new
            {
                files = r.Files.Select(f => new { path = f.Path, format = f.Format, encoding = f.Encoding, compressed = f.Compressed, rows = f.Rows }),
                rows = r.Rows, inserted = r.Inserted, updated = r.Updated, unchanged = r.Unchanged, reactivated = r.Reactivated,
                dissolved = r.Dissolved, groupings = r.Groupings, repaired_fields = r.RepairedFields,
                rows_per_level = r.RowsPerLevel.ToDictionary(kv => kv.Key.ToString(), kv => kv.Value),
                dry_run = r.DryRun, seconds = Math.Round(r.Seconds, 3), phase_seconds = r.PhaseSeconds,
            }, o =>
            {
                foreach (var f in r.Files) o.WriteLine($"{f.Path}：{f.Format}{(f.Compressed ? "（gzip）" : "")}，{f.Encoding}，{f.Rows:N0} 行");
                o.WriteLine(r.DryRun ? "校验通过（--dry-run，未写入）：" : "已导入：");
                o.WriteLine($"  新增 {r.Inserted:N0}，更新 {r.Updated:N0}，未变 {r.Unchanged:N0}，恢复 {r.Reactivated:N0}，撤销 {r.Dissolved:N0}");
                o.WriteLine($"  各层级：{string.Join("，", r.RowsPerLevel.Select(kv => $"{kv.Key} 级 {kv.Value:N0}"))}；统计分组 {r.Groupings}");
                o.WriteLine($"  修复文本字段 {r.RepairedFields:N0} 个；用时 {r.Seconds:F2} 秒");
            });
        }));
        return cmd;
    }

    private static Command List(CliApp app)
    {
        var under = new Option<string?>("--under") { Description = "列出此组织以下（默认：各根组织）", HelpName = "CODE" };
        var depth = new Option<int>("--depth") { Description = "向下几层（默认 1：只列直接下级）", DefaultValueFactory = _ => 1, HelpName = "N" };
        var cmd = new Command("list", "列出党组织") { under, depth };
        cmd.SetAction(pr => app.Run(pr, ctx =>
        {
            var list = ctx.Get<OrganisationQueries>().List(ctx.Value(under), ctx.Value(depth));
            return ctx.Emit(list.Select(Json).ToList(), o =>
            {
                var top = list.Count == 0 ? 0 : list.Min(x => x.Level);
                foreach (var x in list)
                    o.WriteLine($"{new string(' ', 2 * (x.Level - top))}{x.Code}  {x.Name}{(x.IsGrouping ? "（统计分组）" : "")}{(x.DissolvedOn is { } d ? $"（{d:yyyy-MM-dd} 撤销）" : "")}");
            });
        }));
        return cmd;
    }

    private static Command Show(CliApp app)
    {
        var code = new Argument<string>("CODE") { Description = "组织代码" };
        var year = new Option<int?>("--year") { Description = "书记所在年度（默认今年）", HelpName = "YYYY" };
        var cmd = new Command("show", "查看一个党组织：路径、上一级党组织（考核它的组织）、下级数、当年书记") { code, year };
        cmd.SetAction(pr => app.Run(pr, ctx =>
        {
            var d = ctx.Get<OrganisationQueries>().Details(ctx.Value(code)!, ctx.Value(year) ?? DateTime.Today.Year);
            var o = d.Organisation;
            if (d.Secretary.MidYearChange) ctx.Warn($"{d.Year} 年内书记有变动：{string.Join("、", d.Secretary.Others.Select(t => t.PersonName))} 也曾在任");
            return ctx.Emit(new
            {
                code = o.Code, name = o.Name, level = o.Level, sector = o.Sector, kind = o.Kind, is_grouping = o.IsGrouping,
                parent_code = o.ParentCode, founded_on = o.FoundedOn, dissolved_on = o.DissolvedOn,
                path = d.Path.Select(p => new { code = p.Code, name = p.Name }),
                superior = d.Superior is null ? null : new { code = d.Superior.Code, name = d.Superior.Name },
                children = d.Children, year = d.Year,
                secretary = d.Secretary.Holder is null ? null : PersonVerbs.Term(d.Secretary.Holder),
                mid_year_change = d.Secretary.MidYearChange,
                other_secretaries = d.Secretary.Others.Select(PersonVerbs.Term),
            }, w =>
            {
                w.WriteLine($"{o.Code}  {o.Name}{(o.IsGrouping ? "（统计分组，不是党组织）" : "")}");
                w.WriteLine($"  板块 {o.Sector}，层级 {o.Level}，类型 {o.Kind}{(o.DissolvedOn is { } dd ? $"，{dd:yyyy-MM-dd} 撤销" : "")}");
                w.WriteLine($"  路径：{string.Join(" / ", d.Path.Select(p => p.Name))}");
                w.WriteLine($"  上一级党组织：{(d.Superior is null ? "（无）" : $"{d.Superior.Code} {d.Superior.Name}")}");
                w.WriteLine($"  下级：{d.Children:N0} 个");
                w.WriteLine($"  {d.Year} 年书记：{(d.Secretary.Holder is { } h ? $"{h.PersonName}（{h.StartOn:yyyy-MM-dd} 起）" : "（未登记）")}");
            });
        }));
        return cmd;
    }

    private static Command Find(CliApp app)
    {
        var text = new Argument<string>("TEXT") { Description = "名称的一部分，或代码的开头" };
        var limit = new Option<int>("--limit") { Description = "最多显示几个（默认 50）", DefaultValueFactory = _ => 50, HelpName = "N" };
        var cmd = new Command("find", "按名称或代码查找党组织") { text, limit };
        cmd.SetAction(pr => app.Run(pr, ctx =>
        {
            var r = ctx.Get<OrganisationSearch>().Find(ctx.Value(text)!, ctx.Value(limit));
            if (r.Total > r.Hits.Count) ctx.Warn($"共 {r.Total:N0} 个结果，只显示前 {r.Hits.Count} 个（--limit）");
            return ctx.Emit(r.Hits.Select(h => new
            {
                code = h.Organisation.Code, name = h.Organisation.Name, parent_code = h.Organisation.ParentCode,
                level = h.Organisation.Level, sector = h.Organisation.Sector, dissolved_on = h.Organisation.DissolvedOn,
                path = h.Path.Select(p => new { code = p.Code, name = p.Name }),
            }).ToList(), o =>
            {
                if (r.Total == 0) o.WriteLine($"没有名称含“{r.Query}”或代码以它开头的组织。");
                foreach (var h in r.Hits) o.WriteLine($"{h.Organisation.Code}  {string.Join(" / ", h.Path.Select(p => p.Name))}");
            });
        }));
        return cmd;
    }

    internal static object Json(Organisation o) => new
    {
        code = o.Code, name = o.Name, parent_code = o.ParentCode, level = o.Level, sector = o.Sector, kind = o.Kind,
        is_grouping = o.IsGrouping, dissolved_on = o.DissolvedOn,
    };
}
