using System.CommandLine;
using System.Globalization;
using ShuzhiKaohe.Core.Audit;
using ShuzhiKaohe.Core.Common;

namespace ShuzhiKaohe.Cli.Verbs;

/// <summary><c>shuzhi audit verify|list</c>.</summary>
internal sealed class AuditVerbs : IVerbGroup
{
    public int Order => 75;
    public string Noun => "audit";

    public Command Build(CliApp app)
    {
        var audit = new Command("audit", "审计记录：校验与查阅");

        var verify = new Command("verify", "校验审计链与当前数据（发现断点时退出码为 1）");
        verify.SetAction(pr => app.Run(pr, ctx =>
        {
            var r = ctx.Get<AuditVerifier>().Verify();
            ctx.Emit(new
            {
                ok = r.Ok, entries = r.Entries, head_hash = r.HeadHash, entities_checked = r.EntitiesChecked,
                first_break = r.FirstBreak, breaks = r.Breaks,
            }, o =>
            {
                o.WriteLine($"审计记录 {r.Entries} 条；链尾哈希 {r.HeadHash}");
                o.WriteLine($"逐条核对的实体：{string.Join(", ", r.EntitiesChecked)}");
                o.WriteLine(r.Ok ? "校验通过：审计链完整，数据与审计记录一致。" : $"发现 {r.Breaks.Count} 处不符，第一处：");
            });
            if (r.FirstBreak is { } first)
            {
                ctx.Err.WriteLine(first.Message);
                foreach (var b in r.Breaks.Skip(1).Take(9)) ctx.Err.WriteLine("  另：" + b.Message);
                return ExitCodes.Refused;
            }
            return ExitCodes.Done;
        }));
        audit.Subcommands.Add(verify);

        var org = new Option<string?>("--org") { Description = "只看该组织及其下级的记录", HelpName = "CODE" };
        var since = new Option<string?>("--since") { Description = "只看该日（UTC，YYYY-MM-DD）及以后的记录", HelpName = "DATE" };
        var limit = new Option<int>("--limit") { Description = "最多显示最近的多少条（默认 500）", DefaultValueFactory = _ => 500, HelpName = "N" };
        var list = new Command("list", "查阅审计记录（只含授权范围内的组织）") { org, since, limit };
        list.SetAction(pr => app.Run(pr, ctx =>
        {
            DateOnly? from = null;
            if (ctx.Value(since) is { } s)
                from = DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
                    : throw new InvalidInputException($"--since 须为日期 YYYY-MM-DD：{s}");
            var entries = ctx.Get<AuditLog>().List(ctx.Value(org), from, ctx.Value(limit));
            return ctx.Emit(entries.Select(e => new
            {
                id = e.Id, at = e.At, @operator = e.Operator, front_end = e.FrontEnd, action = e.Action, entity = e.Entity, key = e.Key,
                org_code = e.OrgCode, summary = e.Summary, state_hash = e.StateHash, entry_hash = e.EntryHash,
            }).ToList(), o =>
            {
                if (entries.Count == 0) o.WriteLine("没有符合条件的审计记录。");
                foreach (var e in entries)
                    o.WriteLine($"{e.Id,6} {e.At} {e.Operator} [{e.FrontEnd}] {e.Action} {e.Entity} {e.Key}{(e.OrgCode is null ? "" : $" @{e.OrgCode}")}  {e.Summary}");
            });
        }));
        audit.Subcommands.Add(list);
        return audit;
    }
}
