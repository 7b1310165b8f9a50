using System.CommandLine;
using ShuzhiKaohe.Core.Ballots;
using ShuzhiKaohe.Core.Common;

namespace ShuzhiKaohe.Cli.Verbs;

/// <summary><c>shuzhi ballot issue|add|import|tally|verify</c> — anonymous evaluation ballots (第五条).</summary>
internal sealed class BallotVerbs : IVerbGroup
{
    public int Order => 70;
    public string Noun => "ballot";

    public Command Build(CliApp app)
    {
        var ballot = new Command("ballot", "测评票（匿名）：发放、录入、导入、计票、核验（第五条）");
        ballot.Subcommands.Add(Issue(app));
        ballot.Subcommands.Add(Add(app));
        ballot.Subcommands.Add(Import(app));
        ballot.Subcommands.Add(Tally(app));
        ballot.Subcommands.Add(Verify(app));
        return ballot;
    }

    private static Command Issue(CliApp app)
    {
        var id = CampaignOptions.Campaign();
        var count = new Option<int>("--count") { Description = "发放的测评票张数", Required = true, HelpName = "N" };
        var cmd = new Command("issue", "登记发放张数（计票时据此计算参评率）") { id, count };
        cmd.SetAction(pr => app.Run(pr, ctx =>
        {
            var r = ctx.Get<BallotService>().Issue(ctx.Value(id), ctx.Value(count));
            ctx.Warn(r.Warnings);
            return ctx.Emit(new { campaign = r.Value.CampaignId, issued = r.Value.Issued, sheets = r.Value.Sheets, @void = r.Value.Void },
                o => o.WriteLine($"考核 {r.Value.CampaignId}：发放 {r.Value.Issued} 张，已录入 {r.Value.Sheets} 张。"));
        }));
        return cmd;
    }

    private static Command Add(CliApp app)
    {
        var id = CampaignOptions.Campaign();
        var sheet = new Option<string>("--sheet") { Description = "测评票编号（每张票一个，不能重复录入）", Required = true, HelpName = "SERIAL" };
        var marks = new Option<string?>("--marks") { Description = "代码=等次，逗号分隔；等次 好|较好|一般|差 或 good|fairly_good|average|poor；未列出的为空白", HelpName = "CODE=MARK,…" };
        var isVoid = new Option<bool>("--void") { Description = "整张作废" };
        var cmd = new Command("add", "录入一张测评票（述职评议会阶段）") { id, sheet, marks, isVoid };
        cmd.SetAction(pr => app.Run(pr, ctx =>
        {
            var text = ctx.Value(marks);
            var v = ctx.Value(isVoid);
            if (v == (text is not null)) throw new InvalidInputException("须给出 --marks 或 --void 之一");
            var input = new BallotSheetInput(ctx.Value(sheet)!, v, v ? new Dictionary<string, Abstractions.Grade?>() : BallotService.ParseMarks(text!));
            var r = ctx.Get<BallotService>().AddSheet(ctx.Value(id), input);
            ctx.Warn(r.Warnings);
            return ctx.Emit(new { campaign = r.Value.Campaign, sheet = input.Serial.Trim(), @void = v, marks = r.Value.Marks, hash = r.Value.Hash },
                o => o.WriteLine($"已录入测评票 {input.Serial.Trim()}{(v ? "（作废）" : $"，{r.Value.Marks} 个评价")}。"));
        }));
        return cmd;
    }

    private static Command Import(CliApp app)
    {
        var id = CampaignOptions.Campaign();
        var file = new Argument<string>("FILE") { Description = "CSV：sheet,org_code,mark；作废票一行 org_code 为空、mark 为 void" };
        var cmd = new Command("import", "导入测评票（全部成功或全部不录入，错误行注明行号）") { id, file };
        cmd.SetAction(pr => app.Run(pr, ctx =>
        {
            var r = ctx.Get<BallotService>().Import(ctx.Value(id), Path.GetFullPath(ctx.Value(file)!));
            ctx.Warn(r.Warnings);
            return ctx.Emit(new { campaign = r.Value.Campaign, sheets = r.Value.Sheets, @void = r.Value.Void, marks = r.Value.Marks, hash = r.Value.Hash },
                o => o.WriteLine($"已导入 {r.Value.Sheets} 张测评票（作废 {r.Value.Void} 张），{r.Value.Marks} 个评价。"));
        }));
        return cmd;
    }

    private static Command Tally(CliApp app)
    {
        var id = CampaignOptions.Campaign();
        var cmd = new Command("tally", "计票：每个考核对象的 好/较好/一般/差/空白，参评率，测评票哈希") { id };
        cmd.SetAction(pr => app.Run(pr, ctx =>
        {
            var r = ctx.Get<BallotService>().Tally(ctx.Value(id));
            ctx.Warn(r.Warnings);
            var t = r.Value;
            return ctx.Emit(new
            {
                campaign = t.Campaign, issued = t.Issued, sheets = t.Sheets, @void = t.Void, valid = t.Valid, turnout = t.Turnout, hash = t.Hash,
                assessees = t.Assessees.Select(a => new
                {
                    code = a.Code, name = a.Name, good = a.Counts.Good, fairly_good = a.Counts.FairlyGood, average = a.Counts.Average,
                    poor = a.Counts.Poor, blank = a.Counts.Blank,
                }).ToList(),
            }, o =>
            {
                o.WriteLine($"考核 {t.Campaign}：发放 {t.Issued?.ToString() ?? "未登记"}，收回 {t.Sheets}（作废 {t.Void}，有效 {t.Valid}）" +
                            (t.Turnout is { } p ? $"，参评率 {p:P1}" : ""));
                o.WriteLine($"{"代码",-12} {"名称",-14}   好  较好  一般    差  空白");
                foreach (var a in t.Assessees)
                    o.WriteLine($"{a.Code,-12} {a.Name,-14} {a.Counts.Good,4} {a.Counts.FairlyGood,5} {a.Counts.Average,5} {a.Counts.Poor,5} {a.Counts.Blank,5}");
                o.WriteLine($"哈希：{t.Hash}");
            });
        }));
        return cmd;
    }

    private static Command Verify(CliApp app)
    {
        var id = CampaignOptions.Campaign();
        var cmd = new Command("verify", "核验：重算每张测评票与哈希，指出在程序之外被改动的测评票（不符时退出码 1）") { id };
        cmd.SetAction(pr => app.Run(pr, ctx =>
        {
            var v = ctx.Get<BallotService>().Verify(ctx.Value(id));
            var code = ctx.Emit(new
            {
                campaign = v.Campaign, ok = v.Ok, hash = v.CurrentHash, sealed_hash = v.SealedHash, sheets = v.CurrentSheets,
                sealed_sheets = v.SealedSheets, marks = v.CurrentMarks, sealed_marks = v.SealedMarks, changed_sheets = v.ChangedSheets,
                problems = v.Problems,
            }, o =>
            {
                if (v.Ok) o.WriteLine($"考核 {v.Campaign} 的 {v.CurrentSheets} 张测评票与录入时一致。哈希：{v.CurrentHash}");
            });
            if (v.Ok) return code;
            if (v.ChangedSheets.Count > 0)
                ctx.Err.WriteLine($"测评票核验不符：以下 {v.ChangedSheets.Count} 张测评票在录入后被程序之外改动：{string.Join("、", v.ChangedSheets)}");
            foreach (var p in v.Problems) ctx.Err.WriteLine($"测评票核验不符：{p}");
            return ExitCodes.Refused;
        }));
        return cmd;
    }
}
